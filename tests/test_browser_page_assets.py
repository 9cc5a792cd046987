"""Tool pages reached by a link load their own script and stylesheet and enhance their page once, also
when the browser shows them again from its history (macros/page_assets.py, overrides/main.html);
other pages do not load the stylesheet."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support import assert_clean

pytestmark = pytest.mark.browser

#: Tool page, the element its script enhances, the attribute the script sets on it.
TOOLS = [
    ("degree-types/finder/", "#kb-finder", "data-kb-enhanced"),
    ("admissions/self-check/", "#kb-self-check", "data-kb-enhanced"),
    ("costs/calculator/", "#kb-calc", "data-ready"),
]


def follow(page: Page, address: str, ready: str) -> None:
    """Click a link to ``address`` (added to the page, so any page will do), as a reader would, and
    wait until the new page's content, with ``ready`` in it, has replaced the old one."""
    page.evaluate("""address => {
        const link = Object.assign(document.createElement('a'), {href: address, id: 'kb-test-link', textContent: 'Go'});
        document.querySelector('.md-content__inner').prepend(link);
    }""", address)
    page.locator("#kb-test-link").click()
    page.wait_for_url(re.compile(re.escape(address) + "$"))
    expect(page.locator(ready)).to_have_count(1)
    expect(page.locator("#kb-test-link")).to_have_count(0)


def stylesheets(page: Page) -> list[str]:
    return page.eval_on_selector_all("head link[rel=stylesheet]", "links => links.map(l => new URL(l.href).pathname)")


@pytest.mark.parametrize("path, root, mark", TOOLS, ids=[t[0] for t in TOOLS])
def test_a_tool_reached_by_a_link_works_once(page: Page, site_url, path, root, mark, outside_requests, console_errors):
    page.goto(site_url)
    assert "/assets/stylesheets/calculator.css" not in stylesheets(page)
    for _ in range(2):  # there and back twice: each visit enhances the tool once
        follow(page, site_url + path, root)
        expect(page.locator(f"{root}[{mark}]")).to_have_count(1)
        expect(page.locator(root)).to_be_visible()
        page.go_back()
        page.wait_for_url(site_url)
        expect(page.locator(root)).to_have_count(0)
        page.wait_for_load_state("networkidle")
    assert "/assets/stylesheets/calculator.css" not in stylesheets(page), "the home page does not keep it"
    assert_clean(outside_requests, console_errors)


def test_the_calculator_s_stylesheet_applies_when_reached_by_a_link(page: Page, site_url, outside_requests,
                                                                     console_errors):
    page.goto(site_url + "costs/")
    follow(page, site_url + "costs/calculator/", "#kb-calc[data-ready]")
    assert "/assets/stylesheets/calculator.css" in stylesheets(page)
    expect(page.locator(".kb-calc__form")).to_have_css("display", "grid")
    assert_clean(outside_requests, console_errors)
