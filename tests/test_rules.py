"""Rules across one program file's fields, on the raw YAML (macros.rules)."""

from __future__ import annotations

import re
import shutil
from typing import get_args

import pytest

from macros.loader import load_file, parse_text
from macros.models import ProgramFact
from macros.rules import (TemplateValues, cited_hosts, facts_without_sources, program_rules, template_leftovers,
                          verified_before_reading)
from macros.validate import load_dataset

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


def template_line(text: str, occurrence: int = 1) -> int:
    """The line number of the template line that starts with ``text`` (after indentation)."""
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, 1) if line.strip().startswith(text)]
    return found[occurrence - 1]


def test_the_untouched_template_fails(project):
    shutil.copy(TEMPLATE, project / "data" / "programs" / "my-program.yml")
    name = ("still holds the template's invented name 'Example State University'; "
            "write what the program's own pages state")
    address = "is an example address from the template; use the address of the real page that states the facts"
    program_page = "'https://www.example.edu/graduate/ms-machine-learning/'"
    assert errors_of(project) == [
        f"{FILE}:{template_line('university:')}: my-program: university: {name}",
        f"{FILE}:{template_line('url: https://www.example.edu/careers', 1)}: my-program: outcomes_report.url: "
        f"'https://www.example.edu/careers/outcomes/' {address}",
        f"{FILE}:{template_line('official_url:')}: my-program: official_url: {program_page} {address}",
        f"{FILE}:{template_line('- url:', 1)}: my-program: sources[1].url: {program_page} {address}",
        f"{FILE}:{template_line('publisher:', 1)}: my-program: sources[1].publisher: {name}",
        f"{FILE}:{template_line('- url:', 2)}: my-program: sources[2].url: "
        f"'https://www.example.edu/bursar/graduate-tuition/' {address}",
        f"{FILE}:{template_line('publisher:', 2)}: my-program: sources[2].publisher: {name}",
        f"{FILE}:{template_line('- url:', 3)}: my-program: sources[3].url: "
        f"'https://www.example.edu/graduate/admissions/' {address}",
        f"{FILE}:{template_line('publisher:', 3)}: my-program: sources[3].publisher: {name}",
        f"{FILE}:{template_line('- url:', 4)}: my-program: sources[4].url: "
        f"'https://www.example.edu/careers/outcomes/' {address}",
        f"{FILE}:{template_line('publisher:', 4)}: my-program: sources[4].publisher: {name}",
        f"{FILE}:{template_line('notes:')}: my-program: notes: is the template's example text; describe this program "
        "in your own words, or delete the notes",
    ]
    assert template_line("notes:") == 185  # the helper finds the real lines


def test_a_template_with_only_university_and_urls_changed_still_fails(project):
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("university: Example State University", "university: Springfield Tech")
    text = text.replace("www.example.edu", "www.springfield-tech.test")
    (project / "data" / "programs" / "my-program.yml").write_text(text, encoding="utf-8")
    name = ("still holds the template's invented name 'Example State University'; "
            "write what the program's own pages state")
    assert errors_of(project) == [
        f"{FILE}:{template_line('publisher:', 1)}: my-program: sources[1].publisher: {name}",
        f"{FILE}:{template_line('publisher:', 2)}: my-program: sources[2].publisher: {name}",
        f"{FILE}:{template_line('publisher:', 3)}: my-program: sources[3].publisher: {name}",
        f"{FILE}:{template_line('publisher:', 4)}: my-program: sources[4].publisher: {name}",
        f"{FILE}:{template_line('notes:')}: my-program: notes: is the template's example text; describe this program "
        "in your own words, or delete the notes",
    ]


def test_the_template_supports_every_fact_it_fills_in():
    raw = load_file(TEMPLATE, "data/templates/program.yml")
    assert facts_without_sources(raw, FILE, "my-program") == []
    supported = {fact for source in raw["sources"] for fact in source["supports"]}
    assert supported == set(get_args(ProgramFact))


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


# --- The source policy, on every source of every data file ----------------------------------

