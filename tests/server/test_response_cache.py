"""Whole callback responses kept on the request path (chibo/dashboard/responses.py,
chibo/dashboard/auth/response_cache.py): a kept answer is the fresh one, for the same viewer
scope and role only, on the same warehouse file only; its inputs are still checked; a failed
answer is never kept; the store keeps to its byte budget."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time

import duckdb
import pytest

from chibo.dashboard import responses
from chibo.dashboard.errors import QueryTooBig
from chibo.dashboard.gateway import Gateway
from chibo.dashboard.responses import ResponseCache
from tests.auth.conftest import login
from tests.helpers import runtime_for, serving

URL = "/_dash-update-component"
KEPT = "X-Chibo-Kept"


def _state(**over) -> dict:
    return {"lang": "vi", "period": "custom", "start": "2024-01-01", "end": "2025-12-31",
            "as_of": "2025-12-31", "old": False, "region": None, "province": None,
            "sector": None, "org": None, "params": {}, **over}


def _kpis(state: dict) -> dict:
    """The overview's KPI cards for a state (a kept callback)."""
    return {"output": "overview-kpis.children",
            "outputs": {"id": "overview-kpis", "property": "children"},
            "inputs": [{"id": "state", "property": "data", "value": state},
                       {"id": "theme", "property": "data", "value": "light"}],
            "state": [], "changedPropIds": ["state.data"]}


def _chart(key: str, state: dict) -> dict:
    graph, alt = {"key": key, "type": "chart-graph"}, {"key": key, "type": "chart-alt"}
    return {"output": '..{"key":["MATCH"],"type":"chart-graph"}.figure...'
                      '{"key":["MATCH"],"type":"chart-alt"}.children..',
            "outputs": [{"id": graph, "property": "figure"}, {"id": alt, "property": "children"}],
            "inputs": [{"id": "state", "property": "data", "value": state},
                       {"id": "theme", "property": "data", "value": "light"}],
            "state": [{"id": graph, "property": "id", "value": graph}],
            "changedPropIds": ["state.data"]}


def _post(client, body: dict):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_a_kept_answer_is_the_fresh_one_for_that_scope_only(logins):
    """The leader's answer is kept and given again; the analyst of province 01 asking the very
    same thing gets their own (smaller) figures, never the leader's; each equals what the
    callback answers with nothing kept."""
    responses.RESPONSES.clear()
    lead, ana = login(logins, "lead"), login(logins, "ana")
    body = _kpis(_state())
    first = _post(lead, body)
    again = _post(lead, body)
    assert first.status_code == again.status_code == 200
    assert KEPT not in first.headers and again.headers.get(KEPT) == "1"
    assert again.get_data() == first.get_data()
    theirs = _post(ana, body)
    assert theirs.status_code == 200 and KEPT not in theirs.headers
    assert theirs.get_data() != first.get_data()
    assert _post(ana, body).get_data() == theirs.get_data()
    # the same answers with nothing kept at all
    fresh = {}
    for name in ("lead", "ana"):
        with serving(logins, runtime_for(logins.server.extensions["chibo"].settings.warehouse,
                                         open_access=False, response_cache_mb=0,
                                         users_db=logins.server.extensions["chibo"].settings.users_db,
                                         callback_rate_limit="100000 per 10 seconds")):
            r = _post(login(logins, name), body)
            assert KEPT not in r.headers
            fresh[name] = r.get_data()
    assert fresh == {"lead": first.get_data(), "ana": theirs.get_data()}


def test_roles_of_the_same_scope_do_not_share_answers(logins):
    """An admin and a leader both see everything, yet an answer kept for one is not the other's
    (pages differ by role)."""
    responses.RESPONSES.clear()
    body = _chart("overview-trend", _state())
    assert _post(login(logins, "boss"), body).status_code == 200
    r = _post(login(logins, "lead"), body)
    assert r.status_code == 200 and KEPT not in r.headers


def test_a_kept_answer_is_audited_as_a_read(logins):
    """A chart given from the kept answers is logged as a read of that viewer, as a fresh one."""
    from chibo.dashboard.auth import users

    responses.RESPONSES.clear()
    body = _chart("overview-trend", _state(province="N01"))
    _post(login(logins, "boss"), body)
    before = max((e["id"] for e in users.audit_log(1)), default=0)
    again = _post(login(logins, "boss"), body)
    assert again.headers.get(KEPT) == "1"
    reads = [e for e in users.audit_log(50) if e["id"] > before and e["action"] == "read"]
    assert [(e["actor"], '"province": "N01"' in e["detail"]) for e in reads] == [("boss", True)]


def test_inputs_are_checked_before_a_kept_answer(logins):
    """A request whose state is malformed is refused (400) even when its kept twin exists."""
    responses.RESPONSES.clear()
    lead = login(logins, "lead")
    body = _kpis(_state())
    _post(lead, body)
    assert _post(lead, body).headers.get(KEPT) == "1"
    bad = _kpis(_state(start="2024-13-45"))
    assert _post(lead, bad).status_code == 400
    anonymous = logins.server.test_client()
    assert _post(anonymous, body).status_code == 401


