"""Tricky sentences, one per rule: numbers, breakdowns, non-figures, targets, counters."""
import pytest

from chibo.etl.documents import extract

from .tricky_cases import CASES


def _figures(text):
    return extract(text, "tricky").figures


@pytest.mark.parametrize("rule,text,want", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_tricky_sentence(rule, text, want):
    """Exactly the expected figures (number phrase, metric, value, qualifier), in order."""
    got = [(f["number_text"], f["metric"], f["value"], f["qualifier"]) for f in _figures(text)]
    assert got == [(n, m, float(v), q) for n, m, v, q in want]
