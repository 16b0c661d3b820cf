"""The Số liệu công bố page against a real warehouse: the hand-made one of
tests/documents/tiny_warehouse.py plus two short articles loaded with `python -m chibo.etl documents`.

Article A (15/01/2024, VUSTA): 2 sub-cells, 3 members (both agree: the warehouse has 2 and 3).
Article B (20/12/2023): the whole country has "gần 9" members (warehouse 8: below 0.97 × 9, ✗)
and the VUSTA committee "có 2 chi bộ trực thuộc với 3 đảng viên" again (a second date).
"""
from __future__ import annotations

import pytest

from chibo.dashboard import runtime
from chibo.dashboard.charts.plain import as_figure
from chibo.dashboard.data import Filters, Scope
from chibo.dashboard.queries import published as q
from tests.dashboard.published_warehouse import page_state, with_articles
from tests.documents.tiny_warehouse import build
from tests.helpers import runtime_for

ARTICLE_A = """Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổng kết năm 2023

Ngày 15/01/2024, Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ chức hội nghị.

Hiện Đảng ủy Liên hiệp Hội có 2 chi bộ trực thuộc với 3 đảng viên.
"""
ARTICLE_B = """Số liệu đảng viên cuối năm 2023

Ngày 20/12/2023, Ban Tổ chức công bố số liệu.

Cả nước hiện có gần 9 đảng viên. Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam hiện có 2 chi bộ trực thuộc với 3 đảng viên.
"""


@pytest.fixture(scope="module")
def published_warehouse(tmp_path_factory):
    """The tiny warehouse with articles A and B loaded through the real command."""
    return with_articles(tmp_path_factory.mktemp("published"), {"a.txt": ARTICLE_A,
                                                                "b.txt": ARTICLE_B})


@pytest.fixture(autouse=True)
def page(dash_app, published_warehouse):
    """The page module (imported by the app) with the gateway on the published warehouse."""
    global published
    from chibo.dashboard.pages import published
    with runtime.bound(runtime_for(published_warehouse)):
        yield


def test_every_figure_is_listed_with_its_reconciliation():
    """Five figures; the country's "gần 9" is the one that does not agree (8 < 8,73)."""
    rows, summary = published.rows(page_state())
    assert len(rows) == 5
    assert summary.startswith("5 số liệu") and "4 khớp, 1 lệch, 0" in summary
    bad = next(r for r in rows if r["scope_kind"] == "country")
    assert (bad["number_text"], bad["value"], bad["warehouse_value"], bad["difference"]) == (
        "gần 9", 9.0, 8.0, -1.0)
    assert bad["verdict"] == "✗ 8,73 ≤ x ≤ 9" and bad["as_of_used"] == "2023-12-20"
    good = [r for r in rows if r["scope_kind"] == "organisation"]
    assert {r["verdict"] for r in good} == {"✓ = 2", "✓ = 3"}


def test_filters_by_metric_scope_period_and_document():
    """Each page filter narrows the table: metric (URL), scope, years (URL), document."""
    assert len(published.rows(page_state("?period=all&pub_metric=sub_cells"))[0]) == 2
    assert len(published.rows(page_state(), scope_key="country:VN")[0]) == 1
    assert len(published.rows(page_state("?period=all&pub_from=2024"))[0]) == 2
    assert len(published.rows(page_state("?period=all&pub_to=2023"))[0]) == 3
    docs = q.choices(Scope.everything())["documents"]
    doc_a = docs.loc[docs["source_name"] == "a.txt", "doc_id"].iloc[0]
    assert {r["source_name"] for r in published.rows(page_state(), doc_id=doc_a)[0]} == {"a.txt"}


def test_sentence_marks_the_number_as_text_spans():
    """The number phrase is a <mark> between two text spans, not HTML in a string."""
    rows, _ = published.rows(page_state())
    row = next(r for r in rows if r["number_text"] == "gần 9")
    text = published.sentence(row)[0].children
    assert [type(c).__name__ for c in text] == ["Span", "Mark", "Span"]
    assert text[1].children == "gần 9" and text[0].children == "Cả nước hiện có "
    assert "<" not in "".join(c.children for c in text)


