"""How complete and current the directory is (macros.coverage), on a small hand-made set of programs."""

from __future__ import annotations

from datetime import date

import pytest

from macros import coverage, models

TODAY = date(2026, 12, 2)  # academic year 2026-27: prices for 2023-24 and earlier are old; stale before 2025-06-02
ARCHIVE = "https://web.archive.org/web/2025/https://www.example.de/ms"


def program(country: str = "US", supports: tuple[str, ...] = ("title",), archived: str | None = None,
            **changes) -> models.Program:
    source = dict(url=f"https://www.example.{country.lower()}/ms", title="MS", accessed=date(2026, 1, 1),
                  kind="official", supports=list(supports), archived_url=archived)
    values = dict(university="U", title="T", degree_type="ms-ml", country=country,
                  official_url=f"https://www.example.{country.lower()}/ms", sources=[source],
                  last_verified=date(2026, 1, 1))
    return models.Program.model_validate({**values, **changes})


def price(year: str) -> dict:
    return {"amount": 40000, "currency": "USD", "basis": "total", "academic_year": year}


PROGRAMS = {
    "full-us": program(credits={"amount": 30, "unit": "us-credit-hours"}, duration={"min_months": 12},
                       delivery=["online"], tuition=[price("2025-26")], admissions={"gre": {"policy": "optional"}},
                       deadlines=[{"term": "Fall 2027", "date": "2027-01-15"}]),
    "old-us": program(credits={"amount": 36, "unit": "us-credit-hours"}, tuition=[price("2022-23")],
                      deadlines=[{"term": "Fall 2025", "date": "2025-01-15"},
                                 {"term": "Fall 2026", "date": "2026-01-15"}]),
    "archived-de": program("DE", archived=ARCHIVE, credits={"amount": 120, "unit": "ects"}, delivery=["on-campus"],
                           admissions={"english_tests": [{"test": "ielts-academic", "minimum": 6.5}]}),
    "stale-gb": program("GB", last_verified=date(2024, 1, 1)),
}


def by_field(programs=PROGRAMS) -> dict[str, coverage.FieldCoverage]:
    return {c.tracked.field: c for c in coverage.field_coverage(programs)}


def test_coverage_counts_the_programs_that_state_each_fact():
    found = by_field()
    counts = {field: (c.known, c.of) for field, c in found.items()}
    assert counts == {
        "credits": (3, 4), "duration": (1, 4), "delivery": (2, 4), "final_projects": (0, 4), "start_terms": (0, 4),
        "tuition": (2, 4), "gre": (1, 2), "deadlines": (2, 4), "pace": (0, 4), "languages": (0, 4),
        "english_tests": (1, 4), "prerequisites": (0, 4), "application_fee": (0, 4), "funding": (0, 4),
        "city": (0, 4),
    }
    assert [c.tracked.field for c in coverage.field_coverage(PROGRAMS)] == [t.field for t in coverage.TRACKED]


def test_the_gre_applies_to_us_programs_only():
    assert by_field()["gre"].of == 2
    assert by_field({"de": PROGRAMS["archived-de"]})["gre"].of == 0


def test_targets_are_met_at_or_above_their_share():
    found = by_field()
    assert found["tuition"].share == 0.5 and found["tuition"].met is True  # target 50%: exactly met
    assert found["gre"].share == 0.5 and found["gre"].met is True
    assert found["deadlines"].met is True
    assert found["credits"].share == 0.75 and found["credits"].met is False  # target 85%
    assert found["start_terms"].met is False
    assert found["city"].met is None  # tracked without a target


def test_a_fact_that_applies_to_no_program_counts_as_met():
    empty = by_field({})
    assert all(c.of == 0 and c.share == 1.0 for c in empty.values())
    assert all(c.met in (True, None) for c in empty.values())


def test_targets_are_shares_between_zero_and_one():
    assert all(t.target is None or 0 < t.target <= 1 for t in coverage.TRACKED)
    assert len({t.field for t in coverage.TRACKED}) == len(coverage.TRACKED)
    assert all(t.field in models.Program.model_fields or models.fact_path(t.field)[0] == "admissions"
               for t in coverage.TRACKED)


def test_gaps_list_missing_facts_in_tracked_order():
    found = coverage.gaps(PROGRAMS["full-us"], TODAY)
    assert found.missing == ("Final project", "Start terms", "Pace", "Language of instruction",
                             "English test minimums", "Prerequisites", "Application fee", "Funding", "City")
    assert found.old == () and found.archived == ()
    assert found  # something is missing


def test_gaps_name_an_old_price_and_passed_deadlines():
    found = coverage.gaps(PROGRAMS["old-us"], TODAY)
    assert found.old == ("the newest price is for 2022-23", "every deadline has passed (latest for Fall 2026)")
    assert "GRE policy (US programs)" in found.missing
    assert "Tuition (any year)" not in found.missing and "An application deadline (any cycle)" not in found.missing


def test_a_current_price_next_to_an_old_one_is_not_old():
    p = program(tuition=[price("2022-23"), price("2024-25")])
    assert coverage.gaps(p, TODAY).old == ()


def test_gaps_name_an_old_check_and_archived_copies():
    assert coverage.gaps(PROGRAMS["stale-gb"], TODAY).old == ("facts last checked on 2024-01-01",)
    archived = coverage.gaps(PROGRAMS["archived-de"], TODAY)
    assert archived.archived == ("https://www.example.de/ms",)  # the official address that was read from a copy
    assert "GRE policy (US programs)" not in archived.missing  # does not apply outside the US


def test_a_program_with_every_tracked_fact_current_has_no_gaps():
    p = program(
        city="Springfield", delivery=["online"], pace=["part-time"], credits={"amount": 30, "unit": "units"},
        duration={"min_months": 12}, final_projects=["capstone"], languages=["en"], start_terms=["fall"],
        tuition=[price("2025-26")], funding={"offers": "none"}, deadlines=[{"term": "Fall 2027", "date": "2027-03-01"}],
        admissions={"gre": {"policy": "not-required"}, "english_tests": [{"test": "toefl-ibt", "minimum": 80}],
                    "prerequisites": {"topics": ["programming"]},
                    "application_fee": {"amount": 50, "currency": "USD"}})
    found = coverage.gaps(p, TODAY)
    assert not found and found == coverage.Gaps((), (), ())


@pytest.mark.parametrize(("old", "line"), [
    ([("the newest price is for 2022-23",), (), ("the newest price is for 2021-22", "facts last checked on x")],
     ["2 programs show only an old price (for an academic year more than 2 years ago)",
      "0 programs have only deadlines that have passed",
      "1 program has not been checked against its sources for a long time"]),
    ([], ["0 programs show only an old price (for an academic year more than 2 years ago)",
          "0 programs have only deadlines that have passed",
          "0 programs have not been checked against their sources for a long time"]),
])
def test_the_freshness_summary_counts_programs_per_kind(old, line):
    assert coverage.freshness_summary(old) == line


def test_the_freshness_summary_matches_the_gaps_sentences():
    old = [coverage.gaps(p, TODAY).old for p in PROGRAMS.values()]
    assert [line.split(" ", 1)[0] for line in coverage.freshness_summary(old)] == ["1", "1", "1"]
