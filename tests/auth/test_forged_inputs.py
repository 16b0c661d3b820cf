"""The forged-input matrix: every callback listed by `/_dash-dependencies`, posted with each of
its inputs and states replaced by a value of the wrong shape (a list, an object, a number, a
long string), answers 2xx or 4xx — never 500 — for an admin (who reaches every page's callbacks)
and an analyst; the same requests with their proper values are all served."""

from __future__ import annotations

import collections

import pytest

from tests.auth import forge
from tests.auth.conftest import login
from tests.auth.test_enforcement import _state, _values

WRONG = {"list": ["N01", ["x"]], "object": {"province": "N01", "$ne": 1}, "number": 12345.5,
         "long": "Hà Nội " * 2000}


def _bodies(app, client) -> list[dict]:
    import dash

    ids = forge.layout_ids(app)
    deps = client.get("/_dash-dependencies").get_json()
    paths = [p["path"] for p in dash.page_registry.values()]
    bodies = []
    for cb in deps:
        if cb.get("clientside_function"):
            continue
        for path in (paths if cb["output"].endswith("page-content.children") else ["/"]):
            bodies += forge.requests_for(cb["output"], cb, ids, _values(_state(), path))[:1]
    return bodies


def _variants(body: dict):
    """The body once per (input or state entry, wrong value)."""
    for part in ("inputs", "state"):
        for n, entry in enumerate(body[part]):
            if not isinstance(entry, dict):
                continue
            for kind, wrong in WRONG.items():
                forged = [dict(e) if isinstance(e, dict) else e for e in body[part]]
                forged[n] = {**entry, "value": wrong}
                yield f"{entry['id']}.{entry['property']}={kind}", {**body, part: forged}


@pytest.mark.parametrize("user", ["boss", "ana"])
def test_wrong_shaped_inputs_never_give_500(logins, user):
    client = login(logins, user)
    bodies = _bodies(logins, client)
    assert len(bodies) > 30
    failures, codes = [], collections.Counter()
    for body in bodies:
        for what, forged in _variants(body):
            status = forge.post(client, forged).status_code
            codes[status // 100] += 1
            if status >= 500:
                failures.append(f"{body['output']}: {what}")
    assert failures == [], f"{len(failures)} of {sum(codes.values())} gave 5xx:\n" + "\n".join(failures[:40])
    assert codes[4] > 100  # the checks refuse most of them before any callback runs
    baseline = collections.Counter(forge.post(client, b).status_code for b in bodies)
    assert set(baseline) <= {200, 204}, baseline  # the same requests, well formed, all served
