"""Table cards: a table of the registry (chibo/dashboard/charts/tables.py) in dash-ag-grid (sort,
filter, Vietnamese number formats) with CSV and XLSX buttons (every row) and the number of rows.

The grid uses ag-grid's infinite row model: it asks the server for one block of rows at a time
(getRowsRequest → `page` → getRowsResponse {rowData, rowCount}) as it scrolls, sorts or filters;
the server sorts, filters and cuts the block (charts/tables.py `page`). A filter change purges the
grid's blocks in the browser, so it asks again under the new filters."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import MATCH, Input, Output, State, callback, clientside_callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from chibo.dashboard import i18n, responses
from chibo.dashboard.auth import access
from chibo.dashboard.charts import grid_view, tables
from chibo.dashboard.charts.tables import TABLES, Table
from chibo.dashboard.components.filter_bar import STATE
from chibo.dashboard.i18n import fmt_num, t

GRID, CSV_BUTTON, XLSX_BUTTON, DOWNLOAD = "table-grid", "table-csv", "table-xlsx", "table-download"
CSV_VI_BUTTON = "table-csv-semicolon"  # ';' and decimal commas: Excel with Vietnamese settings
NOTE = "table-note"
ASKED = "table-asked"  # the filter state the grid's blocks were last purged for
WIDE = {"name", "org_name", "detail", "file_name", "reason", "cell", "rule"}  # long text
MEDIUM = {"kind", "sector", "base_org", "rating", "province", "org_id"}  # labels and ids
_FORMAT = {  # ag-grid valueFormatter per column kind (no globals: dash-ag-grid's parser)
    "int": "params.value == null ? '' : params.value.toLocaleString('{loc}')",
    "pct": "params.value == null ? '' : (100 * params.value).toLocaleString('{loc}',"
           " {{minimumFractionDigits: 1, maximumFractionDigits: 1}}) + '%'",
    "dec": "params.value == null ? '' : params.value.toLocaleString('{loc}',"
           " {{minimumFractionDigits: 1, maximumFractionDigits: 1}})",
    "month": "params.value ? params.value.slice(5, 7) + '/' + params.value.slice(0, 4) : ''",
    "date": "params.value ? params.value.slice(0, 10).split('-').reverse().join('/') : ''",
    "datetime": "params.value ? params.value.slice(0, 10).split('-').reverse().join('/')"
                " + ' ' + params.value.slice(11, 16) : ''",
}
GRID_TEXT_VI = {"page": "Trang", "of": "trên", "to": "–", "more": "thêm",
                "pageSizeSelectorLabel": "Số dòng:", "noRowsToShow": "Không có dữ liệu",
                "filterOoo": "Lọc…", "equals": "Bằng", "notEqual": "Khác", "contains": "Chứa",
                "notContains": "Không chứa", "startsWith": "Bắt đầu bằng",
                "endsWith": "Kết thúc bằng", "blank": "Trống", "notBlank": "Không trống",
                "lessThan": "Nhỏ hơn", "greaterThan": "Lớn hơn", "inRange": "Trong khoảng",
                "andCondition": "VÀ", "orCondition": "HOẶC", "applyFilter": "Áp dụng",
                "resetFilter": "Đặt lại", "clearFilter": "Xóa", "firstPage": "Trang đầu",
                "lastPage": "Trang cuối", "nextPage": "Trang sau",
                "previousPage": "Trang trước"}


i18n.register({
    "table.csv_hint": ("CSV phân cách bằng dấu phẩy, như bảng đang lọc và sắp xếp",
                       "Comma-separated CSV, filtered and sorted as the table"),
    "table.csv_vi_hint": ("CSV phân cách bằng dấu chấm phẩy, số thập phân có dấu phẩy (Excel "
                          "tiếng Việt)", "Semicolon-separated CSV with decimal commas (Excel "
                          "with Vietnamese settings)"),
    "table.xlsx_hint": ("Sổ tính Excel, như bảng đang lọc và sắp xếp",
                        "Excel workbook, filtered and sorted as the table"),
})


def column_defs(table: Table, lang: str) -> list[dict]:
    loc = "en-GB" if lang == "en" else "vi-VN"
    defs = []
    for field, header, kind in table.columns:
        d = {"field": field, "headerName": t(header, lang), "filter": True, "sortable": True,
             "headerTooltip": t(header, lang)}
        if field in WIDE:
            d.update(minWidth=220, flex=2)
        elif field in MEDIUM:
            d.update(minWidth=140, flex=1.4)
        if kind in _FORMAT:
            d["valueFormatter"] = {"function": _FORMAT[kind].format(loc=loc)}
        if kind in ("int", "dec", "pct"):
            d["type"] = "rightAligned"
            d["filter"] = "agNumberColumnFilter"
        if field in grid_view.FREE_TEXT:
            d.update(filter=False, sortable=False)
        defs.append(d)
    return defs


def grid_locale(lang: str) -> dict:
    """ag-grid's localeText: Vietnamese words, the language's number format in the pagination
    ('1 – 50 trên 4.785') and our empty-result message."""
    seps = ({"thousandSeparator": ",", "decimalSeparator": "."} if lang == "en"
            else {"thousandSeparator": ".", "decimalSeparator": ","})
    return {**(GRID_TEXT_VI if lang == "vi" else {}), **seps, "noRowsToShow": t("chart.empty", lang)}


def table_card(key: str, lang: str = "vi", height: int = 420) -> dmc.Paper:
    table = TABLES[key]
    return dmc.Paper(withBorder=True, radius="md", p="sm", className="table-card", children=[
        dmc.Group(justify="space-between", mb="xs", children=[
            dmc.Group(gap="sm", children=[
                dmc.Text(t(table.title, lang), fw=700, size="lg"),
                dmc.Text(id={"type": NOTE, "key": key}, c="dimmed", size="sm")]),
            dmc.Group(gap="xs", children=[
                *[dmc.Tooltip(label=t(hint, lang), withArrow=True, children=dmc.Button(
                    text, id={"type": kind, "key": key}, variant="light", size="compact-sm"))
                  for text, kind, hint in (("CSV", CSV_BUTTON, "table.csv_hint"),
                                           ("CSV (;)", CSV_VI_BUTTON, "table.csv_vi_hint"),
                                           ("XLSX", XLSX_BUTTON, "table.xlsx_hint"))],
            ]),
        ]),
        dag.AgGrid(id={"type": GRID, "key": key}, columnDefs=column_defs(table, lang),
                   rowModelType="infinite",
                   defaultColDef={"resizable": True, "flex": 1, "minWidth": 95,
                                  "wrapHeaderText": True, "autoHeaderHeight": True},
                   dashGridOptions={"animateRows": False, "cacheBlockSize": tables.BLOCK,
                                    "maxBlocksInCache": 50, "infiniteInitialRowCount": 1,
                                    "localeText": grid_locale(lang)},
                   style={"height": f"{height}px"}),
        dcc.Store(id={"type": ASKED, "key": key}),
        dcc.Download(id={"type": DOWNLOAD, "key": key}),
    ])


i18n.register({"table.rows": ("{n} dòng", "{n} rows"), "table.rows.1": ("{n} dòng", "{n} row")})


def count_note(rows: int, lang: str) -> str:
    """The number of rows the table holds under the filters (and the grid's own), said beside
    its title in the language's number format ('4.785 dòng')."""
    return t("table.rows", lang, n=fmt_num(rows, lang))


@callback(Output({"type": GRID, "key": MATCH}, "getRowsResponse"),
          Output({"type": NOTE, "key": MATCH}, "children"),
          Input({"type": GRID, "key": MATCH}, "getRowsRequest"), State(STATE, "data"),
          State({"type": GRID, "key": MATCH}, "id"))
@responses.cacheable
def render(request, state, grid_id):
    """One block of rows as the grid asks (sorted, filtered and cut on the server) and the count;
    a request the table cannot answer (a column not its own…) is refused."""
    if request is None:
        raise PreventUpdate
    try:
        rows, count = tables.page(grid_id["key"], state, access.current_scope(), request)
    except ValueError as e:
        raise PreventUpdate from e
    return {"rowData": rows, "rowCount": count}, count_note(count, (state or {}).get("lang", "vi"))


# a filter change: the grid forgets its blocks and asks for them again (under the new state)
clientside_callback(
    """function(state, id) {
        try {
            const api = window.dash_ag_grid.getApi(id);
            if (api && !api.isDestroyed()) { api.purgeInfiniteCache(); }
        } catch (e) { /* not drawn yet: its first request will read the state */ }
        return state;
    }""",
    Output({"type": ASKED, "key": MATCH}, "data"), Input(STATE, "data"),
    State({"type": GRID, "key": MATCH}, "id"), prevent_initial_call=True)


@callback(Output({"type": DOWNLOAD, "key": MATCH}, "data"),
          Input({"type": CSV_BUTTON, "key": MATCH}, "n_clicks"),
          Input({"type": CSV_VI_BUTTON, "key": MATCH}, "n_clicks"),
          Input({"type": XLSX_BUTTON, "key": MATCH}, "n_clicks"), State(STATE, "data"),
          State({"type": GRID, "key": MATCH}, "filterModel"),
          State({"type": GRID, "key": MATCH}, "columnState"), prevent_initial_call=True)
def download(_csv, _csv_vi, _xlsx, state, filter_model, column_state):
    """The file of the table as the grid shows it (its own filter and sort, checked on the
    server by charts/grid_view.py)."""
    trig = ctx.triggered_id
    if not state or not isinstance(trig, dict) or trig.get("key") not in TABLES:
        return no_update
    fmt = {CSV_BUTTON: "csv", CSV_VI_BUTTON: "csv;", XLSX_BUTTON: "xlsx"}[trig["type"]]
    content, name = tables.export(trig["key"], state, access.current_scope(), fmt,
                                  {"filter": filter_model, "sort": column_state})
    return dcc.send_bytes(content, name)
