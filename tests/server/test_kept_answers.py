"""Whole callback responses kept for every process and host in the state store
(chibo/dashboard/kept.py) and drawn again for a new generation (chibo/dashboard/auth/fill.py):
another process gives the answer one drew, for the same generation, scope, role and language
only; the login, the rate limit and the input check still come first and a kept answer is
audited as a read; the store keeps to its budget; a new generation gets the answers asked most
of the one before, once, without an audited read."""

from __future__ import annotations

import shutil

import duckdb

from chibo.dashboard import data, kept, responses, runtime
from chibo.dashboard.auth import fill, users
from chibo.dashboard.store import KeptAnswer, utcnow
from chibo.dashboard.store.sqlite import SqliteStore
from tests.auth.conftest import login
from tests.helpers import runtime_for, serving
from tests.server.test_response_cache import KEPT, _chart, _kpis, _post, _state


def _reads_since(before: int) -> list[dict]:
    return [e for e in users.audit_log(100) if e["id"] > before and e["action"] == "read"]


def _last_audit() -> int:
    return max((e["id"] for e in users.audit_log(1)), default=0)


def test_another_process_gives_the_answer_one_drew(logins):
    """With this process's kept answers forgotten (as in another worker, or one that replaced
    it), the answer comes from the store, equal to the fresh one, and is audited as a read;
    with the store off it is drawn again."""
    body = _chart("overview-trend", _state(province="N02", start="2024-03-01"))
    boss = login(logins, "boss")
    first = _post(boss, body)
    assert first.status_code == 200
    responses.RESPONSES.clear()
    before = _last_audit()
    again = _post(boss, body)
    assert again.headers.get(KEPT) == "2" and again.get_data() == first.get_data()
    assert [e["actor"] for e in _reads_since(before)] == ["boss"]
    assert _post(boss, body).headers.get(KEPT) == "1"  # now kept by this process too
    rt = logins.server.extensions["chibo"]
    off = runtime_for(rt.settings.warehouse, open_access=False, users_db=rt.settings.users_db,
                      kept_answers_mb=0, callback_rate_limit="100000 per 10 seconds")
    with serving(logins, off):
        r = _post(login(logins, "boss"), body)
        assert r.status_code == 200 and KEPT not in r.headers
        assert r.get_data() == first.get_data()


def test_kept_answers_never_cross_scopes_roles_or_languages(logins):
    """The same request by an analyst of province 01, by a leader (the admin's scope, another
    role) and in English is drawn for each, never given the admin's kept answer."""
    mine = {"start": "2024-04-01"}  # a question no other test asks
    boss = _post(login(logins, "boss"), _kpis(_state(**mine)))
    for name, state in (("ana", _state(**mine)), ("lead", _state(**mine)),
                        ("boss", _state(lang="en", **mine))):
        responses.RESPONSES.clear()
        r = _post(login(logins, name), _kpis(state))
        assert r.status_code == 200 and KEPT not in r.headers, name
        assert name == "lead" or r.get_data() != boss.get_data()


def test_a_row_of_another_scope_is_not_given_even_under_the_same_key(fixture_warehouse,
                                                                      tmp_path):
    """The reader checks the row's generation, scope, role and language against its own: a row
    under the asked key that names another scope (a forged or colliding key) is not given."""
    rt = runtime_for(fixture_warehouse, users_db=tmp_path / "users.sqlite3")
    asked = KeptAnswer("k" * 40, "g1", '{"provinces": ["01"]}', "analyst", "vi", "{}", "{}",
                       b"", "")
    with runtime.bound(rt):
        rt.store.keep_answer(KeptAnswer(asked.key, "g1", '{"provinces": null}', "analyst",
                                        "vi", "{}", "{}", b"theirs", "application/json"),
                             utcnow(), 10**6)
        assert kept.fetch(asked) is None
        for other in ("generation", "role", "lang"):
            row = KeptAnswer(**{**vars(asked), other: "x", "body": b"b", "content_type": "t"})
            rt.store.keep_answer(row, utcnow(), 10**6)
            assert kept.fetch(asked) is None, other
        rt.store.keep_answer(KeptAnswer(**{**vars(asked), "body": b"ours",
                                           "content_type": "t"}), utcnow(), 10**6)
        assert kept.fetch(asked) == (b"ours", "t")


