"""The Store contract, run against both backends: SQLite (a file) and PostgreSQL (a throwaway
cluster of Debian's binaries). Two store objects on one database stand for two hosts: what one
writes the other reads, and a job is claimed by exactly one of them."""

from __future__ import annotations

import concurrent.futures
import datetime as dt

import pytest

from chibo.dashboard.store import AuditEntry, Exists, Job, KeptAnswer, Session, User, utcnow
from chibo.dashboard.store.migrations import MIGRATIONS


@pytest.fixture(params=["sqlite", "postgresql"])
def opener(request, tmp_path):
    """A function giving a new store object (a new "host") on the same database."""
    if request.param == "sqlite":
        from chibo.dashboard.store.sqlite import SqliteStore

        return lambda: SqliteStore(tmp_path / "users.sqlite3")
    from chibo.dashboard.store.postgres import PostgresStore

    url = request.getfixturevalue("pg_url")
    return lambda: PostgresStore(url)


T0 = dt.datetime(2026, 12, 6, 10, 0, 0, tzinfo=dt.UTC)


def test_users_round_trip_with_scopes_and_times(opener):
    store, other = opener(), opener()
    store.add_user(User("an", "analyst", ("01", "N79"), ("C1",)), "$argon2id$x", T0)
    with pytest.raises(Exists):
        other.add_user(User("an", "admin"), "$argon2id$y", T0)
    assert other.get_user("an") == User("an", "analyst", ("01", "N79"), ("C1",), None)
    assert other.update_user("an", role="leader", last_login_at=T0 + dt.timedelta(hours=7))
    assert not other.update_user("ghost", role="leader")
    with pytest.raises(TypeError):
        other.update_user("an", name="x")
    seen = store.get_user("an")
    assert seen.role == "leader" and seen.last_login_at == T0 + dt.timedelta(hours=7)
    assert seen.last_login_at.tzinfo is not None
    store.add_user(User("bo", "admin"), "$argon2id$z", T0)
    assert [u.name for u in other.list_users()] == ["an", "bo"] and other.count_users() == 2
    assert other.password_hash("bo") == "$argon2id$z" and other.password_hash("no") is None
    assert store.remove_user("bo") and not other.remove_user("bo")


def test_sessions_are_shared_and_ended(opener):
    store, other = opener(), opener()
    store.add_user(User("an", "analyst"), "h", T0)
    store.add_session(Session("hash1", "an", T0, T0, "10.0.0.1"))
    store.add_session(Session("hash2", "an", T0, T0, None))
    assert other.get_session("hash1") == Session("hash1", "an", T0, T0, "10.0.0.1")
    later = T0 + dt.timedelta(minutes=5)
    other.touch_session("hash1", later)
    assert store.get_session("hash1").last_seen_at == later
    store.end_session("hash1")
    assert other.get_session("hash1") is None and other.get_session("hash2") is not None
    other.end_sessions("an")
    assert store.get_session("hash2") is None


def test_failures_by_name_address_and_time(opener):
    store, other = opener(), opener()
    for minutes, name, address in ((0, "an", "a1"), (1, "an", "a2"), (2, "bo", "a1"),
                                   (20, "an", "a1")):
        store.add_failure(name, address, T0 + dt.timedelta(minutes=minutes))
    since = T0 + dt.timedelta(seconds=30)
    assert other.failures(since, name="an") == [(T0 + dt.timedelta(minutes=1), "a2"),
                                               (T0 + dt.timedelta(minutes=20), "a1")]
    assert [t.minute for t, _a in other.failures(T0, address="a1")] == [0, 2, 20]
    assert len(other.failures(T0, name="an", address="a1")) == 2
    other.clear_failures("an", "a1")
    assert len(store.failures(T0)) == 2
    other.clear_failures("an")
    assert [a for _t, a in store.failures(T0)] == ["a1"]


