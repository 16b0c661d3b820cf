"""Charts of Cơ cấu đảng viên: members on the as-of day and admissions in the period by one
characteristic (URL parameter `sdim`: gender, age band, ethnicity, religion, professional level,
political theory, general education, status), as bars with each value's count and share, and the
KPI list (women, ethnic minorities, new admissions aged 30 or younger)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from chibo.dashboard import i18n, urlstate
from chibo.dashboard.charts import figures, plain, spec
from chibo.dashboard.charts.registry import Chart, register
from chibo.dashboard.i18n import fmt_date, fmt_num, fmt_pct, t
from chibo.dashboard.queries import structure as q

STRUCTURE_MEMBERS = "structure-members"
STRUCTURE_ADMISSIONS = "structure-admissions"

urlstate.register_param("sdim", q.DIMENSIONS, "gender")
i18n.register({
    "structure.members": ("Cơ cấu đảng viên", "Member structure"),
    "structure.admissions": ("Cơ cấu đảng viên mới kết nạp", "Structure of new admissions"),
    "structure.on_day": ("Đảng viên tại ngày {day}, theo {dim}; tổng {total}",
                         "Members on {day} by {dim}; {total} in all"),
    "structure.in_period": ("Kết nạp từ {a} đến {b}, theo {dim}; tổng {total} (tuổi tính vào năm "
                            "kết nạp)", "Admitted from {a} to {b} by {dim}; {total} in all (age in "
                            "the year of admission)"),
    "structure.status_not_for_admissions": ("Đảng viên mới kết nạp đều là dự bị",
                                            "New members are all probationary"),
    "structure.dim.gender": ("giới tính", "gender"),
    "structure.dim.age_band": ("tuổi đời", "age"),
    "structure.dim.ethnicity": ("dân tộc", "ethnicity"),
    "structure.dim.religion": ("tôn giáo", "religion"),
    "structure.dim.professional_level": ("trình độ chuyên môn", "professional level"),
    "structure.dim.political_theory": ("lý luận chính trị", "political theory"),
    "structure.dim.education": ("giáo dục phổ thông", "general education"),
    "structure.dim.status": ("chính thức / dự bị", "full / probationary"),
    "kpi.female_share": ("Tỷ lệ đảng viên nữ", "Share of women members"),
    "kpi.minority_share": ("Tỷ lệ đảng viên người dân tộc thiểu số", "Share of ethnic minority members"),
    "kpi.young_admission_share": ("Kết nạp trong kỳ đến 30 tuổi", "New admissions aged 30 or younger"),
})


@dataclass(frozen=True)
class Kpi:
    """A KPI card of the page: key of queries.structure.kpis; label i18n 'kpi.<key>'."""

    key: str
    percent: bool = True
    higher_is_better: bool = True


KPIS = (Kpi("female_share"), Kpi("minority_share"), Kpi("young_admission_share"))


def dimension(f) -> str:
    return dict(f.extra).get("sdim", "gender")


def _label_column(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    words = df["label_en" if lang == "en" else "label_vi"].fillna(df["value"])
    return df.assign(label=words)


def _members_data(scope, f):
    return q.members_by(scope, f, dimension(f))


def _admissions_data(scope, f):
    dim = dimension(f)
    return q.admissions_by(scope, f, dim) if dim in q.ADMISSION_DIMENSIONS else q.empty()


def _draw(df, ctx, f, scope):
    df = _label_column(df, ctx.lang)
    drawing = figures.plot(spec.composition(df, "label", "members"), ctx)
    if drawing.spec is not None and df["members"].max() <= 10:  # whole people: no 0.5 ticks
        plain.xaxis(drawing.figure, dtick=1)
    return drawing


def _members_caption(df, ctx, f, scope):
    day = df["day"].iloc[0].date() if not df.empty else f.as_of  # the day counted (clamped)
    return _captioned(ctx, t("structure.on_day", ctx.lang).format(
        day=fmt_date(day, ctx.lang), dim=t(f"structure.dim.{dimension(f)}", ctx.lang),
        total=fmt_num(df["members"].sum() if not df.empty else 0, ctx.lang)))


def _admissions_caption(df, ctx, f, scope):
    if dimension(f) not in q.ADMISSION_DIMENSIONS:
        return _captioned(ctx, t("structure.status_not_for_admissions", ctx.lang))
    return _captioned(ctx, t("structure.in_period", ctx.lang).format(
        a=fmt_date(f.start, ctx.lang), b=fmt_date(f.end, ctx.lang),
        dim=t(f"structure.dim.{dimension(f)}", ctx.lang),
        total=fmt_num(df["members"].sum() if not df.empty else 0, ctx.lang)))


def _captioned(ctx, text: str):
    return replace(ctx, subtitle=f"{text} · {ctx.subtitle}" if ctx.subtitle else text)


def _csv(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    df = _label_column(df, lang)
    head = ("Value", "Members", "Share") if lang == "en" else ("Giá trị", "Số đảng viên", "Tỷ lệ")
    return pd.DataFrame({head[0]: df["label"], head[1]: df["members"],
                         head[2]: [fmt_pct(s, lang, 1) for s in df["share"]]})


register(Chart(STRUCTURE_MEMBERS, "structure.members", _members_data, _draw, params=("sdim",),
               caption=_members_caption, csv_columns=_csv, metrics=("members_by_structure",)))
register(Chart(STRUCTURE_ADMISSIONS, "structure.admissions", _admissions_data, _draw,
               params=("sdim",), caption=_admissions_caption, csv_columns=_csv,
               metrics=("admissions_by_structure",)))
