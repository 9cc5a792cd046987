"""`make bench`: one Markdown report of the site's costs at today's size, 10x and 10,000 programs.

Everything is measured side by side in one run on this machine, and reported mostly as ratios:

- build and ``make check`` at 1x (today's programs), 10x and 10,000 programs (synthetic programs
  added to a copy of the project; nothing is committed), and at each size the same pages
  pre-rendered (``bench/build_cost.py``), built right after the site;
- bytes of a first visit to home, a guide page, the directory and compare with four programs, at
  1x and 10,000 programs, against a stock Material one-page site (``bench/first_visit.py``);
- search latency, cold and warm, at 1x and 10,000 programs (``bench/search_latency.py``);
- a directory filter change with 10,000 rows (``bench/bench_directory.py``);
- each budget of issue 9 with its figure and verdict (``bench/report.py``).

    python -m bench.bench [--out bench-report.md] [--large 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench import build_cost, first_visit, report, search_latency  # noqa: E402
from bench.bench_directory import directory_table, measure_filter_ms  # noqa: E402
from tests.support import FIXTURES, PROGRAMS, mkdocs_env  # noqa: E402

TEMPLATE = (FIXTURES / "programs" / "valid.yml").read_text(encoding="utf-8")
GUIDE_PAGE = "costs/"
#: Builds of each kind at each size; the report keeps the cheapest (other work on the machine only adds).
REPEATS = 2
COMPARED = 4


def project_with(programs: int, where: Path) -> Path:
    """A copy of the project whose data/programs holds ``programs`` files (the real ones plus synthetic)."""
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", where / "data")  # the real programs stay: other data refers to them
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    folder = where / "data" / "programs"
    for i in range(programs - len(list(folder.glob("*.yml")))):
        text = TEMPLATE.replace("Example University", f"Example University {i}").replace("amount: 1200", f"amount: {1000 + i % 900}")
        (folder / f"example-{i:05d}.yml").write_text(text, encoding="utf-8")
    return where


def real_programs() -> list[str]:
    """Slugs of the repository's programs, sorted."""
    return sorted(p.stem for p in PROGRAMS.glob("*.yml"))


def pages_to_visit(slugs: list[str]) -> dict[str, str]:
    """The pages of a first visit: name -> address relative to the site."""
    compare = "&".join(f"p={slug}" for slug in slugs[:COMPARED])
    return {"home": "", "guide": GUIDE_PAGE, "directory": "programs/",
            f"compare ({COMPARED} programs)": f"programs/compare/?{compare}"}


def largest_directory_part(site: Path) -> dict[str, str]:
    """The directory's largest page once it is split (by country), as a page to visit; nothing while it is one page."""
    source = directory_table(site)[0]
    if source.as_posix() == "programs/index.html":
        return {}
    return {f"directory, largest part ({source.parent.as_posix()}/)": f"{source.parent.as_posix()}/"}


