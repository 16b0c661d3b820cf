"""Member structure inputs (issue 15): the optional columns birth date, ethnicity, religion,
general education, professional level and political theory are read under their Vietnamese
headers and common words, refused with row, column, value and reason in both languages when
wrong, and counted by the structure macros exactly as computed by hand below.

tests/fixtures/structure/members.csv on 31/12/2021: S1 (man, 36, Kinh, no religion, official),
S2 (woman, 26, Tày, Buddhist, admitted 15/01/2021, probationary), S3 (woman, 61, Mường, Catholic,
official), S5 (woman, 22, Kinh, nothing else recorded, admitted 01/06/2021, probationary), S6 (man,
age not recorded, foreign national of Vietnamese origin, official); S4 died on 30/06/2021.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chibo.etl.load import load_files
from tests.etl.helpers import INPUTS, ROOT, query

STRUCTURE = ROOT / "tests" / "fixtures" / "structure" / "members.csv"
HEADER = ("member_id,org_id,gender,birth_date,birth_year,ethnicity,religion,education,"
          "professional_level,political_theory,admitted_on,official_on,joined_on,left_on,leave_reason\n")
GOOD = "N0,HN-B1-C1,nam,01/01/1980,,Kinh,không,12/12,đại học,trung cấp,01/01/2010,01/01/2011,,,\n"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    warehouse = tmp_path_factory.mktemp("structure") / "warehouse.duckdb"
    outcome = load_files([INPUTS / "organisations.csv", STRUCTURE], warehouse)
    assert outcome.result == "loaded", outcome.sample
    return warehouse


def counts(loaded: Path, sql: str) -> dict[tuple[str, str], int]:
    return {(d, v): n for d, v, n in query(loaded, f"SELECT dimension, value, sum(members) FROM ({sql}) "
                                                  "GROUP BY ALL")}


def test_words_are_read_into_codes(loaded):
    rows = query(loaded, """SELECT member_id, birth_year, ethnicity, religion, education,
                            professional_level, political_theory FROM core.members ORDER BY 1""")
    assert rows[:3] == [
        ("S1", 1985, "kinh", "none", "upper_secondary", "university", "intermediate"),
        ("S2", 1995, "tay", "buddhism", "upper_secondary", "master", "elementary"),
        ("S3", 1960, "muong", "catholicism", "lower_secondary", "vocational", "advanced")]
    assert rows[3][2:] == ("khmer", "hoa_hao", "upper_secondary", "doctorate", "advanced")
    assert rows[4] == ("S5", 1999, "kinh", None, None, None, None)
    assert rows[5][1:3] == (None, "foreign_origin")


def test_structure_on_31_12_counted_by_hand(loaded):
    got = counts(loaded, "SELECT * FROM marts.structure_long_on(DATE '2021-12-31')")
    want = {("status", "official"): 3, ("status", "probationary"): 2,
            ("gender", "male"): 2, ("gender", "female"): 3,
            ("age_band", "18_30"): 2, ("age_band", "31_40"): 1, ("age_band", "61_plus"): 1,
            ("age_band", "unknown"): 1,
            ("ethnicity", "kinh"): 2, ("ethnicity", "minority"): 2, ("ethnicity", "foreign_origin"): 1,
            ("ethnic_group", "tay"): 1, ("ethnic_group", "muong"): 1,
            ("religion", "none"): 2, ("religion", "buddhism"): 1, ("religion", "catholicism"): 1,
            ("religion", "unknown"): 1,
            ("education", "upper_secondary"): 3, ("education", "lower_secondary"): 1,
            ("professional_level", "university"): 1, ("professional_level", "college"): 1,
            ("political_theory", "advanced"): 1, ("political_theory", "none"): 1}
    assert {k: got.get(k) for k in want} == want
    dims = {d for d, _ in got}
    assert all(sum(n for (d, _), n in got.items() if d == dim) == 5 for dim in dims)


def test_admissions_in_2021_counted_by_hand(loaded):
    got = counts(loaded, "SELECT * FROM marts.admission_structure_long_between(DATE '2021-01-01', "
                         "DATE '2021-12-31')")
    assert got[("gender", "female")] == 2 and got[("age_band", "18_30")] == 2
    assert got[("ethnicity", "minority")] == 1 and got[("ethnicity", "kinh")] == 1
    assert sum(n for (d, _), n in got.items() if d == "gender") == 2


def test_rollup_equals_the_macro(loaded):
    """agg_member_structure on 31/12/2021 = structure_long_on summed (one definition)."""
    rollup = query(loaded, """SELECT dimension, value, sum(members) FROM marts.agg_member_structure
                              WHERE day = DATE '2021-12-31' GROUP BY ALL ORDER BY ALL""")
    direct = query(loaded, """SELECT dimension, value, sum(members)
                              FROM marts.structure_long_on(DATE '2021-12-31') GROUP BY ALL ORDER BY ALL""")
    assert rollup == direct and rollup


CASES = {
    # name: (row content, expected column)
    "unknown ethnic group": ("N1,HN-B1-C1,nam,,1980,Atlantis,,,,,01/01/2010,,,,", "ethnicity"),
    "unknown religion": ("N1,HN-B1-C1,nam,,1980,Kinh,thờ cúng gì đó,,,,01/01/2010,,,,", "religion"),
    "unknown education": ("N1,HN-B1-C1,nam,,1980,,,lớp 13,,,01/01/2010,,,,", "education"),
    "unknown professional level": ("N1,HN-B1-C1,nam,,1980,,,,phi công vũ trụ,,01/01/2010,,,,",
                                   "professional_level"),
    "unknown political theory": ("N1,HN-B1-C1,nam,,1980,,,,,siêu cấp,01/01/2010,,,,", "political_theory"),
    "birth date in the future": ("N1,HN-B1-C1,nam,01/01/2099,,,,,,,01/01/2010,,,,", "birth_date"),
    "birth date before 1900": ("N1,HN-B1-C1,nam,01/01/1890,,,,,,,01/01/2010,,,,", "birth_date"),
    "born less than 14 years before admission": ("N1,HN-B1-C1,nam,02/01/1996,,,,,,,01/01/2010,,,,",
                                                 "birth_date"),
    "birth year differs from the birth date": ("N1,HN-B1-C1,nam,01/01/1980,1981,,,,,,01/01/2010,,,,",
                                               "birth_year"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_structure_value_names_row_and_column(case, tmp_path):
    row, column = CASES[case]
    bad = tmp_path / "m.csv"
    bad.write_text(HEADER + GOOD + row + "\n", encoding="utf-8")
    outcome = load_files([INPUTS / "organisations.csv", bad], tmp_path / "w" / "warehouse.duckdb")
    assert outcome.result == "rejected"
    found = [(r, col) for _f, _s, r, col, _v, vi, en in outcome.sample if vi and en and vi != en]
    assert found == [(3, column)], outcome.sample
