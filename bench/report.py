"""The `make bench` report: figures in, one Markdown document out (pure functions, no I/O).

``bench/bench.py`` measures; this module turns the measurements into ratios, per-page costs and a
verdict per budget of issue 9, and writes them as Markdown tables. Where a budget fails, its row
says which measurement shows it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Timing:
    """One timed command: seconds on the clock and seconds of processor time (itself and its children)."""

    wall: float
    cpu: float


@dataclass(frozen=True)
class BuildRun:
    """The site's build and the same pages pre-rendered, built one after the other, at one size."""

    programs: int
    site: Timing
    prerendered: Timing
    check: Timing


@dataclass(frozen=True)
class Visit:
    """Bytes of a first visit (empty cache): everything the browser fetched, as sent (gzip for text)."""

    site: str  # "site", "site at 10,000 programs" or "stock"
    page: str
    total: int
    document: int  # the HTML page itself
    data: int  # JSON and Pagefind files fetched by the page's scripts
    requests: int
    resources: tuple[tuple[str, int], ...] = ()  # (path from the site's root, bytes) of every request


@dataclass(frozen=True)
class Searches:
    """Milliseconds from the last keystroke to results on screen, and whether the expected page was in the top 3."""

    programs: int
    cold: list[float]
    warm: list[float]
    found: int
    asked: int
    engine: str = ""
    opened: list[float] = field(default_factory=list)  # cold, but search opened a second before typing


@dataclass(frozen=True)
class Budget:
    """One budget of the issue: what it asks, the figure measured, and the verdict."""

    name: str
    limit: str
    figure: str
    passed: bool | None  # None: not measured in this run
    why: str = ""


