"""The facts shown about a program, each with one stable key, one label and one display rule.

Program pages, the directory, compare and the scripts all take their headings and display
strings from here, so a fact reads the same everywhere and its key (used in data attributes,
the compare data and shareable URLs) never depends on the wording of a heading. Whether a price
is old or a deadline has passed depends on the day, so every display rule takes ``today``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import formatting as fmt
from . import models
from .dataset import Dataset
from .derived import (deadlines_ahead, is_old_price, last_known_deadlines, reference_price, total_of)
from .html import host

Lines = Callable[[models.Program, Dataset, "date | None"], list[str]]


@dataclass(frozen=True)
class Fact:
    """One thing the guide says about a program."""

    key: str  # stable id: data attributes, compare data and URLs use it
    label: str  # the heading readers see
    lines: Lines  # the display text, one line per stated value; [] when no source states it
    sourced_by: tuple[str, ...] = ()  # the facts (``supports`` names) whose sources back it; () for derived facts

    def show(self, program: models.Program, dataset: Dataset, today: date | None = None) -> str:
        """The display text on one line ("" when not stated)."""
        return "; ".join(self.lines(program, dataset, today))


def _one(rule: Callable[[models.Program, Dataset], str]) -> Lines:
    return lambda p, d, today: [text] if (text := rule(p, d)) else []


def _prices(p: models.Program, d: Dataset, today: date | None) -> list[str]:
    return [fmt.price(t, old=is_old_price(t.academic_year, today)) for t in p.tuition or []]


def _fees(p: models.Program, d: Dataset, today: date | None) -> list[str]:
    return [fmt.price(f, old=is_old_price(f.academic_year, today)) for f in p.fees or []]


def estimated_total(p: models.Program, d: Dataset | None = None, today: date | None = None) -> list[str]:
    """'About $51,255 for international students (2025-26)': the total from the reference price."""
    price = reference_price(p)
    total = None if price is None else total_of(price, p)
    if total is None:
        return []
    group = f" for {fmt.label(price.student_group)}" if price.student_group else ""
    old = ", old price" if is_old_price(price.academic_year, today) else ""
    return [f"About {fmt.money(round(total), price.currency)}{group} ({price.academic_year}{old})"]


def _deadlines(p: models.Program, d: Dataset, today: date | None) -> list[str]:
    ahead = deadlines_ahead(p, today)
    if ahead:
        return [fmt.deadline(x) for x in ahead]
    return [fmt.deadline(x, past=True) for x in last_known_deadlines(p, today)]


def _admission(part: str, rule: Callable) -> Lines:
    return _one(lambda p, d: rule(getattr(p.admissions, part)) if p.admissions else "")


FACTS: tuple[Fact, ...] = (
    Fact("university", "University", _one(lambda p, d: p.university), ("university",)),
    Fact("degree-type", "Degree type", _one(lambda p, d: d.degree_type(p.degree_type).title)),
    Fact("country", "Country", _one(lambda p, d: d.country_name(p.country))),
    Fact("city", "City", _one(lambda p, d: p.city or ""), ("city",)),
    Fact("delivery", "Delivery", _one(lambda p, d: fmt.labels(p.delivery)), ("delivery",)),
    Fact("pace", "Pace", _one(lambda p, d: fmt.labels(p.pace)), ("pace",)),
    Fact("credits", "Credits to graduate", _one(lambda p, d: fmt.credits(p.credits)), ("credits",)),
    Fact("typical-length", "Typical length", _one(lambda p, d: fmt.months(p.duration)), ("duration",)),
    Fact("final-project", "Final project", _one(lambda p, d: fmt.labels(p.final_projects)), ("final_projects",)),
    Fact("languages", "Language of instruction", _one(lambda p, d: fmt.languages(p.languages)), ("languages",)),
    Fact("start-terms", "Start terms", _one(lambda p, d: fmt.labels(p.start_terms)), ("start_terms",)),
    Fact("tuition-as-stated", "Tuition as stated", _prices, ("tuition",)),
    Fact("estimated-total", "Estimated total tuition", estimated_total),
    Fact("fees", "Mandatory fees", _fees, ("fees",)),
    Fact("gre", "GRE", _admission("gre", fmt.gre), ("gre",)),
    Fact("english-tests", "English test minimums", _admission("english_tests", fmt.english_tests), ("english_tests",)),
    Fact("prerequisites", "Prerequisites", _admission("prerequisites", fmt.prerequisites), ("prerequisites",)),
    Fact("application-fee", "Application fee", _admission("application_fee", fmt.application_fee), ("application_fee",)),
    Fact("deadlines", "Application deadlines", _deadlines, ("deadlines",)),
    Fact("funding", "Funding", _one(lambda p, d: fmt.funding(p.funding)), ("funding",)),
    Fact("cip-code", "CIP code (US)", _one(lambda p, d: p.cip_code or ""), ("cip_code",)),
    Fact("outcomes-report", "Graduate outcomes report", _one(lambda p, d: fmt.outcomes_report(p.outcomes_report)),
         ("outcomes_report",)),
    Fact("official-page", "Official page", _one(lambda p, d: host(p.official_url))),
    Fact("last-verified", "Last verified", _one(lambda p, d: p.last_verified.isoformat())),
)
BY_KEY = {fact.key: fact for fact in FACTS}

#: The sections of a program page, as readers scan them: (heading, fact keys).
PAGE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("At a glance", ("delivery", "pace", "typical-length", "credits", "languages", "start-terms")),
    ("Cost", ("tuition-as-stated", "estimated-total", "fees", "funding")),
    ("Admissions", ("gre", "english-tests", "prerequisites", "application-fee")),
    ("Deadlines", ("deadlines",)),
    ("Curriculum and final project", ("final-project", "cip-code")),
    ("After graduating", ("outcomes-report",)),
)

#: Shown in place of a fact no source states.
NOT_STATED = "Not stated"

ESTIMATE_NOTE = "our arithmetic on the stated price; fees, living costs and price rises are not included"


def shown(program: models.Program, dataset: Dataset, today: date | None = None) -> dict[str, str]:
    """Every fact of a program as display text, by key ("" when not stated)."""
    return {fact.key: fact.show(program, dataset, today) for fact in FACTS}
