"""The help-wanted page and ``make check --coverage`` report (macros.help_wanted), on hand-made programs."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from macros import help_wanted

from .rendered import body_cells
from .test_coverage import PROGRAMS, TODAY, program, price

PAGE = "contributing/help-wanted/"


def edit_url(slug: str) -> str:
    return f"https://github.com/o/r/edit/main/data/programs/{slug}.yml"


def items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html)


def test_the_coverage_table_has_a_row_per_tracked_fact():
    html = str(help_wanted.coverage_table(PROGRAMS))
    rows, _ = body_cells(html)
    by_label = {row[0]: row[1:] for row in rows}
    assert by_label["Credits"] == ["3 of 4 (75%)", "85%", "not yet"]
    assert by_label["Tuition (any year)"] == ["2 of 4 (50%)", "50%", "met"]
    assert by_label["GRE policy (US programs)"] == ["1 of 2 (50%)", "50%", "met"]
    assert by_label["City"] == ["0 of 4 (0%)", "", ""]
    assert len(rows) == 15
    assert 'id="coverage"' in html


def test_every_program_with_a_gap_is_listed_with_an_edit_link_by_name():
    html = str(help_wanted.gaps_list(PROGRAMS, edit_url, PAGE, TODAY))
    listed = items(html)
    assert len(listed) == len(PROGRAMS)  # every hand-made program lacks something
    for slug in PROGRAMS:
        [item] = [i for i in listed if f"/{slug}/" in i]
        assert f'<a href="{edit_url(slug)}">edit its file</a>' in item
        assert f'<a href="../../programs/{slug}/">' in item


def test_the_gaps_say_what_is_old_missing_or_archived():
    listed = {re.search(r'programs/([^/]+)/"', i).group(1): unescape(i)
              for i in items(str(help_wanted.gaps_list(PROGRAMS, edit_url, PAGE, TODAY)))}
    assert ("<strong>Old:</strong> the newest price is for 2022-23; every deadline has passed (latest for Fall 2026)."
            in listed["old-us"])
    assert "<strong>Missing:</strong> Typical length, Delivery, Final project," in listed["old-us"]
    assert ("<strong>Read only from an archived copy:</strong> https://www.example.de/ms." in listed["archived-de"])
    assert "<strong>Old:</strong> facts last checked on 2024-01-01." in listed["stale-gb"]
    assert "Old:" not in listed["full-us"] and "archived" not in listed["full-us"]


def test_programs_are_listed_by_name():
    programs = {"b": program(university="beta"), "a": program(university="Zeta"), "c": program(university="Alpha")}
    html = str(help_wanted.gaps_list(programs, edit_url, PAGE, TODAY))
    assert [re.search(r'programs/([^/]+)/"', i).group(1) for i in items(html)] == ["c", "b", "a"]


def test_a_directory_without_gaps_says_thank_you():
    complete = program(
        city="Springfield", delivery=["online"], pace=["part-time"], credits={"amount": 30, "unit": "units"},
        duration={"min_months": 12}, final_projects=["capstone"], languages=["en"], start_terms=["fall"],
        tuition=[price("2025-26")], funding={"offers": "none"}, deadlines=[{"term": "Fall 2027", "date": "2027-03-01"}],
        admissions={"gre": {"policy": "not-required"}, "english_tests": [{"test": "toefl-ibt", "minimum": 80}],
                    "prerequisites": {"topics": ["programming"]}, "application_fee": {"amount": 50, "currency": "USD"}})
    assert str(help_wanted.gaps_list({"p": complete}, edit_url, PAGE, TODAY)) == (
        '<p class="kb-empty">Every program states every tracked fact. Thank you!</p>')
    assert str(help_wanted.gaps_list({}, edit_url, PAGE, TODAY)).startswith('<p class="kb-empty">')


def test_hostile_values_are_escaped():
    hostile = program(university="<script>alert(1)</script>", title="{{ config }} & [x](javascript:y)",
                      sources=[dict(url="https://www.example.us/ms?a=1&b=2", title="MS", accessed=date(2026, 1, 1),
                                    kind="official", supports=["title"],
                                    archived_url="https://web.archive.org/web/2025/x")])
    html = str(help_wanted.gaps_list({"p": hostile}, lambda slug: 'https://x.test/"><script>', PAGE, TODAY))
    assert "<script>" not in html and "{{" not in html and "[x](" not in html and "&b=" not in html
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in html
    assert "https&#58;//www.example.us/ms?a&#61;1&#38;b&#61;2" in html
    assert 'href="https://x.test/&#34;&gt;&lt;script&gt;"' in html
    [item] = items(html)
    assert unescape(re.sub(r"<[^>]+>", "", item)).startswith(
        "<script>alert(1)</script>: {{ config }} & [x](javascript:y) (edit its file): ")


def test_report_lines_give_the_same_content_for_the_terminal():
    lines = help_wanted.report_lines(PROGRAMS, TODAY)
    assert lines[0] == "Coverage (programs whose sources state each fact):"
    assert lines[1] == f"  {'Credits':<40} {'3 of 4 (75%)':>16}  target 85%: NOT MET"
    assert f"  {'Tuition (any year)':<40} {'2 of 4 (50%)':>16}  target 50%: met" in lines
    assert f"  {'City':<40} {'0 of 4 (0%)':>16}" in lines
    start = lines.index("Programs with missing or old facts:")
    assert start == 1 + len(help_wanted.field_coverage(PROGRAMS))
    details = lines[start + 1:]
    assert len(details) == len(PROGRAMS)
    old = next(line for line in details if line.startswith("  data/programs/old-us.yml: "))
    assert old.startswith("  data/programs/old-us.yml: old: the newest price is for 2022-23; old: every deadline "
                          "has passed (latest for Fall 2026); missing: Typical length, Delivery")
    archived = next(line for line in details if line.startswith("  data/programs/archived-de.yml: "))
    assert archived.endswith("; archived copy: https://www.example.de/ms")


def test_report_lines_without_gaps_end_with_the_heading():
    assert help_wanted.report_lines({}, TODAY)[-1] == "Programs with missing or old facts:"


def test_coverage_and_gaps_of_the_repository_data_render(dataset):
    html = str(help_wanted.gaps_list(dataset.programs, edit_url, PAGE))
    assert len(items(html)) <= len(dataset.programs)
    rows, _ = body_cells(str(help_wanted.coverage_table(dataset.programs)))
    assert len(rows) == len(help_wanted.field_coverage(dataset.programs))
    assert all(isinstance(line, str) for line in help_wanted.report_lines(dataset.programs))
