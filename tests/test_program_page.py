"""Program pages (macros.program_page), rendered from the data without a build."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from html import unescape

import pytest

from macros import facts, models, program_page
from macros.dataset import Dataset

from .rendered import to_html


@pytest.fixture
def page_of(dataset: Dataset):
    """Render a program's page from the repository's data, as the build does."""

    def render(slug: str, today: date | None = None) -> str:
        return program_page.program_page(slug, dataset, edit_url=f"https://github.com/o/r/edit/main/data/programs/{slug}.yml",
                                         issue_url="https://github.com/o/r/issues/new", site_url="https://example.org/",
                                         today=today)

    return render


def test_program_page_shows_facts_sources_and_edit_link(page_of, dataset):
    slug, program = next((s, p) for s, p in dataset.programs.items() if p.tuition and p.credits)
    html = to_html(page_of(slug).split("---\n", 2)[2])
    assert f"data/programs/{slug}.yml" in html
    assert "Sources" in html and program.sources[0].url.replace("&", "&amp;") in html
    assert "Credits to graduate" in html


def test_stale_program_page_warns_the_reader(page_of, dataset):
    slug, program = next(iter(dataset.programs.items()))
    later = date(program.last_verified.year + 2, program.last_verified.month, 1)
    assert "These facts may be out of date" in page_of(slug, today=later)
    assert "These facts may be out of date" not in page_of(slug, today=program.last_verified)


def test_front_matter_is_valid_and_title_is_safe(page_of, dataset):
    slug = next(iter(dataset.programs))
    front = json.loads(page_of(slug).split("---\n", 2)[1])
    assert front["render_macros"] is False
    assert "<" not in program_page.page_title("</title><script>") and "‹" in program_page.page_title("<x>")


def test_json_ld_is_in_the_front_matter_with_the_program_facts(page_of, dataset):
    slug, program = next(iter(dataset.programs.items()))
    front = json.loads(page_of(slug).split("---\n", 2)[1])
    assert front["json_ld"]["name"] == program.title
    assert front["json_ld"]["@type"] == "EducationalOccupationalProgram"


def test_program_page_is_the_same_for_the_same_data(page_of, dataset):
    slug = next(iter(dataset.programs))
    assert page_of(slug) == page_of(slug)


def test_related_programs_are_of_the_same_type_and_exclude_the_program(page_of, dataset):
    slug, program = max(dataset.programs.items(), key=lambda item: len(dataset.programs_by_type[item[1].degree_type]))
    html = page_of(slug)
    related = html.split("<h2>Related programs</h2>", 1)[1].split("</ul>", 1)[0]
    assert f"programs/{slug}/" not in related.replace(f"../{slug}/", f"programs/{slug}/")
    others = [s for s in dataset.programs_by_type[program.degree_type] if s != slug][:8]
    for other in others:
        assert f"../{other}/" in related


def test_json_ld_leaves_out_facts_no_source_states(dataset):
    slug, program = next((s, p) for s, p in dataset.programs.items() if p.tuition is None or p.duration is None)
    data = program_page.json_ld(slug, program, dataset, "https://example.org/")
    assert ("offers" in data) == (program.tuition is not None)
    assert ("timeToComplete" in data) == (program.duration is not None)
    assert data["sameAs"] == f"https://example.org/programs/{slug}/"


# --- Sections, old prices and passed deadlines, on hand-made programs -----------------------

TODAY = date(2026, 12, 2)  # academic year 2026-27: prices for 2023-24 and earlier are old
ALL_FACTS = ["university", "title", "city", "delivery", "pace", "credits", "duration", "final_projects", "languages",
             "start_terms", "tuition", "fees", "gre", "english_tests", "prerequisites", "application_fee",
             "deadlines", "funding"]


def program(**changes) -> models.Program:
    values = dict(university="Example University", title="MS in ML", degree_type="ms-ml", country="US",
                  official_url="https://www.example.edu/ms",
                  sources=[dict(url="https://www.example.edu/ms", title="MS", accessed=date(2026, 1, 1),
                                kind="official", supports=ALL_FACTS)],
                  last_verified=date(2026, 11, 1))
    return models.Program.model_validate({**values, **changes})


def price(amount: float, year: str, group: str | None = None) -> dict:
    return {"amount": amount, "currency": "USD", "basis": "total", "academic_year": year, "student_group": group}


def render(dataset: Dataset, p: models.Program, today: date = TODAY) -> str:
    data = dataclasses.replace(dataset, programs={"p": p})
    return program_page.program_page("p", data, edit_url="https://github.com/o/r/edit/main/data/programs/p.yml",
                                     issue_url="https://github.com/o/r/issues/new", site_url="https://example.org/",
                                     today=today).split("---\n", 2)[2]


def sections(html: str) -> list[str]:
    return re.findall(r"<h2>([^<]*)</h2>", html)


def section(html: str, heading: str) -> str:
    """The text of one section's HTML, entities decoded."""
    return unescape(html.split(f"<h2>{heading}</h2>", 1)[1].split("<h2>", 1)[0])


