"""Spreadsheet formula injection is neutralised in CSV and XLSX exports; numbers stay numbers."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from chibo.dashboard.charts import spreadsheets


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                                  "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\",\"bấm\")"])
def test_dangerous_text_gets_a_quote(text):
    """A text cell starting with = + - @ tab or CR would run as a formula in Excel."""
    assert spreadsheets.safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-12", "+3", "-1.234,5", "12,5%", "Hà Nội", "a=b", "", None,
                                   -12, -3.5, 0])
def test_numbers_and_plain_text_are_untouched(value):
    """Negative numbers (as numbers or numeric text) and ordinary text must not change."""
    assert spreadsheets.safe_cell(value) == value


def frame() -> pd.DataFrame:
    return pd.DataFrame({"Tên": ["=1+1", "Chi bộ Đồng Ích", "-5"],
                         "Số": [-12, 7, -3], "Tỷ lệ": [-0.5, 0.25, 1.0]}).convert_dtypes()


def test_csv_has_a_bom_and_keeps_negative_numbers():
    """Excel needs the BOM for diacritics; -12 must still be a number in the CSV."""
    content = spreadsheets.csv_bytes(frame())
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines()[1:] == [
        "'=1+1,-12,-0.5", "Chi bộ Đồng Ích,7,0.25", "-5,-3,1.0"]
    back = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert back["Số"].tolist() == [-12, 7, -3]
    assert back["Tỷ lệ"].tolist() == [-0.5, 0.25, 1.0]


def test_xlsx_writes_text_as_text_and_numbers_as_numbers():
    """xlsxwriter would store '=1+1' as a formula; the export stores no formula at all."""
    content = spreadsheets.xlsx_bytes(frame(), "Danh sách: tổ chức/đảng")
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet
        assert "Danh sách- tổ chức-đảng" in z.read("xl/workbook.xml").decode()
    back = pd.read_excel(io.BytesIO(content), engine="calamine")
    assert back["Tên"].tolist()[:2] == ["'=1+1", "Chi bộ Đồng Ích"]
    assert back["Số"].tolist() == [-12, 7, -3]


def test_table_card_export_goes_through_the_safe_writer(dash_app):
    """The table cards' CSV export starts with the BOM and is readable back."""
    from chibo.dashboard.charts import tables
    from chibo.dashboard.data import Scope
    from tests.exports.conftest import YEAR, state_for

    content, name = tables.export("orgs-table", state_for(f"?{YEAR}"), Scope.everything(), "csv")
    assert content.startswith(b"\xef\xbb\xbf") and name.endswith(".csv")
    assert len(pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")) == 2  # C1 and B2


KINDS = {"Tên": "text", "Số": "int", "Tỷ lệ": "pct", "Ngày": "date", "Tháng": "month"}


def typed_frame() -> pd.DataFrame:
    return pd.DataFrame({"Tên": ["Chi bộ A", "Chi bộ B"], "Số": [10579.0, 7.0],
                         "Tỷ lệ": [0.99267, 0.5], "Ngày": ["2025-12-31", "2024-01-05"],
                         "Tháng": ["2025-12-01", None]})


def test_xlsx_cells_are_typed_and_formatted_as_excel_shows_them():
    """Opened with openpyxl: counts are integers ('#,##0'), percentages are numbers with a
    percent format (0,99267 shown as 99,3%), dates are dates (dd/mm/yyyy, mm/yyyy); the header
    row is frozen and filterable."""
    import datetime as dt

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(typed_frame(), "Bảng", KINDS)))
    ws = wb.active
    assert [c.value for c in ws[1]] == list(KINDS)
    count, share, day, month = ws["B2"], ws["C2"], ws["D2"], ws["E2"]
    assert count.value == 10579 and isinstance(count.value, int) and count.number_format == "#,##0"
    assert share.value == pytest.approx(0.99267) and share.number_format == "0.0%"
    assert day.value == dt.datetime(2025, 12, 31) and day.number_format == "dd/mm/yyyy"
    assert month.value == dt.datetime(2025, 12, 1) and month.number_format == "mm/yyyy"
    assert ws["E3"].value is None
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E3"


def test_semicolon_csv_for_vietnamese_excel():
    """';' between fields, decimal commas, dd/mm/yyyy dates, percentages as '99,3%'; the comma
    variant keeps ISO dates and '99.3%'."""
    vi = spreadsheets.csv_bytes(typed_frame(), KINDS, semicolon=True).decode("utf-8-sig")
    assert vi.splitlines() == ["Tên;Số;Tỷ lệ;Ngày;Tháng", "Chi bộ A;10579;99,3%;31/12/2025;12/2025",
                               "Chi bộ B;7;50,0%;05/01/2024;"]
    en = spreadsheets.csv_bytes(typed_frame(), KINDS).decode("utf-8-sig")
    assert en.splitlines()[1] == "Chi bộ A,10579,99.3%,2025-12-31,2025-12"


def test_table_export_honours_the_grids_filter_and_sort(dash_app):
    """The grid's filter model and sort (as the browser sends them) choose and order the rows of
    the file; an unknown column or filter type is ignored, never an error."""
    from chibo.dashboard.charts import tables
    from chibo.dashboard.data import Scope
    from tests.exports.conftest import YEAR, state_for

    state = state_for(f"?{YEAR}")
    whole, _ = tables.export("orgs-table", state, Scope.everything(), "csv")
    rows = pd.read_csv(io.BytesIO(whole), encoding="utf-8-sig")
    assert len(rows) == 2
    grid = {"filter": {"name": {"filterType": "text", "type": "contains",
                                "filter": rows["Tên"].iloc[1][-3:]}},
            "sort": [{"colId": "members", "sort": "desc", "sortIndex": 0}]}
    one, name = tables.export("orgs-table", state, Scope.everything(), "csv;", grid)
    shown = pd.read_csv(io.BytesIO(one), encoding="utf-8-sig", sep=";")
    assert list(shown["Tên"]) == [rows["Tên"].iloc[1]] and name.endswith(".csv")
    by_members = tables.export("orgs-table", state, Scope.everything(), "csv", {
        "sort": [{"colId": "members", "sort": "asc"}], "filter": {"nope": {"type": "x"},
                                                                   "name": {"type": "bad"}}})[0]
    ordered = pd.read_csv(io.BytesIO(by_members), encoding="utf-8-sig")
    assert list(ordered["Đảng viên"]) == sorted(rows["Đảng viên"])


def test_table_xlsx_has_percent_cells(dash_app):
    from openpyxl import load_workbook

    from chibo.dashboard.charts import tables
    from chibo.dashboard.data import Scope
    from tests.exports.conftest import YEAR, state_for

    content, name = tables.export("orgs-table", state_for(f"?{YEAR}"), Scope.everything(), "xlsx")
    ws = load_workbook(io.BytesIO(content)).active
    header = [c.value for c in ws[1]]
    assert name.endswith(".xlsx") and "Sinh hoạt tốt, khá" in header
    share = ws.cell(2, header.index("Sinh hoạt tốt, khá") + 1)
    assert share.number_format == "0.0%" and (share.value is None or 0 <= share.value <= 1)
    members = ws.cell(2, header.index("Đảng viên") + 1)
    assert isinstance(members.value, int) and members.number_format == "#,##0"
