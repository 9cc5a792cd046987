"""Bytes of a first visit, as headless Chromium fetches them from a server that gzips like GitHub Pages.

No file names are assumed: every request the page makes (its scripts' and workers' data too) is
read from the browser's log of finished requests (Playwright's ``Request.sizes()``: the response as
sent, compressed, plus its headers). A visit waits until the page's main thread and the network are
idle and no request has started for a while, so background fetches (a sitemap or a search index
loaded on every page) count. Requests to other hosts are blocked and counted apart.
"""

from __future__ import annotations

from pathlib import Path

from bench.report import Visit
from bench.serve_gzip import serve
from tests.support import CHROMIUM, CHROMIUM_ARGS

#: After the network is idle, wait this long for late fetches, then for idle again.
IDLE_MS = 1500
#: Resolves once the page's main thread has nothing to do.
IDLE = "() => new Promise(resolve => requestIdleCallback(() => resolve(), {timeout: 20000}))"
#: Resource types (DevTools) of data fetched by scripts.
DATA_TYPES = ("fetch", "xhr")


def _measure(browser, site_url: str, address: str, outside: list[str]) -> tuple[int, int, int, list[tuple[str, int]]]:
    """(total, document, data) bytes of one visit to ``address`` with an empty cache, and each request's bytes."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()

    def only_this_site(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))  # workers' requests too
    started: list = []
    context.on("request", lambda request: started.append(request))
    page.goto(site_url + address, wait_until="networkidle", timeout=180_000)
    for _ in range(10):  # until the page is idle and no request starts for IDLE_MS
        seen = len(started)
        page.evaluate(IDLE)  # a long page's scripts may start their fetches only after seconds of work
        page.wait_for_timeout(IDLE_MS)
        page.wait_for_load_state("networkidle")
        if len(started) == seen:
            break
    total = document = data = 0
    resources = []
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        resources.append((request.url.removeprefix(site_url).split("?")[0], size))
        total += size
        if request.resource_type == "document":
            document += size
        elif request.resource_type in DATA_TYPES or "/pagefind/" in request.url or request.url.endswith(".json"):
            data += size
    context.close()
    return total, document, data, resources


def visits(site_dir: Path, pages: dict[str, str], label: str) -> tuple[list[Visit], list[str]]:
    """One first visit per page of ``pages`` (name -> address relative to the site root) of a built site.

    Returns the visits and any requests to other hosts (which were blocked).
    """
    from playwright.sync_api import sync_playwright

    server, url = serve(site_dir)
    outside: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            found = []
            for name, address in pages.items():
                total, document, data, resources = _measure(browser, url, address, outside)
                found.append(Visit(label, name, total, document, data, len(resources), tuple(resources)))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return found, outside