VALID_URL = "  - url: https://www.springfield-tech.test/ms-ml"
REFUSED_COPY = ("; cite the official page's own address in url (and put the address of the copy you read in "
                "archived_url if the official page could not be read)")


def write_program(project, text: str, slug: str = "p") -> None:
    (project / "data" / "programs" / f"{slug}.yml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("url", "message"), [
    ("https://fanyv88.com:443/https/www.springfield-tech.test/ms-ml", "fanyv88.com is an open web proxy, not the page itself"),
    ("https://www-springfield-tech-test.translate.goog/ms-ml", "www-springfield-tech-test.translate.goog is an open web "
     "proxy, not the page itself"),
    ("https://dev.springfield-tech.test/ms-ml", "dev.springfield-tech.test is a staging or test server, not the "
     "published site"),
    ("https://web-staging.springfield-tech.test/ms-ml", "web-staging.springfield-tech.test is a staging or test "
     "server, not the published site"),
    ("https://www.scribd.com/document/1/ms-ml", "scribd.com is a copy on a document-sharing site"),
    ("https://springfield.pages.dev/ms-ml", "springfield.pages.dev is a scraped copy of someone else's page"),
])
def test_a_source_on_a_host_never_cited_is_refused_at_its_url(project, url, message):
    write_program(project, fixture_text("programs/valid.yml").replace(VALID_URL, f"  - url: {url}"))
    assert errors_of(project) == [f"data/programs/p.yml:22: p: sources[1].url: {message}{REFUSED_COPY}"]


def test_a_mirror_source_is_refused_with_a_pointer_to_archived_url(project):
    write_program(project, fixture_text("programs/valid.yml").replace("kind: official", "kind: mirror"))
    assert errors_of(project) == [
        "data/programs/p.yml:25: p: sources[1].kind: 'mirror' is no longer a kind: cite the official page's own "
        "address in url with kind: official, and put the address of the copy you read in archived_url (got 'mirror')"
    ]


AGGREGATOR = """\
  - url: https://www.masterstudies.com/ms-ml
    title: MS in ML at Example University
    accessed: 2026-01-15
    kind: {kind}
    supports: [{supports}]
"""


def with_second_source(kind: str, supports: str) -> str:
    return fixture_text("programs/valid.yml").replace(
        "last_verified:", AGGREGATOR.format(kind=kind, supports=supports) + "last_verified:")


def test_an_aggregator_supporting_tuition_is_refused(project):
    write_program(project, with_second_source("third-party", "tuition, delivery"))
    assert errors_of(project) == [
        "data/programs/p.yml:27: p: sources[2].url: masterstudies.com is a course listing site and cannot support "
        "tuition; cite the school's own page for prices, deadlines and admissions"
    ]


def test_an_aggregator_called_official_is_refused(project):
    write_program(project, with_second_source("official", "delivery"))
    assert errors_of(project) == [
        "data/programs/p.yml:27: p: sources[2].url: masterstudies.com is a course listing site, not the school; "
        "set kind: third-party"
    ]


def test_an_aggregator_as_third_party_for_other_facts_is_accepted(project):
    write_program(project, with_second_source("third-party", "delivery"))
    assert "p" in load_dataset(project).programs


def test_an_archived_url_off_a_web_archive_is_refused(project):
    text = fixture_text("programs/valid.yml").replace("    kind: official", "    kind: official\n"
                                                      "    archived_url: https://docsbay.net/ms-ml")
    write_program(project, text)
    assert errors_of(project) == [
        "data/programs/p.yml:26: p: sources[1].archived_url: docsbay.net is not a web archive; archived_url holds a "
        "copy on a web archive such as web.archive.org (copies on other sites cannot be cited)"
    ]


def test_an_archived_url_on_a_web_archive_is_accepted(project):
    text = fixture_text("programs/valid.yml").replace(
        "    kind: official", "    kind: official\n"
        "    archived_url: https://web.archive.org/web/2026/https://www.springfield-tech.test/ms-ml")
    write_program(project, text)
    assert load_dataset(project).programs["p"].sources[0].archived_url.startswith("https://web.archive.org/")


