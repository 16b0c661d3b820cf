"""Scopes enforced on the server: forged requests to every callback, exports, a user without
scope, and the role × page matrix — all through Dash's real HTTP endpoint with logins on."""

from __future__ import annotations

import json

import dash
import pytest

from tests.auth import forge
from tests.auth.conftest import login

OUT_OF_SCOPE = ("Phú Thọ", "Vĩnh Phúc", "Đồng Ích")  # province N25 (old 25, 26) and cell B2
IN_SCOPE = ("Sở Tài chính", "Phòng Ngân sách")        # organisations of Hà Nội (01 → N01)
FORGED = {  # states naming what the analyst of 01 must not see
    "province_org": {"province": "N25", "org": "B2"},
    "old_province_region": {"old": True, "province": "26", "region": "northern_midlands",
                            "org": "P2"},
}


def _state(**over) -> dict:
    base = {"lang": "vi", "period": "custom", "start": "2024-01-01", "end": "2025-12-31",
            "as_of": "2025-12-31", "old": False, "region": None, "province": None,
            "sector": None, "org": None, "params": {}}
    params = {}
    from chibo.dashboard import urlstate

    for name, (_choices, default) in urlstate._PARAMS.items():
        params[name] = default
    return {**base, "params": params, **over}


def _values(state: dict, path: str = "/"):
    """Input values of a forged request: the forged state, filter controls naming N25/B2."""
    search = "?" + "&".join(f"{k}={v if v is not True else 1}" for k, v in state.items()
                            if k in ("province", "org", "region", "old") and v)

    def value(ident, prop):
        fixed = {("state", "data"): state, ("lang", "data"): "vi", ("theme", "data"): "light",
                 ("url", "pathname"): path, ("url", "search"): search,
                 ("filter-province", "value"): state.get("province"),
                 ("filter-org", "value"): state.get("org"),
                 ("filter-region", "value"): state.get("region"),
                 ("filter-old", "checked"): state.get("old"),
                 ("filter-org", "searchValue"): "Phú", ("filter-patch", "data"): state}
        if isinstance(ident, str) and (ident, prop) in fixed:
            return fixed[(ident, prop)]
        if prop in ("n_clicks", "n_intervals"):
            return 1
        if prop == "getRowsRequest":  # a paged grid's first block
            return {"startRow": 0, "endRow": 100, "sortModel": [], "filterModel": {}}
        return None
    return value


@pytest.fixture
def forged_bodies(logins):
    app = logins
    ids = forge.layout_ids(app)
    paths = [p["path"] for p in dash.page_registry.values()]

    def make(state):
        bodies = []
        for key, cb in app.callback_map.items():
            if "callback" not in cb:  # clientside: runs in the browser, nothing to forge
                continue
            for path in (paths if key.endswith("page-content.children") else ["/"]):
                bodies += forge.requests_for(key, cb, ids, _values(state, path))
        return bodies
    return make


def _scan(client, bodies, enough: int | None = None) -> tuple[dict[str, list[str]], int]:
    """Out-of-scope names found per callback output, and how many requests answered 200
    (stops once `enough` outputs showed them)."""
    leaks, ok = {}, 0
    for body in bodies:
        if enough is not None and len(leaks) >= enough:
            break
        resp = forge.post(client, body)
        # 500: a page callback failing on empty data shows Flask's generic page (no data); the
        # scan below still checks its text
        assert resp.status_code in (200, 204, 500), (body["output"], resp.status_code)
        ok += resp.status_code == 200
        text = forge.response_text(resp)
        found = [n for n in OUT_OF_SCOPE if n in text]
        if found:
            leaks.setdefault(body["output"], []).extend(found)
    return leaks, ok


