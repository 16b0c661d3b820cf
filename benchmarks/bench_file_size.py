"""What a warehouse file's bytes are spent on, table by table (and column by column), beside a
baseline file: `python benchmarks/bench_file_size.py NEW.duckdb --baseline OLD.duckdb
[--columns 5] [--top 30]`.

A table's size is the bytes of its stored column segments: every segment reaches from its offset
in its block to the next segment's offset in the same block (or the block's end), plus the whole
blocks it spills into (DuckDB's pragma_storage_info). Shared blocks are split between the tables
that share them, so the sizes add up to the file's used blocks; the free blocks (space left by
dropped tables) are printed apart. Run it on the served file of a generation (`<N>.duckdb`) and on
its core file (`<N>.core.duckdb`) alike; read-only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

SEGMENTS = """SELECT ? AS tbl, column_name, block_id, block_offset,
    len(additional_block_ids) AS extra FROM pragma_storage_info(?)
    WHERE persistent AND block_id >= 0"""
SIZES = """SELECT tbl, column_name, sum(coalesce(next_offset, {block}) - block_offset
    + extra * {block}) AS bytes
    FROM (SELECT *, lead(block_offset) OVER (PARTITION BY block_id ORDER BY block_offset)
          AS next_offset FROM segments)
    GROUP BY ALL"""


def measure(path: Path) -> dict:
    """{'tables': {name: (rows, bytes)}, 'columns': {name: {column: bytes}}, 'file': bytes,
    'used': bytes, 'free': bytes, 'block': block size} of a DuckDB file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        block, used, free = con.execute(
            "SELECT block_size, used_blocks, free_blocks FROM pragma_database_size() "
            "WHERE database_name = current_database()").fetchone()
        names = con.execute(
            "SELECT schema_name || '.' || table_name, estimated_size FROM duckdb_tables() "
            "WHERE database_name = current_database() ORDER BY 1").fetchall()
        con.execute("CREATE TEMP TABLE segments (tbl VARCHAR, column_name VARCHAR, block_id BIGINT,"
                    " block_offset BIGINT, extra BIGINT)")
        for name, _rows in names:
            con.execute(f"INSERT INTO segments {SEGMENTS}", [name, name])
        columns: dict[str, dict[str, int]] = {name: {} for name, _ in names}
        for tbl, column, size in con.execute(SIZES.format(block=block)).fetchall():
            columns[tbl][column] = int(size)
        tables = {name: (rows, sum(columns[name].values())) for name, rows in names}
        return {"tables": tables, "columns": columns, "file": path.stat().st_size,
                "used": used * block, "free": free * block, "block": block}
    finally:
        con.close()


def _count(n: int | None) -> str:
    return f"{n:>13,}".replace(",", ".") if n is not None else f"{'-':>13}"


def _mb(n: float | None) -> str:
    return f"{n / 1e6:9.1f}" if n is not None else f"{'-':>9}"


def report(new: dict, base: dict | None, top: int, columns: int) -> None:
    """Tables largest first, new beside baseline (MB and rows), then the columns of the largest."""
    old = base["tables"] if base else {}
    names = sorted(set(new["tables"]) | set(old),
                   key=lambda n: -max(new["tables"].get(n, (0, 0))[1], old.get(n, (0, 0))[1]))
    print(f"{'table':40} {'rows':>13} {'MB':>9} {'base rows':>13} {'base MB':>9} {'ratio':>6}")
    for i, name in enumerate(names):
        rows, size = new["tables"].get(name, (None, None))
        brows, bsize = old.get(name, (None, None))
        if i >= top:
            rest = names[top:]
            print(f"{'(' + str(len(rest)) + ' smaller tables)':40} {'':>13} "
                  f"{_mb(sum(new['tables'].get(n, (0, 0))[1] for n in rest))}")
            break
        ratio = f"{size / bsize:6.2f}" if size is not None and bsize else ""
        print(f"{name:40} {_count(rows)} {_mb(size)} {_count(brows)} {_mb(bsize)} {ratio:>6}")
    for label, key in (("used blocks", "used"), ("free blocks", "free"), ("file", "file")):
        print(f"{label:40} {'':>13} {_mb(new[key])} {'':>13} {_mb(base[key] if base else None)}")
    for name in names[:columns]:
        cols = new["columns"].get(name, {})
        bcols = (base or {}).get("columns", {}).get(name, {})
        print(f"\n{name}: column MB (baseline)")
        for col in sorted(set(cols) | set(bcols), key=lambda c: -cols.get(c, bcols.get(c, 0))):
            print(f"  {col:30} {_mb(cols.get(col))} {_mb(bcols.get(col))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="the warehouse file measured")
    parser.add_argument("--baseline", type=Path, help="the file it is compared with")
    parser.add_argument("--top", type=int, default=30, help="tables listed (the rest summed)")
    parser.add_argument("--columns", type=int, default=0,
                        help="the columns of this many largest tables too")
    args = parser.parse_args()
    base = measure(args.baseline) if args.baseline else None
    report(measure(args.file), base, args.top, args.columns)


if __name__ == "__main__":
    main()
