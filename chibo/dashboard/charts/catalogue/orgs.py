"""Charts and tables of Tổ chức: organisation counts over time (by kind or sector), the
hierarchy as a treemap, the table of base organisations, and the picked organisation's meeting
quality and annual ratings."""

from __future__ import annotations

import dataclasses

from chibo.dashboard import i18n, urlstate
from chibo.dashboard.charts import figures, hierarchy, spec
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.charts.tables import Table
from chibo.dashboard.charts.tables import register as register_table
from chibo.dashboard.charts.theme import QUALITY_COLORS, Drawing, empty
from chibo.dashboard.i18n import t
from chibo.dashboard.queries import lookup
from chibo.dashboard.queries import orgs as q

ORGS_COUNTS = "orgs-counts"
ORGS_HIERARCHY = "orgs-hierarchy"
ORGS_TABLE = "orgs-table"
ORGS_MEETINGS = "orgs-meetings"
ORGS_RATINGS = "orgs-ratings"

urlstate.register_param("by", ("kind", "sector"), "kind")
i18n.register({
    "orgs.counts": ("Số tổ chức đảng theo thời gian", "Party organisations over time"),
    "orgs.hierarchy": ("Cây tổ chức (nhấn vào một tổ chức để chọn)",
                       "Hierarchy (click an organisation to pick it)"),
    "orgs.members": ("Đảng viên", "Members"),
    "orgs.table": ("Tổ chức cơ sở đảng và chỉ số", "Base organisations and their metrics"),
    "orgs.pick_first": ("Chọn một tổ chức đảng ở bộ lọc phía trên",
                        "Pick a party organisation in the filters above"),
    "orgs.meetings": ("Chất lượng sinh hoạt của tổ chức", "Meeting quality of the organisation"),
    "orgs.ratings": ("Xếp loại hằng năm", "Annual ratings"),
    "quality.level.4": ("Tốt", "Good"), "quality.level.3": ("Khá", "Fair"),
    "quality.level.2": ("Trung bình", "Average"), "quality.level.1": ("Kém", "Poor"),
    "col.name": ("Tên", "Name"), "col.kind": ("Loại", "Kind"), "col.sector": ("Loại hình", "Sector"),
    "col.province": ("Tỉnh, thành phố", "Province"), "col.cells": ("Chi bộ", "Cells"),
    "col.members": ("Đảng viên", "Members"), "col.official": ("Chính thức", "Full"),
    "col.admitted": ("Kết nạp trong kỳ", "Admitted"),
    "col.good_fair_share": ("Sinh hoạt tốt, khá", "Good/fair meetings"),
    "col.attendance": ("Tỷ lệ dự họp", "Attendance"), "col.rating": ("Xếp loại", "Rating"),
    "col.year": ("Năm", "Year"),
})
_LEVELS = (("good", 4), ("fair", 3), ("average", 2), ("poor", 1))


def _by(f) -> str:
    return dict(f.extra).get("by", "kind")


def _counts_data(scope, f):
    return q.org_counts(scope, f, _by(f))


def _counts_draw(df, ctx, f, scope):
    wide = df.pivot(index="month", columns="grp", values="n").reset_index() if not df.empty else df
    prefix = "kind" if _by(f) == "kind" else "sector"
    series = [(g, t(f"{prefix}.{g}", ctx.lang)) for g in wide.columns if g != "month"]
    return figures.plot(spec.over_time(wide, "month", series), ctx)


def _hierarchy_data(scope, f):
    """Two levels from the top of the scope, three below a picked organisation."""
    return q.hierarchy(scope, f, levels=3 if f.org else 2, top=12)


def _hierarchy_draw(df, ctx, f, scope):
    """Below a picked organisation the subtitle is the breadcrumb of the drilled path."""
    label = lookup.org_label(scope, f.org) if f.org else None
    if label:
        ctx = dataclasses.replace(ctx, subtitle=f"{ctx.subtitle}<br>{label[1]}")
    return Drawing(hierarchy.hierarchy_map(df, ctx, t("orgs.members", ctx.lang)))


def _meetings_draw(df, ctx, f, scope):
    if not f.org:  # nothing picked yet: say what to do rather than "no data"
        return Drawing(empty(ctx, t("orgs.pick_first", ctx.lang)))
    series = [(c, t(f"quality.level.{n}", ctx.lang)) for c, n in _LEVELS]
    colors = [QUALITY_COLORS[n] for _c, n in _LEVELS]
    return figures.plot(spec.over_time(df, "month", series, kind="bar", stacked=True,
                                       colors=colors), ctx)


register(Chart(ORGS_COUNTS, "orgs.counts", _counts_data, _counts_draw, params=("by",),
               metrics=("base_orgs", "cells")))
register(Chart(ORGS_HIERARCHY, "orgs.hierarchy", _hierarchy_data, _hierarchy_draw,
               metrics=("members",)))
register(Chart(ORGS_MEETINGS, "orgs.meetings", q.meeting_levels, _meetings_draw,
               metrics=("meetings_by_quality",)))
register_table(Table(ORGS_TABLE, "orgs.table", q.org_table, (
    ("org_id", "col.org_id", "text"), ("name", "col.name", "text"), ("kind", "col.kind", "text"),
    ("sector", "col.sector", "text"), ("province", "col.province", "text"),
    ("cells", "col.cells", "int"), ("members", "col.members", "int"),
    ("official", "col.official", "int"), ("admitted", "col.admitted", "int"),
    ("good_fair_share", "col.good_fair_share", "pct"),
    ("attendance", "col.attendance", "pct"), ("rating", "col.rating", "text")), paged=True))
register_table(Table(ORGS_RATINGS, "orgs.ratings", q.ratings, (
    ("year", "col.year", "text"), ("org_id", "col.org_id", "text"),
    ("name", "col.name", "text"), ("rating", "col.rating", "text"))))