@pytest.mark.parametrize("forged", FORGED, ids=list(FORGED))
def test_forged_out_of_scope_requests_return_nothing_of_it(logins, forged_bodies, forged):
    """Every callback, posted directly with another province/organisation, leaks no name of it
    to an analyst of 01 — while the same requests do show it to leadership (the check works)."""
    bodies = forged_bodies(_state(**FORGED[forged]))
    assert len(bodies) > 30
    leaks, ok = _scan(login(logins, "ana"), bodies)
    assert leaks == {}
    assert ok > 20
    leader_leaks, _ = _scan(login(logins, "lead"), bodies, enough=3)
    assert len(leader_leaks) >= 3, leader_leaks


def test_user_without_scope_sees_nothing(logins, forged_bodies):
    """An analyst without provinces or organisations gets no organisation of either province."""
    client = login(logins, "nobody")
    for body in forged_bodies(_state()):
        text = forge.response_text(forge.post(client, body))
        assert not [n for n in (*IN_SCOPE, *OUT_OF_SCOPE) if n in text], body["output"]


def test_org_subtree_analyst_sees_only_that_subtree(logins, forged_bodies):
    """An analyst of cell S1 never sees its sibling cells S2/S3 or the other province."""
    client = login(logins, "organa")
    for body in forged_bodies(_state()):
        text = forge.response_text(forge.post(client, body))
        assert not [n for n in ("Phòng Đầu tư", "Văn phòng", *OUT_OF_SCOPE) if n in text], \
            body["output"]


def _export_bodies(app, state):
    ids = forge.layout_ids(app)
    bodies = []
    for key, cb in app.callback_map.items():
        if "download" in key and key.endswith(".data") and "callback" in cb:
            for body in forge.requests_for(key, cb, ids, _values(state)):
                bodies += forge.each_trigger(body)
    return bodies


def test_analyst_exports_contain_only_their_province(logins):
    """CSV and XLSX of every chart and table, downloaded by the analyst of 01: Hà Nội only;
    leadership's same exports do include Phú Thọ."""
    from chibo.dashboard.auth import users

    bodies = _export_bodies(logins, _state())
    assert len(bodies) >= 5
    files = {"ana": [], "lead": []}
    for name in files:
        client = login(logins, name)
        for body in bodies:
            for d in forge.downloads(forge.post(client, body)):
                files[name].append((d["filename"], forge.decode_download(d)))
    assert any(f.endswith(".xlsx") for f, _ in files["ana"])
    assert any(f.endswith(".csv") for f, _ in files["ana"])
    for fname, text in files["ana"]:
        assert not [n for n in OUT_OF_SCOPE if n in text], fname
    assert any(n in text for _f, text in files["ana"] for n in IN_SCOPE)
    assert any(n in text for _f, text in files["lead"] for n in OUT_OF_SCOPE)
    exports = [e for e in users.audit_log(2000) if e["action"] == "export" and e["actor"] == "ana"]
    assert len(exports) >= len(files["ana"])
    assert all(e["detail"] and '"start"' in e["detail"] and e["at"].endswith("+00:00")
               for e in exports)  # the filters applied, a UTC time with its zone


def _route(client, path: str):
    ids = forge.layout_ids(dash.get_app())
    key = next(k for k in dash.get_app().callback_map if k.endswith("page-content.children"))
    body = forge.requests_for(key, dash.get_app().callback_map[key], ids, _values(_state(), path))[0]
    return forge.response_text(forge.post(client, body))


ADMIN_PAGES = ("/quan-tri/tai-len", "/quan-tri/nguoi-dung")


@pytest.mark.parametrize("role_user", ["boss", "lead", "ana", "nobody"])
def test_role_page_matrix(logins, role_user):
    """Admin pages open for admins only; every reading page opens for every role; the nav shows
    the admin pages to admins only."""
    client = login(logins, role_user)
    for page in dash.page_registry.values():
        text = _route(client, page["path"])
        forbidden = "page-forbidden" in text
        assert forbidden == (page["path"] in ADMIN_PAGES and role_user != "boss"), page["path"]
    nav = client.get("/_dash-layout").get_data(as_text=True)
    assert ("quan-tri" in nav) == (role_user == "boss")  # JSON escapes the slashes


