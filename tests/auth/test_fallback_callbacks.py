"""Issue 11: with no readable warehouse generation at all, every callback of the app, posted
through Dash's real endpoint by a logged-in admin and analyst, answers without a server error
(the notice instead of data), also when every generation opens but fails its checksum only once
callbacks query it (the failure meets a callback halfway: the app's on_error answers); the same
requests on a warehouse that fell back to an earlier generation answer with its data."""

from __future__ import annotations

import collections

import dash
import pytest

from tests.auth import forge
from tests.auth.conftest import login
from tests.auth.test_enforcement import _state, _values
from tests.helpers import runtime_for, serving
from tests.warehouse_faults import clone, corrupt_header, corrupt_table, generation_file

BREAKS = {  # how each generation is broken
    "fallback": {3: corrupt_header},
    "nothing-readable": {3: corrupt_header, 2: corrupt_header, 1: corrupt_header},
    "every-query-fails": {g: lambda path: corrupt_table(path, "marts.dim_org") for g in (3, 2, 1)},
}


def bodies(app) -> list[dict]:
    ids = forge.layout_ids(app)
    paths = [p["path"] for p in dash.page_registry.values()]
    out = []
    for key, cb in app.callback_map.items():
        if "callback" in cb:  # clientside callbacks run in the browser
            for path in (paths if key.endswith("page-content.children") else ["/"]):
                out += forge.requests_for(key, cb, ids, _values(_state(), path))
    return out


@pytest.mark.parametrize("broken", BREAKS)
def test_no_callback_answers_a_server_error(published_generations, tmp_path, dash_app, users_db,
                                            broken):
    warehouse = clone(published_generations, tmp_path / "wh")
    for generation, corrupt in BREAKS[broken].items():
        corrupt(generation_file(warehouse, generation))
    rt = runtime_for(warehouse, open_access=False, users_db=users_db,
                     callback_rate_limit="100000 per 10 seconds")
    with serving(dash_app, rt):
        dash_app.server.test_client().get("/login")  # Dash sets up its callbacks on a first request
        requests = bodies(dash_app)
        assert len(requests) > 30
        for name in ("boss", "ana"):
            client = login(dash_app, name)
            answers = collections.Counter()
            texts = []
            for body in requests:
                resp = forge.post(client, body)
                answers[resp.status_code] += 1
                assert resp.status_code in (200, 204), (name, body["output"], resp.status_code)
                texts.append(forge.response_text(resp))
            assert answers[200] > 20
            unreadable = any("Kho dữ liệu tạm thời không đọc được" in t for t in texts)
            assert unreadable == (broken != "fallback")
