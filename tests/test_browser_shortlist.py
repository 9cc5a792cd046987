"""Browser tests of the shortlist (shortlist.js): stars in the directory, on program pages and in compare,
the shortlist page, its shareable address, its compare link, and its CSV and calendar downloads.

The real data's deadlines are real and most have passed, so the site these tests drive is built
from a copy of the project in which a few programs have deadlines ahead of today (and keep a
passed one). Which programs have upcoming deadlines is worked out here, from that copy's data,
with the same rule the build uses (macros.derived.deadlines_ahead). Expected display text comes
from Python (macros.facts_json, macros.facts, macros.exports.csv_cell), never from a second copy.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from playwright.sync_api import Page, expect

from macros import exports, facts, facts_json, paths
from macros.tables import program_name
from macros.derived import deadlines_ahead
from macros.models import utc_today
from macros.validate import load_dataset

from .support import ROOT, axe_problems, build_site, edit_yaml, project_copy, serve_folder, stop

pytestmark = pytest.mark.browser

#: A city that a spreadsheet would run as a formula if the CSV did not neutralise it.
FORMULA_CITY = "=HYPERLINK(\"https://example.invalid\",\"x\")"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project where three programs with deadline sources get deadlines ahead of today."""
    where = project_copy(tmp_path_factory.mktemp("shortlist") / "project")
    today = utc_today()
    year = today.year + 1
    with_sources = sorted(p.stem for p in (where / "data" / "programs").glob("*.yml")
                          if "deadlines" in p.read_text(encoding="utf-8"))[:3]
    ahead = [today + timedelta(days=40), today + timedelta(days=120)]

    def first(data):  # one deadline passed, two ahead
        data["deadlines"] = [{"term": f"Fall {year}", "date": (today - timedelta(days=3)).isoformat(), "applies_to": "all"},
                             {"term": f"Fall {year}", "date": ahead[0].isoformat(), "applies_to": "all",
                              "round": "priority; early, \"quoted\""},
                             {"term": f"Fall {year}", "date": ahead[1].isoformat(), "applies_to": "international"}]
        data["city"] = FORMULA_CITY

    def second(data):
        data["deadlines"] = [{"term": f"Fall {year}", "date": ahead[1].isoformat(), "applies_to": "all"}]

    def third(data):  # every deadline passed
        data["deadlines"] = [{"term": f"Fall {year}", "date": (today - timedelta(days=1)).isoformat(), "applies_to": "all"}]

    for slug, change in zip(with_sources, (first, second, third)):
        edit_yaml(where / "data" / "programs" / f"{slug}.yml", change)
    return where


@pytest.fixture(scope="module")
def data(project):
    return load_dataset(project)


@pytest.fixture(scope="module")
def slugs(data) -> dict[str, list[str]]:
    """Programs by whether they have a deadline ahead today, in the data's order."""
    ahead = [s for s, p in data.programs.items() if deadlines_ahead(p)]
    assert len(ahead) >= 2, "the test project gives two programs deadlines ahead"
    return {"ahead": ahead, "none": [s for s, p in data.programs.items() if not deadlines_ahead(p)]}


