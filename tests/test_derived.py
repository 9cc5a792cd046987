"""Facts worked out from the data (macros.derived): estimated totals, ranges, NCES totals, staleness."""

from __future__ import annotations

from datetime import date

import pytest

from macros import derived, models

SOURCE = models.Source(url="https://www.example.edu/", title="Example", accessed=date(2026, 1, 1), kind="official")
CREDITS = models.Credits(amount=30, unit="us-credit-hours")
PER_CREDIT = models.Tuition(amount=1000, currency="USD", basis="per-credit", academic_year="2025-26")


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

    assert derived.estimated_total(with_changes(base, tuition=PER_CREDIT, credits=CREDITS)) == 30000
    per_year = PER_CREDIT.model_copy(update={"basis": "per-year"})
    assert derived.estimated_total(with_changes(base, tuition=per_year, duration=models.MonthRange(min_months=18))) == 1500
    per_term = PER_CREDIT.model_copy(update={"basis": "per-term"})
    assert derived.estimated_total(with_changes(base, tuition=per_term)) is None
    courses = models.Credits(amount=10, unit="courses")
    assert derived.estimated_total(with_changes(base, tuition=PER_CREDIT, credits=courses)) is None


def test_estimated_total_of_a_stated_total_and_of_nothing():
    assert derived.estimated_total(program(tuition=PER_CREDIT.model_copy(update={"basis": "total"}))) == 1000
    assert derived.estimated_total(program()) is None
    assert derived.estimated_total(program(tuition=PER_CREDIT)) is None  # per credit, credits unknown
    assert derived.estimated_total(program(tuition=PER_CREDIT.model_copy(update={"basis": "per-year"}))) is None


def test_tuition_range_covers_one_currency_only():
    gbp = models.Tuition(amount=5, currency="GBP", basis="total", academic_year="2025-26")
    programs = {
        "a": program(tuition=PER_CREDIT, credits=CREDITS),  # 30,000
        "b": program(tuition=PER_CREDIT.model_copy(update={"basis": "total", "amount": 12000.5})),
        "c": program(tuition=gbp),
        "d": program(),
    }
    assert derived.tuition_range(programs) == (12000.5, 30000, 2)
    assert derived.tuition_range(programs, "GBP") == (5, 5, 1)
    assert derived.tuition_range(programs, "EUR") is None


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
