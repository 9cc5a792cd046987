"""Program pages (macros.program_page), rendered from the data without a build."""

from __future__ import annotations

import json
from datetime import date

import pytest

from macros import program_page
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
