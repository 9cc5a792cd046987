"""Browser tests of the program directory (directory.js) and the compare page (compare.js).

They drive the built site in headless Chromium and check every result against the YAML data,
so a change to the data never needs a change here. What the scripts show is written by Python
(macros/facts.py, macros/directory.py), so the expected text comes from there too, never from a
second copy of a display rule.
"""

from __future__ import annotations

import itertools
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT,):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from macros import directory, facts  # noqa: E402
from macros import formatting as fmt  # noqa: E402
from tests.support import assert_clean  # noqa: E402
from macros.derived import estimated_total, reference_price  # noqa: E402
from macros.validate import load_dataset  # noqa: E402

pytestmark = pytest.mark.browser

TABLE = "table#program-directory"
VISIBLE_ROWS = f"{TABLE} tbody tr:not([hidden])"


@pytest.fixture(scope="module")
def data():
    return load_dataset(ROOT)


def open_directory(page: Page, query: str = "") -> None:
    page.goto(f"programs/{query}")
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)


def shown(page: Page) -> list[str]:
    """Slugs of the rows a reader sees, in table order."""
    return page.eval_on_selector_all(VISIBLE_ROWS, "rows => rows.map(r => r.dataset.slug)")


def status(page: Page) -> str:
    return page.locator(".kb-count[role=status]").inner_text()


def header(page: Page, key: str):
    """The heading of a directory column, found by its key (as the script finds it)."""
    return page.locator(f"{TABLE} thead th[data-key='{key}']")


def text_key(value: str) -> str:
    """Case- and accent-insensitive sort key, like the script's Intl.Collator."""
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)).casefold()


def ordered(values: dict[str, object], descending: bool = False) -> list[str]:
    """Slugs by value (ties and empties keep data order, empties last), as the table sorts."""
    slugs = list(values)
    present = [s for s in slugs if values[s] is not None]
    empty = [s for s in slugs if values[s] is None]
    present.sort(key=lambda s: values[s], reverse=descending)  # stable, so ties keep data order
    return present + empty


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_query(page: Page, expected: dict[str, list[str]], timeout: float = 5.0) -> None:
    """The directory writes its state to the address a moment after a change; wait for it."""
    deadline = time.monotonic() + timeout
    while query(page) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert query(page) == expected


# --- Directory --------------------------------------------------------------------------------


