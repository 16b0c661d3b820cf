"""The five seed documents against hand-written expectations: precision and recall must be 100 %."""
import importlib.util
from pathlib import Path

import pytest

from chibo.etl.documents import extract, read_document

SEEDS = ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004"]
FIELDS = ["number_text", "metric", "value", "qualifier", "scope_kind", "scope_value", "scope_text",
          "as_of", "as_of_source", "year", "parent", "parts_sum_ok"]
HERE = Path(__file__).parent
SEEDS_DIR = HERE.parents[1] / "chibo" / "etl" / "demo" / "seeds"  # shipped with the demo


def _expected(name):
    """The expectation module of a seed, loaded by path (seed_expectations/<name>.py)."""
    spec = importlib.util.spec_from_file_location(f"chibo_doc_expect_{name}",
                                                  HERE / "seed_expectations" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(name):
    exp = _expected(name)
    text = read_document(SEEDS_DIR / exp.SOURCE)
    return exp, text, extract(text, exp.SOURCE)


def _rows(figures):
    by_id = {f["figure_id"]: f for f in figures}
    rows = []
    for f in figures:
        parent = by_id[f["part_of_figure_id"]]["number_text"] if f["part_of_figure_id"] else None
        rows.append(tuple(parent if k == "parent" else f[k] for k in FIELDS))
    return rows


@pytest.mark.parametrize("name", SEEDS)
def test_precision_and_recall_are_complete(name):
    """Every figure an analyst extracts is found (recall) and nothing else is (precision)."""
    exp, _, result = _run(name)
    got = _rows(result.figures)
    want = [tuple(float(e[k]) if k == "value" else e[k] for k in FIELDS) for e in exp.FIGURES]
    missing = [w for w in want if w not in got]
    spurious = [g for g in got if g not in want]
    recall = 1 - len(missing) / len(want) if want else 1.0
    precision = 1 - len(spurious) / len(got) if got else 1.0
    assert (precision, recall) == (1.0, 1.0), f"missing {missing}\nspurious {spurious}"
    assert got == want  # same order and multiplicity


@pytest.mark.parametrize("name", SEEDS)
def test_spans_point_at_the_number_text(name):
    """span_start/span_end cut exactly the number phrase out of the stored sentence."""
    _, _, result = _run(name)
    for f in result.figures:
        assert f["sentence"][f["span_start"]:f["span_end"]] == f["number_text"]


@pytest.mark.parametrize("name", SEEDS)
def test_non_figures_are_never_extracted(name):
    """Document numbers, dates, plenums, durations, other counts: present, but no figure."""
    exp, text, result = _run(name)
    for snippet, why in exp.NOT_FIGURES:
        assert snippet in text, f"expectation out of date: {snippet!r} ({why}) not in text"
        for f in result.figures:
            pos = f["sentence"].find(snippet)
            while pos >= 0:
                overlap = pos < f["span_end"] and f["span_start"] < pos + len(snippet)
                assert not overlap, f"{snippet!r} ({why}) extracted as {f['metric']}"
                pos = f["sentence"].find(snippet, pos + 1)


@pytest.mark.parametrize("name", SEEDS)
def test_page_chrome_is_stripped(name):
    """Visitor counters, comment forms, menus and link lists do not reach the extractor."""
    exp, text, _ = _run(name)
    for chrome in exp.CHROME:
        assert chrome not in text


@pytest.mark.parametrize("name", SEEDS)
def test_document_row(name):
    """Publication date, the text it came from, and the headline are read from the page."""
    exp, text, result = _run(name)
    d = result.document
    assert (d["published_on"], d["published_on_text"]) == (exp.PUBLISHED_ON,
                                                            exp.PUBLISHED_ON_TEXT)
    assert d["title"].startswith(exp.TITLE_STARTS)
    assert d["source_name"] == exp.SOURCE and d["n_chars"] == len(text)