def test_timeline_has_one_series_per_scope_and_the_warehouse_points():
    """For members: the country and VUSTA series, each with its warehouse markers."""
    fig = as_figure(published.timeline(page_state("?period=all&pub_metric=members_total")))
    names = [tr.name for tr in fig.data]
    assert names == ["Cả nước", "Kho dữ liệu: Cả nước", "Liên hiệp các Hội Khoa học và Kỹ thuật "
                     "Việt Nam", "Kho dữ liệu: Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"]
    vusta = fig.data[2]
    assert list(vusta.y) == [3.0, 3.0] and len(vusta.x) == 2
    country = fig.data[0]
    assert country.error_y.arrayminus[0] == pytest.approx(0.27)  # 9 - 0.97 × 9


def test_english_labels():
    """Metric, scope and summary follow the language switch."""
    rows, summary = published.rows(page_state("?period=all&lang=en"))
    assert summary.startswith("5 figures") and {r["metric_label"] for r in rows} == {
        "Members", "Sub-cells"}
    assert "Whole country" in {r["scope_label"] for r in rows}
    assert next(r["verdict"] for r in rows if r["scope_kind"] == "country") == "✗ 8.73 ≤ x ≤ 9"


def test_interval_follows_the_qualifier_bounds():
    """Open and closed ends as the tolerance says; a target is never compared."""
    over = {"tolerance_low": 25500.0, "tolerance_high": 26775.0, "low_inclusive": False,
            "high_inclusive": True}
    assert published.interval(over, "vi") == "25.500 < x ≤ 26.775"
    assert published.interval({**over, "tolerance_low": 4423.2}, "en") == "4,423.2 < x ≤ 26,775"
    assert published.verdict({"qualifier": "target", "resolved": True, "visible": True,
                              "metric_in_warehouse": True}, "vi") == "– chỉ tiêu, kế hoạch: không đối chiếu"


def test_filter_options_come_from_the_figures():
    """Scope, document and year options list what the figures hold."""
    scopes, docs, years = published.options(page_state())
    assert {s["label"] for s in scopes} == {"Cả nước",
                                            "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"}
    assert len(docs) == 2 and [y["value"] for y in years] == ["all", "2023", "2024"]


def test_narrow_scope_hides_warehouse_values_it_may_not_see():
    """A viewer limited to one province keeps the text of every figure but sees no warehouse
    value counted over the whole country or a central organisation."""
    f = Filters(extra=(("metric", "all"),))
    narrow = q.figures(Scope(provinces=frozenset({"N08"})), f)
    assert len(narrow) == 5 and narrow["warehouse_value"].isna().all()
    assert q.figures(Scope.everything(), f)["warehouse_value"].notna().all()


def test_empty_warehouse_says_how_to_load_documents(tmp_path):
    """Without documents the page explains the command instead of showing an empty grid."""
    with runtime.bound(runtime_for(build(tmp_path / "warehouse.duckdb"))):
        rows, summary = published.rows(page_state())
    assert rows == [] and "python -m chibo.etl documents" in summary


def test_how_the_scope_was_resolved_is_said_in_the_viewers_language():
    """The table's "Cách xác định phạm vi" column: the resolved organisation by name, the whole
    country, in Vietnamese by default and in English on the switch."""
    vi = {r["scope_kind"]: r["resolved_how"] for r in published.rows(page_state())[0]}
    assert vi["organisation"] == ("“Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam” và các"
                                  " tổ chức bên dưới")
    assert vi["country"] == "Cả nước: mọi tổ chức"
    en = {r["scope_kind"]: r["resolved_how"] for r in published.rows(page_state("?period=all&lang=en"))[0]}
    assert en["country"] == "Whole country: every organisation"
    group = {"resolution": "group", "scope_kind": "organisation", "scope_value": "agency_blocs",
             "resolved_how": "group agency_blocs: subtrees of 64 organisations (ref.scope_groups)"}
    assert published.resolution_text(group, "vi") == ("Các đảng bộ khối cơ quan: 64 tổ chức và các"
                                                      " tổ chức bên dưới")


def test_the_load_ledger_names_documents_by_title_and_date():
    """On Dữ liệu a loaded article is its title and date, not the name of the file it came in,
    and its kind is said in words ('Văn bản công bố', not 'document')."""
    from chibo.dashboard.charts import tables

    df = tables.table_frame("data-ledger", page_state(), Scope.everything())
    docs = df[df["entity"] == "Văn bản công bố"]
    assert len(docs) == 2 and "document" not in set(df["entity"])
    assert ("Đảng ủy Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổng kết năm 2023 "
            "(15/01/2024)") in set(docs["file_name"])
    assert not any(name.endswith(".txt") for name in docs["file_name"])