@pytest.fixture(scope="module")
def site(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("shortlist-site")
    result = build_site(project, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    server, url = serve_folder(out)
    yield url, out
    stop(server)


@pytest.fixture
def url(site) -> str:
    return site[0]


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def problems(context) -> list[str]:
    """Requests to other hosts (blocked) and errors in any page of the context."""
    found: list[str] = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            found.append(f"request: {route.request.url}")
            route.abort()

    context.route("**/*", guard)

    def watch(page):
        page.on("console", lambda m: found.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: found.append(f"pageerror: {e}"))

    context.on("page", watch)
    return found


@pytest.fixture
def page(context, problems) -> Page:
    return context.new_page()


def published_site_url() -> str:
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert found, "mkdocs.yml sets site_url"
    return found.group(1)


def stored(page: Page) -> list[str]:
    return page.evaluate("JSON.parse(localStorage.getItem('kb-shortlist') || '[]')")


def listed(page: Page) -> list[str]:
    return page.eval_on_selector_all("#kb-shortlist li[data-slug]", "items => items.map(i => i.dataset.slug)")


def open_shortlist(page: Page, url: str, query: str = "") -> None:
    page.goto(f"{url}{paths.SHORTLIST_PAGE}{query}")
    expect(page.locator("#kb-shortlist .kb-shortlist")).to_have_count(1)


def star_in_directory(page: Page, url: str, slug: str) -> None:
    page.goto(f"{url}{paths.DIRECTORY_PAGE}")
    star = page.locator(f"tr[data-slug='{slug}'] th[scope=row] button.kb-star")
    expect(star).to_have_attribute("aria-pressed", "false")
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")


def test_star_in_the_directory_and_on_a_program_page_fills_the_shortlist(page, url, data, slugs, problems):
    first, second = slugs["ahead"][:2]
    star_in_directory(page, url, first)
    name = data.programs[first].title
    expect(page.locator(f"tr[data-slug='{first}'] button.kb-star")).to_have_accessible_name(
        re.compile(rf"^Save {re.escape(name)} \(.+\) to your shortlist$"))
    expect(page.locator(".kb-shortlist-bar [role=status]")).to_contain_text(f"Saved {name}")
    expect(page.locator(".kb-shortlist-bar")).to_contain_text("1 program.")
    assert stored(page) == [first]

    page.goto(f"{url}{paths.program_url(second)}")
    save = page.get_by_role("button", name="Save to shortlist")
    expect(save).to_be_visible()
    expect(save).to_have_attribute("aria-pressed", "false")
    save.focus()
    page.keyboard.press("Enter")  # keyboard use
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".kb-shortlist-save [role=status]")).to_contain_text("(2 programs)")
    assert stored(page) == [first, second]
    page.keyboard.press("Space")
    expect(save).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Space")

    page.get_by_role("link", name="Your shortlist").click()
    expect(page.locator("#kb-shortlist li[data-slug]")).to_have_count(2)
    assert listed(page) == [first, second]
    assert parse_qs(urlsplit(page.url).query)["p"] == [first, second]
    expect(page.locator(".kb-shortlist__share a")).to_have_attribute("href", page.url)
    assert problems == []


def test_a_shared_address_shows_its_programs_and_can_be_kept(page, url, slugs, problems):
    shared = slugs["none"][:2]
    open_shortlist(page, url, "?" + "&".join(f"p={s}" for s in shared) + "&p=no-such-program&p=constructor")
    assert listed(page) == shared
    # The two unknown names are known by their missing data files: the browser notes each 404, nothing else.
    assert problems == ["console: Failed to load resource: the server responded with a status of 404 (File not found)"] * 2
    problems.clear()
    expect(page.locator(".kb-shortlist__shared")).to_contain_text("shared shortlist of 2 programs")
    assert stored(page) == []  # nothing is kept until the reader asks
    page.get_by_role("button", name="Add these to my shortlist").click()
    expect(page.locator(".kb-shortlist__shared")).to_be_hidden()
    assert stored(page) == shared
    expect(page.get_by_role("button", name=f"Remove {page.locator('#kb-shortlist li a').first.inner_text()} from your shortlist")).to_be_visible()
    assert problems == []


def test_compare_link_opens_compare_with_the_first_four(page, url, data, problems):
    chosen = list(data.programs)[:5]
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", chosen)
    open_shortlist(page, url)
    link = page.get_by_role("link", name="Compare the first 4 side by side")
    expect(page.locator(".kb-shortlist__note").first).to_contain_text("up to 4 programs")
    link.click()
    page.wait_for_selector("#kb-compare-table")
    assert parse_qs(urlsplit(page.url).query)["p"] == chosen[:4]
    stars = page.locator("#kb-compare-table thead button.kb-star")
    expect(stars).to_have_count(4)
    for i in range(4):
        expect(stars.nth(i)).to_have_attribute("aria-pressed", "true")
    stars.nth(0).click()
    expect(stars.nth(0)).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".kb-compare [role=status].kb-shortlist-status")).to_contain_text("Removed")
    assert stored(page) == chosen[1:]
    assert problems == []


