"""The header's colour palette (overrides/partials/palette.html, run by overrides/partials/javascripts/palette.html).

The reader's scheme is on the page from the first paint, a page load never restyles the whole page
to set colours that are already there, the toggle cycles light -> dark -> system and is remembered
from page to page, the system choice follows the system, and the browser's own colours follow the header.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import assert_clean

pytestmark = pytest.mark.browser

SCHEME = {"light": "default", "dark": "slate"}

#: Records every change of the body's colour attributes while the page loads, with whether the
#: article had been parsed yet (a change after that would show the reader the wrong colours first).
RECORD_COLOUR_CHANGES = """
window.__kbColourChanges = [];
new MutationObserver(function (records) {
  records.forEach(function (record) {
    if (record.target !== document.body) return;
    window.__kbColourChanges.push({
      name: record.attributeName,
      value: document.body.getAttribute(record.attributeName),
      articleParsed: document.querySelector("article") !== null
    });
  });
}).observe(document, { attributes: true, subtree: true, attributeFilter: [
  "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-switching"] });
"""

#: The visible toggle button: its `for` names the option it switches to.
BUTTON = "form[data-kb-palette] label:not([hidden])"


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("system", ["light", "dark"])
def test_a_first_visit_shows_the_systems_scheme_from_the_first_paint_without_restyling(browser, site_url, system):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.add_init_script(RECORD_COLOUR_CHANGES)
    page.goto(site_url + "programs/")
    page.wait_for_load_state("load")
    expect(page.locator(BUTTON)).to_have_count(1)
    assert scheme_of(page) == SCHEME[system]
    changes = page.evaluate("window.__kbColourChanges")
    # Material's own palette script marks the body as switching on every load, which restyles every element.
    assert [c for c in changes if c["name"] == "data-md-color-switching"] == []
    # On a light system the build's colours are already right; on a dark one they change before the article exists.
    assert all(not c["articleParsed"] for c in changes), changes
    assert ([c["value"] for c in changes if c["name"] == "data-md-color-scheme"] == ([] if system == "light" else ["slate"]))
    context.close()


def test_the_toggle_cycles_light_dark_and_system_and_each_page_remembers_it(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url)
    button = page.locator(BUTTON)
    # Options: 0 system, 1 light, 2 dark. The button shown leads to the next one.
    assert (scheme_of(page), button.get_attribute("for")) == ("slate", "__palette_1")  # system, dark here
    steps = []
    for _ in range(4):
        button.click()
        steps.append((scheme_of(page), button.get_attribute("for")))
    assert steps == [("default", "__palette_2"),  # light
                     ("slate", "__palette_0"),  # dark
                     ("slate", "__palette_1"),  # system (dark)
                     ("default", "__palette_2")]  # light again
    # Light, chosen last, is what the next page shows.
    page.goto(site_url + "costs/")
    assert scheme_of(page) == "default"
    expect(button).to_have_attribute("for", "__palette_2")
    context.close()


def test_enter_on_the_focused_option_switches_to_the_next_palette(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    expect(page.locator(BUTTON)).to_have_attribute("for", "__palette_1")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert scheme_of(page) == "default"
    expect(page.locator(BUTTON)).to_have_attribute("for", "__palette_2")
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    assert scheme_of(page) == "slate"


def test_the_system_choice_follows_the_system_and_a_fixed_choice_does_not(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert scheme_of(page) == "default"
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator(BUTTON).click()  # system -> light
    assert scheme_of(page) == "default"
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(100)
    assert scheme_of(page) == "default"


def test_the_browsers_own_colours_follow_the_header(page, site_url, console_errors, outside_requests):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "costs/")
    page.wait_for_load_state("load")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    expect(page.locator("meta[name=theme-color]")).to_have_attribute("content", header)
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "dark")
    page.locator(BUTTON).click()  # system (dark) -> light
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "light")
    assert_clean(outside_requests, console_errors)
