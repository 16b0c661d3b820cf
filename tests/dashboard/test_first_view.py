"""The first page load's layout carries its view (chibo/dashboard/components/first_view.py): asked
from a page (its Referer), the layout holds the filter state of that address, the controls and
their options, the navigation, the notice of ignored values and the page itself, so that no
callback of the server runs before the page's own; asked without one, it comes empty and the
shell's callbacks fill it as before."""

from __future__ import annotations

import json

import pytest

from chibo.dashboard import urlstate

LAYOUT = "/_dash-layout"


def layout(client, referrer: str | None) -> dict:
    r = client.get(LAYOUT, headers={"Referer": referrer} if referrer else {})
    assert r.status_code == 200
    return r.get_json()


def props(tree, cid) -> dict:
    """The props of the component with this id (None when it is not in the tree)."""
    found = []

    def walk(node):
        if isinstance(node, dict) and "props" in node:
            if node["props"].get("id") == cid:
                found.append(node["props"])
            for v in node["props"].values():
                walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)
    walk(tree)
    return found[0] if found else None


def text(tree) -> str:
    return json.dumps(tree, ensure_ascii=False)


@pytest.fixture
def client(dash_app):
    c = dash_app.server.test_client()
    c.get("/")
    return c


def test_the_layout_asked_from_a_page_comes_with_the_view_of_its_address(client):
    base = "http://127.0.0.1:8050"
    tree = layout(client, f"{base}/dang-vien?lang=en&province=N25&grain=year")
    state = props(tree, "state")["data"]
    assert state["lang"] == "en" and state["province"] == "N25"
    assert state["params"]["grain"] == "year" and state["period"] == urlstate.DEFAULT_PRESET
    assert props(tree, "lang")["data"] == "en"
    url = props(tree, "url")
    assert (url["pathname"], url["search"]) == ("/dang-vien", "?lang=en&province=N25&grain=year")
    province = props(tree, "filter-province")
    assert province["value"] == "N25" and province["label"] == "Province"
    assert {"value": "N25", "label": "Phú Thọ"} in province["data"]
    assert props(tree, "filter-period")["value"] == urlstate.DEFAULT_PRESET
    assert props(tree, "filter-to")["value"] == state["end"]
    assert props(tree, "filter-notice")["children"] is None
    page = props(tree, "page-content")["children"]
    assert '"Party members"' in text(page) and props(page, {"type": "url-param", "name": "grain"})[
        "value"] == "year"
    links = {p["id"]["path"]: p for p in [props(tree, {"type": "nav-link", "path": path})
                                          for path in ("/", "/dang-vien")]}
    assert links["/dang-vien"]["active"] and not links["/"]["active"]
    assert links["/"]["label"] == "Overview"
    assert links["/"]["href"] == "/?lang=en&province=N25&grain=year"
    assert props(tree, "doc-meta")["data"] == {"title": "Members · chibo", "lang": "en"}
    assert props(tree, "app-title")["children"] == "Party organisation and membership statistics"


def test_ignored_link_values_come_with_their_notice(client):
    tree = layout(client, "http://127.0.0.1/?province=ZZ&foo=1")
    assert props(tree, "state")["data"]["province"] is None
    notice = text(props(tree, "filter-notice")["children"])
    assert "province=ZZ" in notice and "foo=1" in notice


def test_the_organisation_of_the_link_is_among_the_options(client):
    """A picked organisation missing from the options would show a blank box."""
    tree = layout(client, "http://127.0.0.1/to-chuc?org=C1")
    org = props(tree, "filter-org")
    assert org["value"] == "C1" and "C1" in [o["value"] for o in org["data"]]


def test_an_unknown_path_comes_with_the_not_found_page(client):
    tree = layout(client, "http://127.0.0.1/khong-co?lang=en")
    assert props(props(tree, "page-content")["children"], "page-not-found") is not None
    assert props(tree, "doc-meta")["data"]["title"] == "Page not found · chibo"


def test_without_a_referrer_the_layout_comes_empty_for_the_callbacks_to_fill(client):
    """dcc.Location sets its path and query when it mounts, which sets the shell's callbacks off."""
    tree = layout(client, None)
    assert "data" not in props(tree, "state") and "data" not in props(tree, "lang")
    assert "pathname" not in props(tree, "url") and "search" not in props(tree, "url")
    assert props(tree, "page-content")["children"] is None


def test_no_server_callback_of_the_shell_runs_on_the_first_load(client):
    """One round before the first draw: the callbacks that set the shell (the frame every page
    shares) wait for a change, or run in the browser; so the page's own
    callbacks, which take the state and the theme, are the first the server answers. (Before:
    the filter sync set the state, the router waited for the language, the cards for the state
    and the theme.)"""
    frame = json.dumps(layout(client, None))

    def in_frame(cid: str) -> bool:
        cid = json.loads(cid) if cid.startswith("{") else cid
        if isinstance(cid, dict):  # a pattern: some component of its type
            return f'"type": {json.dumps(cid["type"])}' in frame
        return f'"id": {json.dumps(cid)}' in frame

    deps = client.get("/_dash-dependencies").get_json()
    shell = [d for d in deps if all(in_frame(o.rpartition(".")[0])
                                    for o in d["output"].strip(".").split("..."))]
    assert len(shell) >= 10
    for d in shell:
        assert d["prevent_initial_call"] or d["clientside_function"], d["output"]
