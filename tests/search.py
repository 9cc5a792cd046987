"""Drive Material's built-in search like a reader does (typing, not filling) and read the results."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page


def search(page: Page, query: str, site_url: str) -> list[str]:
    """Type ``query`` into the search box and return the paths of the result pages, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.dispatch_event("keyup")
    box.press_sequentially(query)
    # Material searches on every keyup; wait until the result list stops changing.
    previous: list[str] | None = None
    for _ in range(40):
        page.wait_for_timeout(120)
        current = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
        )
        if current and current == previous:
            break
        previous = current
    base = urlsplit(site_url).path
    paths = []
    for href in previous or []:
        path = urlsplit(href).path.removeprefix(base) or "/"
        paths.append(path.strip("/") + "/" if path.strip("/") else "")
    return paths
