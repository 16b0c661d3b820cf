"""The formats staff really send: UTF-8 with BOM, Windows-1258 with semicolons, XLSX with merged
header cells, Parquet, headers without diacritics; legacy TCVN3/VNI text is refused."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from chibo.etl.load import load_files
from chibo.etl.read import read_file
from tests.etl.helpers import query, to_cp1258


def test_windows_1258_with_semicolons(inputs, warehouse):
    """members.csv re-encoded in Windows-1258 loads with its diacritics intact (NFC)."""
    text = (inputs / "members.csv").read_text(encoding="utf-8")
    (inputs / "members.csv").write_bytes(to_cp1258(text))
    outcome = load_files([inputs / "organisations.csv", inputs / "members.csv"], warehouse)
    assert outcome.result == "loaded", outcome.sample
    assert query(warehouse, "SELECT count(*) FILTER (WHERE gender = 'female') FROM core.members") == [(4,)]


def test_utf8_bom_and_organisation_names_in_nfc(inputs, warehouse):
    import unicodedata
    path = inputs / "organisations.csv"
    decomposed = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
    path.write_bytes(b"\xef\xbb\xbf" + decomposed.encode("utf-8"))
    assert load_files([path], warehouse).result == "loaded"
    name = query(warehouse, "SELECT name FROM core.organisations WHERE org_id = 'HN'")[0][0]
    assert name == unicodedata.normalize("NFC", "Đảng bộ thành phố Hà Nội")


def test_headers_without_diacritics_or_case(inputs, warehouse):
    path = inputs / "assessments.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("org_id,member_id,year,rating",
                                                              "MA TO CHUC,Ma Dang Vien,NAM,Xep loai"),
                    encoding="utf-8")
    result = read_file(path)
    assert [s.entity.name for s in result.sheets] == ["assessments"]


def test_xlsx_with_merged_header_cells(inputs, warehouse, tmp_path):
    """A two-row header: 'Số lượng' spans expected/present/excused; the others are merged vertically."""
    path = tmp_path / "sinh_hoat.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Sinh hoạt")
    sheet.write(0, 0, "Báo cáo sinh hoạt chi bộ quý I/2021")
    for col, label in enumerate(["Mã buổi sinh hoạt", "Mã chi bộ", "Ngày sinh hoạt", "Loại sinh hoạt"]):
        sheet.merge_range(1, col, 2, col, label)
    sheet.merge_range(1, 4, 1, 6, "Số lượng")
    for col, label in enumerate(["Số phải dự", "Số có mặt", "Số vắng có lý do"], start=4):
        sheet.write(2, col, label)
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    import datetime as dt
    sheet.write_row(3, 0, ["X1", "HN-B1-C1"])
    sheet.write_datetime(3, 2, dt.datetime(2021, 4, 5), date)
    sheet.write_row(3, 3, ["chuyên đề", 3, 2, 1])
    book.close()
    outcome = load_files([inputs / "organisations.csv", path], warehouse)
    assert outcome.result == "loaded", outcome.sample
    assert query(warehouse, "SELECT held_on, kind, expected, present, excused FROM core.meetings") == [
        (dt.date(2021, 4, 5), "thematic", 3, 2, 1)]


def test_xlsx_problem_names_sheet_and_row(inputs, warehouse, tmp_path):
    path = tmp_path / "dang_vien.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Đảng viên")
    sheet.write_row(0, 0, ["Mã đảng viên", "Mã chi bộ", "Ngày kết nạp"])
    sheet.write_row(1, 0, ["A1", "HN-B1-C1", "01/02/2015"])
    sheet.write_row(2, 0, ["A2", "HN-B1-C1", "hôm qua"])
    book.close()
    outcome = load_files([inputs / "organisations.csv", path], warehouse)
    assert outcome.result == "rejected"
    assert [(f, s, r, c, v) for f, s, r, c, v, *_ in outcome.sample] == [
        ("dang_vien.xlsx", "Đảng viên", 3, "admitted_on", "hôm qua")]


def test_parquet_with_typed_columns(inputs, warehouse, tmp_path):
    import datetime as dt
    path = tmp_path / "meetings.parquet"
    pq.write_table(pa.table({
        "meeting_id": ["P1", "P2"], "org_id": ["HN-B1-C1", "HN-B1-C1"],
        "held_on": [dt.date(2021, 5, 5), dt.date(2021, 6, 5)], "kind": ["regular", "regular"],
        "expected": [3, 3], "present": [3, 2], "score": [91.5, 70.0]}), path)
    assert load_files([inputs / "organisations.csv", path], warehouse).result == "loaded"
    assert query(warehouse, "SELECT meeting_id, score, quality FROM core.meetings ORDER BY 1") == [
        ("P1", 91.5, 4), ("P2", 70.0, 3)]


def test_legacy_tcvn3_text_is_refused(tmp_path):
    """'Đảng bộ Hà Nội' typed in TCVN3 reads as '§¶ng bé Hµ Néi': refused, never loaded garbled."""
    path = tmp_path / "to_chuc.csv"
    path.write_bytes("org_id,name,kind\nA,§¶ng bé Hµ Néi,base_cell\nB,Chi bé sè 2 ph­êng Hµng B¹c,sub_cell\n"
                     .encode("cp1252"))
    outcome = load_files([path], tmp_path / "w.duckdb")
    assert outcome.result == "rejected"
    assert "TCVN3" in outcome.sample[0][6]


def test_unrecognised_header_is_reported(tmp_path):
    path = tmp_path / "whatever.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    problem = read_file(path).problems[0]
    assert problem.file == "whatever.csv" and "header" in problem.reason_en


def _big_csv(path, tail: bytes, lines: int = 60_000) -> None:
    """A CSV over 1 MB whose first megabyte is plain UTF-8 with LF line ends, then `tail`."""
    body = b"".join(b"CB%06d,Chi bo so %d\n" % (i, i) for i in range(lines))
    path.write_bytes(b"org_id,name\n" + body + tail)


def _read_all(path):
    import duckdb

    from chibo.etl.read_csv import sniff

    source = sniff(path)
    assert path.stat().st_size > 1.2e6 and (source.encoding, source.rewrite) == ("utf-8", False)
    con = duckdb.connect()
    con.execute("ATTACH ':memory:' AS work")
    rows, problems = source.load(con, "work.d", 2)
    return source, rows, problems, con.execute("SELECT c0, c1 FROM work.d ORDER BY rowid").fetchall()


def test_csv_not_utf8_after_the_first_megabyte_is_read_as_windows_1258(tmp_path):
    """The encoding is guessed from the first megabyte; bytes further on that are not UTF-8 make
    the whole file read again as Windows-1258."""
    import unicodedata

    path = tmp_path / "late.csv"
    _big_csv(path, to_cp1258("CBX,Chi bộ Hà Nội\n"))
    source, rows, problems, records = _read_all(path)
    assert source.encoding == "cp1258" and not problems
    assert len(records) == 60_001 and list(rows[:2]) == [2, 3] and rows[-1] == 60_002
    assert unicodedata.normalize("NFC", records[-1][1]) == "Chi bộ Hà Nội"


def test_csv_line_ends_mixed_after_the_first_megabyte(tmp_path):
    path = tmp_path / "mixed.csv"
    _big_csv(path, b"CBX,Chi bo X\r\nCBY,Chi bo Y\r\n")
    source, rows, problems, records = _read_all(path)
    assert not problems and records[-2:] == [("CBX", "Chi bo X"), ("CBY", "Chi bo Y")]
    assert source.rewrite and len(records) == 60_002 and rows[-1] == 60_003
