"""Accessible inline SVG bar charts, drawn at build time (no chart library, no network).

Each chart is a ``<figure>`` holding an SVG with a title and description, labelled axes, the
value written at the end of every bar, and the same numbers as a table for screen readers and
readers who prefer them. Each chart is drawn once, at a phone's width, and scales with its viewBox
(labels beside the bars when they are short, above them otherwise), so its text stays readable from
360px up. Colours come from CSS custom properties so both colour schemes work.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .html import table, text
from .derived import total_costs
from .tables import sources_cell

WIDTH = 360  # SVG units: at a phone's width the drawing is nearly 1:1, so its text keeps its size
VALUE_ROOM = 76  # room right of the longest bar for its value
TICKS = 2  # intervals on the value axis
FONT_SIZE = 14  # of labels and values, in SVG units (guide.css)
CHARACTER_WIDTH = 0.55 * FONT_SIZE  # a generous estimate of one character's width in the sans-serif font
LABELS_BESIDE_UP_TO = 100  # labels at most this wide sit left of their bars; longer ones go above them
LEFT = 18  # room left of the bars when the labels are above them (for the first tick's text)
BAR_HEIGHT = 22
BAR_GAP = 4
GROUP_GAP = 18  # between groups of several bars...
SINGLE_GAP = 10  # ...and between single bars
TOP = 12
LABEL_ROOM = 18  # height of a label line above its bars
AXIS_ROOM = 46
AXIS_LINE_CHARACTERS = 44  # a longer axis title wraps onto more lines...
AXIS_LINE_HEIGHT = 16  # ...this far apart


def _nice_max(value: float) -> float:
    """Round a maximum up to a clean axis end whose half (the middle tick, TICKS = 2) is clean too:
    1, 2, 3, 4, 5, 6 or 8 times a power of ten (a largest bar of 20,513 gets an axis to 30,000, not 50,000)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 3, 4, 5, 6, 8, 10):
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

    The figure holds one drawing of the bars (sized for a phone and scaled up on wider screens),
    the legend, the caption and the numbers as a table. ``chart_id`` names the chart in the page
    (its SVG title and description ids derive from it), so the same data always gives the same HTML.
    """
    chart_id = f"kb-chart-{chart_id}"
    scale_max = _nice_max(max((v for _, values in groups for v in values), default=0))
    drawing = _drawing(chart_id, title, description, groups, len(series), axis_label, value_format, scale_max)
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
    return Markup(
        f'<figure class="kb-chart">{legend}{drawing}<figcaption>{text(title)}. {source_note}</figcaption>'
        f"<details><summary>Show the numbers as a table</summary>{data_table}</details></figure>"
    )


def _label_width(groups: Sequence[tuple[str, Sequence[float]]]) -> int:
    """Room for the labels left of the bars, or 0 when the longest label is too long to sit there (it goes above)."""
    widest = max((len(label) for label, _ in groups), default=0) * CHARACTER_WIDTH
    return 0 if widest > LABELS_BESIDE_UP_TO else round(widest) + 10


def _drawing(chart_id: str, title: str, description: str,
             groups: Sequence[tuple[str, Sequence[float]]], bars_per_group: int, axis_label: str,
             value_format: Callable[[float], str], scale_max: float) -> str:
    """The SVG drawing of a bar chart."""
    label_width = _label_width(groups)
    above = label_width == 0
    x0 = label_width or LEFT
    plot_width = WIDTH - x0 - VALUE_ROOM
    group_height = bars_per_group * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    group_gap = GROUP_GAP if bars_per_group > 1 else SINGLE_GAP
    label_room = LABEL_ROOM if above else 0
    parts: list[str] = []
    y = TOP
    for label, values in groups:
        if above:
            parts.append(f'<text class="kb-chart__label" x="{x0}" y="{y + label_room / 2 - 2:.1f}">{text(label)}</text>')
        else:
            parts.append(f'<text class="kb-chart__label" x="{x0 - 8}" y="{y + group_height / 2:.1f}" '
                         f'text-anchor="end">{text(label)}</text>')
        for index, value in enumerate(values):
            width = plot_width * value / scale_max
            bar_y = y + label_room + index * (BAR_HEIGHT + BAR_GAP)
            parts.append(
                f'<rect class="kb-chart__bar kb-chart__bar--{index + 1}" x="{x0}" y="{bar_y}" '
                f'width="{width:.1f}" height="{BAR_HEIGHT}"></rect>'
                f'<text class="kb-chart__value" x="{x0 + width + 6:.1f}" y="{bar_y + BAR_HEIGHT / 2:.1f}">'
                f"{text(value_format(value))}</text>"
            )
        y += label_room + group_height + group_gap
    axis_y = y - group_gap + 8
    xs = [x0 + plot_width * step / TICKS for step in range(TICKS + 1)]
    grid = "".join(f"M{x:.1f} {TOP - 4}V{axis_y}" for x in xs)
    ticks = "".join(f'<text class="kb-chart__tick" x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle">'
                    f"{text(value_format(scale_max * step / TICKS))}</text>" for step, x in enumerate(xs))
    # The axis title starts at the left, on as many lines as it needs.
    lines = textwrap.wrap(axis_label, AXIS_LINE_CHARACTERS) or [""]
    spans = "".join(f'<tspan x="0" dy="{0 if i == 0 else AXIS_LINE_HEIGHT}">{text(line)}</tspan>'
                    for i, line in enumerate(lines))
    axis = f'<text class="kb-chart__axis" x="0" y="{axis_y + 36}">{spans}</text>'
    height = axis_y + AXIS_ROOM + AXIS_LINE_HEIGHT * (len(lines) - 1)
    return (
        f'<svg class="kb-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{text(title)}</title><desc id="{chart_id}-desc">{text(description)}</desc>'
        f'<path class="kb-chart__grid" d="{grid}"></path>{ticks}{"".join(parts)}{axis}</svg>'
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
