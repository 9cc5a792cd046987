"""Drive the site's search like a reader does (typing, not filling) and read the results.

The site's search is Pagefind's (docs/assets/javascripts/search.js), which marks the search box's
dialog with ``data-kb-search-done`` once the results for the words typed are on screen. A site built
with Material's own search (the offline copy) is driven too: there the result list is read once it
stops changing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page

BOX = "input.md-search__input"
RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link"


def search(page: Page, query: str, site_url: str) -> list[str]:
    """Type ``query`` into the search box and return the paths of the result pages, best first.

    A result that is a section of a page (or the directory with a filter) gives the page's path.
    """
    box = page.locator(BOX)
    box.click()
    box.fill("")
    box.dispatch_event("keyup")
    box.press_sequentially(query)
    if page.locator("[data-kb-search]").count():
        page.wait_for_function(
            "q => document.querySelector('[data-kb-search]').getAttribute('data-kb-search-done') === q", arg=query
        )
        found = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    else:
        found = _material_results(page)
    base = urlsplit(site_url).path
    paths = []
    for href in found:
        path = urlsplit(href).path.removeprefix(base).strip("/")
        paths.append(f"{path}/" if path else "")
    return paths


def _material_results(page: Page) -> list[str]:
    """Material searches on every keyup; wait until its result list stops changing."""
    previous: list[str] | None = None
    for _ in range(40):
        page.wait_for_timeout(120)
        current = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if current and current == previous:
            break
        previous = current
    return previous or []
