"""The cost calculator's arithmetic, starting points and worked examples (macros.calculator).

The scenarios in data/cost_scenarios.yml are the specification: Python must give their expected
results to the cent here, and calculator.js must give the same in tests/test_browser_calculator.py.
"""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from pydantic import ValidationError

from macros import calculator, calculator_page, models
from macros import formatting as fmt
from macros.derived import estimated_total, reference_price
from macros.program_page import program_page

from .rendered import body_cells, to_html


def inputs(**changes) -> models.CostInputs:
    base = {"currency": "USD", "basis": "per-credit", "price": 1000, "length": "credits", "credits": 30}
    return models.CostInputs(**{**base, **changes})


def cents(value: float) -> int:
    return round(value * 100)


@pytest.fixture(scope="module")
def scenarios(dataset) -> list[models.CostScenario]:
    return dataset.cost_scenarios.scenarios


def test_every_scenario_gives_its_expected_results_to_the_cent(scenarios):
    for scenario in scenarios:
        got = calculator.estimate(scenario.inputs).results()
        expected = scenario.expected.model_dump()
        assert {k: cents(v) for k, v in got.items()} == {k: cents(v) for k, v in expected.items()}, scenario.id


def test_scenarios_cover_every_basis_both_paces_and_more_than_one_currency(scenarios):
    assert {s.inputs.basis for s in scenarios} == {"per-credit", "per-term", "per-year", "total"}
    assert {s.inputs.pace for s in scenarios} == {"full-time", "part-time"}
    assert {s.inputs.length for s in scenarios} == {"credits", "years"}
    assert len({s.inputs.currency for s in scenarios}) > 1
    assert any(s.inputs.assistance for s in scenarios) and any(s.inputs.increase for s in scenarios)


def test_terms_come_from_courses_and_the_load():
    assert len(calculator.estimate(inputs()).terms) == 4  # 10 courses, 3 a term
    assert len(calculator.estimate(inputs(pace="part-time", courses_per_term=1)).terms) == 10
    assert len(calculator.estimate(inputs(credits=27)).terms) == 3
    years = inputs(basis="per-year", length="years", years=1.5, credits=None)
    assert len(calculator.estimate(years).terms) == 3
    assert len(calculator.estimate(years.model_copy(update={"pace": "part-time", "courses_per_term": 1})).terms) == 9


def test_a_per_credit_price_charges_the_credits_of_each_term():
    result = calculator.estimate(inputs())
    assert [t.tuition for t in result.terms] == [900_000, 900_000, 900_000, 300_000]


def test_a_yearly_or_termly_price_is_shared_by_load_so_part_time_costs_the_same_before_increases():
    full = inputs(basis="per-year", price=20000, length="years", years=2, credits=None)
    part = full.model_copy(update={"pace": "part-time", "courses_per_term": 1})
    assert calculator.estimate(full).totals["tuition"] == calculator.estimate(part).totals["tuition"] == 4_000_000
    per_term = full.model_copy(update={"basis": "per-term", "price": 10000})
    assert calculator.estimate(per_term).totals["tuition"] == 4_000_000


def test_the_increase_compounds_from_the_second_study_year_and_never_touches_a_total_price():
    result = calculator.estimate(inputs(basis="per-year", price=10000, length="years", years=3, credits=None,
                                        terms_per_year=1, increase=10))
    assert [t.tuition for t in result.terms] == [1_000_000, 1_100_000, 1_210_000]
    total = calculator.estimate(inputs(basis="total", price=30000, increase=10))
    assert total.totals["tuition"] == 3_000_000


def test_assistance_is_capped_per_calendar_year_and_by_that_years_tuition():
    # Semesters: terms 1..6 fall in calendar years 0, 1, 1, 2, 2, 3: three study years span four calendar years.
    result = calculator.estimate(inputs(credits=54, assistance=5250))
    assert [t.calendar_year for t in result.terms] == [0, 1, 1, 2, 2, 3]
    assert [t.assistance for t in result.terms] == [525_000, 525_000, 0, 525_000, 0, 525_000]
    small = calculator.estimate(inputs(credits=6, pace="part-time", courses_per_term=1, assistance=5250))
    assert [t.assistance for t in small.terms] == [t.tuition for t in small.terms] == [300_000, 300_000]
    quarters = calculator.estimate(inputs(credits=36, terms_per_year=3, assistance=100000))
    assert [t.calendar_year for t in quarters.terms] == [0, 1, 1, 1]


