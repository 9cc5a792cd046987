"""The cost calculator: its arithmetic, its starting points and the worked examples on its page.

The same arithmetic runs in the browser (``docs/assets/javascripts/calculator.js``), and the
scenarios in ``data/cost_scenarios.yml`` check both to the cent. Change a rule here and there
together, in the same order of operations, and add a scenario that shows it.

The rules
---------

Every amount is in the currency of the price; nothing is converted. Amounts are worked out in
cents and rounded with :func:`round_cents` (half up), the same way in Python and JavaScript.

Length. The degree is measured in *courses*:

* given in credits: ``courses = credits / credits_per_course``;
* given in years (at a full-time pace): ``courses = years * terms_per_year * FULL_LOAD``.

Pace. Full-time means ``FULL_LOAD`` (3) courses a term; part-time means ``courses_per_term``.
``terms = ceil(courses / load)``; the last term holds what is left. After term ``t`` the student
has done ``done(t) = min(load * t, courses)`` courses. ``years of study = terms / terms_per_year``.

Years. Term ``t`` (from 1) falls in study year ``a = floor((t - 1) / terms_per_year) + 1``. The
first term of each study year falls in the calendar year that study year starts in and its other
terms in the next calendar year (a fall start: fall in one calendar year, spring in the next), so
calendar year ``c = a - 1 + (0 if t is the first term of its study year else 1)``: three study
years span four calendar years. Summer terms are not modelled apart: count them in
``terms_per_year`` if you take them.

Tuition. The whole degree at today's price, in cents:

* per credit: ``price * 100 * credits``;
* per term (a full-time term's price): ``price * 100 * courses / FULL_LOAD``;
* per year (a full-time year's price): ``price * 100 * courses / (FULL_LOAD * terms_per_year)``;
* total: ``price * 100``.

So a per-term or per-year price is charged in proportion to the load: part-time spreads the same
tuition over more terms. Term ``t`` is charged its share,
``round(whole * done(t) / courses) - round(whole * done(t - 1) / courses)``, times the increase
factor of its study year: ``(1 + increase / 100)`` multiplied ``a - 1`` times (none in the first
year), rounded to the cent. A total price is a fixed quote: the increase does not apply to it.

Fees. ``fees_per_term`` is charged in full for every term enrolled, whatever the load, without
the increase.

Assistance. Employer assistance is at most ``assistance`` in each calendar year and never more
than the tuition charged in that calendar year: each term takes
``min(what is left for its calendar year, the term's tuition)``, in term order.

Living costs and income given up are yearly amounts spread evenly over the terms of a year:
term ``t`` gets ``round(yearly * 100 * t / terms_per_year) - round(yearly * 100 * (t - 1) / terms_per_year)``.

Results. ``total = tuition + fees - assistance + living + income``;
``per_year = round(total * terms_per_year / terms)``; ``per_term = round(total / terms)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby


from . import formatting as fmt
from . import models
from .derived import is_old_price, reference_price, typical_years

#: Courses a term at a full-time pace.
FULL_LOAD = 3
#: Slack for floating-point error when counting terms (30 / 9 * 3 must stay 10 courses).
EPSILON = 1e-9
#: Usual credits per course for each credit unit, for a program's starting point (the reader can change it).
CREDITS_PER_COURSE = {"us-credit-hours": 3, "quarter-credits": 4, "units": 3, "ects": 7.5, "uk-credits": 15,
                      "courses": 1}
#: The figure in data/figures.yml whose value is the default employer assistance (US dollars only).
ASSISTANCE_FIGURE = "irs-educational-assistance-exclusion"
#: Parts of the cost, in the order the breakdown shows them: (key, heading).
PARTS = (("tuition", "Tuition"), ("fees", "Fees"), ("assistance", "Employer assistance"),
         ("living", "Living costs"), ("income", "Income given up"))
#: The site path of the calculator page.
CALCULATOR_PAGE = "costs/calculator/"


def round_cents(value: float) -> int:
    """Round an amount in cents to a whole cent, half up: the rounding calculator.js uses (``Math.floor(x + 0.5)``)."""
    return math.floor(value + 0.5)


@dataclass(frozen=True)
class Term:
    """One term of study, its amounts in cents."""

    number: int
    study_year: int
    calendar_year: int
    tuition: int
    fees: int
    assistance: int
    living: int
    income: int

    @property
    def total(self) -> int:
        return self.tuition + self.fees - self.assistance + self.living + self.income


@dataclass(frozen=True)
class Estimate:
    """The calculator's answer, in cents, with every term."""

    terms: list[Term]
    terms_per_year: int
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.totals["total"]

    @property
    def years(self) -> float:
        """Years of study: terms / terms per year."""
        return len(self.terms) / self.terms_per_year

    @property
    def per_year(self) -> int:
        return round_cents(self.total * self.terms_per_year / len(self.terms))

    @property
    def per_term(self) -> int:
        return round_cents(self.total / len(self.terms))

    def by_study_year(self) -> list[dict[str, int]]:
        """The parts summed per study year: [{"year": 1, "tuition": ..., "total": ...}, ...]."""
        rows = []
        for year, terms in groupby(self.terms, key=lambda t: t.study_year):
            terms = list(terms)
            row = {"year": year, "terms": len(terms)}
            row.update({key: sum(getattr(t, key) for t in terms) for key, _ in PARTS})
            row["total"] = sum(t.total for t in terms)
            rows.append(row)
        return rows

    def results(self) -> dict[str, float | int]:
        """The results in currency units, shaped like a scenario's ``expected``."""
        return {"terms": len(self.terms), **{key: self.totals[key] / 100 for key, _ in PARTS},
                "total": self.total / 100, "per_year": self.per_year / 100, "per_term": self.per_term / 100}