def test_admin_callbacks_refuse_non_admins(logins):
    """Users and audit rows, and upload jobs, only ever reach an admin."""
    app = logins
    key = next(k for k in app.callback_map if "admin-audit.rowData" in k)
    body = forge.requests_for(key, app.callback_map[key], [], lambda i, p: "vi")[0]
    for name, allowed in (("boss", True), ("lead", False), ("ana", False)):
        doc = json.loads(forge.post(login(app, name), body).get_data(as_text=True))
        rows = doc["response"]["admin-users"]["rowData"]
        assert bool(rows) == allowed, name


def test_anonymous_requests_get_nothing(logins):
    """Without a session: pages redirect to the login form, Dash endpoints answer 401."""
    client = logins.server.test_client()
    assert client.get("/dang-vien").status_code == 302
    assert client.get("/_dash-layout").status_code == 401
    body = _export_bodies(logins, _state())[0]
    assert forge.post(client, body).status_code == 401


def test_server_side_chart_export_follows_the_session_scope(logins):
    """/export/chart/… named with another province gives the analyst nothing of it (the image
    is built on the server from the session's scope); leadership's shows it."""
    url = "/export/chart/regions-ranking.svg?from=2024-01-01&to=2025-12-31&province=N25"
    anonymous = logins.server.test_client().get(url)
    assert anonymous.status_code == 302 and anonymous.headers["Location"].startswith("/login")
    ana = login(logins, "ana").get(url)
    lead = login(logins, "lead").get(url)
    assert lead.status_code == 200 and "Phú Thọ" in lead.get_data(as_text=True)
    assert not [n for n in OUT_OF_SCOPE if n in ana.get_data(as_text=True)]


def test_an_old_province_scope_is_that_old_province_only(logins, forged_bodies):
    """An analyst of old Phú Thọ (25) sees the organisations recorded in 25, never those of old
    Vĩnh Phúc (26) merged with it into N25 — not even through forged requests naming N25 — and
    an analyst of 26 sees Đồng Ích (B2) but not the Phú Thọ committee. The old code widened an
    old code to its whole successor."""
    import flask

    from chibo.dashboard.auth import access, users
    from chibo.dashboard.queries import lookup

    for name, code in (("old25", "25"), ("old26", "26")):
        if users.get_user(name) is None:
            users.add_user(name, "analyst", "mat-khau-dai-12", (code,))
    seen = {}
    for name in ("old25", "old26"):
        with logins.server.test_request_context("/"):
            flask.g.chibo_user = users.get_user(name)
            scope = access.current_scope()
            seen[name] = {o for o in ("P1", "P2", "B2", "S1") if lookup.org_exists(scope, o)}
    assert seen == {"old25": {"P2"}, "old26": {"B2"}}
    bodies = forged_bodies(_state(province="N25", org="B2"))
    leaks, ok = _scan(login(logins, "old25"), bodies)
    assert ok > 20 and not [n for found in leaks.values() for n in found if n == "Đồng Ích"]


def test_every_chart_and_table_read_is_audited(logins, forged_bodies):
    """A chart or table filled for a viewer is logged as a read: the user, the page (the path
    the browser's Referer names), the chart or table, and the filters of the state it was
    answered for."""
    from chibo.dashboard.auth import users

    bodies = [b for b in forged_bodies(_state(province="N01"))
              if any(o.endswith((".figure", ".rowData", ".getRowsResponse"))
                     for o in b["output"].strip(".").split("..."))][:6]
    assert bodies
    before = max((e["id"] for e in users.audit_log(1)), default=0)
    client = login(logins, "lead")
    for body in bodies:
        r = client.post("/_dash-update-component", data=json.dumps(body),
                        content_type="application/json",
                        headers={"Referer": "http://localhost/dang-vien?province=N01"})
        assert r.status_code in (200, 204)
    reads = [e for e in users.audit_log(500) if e["id"] > before and e["action"] == "read"]
    assert reads and all(e["actor"] == "lead" and e["page"] == "/dang-vien" and e["target"]
                         for e in reads)
    assert all('"province": "N01"' in e["detail"] and e["at"].endswith("+00:00") for e in reads)
