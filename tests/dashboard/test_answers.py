"""The answer cache: answers are kept under a memory budget (least recently used go first), a
budget of 0 turns caching off, and a cached answer is served without a query."""

from __future__ import annotations

import dataclasses

import pandas as pd

from chibo.dashboard import answers, data, runtime
from chibo.dashboard.data import Scope
from chibo.dashboard.gateway import tracing
from chibo.dashboard.queries import lookup
from tests.helpers import runtime_for


def frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"v": range(n)})


def test_the_least_recently_used_answer_goes_first_past_the_budget():
    """Three answers of ~8 kB in a 20 kB budget: the one not read lately is dropped."""
    cache = answers.AnswerCache()
    budget = 20_000
    for key in ("a", "b"):
        cache.put(key, frame(1000), budget)
    assert cache.get("a") is not answers.MISSING  # "a" read: "b" is now the oldest
    cache.put("c", frame(1000), budget)
    assert cache.get("b") is answers.MISSING
    assert cache.get("a") is not answers.MISSING and cache.get("c") is not answers.MISSING
    assert cache.bytes <= budget


def test_an_answer_larger_than_the_budget_is_not_kept():
    cache = answers.AnswerCache()
    cache.put("big", frame(10_000), 1_000)
    assert len(cache) == 0 and cache.bytes == 0


def test_a_cached_answer_runs_no_query(fixture_runtime):
    """The second call of a cached query function is answered from memory."""
    data.clear_caches()
    with runtime.bound(fixture_runtime):
        lookup.org_label(Scope.everything(), "B2")
        with tracing() as seen:
            lookup.org_label(Scope.everything(), "B2")
    assert seen == []


def test_no_cache_when_the_budget_is_zero(fixture_warehouse):
    """CHIBO_ANSWER_CACHE_MB=0: every call queries (the benchmarks' baseline)."""
    data.clear_caches()
    with runtime.bound(runtime_for(fixture_warehouse, answer_cache_mb=0)):
        lookup.org_label(Scope.everything(), "B2")
        with tracing() as seen:
            lookup.org_label(Scope.everything(), "B2")
    assert len(seen) == 1 and len(answers.ANSWERS) == 0


def test_a_chart_card_is_drawn_once_per_view(state2025):
    """The second viewer of the same view gets the same figure without a query; another theme
    is another answer."""
    from chibo.dashboard.charts import registry

    data.clear_caches()
    fig, alt = registry.card_answer("members-stock", state2025, "light", Scope.everything())
    with tracing() as seen:
        again = registry.card_answer("members-stock", state2025, "light", Scope.everything())
    assert seen == [] and again == (fig, alt)
    assert fig == registry.build_card("members-stock", state2025, "light", Scope.everything())[0]
    dark, _alt = registry.card_answer("members-stock", state2025, "dark", Scope.everything())
    assert dark != fig


def test_a_failed_chart_is_not_kept(state2025, monkeypatch):
    """A chart whose query failed is drawn anew by the next viewer (its error is not kept)."""
    from chibo.dashboard.charts import registry

    data.clear_caches()

    def broken(scope, f):
        raise RuntimeError("query failed")
    monkeypatch.setitem(registry.CHARTS, "members-stock",
                        dataclasses.replace(registry.CHARTS["members-stock"], data=broken))
    failed, _alt = registry.card_answer("members-stock", state2025, "light", Scope.everything())
    assert not failed["data"]
    monkeypatch.undo()
    fig, _alt = registry.card_answer("members-stock", state2025, "light", Scope.everything())
    assert fig["data"]


def test_the_template_every_figure_shares_is_not_counted_per_figure():
    """A cached figure is counted without the Plotly template all figures share (walking it
    cost more than drawing the chart); a copy of it, held by one answer alone, is counted."""
    import copy

    from chibo.dashboard.charts.theme import FigContext, empty

    fig = empty(FigContext(title="t"))
    template = fig["layout"]["template"]
    own = copy.deepcopy(template)
    assert answers.size_of(template) == 0 and answers.size_of(own) > 10_000
    alone = {**fig, "layout": {**fig["layout"], "template": own}}
    assert answers.size_of(alone) == answers.size_of(fig) + answers.size_of(own)
