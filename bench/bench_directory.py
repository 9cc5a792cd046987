"""How long a filter change takes in the program directory with many rows (not a test; a script).

    python bench/bench_directory.py [--rows 10000] [--site BUILT_SITE_DIR]

It copies the built site to a temporary folder, writes bench.html next to the built directory page
(the largest one, once the directory is split by country) with its rows repeated up to N, serves that
folder on 127.0.0.1, and times filter changes in headless Chromium with performance.now() inside the page. ``measure_filter_ms`` is the
function for ``make bench``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support import CHROMIUM, CHROMIUM_ARGS, build_site, serve_folder  # noqa: E402

TBODY = re.compile(r'(<table id="program-directory"[^>]*>.*?<tbody>)(.*?)(</tbody>)', re.S)

# Runs in the page: each step sets one filter, then forces style and layout (the work the
# browser must do before it can paint), and waits for the next frame. Returns milliseconds.
MEASURE = """async (steps) => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const table = document.querySelector('table#program-directory');
  const out = [];
  for (const [id, value] of steps) {
    await new Promise(resolve => setTimeout(resolve, 250));  // the previous change has written the URL
    await frame();
    const control = document.getElementById(id);
    const t0 = performance.now();
    control.value = value;
    control.dispatchEvent(new Event(control.tagName === 'INPUT' ? 'input' : 'change', {bubbles: true}));
    const t1 = performance.now();
    void table.offsetHeight;
    const t2 = performance.now();
    await frame();
    const t3 = performance.now();
    out.push({script: t1 - t0, layout: t2 - t0, frame: t3 - t0,
              shown: table.querySelectorAll('tbody tr:not([hidden])').length});
  }
  return out;
}"""

STEPS = [
    ["kb-filter-delivery", "online"], ["kb-filter-delivery", ""],
    ["kb-filter-country", "US"], ["kb-filter-country", ""],
    ["kb-filter-final", "thesis"], ["kb-filter-final", ""],
    ["kb-filter-max", "60000"], ["kb-filter-max", ""],
] * 3


def directory_table(built_site: Path) -> tuple[Path, str, re.Match]:
    """The built page with the most directory rows: its path in the site, its HTML, the match of its table body.

    That is programs/index.html while the directory is one page; once it is split into pages per
    country, the largest of those.
    """
    best: tuple[Path, str, re.Match] | None = None
    for path in [built_site / "programs" / "index.html", *sorted((built_site / "programs").glob("*/**/index.html"))]:
        html = path.read_text(encoding="utf-8") if path.is_file() else ""
        found = TBODY.search(html)
        if found and (best is None or found.group(2).count("<tr") > best[2].group(2).count("<tr")):
            best = (path.relative_to(built_site), html, found)
    if best is None:
        raise SystemExit("no page of the built site has table#program-directory")
    return best


def bench_page(built_site: Path, out_dir: Path, rows: int) -> Path:
    """Copy the built site to out_dir and write bench.html with `rows` directory rows next to the directory page."""
    shutil.copytree(built_site, out_dir, dirs_exist_ok=True)
    source, html, found = directory_table(built_site)
    originals = re.findall(r"<tr\b.*?</tr>", found.group(2), re.S)
    copies = []
    for i in range(rows):
        row = originals[i % len(originals)]
        if i >= len(originals):
            row = re.sub(r'data-slug="([^"]*)"', rf'data-slug="\1-{i}"', row, count=1)
        copies.append(row)
    page = html[:found.start(2)] + "".join(copies) + html[found.end(2):]
    target = out_dir / source.parent / "bench.html"
    target.write_text(page, encoding="utf-8")
    return target


def measure_filter_ms(built_site: Path, rows: int = 10_000) -> dict[str, float]:
    """Median and worst milliseconds of a filter change with `rows` rows in Chromium."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = bench_page(Path(built_site), Path(tmp), rows).relative_to(tmp).as_posix()
        server, url = serve_folder(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                # Other hosts are never contacted.
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
                page.goto(url + page_path, timeout=120_000)
                page.wait_for_selector(".kb-count", timeout=120_000)
                count = page.locator("table#program-directory tbody tr").count()
                if count != rows:
                    raise SystemExit(f"expected {rows} rows, found {count}")
                results = page.evaluate(MEASURE, STEPS)
                sort_ms = page.evaluate("""async () => {
                    const times = [];
                    const buttons = [...document.querySelectorAll('table#program-directory thead th[data-key] button')];
                    // the last column, the first, a middle one, the first again
                    for (const b of [buttons[buttons.length - 1], buttons[0], buttons[buttons.length >> 1], buttons[0]]) {
                      await new Promise(resolve => setTimeout(resolve, 250));
                      const t0 = performance.now(); b.click();
                      void document.querySelector('table#program-directory').offsetHeight;
                      times.push(performance.now() - t0);
                    }
                    return times.sort((a, b) => a - b)[2]; }""")
                browser.close()
                if errors:
                    raise SystemExit(f"errors in the page: {errors}")
        finally:
            server.terminate()
            server.wait(5)
    layout = [r["layout"] for r in results]
    return {
        "rows": rows,
        "script_median": statistics.median(r["script"] for r in results),
        "layout_median": statistics.median(layout),
        "layout_max": max(layout),
        "frame_median": statistics.median(r["frame"] for r in results),
        "frame_max": max(r["frame"] for r in results),
        "sort": sort_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            result = build_site(ROOT, site)
            if result.returncode != 0:
                raise SystemExit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
        r = measure_filter_ms(site, args.rows)
    print(f"directory filter with {r['rows']:,} rows: "
          f"{r['layout_median']:.1f} ms median, {r['layout_max']:.1f} ms worst (script, style and layout; "
          f"script alone {r['script_median']:.1f} ms); to next frame {r['frame_median']:.1f} ms median, "
          f"{r['frame_max']:.1f} ms worst; sort {r['sort']:.1f} ms median")


if __name__ == "__main__":
    main()