def course_count(inputs: models.CostInputs) -> float:
    """The degree in courses: credits / credits per course, or full-time years * terms a year * FULL_LOAD."""
    if inputs.length == "credits":
        return inputs.credits / inputs.credits_per_course
    return inputs.years * inputs.terms_per_year * FULL_LOAD


def load(inputs: models.CostInputs) -> int:
    """Courses a term: FULL_LOAD at a full-time pace, else the courses per term entered."""
    return FULL_LOAD if inputs.pace == "full-time" else inputs.courses_per_term


def whole_tuition(inputs: models.CostInputs, courses: float) -> float:
    """Tuition for the whole degree at today's price, in cents (before rounding)."""
    if inputs.basis == "per-credit":
        return inputs.price * 100 * inputs.credits
    if inputs.basis == "per-term":
        return inputs.price * 100 * courses / FULL_LOAD
    if inputs.basis == "per-year":
        return inputs.price * 100 * courses / (FULL_LOAD * inputs.terms_per_year)
    return inputs.price * 100


def _spread(yearly: float, term: int, per_year: int) -> int:
    """A yearly amount's share for one term, in cents, so that every year sums to the amount."""
    return round_cents(yearly * 100 * term / per_year) - round_cents(yearly * 100 * (term - 1) / per_year)


def estimate(inputs: models.CostInputs) -> Estimate:
    """The cost of a degree, term by term, by the rules in this module's docstring."""
    courses = course_count(inputs)
    per_term_load = load(inputs)
    count = max(1, math.ceil(courses / per_term_load - EPSILON))
    per_year = inputs.terms_per_year
    whole = whole_tuition(inputs, courses)
    growth = 1 + inputs.increase / 100
    cap = round_cents(inputs.assistance * 100)
    fees = round_cents(inputs.fees_per_term * 100)
    left: dict[int, int] = {}
    terms = []
    for number in range(1, count + 1):
        study_year = (number - 1) // per_year + 1
        calendar_year = study_year - 1 + (0 if (number - 1) % per_year == 0 else 1)
        done = min(per_term_load * number, courses)
        before = min(per_term_load * (number - 1), courses)
        base = round_cents(whole * done / courses) - round_cents(whole * before / courses)
        factor = 1.0
        if inputs.basis != "total":
            for _ in range(study_year - 1):
                factor = factor * growth
        tuition = round_cents(base * factor)
        help_left = left.setdefault(calendar_year, cap)
        assistance = min(help_left, tuition)
        left[calendar_year] = help_left - assistance
        terms.append(Term(number, study_year, calendar_year, tuition, fees, assistance,
                          _spread(inputs.living, number, per_year), _spread(inputs.income, number, per_year)))
    totals = {key: sum(getattr(t, key) for t in terms) for key, _ in PARTS}
    totals["total"] = sum(t.total for t in terms)
    return Estimate(terms, per_year, totals)


# --- Starting points ----------------------------------------------------------------------------


def assistance_figure(figures: models.FiguresFile) -> models.Figure:
    """The US tax-free limit for employer educational assistance, from data/figures.yml."""
    return next(f for f in figures.figures if f.id == ASSISTANCE_FIGURE)


def default_assistance(currency: str, figures: models.FiguresFile) -> float:
    """The default employer assistance: the US tax-free limit for US-dollar prices, else nothing (no conversion)."""
    return assistance_figure(figures).value if currency == "USD" else 0


AVERAGES = (("average", "all_institutions", "all institutions"), ("average-public", "public", "public institutions"),
            ("average-private", "private", "private institutions"))


def average_starts(costs: models.CostsFile, figures: models.FiguresFile) -> dict[str, dict]:
    """Starting points from the latest NCES row: two years full-time at the average yearly price."""
    row = costs.nces_graduate_tuition[-1]
    return {key: {"label": f"US average, {name} ({row.academic_year}, NCES): {fmt.money(getattr(row, column))} per year",
                  "currency": "USD", "basis": "per-year", "price": getattr(row, column), "length": "years",
                  "years": 2, "credits": 30, "per_course": 3, "pace": "full-time",
                  "assist": default_assistance("USD", figures)}
            for key, column, name in AVERAGES}


def program_start(program: models.Program, figures: models.FiguresFile) -> dict | None:
    """A program's starting point from its reference price, credits and length; None without a price."""
    price = reference_price(program)
    if price is None:
        return None
    per_course = CREDITS_PER_COURSE.get(program.credits.unit, 3) if program.credits else 3
    credits = program.credits.amount if program.credits else None
    years = typical_years(program)
    if price.basis == "per-credit" and credits:
        length = "credits"
    elif years:
        length = "years"
    elif credits:
        length = "credits"
    else:
        length, years = "years", 1
    pace = "part-time" if program.pace == ["part-time"] else "full-time"
    return {"label": f"{program.university}: {program.title}",
            "price_text": fmt.price(price, is_old_price(price.academic_year)),
            "currency": price.currency, "basis": price.basis, "price": price.amount, "length": length,
            "years": years or 2, "credits": credits or 30, "per_course": per_course, "pace": pace,
            "assist": default_assistance(price.currency, figures)}
