"""URL query string ⇄ filter state: validation, defaults, round trips."""

from __future__ import annotations

import datetime as dt

from chibo.dashboard import urlstate
from chibo.dashboard.urlstate import Choices

CH = Choices(regions=frozenset({"red_river_delta"}), provinces_current=frozenset({"N01", "N25"}),
             provinces_old=frozenset({"01", "26"}), sectors=frozenset({"agency"}),
             first=dt.date(2024, 1, 1), last=dt.date(2025, 12, 1), org_ok=lambda o: o == "C1")


def test_empty_query_gives_last_12_months_before_the_last_data_month():
    """Presets follow the data, so a stale warehouse still shows a full year."""
    state, bad = urlstate.parse("", CH)
    assert (state["start"], state["end"], state["as_of"]) == ("2025-01-01", "2025-12-31",
                                                             "2025-12-31")
    assert bad == [] and state["lang"] == "vi"


def test_bad_values_are_dropped_and_named():
    """A mistyped link must not crash the page; the viewer is told what was ignored."""
    state, bad = urlstate.parse("?province=XX&lang=fr&period=2y&asof=31-12-2025&foo=1&org=ZZ",
                                CH)
    assert state["province"] is None and state["lang"] == "vi" and state["org"] is None
    assert set(bad) == {"province=XX", "lang=fr", "period=2y", "asof=31-12-2025", "foo=1",
                        "org=ZZ"}


def test_old_province_codes_need_the_old_switch():
    """'26' (Vĩnh Phúc) exists only among the 63 old provinces."""
    assert urlstate.parse("?province=26", CH)[1] == ["province=26"]
    assert urlstate.parse("?province=26&old=1", CH)[0]["province"] == "26"


def test_custom_range_round_trips():
    """A copied link reproduces the view."""
    query = "?lang=en&from=2024-03-01&to=2024-09-30&asof=2024-06-30&province=N01&sector=agency"
    state, bad = urlstate.parse(query, CH)
    assert bad == [] and state["period"] == "custom"
    assert urlstate.parse(urlstate.to_search(state), CH)[0] == state
    named, bad = urlstate.parse(query + "&period=custom", CH)  # said explicitly: the same view
    assert bad == [] and named == state


def test_defaults_leave_the_url_empty():
    """A plain visit keeps a clean address bar."""
    assert urlstate.to_search(urlstate.default_state(CH)) == ""


def test_presets_clip_to_the_first_month():
    """'5y' on two years of data starts at the first loaded month."""
    assert urlstate.preset_range("5y", CH) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert urlstate.preset_range("this_year", CH)[0] == dt.date(2025, 1, 1)


def test_page_params_are_validated(dash_app):
    """The members page registers grain=month|year."""
    assert urlstate.parse("?grain=year", CH)[0]["params"]["grain"] == "year"
    assert urlstate.parse("?grain=week", CH)[1] == ["grain=week"]


def test_quarter_and_year_presets_follow_the_data():
    """Data up to 12/2025: this quarter Q4/2025, last quarter Q3/2025, last year 2024."""
    assert urlstate.preset_range("this_quarter", CH) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert urlstate.preset_range("last_quarter", CH) == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert urlstate.preset_range("last_year", CH) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    state, bad = urlstate.parse("?period=last_quarter", CH)
    assert bad == [] and (state["start"], state["end"]) == ("2025-07-01", "2025-09-30")


def test_named_quarters_and_years_in_links():
    """'period=2024' and 'period=2025-Q2' are links that work; one outside the data is refused."""
    state, bad = urlstate.parse("?period=2025-Q2", CH)
    assert bad == [] and (state["start"], state["end"], state["as_of"]) == (
        "2025-04-01", "2025-06-30", "2025-06-30")
    assert urlstate.to_search(state) == "?period=2025-Q2"
    assert urlstate.parse("?period=2024", CH)[0]["end"] == "2024-12-31"
    assert urlstate.parse("?period=2019", CH)[1] == ["period=2019"]
    assert urlstate.parse("?period=2025-Q5", CH)[1] == ["period=2025-Q5"]
    named = urlstate.named_periods(CH)
    assert named[:2] == ["2025-Q4", "2025-Q3"] and named[-2:] == ["2025", "2024"]
    assert len([p for p in named if "Q" in p]) == 8


def test_period_custom_links_work():
    """'period=custom&from=…&to=…' is the custom range; without dates it is named as ignored."""
    state, bad = urlstate.parse("?period=custom&from=2024-03-01&to=2024-09-30", CH)
    assert bad == [] and (state["period"], state["start"], state["end"]) == (
        "custom", "2024-03-01", "2024-09-30")
    assert urlstate.parse("?period=custom", CH)[1] == ["period=custom"]
