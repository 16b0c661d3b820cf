"""The passage corpus (tests/documents/corpus): precision and recall at least those issue 14
asks for, on the development passages and on the held-out ones; passages that must yield
nothing yield nothing; no expected part ever comes out as a total."""
from collections import Counter

import pytest

from .corpus import CORPUS, expected, extracted, score

FOLDERS = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.csv").exists())
# Sets the thresholds hold on; a held-out set joins once its blind measurement is recorded in
# the corpus README and the rules were improved on it.
PINNED = ["dev", "heldout1", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
          "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
          "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
          "heldout18", "heldout19", "heldout20", "heldout21", "heldout23"]
# Measured blind and recorded in the corpus README, not pinned until a rules round on them makes
# them hold the thresholds with no part out as a total (every set still runs the test of passages
# that must yield nothing).
BLIND: list[str] = ["heldout22", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28",
                    "heldout29", "heldout30", "heldout31", "heldout32", "heldout33"]
# Held-out sets whose blind measurement found figures in passages that must yield nothing (see
# the corpus README): the failure is expected, strictly, until a rules round fixes it.
NOT_YET_EMPTY: set[str] = {"heldout26", "heldout30"}


def test_every_set_is_pinned_or_measured_blind():
    """A new set is registered: pinned to the thresholds, or measured blind (README) and listed."""
    assert sorted(FOLDERS) == sorted(PINNED + BLIND) and NOT_YET_EMPTY <= set(BLIND)


@pytest.mark.parametrize("name", PINNED)
def test_precision_and_recall(name):
    """P ≥ 95 % and R ≥ 90 % on the figure; with scope and dates (strict), P and R ≥ 85 %."""
    result = score(CORPUS / name)
    figure, strict = result["identity"]["all"], result["strict"]["all"]
    assert figure.precision >= 0.95 and figure.recall >= 0.90, (figure.missing, figure.spurious)
    assert strict.precision >= 0.85 and strict.recall >= 0.85, (strict.missing, strict.spurious)


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="measured blind, not yet fixed"))
    if name in NOT_YET_EMPTY else name
    for name in FOLDERS
])
def test_passages_that_must_yield_nothing(name):
    """Delegates, votes, budgets, page numbers, years, sanctions, ratings: no figure."""
    folder = CORPUS / name
    for passage, want in expected(folder).items():
        if passage.startswith("x"):
            assert want == [] and extracted(folder / f"{passage}.txt") == [], passage


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=False, reason="measured blind: reported only"))
    if name in BLIND else name
    for name in FOLDERS
])
def test_no_part_comes_out_as_a_total(name):
    """Every number an analyst reads as a part (a dimension, or a whole it is part of: "Riêng các
    nông trường giáp biên có 5 chi bộ" of the company's 11) is, when extracted, a part (a
    dimension or a whole), never a total: a number phrase comes out as a total no more often than
    the passage has it as a total ("11 chính thức, 1 dự bị … kết nạp 1 đảng viên"). Measured on
    every set; on a blind set a failure is reported, not asserted."""
    folder = CORPUS / name
    failures = []
    for passage, want in expected(folder).items():
        parts = {r["number_text"] for r in want if r["dimension"] or r["part_of"]}
        totals = Counter(r["number_text"] for r in want if not (r["dimension"] or r["part_of"]))
        got = Counter(r["number_text"] for r in extracted(folder / f"{passage}.txt")
                      if r["number_text"] in parts and not (r["dimension"] or r["part_of"]))
        failures += [(passage, text, n) for text, n in got.items() if n > totals[text]]
    assert not failures, failures
