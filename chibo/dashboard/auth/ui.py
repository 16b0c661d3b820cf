"""The shell's access-control pieces: who is logged in (with a logout button) in the header, and
the "chế độ demo" banner in open mode. Filled by one callback, from the server-side session."""

from __future__ import annotations

import dash_mantine_components as dmc
import flask
from dash import Input, Output, callback, dcc, html

from chibo.dashboard import i18n, runtime
from chibo.dashboard.i18n import t

USER, BANNER = "auth-user", "auth-banner"

i18n.register({
    "auth.logout": ("Đăng xuất", "Log out"),
    "auth.role.admin": ("quản trị", "administrator"),
    "auth.role.leader": ("lãnh đạo", "leadership"),
    "auth.role.analyst": ("chuyên viên", "analyst"),
    "auth.demo": ("Chế độ demo: truy cập mở, không đăng nhập, chỉ trên máy này (127.0.0.1). "
                  "Không dùng với dữ liệu thật.",
                  "Demo mode: open access without logins, on this computer only (127.0.0.1). "
                  "Not for real data."),
    "auth.forbidden": ("Bạn không có quyền xem trang này.",
                       "You do not have access to this page."),
})


def header_slot() -> html.Div:
    return html.Div(id=USER)


def banner_slot() -> html.Div:
    return html.Div(id=BANNER)


def user_menu(lang: str):
    """Name, role and a logout form (POST with the CSRF token), or nothing."""
    from chibo.dashboard.auth.web import csrf_token, current_user

    if runtime.current().open_access:
        return dmc.Badge("demo", color="orange", variant="light")
    user = current_user()
    if user is None:
        return None
    return html.Form(method="post", action=flask.url_for("chibo_logout"), className="auth-logout", children=dmc.Group(
        gap="xs", children=[
            dmc.Text(f"{user.name} · {t('auth.role.' + user.role, lang)}", size="sm",
                     id="auth-user-name"),
            dcc.Input(type="hidden", name="csrf", value=csrf_token(), id="auth-csrf"),
            html.Button(t("auth.logout", lang), type="submit", id="auth-logout",
                        className="mantine-focus-auto"),
        ]))


@callback(Output(USER, "children"), Output(BANNER, "children"), Input("lang", "data"),
          prevent_initial_call=True)
def fill(lang):
    lang = lang or "vi"
    banner = (dmc.Alert(t("auth.demo", lang), color="orange", py=6, mb="sm", id="demo-banner")
              if runtime.current().open_access else None)
    return user_menu(lang), banner
