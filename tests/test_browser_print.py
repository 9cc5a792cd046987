"""Printing a page gives the article alone: no site navigation, whole tables, link targets written out.

Pages are laid out as Chromium prints them (print media, about the width of an A4 page's text),
after the beforeprint event the browser sends before printing; a program page is also printed to
PDF.
"""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import Page

from .support import PROGRAMS

pytestmark = pytest.mark.browser

#: The printable area of an A4 page with print.css's margins (12 mm, 14 mm), in CSS pixels.
A4_TEXT = {"width": 703, "height": 1016}
PROGRAM_PAGE = f"programs/{sorted(p.stem for p in PROGRAMS.glob('*.yml'))[0]}/"
GUIDE_PAGE = "costs/"
SCREEN_ONLY = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
               ".md-search", ".md-path", ".md-top", ".md-content__button", ".md-typeset .headerlink"]


def print_view(page: Page, path: str, width: int = A4_TEXT["width"]) -> None:
    """Open ``path`` laid out for printing on paper ``width`` CSS pixels wide, as the browser does
    once the reader asks to print."""
    page.set_viewport_size({**A4_TEXT, "width": width})
    page.goto(path)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


@pytest.mark.parametrize("path", [PROGRAM_PAGE, GUIDE_PAGE, "programs/"])
def test_only_the_article_is_printed(page: Page, path, outside_requests, console_errors):
    print_view(page, path)
    for selector in SCREEN_ONLY:
        shown = [i for i, item in enumerate(page.locator(selector).all()) if item.is_visible()]
        assert shown == [], f"{selector} is printed on {path}"
    assert page.locator("article h1").is_visible()
    buttons = page.evaluate("""() => [...document.querySelectorAll('article button, article .md-button')]
        .filter(b => !b.closest('thead') && b.getClientRects().length).map(b => b.outerHTML.slice(0, 80))""")
    assert buttons == [], f"buttons printed on {path}: {buttons}"
    assert outside_requests == [] and console_errors == []


@pytest.mark.parametrize("width", [A4_TEXT["width"], 480])
@pytest.mark.parametrize("path", [GUIDE_PAGE, "programs/"])
def test_wide_tables_are_printed_whole(page: Page, path, width):
    """Every table fits the page's width: none is cut off or left to a scroll bar paper does not have,
    on an A4 page and on a page narrow enough for the tables to print as stacked cards."""
    print_view(page, path, width)
    problems = page.evaluate("""() => {
        const article = document.querySelector('article');
        const right = article.getBoundingClientRect().right;
        const found = [];
        for (const table of article.querySelectorAll('table')) {
            if (table.getBoundingClientRect().right > right + 1) found.push('table sticks out of the page');
            for (let box = table; box && box !== article; box = box.parentElement) {
                if (box.scrollWidth > box.clientWidth + 1) {
                    found.push(box.tagName + '.' + box.className + ' is ' + box.scrollWidth + 'px wide in ' +
                               box.clientWidth + 'px');
                }
            }
        }
        return {tables: article.querySelectorAll('table').length, found};
    }""")
    assert problems["tables"] > 0
    assert problems["found"] == []


def after_text(page: Page, selector: str) -> list[tuple[str, str]]:
    """(href, text printed after the link) for each element matching ``selector`` in the article."""
    return page.evaluate("""selector => [...document.querySelectorAll(selector)]
        .filter(a => a.getClientRects().length)
        .map(a => [a.href || '', getComputedStyle(a, '::after').content])""", selector)


def test_links_to_other_sites_print_their_address_and_links_within_the_guide_do_not(page: Page):
    print_view(page, PROGRAM_PAGE)
    links = after_text(page, "article a[href]")
    outside = [(href, after) for href, after in links if not href.startswith(page.url.split("/programs/")[0])]
    inside = [(href, after) for href, after in links if (href, after) not in outside]
    assert outside and inside
    for href, after in outside:
        assert href in after, f"the address of {href} is not printed"
    for href, after in inside:
        assert after in ("none", "normal"), f"{href} (within the guide) prints {after}"


def test_anchors_and_glossary_terms_print_no_address(page: Page):
    print_view(page, GUIDE_PAGE)
    anchors = [(href, after) for href, after in after_text(page, "article a[href]") if "#" in href]
    assert anchors and all(after in ("none", "normal") for _, after in anchors)
    terms = after_text(page, "article abbr")
    assert terms and all(after in ("none", "normal") for _, after in terms)


def test_expandable_blocks_print_open_and_close_again_after_printing(page: Page):
    page.set_viewport_size(A4_TEXT)
    page.goto(GUIDE_PAGE)
    closed = page.locator("article details:not([open])")
    count = closed.count()
    assert count > 0
    page.emulate_media(media="print")
    # Even before any script runs: print.css shows the content of closed blocks.
    heights = page.evaluate("""() => [...document.querySelectorAll('article details:not([open])')]
        .map(d => d.lastElementChild.getBoundingClientRect().height)""")
    assert all(height > 0 for height in heights)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details:not([open])").count() == count


def test_program_page_prints_to_a_pdf_without_blank_pages(page: Page):
    print_view(page, PROGRAM_PAGE)
    height = page.evaluate("document.documentElement.scrollHeight")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
    assert 1 <= pages <= math.ceil(height / A4_TEXT["height"]) + 1, f"{pages} pages for {height}px of content"
