#!/usr/bin/env python3
"""Write the year-end statistics workbook from a warehouse and render every sheet to PNG
(libreoffice → PDF, A4 landscape as printed → pdftoppm) so a human can look at it:
`.venv/bin/python scripts/render_report.py --warehouse W --year 2024 --scope province:N08`."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--warehouse", default=str(ROOT / "data" / "warehouse.duckdb"))
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--scope", default="country")
    ap.add_argument("--out", default=str(ROOT / "test-artifacts" / "report"))
    ap.add_argument("--dpi", type=int, default=70)
    args = ap.parse_args(argv)
    missing = [tool for tool in ("libreoffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"Thiếu / missing: {', '.join(missing)}. Cài / install: "
              "apt-get install -y libreoffice-calc poppler-utils", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("page-*.png"):
        old.unlink()
    book = out / "bao_cao_thong_ke.xlsx"
    subprocess.run([sys.executable, "-m", "etl", "report", "--warehouse", args.warehouse,
                    "--year", str(args.year), "--scope", args.scope, str(book)], check=True,
                   cwd=ROOT, timeout=600)
    with tempfile.TemporaryDirectory() as profile:  # a private profile: no lock clashes
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(book)],
                       check=True, capture_output=True, timeout=300)
    subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), str(book.with_suffix(".pdf")),
                    str(out / "page")], check=True, timeout=300)
    pngs = sorted(out.glob("page-*.png"))
    print(f"{book} → {len(pngs)} PNG in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
