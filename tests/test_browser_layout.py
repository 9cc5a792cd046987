"""Readable on any screen: no page scrolls sideways at 360px, wide tables become cards, charts stay legible.

Every built page (guide pages and program pages alike) is opened at 360px wide in both
colour schemes. The page itself never scrolls sideways, and nothing inside the page's content
scrolls sideways either, except code blocks. axe-core checks the stacked tables at that width.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .support import ROOT, axe_problems

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
SCHEMES = {"light": "default", "dark": "slate"}

#: How wide the page is, and every element of the content whose content is wider than itself
#: (scrolling sideways or cut off), other than code blocks (which may scroll inside themselves) and
#: visually hidden text.
OVERFLOW = """() => {
    const root = document.documentElement;
    const found = [];
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    for (const e of document.querySelectorAll('.md-content *')) {
        if (e.closest('pre, code')) continue;
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1 &&
                style.clipPath === 'none') {
            found.push(name(e) + ' overflows by ' + (e.scrollWidth - e.clientWidth) + 'px');
        }
    }
    return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, found: found.slice(0, 5),
            scheme: document.body.getAttribute('data-md-color-scheme')};
}"""


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site as a path from its root: the guide's pages, then the program pages."""
    pages, programs = [], []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "404.html":
            continue  # its links start at the site's path (/guide/), so served from this folder it has no styles
        address = relative.removesuffix("index.html")
        parts = relative.split("/")
        if len(parts) == 3 and parts[0] == "programs" and parts[2] == "index.html" and parts[1] != "compare":
            programs.append(address)
        else:
            pages.append(address)
    return pages + programs


def phone(browser, scheme: str):
    return browser.new_context(viewport=PHONE, color_scheme=scheme)


def test_the_page_list_covers_the_site(built_site):
    pages = site_pages(built_site)
    assert {"", "degree-types/", "costs/", "programs/", "programs/compare/", "contributing/data-reference/"} <= set(pages)
    assert {f"programs/{path.stem}/" for path in (ROOT / "data" / "programs").glob("*.yml")} <= set(pages)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_scrolls_sideways_at_360px(browser, built_site, site_url, scheme):
    context = phone(browser, scheme)
    page = context.new_page()
    problems = {}
    for path in site_pages(built_site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        found = page.evaluate(OVERFLOW)
        assert found["scheme"] == SCHEMES[scheme], path
        if found["scrollWidth"] > found["innerWidth"] or found["found"]:
            problems[path or "/"] = found
    context.close()
    assert problems == {}


@pytest.mark.parametrize("width", [360, 1280])
def test_degree_types_are_a_short_table_and_a_detail_per_type(browser, site_url, dataset, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "degree-types/")
    table = page.locator("table#degree-types")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(dataset.degree_types.degree_types))
    headings = table.locator("thead th").all_text_contents()
    assert headings == ["Degree type", "Abbreviation", "Orientation", "Credits of listed programs",
                        "Length of listed programs", "Programs listed"]
    first = dataset.degree_types.degree_types[0]
    # Each name leads to the page about that type.
    link = rows.first.locator("th[scope=row] a")
    expect(link).to_have_text(first.title)
    assert link.evaluate("a => new URL(a.href).pathname").endswith("/" + first.guide_page.removesuffix(".md") + "/")
    # The table fits the page: it does not scroll sideways at either width.
    wrap = page.locator(".kb-table", has=table)
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1")
    # Each type opens to its focus, who it fits and its sources.
    card = page.locator(f"details#degree-type-{first.id}")
    expect(card.locator("dd").first).to_be_hidden()
    card.locator("summary").click()
    expect(card.locator("dd").first).to_be_visible()
    assert card.locator("dt").all_text_contents() == ["Focus", "Who it fits", "Sources"]
    expect(card.locator("dd").first).to_have_text(first.focus)
    context.close()


def test_stacked_rows_are_cards_with_labelled_facts_at_360px_and_rows_on_a_laptop(browser, site_url):
    for width, stacked in ((360, True), (1280, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site_url + "degree-types/")
        row = page.locator("table#degree-types tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == ("flex" if stacked else "table-row")
        cell = row.locator("td").first
        label = cell.evaluate("c => getComputedStyle(c, '::before').content")
        assert label == ('"Abbreviation: "' if stacked else "none"), label
        header = page.locator("table#degree-types thead")
        assert header.evaluate("h => h.getBoundingClientRect().height") <= (1 if stacked else 1000)
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_directory_rows_are_cards_on_a_phone_with_the_name_on_top(browser, site_url, scheme):
    context = phone(browser, scheme)
    page = context.new_page()
    page.goto(site_url + "programs/")
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)
    wrap = page.locator(".kb-directory-wrap")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1"), "the directory scrolls sideways"
    row = page.locator("table#program-directory tbody tr:not([hidden])").first
    name, university = row.locator("th[scope=row]"), row.locator("td").first
    assert name.bounding_box()["y"] < university.bounding_box()["y"], "the program's name is the card's title"
    assert university.evaluate("c => getComputedStyle(c, '::before').content") == '"University: "'
    assert name.evaluate("th => getComputedStyle(th).position") == "static", "no sticky column on phones"
    # The column headings stay visible as sort buttons.
    button = page.locator("table#program-directory thead th button").first
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("table#program-directory thead th").first).to_have_attribute("aria-sort", "ascending")
    context.close()


def test_directory_without_javascript_is_cards_without_headings_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "programs/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator("table#program-directory thead").evaluate("h => h.getBoundingClientRect().height") <= 1
    assert page.locator("table#program-directory tbody tr").first.evaluate("r => getComputedStyle(r).display") == "flex"
    context.close()


#: For each chart drawing on show: how big its text is on screen, and any text outside its drawing.
CHART_TEXT = """() => [...document.querySelectorAll('figure.kb-chart svg')]
    .filter(svg => getComputedStyle(svg).display !== 'none')
    .map(svg => {
        const box = svg.viewBox.baseVal, scale = svg.getBoundingClientRect().width / box.width;
        const texts = [...svg.querySelectorAll('text')];
        return {
            cls: svg.getAttribute('class'),
            smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
            outside: texts.filter(t => { const b = t.getBBox();
                return b.x < -0.5 || b.y < -0.5 || b.x + b.width > box.width + 0.5 || b.y + b.height > box.height + 0.5; })
                .map(t => t.textContent),
        };
    })"""


@pytest.mark.parametrize("width, smallest", [(360, 11), (1280, 10)])
def test_charts_show_one_drawing_whose_text_fits_and_is_readable(browser, site_url, width, smallest):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "costs/")
    figures = page.locator("figure.kb-chart")
    shown = page.evaluate(CHART_TEXT)
    assert len(shown) == figures.count() >= 2, "each chart shows exactly one drawing"
    for chart in shown:
        assert chart["outside"] == [], chart
        assert chart["smallest"] >= smallest, chart
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_stacked_tables_have_no_wcag_violations_at_360px(browser, site_url, scheme):
    """The degree types (every detail open), a page of stacked data tables and charts, and the directory as cards."""
    context = phone(browser, scheme)
    page = context.new_page()
    problems = {}
    for path in ("degree-types/", "careers/", "costs/", "programs/"):
        page.goto(site_url + path)
        if path == "programs/":
            expect(page.locator(".kb-count[role=status]")).to_have_count(1)
        page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
        problems[path] = axe_problems(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}