def test_audit_is_newest_first_with_page(opener):
    store, other = opener(), opener()
    for i in range(3):
        store.add_audit(AuditEntry(T0 + dt.timedelta(seconds=i), f"act{i}", "an", "t", "{}",
                                   "10.0.0.1", "/members"))
    entries = other.audit(2)
    assert [e.action for e in entries] == ["act2", "act1"]
    assert entries[0].page == "/members" and entries[0].at == T0 + dt.timedelta(seconds=2)
    assert entries[0].id > entries[1].id


def _job(job_id: str, at: dt.datetime) -> Job:
    return Job(job_id, "boss", ("members.csv", "orgs.xlsx"), f"/uploads/{job_id}", at, at)


def test_jobs_are_listed_updated_and_unique(opener):
    store, other = opener(), opener()
    store.add_job(_job("a" * 16, T0))
    store.add_job(_job("b" * 16, T0 + dt.timedelta(minutes=1)))
    with pytest.raises(Exists):
        other.add_job(_job("a" * 16, T0))
    other.update_job("a" * 16, step="validate", state="done", rc=0, accept_valid=True,
                     host="h1", pid=42)
    job = store.get_job("a" * 16)
    assert (job.step, job.state, job.rc, job.accept_valid, job.host, job.pid) == \
        ("validate", "done", 0, True, "h1", 42)
    assert job.files == ("members.csv", "orgs.xlsx") and job.updated_at > T0
    assert [j.id for j in other.jobs()] == ["b" * 16, "a" * 16]
    assert store.get_job("c" * 16) is None
    with pytest.raises(TypeError):
        store.update_job("a" * 16, user="x")