def test_yearly_amounts_are_spread_so_each_year_adds_up_exactly():
    result = calculator.estimate(inputs(basis="per-year", length="years", years=1, credits=None, terms_per_year=3,
                                        price=10000, living=10000, income=1000.01))
    assert [t.living for t in result.terms] == [333_333, 333_334, 333_333]
    assert sum(t.living for t in result.terms) == 1_000_000
    assert sum(t.income for t in result.terms) == 100_001


def test_results_per_year_and_per_term():
    result = calculator.estimate(inputs(credits=27, fees_per_term=100))
    assert result.total == 2_730_000 and result.per_term == 910_000 and result.per_year == 1_820_000
    assert result.years == 1.5


def test_rounding_is_half_up_like_math_floor_plus_a_half():
    assert [calculator.round_cents(v) for v in (0.5, 1.5, 2.5, -0.5, 2.4999)] == [1, 2, 3, 0, 2]


def test_inputs_say_what_is_missing():
    with pytest.raises(ValidationError, match="a price per credit needs `credits`"):
        models.CostInputs(currency="USD", basis="per-credit", price=1, length="years", years=1)
    with pytest.raises(ValidationError, match="length: years needs `years`"):
        models.CostInputs(currency="USD", basis="per-year", price=1, length="years")
    with pytest.raises(ValidationError, match="to the cent"):
        inputs(fees_per_term=1.001)


def test_averages_start_from_the_latest_nces_row_with_the_us_assistance_limit(dataset):
    starts = calculator.average_starts(dataset.costs, dataset.figures)
    latest = dataset.costs.nces_graduate_tuition[-1]
    assert [s["price"] for s in starts.values()] == [latest.all_institutions, latest.public, latest.private]
    assert all(s["basis"] == "per-year" and s["currency"] == "USD" for s in starts.values())
    limit = calculator.assistance_figure(dataset.figures)
    assert limit.value == 5250 and limit.sources
    assert {s["assist"] for s in starts.values()} == {limit.value}


def test_every_priced_program_is_a_starting_point_in_its_own_currency(dataset):
    config = calculator_page.calculator_config(dataset, "costs/calculator/")
    priced = {slug for slug, p in dataset.programs.items() if reference_price(p)}
    assert set(config["programs"]) == priced
    for slug, start in config["programs"].items():
        price = reference_price(dataset.programs[slug])
        assert (start["currency"], start["basis"], start["price"]) == (price.currency, price.basis, price.amount)
        assert start["assist"] == (5250 if price.currency == "USD" else 0)
        assert start["page"] == f"../../programs/{slug}/"
        assert set(start) >= {"length", "credits", "per_course", "years", "pace", "price_text"}
        # Every start is valid calculator input: the page never opens on a scenario the model rejects.
        calculator.estimate(models.CostInputs(
            currency=start["currency"], basis=start["basis"], price=start["price"], length=start["length"],
            credits=start["credits"], credits_per_course=start["per_course"], years=start["years"], pace=start["pace"]))
    assert set(config["patterns"]) == {s["currency"] for s in [*config["starts"].values(), *config["programs"].values()]}
    assert config["patterns"]["USD"] == "$#"


def test_a_program_start_follows_its_pricing():
    program = models.Program.model_validate({
        "university": "U", "title": "MS", "degree_type": "ms-ml", "country": "US", "official_url": "https://u.edu/ms",
        "credits": {"amount": 36, "unit": "quarter-credits"}, "duration": {"min_months": 18}, "pace": ["part-time"],
        "tuition": [{"amount": 900, "currency": "USD", "basis": "per-credit", "academic_year": "2099-00"}],
        "sources": [{"url": "https://u.edu/ms", "title": "t", "accessed": "2026-01-01", "kind": "official",
                     "supports": ["tuition"]}], "last_verified": "2026-01-01"})
    figures = models.FiguresFile(figures=[models.Figure(
        id=calculator.ASSISTANCE_FIGURE, label="l", value=5250, unit="usd", period="2024",
        sources=[{"url": "https://irs.gov/x", "title": "t", "accessed": "2026-01-01", "kind": "official"}])])
    start = calculator.program_start(program, figures)
    assert (start["length"], start["credits"], start["per_course"], start["years"], start["pace"]) == (
        "credits", 36, 4, 1.5, "part-time")
    yearly = program.model_copy(update={"tuition": [program.tuition[0].model_copy(update={"basis": "per-year",
                                                                                         "currency": "EUR"})]})
    start = calculator.program_start(yearly, figures)
    assert (start["length"], start["assist"], start["currency"]) == ("years", 0, "EUR")
    assert calculator.program_start(program.model_copy(update={"tuition": None}), figures) is None


