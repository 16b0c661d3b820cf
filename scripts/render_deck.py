#!/usr/bin/env python3
"""Export a deck from a warehouse to .pptx and render it to PNG (libreoffice → PDF → pdftoppm)
so a human can look at the slides: `.venv/bin/python scripts/render_deck.py --warehouse W`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import office_png  # scripts/office_png.py (this script's folder is on sys.path)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--warehouse", default=str(ROOT / "data" / "warehouse.duckdb"))
    ap.add_argument("--query", default="deck=builtin:tong-quan",
                    help="the slides page's query string, e.g. 'deck=builtin:chat-luong-quy&period=5y'")
    ap.add_argument("--out", default=str(ROOT / "test-artifacts" / "deck"))
    ap.add_argument("--dpi", type=int, default=60)
    args = ap.parse_args(argv)
    if office_png.tools_missing("libreoffice-impress"):
        return 2
    if not Path(args.warehouse).exists():
        print(f"Không có kho dữ liệu / no warehouse: {args.warehouse}", file=sys.stderr)
        return 2
    from chibo.dashboard import settings
    from chibo.dashboard.app import create_app

    app = create_app(settings.load(warehouse=args.warehouse), open_access=True)  # a local tool
    resp = app.server.test_client().get(f"/export/deck.pptx?{args.query.lstrip('?')}")
    if resp.status_code != 200:
        print(resp.get_data(as_text=True), file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pptx = out / "deck.pptx"
    pptx.write_bytes(resp.data)
    pngs = office_png.render(pptx, "slide", args.dpi)
    print(f"{pptx} ({len(resp.data):,} bytes) → {len(pngs)} PNG in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
