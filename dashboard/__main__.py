"""`python -m dashboard [--warehouse PATH] [--host H] [--port N]`: the development server.

Builds the small demo warehouse first (as a subprocess: the dashboard never imports etl) when the
warehouse file does not exist.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from dashboard.data import REPO


def build_demo(path: Path) -> int:
    """Run `python -m etl demo --scale small --warehouse PATH`, streaming its progress."""
    print(f"Chưa có kho dữ liệu, đang tạo dữ liệu mẫu / no warehouse, building the demo: {path}",
          flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "etl", "demo", "--scale", "small", "--warehouse", str(path)]
    return subprocess.call(cmd, cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    default = os.environ.get("CHIBO_WAREHOUSE", str(REPO / "data" / "warehouse.duckdb"))
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.splitlines()[0])
    p.add_argument("--warehouse", default=default, help="DuckDB warehouse file")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8050)
    p.add_argument("--debug", action="store_true", help="Dash dev tools (development only)")
    args = p.parse_args(argv)
    path = Path(args.warehouse).resolve()
    if not path.exists():
        rc = build_demo(path)
        if rc != 0 or not path.exists():
            print(f"Không tạo được dữ liệu mẫu / demo build failed (exit {rc})", file=sys.stderr)
            return rc or 1
    os.environ["CHIBO_WAREHOUSE"] = str(path)
    from dashboard.app import create_app

    app = create_app(path)
    print(f"http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=args.debug,
            dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
