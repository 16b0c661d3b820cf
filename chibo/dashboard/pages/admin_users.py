"""Người dùng và nhật ký (admins only): the users with role, scope, last login and lockout, and
the audit log (logins, failed logins, exports, uploads, user changes). Users are managed with
`python -m chibo.dashboard users ...`; every value is shown as text."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import Input, Output, callback, html

from chibo.dashboard import i18n
from chibo.dashboard.auth import access, lockout, users
from chibo.dashboard.i18n import t

dash.register_page(__name__, path="/quan-tri/nguoi-dung", name="Người dùng và nhật ký", order=21,
                   nav_key="nav.admin_users", roles=("admin",))

ADMIN_USERS, ADMIN_AUDIT = "admin-users", "admin-audit"

i18n.register({
    "nav.admin_users": ("Người dùng, nhật ký", "Users and audit log"),
    "admin.users": ("Người dùng", "Users"),
    "admin.audit": ("Nhật ký truy cập", "Audit log"),
    "admin.how": ("Quản lý người dùng bằng lệnh: python -m chibo.dashboard users add|remove|list|"
                  "set-role|set-scope|reset-password",
                  "Manage users on the server: python -m chibo.dashboard users add|remove|list|"
                  "set-role|set-scope|reset-password"),
})
USER_COLUMNS = (("name", "Tên / name"), ("role", "Vai trò / role"),
                ("provinces", "Tỉnh / provinces"), ("orgs", "Tổ chức / organisations"),
                ("last_login_at", "Đăng nhập gần nhất / last login"), ("locked", "Khóa với địa chỉ / locked for addresses"))
AUDIT_COLUMNS = (("at", "Thời điểm / at"), ("actor", "Người / actor"),
                 ("action", "Hành động / action"), ("target", "Đối tượng / target"),
                 ("detail", "Chi tiết / detail"), ("address", "Địa chỉ / address"))


def _grid(grid_id: str, columns, height: int) -> dag.AgGrid:
    return dag.AgGrid(id=grid_id, rowData=[], style={"height": f"{height}px"},
                      columnDefs=[{"field": f, "headerName": h} for f, h in columns],
                      defaultColDef={"resizable": True, "flex": 1, "filter": True,
                                     "sortable": True},
                      dashGridOptions={"pagination": True, "paginationPageSize": 50})


def layout(lang="vi", **_):
    if not access.is_admin():
        return dmc.Alert(t("auth.forbidden", lang), color="red", id="page-forbidden")
    return dmc.Stack(gap="sm", children=[
        dmc.Title(t("admin.users", lang), order=1, size="h3"),
        dmc.Text(t("admin.how", lang), size="sm", c="dimmed"),
        _grid(ADMIN_USERS, USER_COLUMNS, 260),
        dmc.Title(t("admin.audit", lang), order=3),
        _grid(ADMIN_AUDIT, AUDIT_COLUMNS, 480),
        html.Div(id="admin-sink", hidden=True),
    ])


def user_rows() -> list[dict]:
    """Every user (admins only; nobody else gets a row)."""
    if not access.is_admin():
        return []
    return [{"name": u.name, "role": u.role, "provinces": ", ".join(u.provinces),
             "orgs": ", ".join(u.orgs), "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
             "locked": ", ".join(lockout.locked_addresses(u.name))} for u in users.list_users()]


def audit_rows() -> list[dict]:
    return users.audit_log(1000) if access.is_admin() else []


@callback(Output(ADMIN_USERS, "rowData"), Output(ADMIN_AUDIT, "rowData"),
          Input(ADMIN_USERS, "id"), Input("lang", "data"))
def fill(_id, _lang):
    return user_rows(), audit_rows()
