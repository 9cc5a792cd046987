"""The directory split by country once it outgrows one page (macros.directory_pages)."""

from __future__ import annotations

import json
import re
from html import unescape

from macros import directory_pages, paths


def split_pages(dataset, table_max=20):
    return directory_pages.country_pages(dataset, table_max)


def test_up_to_the_threshold_the_directory_is_one_table_of_every_program(dataset):
    assert not directory_pages.is_split(dataset)
    assert len(dataset.programs) <= directory_pages.TABLE_MAX
    html = str(directory_pages.directory(dataset))
    assert re.findall(r'<tr data-slug="([^"]+)"', html) == list(dataset.programs)
    assert "kb-directory-countries" not in html


def test_the_country_pages_hold_every_program_once(dataset):
    pages = split_pages(dataset)
    slugs = [slug for page in pages for slug in page.slugs]
    assert sorted(slugs) == sorted(dataset.programs)
    for page in pages:
        assert {dataset.programs[s].country for s in page.slugs} == {page.country}
        assert len(page.slugs) <= 20


def test_a_large_country_is_split_into_parts_by_university(dataset):
    us = [page for page in split_pages(dataset) if page.country == "US"]
    count = sum(p.country == "US" for p in dataset.programs.values())
    assert count > 40, "the data has more than two parts' worth of programs in the US"
    assert [page.part for page in us] == list(range(1, len(us) + 1))
    assert all(page.parts == len(us) for page in us)
    assert [len(page.slugs) for page in us[:-1]] == [20] * (len(us) - 1)
    universities = [dataset.programs[s].university.casefold() for page in us for s in page.slugs]
    assert universities == sorted(universities)
    assert us[0].url == "programs/country/us/" and us[1].url == "programs/country/us/2/"
    assert us[0].source == "programs/country/us.md" and us[1].source == "programs/country/us/2.md"
    assert us[1].first == dataset.programs[us[1].slugs[0]].university


def test_countries_come_by_name(dataset):
    names = [page.name for page in split_pages(dataset) if page.part == 1]
    assert names == sorted(names, key=str.casefold)
    assert len(names) == len({p.country for p in dataset.programs.values()})


def test_beyond_the_threshold_the_directory_links_every_country_page(dataset):
    html = str(directory_pages.directory(dataset, paths.DIRECTORY_PAGE, table_max=20))
    assert "<table" not in html
    links = re.findall(r'<a href="([^"]+)" data-country="([A-Z]+)" data-part="(\d+)">', html)
    # Every page of the split directory is linked, each country first by its name (its first page).
    assert {href for href, _, _ in links} == {paths.relative(page.url, paths.DIRECTORY_PAGE) for page in split_pages(dataset)}
    assert [href for href, _, part in links if part == "1"] == [
        paths.relative(page.url, paths.DIRECTORY_PAGE) for page in split_pages(dataset) if page.part == 1
        for _ in range(1 if page.parts == 1 else 2)]
    assert ("country/de/", "DE", "1") in links
    assert f"The directory holds {len(dataset.programs)} programs in" in html
    # Nothing it says needs JavaScript to be true.
    assert not re.search(r"filter|sort|search", html, re.IGNORECASE)


def front_matter(markdown: str) -> dict:
    found = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    return json.loads(found.group(1))


def test_a_country_page_is_a_full_table_of_its_programs(dataset):
    page = next(p for p in split_pages(dataset) if p.country == "DE")
    markdown = directory_pages.country_page(page, dataset)
    meta = front_matter(markdown)
    assert meta["title"] == "Programs in Germany"
    assert meta["scripts"] == ["directory", "shortlist"] and meta["render_macros"] is False
    assert "\n# Programs in Germany\n" in markdown
    assert re.findall(r'<tr data-slug="([^"]+)"', markdown) == list(page.slugs)
    assert "Master's programs in machine learning in Germany:" in unescape(markdown)
    # Links work from the page's own address.
    assert '<a href="../../">program directory</a>' in markdown
    assert f'href="../../{page.slugs[0]}/"' in markdown
    # The instructions for the script's controls stay hidden until the script shows them.
    assert '<p class="kb-directory-help" hidden>' in markdown


def test_each_part_of_a_country_links_the_other_parts(dataset):
    us = [page for page in split_pages(dataset) if page.country == "US"]
    markdown = directory_pages.country_page(us[1], dataset)
    assert front_matter(markdown)["title"] == f"Programs in United States (part 2 of {len(us)})"
    assert '<a href="../">Part 1</a>' in markdown
    assert '<li aria-current="page">Part 2 (this page)</li>' in markdown
    assert '<a href="../3/">Part 3</a>' in markdown
    assert f"{unescape(us[1].first)} to {unescape(us[1].last)}" in unescape(markdown)
