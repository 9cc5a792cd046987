"""The site as a reader meets it: loads, stays on this machine, works without JavaScript and on phones."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = ["", "degree-types/", "costs/", "programs/", "programs/kth-msc-machine-learning/", "glossary/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_outside_requests(page: Page, outside_requests, site_url, path):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("article h1").first).to_be_visible()
    assert errors == []
    assert outside_requests == []


@pytest.mark.parametrize("path", ["", "costs/", "glossary/"])
def test_a_first_visit_to_a_guide_page_fetches_nothing_that_grows_with_the_directory(page: Page, site_url, path):
    """No sitemap.xml (which instant navigation would fetch: every program's address), no program data and
    no search index until the reader searches: the bytes of a first visit stay the same at any size."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    grows = [url for url in fetched if url.endswith((".xml", ".json")) or "/pagefind/" in url
             or "/programs/" in url]
    assert grows == []


def test_tables_built_from_data_keep_their_place_and_materials_table_look(page: Page, site_url):
    """Material's script does not move them into wrappers of its own (a style and layout pass over each
    table at start-up); guide.css gives them the padding and borders Material gives its tables."""
    page.goto(site_url + "costs/")
    page.wait_for_load_state("networkidle")
    tables = page.locator("article .kb-table > table.kb-data")
    assert tables.count() >= 3
    assert page.locator("article .md-typeset__scrollwrap table.kb-data").count() == 0
    cell = page.locator("article .kb-table > table.kb-data tbody td").first
    assert cell.evaluate("td => getComputedStyle(td).borderTopStyle") == "solid"
    assert cell.evaluate("td => parseFloat(getComputedStyle(td).paddingLeft)") > 10
    # A table written in Markdown is still Material's, wrapped as before.
    page.goto(site_url + "degree-types/concentrations/")
    expect(page.locator("article .md-typeset__scrollwrap table:not([class])").first).to_be_attached()


def test_degree_types_table_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "degree-types/")
    expect(page.locator("#degree-types tbody tr")).to_have_count(11)
    context.close()


def test_glossary_terms_show_tooltips(page: Page, site_url):
    page.goto(site_url + "degree-types/ms-vs-mps/")
    assert page.locator("article abbr[title]").count() > 0


def test_phone_width_has_no_page_level_horizontal_scroll(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("", "degree-types/", "costs/", "programs/"):
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at 360px"
    context.close()


def test_charts_are_accessible_images_with_a_data_table(page: Page, site_url):
    page.goto(site_url + "costs/")
    figures = page.locator("figure.kb-chart")
    assert figures.count() >= 2
    charts = page.locator("figure.kb-chart svg[role=img]")
    assert charts.count() == figures.count()  # one drawing each, for every screen
    for i in range(charts.count()):
        svg = charts.nth(i)
        labelled = svg.get_attribute("aria-labelledby").split()
        assert all(page.locator(f"#{ident}").count() == 1 for ident in labelled)
    assert page.locator("figure.kb-chart svg[role=img]:visible").count() == figures.count()
    assert page.locator("figure.kb-chart details table").count() == figures.count()


def test_keyboard_reaches_skip_link_then_sorts_the_directory(page: Page, site_url):
    page.goto(site_url + "programs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused.lower().startswith("skip to content")
    button = page.locator("table#program-directory thead th button").first
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("table#program-directory thead th").first).to_have_attribute("aria-sort", "ascending")
    page.keyboard.press("Enter")
    expect(page.locator("table#program-directory thead th").first).to_have_attribute("aria-sort", "descending")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_program_name_stays_in_view_when_the_directory_scrolls_sideways(browser, site_url, scheme):
    """From 600px up (here 720px, a small tablet) the table scrolls inside its wrapper; the program's name
    (row header) sticks to its left edge. Below 600px the rows are cards (tests/test_browser_layout.py)."""
    context = browser.new_context(viewport={"width": 720, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "programs/")
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)
    wrap = page.locator("table#program-directory").locator("xpath=ancestor::div[contains(@class, 'kb-table')][1]")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth"), "the table is wider than the screen"
    name = page.locator("table#program-directory tbody tr:not([hidden]) th[scope=row]").first
    name.evaluate("th => th.scrollIntoView({block: 'center'})")
    before = name.bounding_box()
    university = page.locator("table#program-directory tbody tr:not([hidden]) td").first
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    assert wrap.evaluate("w => w.scrollLeft") > 0
    box, after = wrap.bounding_box(), name.bounding_box()
    assert after["x"] >= box["x"] - 0.5 and after["x"] + after["width"] <= box["x"] + box["width"] + 0.5, (box, after)
    assert after["x"] <= before["x"], "the name moved left with the table, up to the wrapper's edge"
    assert university.bounding_box()["x"] + university.bounding_box()["width"] <= box["x"] + 1, \
        "the column before it scrolled out of view"
    # What is under the name does not show through: its background is opaque and it is drawn on top.
    background = name.evaluate("th => getComputedStyle(th).backgroundColor")
    assert background.startswith("rgb(") or background.endswith(", 1)"), background
    centre = (after["x"] + after["width"] / 2, after["y"] + after["height"] / 2)
    assert name.evaluate("(th, [x, y]) => th.contains(document.elementFromPoint(x, y))", list(centre))
    # It is still the row's header, with its link.
    expect(name.get_by_role("link")).to_be_visible()
    context.close()
