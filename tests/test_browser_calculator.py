"""Browser tests of the cost calculator (calculator.js) on the built site, in headless Chromium.

Each scenario of data/cost_scenarios.yml is typed into the form and the results are read back,
to the cent, as Python writes them (macros.formatting.money): the same file checks the Python
arithmetic in tests/test_calculator.py.
"""

from __future__ import annotations

import json
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros import calculator, calculator_page
from macros import formatting as fmt

from .support import ROOT, axe_problems

pytestmark = pytest.mark.browser

PAGE = "costs/calculator/"


@pytest.fixture(scope="module")
def scenarios(dataset):
    return dataset.cost_scenarios.scenarios


@pytest.fixture(scope="module")
def config(dataset):
    return calculator_page.calculator_config(dataset, PAGE)


def open_calculator(page: Page, query: str = "") -> None:
    page.goto(PAGE + query)
    expect(page.locator("#kb-calc")).to_be_visible()


def start_in(config: dict, currency: str) -> str:
    """A starting point priced in ``currency`` (the calculator takes its currency from the start)."""
    for key, start in config["starts"].items():
        if start["currency"] == currency:
            return key
    return next(f"program:{slug}" for slug, p in config["programs"].items() if p["currency"] == currency)


def fill_scenario(page: Page, config: dict, inputs) -> None:
    page.get_by_label("Start from").select_option(start_in(config, inputs.currency))
    page.get_by_label("The price is").select_option(inputs.basis)
    page.get_by_label("Price", exact=True).fill(str(inputs.price))
    page.get_by_label("Length given in").select_option(inputs.length)
    if inputs.length == "credits" or inputs.basis == "per-credit":
        page.get_by_label("Credits required").fill(str(inputs.credits))
    if inputs.length == "credits":
        page.get_by_label("Credits per course").fill(str(inputs.credits_per_course))
    else:
        page.get_by_label("Years at a full-time pace").fill(str(inputs.years))
    page.get_by_label("Pace", exact=True).select_option(inputs.pace)
    if inputs.pace == "part-time":
        page.get_by_label("Courses per term").fill(str(inputs.courses_per_term))
    page.get_by_label("Terms per year").select_option(str(inputs.terms_per_year))
    page.get_by_label("Yearly tuition increase (%)").fill(str(inputs.increase))
    page.get_by_label("Mandatory fees per term").fill(str(inputs.fees_per_term))
    page.get_by_label("Employer tuition assistance per year").fill(str(inputs.assistance))
    page.get_by_label("Living costs per year (optional)").fill(str(inputs.living))
    page.get_by_label("Income given up per year (optional)").fill(str(inputs.income))


def outputs(page: Page) -> dict[str, str]:
    return {key: page.locator(f"[data-out='{key}']").inner_text() for key in ("total", "per_year", "per_term")}


def expected_outputs(scenario) -> dict[str, str]:
    e, c = scenario.expected, scenario.inputs.currency
    return {"total": fmt.money(e.total, c), "per_year": fmt.money(e.per_year, c), "per_term": fmt.money(e.per_term, c)}


def test_every_scenario_typed_into_the_form_gives_its_expected_results(page: Page, config, scenarios,
                                                                      outside_requests, console_errors):
    open_calculator(page)
    for scenario in scenarios:
        fill_scenario(page, config, scenario.inputs)
        assert outputs(page) == expected_outputs(scenario), scenario.id
        e, c = scenario.expected, scenario.inputs.currency
        total_row = page.locator("#kb-calc-table tbody tr").last.locator("td")
        assert total_row.all_inner_texts() == [fmt.money(getattr(e, k), c) for k, _ in calculator.PARTS] + [
            fmt.money(e.total, c)]
        status = page.locator(".kb-calc__status[role=status]")
        expect(status).to_contain_text(f"{fmt.money(e.total, c)} over {e.terms} terms")
        expect(page.locator("[data-role='currency']")).to_contain_text(c)
    assert outside_requests == [] and console_errors == []


