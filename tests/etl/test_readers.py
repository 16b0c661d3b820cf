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


def test_parquet_dates_and_whole_numbers_stay_typed_and_validate_as_their_text(inputs, tmp_path):
    """A Parquet file's date and integer columns are not turned into text (Sheet.typed_columns),
    yet every value is accepted or rejected as the same value written in a CSV, with the same
    reasons (a 1925 birth date kept, an admission before 1930, in the future or in 1800
    refused, a required date missing), and the accepted rows are the same."""
    import datetime as dt
    d = dt.date
    rows = [("M1", d(1925, 3, 4), 1925, d(1950, 1, 1), d(2005, 1, 1), 70),
            ("M2", None, 1900, d(1925, 1, 1), None, 5),
            ("M3", None, 1980, d(2099, 1, 1), None, -3),
            ("M4", None, 1980, None, None, 0),
            ("M5", None, 1980, d(1800, 1, 1), None, 12),
            ("M6", None, 1990, d(2015, 6, 30), d(2016, 1, 1), 7)]
    names = ("member_id", "birth_date", "birth_year", "admitted_on", "joined_on", "ignored")
    parquet = tmp_path / "pq" / "members.parquet"
    parquet.parent.mkdir()
    pq.write_table(pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)} |
                            {"org_id": ["HN-B1-C1"] * len(rows)}), parquet)
    csv = tmp_path / "csv" / "members.csv"
    csv.parent.mkdir()
    csv.write_text(",".join(names) + ",org_id\n" + "".join(
        ",".join("" if v is None else str(v) for v in r) + ",HN-B1-C1\n" for r in rows), encoding="utf-8")
    assert read_file(parquet).sheets[0].typed_columns == {"birth_date", "birth_year", "admitted_on",
                                                          "joined_on"}
    found = {}
    for path in (parquet, csv):
        warehouse = path.parent / "w" / "warehouse.duckdb"
        outcome = load_files([inputs / "organisations.csv", path], warehouse, accept_valid=True)
        shift = 1 if path is parquet else 0  # Parquet rows count from 1, CSV lines from the header
        found[path.suffix] = (outcome.result, sorted((r + shift, c, v, vi, en) for f, _s, r, c, v, vi, en
                                                     in outcome.sample if f == path.name),
                              query(warehouse, "SELECT * EXCLUDE (source_file) FROM core.members ORDER BY 1"))
    assert found[".parquet"] == found[".csv"]
    result, problems, members = found[".csv"]
    assert result == "partial" and [m[0] for m in members] == ["M1", "M6"]
    assert {(r, c) for r, c, *_ in problems} == {(3, "admitted_on"), (4, "admitted_on"),
                                                 (5, "admitted_on"), (6, "admitted_on")}
