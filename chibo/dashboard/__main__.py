"""`python -m chibo.dashboard [--warehouse PATH] [--host H] [--port N] [--demo]`: the development server;
`python -m chibo.dashboard users ...` manages logins (chibo/dashboard/auth/cli.py); `python -m chibo.dashboard
settings` prints the table of CHIBO_* settings (chibo/dashboard/settings.py) for the README.

Builds the small demo warehouse first (as a subprocess: the dashboard never imports etl) when
neither the warehouse file nor a kept generation exists. Without users (or with --demo) it serves
open demo access, on 127.0.0.1 only; otherwise it requires logins. Exit 2: a bad setting or
option; 3: the warehouse cannot be read (another DuckDB storage format, or no generation
readable: the reason is printed in Vietnamese and English).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from chibo.dashboard import serving
from chibo.dashboard import settings as settings_module
from chibo.dashboard.settings import PROJECT_ROOT, Settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def build_demo(path: Path) -> int:
    """Run `python -m chibo.etl demo --scale small --warehouse PATH`, streaming its progress."""
    print(f"Chưa có kho dữ liệu, đang tạo dữ liệu mẫu / no warehouse, building the demo: {path}",
          flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "chibo.etl", "demo", "--scale", "small", "--warehouse", str(path)]
    return subprocess.call(cmd, cwd=PROJECT_ROOT)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        settings = settings_module.load()
    except settings_module.SettingsError as e:
        print(e, file=sys.stderr)
        return 2
    if argv[:1] == ["settings"]:  # the README's table of settings
        print(settings_module.markdown_table())
        return 0
    if argv[:1] == ["users"]:
        from chibo.dashboard.auth.cli import main as users_main

        return users_main(argv[1:], settings)
    p = argparse.ArgumentParser(prog="python -m chibo.dashboard", description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", default=str(settings.warehouse),
                   help="DuckDB warehouse file (default: CHIBO_WAREHOUSE or data/warehouse.duckdb)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.add_argument("--debug", action="store_true", help="Dash dev tools (development only)")
    p.add_argument("--demo", action="store_true",
                   help="open access without logins (127.0.0.1 only; default when no users)")
    args = p.parse_args(argv)
    loopback = args.host in LOOPBACK
    if (args.demo or args.debug) and not loopback:
        print("--demo/--debug chỉ chạy trên 127.0.0.1 / only on 127.0.0.1", file=sys.stderr)
        return 2
    settings = settings.model_copy(update={"warehouse": Path(args.warehouse).resolve()})
    if args.debug and count_users(settings):
        print("--debug không dùng khi đã có người dùng (dữ liệu thật) / --debug is refused once "
              "users exist (real data): use a separate demo warehouse", file=sys.stderr)
        return 2
    if not settings.warehouse.exists() and not serving.read_index(settings.warehouse):
        # (a missing published file with kept generations is served from them, never demoed over)
        rc = build_demo(settings.warehouse)
        if rc != 0 or not settings.warehouse.exists():
            print(f"Không tạo được dữ liệu mẫu / demo build failed (exit {rc})", file=sys.stderr)
            return rc or 1
    return serve(settings, args, loopback)


def count_users(settings: Settings) -> int:
    from chibo.dashboard import runtime
    from chibo.dashboard.auth import users

    with runtime.bound(runtime.Runtime.build(settings)):
        return users.count_users()


def serve(settings: Settings, args, loopback: bool) -> int:
    """Open demo access or logins (see the module docstring), then run the development server
    (never Werkzeug's interactive debugger: `--debug` is Dash's dev tools, in demo mode only)."""
    from chibo.dashboard.app import create_app
    from chibo.dashboard.auth.cli import FIRST_ADMIN_HINT
    from chibo.dashboard.errors import StartRefused

    no_users = count_users(settings) == 0
    open_access = args.demo or (no_users and loopback)
    if no_users:
        print(FIRST_ADMIN_HINT, flush=True)
    print("Chế độ demo: truy cập mở, không đăng nhập / demo mode: open access, no logins"
          if open_access else "Cần đăng nhập / logins required", flush=True)
    try:
        app = create_app(settings, open_access=open_access)
    except StartRefused as e:
        print(e, file=sys.stderr)
        return 3
    print(f"http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug, use_debugger=False,
            dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
