"""How complete and how current the directory is: missing facts, old facts, archived copies, per field.

The help-wanted page and ``make check --coverage`` both read this module, so a contributor sees
the same list in the browser and in the terminal. Only facts a source states count as known.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from . import models
from .derived import OLD_PRICE_AFTER_YEARS, deadlines_ahead, is_old_price, is_stale


@dataclass(frozen=True)
class Tracked:
    """A program fact whose coverage the directory tracks, with the share of programs it aims for."""

    field: str
    label: str
    target: float | None  # share of the programs it applies to; None: tracked, no target
    applies: Callable[[models.Program], bool] = lambda p: True

    def known(self, program: models.Program) -> bool:
        """True when a source states this fact for the program."""
        if self.field in ("gre", "english_tests", "prerequisites", "application_fee"):
            return bool(program.admissions and getattr(program.admissions, self.field))
        return getattr(program, self.field) is not None


def _in_us(program: models.Program) -> bool:
    return program.country == "US"


TRACKED: tuple[Tracked, ...] = (
    Tracked("credits", "Credits", 0.85),
    Tracked("duration", "Typical length", 0.85),
    Tracked("delivery", "Delivery", 0.85),
    Tracked("final_projects", "Final project", 0.80),
    Tracked("start_terms", "Start terms", 0.70),
    Tracked("tuition", "Tuition (any year)", 0.50),
    Tracked("gre", "GRE policy (US programs)", 0.50, _in_us),
    Tracked("deadlines", "An application deadline (any cycle)", 0.50),
    Tracked("pace", "Pace", None),
    Tracked("languages", "Language of instruction", None),
    Tracked("english_tests", "English test minimums", None),
    Tracked("prerequisites", "Prerequisites", None),
    Tracked("application_fee", "Application fee", None),
    Tracked("funding", "Funding", None),
    Tracked("city", "City", None),
)


@dataclass(frozen=True)
class FieldCoverage:
    """How many of the programs a tracked fact applies to state it."""

    tracked: Tracked
    known: int
    of: int

    @property
    def share(self) -> float:
        """The share of programs with the fact (1.0 when it applies to none)."""
        return self.known / self.of if self.of else 1.0

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when the fact has no target."""
        return None if self.tracked.target is None else self.share >= self.tracked.target


def field_coverage(programs: Mapping[str, models.Program]) -> list[FieldCoverage]:
    """Coverage of every tracked fact across the directory."""
    result = []
    for tracked in TRACKED:
        applicable = [p for p in programs.values() if tracked.applies(p)]
        result.append(FieldCoverage(tracked, sum(tracked.known(p) for p in applicable), len(applicable)))
    return result


@dataclass(frozen=True)
class Gaps:
    """What one program's entry lacks or holds that is old."""

    missing: tuple[str, ...]  # labels of tracked facts no source states
    old: tuple[str, ...]  # sentences: old prices, passed deadlines, an old check
    archived: tuple[str, ...]  # official addresses known only from an archived copy

    def __bool__(self) -> bool:
        return bool(self.missing or self.old or self.archived)


def gaps(program: models.Program, today: date | None = None) -> Gaps:
    """The missing facts, old facts and archived copies of one program."""
    missing = tuple(t.label for t in TRACKED if t.applies(program) and not t.known(program))
    old = []
    prices = program.tuition or []
    if prices and all(is_old_price(t.academic_year, today) for t in prices):
        old.append(f"the newest price is for {max(t.academic_year for t in prices)}")
    if program.deadlines and not deadlines_ahead(program, today):
        old.append(f"every deadline has passed (latest for {max(program.deadlines, key=lambda d: d.date).term})")
    if is_stale(program, today):
        old.append(f"facts last checked on {program.last_verified.isoformat()}")
    archived = tuple(dict.fromkeys(s.url for s in program.sources if s.archived_url))
    return Gaps(missing, tuple(old), archived)


#: The kinds of old fact :func:`gaps` reports, by the words its sentences start with.
OLD_KINDS = {
    "the newest price": f"show only an old price (for an academic year more than {OLD_PRICE_AFTER_YEARS} years ago)",
    "every deadline": "have only deadlines that have passed",
    "facts last checked": "have not been checked against their sources for a long time",
}


def freshness_summary(old_facts: list[tuple[str, ...]]) -> list[str]:
    """One line per kind of old fact with how many programs have it, from each program's ``gaps(...).old``."""
    counts = {start: sum(any(f.startswith(start) for f in found) for found in old_facts) for start in OLD_KINDS}
    return [f"{n} program{'s' if n != 1 else ''} {words if n != 1 else _singular(words)}"
            for (start, words), n in zip(OLD_KINDS.items(), counts.values())]


def _singular(words: str) -> str:
    """'show only ...' -> 'shows only ...', 'have ...' -> 'has ...' (the lines above start with their verb)."""
    verb, rest = words.split(" ", 1)
    return f"{'has' if verb == 'have' else verb + 's'} {rest.replace(' their ', ' its ')}"