def test_checks_come_before_an_answer_from_the_store(logins):
    """A malformed state is refused (400) and an anonymous request (401) although the store
    holds the answer to the same request."""
    body = _kpis(_state(province="N01", start="2024-05-01"))
    lead = login(logins, "lead")
    _post(lead, body)
    responses.RESPONSES.clear()
    assert _post(lead, body).headers.get(KEPT) == "2"
    responses.RESPONSES.clear()
    assert _post(lead, _kpis(_state(province="N01", start="2024-05-01",
                                                        end="2025-02-30"))).status_code == 400
    assert _post(logins.server.test_client(), body).status_code == 401


def test_the_store_keeps_to_its_budget(tmp_path):
    """Past the budget the oldest kept go first; the bodies kept never pass it."""
    store = SqliteStore(tmp_path / "users.sqlite3")
    for i in range(30):
        store.keep_answer(KeptAnswer(f"b{i:02d}", "g", "s", "r", "vi", "{}", "{}", b"x" * 1000,
                                     "t"), utcnow(), 10_000)
        kept_now = [store.kept_answer(f"b{j:02d}") for j in range(i + 1)]
        assert sum(len(a.body) for a in kept_now if a is not None) <= 10_000
    assert store.kept_answer("b29") is not None and store.kept_answer("b00") is None
    assert 5 <= sum(store.kept_answer(f"b{j:02d}") is not None for j in range(30)) <= 10


def test_a_new_generation_draws_the_answers_asked_most(logins, users_db, fixture_warehouse,
                                                       tmp_path):
    """Publishing a new generation: the answers asked most of the one before are drawn for it
    by one process (a second claim draws nothing), without an audited read; a viewer then gets
    them kept, for their scope only."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    rt = runtime_for(path, open_access=False, users_db=users_db,
                     callback_rate_limit="100000 per 10 seconds")
    mine = {"start": "2024-06-01"}
    asked, other = _chart("overview-trend", _state(**mine)), _kpis(_state(old=True, **mine))
    with serving(logins, rt):
        lead = login(logins, "lead")
        drawn = _post(lead, asked).get_data()
        _post(lead, other)
        with logins.server.test_request_context("/"):
            first = kept.generation(data.signature())
        rt.store.count_asks({kept.digest(first, kept.scope_text(data.Scope.everything()),
                                         "leader", "vi", responses.request_key(asked)): 10**6})
        shutil.copy(fixture_warehouse, tmp_path / "next.duckdb")
        with duckdb.connect(str(tmp_path / "next.duckdb")) as con:
            con.execute("INSERT INTO meta.generation SELECT max(generation) + 1, now(), 'next',"
                        " NULL FROM meta.generation")
        (tmp_path / "next.duckdb").replace(path)  # as the ETL publishes
        with logins.server.test_request_context("/"):
            second = kept.generation(data.signature())
        assert second != first
        before = _last_audit()
        assert fill.fill(logins.server, rt, second, most=1) == 1
        assert fill.fill(logins.server, rt, second) == 0  # claimed once
        assert _reads_since(before) == []
        responses.RESPONSES.clear()
        again = _post(lead, asked)
        assert again.headers.get(KEPT) == "2" and again.get_data() != drawn  # the new one's
        assert KEPT not in _post(lead, other).headers  # not among the most asked
        r = _post(login(logins, "ana"), asked)
        assert r.status_code == 200 and KEPT not in r.headers
    fresh = runtime_for(path, open_access=False, users_db=users_db, kept_answers_mb=0,
                        response_cache_mb=0, callback_rate_limit="100000 per 10 seconds")
    with serving(logins, fresh):
        assert _post(login(logins, "lead"), asked).get_data() == again.get_data()
