"""Hostile and odd files, each made here: refused before reading when over a limit (never a
crash), legacy VNI cells under a Unicode header, UTF-16 "Unicode text", canonical keys, duplicate
and hidden columns, lossy identifiers, broken CSV structure. Every refusal names the file and
says why in Vietnamese and English."""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter

from chibo.etl.load import load_files
from chibo.etl.read import read_file
from tests.etl.helpers import INPUTS, query, run_etl
from tests.etl.test_normalize import to_vni

ORGS = INPUTS / "organisations.csv"
WIDE = {**os.environ, "COLUMNS": "400"}  # the command's tables on one line each


def rewrite_sheet(path, change):
    """Rewrite the first worksheet's XML of an XLSX with `change(bytes) -> bytes`."""
    with zipfile.ZipFile(path) as zin:
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts:
            zout.writestr(name, change(data) if name == "xl/worksheets/sheet1.xml" else data)


def members_xlsx(path, rows, sheet_name="Đảng viên", formats=None):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet(sheet_name)
    sheet.write_row(0, 0, ["Mã đảng viên", "Mã chi bộ", "Ngày kết nạp"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            fmt = book.add_format({"num_format": formats[c]}) if formats and formats.get(c) else None
            if isinstance(value, (int, float)):
                sheet.write_number(r, c, value, fmt)
            else:
                sheet.write_string(r, c, value)
    book.close()
    return path


def only_problem(result):
    assert result.sheets == [] and len(result.problems) == 1, result.problems
    return result.problems[0]


def test_a_far_cell_is_refused_without_reading(tmp_path):
    """4 KB: A1 and XFD1048576. python-calamine would allocate 17 billion cells and abort."""
    path = members_xlsx(tmp_path / "far.xlsx", [["A1", "HN-B1-C1", "01/01/2020"]])
    rewrite_sheet(path, lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
                  .replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    assert path.stat().st_size < 8000
    result = run_etl("load", str(ORGS), str(path), "--warehouse", str(tmp_path / "w.duckdb"), env=WIDE)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "spans to cell XFD1048576 (1,048,576 rows × 16,384 columns), over the limit" in result.stdout
    assert "trải tới ô XFD1048576 (1.048.576 dòng × 16.384 cột), quá giới hạn" in result.stdout


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    path = members_xlsx(tmp_path / "bomb.xlsx", [["A1", "HN-B1-C1", "01/01/2020"]])
    with zipfile.ZipFile(path) as zin:
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name, data in parts:
            if name != "xl/worksheets/sheet1.xml":
                zout.writestr(name, data)
                continue
            head, tail = data.split(b"</worksheet>")
            with zout.open(name, "w", force_zip64=True) as part:
                part.write(head)
                block = b" " * (1 << 24)
                for _ in range(64):  # 1 GiB of blanks inside the sheet
                    part.write(block)
                part.write(b"</worksheet>")
    assert path.stat().st_size < 2_000_000
    problem = only_problem(read_file(path))
    assert "zip bomb" in problem.reason_en and "giải nén" in problem.reason_vi


def test_vni_cells_under_a_unicode_header_are_refused(tmp_path):
    """Two names typed in VNI among Unicode ones: caught cell by cell, not outweighed."""
    path = tmp_path / "to_chuc.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tổ chức đảng")
    sheet.write_row(0, 0, ["Mã tổ chức", "Tên tổ chức", "Loại tổ chức", "Tỉnh/thành phố"])
    names = ["Đảng bộ phường Phúc Xá", "Chi bộ khu dân cư số một", "Chi bộ trường tiểu học",
             "Chi bộ trạm y tế phường", "Chi bộ tổ dân phố số hai", "Chi bộ hợp tác xã"]
    names[4] = to_vni(names[4]).decode("latin-1")
    for r, name in enumerate(names, start=1):
        sheet.write_row(r, 0, [f"X{r}", name, "base_cell", "Hà Nội"])
    book.close()
    outcome = load_files([path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected" and outcome.problems == 1
    problem = outcome.sample[0]
    assert "VNI" in problem[5] and "VNI" in problem[6] and "row 6" in problem[6]


def test_utf16_unicode_text_export_loads(tmp_path, inputs):
    """Excel's "Unicode text": UTF-16 with a BOM, tab separated."""
    text = (inputs / "organisations.csv").read_text(encoding="utf-8").replace(",", "\t")
    path = tmp_path / "to_chuc.txt"
    path.write_bytes(text.encode("utf-16"))
    outcome = load_files([path], tmp_path / "w.duckdb")
    assert outcome.result == "loaded", outcome.sample
    assert query(tmp_path / "w.duckdb", "SELECT name FROM core.organisations WHERE org_id = 'HN'") == [
        ("Đảng bộ thành phố Hà Nội",)]


LOOK_ALIKE = {"org_id": ["ĐB-HÒA", "CB-1"], "name": ["Đảng bộ xã Hòa Bình", "Chi bộ thôn Hoà Bình"],
        "kind": ["base_committee", "base_cell"], "parent_id": [None, "ÐB-HOÀ"],
        "province": ["Ðắk Lắk", "Đắk Lắk"]}


def _orgs_csv(path: Path) -> Path:
    rows = zip(*LOOK_ALIKE.values(), strict=True)
    path = path / "organisations.csv"
    path.write_text(",".join(LOOK_ALIKE) + "\n" + "".join(",".join(v or "" for v in r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _orgs_parquet(path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(LOOK_ALIKE), path / "organisations.parquet")
    return path / "organisations.parquet"


@pytest.mark.parametrize(("write", "first_row"), [(_orgs_csv, 2), (_orgs_parquet, 1)])
def test_tone_placement_and_look_alike_letters_give_one_key(tmp_path, write, first_row):
    """Hoà/Hòa and Ð (U+00D0)/Đ are one organisation; Ðắk Lắk is a province; Ð is a warning. The
    same as Parquet (read in place, not copied: its cells are rewritten to the canonical
    spelling). Rows are counted as the file's own (a CSV's header is row 1)."""
    orgs = write(tmp_path)
    members = tmp_path / "members.csv"
    members.write_text("member_id,org_id,admitted_on\nM1,CB-1,01/02/2015\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    outcome = load_files([orgs, members], warehouse)
    assert outcome.result == "loaded", outcome.sample
    assert query(warehouse, "SELECT org_id, parent_id, name, province_code FROM core.organisations "
                            "ORDER BY 1") == [("CB-1", "ĐB-HÒA", "Chi bộ thôn Hòa Bình", "66"),
                                              ("ĐB-HÒA", None, "Đảng bộ xã Hòa Bình", "66")]
    warned = {(w.row, w.column) for w in outcome.warnings}
    assert warned == {(first_row, "province"), (first_row + 1, "parent_id")}
    assert all("U+00D0" in w.reason_en for w in outcome.warnings)


def test_duplicate_header_matches_name_both_columns(tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text("org_id,name,kind,Tỉnh/thành phố,founded_on,Tỉnh\nA,Chi bộ A,base_cell,01,,79\n",
                    encoding="utf-8")
    problem = only_problem(read_file(path))
    assert "'Tỉnh/thành phố' (D)" in problem.reason_en and "'Tỉnh' (F)" in problem.reason_en


def test_a_hidden_duplicate_column_does_not_win_silently(tmp_path):
    path = tmp_path / "orgs.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tổ chức")
    sheet.set_column(1, 1, None, None, {"hidden": True})
    sheet.write_row(0, 0, ["Mã tổ chức", "Tỉnh/thành phố", "Tên tổ chức", "Loại tổ chức", "Tỉnh"])
    sheet.write_row(1, 0, ["A", "Cao Bằng", "Chi bộ A", "base_cell", "Hà Nội"])
    book.close()
    problem = only_problem(read_file(path))
    assert "'Tỉnh/thành phố' (B)" in problem.reason_vi and "'Tỉnh' (E)" in problem.reason_vi


def test_skipped_and_hidden_sheets_are_reported(tmp_path, inputs):
    path = tmp_path / "book.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Đảng viên")
    sheet.write_row(0, 0, ["Mã đảng viên", "Mã chi bộ", "Ngày kết nạp"])
    sheet.write_row(1, 0, ["A1", "HN-B1-C1", "01/02/2015"])
    book.add_worksheet("Ghi chú").write(0, 0, "Số liệu đến 31/12/2024")
    hidden = book.add_worksheet("Đảng viên cũ")
    hidden.write_row(0, 0, ["Mã đảng viên", "Mã chi bộ", "Ngày kết nạp"])
    hidden.hide()
    book.close()
    result = run_etl("load", str(inputs / "organisations.csv"), str(path), "--warehouse",
                     str(tmp_path / "w.duckdb"), env=WIDE)
    assert result.returncode == 0, result.stdout
    assert re.search(r"book.xlsx \[Ghi chú\] .* Sheet not recognised, skipped", result.stdout)
    assert re.search(r"book.xlsx \[Đảng viên cũ\] .* Hidden sheet skipped", result.stdout)


def test_identifiers_in_scientific_notation_are_refused(tmp_path, inputs):
    path = tmp_path / "members.csv"
    path.write_text("member_id,org_id,admitted_on\n1.23457E+11,HN-B1-C1,01/02/2015\n"
                    "DV99,HN-B1-C1,01/02/2015\n", encoding="utf-8")
    outcome = load_files([inputs / "organisations.csv", path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected"
    assert [(f, r, c, v) for f, _s, r, c, v, *_ in outcome.sample] == [
        ("members.csv", 2, "member_id", "1.23457E+11")]
    assert "scientific notation" in outcome.sample[0][6]


def test_numeric_ids_formatted_with_zeros_read_as_displayed(tmp_path, inputs):
    path = members_xlsx(tmp_path / "dang_vien.xlsx", [[123, "HN-B1-C1", "01/02/2015"],
                                                       [4567, "HN-B1-C1", "01/02/2015"]],
                        formats={0: "00000"})
    warehouse = tmp_path / "w.duckdb"
    outcome = load_files([inputs / "organisations.csv", path], warehouse)
    assert outcome.result == "loaded", outcome.sample
    assert query(warehouse, "SELECT member_id FROM core.members ORDER BY 1") == [("00123",), ("04567",)]


def test_numbers_excel_has_rounded_are_refused(tmp_path, inputs):
    path = members_xlsx(tmp_path / "dang_vien.xlsx", [[1234567890123456789, "HN-B1-C1", "01/02/2015"]])
    outcome = load_files([inputs / "organisations.csv", path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected"
    assert outcome.sample[0][2] == 2 and "rounded" in outcome.sample[0][6]


def test_rows_with_more_or_fewer_fields_are_errors_not_shifted(tmp_path, inputs):
    path = tmp_path / "members.csv"
    path.write_text("member_id,org_id,admitted_on\nA1,HN-B1-C1,01/02/2015,x\nA2,HN-B1-C1\n"
                    "A3,HN-B1-C1,01/02/2015\n", encoding="utf-8")
    outcome = load_files([inputs / "organisations.csv", path], tmp_path / "w.duckdb",
                         accept_valid=True)
    assert outcome.result == "partial"
    found = {(r, v) for _f, _s, r, c, v, *_ in outcome.sample if c is None}
    assert found == {(2, "4/3"), (3, "2/3")}
    assert query(tmp_path / "w.duckdb", "SELECT member_id FROM core.members") == [("A3",)]


def test_an_unbalanced_quote_is_reported_with_its_row(tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text('org_id,name,kind\nA,"Chi bộ A,base_cell\nB,Chi bộ B,base_cell\n', encoding="utf-8")
    outcome = load_files([path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected"
    assert [(p[2], "never closed" in p[6] and "row 2" in p[6]) for p in outcome.sample] == [(None, True)]


def test_a_nul_byte_is_an_error(tmp_path, inputs):
    path = tmp_path / "members.csv"
    path.write_bytes(b"member_id,org_id,admitted_on\nA1\x00X,HN-B1-C1,01/02/2015\nA2,HN-B1-C1,01/02/2015\n")
    outcome = load_files([inputs / "organisations.csv", path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected"
    assert [(r, c) for _f, _s, r, c, *_ in outcome.sample] == [(2, "member_id")]
    assert "NUL" in outcome.sample[0][6]


def test_a_missing_required_column_is_named(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("member_id,org_id,gender\nA1,HN-B1-C1,nam\n", encoding="utf-8")
    problem = only_problem(read_file(path))
    assert "admitted_on (Ngày kết nạp)" in problem.reason_en and "members" in problem.reason_en


def test_a_header_without_rows_loads_nothing_and_says_so(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("member_id,org_id,admitted_on\n", encoding="utf-8")
    problem = only_problem(read_file(path))
    assert "no data rows" in problem.reason_en and "không nạp gì" in problem.reason_vi


def test_limits_on_size_rows_and_columns(tmp_path):
    env = {**WIDE, "CHIBO_MAX_FILE_MB": "1", "CHIBO_MAX_ROWS": "3", "CHIBO_MAX_COLUMNS": "20"}
    big = tmp_path / "big.csv"
    big.write_text("member_id,org_id,admitted_on\n" + "A,B,01/01/2020\n" * 80_000, encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("member_id,org_id,admitted_on\n" + "A,B,01/01/2020\n" * 4, encoding="utf-8")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(300)) + "\n", encoding="utf-8")
    for path, words in ((big, "File too large"), (rows, "Too many rows"), (wide, "Too many columns")):
        result = run_etl("load", str(path), "--warehouse", str(tmp_path / "w.duckdb"), env=env)
        assert result.returncode == 1 and words in result.stdout, result.stdout


def test_zlib_bomb_fixture_is_what_it_claims():
    """The bomb above compresses about a thousand to one (guards the test itself)."""
    assert len(zlib.compress(b" " * (1 << 24), 9)) < (1 << 24) // 500
