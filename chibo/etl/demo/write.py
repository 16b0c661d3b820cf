"""Writers for the demo input files: CSV (organisations), XLSX (organisation assessments, Vietnamese
headers) and Parquet via pyarrow for the large tables (members, meetings, member assessments).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from chibo.etl.demo.common import NEVER, Orgs, to_date

ORG_HEADERS = ("org_id", "name", "kind", "parent_id", "sector", "province", "founded_on",
               "dissolved_on", "successor_id", "upper_powers")
ASSESSMENT_HEADERS_VI = ("Mã tổ chức", "Năm", "Xếp loại")


def _iso(n: int) -> str:
    d = to_date(n)
    return d.isoformat() if d else ""


def organisations_csv(path: Path, o: Orgs) -> int:
    c = o.cols
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ORG_HEADERS)
        for i in range(len(o)):
            w.writerow((c["org_id"][i], c["name"][i], c["kind"][i], c["parent_id"][i] or "",
                        c["sector"][i] or "", c["province"][i] or "", _iso(c["founded"][i]),
                        _iso(c["dissolved"][i]), c["successor_id"][i] or "",
                        "true" if c["upper_powers"][i] else "false"))
    return len(o)


def _date_array(days: np.ndarray) -> pa.Array:
    days = np.asarray(days)
    return pa.array(np.where(days >= NEVER, 0, days).astype(np.int32), type=pa.date32(),
                    mask=days >= NEVER)


def _dict_array(indices: np.ndarray, words, mask=None) -> pa.Array:
    arr = pa.DictionaryArray.from_arrays(pa.array(np.asarray(indices, np.int32), mask=mask),
                                         pa.array(list(words), pa.string()))
    return arr.dictionary_decode()


def fixed_ids(prefix: str, numbers: np.ndarray, digits: int = 9) -> pa.Array:
    """prefix + the numbers written with `digits` digits (zero-padded), built as one buffer."""
    n = len(numbers)
    width = len(prefix) + digits
    text = np.empty((width, n), np.uint8)  # one row per character, then transposed
    text[:len(prefix)] = np.frombuffer(prefix.encode("ascii"), np.uint8)[:, None]
    rest = np.asarray(numbers, np.int64)
    for k in range(width - 1, len(prefix) - 1, -1):
        tens = rest // 10
        text[k] = rest - tens * 10 + 48
        rest = tens
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets),
                                       pa.py_buffer(np.ascontiguousarray(text.T)))


def member_ids(people: np.ndarray) -> pa.Array:
    """The people's pseudonymous ids: "DV" + 9 digits, scattered by an affine permutation of
    0..10^9-1."""
    return fixed_ids("DV", (np.asarray(people, np.int64) * 387_420_489 + 123_456_789)
                     % 1_000_000_000)


def members_parquet(path: Path, org_ids: pa.Array, people, sp, reasons, traits=None) -> int:
    """One row per spell; `traits` (chibo/etl/demo/structure.py) adds the structure columns."""
    p = sp.person
    joined = np.where(sp.joined == people.admitted[p], NEVER, sp.joined)  # default: admitted_on
    table = pa.table({
        "member_id": member_ids(p),
        "org_id": org_ids.take(pa.array(sp.cell)),
        "gender": _dict_array(people.female[p].astype(np.int32), ("male", "female")),
        "birth_year": pa.array(people.birth[p].astype(np.int32)),
        "admitted_on": _date_array(people.admitted[p]),
        "official_on": _date_array(people.official[p]),
        "joined_on": _date_array(joined),
        "left_on": _date_array(sp.left),
        "leave_reason": _dict_array(sp.reason, reasons, mask=sp.reason == 0),
    })
    for name, values in (traits or {}).items():
        column = (_date_array(values[p]) if name == "birth_date"
                  else pa.array(values[p], pa.string()))
        table = table.append_column(name, column)
    pq.write_table(table, path, compression="zstd")
    return table.num_rows


CHUNK_IDS = 10_000_000  # meeting ids per chunk of cells: chunk number × CHUNK_IDS + row


def meetings_table(org_ids: pa.Array, number: int, ch: dict[str, np.ndarray]) -> pa.Table:
    """Chunk `number` of meetings (chibo/etl/demo/meetings.py) as an Arrow table; ids "SH" + 9
    digits, unique across chunks. Words are dictionary-coded (written as plain Parquet text)."""
    from chibo.etl.demo.meetings import FORMATS, KINDS, QUALITY_WORDS
    n = len(ch["cell"])
    if n >= CHUNK_IDS or (number + 1) * CHUNK_IDS > 10**9:
        raise ValueError(f"meeting chunk {number} too large for the 9-digit ids ({n} rows)")

    def words(indices, vocabulary, mask=None):
        return pa.DictionaryArray.from_arrays(pa.array(np.asarray(indices, np.int32), mask=mask),
                                              pa.array(vocabulary, pa.string()))

    return pa.table({
        "meeting_id": fixed_ids("SH", number * CHUNK_IDS + np.arange(1, n + 1)),
        "org_id": pa.DictionaryArray.from_arrays(pa.array(ch["cell"], pa.int32()), org_ids),
        "held_on": _date_array(ch["held_on"]),
        "kind": words(ch["kind"], KINDS),
        "format": words(ch["format"], FORMATS),
        "expected": pa.array(ch["expected"], pa.int32()),
        "present": pa.array(ch["present"], pa.int32()),
        "excused": pa.array(ch["excused"], pa.int32()),
        "score": pa.array(ch["score"], mask=ch["score_null"]),
        "quality": words(ch["quality"] - 1, QUALITY_WORDS, mask=ch["quality_null"]),
        "duration_minutes": pa.array(ch["duration"], pa.int32()),
    })


def meetings_parquet(path: Path, tables, progress=None) -> int:
    """Write the chunks' tables (meetings_table) in order. No Arrow schema is stored, so readers
    see plain text columns; no statistics (nothing reads the file selectively)."""
    writer = None
    written = 0
    for i, table in enumerate(tables):
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema, compression="zstd", store_schema=False,
                                      write_statistics=False)
        writer.write_table(table, row_group_size=1_000_000)
        written += table.num_rows
        if progress:
            progress("meetings", i + 1, None)
    if writer is not None:
        writer.close()
    return written


def member_assessments_parquet(path: Path, ratings, labels) -> int:
    table = pa.table({
        "member_id": member_ids(ratings["person"]),
        "year": pa.array(ratings["year"].astype(np.int32)),
        "rating": pa.DictionaryArray.from_arrays(pa.array(ratings["label"].astype(np.int32)),
                                                 pa.array(labels, pa.string())),
    })
    pq.write_table(table, path, compression="zstd", store_schema=False, write_statistics=False)
    return table.num_rows


def org_assessments(path: Path, org_ids: list[str], ratings, labels) -> int:
    """XLSX (sheet "danh_gia") or CSV, with Vietnamese headers."""
    org, year, label = ratings["org"], ratings["year"], ratings["label"]
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(ASSESSMENT_HEADERS_VI)
            for i in range(len(org)):
                w.writerow((org_ids[org[i]], int(year[i]), labels[label[i]]))
        return len(org)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("danh_gia")
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, ASSESSMENT_HEADERS_VI, bold)
    ws.set_column(0, 0, 22)
    ws.set_column(2, 2, 34)
    for i in range(len(org)):
        ws.write_string(i + 1, 0, org_ids[org[i]])
        ws.write_number(i + 1, 1, int(year[i]))
        ws.write_string(i + 1, 2, labels[label[i]])
    wb.close()
    return len(org)

