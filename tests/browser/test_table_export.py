"""A table's XLSX download in a real browser holds what the grid shows: sorted by the column
the viewer clicked, typed cells (openpyxl reads integers and a percent format)."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.browser


def grid(key: str) -> str:
    return f"[id='{json.dumps({'key': key, 'type': 'table-grid'}, separators=(',', ':'))}']"


def members_in_xlsx(page, table) -> tuple[list, object]:
    button = page.locator("button[id*='table-xlsx'][id*='orgs-table']")
    with page.expect_download(timeout=60000) as info:
        button.click()
    ws = load_workbook(io.BytesIO(open(info.value.path(), "rb").read())).active
    header_row = [c.value for c in ws[1]]
    col = header_row.index("Đảng viên") + 1
    share = ws.cell(2, header_row.index("Sinh hoạt tốt, khá") + 1)
    return [ws.cell(r, col).value for r in range(2, ws.max_row + 1)], share


def loaded(page, direction: str) -> None:
    """Wait until the paged grid's rows have arrived from the server (no row still loading) in
    the order of the sort (the assertions below then say what is wrong, if anything)."""
    page.wait_for_function("""([s, down]) => {
        const rows = [...document.querySelectorAll(s + ' .ag-center-cols-container .ag-row')]
            .map(r => [Number(r.getAttribute('row-index')),
                       (r.querySelector(".ag-cell[col-id='members']") || {}).innerText || ''])
            .sort((a, b) => a[0] - b[0]);
        const n = rows.map(r => Number(r[1].replace(/\\./g, '')));
        return rows.length > 1 && rows.every(r => r[1].trim() !== '')
            && n.every((v, i) => i === 0 || (down ? n[i - 1] >= v : n[i - 1] <= v)); }""",
        arg=[grid("orgs-table"), direction == "descending"], timeout=60000)


def shown_members(table) -> list[int]:
    """The column as the grid shows it, top to bottom (rows sit in the DOM in any order)."""
    cells = table.locator(".ag-center-cols-container .ag-row").evaluate_all(
        """rows => rows.map(r => [Number(r.getAttribute('row-index')),
                                  r.querySelector(".ag-cell[col-id='members']").innerText])""")
    return [int(text.replace(".", "")) for _i, text in sorted(cells)]


def test_xlsx_follows_the_grids_sort(page):
    """Sorted up, then down, by 'Đảng viên': each file holds the rows in the grid's order."""
    page.goto(page.base + "/to-chuc?from=2025-01-01&to=2025-12-31")
    table = page.locator(grid("orgs-table"))
    table.scroll_into_view_if_needed()
    page.wait_for_selector(f"{grid('orgs-table')} .ag-row", timeout=60000)
    header = table.locator(".ag-header-cell[col-id='members'] .ag-header-cell-label")
    for direction in ("ascending", "descending"):
        header.click()
        page.wait_for_selector(f"{grid('orgs-table')} .ag-header-cell[col-id='members']"
                               f"[aria-sort='{direction}']")
        loaded(page, direction)  # the block sorted on the server
        shown = shown_members(table)
        assert len(set(shown)) >= 2
        assert shown == sorted(shown, reverse=direction == "descending")
        page.wait_for_timeout(500)  # the grid's column state reaches the server
        members, share = members_in_xlsx(page, table)
        assert members == shown and all(isinstance(v, int) for v in members)
        assert share.number_format == "0.0%"
