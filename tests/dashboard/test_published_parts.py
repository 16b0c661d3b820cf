"""The Số liệu công bố page with parts and an undated document (tests/documents/tiny_warehouse.py
plus two articles loaded with `python -m chibo.etl documents`): filter options are filled although one
document has no publication date, documents go by headline and date, parts show their whole,
dimension and share, and a part the warehouse cannot count says why."""
from __future__ import annotations

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.charts.plain import as_figure
from tests.dashboard.published_warehouse import page_state, with_articles
from tests.helpers import runtime_for

UNDATED = """Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam: cơ cấu đảng viên

Năm 2023, Đảng ủy Liên hiệp Hội có 3 đảng viên, trong đó 1 đảng viên nữ (chiếm 33,3%), 2 đảng viên là người dân tộc thiểu số.
"""
DATED = """Số liệu đảng viên cuối năm 2023 của cả nước

Ngày 20/12/2023, Ban Tổ chức công bố số liệu.

Cả nước hiện có 8 đảng viên; đảng viên nữ chiếm 37,5%.
"""


@pytest.fixture(scope="module")
def parts_warehouse(tmp_path_factory):
    """Named like hashes, so a label by file name would show."""
    return with_articles(tmp_path_factory.mktemp("published-parts"), {"0f3a9c.txt": UNDATED,
                                                                      "b7d21e.txt": DATED})


@pytest.fixture(autouse=True)
def page(dash_app, parts_warehouse):
    global published
    from chibo.dashboard.pages import published
    with runtime.bound(runtime_for(parts_warehouse)):
        yield


def test_filters_are_filled_when_a_document_has_no_date():
    """The undated document is listed by its headline with "–" for the date (no ValueError),
    beside the dated one; the scopes are there too."""
    scopes, docs, _ = published.options(page_state())
    assert sorted(d["label"] for d in docs) == [
        "Số liệu đảng viên cuối năm 2023 của cả nước (20/12/2023)",
        "Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam: cơ cấu đảng viên (–)"]
    assert {s["label"] for s in scopes} == {"Cả nước",
                                            "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"}


def test_parts_show_their_whole_dimension_and_share():
    """"1 đảng viên nữ (chiếm 33,3%)" is a part of the 3 members; the ethnic minorities are a
    part not compared; the share alone has no value but its share."""
    rows = {r["number_text"]: r for r in published.rows(page_state())[0]}
    assert rows["1"]["part_label"] == "nữ (33,3%) · của 3"
    assert rows["2"]["part_label"] == "dân tộc thiểu số · của 3"
    assert rows["2"]["verdict"] == ("– phần theo dân tộc: hồ sơ đảng viên trong phạm vi không "
                                    "ghi dân tộc")
    assert (rows["3"]["part_label"], rows["3"]["verdict"], rows["1"]["verdict"]) == (
        "", "✓ = 3", "✓ = 1")
    share = rows["37,5%"]
    assert (share["value"], share["part_label"], share["verdict"]) == (
        None, "nữ (37,5%) · của 8", "– chỉ có tỷ lệ, không có số lượng")
    assert rows["3"]["document"].startswith("Đảng ủy Liên hiệp các Hội")


def test_the_sentence_panel_says_what_a_part_belongs_to():
    """Selecting a part shows its sentence with the number marked and its relation."""
    row = next(r for r in published.rows(page_state())[0] if r["number_text"] == "1")
    panel = published.sentence(row)
    assert panel[1].children == "Là phần của: nữ (33,3%) · của 3"
    assert panel[0].children[1].children == "1"


def test_english_part_labels():
    """The relation follows the language switch."""
    rows = {r["number_text"]: r for r in published.rows(page_state("?period=all&lang=en"))[0]}
    assert rows["2"]["part_label"] == "ethnic minorities · of 3"


def test_timeline_leaves_out_shares_without_a_count():
    """A share alone has no value to plot."""
    fig = as_figure(published.timeline(page_state("?period=all&pub_metric=members_female")))
    assert all(v is not None for tr in fig.data for v in tr.y)