def test_a_nested_admissions_fact_without_a_source_points_at_its_line(project):
    text = fixture_text("programs/valid.yml").replace(
        "official_url:", "admissions:\n  english_tests:\n    - {test: toefl-ibt, minimum: 90}\n  gre:\n"
        "    policy: optional\nofficial_url:")
    write_program(project, text)
    lines = text.splitlines()
    assert lines[23 - 1] == "  gre:" and lines[21 - 1] == "  english_tests:"
    assert errors_of(project) == [
        "data/programs/p.yml:21: p: admissions.english_tests: no source supports this fact; add 'english_tests' to "
        "the 'supports' list of the source that states it, or remove the fact",
        "data/programs/p.yml:23: p: admissions.gre: no source supports this fact; add 'gre' to the 'supports' list "
        "of the source that states it, or remove the fact",
    ]
    write_program(project, text.replace("tuition]", "tuition, gre, english_tests]"))
    assert load_dataset(project).programs["p"].admissions.gre.policy == "optional"


def test_a_source_in_another_data_file_follows_the_policy_too(project):
    path = project / "data" / "careers.yml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^ *- url: (https://\S+)$", text, re.MULTILINE)
    line = text[:first.start()].count("\n") + 1
    path.write_text(text.replace(first.group(1), "https://www.scribd.com/document/1/ooh", 1), encoding="utf-8")
    [error] = errors_of(project)
    assert error.startswith(f"data/careers.yml:{line}: ")
    assert error.endswith(f"sources[1].url: scribd.com is a copy on a document-sharing site{REFUSED_COPY}")


def test_cited_hosts_finds_sources_at_any_depth():
    raw = parse_text("a:\n  b:\n    - sources:\n        - url: https://www.docslib.org/x\n", "data/x.yml")
    [error] = cited_hosts(raw, "data/x.yml")
    assert error.line == 4 and "docslib.org is a copy on a document-sharing site" in error.message


def test_an_official_url_on_a_proxy_is_refused(project):
    write_program(project, fixture_text("programs/valid.yml").replace(
        "official_url: https://www.springfield-tech.test/ms-ml",
        "official_url: https://fanyv88.com:443/https/www.springfield-tech.test/ms-ml"))
    assert any("official_url" in e and "proxy" in e for e in errors_of(project))


REPORT = """\
outcomes_report:
  url: {url}
  title: Where our graduates went
  year: "2024"
  cohort: MS graduates
"""


def with_report(url: str, kind: str) -> str:
    source = AGGREGATOR.replace("https://www.masterstudies.com/ms-ml", url).format(kind=kind, supports="outcomes_report")
    return fixture_text("programs/valid.yml").replace(
        "last_verified:", source + "last_verified:").replace("sources:", REPORT.format(url=url) + "sources:", 1)


def test_an_outcomes_report_from_the_school_is_accepted(project):
    write_program(project, with_report("https://www.springfield-tech.test/careers/outcomes", "official"))
    assert load_dataset(project).programs["p"].outcomes_report.year == "2024"


def test_outcomes_from_anyone_but_the_school_are_refused(project):
    write_program(project, with_report("https://www.springfield-tech.test/careers/outcomes", "third-party"))
    [error] = errors_of(project)
    assert re.fullmatch(r"data/programs/p\.yml:\d+: p: sources\[2\]\.kind: a source for outcomes_report must be the "
                        r"school's own report \(kind: official\); salary and job figures from other sites are not "
                        r"accepted", error), error


def test_an_outcomes_report_on_a_listing_site_is_refused_at_its_url(project):
    write_program(project, with_report("https://www.masterstudies.com/ms-ml/salaries", "official"))
    errors = errors_of(project)
    assert any(re.fullmatch(r"data/programs/p\.yml:\d+: p: outcomes_report\.url: masterstudies\.com is a course "
                            r"listing site, not the school; set kind: third-party; outcomes_report is the school's "
                            r"own report on its graduates", e) for e in errors), errors
