"""Office documents rendered to PNG pages so a human can look at them (libreoffice → PDF as
printed → pdftoppm); shared by scripts/render_deck.py and scripts/render_report.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def tools_missing(office_package: str) -> bool:
    """True (after saying what to install) when libreoffice or pdftoppm is not on this machine."""
    missing = [tool for tool in ("libreoffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"Thiếu / missing: {', '.join(missing)}. Cài / install: "
              f"apt-get install -y {office_package} poppler-utils", file=sys.stderr)
    return bool(missing)


def render(document: Path, prefix: str, dpi: int) -> list[Path]:
    """`document` as <its folder>/<prefix>-N.png, one per printed page (older ones removed)."""
    out = document.parent
    for old in out.glob(f"{prefix}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as profile:  # a private profile: no lock clashes
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(document)],
                       check=True, capture_output=True, timeout=300)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(document.with_suffix(".pdf")),
                    str(out / prefix)], check=True, timeout=300)
    return sorted(out.glob(f"{prefix}-*.png"))
