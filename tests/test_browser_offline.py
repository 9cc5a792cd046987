"""The offline copy (`make offline`, mkdocs-offline.yml) works opened from disk, with no server.

The copy is built once and opened through file:// URLs: guide pages link to each other, search
finds guide pages, the directory filters, and compare either compares or says on the page why it
cannot; links between pages lead to page files, not folders. Nothing is requested from anywhere but the disk, and no page logs an error.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Page, expect

from .support import PROGRAMS, ROOT, mkdocs_env

pytestmark = pytest.mark.browser

SLUGS = sorted(p.stem for p in PROGRAMS.glob("*.yml"))[:2]
with open(ROOT / "mkdocs.yml", "rb") as config:
    SITE_URL = yaml_load(config)["site_url"]


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory) -> Path:
    """The offline copy, built once per test session."""
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs-offline.yml"), "-d", str(out)],
        cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def disk_page(page: Page):
    """The test's page, with every request that is not for a file on disk recorded and blocked,
    and every console error or uncaught exception recorded; both must stay empty."""
    elsewhere: list[str] = []
    errors: list[str] = []

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert elsewhere == [], f"requests that left the disk: {elsewhere}"
    assert errors == [], f"errors in the page: {errors}"


def open_file(page: Page, copy: Path, path: str) -> None:
    """Open ``path`` (with its query, if any) of the offline copy through a file:// URL."""
    page.goto(copy.as_uri() + "/" + path)


def test_guide_pages_open_and_link_to_each_other_from_disk(disk_page: Page, offline_copy: Path):
    open_file(disk_page, offline_copy, "index.html")
    expect(disk_page.locator("article h1")).to_be_visible()
    link = disk_page.locator("article a[href$='costs/index.html']").first
    link.click()
    expect(disk_page).to_have_url(re.compile(r"^file://.*/costs/index\.html"))
    expect(disk_page.locator("article h1")).to_contain_text("cost")


def test_search_finds_a_guide_page_from_disk(disk_page: Page, offline_copy: Path):
    open_file(disk_page, offline_copy, "index.html")
    box = disk_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("tuition")
    result = disk_page.locator(".md-search-result__item > a[href*='costs/index.html?h=tuition']").first
    expect(result).to_be_visible()
    result.click()
    expect(disk_page).to_have_url(re.compile(r"^file://.*/costs/index\.html"))


def test_directory_filters_from_disk(disk_page: Page, offline_copy: Path):
    open_file(disk_page, offline_copy, "programs/index.html")
    rows = disk_page.locator("table#program-directory tbody tr")
    total = rows.count()
    country = disk_page.locator("#kb-filter-country")
    expect(country).to_be_visible()
    choice = country.locator("option").nth(1).get_attribute("value")
    country.select_option(choice)
    shown = disk_page.locator("table#program-directory tbody tr:not([hidden])")
    expect(shown.first).to_be_visible()
    assert 0 < shown.count() < total
    assert all(choice in (row.get_attribute("data-country") or "").split() for row in shown.all())
    expect(disk_page.locator(".kb-directory-count")).to_contain_text(f"{shown.count()} of {total}")
    shown.first.locator("a").first.click()
    expect(disk_page).to_have_url(re.compile(r"^file://.*/programs/[a-z0-9-]+\.html$"))
    expect(disk_page.locator("article h1")).to_be_visible()


def test_compare_compares_or_says_why_not_from_disk(disk_page: Page, offline_copy: Path):
    """Browsers refuse a page on disk the files compare reads; then the page says so and links to the
    same page on the hosted guide."""
    open_file(disk_page, offline_copy, "programs/compare.html?" + "&".join(f"p={slug}" for slug in SLUGS))
    widget = disk_page.locator("#kb-compare")
    expect(widget.locator(".kb-compare-table, .kb-compare__offline").first).to_be_visible()
    if widget.locator(".kb-compare-table").count():
        assert widget.locator(".kb-compare-table thead th[scope=col]").count() == len(SLUGS)
        return
    notice = widget.locator(".kb-compare__offline")
    expect(notice).to_contain_text(re.compile("offline|disk", re.IGNORECASE))
    hosted = [link.get_attribute("href") or "" for link in notice.locator("a[href]").all()]
    assert any(href.startswith(SITE_URL) and href.endswith("programs/compare/") for href in hosted), hosted