@dataclass
class Results:
    """Everything one `make bench` run measured."""

    started: str = ""
    machine: str = ""
    versions: str = ""
    builds: list[BuildRun] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    searches: list[Searches] = field(default_factory=list)
    directory: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # commands that failed once and were run again
    minutes: float = 0.0
    large: int = 10_000  # the size the budgets are for


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, or infinity when the denominator is not positive."""
    return numerator / denominator if denominator > 0 else float("inf")


def ms_per_page(small_seconds: float, small_programs: int, large_seconds: float, large_programs: int) -> float:
    """Milliseconds each extra program page adds: the slope between two builds, so fixed costs cancel."""
    if large_programs == small_programs:
        raise ValueError("two different sizes are needed")
    return (large_seconds - small_seconds) / (large_programs - small_programs) * 1000


def median(values: list[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else float("nan")


def kb(size: int) -> str:
    """Bytes as kilobytes (1,000 bytes), one decimal."""
    return f"{size / 1000:,.1f} KB"


def table(headers: list[str], rows: list[list[str]], numbers: bool = True) -> str:
    """A Markdown table; with ``numbers``, every column but the first is right-aligned."""
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join([" --- "] + [" ---: " if numbers else " --- "] * (len(headers) - 1)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def beyond(visit: Visit, baseline: Visit, count: int = 3) -> str:
    """The requests that add most to ``visit`` over ``baseline`` (same path: the difference), largest first."""
    base = dict(baseline.resources)
    extra = sorted(((size - base.get(path, 0), path) for path, size in visit.resources), reverse=True)
    return ", ".join(f"{path or '(the page)'} +{kb(size)}" for size, path in extra[:count] if size > 0)


def largest(visit: Visit, count: int = 3) -> str:
    """The largest requests of a visit."""
    return ", ".join(f"{path or '(the page)'} {kb(size)}"
                     for path, size in sorted(visit.resources, key=lambda r: -r[1])[:count])


def _visit(results: Results, page: str, site: str) -> Visit | None:
    return next((v for v in results.visits if v.page == page and v.site == site), None)


def _largest(results: Results) -> BuildRun | None:
    return max(results.builds, key=lambda b: b.programs, default=None)


def _smallest(results: Results) -> BuildRun | None:
    return min(results.builds, key=lambda b: b.programs, default=None)


def budgets(results: Results, at: int = 10_000) -> list[Budget]:
    """Each budget of issue 9 that `make bench` measures at ``at`` programs, with its figure and verdict.

    Lighthouse's budgets are in the `make audit` report.
    """
    rows: list[Budget] = []
    big = next((s for s in results.searches if s.programs == at), None)
    if big:
        # Medians: on a shared machine the worst search mostly measures other people's work (worst shown too).
        cold, warm = median(big.cold), median(big.warm)
        rows.append(Budget("Search, cold (a program's page)", "≤ 300 ms",
                           f"{cold:,.0f} ms (median of {len(big.cold)}; worst {max(big.cold, default=cold):,.0f} ms)",
                           cold <= 300 and big.found == big.asked,
                           "" if cold <= 300 else "search table: cold searches, typed at once after the page loads "
                           f"(opened a second before typing: {median(big.opened):,.0f} ms)"))
        rows.append(Budget("Search, warm", "≤ 100 ms",
                           f"{warm:,.0f} ms (median of {len(big.warm)}; worst {max(big.warm, default=warm):,.0f} ms)",
                           warm <= 100 and big.found == big.asked,
                           "" if warm <= 100 else "search table: warm searches (other queries in the same page)"))
        if big.found < big.asked:
            rows.append(Budget("Search finds the program asked for", "top 3", f"{big.found} of {big.asked}", False,
                               "the expected program page was not among the first three results"))
    else:
        rows += [Budget("Search, cold (a program's page)", "≤ 300 ms", "not measured", None),
                 Budget("Search, warm", "≤ 100 ms", "not measured", None)]
    label = f"site at {at:,} programs"
    home, stock = _visit(results, "home", label), _visit(results, "home", "stock")
    if home and stock:
        r = ratio(home.total, stock.total)
        rows.append(Budget("First visit to home vs stock Material", "≤ 1.25x", f"{r:.2f}x ({kb(home.total)} vs "
                           f"{kb(stock.total)})", r <= 1.25, "" if r <= 1.25 else "most of the difference: "
                           + beyond(home, stock)))
    for page, limit in (("compare (4 programs)", 200_000), ("directory", 600_000)):
        # The directory's largest page counts too once the directory is split into parts.
        visit = max((v for v in results.visits if v.site == label and v.page.startswith(page)),
                    key=lambda v: v.total, default=None)
        if visit:
            ok = visit.total <= limit
            rows.append(Budget(f"First visit to {visit.page}", f"≤ {kb(limit)}", kb(visit.total), ok,
                               "" if ok else f"{visit.requests} requests; largest: {largest(visit)}"))
    small, large = _smallest(results), _largest(results)
    if small and large and large.programs > small.programs:
        # Verdicts on processor time: on a shared machine the clock also counts other people's work.
        cpu = ms_per_page(small.site.cpu, small.programs, large.site.cpu, large.programs)
        wall = ms_per_page(small.site.wall, small.programs, large.site.wall, large.programs)
        rows.append(Budget("Build per program page (processor time)", "≤ 10 ms", f"{cpu:.1f} ms ({wall:.1f} ms on "
                           "the clock)", cpu <= 10, "" if cpu <= 10 else "build tables: the site's build time "
                           f"between {small.programs:,} and {large.programs:,} programs"))
        r = ratio(large.site.cpu, large.prerendered.cpu)
        rows.append(Budget(f"Build vs the same pages pre-rendered, {large.programs:,} programs (processor time)",
                           "≤ 1.10x", f"{r:.2f}x ({ratio(large.site.wall, large.prerendered.wall):.2f}x on the clock)",
                           r <= 1.10, "" if r <= 1.10 else "build table: the site's build against the pre-rendered "
                           "pages' build, same size"))
    rows.append(Budget("Lighthouse (mobile) on five pages", "≥ 95 performance; 100 accessibility, best practices, "
                       "SEO", "in the `make audit` report", None))
    return rows


def _verdict(budget: Budget) -> str:
    return {True: "pass", False: "**FAIL**", None: "not measured here"}[budget.passed]


def _build_section(results: Results) -> list[str]:
    if not results.builds:
        return []
    runs = sorted(results.builds, key=lambda b: b.programs)
    rows = [[f"{b.programs:,}", f"{b.site.wall:.1f} s", f"{b.site.cpu:.1f} s", f"{b.prerendered.wall:.1f} s",
             f"{b.prerendered.cpu:.1f} s", f"{ratio(b.site.wall, b.prerendered.wall):.2f}x",
             f"{ratio(b.site.cpu, b.prerendered.cpu):.2f}x", f"{b.check.wall:.2f} s", f"{b.check.cpu:.2f} s"]
            for b in runs]
    out = ["## Build and check", "",
           table(["Programs", "Build", "Build CPU", "Pre-rendered", "Pre-rendered CPU", "Ratio", "Ratio CPU",
                  "`make check`", "Check CPU"], rows), ""]
    first = runs[0]
    growth = []
    for b in runs[1:]:
        size = b.programs / first.programs
        growth.append([f"{first.programs:,} → {b.programs:,} (x{size:,.1f})",
                       f"x{ratio(b.site.wall, first.site.wall):.1f}", f"x{ratio(b.prerendered.wall, first.prerendered.wall):.1f}",
                       f"x{ratio(b.check.cpu, first.check.cpu):.1f}",
                       f"{ms_per_page(first.site.wall, first.programs, b.site.wall, b.programs):.1f} ms",
                       f"{ms_per_page(first.prerendered.wall, first.programs, b.prerendered.wall, b.programs):.1f} ms",
                       f"{ms_per_page(first.site.cpu, first.programs, b.site.cpu, b.programs):.1f} ms"])
    if growth:
        out += [table(["Programs", "Build grows", "Pre-rendered grows", "Check CPU grows", "ms per program page",
                       "Pre-rendered ms per page", "CPU ms per page"], growth), ""]
    return out


def _visit_section(results: Results) -> list[str]:
    if not results.visits:
        return []
    stock = _visit(results, "home", "stock")
    rows = [[v.page, v.site, kb(v.total), kb(v.document), kb(v.data), str(v.requests),
             f"{ratio(v.total, stock.total):.2f}x" if stock else "–"] for v in results.visits]
    return ["## Bytes of a first visit (gzip, empty cache)", "",
            table(["Page", "Site", "Total", "HTML", "Data (JSON, index)", "Requests", "vs stock home"], rows), ""]


def _search_section(results: Results) -> list[str]:
    if not results.searches:
        return []
    rows = [[f"{s.programs:,}", s.engine, f"{median(s.cold):,.0f} ms", f"{max(s.cold, default=float('nan')):,.0f} ms",
             f"{median(s.opened):,.0f} ms", f"{median(s.warm):,.0f} ms", f"{max(s.warm, default=float('nan')):,.0f} ms",
             f"{s.found} of {s.asked}"] for s in results.searches]
    return ["## Search: last keystroke to results on screen", "",
            table(["Programs", "Search", "Cold median", "Cold worst", "Cold, opened 1 s first (median)", "Warm median",
                   "Warm worst", "Expected page in top 3"], rows), ""]


def _directory_section(results: Results) -> list[str]:
    d = results.directory
    if not d:
        return []
    return ["## Directory filter", "",
            f"{int(d['rows']):,} rows: {d['layout_median']:.0f} ms median, {d['layout_max']:.0f} ms worst per filter "
            f"change (script, style and layout); {d['frame_median']:.0f} ms median to the next frame; sort "
            f"{d['sort']:.0f} ms.", ""]


def render(results: Results) -> str:
    """The whole report as Markdown."""
    out = ["# `make bench` report", "", f"Run {results.started}, {results.minutes:.0f} minutes. {results.machine}",
           f"Versions: {results.versions}.", "",
           "## Budgets (issue 9; Lighthouse's are in the `make audit` report)", ""]
    out += [table(["Budget", "Limit", "Measured", "Verdict", "Where it fails, why"],
                  [[b.name, b.limit, b.figure, _verdict(b), b.why] for b in budgets(results, results.large)],
                  numbers=False), ""]
    out += _build_section(results) + _visit_section(results) + _search_section(results) + _directory_section(results)
    if results.failures:
        out += ["## Failures (each run again once; the figures above are from the second run)", ""]
        out += [f"- {failure}" for failure in results.failures] + [""]
    if results.notes:
        out += ["## How it was measured", ""] + [f"- {note}" for note in results.notes] + [""]
    return "\n".join(out)