def test_a_job_is_claimed_by_one_host_and_a_dead_hosts_job_is_retryable(opener):
    """Eight "hosts" claim one job at once: exactly one gets it. Kept alive (update_job) it
    cannot be taken; left without an update past the limit (its host died) another host takes it."""
    first = opener()
    first.add_job(_job("c" * 16, T0))
    hosts = [opener() for _ in range(8)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        won = list(pool.map(lambda i: hosts[i].claim_job("c" * 16, "load", f"h{i}"), range(8)))
    assert won.count(True) == 1
    winner = f"h{won.index(True)}"
    job = first.get_job("c" * 16)
    assert (job.state, job.step, job.host) == ("running", "load", winner)
    recently = utcnow() - dt.timedelta(minutes=1)
    first.update_job("c" * 16)  # the heartbeat of the running host
    assert not hosts[0].claim_job("c" * 16, "load", "late", stale_before=recently)
    assert hosts[1].claim_job("c" * 16, "load", "rescuer",
                              stale_before=utcnow() + dt.timedelta(seconds=2))
    assert first.get_job("c" * 16).host == "rescuer"
    first.update_job("c" * 16, state="done", rc=0)
    assert hosts[2].claim_job("c" * 16, "validate", "next")


def test_only_the_run_seen_dead_is_marked_interrupted(opener):
    """A poll that saw a run's process gone marks the job interrupted only if nothing happened
    since: not once the run's own thread wrote "done" (the process was reaped just before), and
    not once another run claimed the job."""
    store, poller = opener(), opener()
    store.add_job(_job("d" * 16, T0))
    assert store.claim_job("d" * 16, "validate", "h1")
    store.update_job("d" * 16, pid=4242)
    seen = poller.get_job("d" * 16)
    store.update_job("d" * 16, state="done", rc=0)  # the run ended between the poll's two steps
    assert not poller.interrupt_job(seen.id, seen.host, seen.pid)
    assert (store.get_job("d" * 16).state, store.get_job("d" * 16).rc) == ("done", 0)
    assert store.claim_job("d" * 16, "load", "h2")
    assert not poller.interrupt_job(seen.id, seen.host, seen.pid)  # a new run, not the one seen
    assert store.get_job("d" * 16).state == "running"
    assert poller.interrupt_job("d" * 16, "h2", None)
    assert store.get_job("d" * 16).state == "interrupted"


def test_migrations_are_recorded_once_and_a_newer_schema_is_refused(opener):
    store = opener()
    assert store.schema_version() == max(m.version for m in MIGRATIONS)
    store.ping()
    opener().ping()  # a second host: nothing applied twice
    store._run("INSERT INTO schema_migrations VALUES (?, ?, ?)", (99, "future", "now"))
    with pytest.raises(RuntimeError, match="newer than this program"):
        opener().ping()


def test_kept_answers_are_shared_bounded_counted_and_filled_once(opener):
    """What one host keeps the other reads; the bodies stay within the budget (oldest out);
    asks add up across hosts; the most asked of other generations come first; a generation's
    fill is claimed by one host; dropping keeps only the named generation."""
    store, other = opener(), opener()

    def answer(key, generation="g1", body=b"x" * 100):
        return KeptAnswer(key, generation, '{"provinces": null}', "leader", "vi",
                          '{"role": "leader"}', '{"output": "o"}', body, "application/json")

    store.keep_answer(answer("a"), T0, 10_000)
    assert other.kept_answer("a") == answer("a")
    store.keep_answer(answer("a", body=b"y" * 50), T0, 10_000)  # replaced, not added
    assert other.kept_answer("a").body == b"y" * 50
    for i, key in enumerate("bcd"):
        other.keep_answer(answer(key, "g2"), T0 + dt.timedelta(seconds=i + 1), 10_000)
    store.count_asks({"c": 5, "b": 2})
    other.count_asks({"c": 1, "z": 9})  # an answer no longer kept: nothing
    assert [a.key for a in store.most_asked("g1", 2)] == ["c", "b"]
    assert store.most_asked("g1", 9)[0].asks == 7 and store.most_asked("g1", 9)[0].body == b""
    store.keep_answer(answer("e", "g2", b"x" * 200), T0 + dt.timedelta(seconds=9), 320)
    assert [k for k in "abcde" if other.kept_answer(k)] == ["d", "e"]  # 300 bytes of 320
    assert store.claim_fill("g2", "h1", T0) and not other.claim_fill("g2", "h2", T0)
    other.keep_answer(answer("f", "g3"), T0 + dt.timedelta(seconds=10), 10_000)
    store.drop_answers("g3")
    assert [k for k in "abcdef" if other.kept_answer(k)] == ["f"]


def test_every_migration_has_both_backends():
    versions = [m.version for m in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert all(m.sqlite.strip() and m.postgresql.strip() for m in MIGRATIONS)


def test_postgres_describe_never_shows_the_password(pg_url):
    from chibo.dashboard import settings
    from chibo.dashboard.store import open_store
    from chibo.dashboard.store.postgres import PostgresStore

    store = open_store(settings.load(database_url=pg_url))
    assert isinstance(store, PostgresStore)
    password = pg_url.split(":")[2].split("@")[0]
    assert password not in store.describe() and store.describe().startswith("postgresql://chibo@")
    with pytest.raises(settings.SettingsError, match="CHIBO_DATABASE_URL=…"):
        settings.load(database_url="mysql://root:hunter2@db/chibo")


def test_an_upload_job_of_a_host_that_died_reads_interrupted_and_can_be_taken(
        pg_url, fixture_warehouse, tmp_path):
    """Hosts share the jobs in PostgreSQL: a job another host keeps updating stays "running" and
    cannot be claimed; once that host stops updating it (it died), the job reads "interrupted"
    and this host can claim it."""
    from chibo.dashboard import runtime
    from chibo.dashboard.admin import uploads
    from tests.helpers import runtime_for

    rt = runtime_for(fixture_warehouse, database_url=pg_url)
    with runtime.bound(rt):
        now = utcnow()
        rt.store.add_job(Job("e" * 16, "boss", ("members.csv",), str(tmp_path), now, now,
                             "load", "running", None, False, "another-host", 4242))
        assert uploads.status("e" * 16)["state"] == "running"
        assert not rt.store.claim_job("e" * 16, "load", "this-host",
                                      stale_before=utcnow() - uploads.STALE)
        rt.store._run("UPDATE jobs SET updated_at = ? WHERE id = ?",
                      (now - uploads.STALE - dt.timedelta(seconds=1), "e" * 16))
        assert uploads.status("e" * 16)["state"] == "interrupted"
        assert rt.store.claim_job("e" * 16, "load", "this-host",
                                  stale_before=utcnow() - uploads.STALE)
