"""The scope a view shows is named in every subtitle, slide, export and file name: an analyst's
Hà Nội deck never says "Toàn quốc"; leadership's unfiltered view does (issue 13)."""

from __future__ import annotations

import io
from urllib.parse import unquote

from pptx import Presentation

from tests.auth.conftest import login

YEAR = "from=2025-01-01&to=2025-12-31"


def _texts(prs) -> list[str]:
    return [sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame]


def _file_name(resp) -> str:
    return unquote(resp.headers["Content-Disposition"].split("filename*=UTF-8''")[1])


def test_scope_names_follow_viewer_and_filters():
    """Viewer scope × filters → the name shown."""
    from chibo.dashboard.charts.captions import scope_name
    from chibo.dashboard.data import Scope

    state = {"region": None, "province": None, "sector": None, "org": None}
    everything, hanoi = Scope.everything(), Scope(provinces=frozenset({"N01"}))
    assert scope_name(state, "vi", everything) == "Toàn quốc"
    assert scope_name(state, "en", everything) == "Whole country"
    assert scope_name(state, "vi", hanoi) == "Hà Nội"
    assert scope_name(state, "vi", Scope(org_roots=frozenset({"S1"}))) == "Chi bộ Phòng Ngân sách"
    assert scope_name({**state, "region": "northern_midlands", "province": "N25"}, "vi",
                      everything) == "Trung du và miền núi phía Bắc · Phú Thọ"
    assert scope_name({**state, "region": "red_river_delta"}, "vi", hanoi) == \
        "Đồng bằng sông Hồng · Hà Nội"
    assert scope_name({**state, "sector": "agency"}, "vi", hanoi) == "Hà Nội · Cơ quan hành chính"


def test_analyst_deck_and_images_name_their_province(logins):
    """The analyst of Hà Nội: every slide's context and the file names say Hà Nội, never
    "Toàn quốc"; leadership's unfiltered deck says Toàn quốc."""
    ana, lead = login(logins, "ana"), login(logins, "lead")
    url = f"/export/deck.pptx?{YEAR}&deck=members-stock,quality-levels"
    mine = ana.get(url)
    assert mine.status_code == 200
    assert "Hà Nội" in _file_name(mine)
    texts = _texts(Presentation(io.BytesIO(mine.data)))
    assert any("Hà Nội" in x for x in texts)
    assert not any("Toàn quốc" in x for x in texts)
    theirs = lead.get(url)
    assert "Toàn quốc" in _file_name(theirs)
    assert any("Toàn quốc" in x for x in _texts(Presentation(io.BytesIO(theirs.data))))
    svg = ana.get(f"/export/chart/members-stock.svg?{YEAR}")
    assert _file_name(svg) == "Đảng viên chính thức và dự bị - Hà Nội - 31-12-2025.svg"
    assert "Hà Nội" in svg.get_data(as_text=True)
