#!/usr/bin/env python3
"""Write the year-end statistics workbook from a warehouse and render every sheet to PNG
(libreoffice → PDF, A4 landscape as printed → pdftoppm) so a human can look at it:
`.venv/bin/python scripts/render_report.py --warehouse W --year 2024 --scope province:N08`."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import office_png  # scripts/office_png.py (this script's folder is on sys.path)

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--warehouse", default=str(ROOT / "data" / "warehouse.duckdb"))
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--scope", default="country")
    ap.add_argument("--out", default=str(ROOT / "test-artifacts" / "report"))
    ap.add_argument("--dpi", type=int, default=70)
    args = ap.parse_args(argv)
    if office_png.tools_missing("libreoffice-calc"):
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    book = out / "bao_cao_thong_ke.xlsx"
    subprocess.run([sys.executable, "-m", "chibo.etl", "report", "--warehouse", args.warehouse,
                    "--year", str(args.year), "--scope", args.scope, str(book)], check=True,
                   cwd=ROOT, timeout=600)
    pngs = office_png.render(book, "page", args.dpi)
    print(f"{book} → {len(pngs)} PNG in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
