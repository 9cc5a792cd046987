"""The facts shown about a program (macros.facts): stable keys, one label each, sourced by program fields."""

from __future__ import annotations

from datetime import date
from typing import get_args

from macros import facts, models


def test_fact_keys_are_unique_and_url_safe():
    keys = [f.key for f in facts.FACTS]
    assert len(keys) == len(set(keys)) == len(facts.BY_KEY)
    assert all(models.SLUG.fullmatch(key) for key in keys)


def test_sourced_facts_name_a_fact_sources_can_support():
    supported = set(get_args(models.ProgramFact))
    for fact in facts.FACTS:
        assert isinstance(fact.sourced_by, tuple), fact.key
        assert set(fact.sourced_by) <= supported, fact.key


def test_every_fact_a_source_can_support_is_shown_somewhere():
    shown = {name for fact in facts.FACTS for name in fact.sourced_by}
    # title is the page's heading and the directory's link; notes are their own section ("Good to know");
    assert set(get_args(models.ProgramFact)) - shown == {"title", "notes"}


def test_page_sections_name_known_facts_once_each():
    keys = [key for _, section in facts.PAGE_SECTIONS for key in section]
    assert set(keys) <= set(facts.BY_KEY)
    assert len(keys) == len(set(keys))
    headings = [heading for heading, _ in facts.PAGE_SECTIONS]
    assert headings == ["At a glance", "Cost", "Admissions", "Deadlines", "Curriculum and final project",
                        "After graduating"]


def test_shown_gives_every_fact_as_text(dataset):
    for program in dataset.programs.values():
        shown = facts.shown(program, dataset)
        assert list(shown) == [f.key for f in facts.FACTS]
        assert all(isinstance(value, str) for value in shown.values())
        assert shown["university"] == program.university
        assert shown["last-verified"] == program.last_verified.isoformat()


def test_estimated_total_is_blank_without_a_comparable_price(dataset):
    for program in dataset.programs.values():
        value = facts.shown(program, dataset)["estimated-total"]
        assert value == "" or value.startswith("About ")


# --- Display rules that depend on the day ---------------------------------------------------

TODAY = date(2026, 12, 2)  # academic year 2026-27: a price for 2023-24 or earlier is old
SOURCE = dict(url="https://www.example.edu/ms", title="MS", accessed=date(2026, 1, 1), kind="official",
              supports=["title"])


def program(**changes) -> models.Program:
    values = dict(university="U", title="T", degree_type="ms-ml", country="US", official_url="https://u.edu/ms",
                  sources=[SOURCE], last_verified=date(2026, 1, 1))
    return models.Program.model_validate({**values, **changes})


def price(amount: float, year: str, group: str | None = None, basis: str = "total") -> dict:
    return {"amount": amount, "currency": "USD", "basis": basis, "academic_year": year, "student_group": group}


def test_an_old_price_is_labelled_old_and_a_current_one_is_not(dataset):
    p = program(tuition=[price(30000, "2023-24"), price(32000, "2024-25", "international")])
    assert facts.BY_KEY["tuition-as-stated"].lines(p, dataset, TODAY) == [
        "$30,000 (2023-24, old price)", "$32,000 (2024-25, international students)"]
    # Before August the current academic year is 2025-26, so 2023-24 is not old yet.
    assert facts.BY_KEY["tuition-as-stated"].lines(p, dataset, date(2026, 7, 31))[0] == "$30,000 (2023-24)"


def test_an_old_fee_is_labelled_old(dataset):
    fee = {**price(410, "2022-23", basis="per-term"), "note": "technology fee"}
    assert facts.BY_KEY["fees"].show(program(fees=[fee]), dataset, TODAY) == (
        "technology fee: $410 per term (2022-23, old price)")


def test_the_estimated_total_names_the_group_and_the_year(dataset):
    credits = {"amount": 30, "unit": "us-credit-hours"}
    p = program(credits=credits, tuition=[price(1000, "2025-26", "in-state", "per-credit"),
                                          price(1708.5, "2025-26", "international", "per-credit")])
    assert facts.estimated_total(p, dataset, TODAY) == ["About $51,255 for international students (2025-26)"]
    old = program(tuition=[price(40000, "2022-23")])
    assert facts.estimated_total(old, dataset, TODAY) == ["About $40,000 (2022-23, old price)"]
    assert facts.estimated_total(program(), dataset, TODAY) == []
    assert facts.estimated_total(program(tuition=[price(900, "2025-26", basis="per-term")]), dataset, TODAY) == []


def test_a_passed_deadline_is_shown_as_last_known(dataset):
    p = program(deadlines=[{"term": "Fall 2026", "date": "2025-12-15"},
                           {"term": "Fall 2025", "date": "2025-01-15"}])
    assert facts.BY_KEY["deadlines"].lines(p, dataset, TODAY) == ["Last known: Fall 2026 entry, 15 Dec 2025"]


def test_deadlines_ahead_are_shown_soonest_first_and_passed_ones_left_out(dataset):
    p = program(deadlines=[{"term": "Fall 2027", "date": "2027-03-01"},
                           {"term": "Fall 2027", "date": "2027-01-15", "applies_to": "international",
                            "round": "priority"},
                           {"term": "Fall 2026", "date": "2025-12-15"}])
    assert facts.BY_KEY["deadlines"].lines(p, dataset, TODAY) == [
        "15 Jan 2027 (Fall 2027 entry, international applicants, priority round)", "1 Mar 2027 (Fall 2027 entry)"]
    # A year later all have passed: the latest entry term's deadlines are the last known ones.
    assert facts.BY_KEY["deadlines"].lines(p, dataset, date(2027, 12, 2)) == [
        "Last known: Fall 2027 entry, international applicants, priority round, 15 Jan 2027",
        "Last known: Fall 2027 entry, 1 Mar 2027"]


def test_admissions_facts_are_read_from_admissions(dataset):
    p = program(admissions={"gre": {"policy": "not-required", "cycle": "Fall 2026"},
                            "english_tests": [{"test": "toefl-ibt", "minimum": 100}, {"test": "ielts-academic",
                                                                                        "minimum": 7.5}],
                            "application_fee": {"amount": 90, "currency": "USD"}})
    shown = facts.shown(p, dataset, TODAY)
    assert shown["gre"] == "Not required (Fall 2026)"
    assert shown["english-tests"] == "TOEFL iBT 100, IELTS Academic 7.5"
    assert shown["application-fee"] == "$90"
    assert shown["prerequisites"] == ""
    assert facts.shown(program(), dataset, TODAY)["gre"] == ""
