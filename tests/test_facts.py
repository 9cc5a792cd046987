"""The facts shown about a program (macros.facts): stable keys, one label each, sourced by program fields."""

from __future__ import annotations

from typing import get_args

from macros import facts, models


def test_fact_keys_are_unique_and_url_safe():
    keys = [f.key for f in facts.FACTS]
    assert len(keys) == len(set(keys)) == len(facts.BY_KEY)
    assert all(models.SLUG.fullmatch(key) for key in keys)


def test_sourced_facts_name_a_fact_sources_can_support():
    supported = set(get_args(models.ProgramFact))
    for fact in facts.FACTS:
        assert fact.sourced_by is None or fact.sourced_by in supported, fact.key


def test_page_facts_are_known_facts():
    assert set(facts.PAGE_FACTS) <= set(facts.BY_KEY)


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
