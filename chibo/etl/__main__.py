"""`python -m chibo.etl …`: template, load, demo, rebuild, rollback, status, documents, contract,
export-parquet. Exit 0 done, 1 input rejected (contract: not met), 2 usage, 3 could not complete
(disk full, unwritable files…)."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from rich.console import Console

from chibo.etl import commands
from chibo.etl.faults import explain
from chibo.etl.settings import SettingError
from chibo.etl.warehouse import warehouse_path


def _thresholds(text: str) -> tuple[float, float, float]:
    try:
        values = tuple(float(v) for v in text.replace("/", ",").split(","))
    except ValueError:
        values = ()
    if len(values) != 3 or not values[0] > values[1] > values[2]:
        raise argparse.ArgumentTypeError("expected three falling scores, e.g. 90,70,50")
    return values  # type: ignore[return-value]


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", metavar="PATH",
                        help="warehouse file (default: $CHIBO_WAREHOUSE or data/warehouse.duckdb)")
    top = argparse.ArgumentParser(prog="python -m chibo.etl", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("template", parents=[common], help="write input templates (CSV and XLSX)")
    p.add_argument("directory", type=Path)

    p = sub.add_parser("load", parents=[common], help="validate and load input files")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--accept-valid", action="store_true",
                   help="load the valid rows and quarantine the rejected ones")
    p.add_argument("--dry-run", action="store_true",
                   help="validate and report only; load and publish nothing (exit 0 valid, 1 not)")
    p.add_argument("--report", type=Path, help="where to write the CSV report of problems")
    p.add_argument("--no-wait", action="store_true", help="refuse (exit 3) instead of waiting "
                   "while another load runs, on this host or any host sharing CHIBO_DATABASE_URL")
    p.add_argument("--quality-thresholds", type=_thresholds, default=(90.0, 70.0, 50.0),
                   metavar="G,F,A", help="scores for good, fair, average (default 90,70,50)")

    p = sub.add_parser("demo", parents=[common], help="write synthetic inputs and load them")
    p.add_argument("--scale", choices=("small", "province", "national"), default="small")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--force", action="store_true",
                   help="replace an existing warehouse and its raw store")
    p.add_argument("--no-documents", action="store_true",
                   help="do not load the five seed news reports (chibo/etl/demo/seeds) as documents")

    p = sub.add_parser("rebuild", parents=[common],
                       help="rebuild the warehouse from the raw store, as the ledger says")
    p.add_argument("--full", action="store_true",
                   help="read and validate every stored input again, even the loads whose rows "
                        "were validated from the same files under today's rules (kept otherwise)")

    p = sub.add_parser("rollback", parents=[common],
                       help="serve a kept earlier generation again (default: the newest older one)")
    p.add_argument("--to", type=int, metavar="GENERATION", help="the generation to serve")

    p = sub.add_parser("status", parents=[common],
                       help="the served generation, the kept ones, the last loads, interruptions")
    p.add_argument("--last", type=int, default=10, metavar="N", help="how many loads to list")

    p = sub.add_parser("export-parquet", parents=[common],
                       help="write every marts table as Parquet (for other SQL tools and versions)")
    p.add_argument("directory", type=Path)

    p = sub.add_parser("documents", parents=[common],
                       help="extract published figures from news and report text")
    p.add_argument("paths", nargs="+", type=Path)

    p = sub.add_parser("report", parents=[common],
                       help="write the year-end statistics workbook (XLSX) for a scope")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--scope", action="append", metavar="PART",
                   help="country (default), province:N01, old_province:01, region:R, sector:S or "
                        "org:ID; repeated: their union")
    p.add_argument("--within", action="append", metavar="PART",
                   help="narrow the scope to this part as well (repeatable)")
    p.add_argument("--lang", choices=("vi", "en"), default="vi")

    p = sub.add_parser("contract", parents=[common],
                       help="check a warehouse against the contract (chibo/etl/contract.py)")
    p.add_argument("--markdown", action="store_true", help="print the README's contract tables")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    console = Console(stderr=False)
    try:
        warehouse = warehouse_path(args.warehouse)
        handler = getattr(commands, args.command.replace("-", "_"))
        return handler(args, warehouse, console)
    except SettingError as exc:
        console.print(f"[red]Cấu hình sai / bad setting: {exc}")
        return commands.EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - every failure ends in a message and exit 3
        known = explain(exc)
        if known is None:
            traceback.print_exc()
            console.print(f"[red]Không hoàn thành được / could not complete: {exc}")
        else:
            console.print(f"[red]Không hoàn thành được: {known.message_vi}[/red]")
            console.print(f"[red]Could not complete: {known.message_en}[/red]")
        return commands.EXIT_INCOMPLETE


if __name__ == "__main__":
    sys.exit(main())
