"""Material's built-in search, driven in Chromium: readers' questions lead to the page that answers them."""

from __future__ import annotations

import pytest

from .search import search

pytestmark = pytest.mark.browser

# (what a reader types, the page that answers it)
QUESTIONS = [
    ("thesis or capstone", "final-projects/"),
    ("capstone", "final-projects/"),
    ("practicum", "final-projects/"),
    ("MPS", "degree-types/ms-vs-mps/"),
    ("master of professional studies", "degree-types/ms-vs-mps/"),
    ("cost", "costs/"),
    ("tuition", "costs/"),
    ("online", "online-study/"),
    ("asynchronous", "online-study/"),
    ("part-time", "online-study/"),
    ("residency", "online-study/"),
    ("GRE", "admissions/"),
    ("prerequisites", "admissions/"),
    ("what math do I need", "admissions/"),
    ("salary", "careers/"),
    ("jobs", "careers/roles/"),
    ("electives", "electives/"),
    ("courses", "curriculum/"),
    ("NLP", "degree-types/specialised/"),
    ("computer vision", "degree-types/specialised/"),
    ("master of engineering", "degree-types/engineering-and-management/"),
    ("engineering management", "degree-types/engineering-and-management/"),
    ("concentration", "degree-types/concentrations/"),
    ("rankings", "choosing-a-school/rankings/"),
    ("checklist", "choosing-a-school/checklist/"),
    ("financial aid", "costs/paying-for-it/"),
    ("employer tuition assistance", "costs/paying-for-it/"),
    ("what is machine learning", "field/"),
    ("data science vs machine learning", "field/ml-ai-data-science/"),
    ("download data", "programs/data/"),
    ("compare programs", "programs/compare/"),
    ("add a program", "contributing/add-a-program/"),
    ("ECTS", "glossary/"),
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url)
    yield page
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"


def test_there_are_at_least_25_questions():
    assert len(QUESTIONS) >= 25


@pytest.mark.parametrize(("query", "expected"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_question_finds_its_page_in_the_top_three(search_page, site_url, query, expected):
    pages = list(dict.fromkeys(search(search_page, query, site_url)))
    assert expected in pages[:3], f"{query!r}: top results {pages[:5]}"


def test_a_degree_type_search_leads_to_its_page(search_page, site_url):
    pages = list(dict.fromkeys(search(search_page, "Computational Linguistics", site_url)))
    assert pages and pages[0] in ("degree-types/specialised/", "programs/uw-ms-computational-linguistics/")
