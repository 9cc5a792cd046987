"""The `make bench` report (bench/report.py): its arithmetic, its verdicts and its Markdown."""

from __future__ import annotations

import math

import pytest

from bench.report import (BuildRun, Results, Searches, Timing, Visit, beyond, budgets, kb, largest, median,
                          ms_per_page, ratio, render, table)


def results(*, site_cpu: float = 60.0, pre_cpu: float = 56.0, home: int = 110_000, stock: int = 100_000,
            compare: int = 150_000, directory: int = 500_000, cold: float = 250, warm: float = 80,
            found: int = 3) -> Results:
    """A run at 75 and 10,000 programs with the figures given (the rest comfortably within budget)."""
    return Results(
        builds=[BuildRun(75, Timing(10, 5), Timing(9, 4.5), Timing(0.5, 0.5)),
                BuildRun(10_000, Timing(site_cpu * 1.5, site_cpu), Timing(pre_cpu * 1.5, pre_cpu), Timing(1.1, 1.0))],
        visits=[Visit("stock", "home", stock, 10_000, 2_000, 8, (("", 10_000), ("main.css", stock - 10_000))),
                Visit("site at 10,000 programs", "home", home, 10_000, 0, 9,
                      (("", 10_000), ("main.css", stock - 10_000), ("sitemap.xml", home - stock))),
                Visit("site at 10,000 programs", "compare (4 programs)", compare, 8_000, 6_000, 14,
                      (("programs/compare/", 8_000), ("bundle.js", compare - 8_000))),
                Visit("site at 10,000 programs", "directory", directory, 400_000, 0, 10,
                      (("programs/", 400_000), ("bundle.js", directory - 400_000)))],
        searches=[Searches(10_000, [cold, cold - 50, cold + 500], [warm, warm - 40, warm + 500], found, 3, "Pagefind",
                           [cold - 100])],
    )


def named(rows, start):
    """The one budget whose name starts with ``start``."""
    [row] = [row for row in rows if row.name.startswith(start)]
    return row


def test_ratio_and_its_zero_denominator():
    assert ratio(3, 2) == 1.5
    assert ratio(1, 0) == math.inf


def test_ms_per_page_is_the_slope_between_two_sizes_so_fixed_costs_cancel():
    # 20 s of fixed cost at both sizes, then 8 ms a page.
    assert ms_per_page(20 + 0.075 * 8, 75, 20 + 10 * 8, 10_000) == pytest.approx(8)
    with pytest.raises(ValueError):
        ms_per_page(1, 75, 2, 75)


def test_median_of_nothing_is_not_a_number():
    assert median([3, 1, 2]) == 2
    assert math.isnan(median([]))


def test_kilobytes_are_thousands_of_bytes():
    assert kb(200_000) == "200.0 KB"
    assert kb(1_234_567) == "1,234.6 KB"


def test_a_markdown_table_right_aligns_every_column_but_the_first():
    assert table(["Page", "Bytes"], [["home", "1"]]) == "| Page | Bytes |\n| --- | ---: |\n| home | 1 |"


def test_every_budget_passes_when_every_figure_is_within_it():
    rows = budgets(results())
    assert len(rows) == 8
    assert all(row.passed for row in rows[:-1]), [row for row in rows if not row.passed]
    assert rows[-1].name.startswith("Lighthouse") and rows[-1].passed is None  # measured by make audit


def test_build_per_page_budget_uses_processor_time_between_the_smallest_and_largest_build():
    # (85 - 5) s over 9,925 pages: 8.1 ms; (105 - 5) s: 10.1 ms.
    assert named(budgets(results(site_cpu=85, pre_cpu=80)), "Build per program page").passed
    failed = named(budgets(results(site_cpu=105, pre_cpu=100)), "Build per program page")
    assert not failed.passed and "10.1 ms" in failed.figure and "between 75 and 10,000" in failed.why


def test_build_against_pre_rendered_budget_is_the_ratio_at_the_largest_size():
    row = named(budgets(results(site_cpu=60, pre_cpu=50)), "Build vs the same pages pre-rendered")
    assert not row.passed and row.figure.startswith("1.20x") and row.why


def test_home_page_bytes_are_judged_against_the_stock_home_page_and_a_miss_names_the_requests_beyond_it():
    row = named(budgets(results(home=130_000, stock=100_000)), "First visit to home vs stock Material")
    assert not row.passed and row.figure.startswith("1.30x")
    assert row.why == "most of the difference: sitemap.xml +30.0 KB"


def test_the_directory_budget_takes_its_largest_page_once_it_is_split():
    run = results(directory=100_000)
    run.visits.append(Visit("site at 10,000 programs", "directory, largest part (programs/country/us/)", 650_000,
                            600_000, 0, 12, (("programs/country/us/", 650_000),)))
    row = named(budgets(run), "First visit to directory")
    assert row.name == "First visit to directory, largest part (programs/country/us/)" and not row.passed


def test_requests_beyond_a_baseline_count_only_what_is_more_and_largest_lists_the_biggest():
    site = Visit("site", "home", 0, 0, 0, 3, (("", 9_000), ("a.js", 5_000), ("b.json", 2_000)))
    stock = Visit("stock", "home", 0, 0, 0, 2, (("", 10_000), ("a.js", 1_000)))
    assert beyond(site, stock) == "a.js +4.0 KB, b.json +2.0 KB"
    assert largest(site, 2) == "(the page) 9.0 KB, a.js 5.0 KB"


def test_compare_and_directory_budgets_say_where_the_bytes_went_when_they_fail():
    rows = budgets(results(compare=250_000, directory=700_000))
    compare, directory = named(rows, "First visit to compare"), named(rows, "First visit to directory")
    assert not compare.passed and compare.why == "14 requests; largest: bundle.js 242.0 KB, programs/compare/ 8.0 KB"
    assert not directory.passed and "programs/ 400.0 KB" in directory.why


def test_search_budgets_take_the_median_search_show_the_worst_and_need_the_program_found():
    rows = budgets(results(cold=301, warm=99))
    cold = named(rows, "Search, cold")
    assert not cold.passed and cold.figure == "301 ms (median of 3; worst 801 ms)" and "201 ms" in cold.why
    assert named(rows, "Search, warm").passed
    assert named(budgets(results(found=2)), "Search finds the program asked for").passed is False


def test_budgets_not_measured_in_a_run_say_so():
    rows = budgets(Results())
    assert [row.passed for row in rows] == [None, None, None]


def test_the_report_has_the_budgets_and_a_section_per_measurement():
    text = render(results(site_cpu=105, pre_cpu=100))
    assert text.startswith("# `make bench` report")
    assert "| Build per program page (processor time) | ≤ 10 ms |" in text and "**FAIL**" in text
    for heading in ("## Budgets", "## Build and check", "## Bytes of a first visit", "## Search"):
        assert heading in text
    assert "x133.3" in text  # 10,000 / 75 programs


def test_commands_that_failed_once_are_listed_in_the_report():
    run = results()
    run.failures.append("`-m mkdocs build ... site` failed once (JSONDecodeError) and was run again")
    assert "## Failures" in render(run) and "JSONDecodeError" in render(run)
    assert "## Failures" not in render(results())
