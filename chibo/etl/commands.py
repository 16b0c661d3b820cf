"""The command-line handlers: each takes parsed arguments, the warehouse path and a console,
prints a short summary table, and returns the exit code (0 done, 1 input rejected, 2 usage; 3
"could not complete" is raised as chibo.etl.faults.CouldNotComplete and printed by chibo.etl.__main__)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from chibo.etl import contract as warehouse_contract
from chibo.etl.generations import GenerationFiles
from chibo.etl.load import LoadOutcome, load_files, publish_with_marts, stage_inputs
from chibo.etl.progress import Steps
from chibo.etl.publish import Publication
from chibo.etl.rawstore import RawStore
from chibo.etl.rebuild import rebuild as rebuild_warehouse
from chibo.etl.rollback import rollback as rollback_warehouse
from chibo.etl.status import print_status, read_status
from chibo.etl.template import write_templates
from chibo.etl.writer import WriterLock

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3
DEMO_SEEDS = Path(__file__).parent / "demo" / "seeds"  # the five seed news reports, loaded by `demo`
RESULT_WORDS = {
    "loaded": "Đã nạp / loaded",
    "partial": "Đã nạp các dòng hợp lệ / valid rows loaded, others quarantined",
    "rejected": "Bị từ chối, không nạp gì / rejected, nothing loaded",
    "unchanged": "Nội dung đã nạp trước đây, không thay đổi / already loaded, nothing changed",
}


def template(args, warehouse: Path, console: Console) -> int:
    written = write_templates(args.directory)
    table = Table("tệp / file", title="Mẫu nhập liệu / input templates")
    for path in written:
        table.add_row(str(path))
    console.print(table)
    return EXIT_OK


def load(args, warehouse: Path, console: Console) -> int:
    missing = [p for p in args.files if not p.is_file()]
    if missing:
        console.print(f"[red]Không tìm thấy tệp / file not found: {', '.join(map(str, missing))}")
        return EXIT_USAGE
    outcome = load_files(args.files, warehouse, accept_valid=args.accept_valid,
                         thresholds=args.quality_thresholds, report=args.report, steps=Steps(console),
                         dry_run=args.dry_run, wait=not args.no_wait)
    print_outcome(console, outcome, warehouse)
    if args.dry_run:
        console.print("[bold]Chạy thử: không nạp, không công bố / dry run: nothing loaded or published")
    return EXIT_REJECTED if outcome.result == "rejected" else EXIT_OK


def print_outcome(console: Console, outcome: LoadOutcome, warehouse: Path) -> None:
    table = Table("tệp / file", "trang / sheet", "loại / input", "đọc / read", "nạp / loaded",
                  "từ chối / rejected", title="Kết quả nạp / load summary")
    for s in outcome.stats:
        table.add_row(s.file, s.sheet or "", s.entity or "—", f"{s.rows_read:,}".replace(",", "."),
                      f"{(0 if outcome.result == 'rejected' else s.rows_loaded):,}".replace(",", "."),
                      f"{s.rows_rejected:,}".replace(",", "."))
    if outcome.stats:
        console.print(table)
    if outcome.sample:
        problems = Table("vị trí / where", "giá trị / value", "lý do", "reason",
                         title=f"Lỗi / problems ({outcome.problems:,} — first {len(outcome.sample)})"
                         .replace(",", "."))
        for file, sheet, row, column, value, vi, en in outcome.sample:
            where = " ".join(x for x in (file, f"[{sheet}]" if sheet else "",
                                         f"dòng/row {row}" if row is not None else "",
                                         f"cột/column {column}" if column else "") if x)
            problems.add_row(where, "" if value is None else str(value)[:40], vi, en)
        console.print(problems)
    console.print(f"[bold]{RESULT_WORDS[outcome.result]}[/bold]")
    if outcome.warnings:
        warnings = Table("vị trí / where", "giá trị / value", "cảnh báo", "warning",
                         title=f"Cảnh báo, không từ chối / warnings, nothing rejected "
                               f"({len(outcome.warnings)})")
        for w in outcome.warnings[:20]:
            warnings.add_row(w.where(), "" if w.value is None else str(w.value)[:40],
                             w.reason_vi, w.reason_en)
        console.print(warnings)
    if outcome.report:
        console.print(f"Báo cáo lỗi / problem report: {outcome.report}")
    if outcome.generation:
        console.print(f"Kho dữ liệu / warehouse: {warehouse} (thế hệ / generation {outcome.generation})")


def demo(args, warehouse: Path, console: Console) -> int:
    from chibo.etl.demo import write_demo_inputs  # the generator is only needed here

    if warehouse.exists() or RawStore(warehouse).root.exists():
        if not args.force:
            console.print(f"[red]Kho dữ liệu đã có / the warehouse exists: {warehouse}. "
                          "Dùng --force để thay thế / use --force to replace it.")
            return EXIT_USAGE
        with WriterLock(warehouse, on_wait=Steps(console).waiting):  # like any writer
            warehouse.unlink(missing_ok=True)
            shutil.rmtree(GenerationFiles(warehouse).dir, ignore_errors=True)
            shutil.rmtree(RawStore(warehouse).root, ignore_errors=True)
    out = warehouse.parent / "demo-inputs" / args.scale
    shutil.rmtree(out, ignore_errors=True)
    steps = Steps(console)
    with steps.task(f"Tạo dữ liệu mẫu / generating demo inputs ({args.scale})", 1) as advance:
        files = write_demo_inputs(out, scale=args.scale, seed=args.seed)
        advance()
    from chibo.etl.documents.load import print_summary, reconciled, stage_documents

    documents = None
    with Publication(warehouse, on_wait=steps.waiting) as pub:  # one generation for everything
        outcome = stage_inputs(pub, sorted(files), steps=steps)
        if outcome.result != "rejected":
            if not args.no_documents:  # the seed reports, as `etl documents` reads them
                documents = stage_documents(pub, [DEMO_SEEDS], steps)
            publish_with_marts(pub, outcome, steps)
    print_outcome(console, outcome, warehouse)
    if outcome.result == "rejected":
        return EXIT_REJECTED
    if documents is not None:
        documents.generation = outcome.generation
        print_summary(console, reconciled(documents, warehouse))
    return EXIT_OK


def rebuild(args, warehouse: Path, console: Console) -> int:
    outcome = rebuild_warehouse(warehouse, Steps(console), full=args.full)
    if not outcome.loads:
        console.print("[red]Sổ nạp không có lần nạp nào đang được công bố / the ledger holds no "
                      "published load: nothing to rebuild")
        return EXIT_USAGE
    table = Table("lần nạp / load", "kết quả / result", title="Dựng lại / rebuild")
    for load_id, load in outcome.loads:
        table.add_row(str(load_id), load.result)
    console.print(table)
    if outcome.kept:
        shown = ", ".join(map(str, outcome.kept))
        console.print(f"Giữ nguyên các dòng đã kiểm tra của lần nạp {shown} (cùng tệp gốc, cùng quy tắc) / "
                      f"kept the validated rows of loads {shown} (same stored files, same rules; "
                      "--full reads them again)")
    rejected = [(i, o) for i, o in outcome.loads if o.result == "rejected"]
    if rejected:
        load_id, load = rejected[0]
        console.print(f"[red]Lần nạp {load_id} bị từ chối khi dựng lại: không công bố gì / load "
                      f"{load_id} is rejected on replay: nothing published[/red]")
        print_outcome(console, load, warehouse)
        return EXIT_REJECTED
    console.print(f"Kho dữ liệu / warehouse: {warehouse} (thế hệ / generation {outcome.generation})")
    return EXIT_OK


def rollback(args, warehouse: Path, console: Console) -> int:
    outcome = rollback_warehouse(warehouse, args.to, on_wait=Steps(console).waiting)
    console.print(f"[bold]Đã quay về thế hệ / now serving generation {outcome.current}[/bold] "
                  f"(trước đó / before: {outcome.previous})")
    if outcome.rolled_back:
        console.print("Các lần nạp không còn được công bố / loads no longer published: "
                      + ", ".join(map(str, outcome.rolled_back)))
    return EXIT_OK


def status(args, warehouse: Path, console: Console) -> int:
    print_status(console, read_status(warehouse, args.last), warehouse)
    return EXIT_OK


def documents(args, warehouse: Path, console: Console) -> int:
    from chibo.etl.documents.load import load_documents, print_summary

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        console.print(f"[red]Không tìm thấy / not found: {', '.join(map(str, missing))}")
        return EXIT_USAGE
    result = load_documents(args.paths, warehouse, Steps(console))
    print_summary(console, result)
    return EXIT_OK


def contract(args, warehouse: Path, console: Console) -> int:
    """--markdown: the README's tables; else whether the warehouse holds the contract."""
    if args.markdown:
        print(warehouse_contract.markdown(), end="")
        return EXIT_OK
    if not warehouse.exists():
        console.print(f"Không có kho dữ liệu / no warehouse: {warehouse}")
        return EXIT_USAGE
    with duckdb.connect(str(warehouse), read_only=True) as con:
        broken = warehouse_contract.differences(con)
    for line in broken:
        console.print(line, markup=False)
    console.print("Đúng hợp đồng / the contract holds" if not broken
                  else "Không đúng hợp đồng / the contract does not hold")
    return EXIT_REJECTED if broken else EXIT_OK


