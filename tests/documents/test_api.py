"""The public API the loader relies on: column lists, ids, idempotence, tolerance rules."""
from pathlib import Path

import pytest

from chibo.etl.documents import (
    DOCUMENT_COLUMNS,
    FIGURE_COLUMNS,
    QUALIFIER_TOLERANCE,
    QUALIFIERS,
    extract,
    read_document,
    within_tolerance,
)
from chibo.etl.documents.vocabulary import METRICS, PARTS

SEED = Path(__file__).parents[2] / "chibo" / "etl" / "demo" / "seeds" / "000_d58f63ce7d55c96b.txt"


def test_columns_match_the_rows():
    """DOCUMENT_COLUMNS and FIGURE_COLUMNS name exactly the keys of the rows, in order."""
    result = extract(read_document(SEED), SEED.name)
    assert list(result.document) == [c for c, _ in DOCUMENT_COLUMNS]
    assert all(list(f) == [c for c, _ in FIGURE_COLUMNS] for f in result.figures)


def test_extraction_is_idempotent_and_ids_are_stable():
    """Same text, same doc_id and figure ids: reloading a document replaces, never duplicates."""
    text = read_document(SEED)
    a, b = extract(text, "a"), extract(text, "b")
    assert a.document["doc_id"] == b.document["doc_id"]
    assert [f["figure_id"] for f in a.figures] == [f["figure_id"] for f in b.figures]
    assert a.figures[0]["figure_id"] == a.document["doc_id"] + "-001"


def test_every_metric_and_qualifier_is_in_the_vocabulary():
    """Figures only use documented metrics and qualifiers; every qualifier has a tolerance rule."""
    result = extract(read_document(SEED), SEED.name)
    assert {f["metric"] for f in result.figures} <= set(METRICS)
    assert set(QUALIFIER_TOLERANCE) == set(QUALIFIERS)
    assert all(m in METRICS for total, (a, b) in PARTS.items() for m in {total} | a | b)


@pytest.mark.parametrize("qualifier,published,warehouse,ok", [
    ("exact", 640, 640, True), ("exact", 640, 641, False),
    ("nearly", 1300, 1290, True), ("nearly", 1300, 1301, False), ("nearly", 1300, 1250, False),
    ("over", 25500, 25501, True), ("over", 25500, 25500, False), ("over", 25500, 27000, False),
    ("approx", 4560, 4690, True), ("approx", 4560, 4400, False),
    ("under", 500, 499, True), ("under", 500, 500, False), ("under", 500, 470, False),
    ("target", 500, 500, None),
])
def test_qualifier_tolerance(qualifier, published, warehouse, ok):
    """A warehouse value agrees with a published figure by the documented tolerance."""
    assert within_tolerance(published, warehouse, qualifier) is ok


def test_summary_line_names_date_and_metrics():
    """The command line prints one readable line per document."""
    line = extract(read_document(SEED), SEED.name).summary()
    assert "2023-10-11" in line and "5" in line and "base_orgs_total 1" in line
