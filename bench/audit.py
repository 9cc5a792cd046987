"""`make audit`: Lighthouse 12.2.3 (mobile) on five pages of the built site, served as GitHub Pages serves it.

Builds the site (or takes ``--site DIR``), serves it with :mod:`bench.serve_gzip` (gzip, ten-minute
caching), runs the Lighthouse pinned in ``tools/audit/`` on home, a guide page, the directory, a
program page and compare with four programs, and prints one Markdown report
(:mod:`bench.audit_report`), also written to ``audit-report.md``.

Lighthouse's performance score comes from simulated throttling and moves by a point or two
between runs; ``--runs N`` audits each page N times and reports the run with the median score.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.audit_report import PageResult, render, score
from bench.serve_gzip import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM") or "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
REPORT = ROOT / "audit-report.md"
GUIDE_PAGE = "costs/"


def pages(programs_dir: Path = ROOT / "data" / "programs") -> dict[str, str]:
    """The five audited pages (name -> path under the site root); programs are the first in file order."""
    slugs = sorted(p.stem for p in programs_dir.glob("*.yml"))[:4]
    return {
        "Home": "",
        "Guide page (costs)": GUIDE_PAGE,
        "Directory": "programs/",
        f"Program page ({slugs[0]})": f"programs/{slugs[0]}/",
        "Compare (four programs)": "programs/compare/?" + "&".join(f"p={slug}" for slug in slugs),
    }


def build(out: Path) -> None:
    """Build the site into ``out`` the way `make build` does (strict)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                   cwd=ROOT, env=env, check=True)


def lighthouse(url: str) -> dict:
    """Run Lighthouse (mobile form factor, its default throttling) on ``url`` and return its JSON result."""
    with tempfile.TemporaryDirectory(prefix="audit-") as work:
        out = Path(work) / "lhr.json"
        subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
             "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def median_run(url: str, runs: int) -> dict:
    """The run with the median performance score out of ``runs`` runs of Lighthouse on ``url``."""
    results = sorted((lighthouse(url) for _ in range(runs)), key=lambda lhr: score(lhr, "performance") or 0)
    return results[len(results) // 2]


def audit(site: Path, runs: int) -> str:
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    server, base = serve(site)
    try:
        results = []
        for name, path in pages().items():
            started = time.monotonic()
            results.append(PageResult(name, "/" + path, median_run(base + path, runs)))
            print(f"audited {name} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        server.shutdown()
        server.server_close()
    first = results[0].lhr
    header = {
        "Lighthouse": first.get("lighthouseVersion", "?") + ", mobile form factor, simulated throttling",
        "Browser": first.get("environment", {}).get("hostUserAgent", "?"),
        "Server": "bench/serve_gzip.py (gzip for text, Cache-Control max-age=600, as GitHub Pages)",
        "Machine": f"{platform.machine()}, {os.cpu_count()} cores, load average {load} at the start"
                   f" (Lighthouse's simulated performance scales the CPU time it observes, so load lowers it);"
                   f" {runs} run(s) per page, median performance",
        "Date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    return render(results, header)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="audit this built site instead of building one")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median reported)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed at {LIGHTHOUSE}; run `make audit` (npm ci in tools/audit)")
    with tempfile.TemporaryDirectory(prefix="audit-site-") as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            build(site)
        report = audit(site, max(1, args.runs))
    REPORT.write_text(report + "\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