def test_a_new_warehouse_file_drops_the_kept_answers(logins, users_db, fixture_warehouse,
                                                     tmp_path):
    """Once the published file is replaced (a new generation), the kept answers of the old one
    are no longer given by the process, and are forgotten (the answers every process keeps are
    off here: they are named by the file's content, the same)."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    rt = runtime_for(path, open_access=False, users_db=users_db, kept_answers_mb=0,
                     callback_rate_limit="100000 per 10 seconds")
    with serving(logins, rt):
        lead = login(logins, "lead")
        body = _kpis(_state())
        first = _post(lead, body)
        assert _post(lead, body).headers.get(KEPT) == "1"
        assert len(responses.RESPONSES) == 1
        shutil.copy(fixture_warehouse, tmp_path / "next.duckdb")
        os.replace(tmp_path / "next.duckdb", path)  # as the ETL publishes
        after = _post(lead, body)
        assert after.status_code == 200 and KEPT not in after.headers
        assert after.get_data() == first.get_data()  # the same rows, read anew
        assert len(responses.RESPONSES) == 1  # only the new file's answer


def test_a_failed_answer_is_never_kept(logins, users_db, fixture_warehouse, tmp_path):
    """On a file that lacks the membership facts, the trend chart answers 200 with its "could
    not be drawn" figure and the KPI cards fail: neither answer is kept, each is tried anew."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("DROP VIEW marts.fct_membership_monthly")
        con.execute("DROP TABLE marts.fct_membership_monthly_by_key CASCADE")
        con.execute("DROP TABLE marts.agg_members_monthly CASCADE")
    rt = runtime_for(path, open_access=False, users_db=users_db,
                     callback_rate_limit="100000 per 10 seconds")
    with serving(logins, rt):
        lead = login(logins, "lead")
        for body in (_chart("overview-trend", _state()), _kpis(_state())):
            first, again = _post(lead, body), _post(lead, body)
            assert KEPT not in again.headers, body["output"]
            assert first.get_data() == again.get_data()
        assert _post(lead, _chart("overview-trend", _state())).status_code == 200
        assert len(responses.RESPONSES) == 0


def test_a_statement_too_big_even_alone_is_refused_in_words(fixture_warehouse):
    """Past the process's DuckDB memory limit a statement is tried once more alone, then
    refused with QueryTooBig (said in both languages), which the callbacks show to the viewer;
    a statement that fits runs."""
    gateway = Gateway(fixture_warehouse, memory_mb=1)
    assert gateway.query_row("SELECT count(*) FROM marts.dim_org")[0] > 0
    with pytest.raises(QueryTooBig, match="narrow the filters"):
        gateway.query("SELECT * FROM range(2000000) t(i) ORDER BY i DESC")


def test_the_store_keeps_to_its_byte_budget():
    """The least recently used answers go first; an answer over the whole budget is not kept;
    the bytes counted never pass the budget."""
    store, sig = ResponseCache(), ("file", 1)
    budget = 10_000
    for i in range(40):
        store.put(("scope", "role", "vi", f"k{i}"), sig, b"x" * 1000, "application/json", budget)
        assert store.bytes <= budget
    assert store.get(("scope", "role", "vi", "k0"), sig) is None
    assert store.get(("scope", "role", "vi", "k39"), sig) == (b"x" * 1000, "application/json")
    assert 5 <= len(store) < 10
    store.put(("scope", "role", "vi", "huge"), sig, b"x" * 20_000, "application/json", budget)
    assert store.get(("scope", "role", "vi", "huge"), sig) is None
    store.get(("scope", "role", "vi", "k39"), ("file", 2))  # another file: all forgotten
    assert len(store) == 0 and store.bytes == 0


def test_a_statement_out_of_memory_runs_again_alone():
    """instances.Gate: `alone()` waits for the statements running `together()` to end and holds
    new ones back until it is done."""
    from chibo.dashboard.instances import Gate

    gate, seen = Gate(), []
    running, release = threading.Event(), threading.Event()

    def other():
        with gate.together():
            running.set()
            release.wait(10)
            seen.append("other")

    t = threading.Thread(target=other)
    t.start()
    running.wait(10)

    def lone():
        with gate.alone():
            seen.append("alone")

    u = threading.Thread(target=lone)
    u.start()
    while not gate._waiting:  # it has asked to run alone
        time.sleep(0.001)
    assert seen == [] and u.is_alive()  # and waits for the running statement
    release.set()
    t.join(10)
    u.join(10)
    assert seen == ["other", "alone"]


def test_a_question_being_answered_is_waited_for(logins):
    """While the answer to a question is being drawn, the same question from another request of
    that scope and role waits and is given that answer once kept, without drawing it again."""
    from chibo.dashboard import data
    from chibo.dashboard.auth import response_cache
    from chibo.dashboard.data import Scope

    responses.RESPONSES.clear()
    body = _kpis(_state())
    rt = logins.server.extensions["chibo"]
    alone = runtime_for(rt.settings.warehouse, open_access=False, kept_answers_mb=0,
                        users_db=rt.settings.users_db, callback_rate_limit="100000 per 10 seconds")
    with serving(logins, alone):  # this process's kept answers alone
        lead = login(logins, "lead")
        drawn = _post(lead, body).get_data()  # what the callback answers
        responses.RESPONSES.clear()
        with logins.server.test_request_context("/"):
            signature = data.signature()
        key = (Scope.everything(), "leader", "vi", responses.request_key(body))
        event = threading.Event()
        response_cache._DRAWING[key, signature] = event  # another request is drawing it
        answers = []
        asker = threading.Thread(target=lambda: answers.append(_post(lead, body)))
        asker.start()
        while asker.is_alive() and not event._cond._waiters:  # until the asker waits for it
            time.sleep(0.001)
        responses.RESPONSES.put(key, signature, drawn, "application/json", 10**6)
        response_cache._DRAWING.pop((key, signature))
        event.set()
        asker.join(30)
        assert answers[0].headers.get(KEPT) == "1" and answers[0].get_data() == drawn
