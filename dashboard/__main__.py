"""`python -m dashboard [--warehouse PATH] [--host H] [--port N] [--demo]`: the development server;
`python -m dashboard users ...` manages logins (dashboard/auth/cli.py).

Builds the small demo warehouse first (as a subprocess: the dashboard never imports etl) when the
warehouse file does not exist. Without users (or with --demo) it serves open demo access, on
127.0.0.1 only; otherwise it requires logins.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from dashboard.auth.config import LOOPBACK
from dashboard.data import REPO


def build_demo(path: Path) -> int:
    """Run `python -m etl demo --scale small --warehouse PATH`, streaming its progress."""
    print(f"Chưa có kho dữ liệu, đang tạo dữ liệu mẫu / no warehouse, building the demo: {path}",
          flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "etl", "demo", "--scale", "small", "--warehouse", str(path)]
    return subprocess.call(cmd, cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["users"]:
        from dashboard.auth.cli import main as users_main

        return users_main(argv[1:])
    default = os.environ.get("CHIBO_WAREHOUSE", str(REPO / "data" / "warehouse.duckdb"))
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", default=default, help="DuckDB warehouse file")
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
    path = Path(args.warehouse).resolve()
    if not path.exists():
        rc = build_demo(path)
        if rc != 0 or not path.exists():
            print(f"Không tạo được dữ liệu mẫu / demo build failed (exit {rc})", file=sys.stderr)
            return rc or 1
    os.environ["CHIBO_WAREHOUSE"] = str(path)
    from dashboard import data
    from dashboard.app import create_app
    from dashboard.auth import users
    from dashboard.auth.cli import FIRST_ADMIN_HINT

    data.configure(path)  # the users database sits beside the warehouse
    no_users = users.count_users() == 0
    open_access = args.demo or (no_users and loopback)
    if no_users:
        print(FIRST_ADMIN_HINT, flush=True)
    print("Chế độ demo: truy cập mở, không đăng nhập / demo mode: open access, no logins"
          if open_access else "Cần đăng nhập / logins required", flush=True)
    app = create_app(path, open_access=open_access)
    print(f"http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug,
            dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
