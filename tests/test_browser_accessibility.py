"""axe-core finds no WCAG 2.1 A/AA violations on any guide page, in the light or the dark scheme."""

from __future__ import annotations

import pytest

from .support import ROOT, axe_problems

pytestmark = pytest.mark.browser


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
        found = axe_problems(page)
        if found:
            problems[path or "/"] = found
    context.close()
    assert problems == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])
def test_directory_in_use_and_a_program_page_have_no_wcag_violations(browser, site_url, scheme, width):
    """The directory with its search, filters and budget in use (rows hidden, unknown prices listed,
    status and caption updated, program names sticky when scrolled), and a program page with many facts."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "programs/?delivery=online-any&max=80000&currency=USD&sort=estimated-total")
    page.wait_for_selector(".kb-count[role=status]")
    page.get_by_label("Search by university, program or city", exact=True).fill("university")
    page.locator("table#program-directory").evaluate("t => { t.closest('.kb-table').scrollLeft = 200; }")
    problems = {"programs/ (in use)": axe_problems(page)}
    slug = max(sorted(p.stem for p in (ROOT / "data" / "programs").glob("*.yml")),
               key=lambda s: len((ROOT / "data" / "programs" / f"{s}.yml").read_text(encoding="utf-8")))
    page.goto(site_url + f"programs/{slug}/")
    problems[f"programs/{slug}/"] = axe_problems(page)
    context.close()
    assert {path: found for path, found in problems.items() if found} == {}
