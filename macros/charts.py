"""Accessible inline SVG bar charts, drawn at build time (no chart library, no network).

Each chart is a ``<figure>`` holding an SVG with a title and description, labelled axes, the
value written at the end of every bar, and the same numbers as a table for screen readers and
readers who prefer them. Colours come from CSS custom properties so both colour schemes work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .html import table, text
from .derived import total_costs
from .tables import sources_cell

WIDTH = 720
LABEL_WIDTH = 210
VALUE_ROOM = 90
BAR_HEIGHT = 22
BAR_GAP = 4
GROUP_GAP = 18
TOP = 12
AXIS_ROOM = 46


def _nice_max(value: float) -> float:
    """Round a maximum up to 1, 2 or 5 times a power of ten for a clean axis."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    groups: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    axis_label: str,
    value_format: Callable[[float], str] = fmt.money,
    source_note: Markup | str = "",
) -> Markup:
    """Horizontal bars: one group per row label, one bar per series inside each group.

    ``chart_id`` names the chart in the page (its SVG title and description ids derive from it),
    so the same data always gives the same HTML.
    """
    chart_id = f"kb-chart-{chart_id}"
    plot_width = WIDTH - LABEL_WIDTH - VALUE_ROOM
    top = max((v for _, values in groups for v in values), default=0)
    scale_max = _nice_max(top)
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    height = TOP + len(groups) * (group_height + GROUP_GAP) + AXIS_ROOM
    parts: list[str] = []
    y = TOP
    for label, values in groups:
        parts.append(
            f'<text class="kb-chart__label" x="{LABEL_WIDTH - 8}" y="{y + group_height / 2:.1f}" '
            f'text-anchor="end" dominant-baseline="middle">{text(label)}</text>'
        )
        for index, value in enumerate(values):
            width = plot_width * value / scale_max
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            parts.append(
                f'<rect class="kb-chart__bar kb-chart__bar--{index + 1}" x="{LABEL_WIDTH}" y="{bar_y}" '
                f'width="{width:.1f}" height="{BAR_HEIGHT}"></rect>'
                f'<text class="kb-chart__value" x="{LABEL_WIDTH + width + 6:.1f}" y="{bar_y + BAR_HEIGHT / 2:.1f}" '
                f'dominant-baseline="middle">{text(value_format(value))}</text>'
            )
        y += group_height + GROUP_GAP
    axis_y = y - GROUP_GAP + 8
    ticks = []
    for step in range(5):
        tick_value = scale_max * step / 4
        x = LABEL_WIDTH + plot_width * step / 4
        ticks.append(
            f'<line class="kb-chart__grid" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" y2="{axis_y}"></line>'
            f'<text class="kb-chart__tick" x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle">'
            f"{text(value_format(tick_value))}</text>"
        )
    parts.insert(0, "".join(ticks))
    parts.append(
        f'<text class="kb-chart__axis" x="{LABEL_WIDTH + plot_width / 2:.1f}" y="{axis_y + 36}" '
        f'text-anchor="middle">{text(axis_label)}</text>'
    )
    legend = ""
    if len(series) > 1:
        keys = "".join(
            f'<li><span class="kb-chart__key kb-chart__bar--{i + 1}" aria-hidden="true"></span>{text(name)}</li>'
            for i, name in enumerate(series)
        )
        legend = f'<ul class="kb-chart__legend" aria-hidden="true">{keys}</ul>'
    data_table = table(
        title,
        ["", *series],
        [[label, *(value_format(v) for v in values)] for label, values in groups],
        caption_visible=False,
    )
    svg = (
        f'<svg class="kb-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{text(title)}</title><desc id="{chart_id}-desc">{text(description)}</desc>'
        f'{"".join(parts)}</svg>'
    )
    return Markup(
        f'<figure class="kb-chart">{legend}{svg}<figcaption>{text(title)}. {source_note}</figcaption>'
        f"<details><summary>Show the numbers as a table</summary>{data_table}</details></figure>"
    )


def _source_note(row: models.TuitionYear) -> Markup:
    return Markup(f"Source: {sources_cell(row.sources)}")


def nces_tuition_chart(costs: models.CostsFile) -> Markup:
    """Latest NCES average graduate tuition by type of institution."""
    latest = costs.nces_graduate_tuition[-1]
    groups = [
        ("All institutions", [latest.all_institutions]),
        ("Public", [latest.public]),
        ("Private", [latest.private]),
    ]
    return bar_chart(
        "nces-tuition",
        f"Average yearly graduate tuition and fees by type of institution, {latest.academic_year}",
        f"Bar chart. All institutions {fmt.money(latest.all_institutions)}, public {fmt.money(latest.public)}, "
        f"private {fmt.money(latest.private)} per year, NCES.",
        groups,
        [latest.academic_year],
        "US dollars per academic year",
        source_note=_source_note(latest),
    )


def nces_trend_chart(costs: models.CostsFile) -> Markup:
    """Average graduate tuition at all institutions, for every year in the data."""
    rows = costs.nces_graduate_tuition
    groups = [(r.academic_year, [r.all_institutions]) for r in rows]
    first, last = rows[0], rows[-1]
    return bar_chart(
        "nces-trend",
        "Average yearly graduate tuition and fees, all institutions, over time",
        f"Bar chart of {len(rows)} academic years, from {fmt.money(first.all_institutions)} in {first.academic_year} "
        f"to {fmt.money(last.all_institutions)} in {last.academic_year}, current dollars, NCES.",
        groups,
        ["All institutions"],
        "US dollars per academic year (not adjusted for inflation)",
        source_note=_source_note(last),
    )


def total_cost_chart(costs: models.CostsFile) -> Markup:
    """Estimated total tuition across program lengths by type of institution."""
    latest = costs.nces_graduate_tuition[-1]
    totals = total_costs(latest)
    groups = [(name, [a, pu, pr]) for name, a, pu, pr in totals]
    longest = totals[3]
    return bar_chart(
        "total-cost",
        f"Estimated total tuition by program length, {latest.academic_year} averages",
        f"Grouped bar chart. For three years full-time: all institutions {fmt.money(longest[1])}, public "
        f"{fmt.money(longest[2])}, private {fmt.money(longest[3])}.",
        groups,
        ["All institutions", "Public", "Private"],
        "Estimated total tuition, US dollars",
        source_note=_source_note(latest),
    )
