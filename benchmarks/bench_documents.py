"""Precision and recall of the published-figure extractor on the passage corpus
(tests/documents/corpus): the development passages and each held-out set, overall and per class,
on the figure (metric, value, qualifier, part/whole, dimension, share) and strictly (also scope,
as-of date and period). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_documents.py [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.documents.corpus import CLASSES, CORPUS, expected, score  # noqa: E402


def _line(label: str, s) -> str:
    return (f"  {label:12} P {100 * s.precision:5.1f} %  R {100 * s.recall:5.1f} %  "
            f"({s.found} found, {s.extracted} extracted, {s.expected} expected)")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--show-errors", action="store_true", help="list missing and spurious figures")
    opts = args.parse_args()
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "expected.csv").exists()):
        name = folder.name
        t0 = time.perf_counter()
        result = score(folder)
        elapsed = time.perf_counter() - t0
        print(f"{name}: {len(expected(folder))} passages, read and extracted in {elapsed:.2f} s")
        for kind in ("identity", "strict"):
            print(f" {kind}")
            for group in ["all"] + [c for c in CLASSES.values() if c in result[kind]]:
                print(_line(group, result[kind][group]))
        if opts.show_errors:
            for kind in ("identity", "strict"):
                s = result[kind]["all"]
                for what, rows in (("missing", s.missing), ("spurious", s.spurious)):
                    for passage, text, key in rows:
                        print(f"  {kind} {what:8} {passage:34} {text!r:24} {key}")


if __name__ == "__main__":
    main()
