"""Browser tests that the directory, compare and shortlist pages hold still while their scripts fill them in.

The scripts add the directory's filters and shortlist link and the compare tool's table after the
page has first been drawn. The stylesheet keeps their room from the first paint (the head's "kb-js"
class, overrides/main.html; guide.css), so a reader who starts reading never sees the text jump.
The browser's own record of layout shifts (PerformanceObserver 'layout-shift') says whether
anything moved; the bound, 0.1, is what Core Web Vitals calls a good page. The star buttons the
shortlist adds must also be big enough to press: 24 by 24 CSS pixels (WCAG 2.2 target size).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from macros.validate import load_dataset

from .support import ROOT

pytestmark = pytest.mark.browser

#: Records every layout shift not caused by the reader's own input, from the very start of the page.
RECORD_SHIFTS = """
window.__kbShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) window.__kbShifts.push(entry.value); });
}).observe({ type: "layout-shift", buffered: true });
"""
#: A phone the size Lighthouse's mobile audit uses, a small phone, a tablet and a desktop.
SCREENS = [(412, 823), (360, 740), (768, 1024), (1280, 900)]


def shift_after_load(page: Page, path: str, ready: str) -> float:
    """The page's cumulative layout shift once it has loaded and its script has filled it in."""
    page.add_init_script(RECORD_SHIFTS)
    page.goto(path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # a last frame for any shift still to be recorded
    return page.evaluate("window.__kbShifts.reduce(function (a, b) { return a + b; }, 0)")


@pytest.fixture(scope="module")
def four_programs() -> list[str]:
    return list(load_dataset(ROOT).programs)[:4]


@pytest.mark.parametrize("width,height", SCREENS)
def test_directory_does_not_move_when_its_filters_arrive(page: Page, built_site, width, height):
    page.set_viewport_size({"width": width, "height": height})
    shift = shift_after_load(page, "programs/", ".kb-shortlist-bar")
    assert shift < 0.1, f"the directory moved by {shift:.3f} at {width}px"


@pytest.mark.parametrize("width,height", SCREENS)
def test_compare_does_not_move_when_its_table_arrives(page: Page, built_site, four_programs, width, height):
    page.set_viewport_size({"width": width, "height": height})
    query = "&".join(f"p={slug}" for slug in four_programs)
    shift = shift_after_load(page, f"programs/compare/?{query}", "#kb-compare-table")
    assert shift < 0.1, f"the compare page moved by {shift:.3f} at {width}px"


def test_empty_compare_page_does_not_move_when_its_picker_arrives(page: Page, built_site):
    page.set_viewport_size({"width": 412, "height": 823})
    shift = shift_after_load(page, "programs/compare/", ".kb-compare select")
    assert shift < 0.1


@pytest.mark.parametrize("which", ["shortlist", "program page"])
def test_shortlist_page_and_program_page_do_not_move_when_their_stars_arrive(page: Page, built_site, four_programs, which):
    page.set_viewport_size({"width": 412, "height": 823})
    if which == "shortlist":
        path, ready = "programs/shortlist/?" + "&".join(f"p={slug}" for slug in four_programs[:2]), "#kb-shortlist li[data-slug]"
    else:
        path, ready = f"programs/{four_programs[0]}/", "button[data-kb-star-ready]"
    shift = shift_after_load(page, path, ready)
    assert shift < 0.1, f"the {which} moved by {shift:.3f}"


@pytest.mark.parametrize("width", [360, 1280])
def test_star_buttons_are_at_least_24_pixels_square(page: Page, built_site, four_programs, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path, ready in [("programs/", "tr[data-slug] button.kb-star"),
                        ("programs/compare/?" + "&".join(f"p={s}" for s in four_programs), "#kb-compare-table button.kb-star")]:
        page.goto(path)
        page.wait_for_selector(ready)
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll('button.kb-star')).map(function (b) {
            var box = b.getBoundingClientRect(); return [box.width, box.height]; })""")
        assert sizes
        small = [size for size in sizes if size[0] < 24 or size[1] < 24]
        assert not small, f"{len(small)} star buttons on {path} at {width}px are smaller than 24x24: {small[:3]}"


def test_without_javascript_the_directory_keeps_no_empty_room(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 412, "height": 823})
    try:
        page = context.new_page()
        page.goto(site_url + "programs/")
        assert page.locator(".kb-directory-controls").evaluate("box => box.getBoundingClientRect().height") == 0
        help_texts = page.locator(".kb-directory-help")
        assert help_texts.count() and all(help_texts.nth(i).is_hidden() for i in range(help_texts.count()))
        page.goto(site_url + "programs/compare/")
        assert page.locator("#kb-compare").evaluate("box => box.getBoundingClientRect().height") < 200
    finally:
        context.close()
