"""Rules across one program file's fields, on the raw YAML (macros.rules)."""

from __future__ import annotations

import shutil

from macros.loader import load_file, parse_text
from macros.rules import TemplateValues, facts_without_sources, program_rules, template_leftovers, verified_before_reading

from .support import ROOT, errors_of, fixture_text

TEMPLATE = ROOT / "data" / "templates" / "program.yml"
FILE = "data/programs/my-program.yml"


def template_values() -> TemplateValues:
    return TemplateValues.from_raw(load_file(TEMPLATE, "data/templates/program.yml"))


def test_the_valid_fixture_breaks_no_rule():
    raw = parse_text(fixture_text("programs/valid.yml"), "x.yml")
    assert program_rules(raw, "x.yml", "x", template_values()) == []


def test_template_values_are_read_from_the_template():
    values = template_values()
    assert values.university == "Example State University"
    assert values.hosts == frozenset({"example.edu"})
    assert values.notes and values.notes.startswith("Students choose between a research thesis")


def test_the_untouched_template_fails(project):
    shutil.copy(TEMPLATE, project / "data" / "programs" / "my-program.yml")
    name = ("still holds the template's invented name 'Example State University'; "
            "write what the program's own pages state")
    address = "is an example address from the template; use the address of the real page that states the facts"
    assert errors_of(project) == [
        f"{FILE}:19: my-program: university: {name}",
        f"{FILE}:75: my-program: official_url: 'https://www.example.edu/graduate/ms-machine-learning/' {address}",
        f"{FILE}:89: my-program: sources[1].url: 'https://www.example.edu/graduate/ms-machine-learning/' {address}",
        f"{FILE}:91: my-program: sources[1].publisher: {name}",
        f"{FILE}:95: my-program: sources[2].url: 'https://www.example.edu/bursar/graduate-tuition/' {address}",
        f"{FILE}:97: my-program: sources[2].publisher: {name}",
        f"{FILE}:108: my-program: notes: is the template's example text; describe this program in your own words, "
        "or delete the notes",
    ]


def test_a_template_with_only_university_and_urls_changed_still_fails(project):
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("university: Example State University", "university: Springfield Tech")
    text = text.replace("www.example.edu", "www.springfield-tech.test")
    (project / "data" / "programs" / "my-program.yml").write_text(text, encoding="utf-8")
    name = ("still holds the template's invented name 'Example State University'; "
            "write what the program's own pages state")
    assert errors_of(project) == [
        f"{FILE}:91: my-program: sources[1].publisher: {name}",
        f"{FILE}:97: my-program: sources[2].publisher: {name}",
        f"{FILE}:108: my-program: notes: is the template's example text; describe this program in your own words, "
        "or delete the notes",
    ]


def test_any_example_domain_is_a_leftover():
    raw = parse_text("official_url: https://grad.example.com/ms\n", "x.yml")
    assert [str(e) for e in template_leftovers(raw, FILE, "my-program", TemplateValues())] == [
        f"{FILE}:1: my-program: official_url: 'https://grad.example.com/ms' is an example address from the template; "
        "use the address of the real page that states the facts"
    ]


def test_last_verified_before_a_source_was_read_fails_at_last_verified(project):
    text = fixture_text("programs/valid.yml").replace("last_verified: 2026-01-15", "last_verified: 2026-01-10")
    (project / "data" / "programs" / "early.yml").write_text(text, encoding="utf-8")
    assert errors_of(project) == [
        "data/programs/early.yml:27: early: last_verified: is 2026-01-10, earlier than the date source #1 was read "
        "(2026-01-15); the facts were checked when that source was read, so write 2026-01-15 or later"
    ]


def test_the_latest_source_is_the_one_named():
    raw = parse_text("sources:\n  - accessed: 2026-01-01\n  - accessed: 2026-02-01\nlast_verified: 2026-01-15\n", "x")
    [error] = verified_before_reading(raw, FILE, "p")
    assert "earlier than the date source #2 was read (2026-02-01)" in str(error)
    assert error.line == 4


def test_an_unsupported_fact_points_at_its_own_line():
    raw = parse_text(fixture_text("programs/valid.yml").replace(" credits,", ""), "x.yml")
    assert [str(e) for e in facts_without_sources(raw, FILE, "my-program")] == [
        f"{FILE}:8: my-program: credits: no source supports this fact; add 'credits' to the 'supports' list of the "
        "source that states it, or remove the fact"
    ]


def test_rules_run_on_files_that_fail_field_validation_too():
    text = fixture_text("programs/four_mistakes.yml")
    raw = parse_text(text, "x.yml")
    assert [e.field for e in program_rules(raw, FILE, "p", template_values())] == ["credits"]
