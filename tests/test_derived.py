"""Facts worked out from the data (macros.derived): reference prices, estimated totals, ranges, NCES totals,
staleness, old prices and passed deadlines."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest

from macros import derived, models

SOURCE = models.Source(url="https://www.example.edu/", title="Example", accessed=date(2026, 1, 1), kind="official")
CREDITS = models.Credits(amount=30, unit="us-credit-hours")
PER_CREDIT = models.Tuition(amount=1000, currency="USD", basis="per-credit", academic_year="2025-26")
TODAY = date(2026, 12, 2)  # academic year 2026-27: prices from 2024-25 on are current, 2023-24 and before are old


def program(**changes) -> models.Program:
    values = dict(university="U", title="T", degree_type="ms-ml", country="US", official_url="https://u.edu/ms",
                  sources=[models.ProgramSource(**SOURCE.model_dump(), supports=["title"])],
                  last_verified=date(2025, 1, 31))
    values.update(changes)
    return models.Program.model_validate(values)


def test_estimated_total_follows_the_stated_basis(dataset):
    base = next(iter(dataset.programs.values()))

    def with_changes(p, **changes):
        return p.model_copy(update=changes)

    assert derived.estimated_total(with_changes(base, tuition=[PER_CREDIT], credits=CREDITS)) == 30000
    per_year = PER_CREDIT.model_copy(update={"basis": "per-year"})
    assert derived.estimated_total(with_changes(base, tuition=[per_year], duration=models.MonthRange(min_months=18))) == 1500
    per_term = PER_CREDIT.model_copy(update={"basis": "per-term"})
    assert derived.estimated_total(with_changes(base, tuition=[per_term])) is None
    courses = models.Credits(amount=10, unit="courses")
    assert derived.estimated_total(with_changes(base, tuition=[PER_CREDIT], credits=courses)) is None


def test_estimated_total_of_a_stated_total_and_of_nothing():
    assert derived.estimated_total(program(tuition=[PER_CREDIT.model_copy(update={"basis": "total"})])) == 1000
    assert derived.estimated_total(program()) is None
    assert derived.estimated_total(program(tuition=[PER_CREDIT])) is None  # per credit, credits unknown
    assert derived.estimated_total(program(tuition=[PER_CREDIT.model_copy(update={"basis": "per-year"})])) is None


def test_tuition_range_covers_one_currency_only():
    gbp = models.Tuition(amount=5, currency="GBP", basis="total", academic_year="2025-26")
    programs = {
        "a": program(tuition=[PER_CREDIT], credits=CREDITS),  # 30,000
        "b": program(tuition=[PER_CREDIT.model_copy(update={"basis": "total", "amount": 12000.5})]),
        "c": program(tuition=[gbp]),
        "d": program(),
    }
    assert derived.tuition_range(programs, today=TODAY) == (12000.5, 30000, 2)
    assert derived.tuition_range(programs, "GBP", today=TODAY) == (5, 5, 1)
    assert derived.tuition_range(programs, "EUR", today=TODAY) is None


def test_total_costs_multiply_the_latest_nces_year():
    row = models.TuitionYear(academic_year="2021-22", all_institutions=20000, public=10000, private=30000,
                             sources=[SOURCE])
    totals = dict((name, (a, pu, pr)) for name, a, pu, pr in derived.total_costs(row))
    assert totals["2 years full-time"] == (40000, 20000, 60000)
    assert totals["3 years part-time (half load)"] == (30000, 15000, 45000)


def test_total_costs_round_to_the_dollar():
    row = models.TuitionYear(academic_year="2021-22", all_institutions=20001.5, public=1.25, private=3, sources=[SOURCE])
    assert derived.total_costs(row)[1] == ("1.5 years full-time", 30002, 2, 4)
    assert [name for name, *_ in derived.total_costs(row)] == [name for name, _ in derived.PROGRAM_LENGTHS]


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (date(2026, 11, 25), date(2025, 5, 25)),
        (date(2026, 6, 15), date(2024, 12, 15)),  # back across a year
        (date(2026, 8, 31), date(2025, 2, 28)),  # no 31 February: the month's last day
        (date(2025, 8, 31), date(2024, 2, 29)),  # leap year
        (date(2026, 1, 1), date(2024, 7, 1)),
        (date(2026, 12, 31), date(2025, 6, 30)),
    ],
)
def test_stale_before_counts_calendar_months(today, cutoff):
    assert derived.stale_before(today) == cutoff


def test_stale_before_defaults_to_the_utc_date(monkeypatch):
    monkeypatch.setattr(models, "utc_today", lambda: date(2026, 8, 31))
    assert derived.stale_before() == date(2025, 2, 28)


def test_is_stale_is_strictly_before_the_cutoff():
    p = program(last_verified=date(2025, 2, 28))
    assert not derived.is_stale(p, date(2026, 8, 31))
    assert derived.is_stale(p, date(2026, 9, 1))
    assert derived.stale_programs({"p": p, "q": program(last_verified=date(2026, 8, 1))}, date(2026, 9, 1)) == ["p"]


# --- The price the directory compares -------------------------------------------------------


def price(amount: float, year: str = "2025-26", group: str | None = None, **changes) -> models.Tuition:
    return models.Tuition(amount=amount, currency="USD", basis="total", academic_year=year, student_group=group,
                          **changes)


def test_every_student_group_has_a_place_in_the_price_order():
    assert set(derived.PRICE_GROUPS) == {None, *get_args(models.StudentGroup)}
    assert len(derived.PRICE_GROUPS) == len(set(derived.PRICE_GROUPS))


@pytest.mark.parametrize("advantaged", ["in-state", "home", "eu"])
@pytest.mark.parametrize("general", ["international", "out-of-state", "non-eu", "all"])
def test_a_residency_rate_never_wins_over_the_general_price_of_the_same_year(advantaged, general):
    cheap, full = price(20000, group=advantaged), price(50000, group=general)
    for order in ([cheap, full], [full, cheap]):
        assert derived.reference_price(program(tuition=order)) == full


def test_the_reference_price_follows_the_group_order_within_a_year():
    groups = [g for g in derived.PRICE_GROUPS if g is not None]
    prices = [price(1000 + i, group=g) for i, g in enumerate(groups)]
    for i in range(len(prices)):
        remaining = prices[i:]
        assert derived.reference_price(program(tuition=list(reversed(remaining)))).student_group == groups[i]
    # A price without a group is the school's one price: it comes first.
    assert derived.reference_price(program(tuition=[price(1, group="international"), price(2)])).amount == 2


def test_the_newest_academic_year_wins_before_the_group():
    older = price(50000, "2024-25", "international")
    newer = price(21000, "2025-26", "in-state")
    assert derived.reference_price(program(tuition=[older, newer])) == newer
    # A calendar year counts as the academic year it starts.
    assert derived.reference_price(program(tuition=[price(1, "2025"), price(2, "2024-25")])).amount == 1


def test_the_reference_price_of_no_price_is_none():
    assert derived.reference_price(program()) is None


def test_estimated_total_uses_the_reference_price():
    in_state = PER_CREDIT.model_copy(update={"amount": 500, "student_group": "in-state"})
    international = PER_CREDIT.model_copy(update={"student_group": "international"})
    assert derived.estimated_total(program(tuition=[in_state, international], credits=CREDITS)) == 30000
    # The reference price allows no total (per term): no total, even though another price would give one.
    per_term = PER_CREDIT.model_copy(update={"basis": "per-term", "academic_year": "2026-27"})
    assert derived.estimated_total(program(tuition=[PER_CREDIT, per_term], credits=CREDITS)) is None


def test_tuition_range_leaves_out_old_prices_and_uses_the_reference_price():
    programs = {
        "current": program(tuition=[price(40000, "2024-25")]),  # 2024-25 is not old on TODAY
        "old": program(tuition=[price(1000, "2023-24")]),
        "groups": program(tuition=[price(10000, group="in-state"), price(60000, group="out-of-state")]),
    }
    assert derived.tuition_range(programs, today=TODAY) == (40000, 60000, 2)
    assert derived.tuition_range({"old": programs["old"]}, today=TODAY) is None
    assert derived.tuition_range({"old": programs["old"]}, today=date(2026, 7, 31)) == (1000, 1000, 1)


# --- Old prices and the academic year -------------------------------------------------------


@pytest.mark.parametrize(("today", "year"), [
    (date(2026, 7, 31), 2025),
    (date(2026, 8, 1), 2026),
    (date(2026, 12, 31), 2026),
    (date(2027, 1, 1), 2026),
])
def test_the_academic_year_starts_in_august(today, year):
    assert derived.current_academic_year(today) == year


def test_the_current_academic_year_defaults_to_the_utc_date(monkeypatch):
    monkeypatch.setattr(models, "utc_today", lambda: date(2026, 8, 1))
    assert derived.current_academic_year() == 2026
    assert derived.is_old_price("2023-24")
    assert not derived.is_old_price("2024-25")


@pytest.mark.parametrize(("academic_year", "today", "old"), [
    ("2024-25", TODAY, False),  # two years before 2026-27: still current
    ("2023-24", TODAY, True),
    ("2024", TODAY, False),
    ("2023", TODAY, True),
    ("1999-2000", TODAY, True),
    ("2026-27", TODAY, False),
    ("2023-24", date(2026, 7, 31), False),  # before August the current academic year is 2025-26
    ("2022-23", date(2026, 7, 31), True),
    ("2023-24", date(2026, 8, 1), True),
])
def test_is_old_price_at_the_boundary(academic_year, today, old):
    assert derived.is_old_price(academic_year, today) is old


def test_first_year_of_an_academic_year():
    assert [derived.first_year(y) for y in ("2024-25", "1999-2000", "2025")] == [2024, 1999, 2025]


# --- Deadlines ------------------------------------------------------------------------------


def deadline(term: str, day: date, **changes) -> models.Deadline:
    return models.Deadline(term=term, date=day, **changes)


def test_is_past_is_strictly_before_today():
    assert derived.is_past(date(2026, 12, 1), TODAY)
    assert not derived.is_past(TODAY, TODAY)
    assert not derived.is_past(date(2027, 1, 15), TODAY)


def test_deadlines_ahead_are_the_ones_not_passed_soonest_first():
    late, today_, soon, past = (deadline("Fall 2027", date(2027, 3, 1)), deadline("Fall 2027", TODAY),
                                deadline("Fall 2027", date(2027, 1, 15), applies_to="international"),
                                deadline("Fall 2026", date(2026, 1, 15)))
    p = program(deadlines=[late, past, soon, today_])
    assert derived.deadlines_ahead(p, TODAY) == [today_, soon, late]
    assert derived.last_known_deadlines(p, TODAY) == []  # some lie ahead: nothing is "last known"
    assert derived.deadlines_ahead(program(), TODAY) == []


def test_when_every_deadline_has_passed_the_latest_term_is_last_known():
    older = deadline("Fall 2025", date(2025, 3, 1))
    priority = deadline("Fall 2026", date(2025, 12, 15), round="priority")
    final = deadline("Fall 2026", date(2026, 3, 1))
    p = program(deadlines=[final, older, priority])
    assert derived.deadlines_ahead(p, TODAY) == []
    assert derived.last_known_deadlines(p, TODAY) == [priority, final]
    assert derived.last_known_deadlines(program(), TODAY) == []
