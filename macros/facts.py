"""The facts shown about a program, each with one stable key, one label and one display rule.

Program pages, the directory, compare and the scripts all take their headings and display
strings from here, so a fact reads the same everywhere and its key (used in data attributes,
the compare data and shareable URLs) never depends on the wording of a heading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import formatting as fmt
from . import models
from .dataset import Dataset
from .derived import estimated_total
from .html import host


@dataclass(frozen=True)
class Fact:
    """One thing the guide says about a program."""

    key: str  # stable id: data attributes, compare data and URLs use it
    label: str  # the heading readers see
    show: Callable[[models.Program, Dataset], str]  # the display text, "" when no source states it
    sourced_by: str | None = None  # the program field whose sources back it; None for derived facts


def _estimated_total(p: models.Program, _: Dataset) -> str:
    total = estimated_total(p)
    if total is None or p.tuition is None:
        return ""
    return f"About {fmt.money(round(total), p.tuition.currency)}"


FACTS: tuple[Fact, ...] = (
    Fact("university", "University", lambda p, d: p.university, "university"),
    Fact("degree-type", "Degree type", lambda p, d: d.degree_type(p.degree_type).title),
    Fact("country", "Country", lambda p, d: d.country_name(p.country)),
    Fact("city", "City", lambda p, d: p.city or "", "city"),
    Fact("delivery", "Delivery", lambda p, d: fmt.labels(p.delivery), "delivery"),
    Fact("pace", "Pace", lambda p, d: fmt.labels(p.pace), "pace"),
    Fact("credits", "Credits to graduate", lambda p, d: fmt.credits(p.credits), "credits"),
    Fact("typical-length", "Typical length", lambda p, d: fmt.months(p.duration), "duration"),
    Fact("final-project", "Final project", lambda p, d: fmt.labels(p.final_projects), "final_projects"),
    Fact("tuition-as-stated", "Tuition as stated", lambda p, d: fmt.tuition(p.tuition), "tuition"),
    Fact("estimated-total", "Estimated total tuition", _estimated_total),
    Fact("official-page", "Official page", lambda p, d: host(p.official_url)),
    Fact("last-verified", "Last verified", lambda p, d: p.last_verified.isoformat()),
)
BY_KEY = {fact.key: fact for fact in FACTS}

#: Facts in the "at a glance" list of a program page (the others are in its heading or sources).
PAGE_FACTS = ("delivery", "pace", "credits", "typical-length", "final-project", "tuition-as-stated")

#: Shown in place of a fact no source states.
NOT_STATED = "Not stated"

ESTIMATE_NOTE = "our arithmetic on the stated price; fees, living costs and price rises are not included"


def shown(program: models.Program, dataset: Dataset) -> dict[str, str]:
    """Every fact of a program as display text, by key ("" when not stated)."""
    return {fact.key: fact.show(program, dataset) for fact in FACTS}
