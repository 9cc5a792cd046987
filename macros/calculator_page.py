"""The cost calculator's page: its form and settings for calculator.js, worked examples, and links to it.

The arithmetic and the starting points are in :mod:`macros.calculator`; this module only renders.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .calculator import (CALCULATOR_PAGE, FULL_LOAD, PARTS, Estimate, assistance_figure, average_starts, estimate,
                         program_start)
from .derived import reference_price
from .html import attr, link, table, text
from .paths import program_url, relative


def calculator_config(data, page_url: str) -> dict:
    """Everything calculator.js needs, as display-free numbers and labels written here."""
    starts = average_starts(data.costs, data.figures)
    programs = {}
    for slug, program in sorted(data.programs.items(), key=lambda item: (item[1].university, item[1].title)):
        start = program_start(program, data.figures)
        if start:
            start["page"] = relative(program_url(slug), page_url)
            programs[slug] = start
    currencies = sorted({s["currency"] for s in [*starts.values(), *programs.values()]})
    return {"starts": starts, "programs": programs, "full_load": FULL_LOAD,
            "patterns": {c: fmt.money_pattern(c) for c in currencies},
            "parts": [list(p) for p in PARTS]}




def money(cents: int, currency: str) -> str:
    """An amount in cents as the guide writes money: '$1,234', '$1,234.50'."""
    return fmt.money(cents / 100, currency)


def years_text(years: float) -> str:
    """'1 year', '2.5 years'."""
    return f"{fmt.number(round(years, 2))} year{'' if years == 1 else 's'}"


def breakdown_table(result: Estimate, currency: str, caption: str) -> Markup:
    """The cost per study year and in total, one column per part of the cost (tuition and the parts not zero)."""
    parts = [(key, heading) for key, heading in PARTS if key == "tuition" or result.totals[key]]
    rows = [[f"Year {row['year']}", *(money(row[key], currency) for key, _ in parts), money(row["total"], currency)]
            for row in result.by_study_year()]
    rows.append(["Total", *(money(result.totals[key], currency) for key, _ in parts), money(result.total, currency)])
    return table(caption, ["Study year", *(h for _, h in parts), "Total"], rows)


def describe_inputs(inputs: models.CostInputs) -> list[tuple[str, str]]:
    """The inputs of a scenario as (label, value) lines, in the calculator's words."""
    c = inputs.currency
    basis = "" if inputs.basis == "total" else f" {fmt.label(inputs.basis)}"
    length = (f"{fmt.number(inputs.credits)} credits, {fmt.number(inputs.credits_per_course)} per course"
              if inputs.length == "credits" else f"{years_text(inputs.years)} full-time")
    pace = ("Full-time" if inputs.pace == "full-time"
            else f"Part-time, {inputs.courses_per_term} course{'s' if inputs.courses_per_term != 1 else ''} a term")
    lines = [("Price", f"{fmt.money(inputs.price, c)}{basis}"), ("Length", length), ("Pace", pace),
             ("Terms a year", str(inputs.terms_per_year)),
             ("Yearly tuition increase", f"{fmt.number(inputs.increase)}%")]
    if inputs.basis == "per-credit" and inputs.length == "years":
        lines.insert(1, ("Credits", fmt.number(inputs.credits)))
    for key, name in (("fees_per_term", "Fees per term"), ("assistance", "Employer assistance per calendar year"),
                      ("living", "Living costs per year"), ("income", "Income given up per year")):
        if getattr(inputs, key):
            lines.append((name, fmt.money(getattr(inputs, key), c)))
    return lines


def worked_example(scenario: models.CostScenario) -> Markup:
    """One scenario: its inputs, its result in a sentence, and its breakdown by study year."""
    result = estimate(scenario.inputs)
    c = scenario.inputs.currency
    items = "".join(f"<dt>{text(k)}</dt><dd>{text(v)}</dd>" for k, v in describe_inputs(scenario.inputs))
    summary = (f"Total {money(result.total, c)} over {len(result.terms)} terms ({years_text(result.years)}): "
               f"{money(result.per_year, c)} per year, {money(result.per_term, c)} per term. "
               f"Amounts in {c}.")
    return Markup(
        f'<section class="kb-calc-example" id="example-{attr(scenario.id)}" aria-labelledby="example-{attr(scenario.id)}-h">'
        f'<h3 id="example-{attr(scenario.id)}-h">{text(scenario.title)}</h3>'
        f'<dl class="kb-facts">{items}</dl><p><strong>{text(summary)}</strong></p>'
        f"{breakdown_table(result, c, f'Cost by study year: {scenario.title}')}</section>"
    )


def worked_examples(scenarios: models.CostScenariosFile) -> Markup:
    """Every scenario of data/cost_scenarios.yml as a worked example (readable without JavaScript)."""
    return Markup("".join(worked_example(s) for s in scenarios.scenarios))


def _field(name: str, label: str, control: str, hint: str | Markup = "", hidden: bool = False) -> str:
    hint_id = f"kb-calc-{name}-hint"
    described = f' aria-describedby="{hint_id}"' if hint else ""
    control = control.replace("{described}", described)
    hint_html = f'<span class="kb-calc__hint" id="{hint_id}">{text(hint)}</span>' if hint else ""
    return (f'<div class="kb-calc__field" data-field="{name}"{" hidden" if hidden else ""}>'
            f'<label for="kb-calc-{name}">{text(label)}</label>{control}{hint_html}</div>')


