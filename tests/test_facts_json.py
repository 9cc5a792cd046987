"""The per-program facts.json and the picker's names.json that compare and the shortlist fetch (macros.facts_json)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from macros import calendar, facts, facts_json, models, paths
from macros import formatting as fmt
from macros.tables import program_name

STAMP = datetime(2026, 12, 2, 1, 2, 3, tzinfo=timezone.utc)
TODAY = date(2027, 1, 10)
SITE = "https://example.org/guide/"


@pytest.fixture
def program(dataset) -> tuple[str, models.Program]:
    """A real program given one deadline passed and two ahead of TODAY."""
    slug, real = next(iter(dataset.programs.items()))
    deadlines = [models.Deadline(date=day, term="Fall 2027", applies_to="all")
                 for day in (date(2027, 3, 1), date(2027, 1, 9), date(2027, 2, 1))]
    return slug, real.model_copy(update={"deadlines": deadlines})


def test_a_program_s_facts_are_what_compare_shows(program, dataset):
    slug, p = program
    found = facts_json.program_facts(slug, p, dataset, site_url=SITE, stamp=STAMP, today=TODAY)
    assert found["name"] == program_name(p)
    assert found["title"] == p.title
    assert found["page"] == paths.program_url(slug)
    assert found["values"] == facts.shown(p, dataset, TODAY)
    assert set(found["values"]) == {f.key for f in facts.FACTS}
    assert found["links"] == {"official-page": p.official_url}


def test_a_program_s_facts_hold_its_deadlines_ahead_as_calendar_events(program, dataset):
    slug, p = program
    found = facts_json.program_facts(slug, p, dataset, site_url=SITE, stamp=STAMP, today=TODAY)
    ahead = [d for d in sorted(p.deadlines, key=lambda d: d.date) if d.date >= TODAY]
    assert [d[0] for d in found["deadlines"]] == ["2027-02-01", "2027-03-01"]
    assert [d[1] for d in found["deadlines"]] == [fmt.deadline(d) for d in ahead]
    assert [d[2] for d in found["deadlines"]] == [calendar.event(slug, p, d, site_url=SITE, stamp=STAMP) for d in ahead]


def test_a_program_without_deadlines_ahead_has_an_empty_list(program, dataset):
    slug, p = program
    found = facts_json.program_facts(slug, p, dataset, site_url=SITE, stamp=STAMP, today=date(2028, 1, 1))
    assert found["deadlines"] == []


def test_names_list_every_program_once_in_the_picker_s_order(dataset):
    names = facts_json.program_names(dataset)
    assert sorted(slug for slug, _ in names) == sorted(dataset.programs)
    assert [name for _, name in names] == sorted((program_name(p) for p in dataset.programs.values()), key=str.casefold)
    assert dict(names)[next(iter(dataset.programs))] == program_name(next(iter(dataset.programs.values())))


def test_the_labels_name_every_row_and_the_calendar_s_frame():
    labels = facts_json.shortlist_labels()
    assert labels["rows"] == [[f.key, f.label] for f in facts.FACTS]
    assert labels["not_stated"] == facts.NOT_STATED
    assert labels["calendar"] == {"head": calendar.head(facts_json.SHORTLIST_CALENDAR), "foot": calendar.FOOT}
    assert {k: facts_json.compare_labels()[k] for k in ("rows", "not_stated", "hosted")} == {
        k: labels[k] for k in ("rows", "not_stated", "hosted")}


def test_each_tool_says_why_it_cannot_load_in_the_offline_copy():
    assert facts_json.compare_labels()["offline"].startswith("Comparing programs needs the guide's web address")
    assert facts_json.shortlist_labels()["offline"].startswith("The shortlist needs the guide's web address")
    assert all("offline copy" in labels["offline"] for labels in (facts_json.compare_labels(), facts_json.shortlist_labels()))


def test_compact_json_keeps_text_as_it_is_on_one_line():
    assert facts_json.compact({"a": [1, "é"]}) == '{"a":[1,"é"]}\n'
    assert json.loads(facts_json.compact({"x": "<script>"})) == {"x": "<script>"}