def test_enhanced_directory_has_labelled_controls(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    assert shown(page) == list(data.programs)
    assert status(page) == f"Showing {len(data.programs)} of {len(data.programs)} programs."
    form = page.locator("form.kb-filters")
    expect(form).to_have_count(1)
    # The form comes before the table's scrolling wrapper, not inside it.
    assert page.evaluate("""() => {
        const form = document.querySelector('form.kb-filters');
        const wrap = document.querySelector('table#program-directory').closest('.kb-table');
        return !!(form.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) && !wrap.contains(form);
    }""")
    for control in form.locator("select, input").all():
        labels = control.evaluate("c => Array.from(c.labels).map(l => l.textContent.trim())")
        assert labels and all(labels), f"control without a label: {control.evaluate('c => c.outerHTML')}"
        expect(form.locator(f"label[for='{control.get_attribute('id')}']")).to_be_visible()
    for name in (SEARCH, *FILTERS, "Estimated total tuition up to", "Currency"):
        expect(page.get_by_label(name, exact=True)).to_be_visible()
    # The search box comes first, then the filters in the order of FILTERS.
    names = form.locator("label").all_inner_texts()
    assert names[:len(FILTERS) + 1] == [SEARCH, *FILTERS]
    expect(page.get_by_role("button", name="Reset filters")).to_be_visible()
    # The page's instructions for the filters are shown now that they are true.
    helps = page.locator(".kb-directory-help")
    assert helps.count() >= 1
    for help_text in helps.all():
        expect(help_text).to_be_visible()
    assert_clean(outside_requests, console_errors)


def test_sort_by_text_column(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    universities = {s: text_key(p.university) for s, p in data.programs.items()}
    th = header(page, "university")
    th.get_by_role("button").click()
    expect(th).to_have_attribute("aria-sort", "ascending")
    assert shown(page) == ordered(universities)
    th.get_by_role("button").click()
    expect(th).to_have_attribute("aria-sort", "descending")
    assert shown(page) == ordered(universities, descending=True)
    # Only the sorted column claims a sort order.
    assert page.locator(f"{TABLE} thead th[aria-sort=ascending], {TABLE} thead th[aria-sort=descending]").count() == 1
    assert_clean(outside_requests, console_errors)


def test_headings_are_the_columns_of_the_build(page: Page, outside_requests, console_errors):
    open_directory(page)
    heads = page.eval_on_selector_all(f"{TABLE} thead th", "cells => cells.map(th => [th.dataset.key, th.textContent])")
    assert heads == [[c.key, directory.heading(c)] for c in directory.COLUMNS]
    for column in directory.COLUMNS:  # every column sorts, with its heading as the button's name
        expect(header(page, column.key).get_by_role("button", name=directory.heading(column), exact=True)).to_have_count(1)
    assert_clean(outside_requests, console_errors)


def price_order(data) -> dict[str, tuple[int, int] | None]:
    """Each program's place when sorted by estimated total: by currency (most used first), then amount."""
    currencies = directory.currency_order(data.programs)
    return {s: (None if (t := estimated_total(p)) is None
                else (currencies.index(reference_price(p).currency), round(t)))
            for s, p in data.programs.items()}


@pytest.mark.parametrize("key", ["typical-length", "estimated-total"])
def test_sort_by_number_column(page: Page, data, key, outside_requests, console_errors):
    open_directory(page)
    if key == "typical-length":
        values = {s: (p.duration.min_months if p.duration else None) for s, p in data.programs.items()}
    else:
        values = price_order(data)
    th = header(page, key)
    th.get_by_role("button").click()
    expect(th).to_have_attribute("aria-sort", "ascending")
    assert shown(page) == ordered(values)
    th.get_by_role("button").click()
    expect(th).to_have_attribute("aria-sort", "descending")
    assert shown(page) == ordered(values, descending=True)  # empties stay last
    wait_for_query(page, {"sort": [key], "dir": ["desc"]})
    assert_clean(outside_requests, console_errors)


SEARCH = "Search by university, program or city"
#: Each filter's label and whether a program has a value; the options are the values in the data.
FILTERS = {
    "Degree type": lambda p, v: p.degree_type == v,
    "Delivery": lambda p, v: v in (p.delivery or []),
    "Pace": lambda p, v: v in (p.pace or []),
    "Country": lambda p, v: p.country == v,
    "Final project": lambda p, v: v in (p.final_projects or []),
    "GRE policy": lambda p, v: bool(p.admissions and p.admissions.gre and p.admissions.gre.policy == v),
    "Start term": lambda p, v: v in (p.start_terms or []),
    "Language of instruction": lambda p, v: v in (p.languages or []),
}
#: The URL parameter (and key of directory.filter_options) of each filter.
FILTER_PARAMS = {"Degree type": "type", "Delivery": "delivery", "Pace": "pace", "Country": "country",
                 "Final project": "final", "GRE policy": "gre", "Start term": "start",
                 "Language of instruction": "language"}
VALUES_IN_USE = {
    "Degree type": lambda p: [p.degree_type],
    "Delivery": lambda p: p.delivery or [],
    "Pace": lambda p: p.pace or [],
    "Country": lambda p: [p.country],
    "Final project": lambda p: p.final_projects or [],
    "GRE policy": lambda p: [p.admissions.gre.policy] if p.admissions and p.admissions.gre else [],
    "Start term": lambda p: p.start_terms or [],
    "Language of instruction": lambda p: p.languages or [],
}


def expected_options(data, param: str) -> list[list[str]]:
    """The build's options of a filter, each group just before the option of its first value."""
    options = [list(o) for o in directory.filter_options(data)[param]]
    for value, label, members in directory.filter_groups(data).get(param, []):
        at = next(i for i, o in enumerate(options) if o[0] in members)
        options.insert(at, [value, label])
    return options


def group_members(data, param: str) -> dict[str, list[str]]:
    return {value: members for value, _, members in directory.filter_groups(data).get(param, [])}


@pytest.mark.parametrize("label", list(FILTERS))
def test_each_filter_shows_the_matching_programs(page: Page, data, label, outside_requests, console_errors):
    open_directory(page)
    param = FILTER_PARAMS[label]
    select = page.get_by_label(label, exact=True)
    groups = group_members(data, param)
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    present = {v for p in data.programs.values() for v in VALUES_IN_USE[label](p)}
    assert set(values) - set(groups) == present, "the options are the values found in the data"
    assert present, f"the data has values for {label}"
    for value in values:
        select.select_option(value)
        wanted = groups.get(value, [value])
        expected = [s for s, p in data.programs.items() if any(FILTERS[label](p, v) for v in wanted)]
        assert shown(page) == expected, f"{label} = {value}"
        assert status(page) == f"Showing {len(expected)} of {len(data.programs)} programs."
        wait_for_query(page, {param: [value]})
    # Option labels and order are the build's.
    options = select.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    assert options[1:] == expected_options(data, param)
    assert options[0][0] == ""
    select.select_option("")
    assert shown(page) == list(data.programs)
    assert_clean(outside_requests, console_errors)


def test_online_option_says_it_includes_low_residency(page: Page, data, outside_requests, console_errors):
    """"Online" is the exact value; the group next to it says it also takes low-residency programs."""
    deliveries = {d for p in data.programs.values() for d in p.delivery or []}
    groups = group_members(data, "delivery")
    if not {"online", "low-residency"} <= deliveries:
        assert groups == {}, "a group is offered only when both its values are in the data"
        pytest.skip("the data has no online and low-residency programs both")
    value, label = next([v, lab] for v, lab, m in directory.filter_groups(data)["delivery"]
                        if set(m) == {"online", "low-residency"})
    assert label == "Online, including low residency"
    open_directory(page, f"?delivery={value}")
    select = page.get_by_label("Delivery", exact=True)
    expect(select).to_have_value(value)
    expect(select.locator("option:checked")).to_have_text(label)
    either = [s for s, p in data.programs.items() if {"online", "low-residency"} & set(p.delivery or [])]
    online = [s for s, p in data.programs.items() if "online" in (p.delivery or [])]
    assert shown(page) == either
    assert len(either) > len(online), "low-residency programs are included"
    # The exact options stay, next to the group.
    labels = select.locator("option").all_inner_texts()
    assert labels.index(label) + 1 == labels.index(fmt.label("online"))
    assert fmt.label("low-residency") in labels
    select.select_option("online")
    assert shown(page) == online
    assert_clean(outside_requests, console_errors)


def search_text(p) -> str:
    return " ".join(x for x in (p.university, p.title, p.city) if x).casefold()


def test_search_box_matches_university_program_or_city(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    box = page.get_by_label(SEARCH, exact=True)
    with_city = next(p for p in data.programs.values() if p.city)
    first = data.programs[next(iter(data.programs))]
    queries = [
        with_city.city.upper(),                                          # a city, in any case
        first.university.split()[-1],                                     # a word of a university
        f"{first.title.split()[0]} {first.university.split()[-1]}",      # words from two fields: all must match
        "learning",
        "  MACHINE   learning ",
        "no-such-program-anywhere",
    ]
    for q in queries:
        box.fill(q)
        words = q.casefold().split()
        expected = [s for s, p in data.programs.items() if all(w in search_text(p) for w in words)]
        assert shown(page) == expected, q
        assert status(page).startswith(f"Showing {len(expected)} of {len(data.programs)} programs."), q
    assert shown(page) == [] and status(page).endswith("Try removing a filter.")
    box.fill("learning")
    wait_for_query(page, {"search": ["learning"]})
    # The search is shared with the address and combines with the filters.
    # (Its key is "search": Material opens its own site search for ?q=.)
    open_directory(page, "?search=university&country=US")
    expect(page.locator(".md-search__input")).not_to_be_focused()
    expect(page.get_by_label(SEARCH, exact=True)).to_have_value("university")
    expected = [s for s, p in data.programs.items() if p.country == "US" and "university" in search_text(p)]
    assert expected and shown(page) == expected
    page.get_by_role("button", name="Reset filters").click()
    expect(page.get_by_label(SEARCH, exact=True)).to_have_value("")
    assert shown(page) == list(data.programs)
    wait_for_query(page, {})
    assert_clean(outside_requests, console_errors)


def caption_count(page: Page) -> str:
    return page.locator(f"{TABLE} caption .kb-directory-count").inner_text()


def test_caption_counts_the_programs_listed(page: Page, data, outside_requests, console_errors):
    n = len(data.programs)
    open_directory(page)
    assert caption_count(page) == f"all {n}"
    page.get_by_label("Country", exact=True).select_option("US")
    us = sum(p.country == "US" for p in data.programs.values())
    assert caption_count(page) == f"{us} of {n}"
    expect(page.locator(f"{TABLE} caption")).to_have_text(
        f"Master's programs in machine learning: {us} of {n} programs")
    page.get_by_label(SEARCH, exact=True).fill("no-such-program-anywhere")
    assert caption_count(page) == f"0 of {n}"
    page.get_by_role("button", name="Reset filters").click()
    assert caption_count(page) == f"all {n}"
    assert_clean(outside_requests, console_errors)


def test_new_controls_work_from_the_keyboard(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    box = page.get_by_label(SEARCH, exact=True)
    box.focus()
    page.keyboard.type("learning")
    expected = [s for s, p in data.programs.items() if "learning" in search_text(p)]
    assert shown(page) == expected
    page.keyboard.press("Enter")  # submitting the form neither reloads nor clears
    assert shown(page) == expected and box.input_value() == "learning"
    # Tab order: search, then each filter in turn.
    for label in FILTERS:
        page.keyboard.press("Tab")
        focused = page.evaluate("Array.from(document.activeElement.labels || []).map(l => l.textContent).join()")
        assert focused == label
    # The last filter (and each other one) changes with the arrow keys.
    for label in ("Pace", "GRE policy", "Start term", "Language of instruction"):
        select = page.get_by_label(label, exact=True)
        select.focus()
        page.keyboard.press("ArrowDown")
        value = select.input_value()
        assert value == expected_options(data, FILTER_PARAMS[label])[0][0], label
        matching = [s for s in expected if FILTERS[label](data.programs[s], value)]
        assert shown(page) == matching, label
        page.keyboard.press("ArrowUp")
        expect(select).to_have_value("")
        assert shown(page) == expected
    # Reset from the keyboard puts the focus back on the search box.
    page.get_by_role("button", name="Reset filters").focus()
    page.keyboard.press("Enter")
    assert shown(page) == list(data.programs)
    assert page.evaluate("document.activeElement.name") == "search"
    assert_clean(outside_requests, console_errors)


def test_tuition_ceiling_lists_unknown_prices_after_the_matches(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    totals = {s: (round(t), reference_price(p).currency)
              for s, p in data.programs.items() if (t := estimated_total(p)) is not None}
    currencies = sorted({c for _, c in totals.values()})
    select = page.get_by_label("Currency", exact=True)
    assert sorted(select.locator("option").evaluate_all("os => os.map(o => o.value)")) == currencies
    ceiling = page.get_by_label("Estimated total tuition up to", exact=True)
    for currency in currencies:
        amounts = sorted(a for a, c in totals.values() if c == currency)
        select.select_option(currency)
        # Programs without a total in this currency are never hidden: they follow the matches.
        unknown = [s for s in data.programs if s not in totals or totals[s][1] != currency]
        for limit in {amounts[0] - 1, amounts[0], amounts[len(amounts) // 2], amounts[-1]}:
            ceiling.fill(str(limit))
            within = [s for s, (a, c) in totals.items() if c == currency and a <= limit]
            assert shown(page) == within + unknown, f"{currency} up to {limit}"
            text = status(page)
            expected = (f"Showing {len(within) + len(unknown)} of {len(data.programs)} programs: {len(within)} with an "
                        f"estimated total tuition up to {fmt.money(limit, currency)}")
            if unknown:
                expected += f", then {len(unknown)} whose total tuition in {currency} is unknown"
            assert text == expected + ".", text
            assert caption_count(page) == f"{len(within) + len(unknown)} of {len(data.programs)}"
            # Their price cells say what is known: a stated price or "Price unknown".
            for slug in unknown[:5]:
                cell = page.locator(f"{TABLE} tbody tr[data-slug='{slug}'] td").last
                price = reference_price(data.programs[slug])
                if price is None:
                    expect(cell).to_have_text(directory.PRICE_UNKNOWN)
                else:
                    expect(cell).not_to_have_text("")
    # Programs above the ceiling are really out of sight.
    ceiling.fill(str(amounts[0] - 1))
    hidden = page.locator(f"{TABLE} tbody tr[hidden]")
    assert hidden.count() == sum(c == currency for _, c in totals.values())
    expect(hidden.first).to_be_hidden()
    ceiling.fill("")
    assert shown(page) == list(data.programs)
    page.get_by_role("button", name="Reset filters").click()
    assert shown(page) == list(data.programs)
    assert_clean(outside_requests, console_errors)


def test_filters_combine_and_reset(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    page.get_by_label("Country", exact=True).select_option("US")
    page.get_by_label("Delivery", exact=True).select_option("online")
    expected = [s for s, p in data.programs.items() if p.country == "US" and "online" in (p.delivery or [])]
    assert expected and shown(page) == expected
    page.get_by_role("button", name="Reset filters").click()
    assert shown(page) == list(data.programs)
    assert status(page) == f"Showing {len(data.programs)} of {len(data.programs)} programs."
    wait_for_query(page, {})
    assert_clean(outside_requests, console_errors)


def test_state_is_kept_in_the_url(page: Page, data, outside_requests, console_errors):
    open_directory(page)
    page.get_by_label("Country", exact=True).select_option("US")
    page.get_by_label("Final project", exact=True).select_option("capstone")
    header(page, "university").get_by_role("button").click()
    header(page, "university").get_by_role("button").click()
    wait_for_query(page, {"country": ["US"], "final": ["capstone"], "sort": ["university"], "dir": ["desc"]})
    before = shown(page)
    matching = {s: text_key(p.university) for s, p in data.programs.items()
                if p.country == "US" and "capstone" in (p.final_projects or [])}
    assert before == ordered(matching, descending=True)

    page.goto(page.url)  # a fresh load of the shared address
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)
    assert shown(page) == before
    expect(page.get_by_label("Country", exact=True)).to_have_value("US")
    expect(page.get_by_label("Final project", exact=True)).to_have_value("capstone")
    expect(header(page, "university")).to_have_attribute("aria-sort", "descending")

    # A tuition ceiling is shared too, with its currency; unknown values are ignored.
    page.goto("programs/?max=50000&currency=USD&type=no-such-type&h=search")
    expect(page.locator(".kb-count[role=status]")).to_have_count(1)
    within = [s for s, p in data.programs.items()
              if (t := estimated_total(p)) is not None and reference_price(p).currency == "USD" and round(t) <= 50000]
    unknown = [s for s, p in data.programs.items()
               if estimated_total(p) is None or reference_price(p).currency != "USD"]
    assert shown(page) == within + unknown
    expect(page.get_by_label("Estimated total tuition up to", exact=True)).to_have_value("50000")
    expect(page.get_by_label("Degree type", exact=True)).to_have_value("")
    page.get_by_label("Delivery", exact=True).select_option("online")
    # Other parameters (Material's search highlight) are kept; unknown values are dropped.
    wait_for_query(page, {"max": ["50000"], "currency": ["USD"], "delivery": ["online"], "h": ["search"]})
    assert_clean(outside_requests, console_errors)


def test_old_bookmarked_url_still_filters_and_sorts(page: Page, data, outside_requests, console_errors):
    """Addresses shared before columns had keys used the slug of the heading; they still work."""
    open_directory(page, "?type=ms-ml&sort=typical-length&dir=desc")
    months = {s: (p.duration.min_months if p.duration else None)
              for s, p in data.programs.items() if p.degree_type == "ms-ml"}
    assert months, "the data has MS in ML programs"
    assert shown(page) == ordered(months, descending=True)
    expect(page.get_by_label("Degree type", exact=True)).to_have_value("ms-ml")
    expect(header(page, "typical-length")).to_have_attribute("aria-sort", "descending")
    assert status(page) == f"Showing {len(months)} of {len(data.programs)} programs."

    # Every old sort name still names its column; renamed ones name the column that replaced them.
    assert directory.SORT_ALIASES, "the build lists renamed sort keys"
    for old in ("university", "program", "degree-type", "delivery", "country", "typical-length", *directory.SORT_ALIASES):
        open_directory(page, f"?sort={old}&delivery=online&final=capstone")
        expect(header(page, directory.SORT_ALIASES.get(old, old))).to_have_attribute("aria-sort", "ascending")
        expected = [s for s, p in data.programs.items()
                    if "online" in (p.delivery or []) and "capstone" in (p.final_projects or [])]
        assert sorted(shown(page)) == sorted(expected), old

    # The renamed price column sorts as the new one does, and the address then uses the new key.
    open_directory(page, "?sort=tuition-as-stated&dir=desc")
    expect(header(page, "estimated-total")).to_have_attribute("aria-sort", "descending")
    assert shown(page) == ordered(price_order(data), descending=True)
    header(page, "estimated-total").get_by_role("button").click()
    wait_for_query(page, {"sort": ["estimated-total"], "dir": ["asc"]})
    assert_clean(outside_requests, console_errors)


def test_long_directory_shows_rows_in_pages(page: Page, built_site, data, outside_requests, console_errors):
    """With more rows than a page (100), the first page of matches is shown, then more on request."""
    from bench.bench_directory import bench_page

    many = 1000
    with tempfile.TemporaryDirectory() as tmp:
        html = bench_page(built_site, Path(tmp), many).read_text(encoding="utf-8")
    page.route(re.compile(r"/programs/many\.html(\?.*)?$"),
               lambda route: route.fulfill(body=html, content_type="text/html"))
    slugs = [f"{s}-{i}" if i >= len(data.programs) else s
             for i, s in zip(range(many), itertools.cycle(data.programs))]
    programs = [data.programs[s] for _, s in zip(range(many), itertools.cycle(data.programs))]
    page.goto("programs/many.html")
    expect(page.locator(".kb-count[role=status]")).to_have_text(f"Showing the first 100 of {many:,} programs.")
    assert shown(page) == slugs[:100]
    more = page.get_by_role("button", name=re.compile(r"^Show \d+ more$"))
    expect(more).to_have_text("Show 100 more")
    more.click()
    assert shown(page) == slugs[:200]
    assert status(page) == f"Showing the first 200 of {many:,} programs."

    page.get_by_label("Country", exact=True).select_option("US")
    us = [s for s, p in zip(slugs, programs) if p.country == "US"]
    assert len(us) > 100
    assert shown(page) == us[:100], "a filter change starts again at the first page"
    assert status(page) == f"Showing the first 100 of {len(us):,} matching programs ({many:,} in all)."

    # Sorting shows the first page in the new order.
    th = header(page, "university")
    universities = {s: text_key(p.university) for s, p in zip(slugs, programs) if p.country == "US"}
    th.get_by_role("button").click()
    assert shown(page) == ordered(universities)[:100]
    th.get_by_role("button").click()
    by_university = ordered(universities, descending=True)
    assert shown(page) == by_university[:100]
    while more.is_visible():
        more.click()
    assert shown(page) == by_university
    assert status(page) == f"Showing {len(us):,} of {many:,} programs."
    assert_clean(outside_requests, console_errors)


def test_directory_reached_from_the_tabs_and_again_by_going_back(page: Page, site_url, data, outside_requests,
                                                                 console_errors):
    page.goto(site_url)
    page.locator(".md-tabs a[href$='programs/']").click()
    page.wait_for_url(re.compile(r"/programs/$"))
    expect(page.locator("form.kb-filters")).to_have_count(1)
    page.get_by_label("Degree type", exact=True).select_option("ms-ml")
    expected = [s for s, p in data.programs.items() if p.degree_type == "ms-ml"]
    assert shown(page) == expected
    wait_for_query(page, {"type": ["ms-ml"]})

    # Away and back again: one form, never two.
    page.locator(".md-sidebar--primary a[href='data/']").click()
    page.wait_for_url(re.compile(r"/programs/data/$"))
    expect(page.locator("form.kb-filters")).to_have_count(0)
    page.go_back()
    page.wait_for_url(re.compile(r"/programs/\?type=ms-ml$"))
    expect(page.locator("form.kb-filters")).to_have_count(1)
    assert shown(page) == expected
    assert_clean(outside_requests, console_errors)


def test_directory_without_javascript(browser, base_url, data, outside_requests):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)

    def guard(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    try:
        page = context.new_page()
        page.goto("programs/")
        rows = page.locator(f"{TABLE} tbody tr")
        assert rows.evaluate_all("rows => rows.map(r => r.dataset.slug)") == list(data.programs)
        assert page.locator(f"{TABLE} tbody tr[hidden]").count() == 0
        for row in rows.all()[:3]:
            expect(row).to_be_visible()
        expect(page.locator("form.kb-filters")).to_have_count(0)
        expect(page.locator(".kb-count")).to_have_count(0)
        expect(page.locator(f"{TABLE} thead button")).to_have_count(0)
        # Nothing visible promises what only the script provides: filters, search, sorting.
        visible = page.locator("article").inner_text()
        promises = re.findall(r"[^.\n]*\b(?:filter|sort|search)\w*[^.\n]*", visible, re.IGNORECASE)
        assert promises == [], f"text that needs JavaScript to be true: {promises}"
        expect(page.locator(".kb-directory-help").first).to_be_hidden()
        assert page.locator(".kb-directory-help").count() >= 1
        expect(page.locator(f"{TABLE} caption .kb-directory-count")).to_have_text(f"all {len(data.programs)}")
        # Every program's title links to its page.
        titles = page.locator(f"{TABLE} tbody th a").all_inner_texts()
        assert titles == [p.title for p in data.programs.values()]

        page.goto("programs/compare/")
        expect(page.locator("#kb-compare-select")).to_have_count(0)
        # (Chromium with scripts disabled by DevTools still parses <noscript> as raw text, so only
        # the message's presence can be checked here.)
        assert "comparison needs JavaScript" in page.locator("#kb-compare noscript").text_content()
    finally:
        context.close()
    assert outside_requests == []


# --- Compare ----------------------------------------------------------------------------------


def expected_facts(data, slug: str) -> dict[str, str]:
    """The compare column of a program: each fact's label and display text, as Python writes them."""
    values = facts.shown(data.programs[slug], data)
    return {fact.label: values[fact.key] or facts.NOT_STATED for fact in facts.FACTS}


def compare_table(page: Page) -> dict[str, list[str]]:
    return page.eval_on_selector_all(
        "#kb-compare-table tbody tr",
        """rows => Object.fromEntries(rows.map(
            r => [r.cells[0].textContent, [...r.cells].slice(1).map(c => c.textContent)]))""",
    )


def add_to_compare(page: Page, slug: str) -> None:
    """Turn to the picker (as Tab or a click would), pick a program and press Add; wait until its
    column is shown (its facts are fetched first)."""
    picker = page.get_by_label("Add a program to compare", exact=True)
    picker.focus()
    picker.select_option(slug)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(f"#kb-compare-table thead th[data-slug='{slug}']")).to_have_count(1)


def chosen_slugs(page: Page) -> list[str]:
    return page.eval_on_selector_all("#kb-compare-table thead th[scope=col]",
                                     "cells => cells.map(cell => cell.dataset.slug)")


def pick_pair(data) -> tuple[str, str]:
    """Two programs with many stated facts, so the comparison shows real values."""
    def filled(slug):
        return sum(v != facts.NOT_STATED for v in expected_facts(data, slug).values())
    best = sorted(data.programs, key=filled, reverse=True)
    return best[0], best[1]


def test_compare_shows_the_facts_of_two_programs(page: Page, data, outside_requests, console_errors):
    a, b = pick_pair(data)
    page.goto(f"programs/compare/?p={a}&p=not-a-program&p={b}")
    expect(page.locator("#kb-compare-table")).to_be_visible()
    assert chosen_slugs(page) == [a, b]
    assert query(page) == {"p": [a, b]}, "unknown slugs are dropped from the address"
    # An unknown program is known by its missing data file: the browser notes the 404, nothing else.
    assert [e for e in console_errors if "404" in e] == ["console: Failed to load resource: the server responded "
                                                         "with a status of 404 (File not found)"]
    console_errors.clear()
    table = compare_table(page)
    fa, fb = expected_facts(data, a), expected_facts(data, b)
    assert list(table) == list(fa)
    for row, cells in table.items():
        assert cells == [fa[row], fb[row]], row
    assert page.eval_on_selector_all("#kb-compare-table tbody tr", "rows => rows.map(r => r.dataset.key)") == \
        [fact.key for fact in facts.FACTS]
    empty = page.locator("#kb-compare-table td.kb-empty")
    assert empty.count() == sum(v == facts.NOT_STATED for f in (fa, fb) for v in f.values())
    links = page.locator("#kb-compare-table thead th[scope=col] a")
    assert links.all_inner_texts() == [data.programs[a].title, data.programs[b].title]
    for link, slug in zip(links.all(), (a, b)):
        assert urlsplit(link.evaluate("a => a.href")).path.endswith(f"/programs/{slug}/")
    official = page.locator("#kb-compare-table tbody tr[data-key='official-page'] a")
    hrefs = official.evaluate_all("links => links.map(link => link.href)")
    assert hrefs == [data.programs[a].official_url, data.programs[b].official_url]
    # The program pages exist.
    links.first.click()
    page.wait_for_url(re.compile(f"/programs/{a}/$"))
    expect(page.locator("h1")).to_have_text(data.programs[a].title)
    assert_clean(outside_requests, console_errors)


def test_compare_shows_admissions_and_deadlines(page: Page, data, outside_requests, console_errors):
    """The rows come from the build, so the newer facts (GRE, deadlines, start terms...) show too."""
    def has(slug, key):
        return bool(facts.BY_KEY[key].show(data.programs[slug], data))

    with_both = [s for s in data.programs if has(s, "gre") and has(s, "deadlines")]
    with_either = [s for s in data.programs if has(s, "gre") or has(s, "deadlines")]
    chosen = (with_both + [s for s in with_either if s not in with_both])[:2]
    assert len(chosen) == 2, "the data has two programs with a GRE policy or deadlines"
    a, b = chosen
    page.goto(f"programs/compare/?p={a}&p={b}")
    expect(page.locator("#kb-compare-table")).to_be_visible()
    table = compare_table(page)
    fa, fb = expected_facts(data, a), expected_facts(data, b)
    for key in ("gre", "deadlines", "start-terms", "languages", "english-tests", "prerequisites",
                "application-fee", "fees", "funding", "estimated-total"):
        label = facts.BY_KEY[key].label
        assert table[label] == [fa[label], fb[label]], label
    assert any(facts.NOT_STATED not in table[facts.BY_KEY[k].label] for k in ("gre", "deadlines"))
    assert_clean(outside_requests, console_errors)


def test_compare_add_and_remove_update_the_url(page: Page, data, outside_requests, console_errors):
    slugs = list(data.programs)
    page.goto("programs/compare/")
    select = page.get_by_label("Add a program to compare", exact=True)
    expect(select).to_be_visible()
    assert page.locator("#kb-compare-table").count() == 0
    add = page.get_by_role("button", name="Add", exact=True)
    for i, slug in enumerate(slugs[:4], start=1):
        add_to_compare(page, slug)
        assert chosen_slugs(page) == slugs[:i]
        assert query(page) == {"p": slugs[:i]}
    expect(add).to_be_disabled()  # four at most
    assert compare_table(page)[facts.BY_KEY["university"].label] == [data.programs[s].university for s in slugs[:4]]
    second = data.programs[slugs[1]]
    page.get_by_role("button", name=f"Remove {second.university}: {second.title}").click()
    remaining = [slugs[0], slugs[2], slugs[3]]
    assert chosen_slugs(page) == remaining
    assert query(page) == {"p": remaining}
    expect(add).to_be_enabled()
    # A program already chosen cannot be added twice.
    assert select.locator(f"option[value='{slugs[0]}']").is_disabled()
    page.goto(page.url)
    expect(page.locator("#kb-compare-table")).to_be_visible()
    assert chosen_slugs(page) == remaining
    assert_clean(outside_requests, console_errors)


def test_compare_reached_from_a_program_page(page: Page, site_url, data, outside_requests, console_errors):
    a, b = pick_pair(data)
    page.goto(f"{site_url}programs/{a}/")
    assert page.evaluate("window.__kbCompareLoaded === undefined"), "a program page does not load compare.js"
    page.get_by_role("link", name="Compare with other programs").click()
    page.wait_for_url(re.compile(rf"/programs/compare/\?p={a}$"))
    select = page.get_by_label("Add a program to compare", exact=True)
    expect(select).to_be_visible()
    add_to_compare(page, b)
    assert chosen_slugs(page) == [a, b]
    assert query(page) == {"p": [a, b]}
    expect(page.locator("#kb-compare .kb-compare")).to_have_count(1)
    # The data is fetched from each program's facts.json.
    table = compare_table(page)
    fa, fb = expected_facts(data, a), expected_facts(data, b)
    for row, cells in table.items():
        assert cells == [fa[row], fb[row]], row
    first_link = page.locator("#kb-compare-table thead a").first.evaluate("link => link.href")
    assert urlsplit(first_link).path.endswith(f"/programs/{a}/")
    assert_clean(outside_requests, console_errors)


def test_compare_says_so_when_the_data_cannot_be_loaded(page: Page, data, outside_requests):
    page.route(re.compile(r"/facts\.json$"), lambda route: route.fulfill(status=500, body="server error"))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    slug = next(iter(data.programs))
    page.goto(f"programs/compare/?p={slug}")
    expect(page.locator("#kb-compare .kb-count[role=status]")).to_contain_text(
        "The program data could not be loaded, so the comparison is not available.")
    expect(page.locator("#kb-compare-select")).to_have_count(0)
    assert query(page) == {"p": [slug]}, "the address is left as it was"
    assert errors == [] and outside_requests == []


# --- What each page loads -----------------------------------------------------------------------

TOOL_SCRIPTS = ("directory.js", "compare.js", "shortlist.js", "finder.js", "calculator.js")


def requested(page: Page, path: str) -> list[str]:
    """The paths (from the site root) of everything the page at ``path`` requests while it loads."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(urlsplit(request.url).path))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return seen


def test_a_guide_page_loads_no_tool_script(page: Page, outside_requests, console_errors):
    for path in ("", "costs/", "programs/data/"):
        loaded = requested(page, path)
        assert [p for p in loaded if p.endswith(TOOL_SCRIPTS)] == [], path
        assert not [p for p in loaded if p.endswith((".json", "calculator.css"))], path
    assert_clean(outside_requests, console_errors)


def test_compare_fetches_only_the_programs_it_shows(page: Page, data, outside_requests, console_errors):
    four = list(data.programs)[:4]
    loaded = requested(page, "programs/compare/?" + "&".join(f"p={slug}" for slug in four))
    expect(page.locator("#kb-compare-table")).to_be_visible()
    assert chosen_slugs(page) == four
    data_files = [p for p in loaded if p.endswith(".json") and "/search" not in p and "pagefind" not in p]
    assert sorted(data_files) == sorted(f"/programs/{slug}/facts.json" for slug in four)
    assert sorted(p for p in loaded if p.endswith(TOOL_SCRIPTS)) == ["/assets/javascripts/compare.js",
                                                                     "/assets/javascripts/shortlist.js"]
    # With a place free, using the picker fetches the list of names, and adding a program fetches its facts only.
    more: list[str] = []
    page.on("request", lambda request: more.append(urlsplit(request.url).path))
    first = data.programs[four[0]]
    page.get_by_role("button", name=f"Remove {first.university}: {first.title}").click()
    select = page.get_by_label("Add a program to compare", exact=True)
    expect(select).to_be_enabled()
    add_to_compare(page, four[0])
    assert chosen_slugs(page) == four[1:] + four[:1]
    assert [p for p in more if p.endswith(".json")] == ["/programs/names.json"], "the facts are fetched once"
    assert_clean(outside_requests, console_errors)


def test_compare_fetches_the_names_of_all_programs_only_when_the_picker_is_used(page: Page, data, outside_requests,
                                                                               console_errors):
    """Looking at a comparison never downloads every program's name (55 KB gzip at 10,000 programs);
    the picker can still be reached from the keyboard, and once the reader turns to it, it offers every
    program but the ones already shown."""
    a, b, c = list(data.programs)[:3]
    loaded = requested(page, f"programs/compare/?p={a}&p={b}")
    expect(page.locator("#kb-compare-table")).to_be_visible()
    picker = page.get_by_label("Add a program to compare", exact=True)
    expect(picker).to_be_enabled()
    assert [p for p in loaded if p.endswith("names.json")] == []
    more: list[str] = []
    page.on("request", lambda request: more.append(urlsplit(request.url).path))
    picker.focus()
    expect(picker.locator("option")).to_have_count(len(data.programs) + 1)
    expect(picker.locator("option").first).to_have_text("Choose a program…")
    offered = picker.locator("option:not([disabled])").evaluate_all("options => options.map(o => o.value)")
    assert offered[0] == "" and sorted(offered[1:]) == sorted(s for s in data.programs if s not in (a, b))
    add_to_compare(page, c)
    assert chosen_slugs(page) == [a, b, c]
    assert [p for p in more if p.endswith(".json")] == ["/programs/names.json", f"/programs/{c}/facts.json"]
    assert_clean(outside_requests, console_errors)


@pytest.mark.parametrize("shown", [2, 3, 4])
def test_compare_on_a_touch_screen_fills_its_picker_before_it_is_touched(browser, site_url, data, shown):
    """A phone opens its own list on the tap that would start the fetch, and that list does not change while
    open: with room for another program, the names load once the page is idle. With four, there is no room."""
    context = browser.new_context(base_url=site_url, viewport={"width": 412, "height": 823}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    loaded = requested(page, "programs/compare/?" + "&".join(f"p={slug}" for slug in list(data.programs)[:shown]))
    expect(page.locator("#kb-compare-table")).to_be_visible()
    picker = page.get_by_label("Add a program to compare", exact=True)
    if shown < 4:
        expect(picker.locator("option")).to_have_count(len(data.programs) + 1)
        assert [p for p in loaded if p.endswith("names.json")] == ["/programs/names.json"]
    else:
        page.wait_for_timeout(500)
        expect(picker).to_be_disabled()
        assert [p for p in loaded if p.endswith("names.json")] == []
    assert not picker.evaluate("el => el === document.activeElement")
    context.close()


@pytest.mark.parametrize("shown", [0, 1])
def test_compare_with_fewer_than_two_programs_has_its_picker_full_before_it_is_touched(page: Page, data, shown,
                                                                                      outside_requests, console_errors):
    """Choosing is what that page is for, and a phone's picker opens on the very tap that would start the fetch."""
    chosen = list(data.programs)[:shown]
    page.goto("programs/compare/" + "".join(f"{'&' if i else '?'}p={slug}" for i, slug in enumerate(chosen)))
    picker = page.get_by_label("Add a program to compare", exact=True)
    expect(picker.locator("option")).to_have_count(len(data.programs) + 1)
    assert not picker.evaluate("el => el === document.activeElement")
    assert_clean(outside_requests, console_errors)


def test_compare_picker_says_so_when_its_list_cannot_be_loaded(page: Page, data, outside_requests):
    """The comparison stays; the picker says what went wrong, Add stays off, and turning to it again retries."""
    page.route(re.compile(r"/names\.json$"), lambda route: route.fulfill(status=500, body="server error"))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    a, b = list(data.programs)[:2]
    page.goto(f"programs/compare/?p={a}&p={b}")
    picker = page.get_by_label("Add a program to compare", exact=True)
    picker.focus()
    expect(picker.locator("option")).to_have_text(["The list of programs could not be loaded"])
    expect(page.get_by_role("button", name="Add", exact=True)).to_be_disabled()
    assert chosen_slugs(page) == [a, b]
    page.unroute(re.compile(r"/names\.json$"))
    picker.blur()
    picker.focus()
    expect(picker.locator("option")).to_have_count(len(data.programs) + 1)
    expect(page.get_by_role("button", name="Add", exact=True)).to_be_enabled()
    assert errors == [] and outside_requests == []


def test_compare_reached_again_by_going_back_and_forward_binds_its_controls_once(page: Page, site_url, data,
                                                                                 outside_requests, console_errors):
    a, b, c = list(data.programs)[:3]
    page.goto(f"{site_url}programs/")
    for _ in range(2):  # there, away, back, forward: a page the browser keeps may be shown again as it was
        page.locator(".md-sidebar--primary a[href='compare/']").click()
        page.wait_for_url(re.compile(r"/programs/compare/$"))
        expect(page.get_by_label("Add a program to compare", exact=True)).to_be_enabled()
        page.go_back()
        page.wait_for_url(re.compile(r"/programs/$"))
        expect(page.locator("form.kb-filters")).to_have_count(1)
    page.go_forward()
    page.wait_for_url(re.compile(r"/programs/compare/$"))
    select = page.get_by_label("Add a program to compare", exact=True)
    expect(select).to_be_enabled()
    for slug in (a, b, c):
        add_to_compare(page, slug)
    assert chosen_slugs(page) == [a, b, c], "each press adds one program"
    assert query(page) == {"p": [a, b, c]}
    expect(page.locator("#kb-compare .kb-compare")).to_have_count(1)
    expect(page.locator("#kb-compare-select option")).to_have_count(len(data.programs) + 1)
    assert_clean(outside_requests, console_errors)
