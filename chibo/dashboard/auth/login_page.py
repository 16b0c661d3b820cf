"""The login form: one self-contained HTML page (no script, no outside file), in Vietnamese and
English; every dynamic value is escaped."""

from __future__ import annotations

from html import escape

MESSAGES = {
    "failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
    "locked": ("Đăng nhập sai nhiều lần từ máy này; thử lại sau {minutes} phút.",
               "Too many failed logins from this address: try again in {minutes} minutes."),
    "csrf": ("Phiên đăng nhập đã cũ, hãy thử lại.", "The form expired, please try again."),
    "expired": ("Phiên làm việc đã hết hạn, hãy đăng nhập lại.",
                "Your session expired, please log in again."),
}
FIRST_ADMIN = "python -m chibo.dashboard users add --role admin TEN_DANG_NHAP"
STYLE = """body{font-family:"Noto Sans",system-ui,sans-serif;background:#f1f3f5;margin:0;color:#212529}
main{max-width:380px;margin:10vh auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;
padding:28px}h1{font-size:22px;margin:0 0 4px}p.sub{color:#5f6670;margin:0 0 20px;font-size:14px}
label{display:block;font-size:14px;margin:12px 0 4px}input[type=text],input[type=password]{width:100%;
box-sizing:border-box;padding:8px;border:1px solid #ced4da;border-radius:4px;font-size:15px}
button{margin-top:18px;width:100%;padding:9px;border:0;border-radius:4px;background:#c92a2a;
color:#fff;font-size:15px;cursor:pointer}.msg{background:#fff5f5;border:1px solid #ffc9c9;
padding:8px 10px;border-radius:4px;font-size:14px}.note{background:#fff9db;border:1px solid #ffe066;
padding:8px 10px;border-radius:4px;font-size:14px}code{font-size:13px}.en{color:#5f6670}"""


def render_login(csrf: str, next_path: str, action: str = "/login", error: str | None = None,
                 expired: bool = False, no_users: bool = False, minutes: int | None = None) -> str:
    """The page as a string (Vietnamese first, English in grey); `action` is the login route
    (under the app's sub-path), `minutes` the wait of a refused login."""
    notes = []
    key = error or ("expired" if expired else None)
    if key in MESSAGES:
        vi, en = (m.format(minutes=minutes or 1) for m in MESSAGES[key])
        notes.append(f'<p class="msg" role="alert">{escape(vi)}<br><span class="en">{escape(en)}'
                     "</span></p>")
    if no_users:
        notes.append(
            '<p class="note">Chưa có người dùng nào. Quản trị viên tạo tài khoản đầu tiên trên máy chủ:'
            f'<br><code>{escape(FIRST_ADMIN)}</code><br><span class="en">No users yet. Create the '
            "first administrator on the server with the command above.</span></p>")
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Đăng nhập · chibo</title><style>{STYLE}</style></head>
<body><main><h1>chibo</h1><p class="sub">Đăng nhập <span class="en">/ Log in</span></p>
{''.join(notes)}
<form method="post" action="{escape(action)}" autocomplete="on">
<input type="hidden" name="csrf" value="{escape(csrf)}">
<input type="hidden" name="next" value="{escape(next_path)}">
<label for="name">Tên đăng nhập <span class="en">/ user name</span></label>
<input type="text" id="name" name="name" autocomplete="username" required autofocus>
<label for="password">Mật khẩu <span class="en">/ password</span></label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" id="login-submit">Đăng nhập / Log in</button>
</form></main></body></html>"""
