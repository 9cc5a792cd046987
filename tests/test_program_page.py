"""Program pages, derived totals and the directory table, rendered from data without a build."""

from __future__ import annotations

import json
import re
from datetime import date

from macros import derived, directory, models, program_page
from macros.validate import load_dataset

from .rendered import ROOT, to_html

DATA = load_dataset(ROOT)


def page_of(slug: str, today: date | None = None) -> str:
    return program_page.program_page(slug, DATA, edit_url=f"https://github.com/o/r/edit/main/data/programs/{slug}.yml",
                                 issue_url="https://github.com/o/r/issues/new", site_url="https://example.org/", today=today)


def with_changes(program: models.Program, **changes) -> models.Program:
    return program.model_copy(update=changes)


def test_estimated_total_follows_the_stated_basis():
    base = next(iter(DATA.programs.values()))
    credits = models.Credits(amount=30, unit="us-credit-hours")
    per_credit = models.Tuition(amount=1000, currency="USD", basis="per-credit", academic_year="2025-26")
    assert derived.estimated_total(with_changes(base, tuition=per_credit, credits=credits)) == 30000
    per_year = per_credit.model_copy(update={"basis": "per-year"})
    assert derived.estimated_total(with_changes(base, tuition=per_year, duration=models.MonthRange(min_months=18))) == 1500
    per_term = per_credit.model_copy(update={"basis": "per-term"})
    assert derived.estimated_total(with_changes(base, tuition=per_term)) is None
    courses = models.Credits(amount=10, unit="courses")
    assert derived.estimated_total(with_changes(base, tuition=per_credit, credits=courses)) is None


def test_program_page_shows_facts_sources_and_edit_link():
    slug, program = next((s, p) for s, p in DATA.programs.items() if p.tuition and p.credits)
    html = to_html(page_of(slug).split("---\n", 2)[2])
    assert f"data/programs/{slug}.yml" in html
    assert "Sources" in html and program.sources[0].url.replace("&", "&amp;") in html
    assert "Credits to graduate" in html


def test_stale_program_page_warns_the_reader():
    slug, program = next(iter(DATA.programs.items()))
    later = date(program.last_verified.year + 2, program.last_verified.month, 1)
    assert "These facts may be out of date" in page_of(slug, today=later)
    assert "These facts may be out of date" not in page_of(slug, today=program.last_verified)


def test_front_matter_is_valid_and_title_is_safe():
    slug = next(iter(DATA.programs))
    front = json.loads(page_of(slug).split("---\n", 2)[1])
    assert front["render_macros"] is False
    assert "<" not in program_page.page_title("</title><script>") and "‹" in program_page.page_title("<x>")


def test_json_ld_is_in_the_front_matter_with_the_program_facts():
    slug, program = next(iter(DATA.programs.items()))
    front = json.loads(page_of(slug).split("---\n", 2)[1])
    assert front["json_ld"]["name"] == program.title
    assert front["json_ld"]["@type"] == "EducationalOccupationalProgram"


def test_directory_rows_carry_the_filter_data():
    html = str(directory.programs_table(DATA))
    for slug, program in DATA.programs.items():
        row = re.search(rf'<tr data-slug="{slug}"[^>]*>', html).group(0)
        assert f'data-degree-type="{program.degree_type}"' in row
        assert f'data-country="{program.country}"' in row
        assert f'data-delivery="{" ".join(program.delivery or [])}"' in row
