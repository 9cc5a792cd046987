"""Search latency for `make bench`: milliseconds from the last keystroke to the results on screen.

Types like a reader with ``tests/search.py`` (``search(page, query, site_url)``), whatever search the
site has when the bench runs. In the page, a key listener notes the time of each keystroke and a
MutationObserver the time of each change to the results; the latency is the time from the last
keystroke to the first change after it that shows the final results (with the site's Pagefind search:
the moment the search box marks the query as done).

Cold: a fresh browser context (empty cache), the home page loaded, the first search, typed at once
(so whatever the search loads when it opens is waited for after the last keystroke). Cold, opened
first: the same, but the reader opens search a second before typing (as a reader's typing would
give it time to load). Warm: further searches in the same page, for other programs.
"""

from __future__ import annotations

from pathlib import Path

from bench.report import Searches
from bench.serve_gzip import serve
from tests.search import BOX, RESULT_LINKS, search
from tests.support import CHROMIUM, CHROMIUM_ARGS

#: Installed in the page before searching: records keystrokes and result changes with their times.
WATCH = """sel => {
  const log = window.__benchSearch = {keys: [], changes: []};
  document.addEventListener('keydown', () => log.keys.push(performance.now()), true);
  const read = () => {
    const box = document.querySelector('[data-kb-search]');
    log.changes.push([performance.now(), [...document.querySelectorAll(sel)].map(a => a.href).join(' '),
                      box ? box.getAttribute('data-kb-search-done') : null]);
  };
  new MutationObserver(read).observe(document.body, {subtree: true, childList: true, attributes: true,
                                                     attributeFilter: ['data-kb-search-done']});
}"""

#: Reads the latency of the search just made (ms), or null when no change followed the last keystroke.
LATENCY = """([sel, query]) => {
  const log = window.__benchSearch;
  const last = log.keys[log.keys.length - 1];
  const final = [...document.querySelectorAll(sel)].map(a => a.href).join(' ');
  const pagefind = document.querySelector('[data-kb-search]') !== null;
  const shown = log.changes.find(([t, links, done]) => t >= last && (pagefind ? done === query : links === final));
  log.keys.length = 0; log.changes.length = 0;
  return shown ? shown[0] - last : null;
}"""


def engine(page) -> str:
    """Which search the page has."""
    return "Pagefind" if page.locator("[data-kb-search]").count() else "Material"


def _one(page, query: str, site_url: str) -> tuple[float | None, list[str]]:
    found = search(page, query, site_url)
    latency = page.evaluate(LATENCY, [RESULT_LINKS, query])
    return latency, found


def _fresh_page(browser, url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url, wait_until="networkidle", timeout=180_000)
    page.evaluate(WATCH, RESULT_LINKS)
    return context, page


def measure(site_dir: Path, programs: int, queries: list[tuple[str, set[str]]], cold_runs: int = 5,
            opened_runs: int = 2) -> Searches:
    """Cold and warm latencies for ``queries`` (words, expected page paths) on a built site.

    Each cold run opens a fresh context and searches one query; the warm searches then ask every other
    query in that same page. A query counts as found when an expected path is in the top three.
    """
    from playwright.sync_api import sync_playwright

    server, url = serve(site_dir)
    cold: list[float] = []
    warm: list[float] = []
    opened: list[float] = []
    found = asked = 0
    kind = ""
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for run in range(cold_runs):
                context, page = _fresh_page(browser, url)
                kind = engine(page)
                order = queries[run % len(queries):] + queries[:run % len(queries)]
                for i, (query, expected) in enumerate(order):
                    latency, paths = _one(page, query, url)
                    if latency is not None:
                        (cold if i == 0 else warm).append(latency)
                    if run == 0:
                        asked += 1
                        found += bool(expected & set(paths[:3]))
                context.close()
            for run in range(opened_runs):
                context, page = _fresh_page(browser, url)
                page.locator(BOX).click()
                page.wait_for_timeout(1000)
                latency, _ = _one(page, queries[run % len(queries)][0], url)
                if latency is not None:
                    opened.append(latency)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return Searches(programs, cold, warm, found, asked, kind, opened)
