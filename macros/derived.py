"""Facts the guide works out from the data: estimated totals, ranges, cost tables, staleness.

One owner for each rule: program pages, the directory, compare, the exports and ``make check``
all ask this module, so a rule changes in one place.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date

from . import models

#: A program not verified for this many months is flagged on its page and by ``make check``.
STALE_AFTER_MONTHS = 18

#: A price for an academic year that began more than this many years before the current one is old.
OLD_PRICE_AFTER_YEARS = 2

#: The month an academic year starts in, for working out the current one (August: northern-hemisphere schools).
ACADEMIC_YEAR_STARTS = 8

#: Program lengths for the total-cost estimate: (label, years of full-time tuition).
PROGRAM_LENGTHS: tuple[tuple[str, float], ...] = (
    ("1 year full-time", 1.0),
    ("1.5 years full-time", 1.5),
    ("2 years full-time", 2.0),
    ("3 years full-time", 3.0),
    ("3 years part-time (half load)", 1.5),
)


def stale_before(today: date | None = None) -> date:
    """Programs last verified before this date are stale (``STALE_AFTER_MONTHS`` calendar months ago, UTC)."""
    today = today or models.utc_today()
    year, month_index = divmod(today.year * 12 + today.month - 1 - STALE_AFTER_MONTHS, 12)
    return date(year, month_index + 1, min(today.day, calendar.monthrange(year, month_index + 1)[1]))


def is_stale(program: models.Program, today: date | None = None) -> bool:
    """True when a program's facts were last verified more than ``STALE_AFTER_MONTHS`` months ago."""
    return program.last_verified < stale_before(today)


def stale_programs(programs: Mapping[str, models.Program], today: date | None = None) -> list[str]:
    """Slugs of the programs whose facts are stale."""
    cutoff = stale_before(today)
    return [slug for slug, program in programs.items() if program.last_verified < cutoff]


#: Whose price the directory compares when a program states several: the price for students without a
#: residency advantage comes first, so an in-state or home rate never ranks a program as cheap.
PRICE_GROUPS = (None, "all", "international", "non-eu", "out-of-state", "home", "eu", "in-state")


def reference_price(program: models.Program) -> models.Tuition | None:
    """The price the directory and compare use: the newest academic year, then the group in ``PRICE_GROUPS``
    order, then a total the school states over one that needs arithmetic."""
    if not program.tuition:
        return None
    return max(program.tuition, key=lambda t: (first_year(t.academic_year), -PRICE_GROUPS.index(t.student_group),
                                               t.basis == "total"))


def typical_years(program: models.Program) -> float | None:
    """The program's typical length in years (its shortest stated length), to two decimals: 16 months is 1.33.

    The one rule for "years" wherever a price per year becomes a total: compare's estimated total and the
    cost calculator's starting point both use it, so the two never disagree.
    """
    return round(program.duration.min_months / 12, 2) if program.duration else None


def total_of(price: models.Tuition, program: models.Program) -> float | None:
    """Total tuition from one stated price when the price allows it, else None.

    A total is stated directly, or derived from a per-credit price and the credits required, or
    from a yearly price and the typical length (:func:`typical_years`). Per-term prices are left
    alone: term counts vary.
    """
    if price.basis == "total":
        return price.amount
    if price.basis == "per-credit" and program.credits and program.credits.unit != "courses":
        return price.amount * program.credits.amount
    if price.basis == "per-year" and (years := typical_years(program)):
        return price.amount * years
    return None


def estimated_total(program: models.Program) -> float | None:
    """Total tuition in the program's currency from its reference price, when the price allows it."""
    price = reference_price(program)
    return None if price is None else total_of(price, program)


def tuition_range(programs: Mapping[str, models.Program], currency: str = "USD",
                  today: date | None = None) -> tuple[float, float, int] | None:
    """Lowest and highest estimated total tuition in one currency from current prices, and how many programs it covers.

    Old prices (see :func:`is_old_price`) are left out: they would make the range look cheaper than it is.
    """
    totals = [t for p in programs.values() if (price := reference_price(p)) and price.currency == currency
              and not is_old_price(price.academic_year, today) and (t := total_of(price, p)) is not None]
    return (min(totals), max(totals), len(totals)) if totals else None


def deadlines_ahead(program: models.Program, today: date | None = None) -> list[models.Deadline]:
    """The deadlines that have not passed, soonest first."""
    return sorted((d for d in program.deadlines or [] if not is_past(d.date, today)), key=lambda d: d.date)


def last_known_deadlines(program: models.Program, today: date | None = None) -> list[models.Deadline]:
    """When every deadline has passed: those of the latest entry term stated (shown as "last known")."""
    if not program.deadlines or deadlines_ahead(program, today):
        return []
    latest = max(d.date for d in program.deadlines)
    term = next(d.term for d in program.deadlines if d.date == latest)
    return sorted((d for d in program.deadlines if d.term == term), key=lambda d: d.date)


def credit_ranges(programs: Iterable[models.Program]) -> list[tuple[models.CreditRange, int]]:
    """The credits programs require, one range per unit, most common unit first: (range, programs)."""
    by_unit: dict[str, list[float]] = {}
    for program in programs:
        if program.credits:
            by_unit.setdefault(program.credits.unit, []).append(program.credits.amount)
    ranges = [(models.CreditRange(min=min(v), max=max(v) if max(v) != min(v) else None, unit=unit), len(v))
              for unit, v in by_unit.items()]
    return sorted(ranges, key=lambda item: -item[1])


def length_range(programs: Iterable[models.Program]) -> tuple[models.MonthRange | None, int]:
    """The shortest and longest typical length of programs that state one, and how many do."""
    lengths = [p.duration for p in programs if p.duration]
    if not lengths:
        return None, 0
    low = min(d.min_months for d in lengths)
    high = max(d.max_months or d.min_months for d in lengths)
    return models.MonthRange(min_months=low, max_months=high if high != low else None), len(lengths)


def total_costs(row: models.TuitionYear) -> list[tuple[str, float, float, float]]:
    """Tuition totals for each program length from one NCES year, to the dollar: (label, all, public, private)."""
    return [(name, round(row.all_institutions * years), round(row.public * years), round(row.private * years))
            for name, years in PROGRAM_LENGTHS]


def current_academic_year(today: date | None = None) -> int:
    """The first calendar year of the academic year under way (2026 for 2026-27), UTC."""
    today = today or models.utc_today()
    return today.year if today.month >= ACADEMIC_YEAR_STARTS else today.year - 1


def first_year(academic_year: str) -> int:
    """The calendar year an academic year starts in: '2024-25' -> 2024, '2025' -> 2025."""
    return int(academic_year[:4])


def is_old_price(academic_year: str, today: date | None = None) -> bool:
    """True when a price is for an academic year more than ``OLD_PRICE_AFTER_YEARS`` before the current one."""
    return first_year(academic_year) < current_academic_year(today) - OLD_PRICE_AFTER_YEARS


def is_past(day: date, today: date | None = None) -> bool:
    """True when a date (a deadline) has passed, in UTC."""
    return day < (today or models.utc_today())
