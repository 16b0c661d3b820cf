"""Spreadsheet formula injection is neutralised in CSV and XLSX exports; numbers stay numbers."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from dashboard.charts import spreadsheets


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
    from dashboard.charts import tables
    from dashboard.data import Scope
    from tests.exports.conftest import YEAR, state_for

    content, name = tables.export("orgs-table", state_for(f"?{YEAR}"), Scope.everything(), "csv")
    assert content.startswith(b"\xef\xbb\xbf") and name.endswith(".csv")
    assert len(pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")) == 2  # C1 and B2
