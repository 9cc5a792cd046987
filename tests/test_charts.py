"""SVG charts (macros.charts): numbers and labels come from the data, text is escaped, a table backs every chart."""

from __future__ import annotations

import re
from datetime import date
from xml.etree import ElementTree

from macros import charts, models

from .rendered import body_cells, to_html

SOURCE = models.Source(url="https://nces.ed.gov/x", title="NCES", accessed=date(2026, 1, 1), kind="official")


def svgs_of(markup) -> list[ElementTree.Element]:
    """Every SVG drawing in some markup."""
    return [ElementTree.fromstring(svg.replace("&#", "&amp;#"))  # entities are fine in HTML
            for svg in re.findall(r"<svg.*?</svg>", str(markup), flags=re.S)]


def svg_of(markup) -> ElementTree.Element:
    """The first SVG drawing in some markup."""
    return svgs_of(markup)[0]


def costs(*rows) -> models.CostsFile:
    return models.CostsFile(nces_graduate_tuition=[
        models.TuitionYear(academic_year=y, all_institutions=a, public=pu, private=pr, sources=[SOURCE]) for y, a, pu, pr in rows
    ])


def test_tuition_chart_shows_the_latest_year_from_data(dataset):
    data = dataset
    latest = data.costs.nces_graduate_tuition[-1]
    markup = str(charts.nces_tuition_chart(data.costs))
    assert latest.academic_year in markup
    for value in (latest.all_institutions, latest.public, latest.private):
        assert f"${value:,.0f}" in markup
    svg = svg_of(markup)
    assert svg.get("role") == "img"
    assert len(svg.findall(".//{*}rect")) == 3


def test_bars_are_proportional_to_values():
    markup = charts.nces_tuition_chart(costs(("2021-22", 20000, 10000, 40000)))
    widths = [float(r.get("width")) for r in svg_of(markup).findall(".//{*}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 2 * widths[0]


def test_single_year_trend_and_table_fallback():
    markup = str(charts.nces_trend_chart(costs(("1989-90", 4135, 1999, 7881))))
    rows, _ = body_cells(to_html(markup))
    assert rows == [["1989-90", "$4,135"]]


def test_total_cost_chart_has_three_series_per_length():
    markup = charts.total_cost_chart(costs(("2021-22", 20000, 10000, 30000)))
    assert len(svg_of(markup).findall(".//{*}rect")) == 5 * 3
    assert "$60,000" in str(markup)  # three years full-time at $20,000


def test_chart_text_is_escaped():
    markup = str(charts.bar_chart("escaped", "<script>x</script>", "{{ 7*7 }}", [("<b>label</b>", [5.0])], ["s"], "axis"))
    assert "<script>" not in markup and "<b>" not in markup and "{{" not in markup


CHARTS = (charts.nces_tuition_chart, charts.nces_trend_chart, charts.total_cost_chart)


def test_same_data_gives_byte_identical_charts(dataset):
    for chart in CHARTS:
        first = str(chart(dataset.costs))
        again = str(chart(dataset.costs.model_copy(deep=True)))
        assert first == again, chart.__name__


def test_chart_ids_are_fixed_and_unique(dataset):
    ids = []
    for chart, name in zip(CHARTS, ("nces-tuition", "nces-trend", "total-cost")):
        [svg] = svgs_of(chart(dataset.costs))
        assert svg.get("aria-labelledby") == f"kb-chart-{name}-title kb-chart-{name}-desc"
        ids += [element.get("id") for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 6


def _width(text: str, size: float = 14) -> float:
    """A generous estimate of the width of a line of text in the chart's sans-serif font at the phone size."""
    return len(text) * size * 0.55


def test_each_chart_is_drawn_once_at_phone_width(dataset):
    """One image per chart, for every screen width."""
    for chart in CHARTS:
        markup = str(chart(dataset.costs))
        [svg] = svgs_of(markup)
        assert svg.get("role") == "img"
        assert svg.get("viewBox").split()[2] == "360"
        # The grid is one path, whatever the number of ticks.
        assert len(svg.findall(".//{*}path")) == 1 and not svg.findall(".//{*}line")


def test_no_text_of_a_drawing_is_cut_off(dataset):
    """Every label, value, tick and axis title fits inside the drawing's width at its phone font size."""
    for chart in CHARTS:
        [svg] = svgs_of(chart(dataset.costs))
        width = float(svg.get("viewBox").split()[2])
        height = float(svg.get("viewBox").split()[3])
        for element in svg.findall(".//{*}text"):
            spans = element.findall("{*}tspan")
            lines = [span.text for span in spans] if spans else [element.text]
            x, y = float(element.get("x")), float(element.get("y"))
            for words in lines:
                extent = _width(words)
                left = {"middle": x - extent / 2, "end": x - extent}.get(element.get("text-anchor"), x)
                assert 0 <= left and left + extent <= width, (chart.__name__, words, left, extent)
            bottom = y + sum(float(span.get("dy")) for span in spans)
            assert 0 < y and bottom + 4 < height, (chart.__name__, lines, y, bottom)


def test_long_labels_go_above_their_bars_and_short_ones_beside_them(dataset):
    tuition = svg_of(charts.nces_tuition_chart(dataset.costs))  # "All institutions" is too long to sit beside
    assert {float(r.get("x")) for r in tuition.findall(".//{*}rect")} == {18.0}
    label = tuition.find(".//{*}text[@class='kb-chart__label']")
    assert label.get("text-anchor") is None and float(label.get("x")) == 18.0
    trend = svg_of(charts.nces_trend_chart(dataset.costs))  # academic years sit left of their bars
    [x0] = {float(r.get("x")) for r in trend.findall(".//{*}rect")}
    label = trend.find(".//{*}text[@class='kb-chart__label']")
    assert label.get("text-anchor") == "end" and 18 < float(label.get("x")) < x0


def test_a_long_axis_title_wraps():
    title = "US dollars per academic year (not adjusted for inflation)"
    svg = svg_of(charts.bar_chart("long", "T", "D", [("a", [1.0])], ["s"], title))
    [axis] = [t for t in svg.findall(".//{*}text") if t.get("class") == "kb-chart__axis"]
    assert " ".join(span.text for span in axis.findall("{*}tspan")) == title
    assert len(axis.findall("{*}tspan")) == 2


def test_axis_maximum_is_a_round_number_near_the_largest_bar():
    values = (0, 7, 10, 11, 20_513, 45_000, 50_001, 61_000, 99_999)
    assert [charts._nice_max(v) for v in values] == [1, 8, 10, 20, 30_000, 50_000, 60_000, 80_000, 100_000]
    assert charts.TICKS == 2  # the middle tick, half the maximum, is a clean number too


def test_every_chart_has_a_table_of_its_numbers(dataset):
    for chart in CHARTS:
        rows, _ = body_cells(to_html(str(chart(dataset.costs))))
        assert rows and all(len(row) >= 2 for row in rows)