def _number(name: str, label: str, step: str, hint: str | Markup = "", minimum: str = "0", maximum: str = "",
            hidden: bool = False) -> str:
    top = f' max="{maximum}"' if maximum else ""
    return _field(name, label, f'<input type="number" id="kb-calc-{name}" name="{name}" min="{minimum}"{top} '
                               f'step="{step}" inputmode="decimal"{{described}}>', hint, hidden)


def _select(name: str, label: str, options: list[tuple[str, str]], hint: str = "") -> str:
    choices = "".join(f'<option value="{attr(v)}">{text(t)}</option>' for v, t in options)
    return _field(name, label, f'<select id="kb-calc-{name}" name="{name}"{{described}}>{choices}</select>', hint)


def calculator_widget(data, page_url: str) -> Markup:
    """The live calculator's form and result area (shown by calculator.js), with its data as JSON."""
    config = calculator_config(data, page_url)
    figure = assistance_figure(data.figures)
    source = figure.sources[0]
    starts = [(key, s["label"]) for key, s in config["starts"].items()]
    starts += [(f"program:{slug}", p["label"]) for slug, p in config["programs"].items()]
    assistance_hint = Markup(
        f"Default for prices in US dollars: {text(fmt.money(figure.value))}, the most an employer can pay tax-free "
        f"each calendar year in the US ({link(source.url, source.publisher or 'source')}, {text(figure.period)}). "
        "Capped per calendar year and never more than that year's tuition.")
    fields = [
        _select("from", "Start from", starts, "A national average or a program with a stated price."),
        _select("basis", "The price is", [("per-credit", "per credit"), ("per-term", "per term (full-time)"),
                                          ("per-year", "per year (full-time)"), ("total", "for the whole degree")]),
        _number("price", "Price", "any", "In the currency shown above, as the school states it.", minimum="0.01"),
        _select("length", "Length given in", [(x, fmt.label(x)) for x in ("credits", "years")]),
        _number("credits", "Credits required", "any", minimum="0.5"),
        _number("per_course", "Credits per course", "any", minimum="0.5"),
        _number("years", "Years at a full-time pace", "any", minimum="0.25", maximum="10"),
        _select("pace", "Pace", [("full-time", f"Full-time ({FULL_LOAD} courses a term)"), ("part-time", "Part-time")]),
        _number("courses", "Courses per term", "1", "Part-time load.", minimum="1", maximum="6"),
        _select("terms", "Terms per year", [("2", "2 (semesters)"), ("3", "3 (quarters or trimesters)"),
                                             ("1", "1"), ("4", "4")]),
        _number("increase", "Yearly tuition increase (%)", "any", "Applied from the second study year.", maximum="25"),
        _number("fees", "Mandatory fees per term", "any"),
        _number("assist", "Employer tuition assistance per year", "any", assistance_hint),
        _number("living", "Living costs per year (optional)", "any"),
        _number("income", "Income given up per year (optional)", "any", "Salary you stop earning while you study."),
    ]
    labels = {"currency": "All amounts are in {currency}, the currency of the price. The calculator does not convert "
                          "currencies.",
              "status": "Estimated total: {total} over {terms} terms ({years}).",
              "invalid": "Enter a price above zero and a length to see an estimate.",
              "terms": "{terms} terms over {years}, {per_year} per year, {per_term} per term.",
              "caption": "Cost by study year", "year": "Year {year}", "total": "Total", "study_year": "Study year",
              "chart": "Where the money goes", "program_page": "Program page", "year_one": "year",
              "years_many": "years", "subtracted": "subtracted"}
    return Markup(
        f'<p class="kb-calc__nojs">The live calculator needs JavaScript. Without it, the worked examples below show '
        f"the same arithmetic.</p>"
        f'<div class="kb-calc" id="kb-calc" hidden data-labels="{attr(json.dumps(labels))}" '
        f'data-config="{attr(json.dumps(config, separators=(",", ":")))}">'
        f'<form class="kb-calc__form" aria-label="Cost calculator" novalidate>{"".join(fields)}</form>'
        f'<p class="kb-calc__currency" data-role="currency"></p>'
        f'<p class="kb-calc__price" data-role="program"></p>'
        f'<p class="kb-calc__status" role="status" aria-live="polite" data-role="status"></p>'
        f'<div class="kb-calc__result" data-role="result">'
        f'<dl class="kb-calc__totals"><div><dt>Total</dt><dd data-out="total"></dd></div>'
        f'<div><dt>Per year</dt><dd data-out="per_year"></dd></div>'
        f'<div><dt>Per term</dt><dd data-out="per_term"></dd></div></dl>'
        f'<p data-role="terms"></p><div data-role="chart"></div><div data-role="table"></div></div></div>'
    )


def calculator_link(slug: str, program: models.Program, page_url: str) -> str:
    """A link from a page to the calculator, starting from the program when it states a price."""
    url = relative(CALCULATOR_PAGE, page_url)
    return f"{url}?from=program:{slug}" if reference_price(program) else url
