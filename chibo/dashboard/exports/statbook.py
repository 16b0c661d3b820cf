"""The year-end statistics workbook ("Báo cáo thống kê") for the viewer: the ETL's own command
(`python -m chibo.etl report`, the one layout and definition of the official tables) run as a
subprocess on the served warehouse file, as the upload page runs `python -m chibo.etl load`, with the
viewer's scope (their provinces and organisation subtrees, or the country) narrowed by the filter
bar's province, region, sector and organisation. The scope comes from the server-side Scope, never
from the client."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from chibo.dashboard import data
from chibo.dashboard.data import Filters, Scope

TIMEOUT = 300  # seconds: a national workbook on a busy server


class ReportFailed(RuntimeError):
    """The command did not write the workbook (its message in both languages)."""


def scope_args(scope: Scope, f: Filters) -> list[str] | None:
    """The command's --scope and --within arguments, or None when the viewer sees nothing."""
    parts = [f"province:{p}" for p in sorted(scope.provinces or ())]
    parts += [f"org:{o}" for o in sorted(scope.org_roots or ())]
    if scope.provinces is None and scope.org_roots is None:
        parts = ["country"]
    if not parts:
        return None
    within = []
    if f.province:
        within.append(f"{'old_province' if f.old_boundaries else 'province'}:{f.province}")
    within += [f"{kind}:{value}" for kind, value in (("region", f.region), ("sector", f.sector),
                                                     ("org", f.org)) if value]
    return [*(a for p in parts for a in ("--scope", p)), *(a for w in within for a in ("--within", w))]


def file_name(year: int, lang: str) -> str:
    return f"{'Statistics report' if lang == 'en' else 'Báo cáo thống kê'} {year}.xlsx"


def workbook_bytes(scope: Scope, f: Filters, lang: str = "vi") -> tuple[bytes, str]:
    """(the XLSX, its file name) for the year of the as-of date."""
    args = scope_args(scope, f)
    if args is None:
        raise ReportFailed("Không có dữ liệu trong phạm vi được xem / nothing in the viewer's scope")
    year = f.as_of.year
    with tempfile.TemporaryDirectory(prefix="chibo-report-") as tmp:
        out = Path(tmp) / "report.xlsx"
        cmd = [sys.executable, "-m", "chibo.etl", "report", "--warehouse", str(data.warehouse_path()),
               "--year", str(year), "--lang", "en" if lang == "en" else "vi", *args, str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        if done.returncode != 0 or not out.exists():
            raise ReportFailed((done.stdout + done.stderr).strip()[-500:])
        return out.read_bytes(), file_name(year, lang)
