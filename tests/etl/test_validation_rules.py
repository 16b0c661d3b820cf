"""A bad file for every validation rule: the problem names the right row and column, in both
languages, and nothing of the file is loaded."""

from __future__ import annotations

import pytest

from chibo.etl.load import load_files
from tests.etl.helpers import INPUTS

ORG_HEADER = "org_id,name,kind,parent_id,sector,province,founded_on,dissolved_on,successor_id,upper_powers\n"
MEMBER_HEADER = "member_id,org_id,gender,birth_year,admitted_on,official_on,joined_on,left_on,leave_reason\n"
MEETING_HEADER = "meeting_id,org_id,held_on,kind,format,expected,present,excused,score,quality,duration_minutes\n"
ASSESSMENT_HEADER = "org_id,member_id,year,rating\n"
GOOD_MEMBER = "N0,HN-B1-C1,nam,1980,01/01/2010,01/01/2011,,,\n"
GOOD_MEETING = "Q0,HN-B1-C1,05/01/2021,regular,in_person,3,3,0,95,,120\n"

CASES = {
    # name: (file name, content, expected row, expected column)
    "bad date": ("m.csv", MEMBER_HEADER + GOOD_MEMBER + "N1,HN-B1-C1,nam,1980,30/02/2010,,,,\n", 3, "admitted_on"),
    "future date": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1980,01/01/2099,,,,\n", 2, "admitted_on"),
    "bad integer": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,một chín,01/01/2010,,,,\n", 2, "birth_year"),
    "bad enum": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,không rõ,1980,01/01/2010,,,,\n", 2, "gender"),
    "missing required": ("m.csv", MEMBER_HEADER + GOOD_MEMBER + GOOD_MEMBER.replace("N0", "N1").replace("01/01/2010", ""), 3, "admitted_on"),
    "official before admission": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1980,01/01/2010,01/01/2009,,,\n", 2, "official_on"),
    "left before official": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1980,01/01/2010,01/01/2012,,01/01/2011,death\n", 2, "left_on"),
    "joined before admission": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1980,01/01/2010,,01/01/2009,,\n", 2, "joined_on"),
    "leave reason missing": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1980,01/01/2010,01/01/2011,,01/01/2015,\n", 2, "leave_reason"),
    "unknown cell": ("m.csv", MEMBER_HEADER + "N1,NOPE,nam,1980,01/01/2010,,,,\n", 2, "org_id"),
    "member in a committee, not a cell": ("m.csv", MEMBER_HEADER + "N1,HN-B1,nam,1980,01/01/2010,,,,\n", 2, "org_id"),
    "joins the cell before it was founded": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C1,nam,1970,01/01/1995,01/01/1996,01/06/1999,,\n", 2, "joined_on"),
    "still in the cell after its dissolution": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C2,nam,1980,01/01/2010,01/01/2011,,,\n", 2, "left_on"),
    "left the cell after its dissolution day": ("m.csv", MEMBER_HEADER + "N1,HN-B1-C2,nam,1980,01/01/2010,01/01/2011,,01/07/2021,transfer_out\n", 2, "left_on"),
    "two cells at the same time": ("m.csv", MEMBER_HEADER + "DV01,HN-B1-C2,nam,1980,01/03/2010,01/03/2011,01/01/2015,01/01/2018,transfer_out\n", 2, "member_id"),
    "duplicate key in file": ("m.csv", MEMBER_HEADER + GOOD_MEMBER + GOOD_MEMBER, 3, "member_id"),
    "present + excused > expected": ("s.csv", MEETING_HEADER + "Q1,HN-B1-C1,05/01/2021,regular,online,3,3,1,,,\n", 2, "present"),
    "score above 100": ("s.csv", MEETING_HEADER + GOOD_MEETING + "Q1,HN-B1-C1,05/02/2021,regular,online,3,3,0,120,,\n", 3, "score"),
    "bad number": ("s.csv", MEETING_HEADER + "Q1,HN-B1-C1,05/01/2021,regular,online,3,3,0,chín mươi,,\n", 2, "score"),
    "bad quality word": ("s.csv", MEETING_HEADER + "Q1,HN-B1-C1,05/01/2021,regular,online,3,3,0,,xuất sắc lắm,\n", 2, "quality"),
    "meeting of an unknown cell": ("s.csv", MEETING_HEADER + "Q1,ZZ,05/01/2021,regular,online,3,3,0,,,\n", 2, "org_id"),
    "unknown kind": ("o.csv", ORG_HEADER + "X1,Chi bộ X,tổ đảng,HN,,,,,,\n", 2, "kind"),
    "unknown province": ("o.csv", ORG_HEADER + "X1,Đảng bộ X,province_committee,,,Tỉnh Atlantis,,,,\n", 2, "province"),
    "unknown parent": ("o.csv", ORG_HEADER + "X1,Chi bộ X,base_cell,NOPE,,,,,,\n", 2, "parent_id"),
    "unknown successor": ("o.csv", ORG_HEADER + "X1,Chi bộ X,base_cell,HN,,,01/01/2010,01/01/2020,NOPE,\n", 2, "successor_id"),
    "dissolved before founded": ("o.csv", ORG_HEADER + "X1,Chi bộ X,base_cell,HN,,,01/01/2010,01/01/2009,,\n", 2, "dissolved_on"),
    "bad boolean": ("o.csv", ORG_HEADER + "X1,Chi bộ X,base_cell,HN,,,,,,có lẽ\n", 2, "upper_powers"),
    "missing name": ("o.csv", ORG_HEADER + "X1,,base_cell,HN,,,,,,\n", 2, "name"),
    "cycle": ("o.csv", ORG_HEADER + "X1,Đảng bộ X,base_committee,X2,,,,,,\nX2,Đảng bộ Y,upper_committee,X1,,,,,,\n", 2, "parent_id"),
    "assessment with both ids": ("a.csv", ASSESSMENT_HEADER + "HN-B1,DV01,2020,hoàn thành nhiệm vụ\n", 2, "org_id"),
    "assessment of an unknown member": ("a.csv", ASSESSMENT_HEADER + ",NOBODY,2020,hoàn thành nhiệm vụ\n", 2, "member_id"),
    "unknown rating label": ("a.csv", ASSESSMENT_HEADER + "HN-B1,,2020,tạm được\n", 2, "rating"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_rule_reports_row_and_column(case, tmp_path):
    name, content, row, column = CASES[case]
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    outcome = load_files([INPUTS / "organisations.csv", INPUTS / "members.csv", bad], warehouse)
    assert outcome.result == "rejected"
    found = [(file, r, col) for file, _sheet, r, col, _v, vi, en in outcome.sample if vi and en]
    assert (name, row, column) in found, outcome.sample


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    bad = tmp_path / "m.csv"
    bad.write_text(MEMBER_HEADER + "N1,HN-B1-C1,x,1980,01/01/2010,,,,\nN2,HN-B1-C1,nam,abc,99/99/2010,,,,\n",
                   encoding="utf-8")
    outcome = load_files([INPUTS / "organisations.csv", bad], tmp_path / "w" / "warehouse.duckdb")
    assert sorted((r, c) for _f, _s, r, c, *_ in outcome.sample) == [
        (2, "gender"), (3, "admitted_on"), (3, "birth_year")]


def test_key_loaded_from_another_file_is_a_duplicate(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    load_files([INPUTS / "organisations.csv", INPUTS / "members.csv"], warehouse)
    other = tmp_path / "members_bis.csv"
    other.write_text(MEMBER_HEADER + "DV01,HN-B1-C1,nam,1980,01/03/2010,01/03/2011,,,\n", encoding="utf-8")
    outcome = load_files([other], warehouse)
    assert outcome.result == "rejected"
    assert outcome.sample[0][2:4] == (2, "member_id") and "members.csv" in outcome.sample[0][6]


def test_quality_thresholds_are_configurable(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    meetings = tmp_path / "s.csv"
    meetings.write_text(MEETING_HEADER + GOOD_MEETING.replace(",95,", ",85,"), encoding="utf-8")
    load_files([INPUTS / "organisations.csv", meetings], warehouse, thresholds=(80, 60, 40))
    from tests.etl.helpers import query
    assert query(warehouse, "SELECT quality FROM core.meetings") == [(4,)]


def test_overlapping_memberships_name_both_rows(tmp_path):
    """DV01 is in C1 from 2010 on (members.csv row 2); a row placing DV01 in C2 in 2015-2017 is
    refused, and each of the two rows names the other."""
    bad = tmp_path / "m.csv"
    bad.write_text(MEMBER_HEADER + "DV01,HN-B1-C2,nam,1980,01/03/2010,01/03/2011,01/01/2015,"
                   "01/01/2018,transfer_out\n", encoding="utf-8")
    outcome = load_files([INPUTS / "organisations.csv", INPUTS / "members.csv", bad],
                         tmp_path / "w" / "warehouse.duckdb")
    overlaps = {(f, r): (vi, en) for f, _s, r, c, _v, vi, en in outcome.sample if c == "member_id"}
    assert set(overlaps) == {("m.csv", 2), ("members.csv", 2)}
    assert "dòng 2 của tệp members.csv" in overlaps[("m.csv", 2)][0]
    assert "row 2 of m.csv" in overlaps[("members.csv", 2)][1]


def test_a_long_membership_overlapping_two_others_names_each_and_adjacent_ones_pass(tmp_path):
    """N9's open membership from 2010 overlaps both later ones (2012-2013 and 2013-2014), which
    follow each other without overlapping: every overlapping pair is named both ways, and only
    those. N8 leaves one cell the day it joins the next: valid."""
    rows = ["N9,HN-BC1,nam,1980,01/01/2009,01/01/2010,01/01/2010,,",
            "N9,HN-B1-C1,nam,1980,01/01/2009,01/01/2010,01/01/2012,01/01/2013,transfer_out",
            "N9,HN-B1-C2,nam,1980,01/01/2009,01/01/2010,01/01/2013,01/01/2014,transfer_out",
            "N8,HN-B1-C1,nam,1980,01/01/2009,01/01/2010,01/01/2010,01/01/2012,transfer_out",
            "N8,HN-BC1,nam,1980,01/01/2009,01/01/2010,01/01/2012,,"]
    bad = tmp_path / "m.csv"
    bad.write_text(MEMBER_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    outcome = load_files([INPUTS / "organisations.csv", bad], tmp_path / "w" / "warehouse.duckdb")
    named = sorted((r, int(en.split("row ")[1].split(" ")[0]))
                   for _f, _s, r, c, _v, _vi, en in outcome.sample if c == "member_id")
    assert outcome.result == "rejected" and outcome.problems == 4
    assert named == [(2, 3), (2, 4), (3, 2), (4, 2)]


def test_overlap_with_a_loaded_row_names_its_file(tmp_path):
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    load_files([INPUTS / "organisations.csv", INPUTS / "members.csv"], warehouse)
    later = tmp_path / "later.csv"
    later.write_text(MEMBER_HEADER + "DV05,HN-B1-C1,nam,1970,01/01/2005,01/01/2006,01/01/2020,,\n",
                     encoding="utf-8")
    outcome = load_files([later], warehouse)
    assert outcome.result == "rejected"
    (_f, _s, row, column, value, vi, en), = outcome.sample
    assert (row, column, value) == (2, "member_id", "DV05")
    assert "members.csv" in vi and "cell HN-BC1" in en


def test_hand_over_on_the_dissolution_day_and_moving_on_the_same_day_are_valid(tmp_path):
    """C2 is dissolved on 30/06/2021: leaving it that day and joining C1 that day is continuous."""
    outcome = load_files([INPUTS / "organisations.csv", INPUTS / "members.csv"],
                         tmp_path / "w" / "warehouse.duckdb")
    assert outcome.result == "loaded", outcome.sample