def test_csv_download_has_the_compare_values_with_formulas_neutralised(page, url, data, slugs, problems):
    chosen = [slugs["ahead"][0], slugs["none"][0]]
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", chosen)
    open_shortlist(page, url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as a spreadsheet (CSV)").click()
    assert info.value.suggested_filename == "shortlist.csv"
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"), newline="")))
    labels = facts_json.compare_labels()
    assert rows[0] == ["Program", *(label for _, label in labels["rows"]), "Page in the guide"]
    for row, slug in zip(rows[1:], chosen, strict=True):
        shown = facts.shown(data.programs[slug], data)
        values = [program_name(data.programs[slug]), *(shown.get(key, "") for key, _ in labels["rows"])]
        assert row[:-1] == [exports.csv_cell(v) for v in values]
        assert row[-1] == f"{url}{paths.program_url(slug)}"
    city = [label for _, label in labels["rows"]].index("City") + 1
    assert rows[1][city] == "'" + FORMULA_CITY
    expect(page.locator("#kb-shortlist [role=status]").first).to_contain_text("shortlist.csv")
    assert problems == []


def test_calendar_download_has_the_upcoming_deadlines_only(page, url, data, slugs, problems):
    chosen = [*slugs["ahead"], slugs["none"][0]]
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", chosen)
    open_shortlist(page, url)
    expect(page.locator(f"li[data-slug='{slugs['none'][0]}']")).to_contain_text("No upcoming deadline")
    with page.expect_download() as info:
        page.get_by_role("button", name="Add the upcoming deadlines to a calendar (.ics)").click()
    assert info.value.suggested_filename == "shortlist-deadlines.ics"
    raw = Path(info.value.path()).read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    expected = [(s, d.date) for s in slugs["ahead"] for d in deadlines_ahead(data.programs[s])]
    assert [e.decoded("DTSTART") for e in events] == [day for _, day in expected]
    assert all(e.decoded("DTSTART") >= utc_today() for e in events)
    assert [str(e["URL"]) for e in events] == [f"{published_site_url()}{paths.program_url(s)}" for s, _ in expected]
    assert all(data.programs[s].title in str(e["SUMMARY"]) for (s, _), e in zip(expected, events))
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert problems == []


def test_without_upcoming_deadlines_the_page_says_so(page, url, slugs, problems):
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", slugs["none"][:2])
    open_shortlist(page, url)
    expect(page.locator("#kb-shortlist")).to_contain_text("None of these programs has an upcoming application deadline")
    expect(page.get_by_role("button", name="Add the upcoming deadlines to a calendar (.ics)")).to_be_disabled()
    assert problems == []


def test_program_pages_offer_their_own_calendar_only_with_a_deadline_ahead(page, url, data, slugs, site, problems):
    out = site[1]
    for slug in slugs["ahead"]:
        page.goto(f"{url}{paths.program_url(slug)}")
        link = page.locator(".kb-calendar a[download]")
        with page.expect_download() as info:
            link.click()
        events = list(icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT"))
        assert [e.decoded("DTSTART") for e in events] == [d.date for d in deadlines_ahead(data.programs[slug])]
    for slug in slugs["none"]:
        assert not (out / paths.program_calendar(slug)).exists(), slug
    page.goto(f"{url}{paths.program_url(slugs['none'][0])}")
    expect(page.locator(".kb-calendar")).to_have_count(0)
    assert problems == []


def test_without_javascript_the_page_explains_and_calendar_links_work(browser, url, slugs):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}{paths.SHORTLIST_PAGE}")
    # (Chromium with scripts disabled by DevTools parses <noscript> as raw text: check the message is there.)
    assert "The shortlist needs JavaScript" in page.locator("#kb-shortlist noscript").text_content()
    expect(page.locator("#kb-shortlist .kb-shortlist")).to_have_count(0)
    page.goto(f"{url}{paths.program_url(slugs['ahead'][0])}")
    expect(page.locator(".kb-shortlist-save")).to_be_hidden()
    href = page.locator(".kb-calendar a").get_attribute("href")
    response = page.request.get(f"{url}{paths.program_url(slugs['ahead'][0])}{href}")
    assert response.ok and icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    page.goto(f"{url}{paths.DIRECTORY_PAGE}")  # no star that could not work
    expect(page.locator("#program-directory tbody tr").first).to_be_visible()
    expect(page.locator("#program-directory").get_by_role("button")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations_at_360px(browser, url, slugs, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", slugs["ahead"][:1] + slugs["none"][:5])
    found = {}
    for path in (paths.SHORTLIST_PAGE, paths.DIRECTORY_PAGE, paths.program_url(slugs["ahead"][0]),
                 f"{paths.COMPARE_PAGE}?p={slugs['ahead'][0]}&p={slugs['none'][0]}"):
        page.goto(f"{url}{path}")
        page.wait_for_selector(".kb-shortlist-status, .kb-shortlist", state="attached")
        found[path] = axe_problems(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()
    assert {path: v for path, v in found.items() if v} == {}


def test_the_directory_links_its_shortlist_page(page, url, slugs, problems):
    """The link above the directory's table goes to the shortlist page, wherever the table is (macros/paths.py)."""
    star_in_directory(page, url, slugs["none"][0])
    page.locator(".kb-shortlist-bar").get_by_role("link", name="Your shortlist").click()
    page.wait_for_url(f"{url}{paths.SHORTLIST_PAGE}?p={slugs['none'][0]}")
    assert listed(page) == [slugs["none"][0]]
    assert problems == []


def test_directory_stars_show_the_saved_programs_and_work_after_filtering(page, url, data, slugs, problems):
    """A reader coming back sees the stars of the saved programs pressed, and the rest not, and can star a
    program found with the directory's search, from the keyboard."""
    saved, other = slugs["ahead"][:2], slugs["none"][0]
    page.goto(url)
    page.evaluate("list => localStorage.setItem('kb-shortlist', JSON.stringify(list))", saved)
    page.goto(f"{url}{paths.DIRECTORY_PAGE}")
    expect(page.locator(".kb-shortlist-bar")).to_contain_text("2 programs.")
    expect(page.locator("tr[data-slug] button.kb-star[aria-pressed=true]")).to_have_count(2)
    for slug in saved:
        expect(page.locator(f"tr[data-slug='{slug}'] button.kb-star")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("tr[data-slug] button.kb-star[aria-pressed=false]")).to_have_count(len(data.programs) - 2)

    page.get_by_label("Search by university, program or city").fill(data.programs[other].title)
    star = page.locator(f"tr[data-slug='{other}'] button.kb-star")
    expect(star).to_be_visible()
    star.hover()  # its name shows as a tooltip
    expect(star).to_have_attribute("title", re.compile(rf"^Save {re.escape(data.programs[other].title)} \("))
    star.focus()
    page.keyboard.press("Space")
    expect(star).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".kb-shortlist-bar [role=status]")).to_contain_text(
        f"Saved {data.programs[other].title} ({data.programs[other].university}) to your shortlist (3 programs).")
    assert stored(page) == saved + [other]
    page.keyboard.press("Enter")
    expect(star).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".kb-shortlist-bar [role=status]")).to_contain_text("Removed")
    expect(page.locator(".kb-shortlist-bar")).to_contain_text("2 programs.")
    assert stored(page) == saved
    assert problems == []