FULL = dict(
    delivery=["on-campus"], pace=["full-time"], duration={"min_months": 12}, credits={"amount": 30, "unit": "units"},
    languages=["en"], start_terms=["fall"], tuition=[price(60000, "2025-26")],
    fees=[{"amount": 400, "currency": "USD", "basis": "per-term", "academic_year": "2025-26"}],
    funding={"offers": "some"}, admissions={"gre": {"policy": "optional"}},
    deadlines=[{"term": "Fall 2027", "date": "2027-01-15"}], final_projects=["thesis"],
)


def test_facts_come_in_sections_in_reading_order(dataset):
    html = render(dataset, program(**FULL))
    assert sections(html)[:5] == ["At a glance", "Cost", "Admissions", "Deadlines", "Curriculum and final project"]
    assert sections(html)[5:] == ["Sources", "Improve this entry"]  # the only program: nothing related
    glance = section(html, "At a glance")
    labels = re.findall(r"<dt>([^<]*)</dt>", glance)
    assert labels == ["Delivery", "Pace", "Typical length", "Credits to graduate", "Language of instruction",
                      "Start terms"]
    cost = section(html, "Cost")
    assert re.findall(r"<dt>([^<]*)</dt>", cost) == ["Tuition as stated", "Estimated total tuition", "Mandatory fees",
                                                     "Funding"]
    assert facts.ESTIMATE_NOTE in cost  # the derived fact says how it was worked out
    assert '<p class="kb-official">Official page: ' in html


def test_a_section_with_nothing_stated_is_left_out(dataset):
    html = render(dataset, program(credits={"amount": 30, "unit": "units"}))
    assert sections(html)[0] == "At a glance"
    for heading in ("Cost", "Admissions", "Deadlines", "Curriculum and final project"):
        assert f"<h2>{heading}</h2>" not in html
    bare = render(dataset, program())
    assert not {"At a glance", "Cost", "Admissions", "Deadlines"} & set(sections(bare))
    assert "Sources" in sections(bare)


def test_an_only_old_price_gets_a_warning(dataset):
    old = render(dataset, program(tuition=[price(30000, "2023-24"), price(31000, "2022-23", "international")]))
    assert "The price shown is old" in old
    assert "The newest price we could find from an official source is for 2023-24, 2022-23." in old
    assert "(2023-24, old price)" in old


def test_no_old_price_warning_when_a_current_price_is_stated(dataset):
    mixed = render(dataset, program(tuition=[price(30000, "2022-23"), price(32000, "2024-25")]))
    assert "The price shown is old" not in mixed
    assert "(2022-23, old price)" in mixed  # the old price is still labelled
    assert "The price shown is old" not in render(dataset, program())
    # The same price is not old before August, while the current academic year is still 2025-26.
    assert "The price shown is old" not in render(dataset, program(tuition=[price(30000, "2023-24")]),
                                                  today=date(2026, 7, 31))


