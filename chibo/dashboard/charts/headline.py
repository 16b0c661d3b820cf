"""The key number of a chart (a slide's big number, a chart card's text alternative): the last
complete period of the first series unless the viewer asks for the latest; the top of a ranking;
the total of a pyramid; the first level's share in 100% columns. Renderer-neutral (a spec in,
texts out), so slides, PowerPoint, PDF and the page say the same."""

from __future__ import annotations

from chibo.dashboard import i18n
from chibo.dashboard.charts.spec import ChartSpec
from chibo.dashboard.i18n import fmt_num, fmt_pct, t

i18n.register({"chart.total": ("Tổng số", "Total")})


def _last(chart: ChartSpec, latest: bool) -> int | None:
    """The index of the headline period: the last with a value that is a complete period (the
    last with a value at all when `latest`, or when no period is complete)."""
    values = chart.series[0].values
    idx = [i for i, v in enumerate(values) if v is not None]
    if not idx:
        return None
    partial = chart.partial or (False,) * len(values)
    whole = [i for i in idx if not partial[i]]
    return idx[-1] if latest or not whole else whole[-1]


def key_number(chart: ChartSpec | None, lang: str, latest: bool = False) -> tuple[str, str]:
    """(label, formatted value); ('', '') when the chart has nothing to say."""
    if chart is None or not chart.series or not chart.categories:
        return "", ""
    first, labels = chart.series[0], chart.part_labels(lang)
    if chart.kind == "bar" and len(chart.series) > 1:
        return t("chart.total", lang), fmt_num(sum(chart.values()), lang, chart.decimals)
    if chart.kind == "bar":
        pairs = [(c, v) for c, v in zip(labels, first.values) if v is not None]
        return (pairs[-1][0], chart.fmt(pairs[-1][1], lang)) if pairs else ("", "")
    i = _last(chart, latest)
    if i is None:
        return "", ""
    if chart.kind == "column_stacked_100":
        total = sum(s.values[i] or 0 for s in chart.series)
        share = first.values[i] / total if total else None
        return f"{first.name} · {labels[i]}", fmt_pct(share, lang, 1)
    label = f"{first.name} · {labels[i]}" if first.name else labels[i]
    return label, chart.fmt(first.values[i], lang)


def text_alternative(title: str, chart: ChartSpec | None, lang: str) -> str:
    """'<title>: <key label> <key value>' (the title alone for pictures without a spec)."""
    label, value = key_number(chart, lang)
    return f"{title}: {label} {value}".strip() if value else title
