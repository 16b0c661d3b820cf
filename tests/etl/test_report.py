"""The year-end statistics workbook (`python -m chibo.etl report`), read back with openpyxl: one sheet
per table laid out like the official statistics tables (title block, numbered columns and rows,
units, notes, signature block, A4 landscape), totals equal to the sums of their rows, numbers
equal to the marts counted another way and to what the dashboard's structure queries show for
the same scope and day, text never a formula."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from chibo.etl.report import workbook
from chibo.etl.report.tables import Row, Table
from tests.etl.helpers import query, run_etl

DAY = dt.date(2024, 12, 31)
SHEETS = ["1. Tổ chức đảng", "2. Đảng viên", "3. Kết nạp", "4. Biến động", "5. Sinh hoạt",
          "6. Đánh giá"]
N08 = "o.province_code_current = 'N08'"


@pytest.fixture(scope="module")
def book(demo_warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "bao_cao_thong_ke.xlsx"
    done = run_etl("report", "--warehouse", str(demo_warehouse), "--year", "2024",
                   "--scope", "province:N08", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    return openpyxl.load_workbook(out)


def table(ws) -> list[tuple]:
    """(number, label, unit, *values) of the data rows: from the row under the column numbers
    to the first empty row."""
    out = []
    for row in ws.iter_rows(min_row=8, values_only=True):
        if row[0] is None:
            break
        out.append(row)
    return out


def by_label(ws) -> dict[str, tuple]:
    return {r[1]: r[3:] for r in table(ws)}


def block(ws, title: str) -> dict[str, tuple]:
    """The parts (label: values) under the numbered total labelled `title`."""
    rows = table(ws)
    number = next(r[0] for r in rows if r[1] == title)
    return {r[1]: r[3:] for r in rows if r[0].startswith(f"{number}.")}


BLOCKS = {"age_band": "Chia theo tuổi đời", "professional_level": "Chia theo trình độ chuyên môn",
          "political_theory": "Chia theo trình độ lý luận chính trị",
          "education": "Chia theo trình độ giáo dục phổ thông"}


def test_sheets_title_block_numbering_and_print_setup(book):
    assert book.sheetnames == SHEETS
    for ws in book.worksheets:
        cells = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
        assert ws["A1"].value == "ĐẢNG BỘ TUYÊN QUANG" and "ĐẢNG CỘNG SẢN VIỆT NAM" in cells
        assert ws["A4"].value == "Số liệu tính đến ngày 31/12/2024"
        assert [c.value for c in ws[6]][:3] == ["STT", "Chỉ tiêu", "Đơn vị tính"]
        assert [c.value for c in ws[7]][:4] == ["A", "B", "C", "1"]
        assert any(c.startswith("Ghi chú: ") for c in cells)
        assert "NGƯỜI LẬP BIỂU" in cells and "T/M ĐẢNG BỘ TUYÊN QUANG" in cells
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        numbers = [r[0] for r in table(ws)]
        assert numbers[0] == "1" and all(n == "-" or n[0].isdigit() for n in numbers)


def test_totals_equal_the_sums_of_their_rows(book):
    """Every numbered total (1, 2 …) equals the sum of its parts (1.1, 1.2 …) in each count
    column; the "of which" rows (-) are details, not parts."""
    checked = 0
    for ws in book.worksheets:
        rows = table(ws)
        percent = [c.number_format.endswith("%") for c in ws[9][3:3 + len(rows[0]) - 3]]
        for i, row in enumerate(rows):
            if "." in row[0] or row[0] == "-":
                continue
            parts = [r for r in rows[i + 1:] if r[0].startswith(f"{row[0]}.")]
            if not parts:
                continue
            for c, value in enumerate(row[3:]):
                if value is None or percent[c]:
                    continue
                assert value == sum(p[3 + c] for p in parts), (ws.title, row[1], c)
                checked += 1
    assert checked >= 12


def test_members_and_movements_equal_the_marts(book, demo_warehouse):
    """The members' total, women, full and probationary members equal the exact-day stocks of
    the membership marts (another path than the structure macros); the movements of the year
    equal the flows and explain the change of the stock."""
    members = by_label(book["2. Đảng viên"])
    stocks = query(demo_warehouse, f"""SELECT sum(members), sum(female), sum(official),
        sum(probationary) FROM marts.cell_stocks_on(?) s JOIN marts.dim_org o USING (org_id)
        WHERE {N08}""", [DAY])[0]
    assert (members["Tổng số"][0], members["Trong đó: đảng viên nữ"][0], members["Chính thức"][0],
            members["Dự bị"][0]) == stocks
    moves = by_label(book["4. Biến động"])
    flows = query(demo_warehouse, f"""SELECT sum(admitted), sum(transferred_in),
        sum(transferred_out), sum(left_party) FROM marts.cell_flows_between(?, ?) f
        JOIN marts.dim_org o USING (org_id) WHERE {N08}""", [dt.date(2024, 1, 1), DAY])[0]
    got = tuple(moves[k][0] for k in ("Kết nạp", "Chuyển sinh hoạt đến", "Chuyển sinh hoạt đi",
                                      "Ra khỏi Đảng"))
    assert got == flows
    before = query(demo_warehouse, f"""SELECT sum(members) FROM marts.cell_stocks_on(?) s
        JOIN marts.dim_org o USING (org_id) WHERE {N08}""", [dt.date(2023, 12, 31)])[0][0]
    assert members["Tổng số"][0] - before == got[0] + got[1] - got[2] - got[3]
    assert by_label(book["3. Kết nạp"])["Tổng số"][0] == got[0]


def test_organisations_add_up_over_the_year(book):
    for row in table(book["1. Tổ chức đảng"])[:4]:
        start, founded, dissolved, _merged, end = row[3:8]
        assert end == start + founded - dissolved, row


def test_equal_to_what_the_dashboard_shows(book, demo_warehouse):
    """The dashboard's structure queries, for a viewer of Tuyên Quang (N08) on 31/12/2024 and
    for the year 2024, give the workbook's numbers and shares."""
    from chibo.dashboard import runtime
    from chibo.dashboard.data import Filters, Scope
    from chibo.dashboard.queries import structure as q
    from tests.helpers import runtime_for

    viewer = Scope(provinces=frozenset({"N08"}))
    f = Filters(start=dt.date(2024, 1, 1), end=DAY, as_of=DAY)
    with runtime.bound(runtime_for(demo_warehouse)):
        for sheet, fn in (("2. Đảng viên", q.members_by), ("3. Kết nạp", q.admissions_by)):
            for dim, title in BLOCKS.items():
                rows = block(book[sheet], title)
                df = fn(viewer, f, dim)
                shown = {label: (n, share) for label, n, share in
                         zip(df["label_vi"], df["members"], df["share"])}
                assert {k: v[0] for k, v in rows.items() if v[0]} == {k: v[0] for k, v in shown.items()}
                for label, (_n, share) in shown.items():
                    assert rows[label][1] == pytest.approx(share), (sheet, label)
            women = q.share(fn(viewer, f, "gender"), "female")
            assert by_label(book[sheet])["Trong đó: đảng viên nữ"][1] == pytest.approx(women)


def test_text_is_never_a_formula(tmp_path):
    hostile = "=HYPERLINK(\"http://example.com\",\"x\")"
    made = Table("1. Thử", hostile, hostile, (("Số lượng", "Number", "người/persons"),),
                 (Row(hostile, hostile, (1,), 0),), hostile, hostile)
    path = workbook.write(tmp_path / "x.xlsx", [made], hostile, DAY)
    ws = openpyxl.load_workbook(path)["1. Thử"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert ws["A1"].value == hostile.upper() and ws["B8"].value == hostile


def test_bad_or_unknown_scope_is_refused(demo_warehouse, tmp_path):
    out = tmp_path / "x.xlsx"
    bad = run_etl("report", "--warehouse", str(demo_warehouse), "--year", "2024", "--scope",
                  "tinh:01", str(out))
    assert bad.returncode == 2 and "Bad scope" in bad.stdout
    unknown = run_etl("report", "--warehouse", str(demo_warehouse), "--year", "2024", "--scope",
                      "province:N99", str(out))
    assert unknown.returncode == 3 and "N99" in unknown.stdout and not out.exists()
