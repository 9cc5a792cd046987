"""Browser tests of the directory split by country (macros/directory_pages.py, directory.js).

Today's data fits one page, so these tests build a copy of the project whose threshold is lowered
to 20 programs: the directory page then lists the countries, and the United States' programs
span several pages. Everything expected comes from that copy's data and macros.directory_pages.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros import directory_pages, paths
from macros.validate import load_dataset

from .support import ROOT, axe_problems, build_site, project_copy, serve_folder, stop

pytestmark = pytest.mark.browser

TABLE_MAX = 20
TABLE = "table#program-directory"


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT)


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    """The site of a project copy that splits its directory past 20 programs, served on 127.0.0.1."""
    where = project_copy(tmp_path_factory.mktemp("split") / "project")
    module = where / "macros" / "directory_pages.py"
    source = module.read_text(encoding="utf-8")
    assert "\nTABLE_MAX = 1_000\n" in source
    module.write_text(source.replace("\nTABLE_MAX = 1_000\n", f"\nTABLE_MAX = {TABLE_MAX}\n"), encoding="utf-8")
    site = where / "site"
    result = build_site(where, site)
    assert result.returncode == 0, result.stderr[-3000:]
    server, address = serve_folder(site)
    yield address
    stop(server)


@pytest.fixture(scope="module")
def pages(data) -> list[directory_pages.CountryPage]:
    return directory_pages.country_pages(data, TABLE_MAX)


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all(f"{TABLE} tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.slug)")


def test_without_javascript_every_program_is_two_links_from_the_directory(browser, url, data, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + paths.DIRECTORY_PAGE)
    expect(page.locator(TABLE)).to_have_count(0)
    index = page.locator("#kb-directory-countries")
    expect(index).to_contain_text(f"The directory holds {len(data.programs)} programs")
    hrefs = list(dict.fromkeys(index.locator("a").evaluate_all("links => links.map(a => a.href)")))
    assert hrefs == [url + p.url for p in pages]
    found = []
    for href, expected in zip(hrefs, pages):
        page.goto(href)
        title = f"Programs in {expected.name}" + (f" (part {expected.part} of {expected.parts})" if expected.parts > 1 else "")
        expect(page.locator("h1")).to_have_text(re.compile("^" + re.escape(title)))
        slugs = page.locator(f"{TABLE} tbody tr").evaluate_all("rows => rows.map(r => r.dataset.slug)")
        assert slugs == list(expected.slugs)
        titles = page.locator(f"{TABLE} tbody th a").evaluate_all("links => links.map(a => a.href)")
        assert titles == [url + paths.program_url(s) for s in slugs], "each title links its program's page"
        # Nothing visible promises what only the script provides.
        visible = page.locator("article").inner_text()
        assert re.findall(r"[^.\n]*\b(?:filter|sort|search)\w*[^.\n]*", visible, re.IGNORECASE) == []
        found += slugs
    assert sorted(found) == sorted(data.programs)
    context.close()


def test_a_country_page_filters_and_sorts_its_table(page: Page, url, data, pages, outside_requests, console_errors):
    german = next(p for p in pages if p.country == "DE")
    page.goto(url + german.url)
    expect(page.locator("form.kb-filters")).to_have_count(1)
    assert shown(page) == list(german.slugs)
    expect(page.locator(".kb-count[role=status]")).to_have_text(f"Showing {len(german.slugs)} of {len(german.slugs)} programs.")
    page.locator(f"{TABLE} thead th[data-key='university'] button").click()
    universities = sorted(german.slugs, key=lambda s: data.programs[s].university.casefold())
    assert shown(page) == universities
    # The star of each row and the link to the shortlist work here too.
    expect(page.locator(f"{TABLE} tbody tr button.kb-star")).to_have_count(len(german.slugs))
    page.locator(".kb-shortlist-bar").get_by_role("link", name="Your shortlist").click()
    page.wait_for_url(re.compile(r"/programs/shortlist/$"))
    assert not outside_requests and not console_errors


def test_an_old_address_naming_a_country_opens_its_page_with_the_other_filters(page: Page, url, data, pages,
                                                                               outside_requests, console_errors):
    def online(slug):
        return bool({"online", "low-residency"} & set(data.programs[slug].delivery or []))

    first = next(p for p in pages if p.part == 1 and any(online(s) for s in p.slugs))
    page.goto(url + paths.DIRECTORY_PAGE + f"?country={first.country}&delivery=online-any&sort=university")
    page.wait_for_url(re.compile(rf"/programs/country/{first.country.lower()}/\?"))
    assert parse_qs(urlsplit(page.url).query) == {"delivery": ["online-any"], "sort": ["university"]}
    expect(page.locator("form.kb-filters")).to_have_count(1)
    expect(page.get_by_label("Delivery", exact=True)).to_have_value("online-any")
    expected = [s for s in first.slugs if online(s)]
    assert shown(page) == sorted(expected, key=lambda s: data.programs[s].university.casefold())
    assert not outside_requests and not console_errors


def test_an_old_address_without_a_country_carries_its_filters_to_the_country_chosen(page: Page, url, data, pages,
                                                                                   outside_requests, console_errors):
    page.goto(url + paths.DIRECTORY_PAGE + "?type=ms-ml")
    note = page.locator(".kb-directory-carried")
    expect(note).to_have_text("The search and filters of this address apply on the country page you choose.")
    first_us = next(p for p in pages if p.country == "US")
    page.locator("#kb-directory-countries a[data-country='US'][data-part='1']").first.click()
    page.wait_for_url(re.compile(r"/programs/country/us/\?type=ms-ml$"))
    expect(page.get_by_label("Degree type", exact=True)).to_have_value("ms-ml")
    assert shown(page) == [s for s in first_us.slugs if data.programs[s].degree_type == "ms-ml"]
    assert not outside_requests and not console_errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_split_pages_fit_a_phone_and_pass_axe(browser, url, pages, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for address in (paths.DIRECTORY_PAGE, pages[0].url, next(p for p in pages if p.parts > 1).url):
        page.goto(url + address)
        page.wait_for_load_state("networkidle")
        found[address] = axe_problems(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, address
    context.close()
    assert {address: v for address, v in found.items() if v} == {}
