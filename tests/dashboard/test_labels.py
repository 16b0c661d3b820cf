"""Codes stored in the warehouse (rules, severity, ratings, age bands, kinds) reach the viewer as
words in the chosen language: in tables, their CSV/XLSX exports, charts and chart CSVs."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from chibo.dashboard.data import Scope

ALL = Scope.everything()


@pytest.fixture(autouse=True)
def _modules(dash_app):
    global labels, registry, table_card, tables
    from chibo.dashboard import labels
    from chibo.dashboard.charts import registry, tables
    from chibo.dashboard.components import table_card


def test_every_charter_rule_has_words_in_both_languages():
    """The six rules the ETL writes to marts.data_quality all have a Vietnamese and English label."""
    rules = ("cell_few_full_members", "base_cell_30_plus", "probation_overdue", "admission_age",
             "missed_regular_meeting", "excellent_share")
    for rule in rules:
        vi, en = labels.code("rule", rule, "vi"), labels.code("rule", rule, "en")
        assert rule not in (vi, en) and vi != en


def test_ratings_are_the_official_wording():
    """1..4 become the four ratings of the Party's annual assessment; floats and gaps are handled."""
    assert labels.rating(4, "vi") == "Hoàn thành xuất sắc nhiệm vụ"
    assert labels.rating(3.0, "vi") == "Hoàn thành tốt nhiệm vụ"
    assert labels.rating(1, "en") == "Not completed"
    assert labels.rating(None, "vi") == ""


def test_age_bands_and_details_are_readable():
    """'18_30' → '18–30', '61_plus' → '61+'; 'excellent=116;good=565' gets worded keys."""
    assert [labels.age_band(b) for b in ("18_30", "61_plus", "31-40")] == ["18–30", "61+", "31–40"]
    assert labels.detail("excellent=116;good=565", "vi") == "Xuất sắc: 116; Hoàn thành tốt: 565"
    assert labels.detail("free text, no code", "en") == "free text, no code"


def test_unknown_codes_pass_through_unchanged():
    """A code without a label is shown as is (visible, never a crash or an empty cell)."""
    df = pd.DataFrame({"rule": ["new_rule"], "kind": ["base_cell"], "other": ["x"]})
    out = labels.translate_values(df, "en")
    assert out.to_dict("records") == [{"rule": "new_rule", "kind": "Base cell", "other": "x"}]


def test_data_quality_table_and_export_show_words(state2025):
    """The data-quality grid and its CSV show the rule and severity words, month as a month."""
    rows = tables.rows("data-quality", state2025, ALL)
    missed = next(r for r in rows if r["org_id"] == "S3" and "thường kỳ" in r["rule"])
    assert missed["rule"] == "Tháng không sinh hoạt thường kỳ" and missed["severity"] == "Cảnh báo"
    content, _ = tables.export("data-quality", {**state2025, "lang": "en"}, ALL, "csv")
    df = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert "Month without a regular meeting" in set(df["Rule"]) and set(df["Severity"]) == {"Warning"}


def test_org_table_shows_rating_words(state2025):
    """The base organisations' latest rating (B2: 2 in 2025) reads 'Hoàn thành nhiệm vụ'."""
    rows = {r["org_id"]: r for r in tables.rows("orgs-table", state2025, ALL)}
    assert rows["B2"]["rating"] == "Hoàn thành nhiệm vụ"
    assert rows["B2"]["kind"] == "Chi bộ cơ sở"


def test_structure_csv_has_translated_headers_and_values(state2025):
    """The age/gender CSV reads 'Giới tính, Nhóm tuổi' with 'Nữ' and '18–30', not codes."""
    content, _ = registry.csv_bytes("members-structure", state2025, ALL)
    df = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    assert list(df.columns) == ["Giới tính", "Nhóm tuổi", "Đảng viên"]
    assert {"Nam", "Nữ"} == set(df["Giới tính"]) and "18–30" in set(df["Nhóm tuổi"])


def test_a_grid_block_says_the_row_count_and_the_export_keeps_every_row(dash_app, state2025):
    """A block of one row of the two warnings: one row shown, '2 dòng' said (the count in the
    language's number format, the singular for one); the CSV has both rows."""
    block = {"startRow": 0, "endRow": 1, "sortModel": [], "filterModel": {}}
    records, count = tables.page("data-quality", state2025, ALL, block)
    assert len(records) == 1 and count == 2
    assert table_card.count_note(count, "vi") == "2 dòng"
    assert table_card.count_note(4785, "vi") == "4.785 dòng"
    assert table_card.count_note(4785, "en") == "4,785 rows"
    assert table_card.count_note(1, "en") == "1 row"
    content, _name = tables.export("data-quality", state2025, ALL, "csv")
    assert len(content.decode("utf-8-sig").strip().splitlines()) == 3  # header + 2 warnings


def test_repeated_and_missing_codes_each_get_their_own_words():
    """Every row of a column is worded, repeated codes alike, a missing one empty, in the order
    of the rows (each distinct code is worded once)."""
    df = pd.DataFrame({"kind": ["base_cell", "sub_cell", None, "base_cell", "sub_cell"],
                       "rating": [4.0, float("nan"), 1.0, 4.0, float("nan")]})
    out = labels.translate_values(df, "en")
    assert out["kind"].tolist() == ["Base cell", "Sub-cell", "", "Base cell", "Sub-cell"]
    assert out["rating"].tolist() == [labels.rating(4, "en"), "", labels.rating(1, "en"),
                                      labels.rating(4, "en"), ""]
    assert labels.rating(4, "en") != labels.rating(1, "en") != ""
