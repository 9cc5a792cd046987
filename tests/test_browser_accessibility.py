"""axe-core finds no WCAG 2.1 A/AA violations on any guide page, in the light or the dark scheme."""

from __future__ import annotations


import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ROOT

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def guide_pages() -> list[str]:
    """Every Markdown page under docs/ as a site path, plus a sample of generated program pages."""
    paths = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "index":
            parts = parts[:-1]
        paths.append("/".join(parts) + "/" if parts else "")
    programs = sorted(p.stem for p in (ROOT / "data" / "programs").glob("*.yml"))
    return paths + [f"programs/{slug}/" for slug in programs[:: max(1, len(programs) // 4)]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    for path in guide_pages():
        page.goto(site_url + path)
        violations = AXE.run(page, options=WCAG_21_AA).response["violations"]
        if violations:
            problems[path or "/"] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    context.close()
    assert problems == {}