def test_worked_examples_show_inputs_and_a_table_per_scenario(scenarios):
    html = str(calculator_page.worked_examples(models.CostScenariosFile(scenarios=scenarios)))
    assert html.count('<section class="kb-calc-example"') == len(scenarios)
    first = scenarios[0]
    result = calculator.estimate(first.inputs)
    section = html.split("</section>")[0]
    rows, _ = body_cells(to_html(section))
    assert rows[-1][0].strip() == "Total"
    assert rows[-1][-1].strip() == fmt.money(first.expected.total, first.inputs.currency)
    assert len(rows) == len(result.by_study_year()) + 1
    assert unescape(re.sub("<[^>]+>", "", section)).count(f"Amounts in {first.inputs.currency}.") == 1


def test_the_widget_labels_every_control_and_embeds_its_data(dataset):
    html = str(calculator_page.calculator_widget(dataset, "costs/calculator/"))
    ids = re.findall(r'<(?:input|select) [^>]*id="([^"]+)"', html)
    assert ids and all(f'<label for="{i}">' in html for i in ids)
    assert 'role="status"' in html and "needs JavaScript" in html
    config = json.loads(unescape(re.search(r'data-config="([^"]+)"', html).group(1)))
    assert config["full_load"] == calculator.FULL_LOAD and set(config["starts"]) == {"average", "average-public",
                                                                                       "average-private"}
    assert "irs.gov" in html and "5,250" in html  # the default assistance, with its source


def test_program_pages_link_to_the_calculator_pre_filled_when_priced(dataset):
    for slug, program in list(dataset.programs.items()):
        page = program_page(slug, dataset, edit_url="https://e", issue_url="https://i", site_url="https://s/")
        target = "../../costs/calculator/" + (f"?from=program:{slug}" if reference_price(program) else "")
        assert f'href="{target}"' in page, slug


def test_compare_total_and_calculator_agree_for_every_program(dataset):
    # Compare's "Estimated total tuition" and the calculator opened on the same program must give one answer:
    # with nothing added (no increase, fees, assistance or living costs), the calculator's tuition is the total.
    checked = 0
    for slug, program in dataset.programs.items():
        total = estimated_total(program)
        start = calculator.program_start(program, dataset.figures)
        if total is None or start is None:
            continue
        inputs = models.CostInputs(currency=start["currency"], basis=start["basis"], price=start["price"],
                                   length=start["length"], credits=start["credits"],
                                   credits_per_course=start["per_course"], years=start["years"], pace=start["pace"])
        assert calculator.estimate(inputs).totals["tuition"] == calculator.round_cents(total * 100), slug
        checked += 1
    assert checked >= 10, "too few programs with a comparable price to check the rule on"


def test_a_yearly_price_over_sixteen_months_counts_one_and_a_third_years_in_both_tools():
    program = models.Program.model_validate({
        "university": "U", "title": "MS", "degree_type": "ms-ml", "country": "GB", "official_url": "https://u.ac.uk/ms",
        "duration": {"min_months": 16},
        "tuition": [{"amount": 30000, "currency": "GBP", "basis": "per-year", "academic_year": "2099-00"}],
        "sources": [{"url": "https://u.ac.uk/ms", "title": "t", "accessed": "2026-01-01", "kind": "official",
                     "supports": ["tuition"]}], "last_verified": "2026-01-01"})
    assert estimated_total(program) == 30000 * 1.33
    figures = models.FiguresFile(figures=[models.Figure(
        id=calculator.ASSISTANCE_FIGURE, label="l", value=5250, unit="usd", period="2024",
        sources=[{"url": "https://irs.gov/x", "title": "t", "accessed": "2026-01-01", "kind": "official"}])])
    assert calculator.program_start(program, figures)["years"] == 1.33