def report(args, warehouse: Path, console: Console) -> int:
    """The year-end statistics workbook (chibo/etl/report)."""
    from chibo.etl.report import Scope, write_report

    try:
        scope = Scope.parse(args.scope, args.within)
    except ValueError as exc:
        console.print(f"[red]{exc}")
        return EXIT_USAGE
    if not warehouse.exists():
        console.print(f"[red]Không tìm thấy kho dữ liệu / no warehouse at {warehouse}")
        return EXIT_USAGE
    write_report(warehouse, args.year, scope, args.out, args.lang)
    console.print(f"Báo cáo thống kê / statistics workbook → {args.out}")
    return EXIT_OK


def export_parquet(args, warehouse: Path, console: Console) -> int:
    if not warehouse.exists():
        console.print(f"[red]Không tìm thấy kho dữ liệu / no warehouse at {warehouse}")
        return EXIT_USAGE
    args.directory.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE "
                                            "schema_name = 'marts' ORDER BY 1").fetchall()]
        for table in tables:
            target = (args.directory / f"{table}.parquet").as_posix().replace("'", "''")
            con.execute(f"COPY marts.\"{table}\" TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
    finally:
        con.close()
    console.print(f"{len(tables)} bảng / tables → {args.directory}")
    return EXIT_OK