def search_queries(slugs: list[str], synthetic: int) -> list[tuple[str, set[str]]]:
    """Searches for programs: a university's name (any of its programs will do), and synthetic ones by number."""
    universities: dict[str, set[str]] = {}
    for slug in slugs:
        university = yaml.safe_load((PROGRAMS / f"{slug}.yml").read_text(encoding="utf-8"))["university"]
        universities.setdefault(university, set()).add(f"programs/{slug}/")
    names = sorted(universities)
    queries = [(name, universities[name]) for name in names[:: max(1, len(names) // 3)][:3]]
    queries += [(f"Example University {i}", {f"programs/example-{i:05d}/"})
                for i in (synthetic // 7, synthetic // 2, synthetic - 3) if synthetic > 10]
    return queries


def versions() -> str:
    names = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pagefind", "playwright")
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found + [f"Python {platform.python_version()}"])


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def measure_builds(sizes: list[int], tmp: Path, results: report.Results) -> dict[int, Path]:
    """Build each size's project and its pre-rendered pages; return the built sites and captured pages by size."""
    env = mkdocs_env()
    sites: dict[int, Path] = {}
    for size in sizes:
        project = project_with(size, tmp / f"project-{size}")
        check = build_cost.timed([sys.executable, "-m", "macros.check", str(project)], ROOT)
        captured = tmp / f"pages-{size}"
        build_cost.capture_pages(project, captured, env, results.failures)
        pre_config = build_cost.prerendered_project(project, captured, tmp / f"prerendered-{size}")
        sites_timed, pres_timed = [], []
        for _ in range(REPEATS):  # alternating, so both see the machine in the same states
            sites_timed.append(build_cost.timed(build_cost.mkdocs_build(project / "mkdocs.yml", project / "site"),
                                                project, env, results.failures))
            pres_timed.append(build_cost.timed(build_cost.mkdocs_build(pre_config, pre_config.parent / "site",
                                                                       strict=False),
                                               pre_config.parent, {**env, "BENCH_SITE_PROJECT": str(project)},
                                               results.failures))
        site, pre = (min(runs, key=lambda t: t.cpu) for runs in (sites_timed, pres_timed))
        results.builds.append(report.BuildRun(size, site, pre, check))
        print(f"{size:>6,} programs: build {site.wall:.1f} s ({site.cpu:.1f} s CPU), pre-rendered {pre.wall:.1f} s "
              f"({pre.cpu:.1f} s CPU), check {check.wall:.2f} s; {_load()}", flush=True)
        shutil.rmtree(pre_config.parent / "site")
        sites[size] = project / "site"
    return sites


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-report.md")
    parser.add_argument("--large", type=int, default=10_000, help="the largest number of programs (default 10,000)")
    parser.add_argument("--quick", action="store_true", help="leave out the 10x size (a quicker trial run)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    slugs = real_programs()
    small = len(slugs)
    sizes = sorted({small, args.large} | (set() if args.quick else {10 * small}))
    results = report.Results(started=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                             machine=f"{os.cpu_count()} processors, {_load()} at the start.", versions=versions(),
                             large=args.large)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        sites = measure_builds(sizes, tmp, results)
        stock_config = build_cost.stock_project(ROOT, (tmp / f"pages-{small}" / "index.md").read_text(encoding="utf-8"),
                                                tmp / "stock")
        # Not strict: the home page's links to other guide pages have no target in a one-page site.
        build_cost.timed(build_cost.mkdocs_build(stock_config, tmp / "stock" / "site", strict=False), tmp / "stock",
                         mkdocs_env())
        pages = pages_to_visit(slugs)
        stock, outside = first_visit.visits(tmp / "stock" / "site", {"home": ""}, "stock")
        results.visits += stock
        for size in (small, args.large):
            label = "site" if size == small else f"site at {size:,} programs"
            found, blocked = first_visit.visits(sites[size], {**pages, **largest_directory_part(sites[size])}, label)
            results.visits += found
            outside += blocked
            results.searches.append(search_latency.measure(sites[size], size, search_queries(slugs, size - small)))
            print(f"{size:>6,} programs: first visits and searches measured; {_load()}", flush=True)
        results.directory = measure_filter_ms(sites[small], rows=args.large)
        results.notes = notes(sizes, outside)
    results.minutes = (time.perf_counter() - started) / 60
    results.machine += f" {_load()} at the end."
    text = report.render(results)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\n(written to {args.out})")


def notes(sizes: list[int], outside: list[str]) -> list[str]:
    """How each figure was measured, for the report's last section."""
    small, large = min(sizes), max(sizes)
    return [
        f"Sizes: {', '.join(f'{size:,}' for size in sizes)} programs ({small} today): a copy of the project with "
        "synthetic programs (copies of tests/fixtures/programs/valid.yml) added; nothing is committed.",
        "Build: `mkdocs build --strict` of the copy, on the clock and in processor time (user and system, the build's "
        "own processes included, such as the search indexer), the cheaper of two builds, site and pre-rendered "
        "alternating. Per program page: the slope between two sizes, so the fixed costs cancel. Verdicts use "
        "processor time, which other work on this shared 2-processor machine inflates less than the clock, but "
        "still does: the same code has measured from about 8 to 11 ms per program page in runs an hour apart.",
        "Pre-rendered: every page (guide pages and generated ones) written out by a first build as the Markdown "
        "MkDocs converts (after macros; bench/capture_hook.py) with its front matter, then built as a plain "
        "project: same theme, overrides, stylesheets, scripts, Markdown extensions and plugins, but no macros "
        "plugin and none of the site's hooks except its search indexing step (bench/index_hook.py), so both "
        "builds index for search. Files the site's hooks generate besides pages (per-program JSON, calendars, "
        "exports) are not made: that is part of the site's cost. Built right after the site, at each size. "
        "The site's own build hands program pages (raw HTML that Markdown would leave as it is) and their front "
        "matter straight to the theme; the pre-rendered build, like any plain project, sends them through YAML "
        "and Markdown: that is most of why the site can be cheaper than its own pages pre-rendered.",
        "`make check`: `python -m macros.check` on the same copy.",
        "Stock: a one-page Material site built with the same pinned versions: the home page's text (as rendered "
        "by macros), the site's theme settings (features, palette, no web fonts), Material's own search plugin, "
        "common Markdown extensions; no custom templates, stylesheets, scripts, macros or hooks.",
        "First visit: headless Chromium, empty cache, 412x823 window; the site served with gzip like GitHub Pages "
        "(bench/serve_gzip.py); every finished request counted, workers' too (body as sent plus headers) until "
        f"the page and the network are idle and no request starts for 1.5 s. Requests to other hosts are blocked: {len(outside)} were attempted"
        + (f" ({', '.join(sorted(set(outside))[:3])})" if outside else "") + ".",
        "Search: typed with tests/search.py; latency from the last keystroke to the first change on screen that "
        "shows the final results (with Pagefind: when the search box marks the query as done). Cold: a fresh "
        "context (empty cache), the home page loaded, the first search, typed at once (so loading the search "
        "engine counts); \"opened 1 s first\": the reader opens search a second before typing. Warm: the other "
        "queries in that page. Verdicts on medians (worst shown). Queries: universities' names (any of their "
        "programs counts as found) and synthetic programs by number.",
        f"Directory filter: bench/bench_directory.py, today's directory page with its rows repeated to {large:,}.",
    ]


if __name__ == "__main__":
    main()