def test_passed_deadlines_are_never_shown_as_upcoming(dataset):
    p = program(deadlines=[{"term": "Fall 2026", "date": "2025-12-15", "round": "priority"},
                           {"term": "Fall 2026", "date": "2026-03-01"},
                           {"term": "Fall 2025", "date": "2025-01-15"}])
    html = render(dataset, p)
    block = section(html, "Deadlines")
    assert "Last known: Fall 2026 entry, priority round, 15 Dec 2025" in block
    assert "Last known: Fall 2026 entry, 1 Mar 2026" in block
    assert "Fall 2025" not in block
    assert not re.search(r"<dd>\d", block)  # no deadline line starts with its date, as an upcoming one does


def test_deadlines_ahead_leave_the_passed_ones_out(dataset):
    p = program(deadlines=[{"term": "Fall 2026", "date": "2026-03-01"}, {"term": "Fall 2027", "date": "2027-03-01"}])
    block = section(render(dataset, p), "Deadlines")
    assert "1 Mar 2027 (Fall 2027 entry)" in block
    assert "2026" not in block.split("Source:")[0] and "Last known" not in block
    # On the day of a deadline it is still ahead.
    on_the_day = section(render(dataset, p, today=date(2027, 3, 1)), "Deadlines")
    assert "1 Mar 2027 (Fall 2027 entry)" in on_the_day and "Last known" not in on_the_day


def test_calendar_link_only_while_a_deadline_is_ahead(dataset):
    """The page links its .ics (written by the hooks with macros.calendar) exactly when a deadline is ahead."""
    p = program(deadlines=[{"term": "Fall 2027", "date": "2027-01-15"}, {"term": "Fall 2027", "date": "2027-03-01"}])
    ahead = render(dataset, p)
    assert '<a href="deadlines.ics" download type="text/calendar">Add the 2 upcoming application deadlines' in ahead
    assert "deadlines.ics" in section(ahead, "Deadlines")
    one_left = render(dataset, p, today=date(2027, 2, 1))
    assert "Add the upcoming application deadline to your calendar" in one_left
    assert "deadlines.ics" not in render(dataset, p, today=date(2027, 3, 2))


def test_save_to_shortlist_button_waits_for_the_script(dataset):
    html = render(dataset, program())
    assert '<p class="kb-shortlist-save" hidden>' in html  # shown by shortlist.js, which needs the browser's storage
    assert '<button type="button" class="md-button" data-kb-star="p" aria-pressed="false">Save to shortlist</button>' in html
    assert '<a href="../shortlist/">Your shortlist</a>' in html


REPORT = {"url": "https://www.example.edu/careers/outcomes-2024", "title": "Graduate Outcomes", "year": "2024",
          "cohort": "MS in ML graduates"}


def test_an_outcomes_report_gets_its_own_section_with_year_cohort_and_source(dataset):
    reported = program(outcomes_report=REPORT, sources=[
        dict(url="https://www.example.edu/ms", title="MS", accessed=date(2026, 1, 1), kind="official",
             supports=[f for f in ALL_FACTS if f != "outcomes_report"]),
        dict(url=REPORT["url"], title="Graduate Outcomes", accessed=date(2026, 1, 1), kind="official",
             supports=["outcomes_report"])])
    html = render(dataset, reported)
    assert sections(html)[-3:] == ["After graduating", "Sources", "Improve this entry"]
    after = section(html, "After graduating")
    assert "Graduate Outcomes (2024): MS in ML graduates" in after
    assert f'href="{REPORT["url"]}"' in html.split("<h2>After graduating</h2>", 1)[1].split("<h2>", 1)[0]
    assert "After graduating" not in sections(render(dataset, program()))
