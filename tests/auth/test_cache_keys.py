"""Cached answers are keyed by the viewer's scope: every cached query function takes `scope`
first (so one viewer's answer is never served to another), except the few that hold no data
of any organisation."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import chibo.dashboard.queries
from chibo.dashboard import data

NO_VIEWER_DATA = {"province_codes", "trend_as_of"}  # reference codes, a date


def cached_functions():
    mods = [data] + [importlib.import_module(f"chibo.dashboard.queries.{m.name}")
                     for m in pkgutil.iter_modules(chibo.dashboard.queries.__path__)]
    for mod in mods:
        for name, fn in vars(mod).items():
            if callable(fn) and hasattr(fn, "cache_clear") and hasattr(fn, "__wrapped__") \
                    and fn.__module__ == mod.__name__:
                yield name, fn


def test_every_cached_query_is_keyed_by_scope(dash_app):
    """A cache key without the scope would hand one province's numbers to another's analyst."""
    found = dict(cached_functions())
    assert len(found) > 10
    for name, fn in found.items():
        if name in NO_VIEWER_DATA:
            continue
        first = next(iter(inspect.signature(fn).parameters))
        assert first == "scope", name


def test_same_query_different_scopes_different_answers(dash_app):
    """The cache really separates scopes: Hà Nội's analyst and leadership get different rows."""
    from chibo.dashboard.data import Scope

    everything = data.filter_choices(Scope.everything())["provinces"]
    hanoi = data.filter_choices(Scope(provinces=frozenset({"N01"})))["provinces"]
    assert set(hanoi["province_code"]) == {"01", "N01"}
    assert {"25", "26", "N25"} <= set(everything["province_code"])
    assert data.filter_choices(Scope.nothing())["provinces"].empty