def test_the_scripts_arithmetic_matches_every_scenario_to_the_cent(page: Page, scenarios):
    open_calculator(page)
    for scenario in scenarios:
        got = page.evaluate("([i, load]) => { const r = window.kb.costEstimate(i, load);"
                            " return Object.assign({terms: r.terms.length, per_year: r.per_year, per_term: r.per_term},"
                            " r.totals); }", [scenario.inputs.model_dump(), calculator.FULL_LOAD])
        expected = {k: round(v * 100) if k != "terms" else v for k, v in scenario.expected.model_dump().items()}
        assert got == expected, scenario.id


def test_a_scenario_in_the_address_is_kept_and_restored(page: Page, config, scenarios, console_errors):
    scenario = scenarios[0]
    open_calculator(page)
    fill_scenario(page, config, scenario.inputs)
    query = parse_qs(urlsplit(page.url).query)
    assert query["price"] == [str(scenario.inputs.price)] and query["pace"] == [scenario.inputs.pace]
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    expect(page.locator("[data-out='total']")).to_have_text(expected_outputs(scenario)["total"])
    assert outputs(page) == expected_outputs(scenario)
    assert console_errors == []


def test_a_program_link_pre_fills_its_price_in_its_currency(page: Page, dataset, config):
    slug, start = next((s, p) for s, p in config["programs"].items() if p["currency"] != "USD")
    program_page = f"programs/{slug}/"
    page.goto(program_page)
    page.get_by_role("link", name="Estimate your costs").click()
    expect(page.locator("#kb-calc")).to_be_visible()
    assert page.get_by_label("Start from").input_value() == f"program:{slug}"
    assert float(page.get_by_label("Price", exact=True).input_value()) == start["price"]
    assert page.get_by_label("The price is").input_value() == start["basis"]
    assert page.get_by_label("Employer tuition assistance per year").input_value() == "0"
    expect(page.locator("[data-role='currency']")).to_contain_text(start["currency"])
    expect(page.locator("[data-role='program']")).to_contain_text(start["price_text"])
    assert page.locator("[data-out='total']").inner_text().startswith(
        fmt.money_pattern(start["currency"]).split("#")[0])


def test_the_national_average_is_the_default_start(page: Page, dataset):
    open_calculator(page)
    latest = dataset.costs.nces_graduate_tuition[-1]
    assert page.get_by_label("Price", exact=True).input_value() == str(latest.all_institutions)
    assert page.get_by_label("Employer tuition assistance per year").input_value() == "5250"
    expect(page.locator("[data-role='currency']")).to_contain_text("USD")


def test_bad_input_says_what_is_needed_and_hides_the_result(page: Page):
    open_calculator(page)
    page.get_by_label("Price", exact=True).fill("")
    expect(page.locator(".kb-calc__status")).to_have_text(json.loads(unescape(
        page.locator("#kb-calc").get_attribute("data-labels")))["invalid"])
    expect(page.locator("[data-role='result']")).to_be_hidden()


def test_every_control_is_reached_with_the_keyboard(page: Page):
    open_calculator(page, "?pace=part-time&length=credits")
    page.get_by_label("Start from").focus()
    seen = []
    for _ in range(40):
        seen.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    visible = page.eval_on_selector_all("#kb-calc form input, #kb-calc form select",
                                        "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")
    assert set(visible) <= set(seen)
    page.get_by_label("Pace", exact=True).select_option("full-time")
    expect(page.locator("[data-field='courses']")).to_be_hidden()


def test_without_javascript_the_worked_examples_remain(browser, site_url, scenarios):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    expect(page.locator(".kb-calc__nojs")).to_be_visible()
    expect(page.locator("#kb-calc")).to_be_hidden()
    assert page.locator("section.kb-calc-example").count() == len(scenarios)
    first = scenarios[0]
    expect(page.locator("section.kb-calc-example").first).to_contain_text(
        fmt.money(first.expected.total, first.inputs.currency))
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
def test_no_wcag_violations_and_no_sideways_scroll(browser, site_url, scheme, width):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + PAGE + "?pace=part-time&living=12000&income=30000&fees=250")
    expect(page.locator("#kb-calc-table")).to_be_visible()
    assert axe_problems(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()


def test_the_page_is_in_the_nav_under_costs():
    assert "Cost calculator: costs/calculator.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
