"""Tables and lists (macros.tables): content comes from the data, and text always stays text."""

from __future__ import annotations

import re
from itertools import islice
from datetime import date
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from macros import models, tables

from .rendered import body_cells, to_html

SOURCE = models.Source(url="https://www.example.edu/", title="Example", accessed=date(2026, 1, 1), kind="official")
NASTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "a | b | c",
    "*bold* and _under_ and **strong**",
    "[x](javascript:alert(1))",
    "{{ 7*7 }} and {% if true %}yes{% endif %}",
    "&amp; &lt;b&gt; &#123;",
    ":smile: ==mark== ^^ins^^ ~~del~~",
    "line one\nline two\n\nafter a blank line",
    "# not a heading",
    "`code` and \\escaped",
]

# Text a contributor could type: anything printable, plus newlines and tabs.
contributor_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\t"), min_size=1, max_size=60
).filter(lambda s: s.strip())

single_line_text = contributor_text.filter(lambda s: "\n" not in s.strip())


def degree_type(**overrides) -> models.DegreeType:
    values = dict(id="ms-ml", title="MS in ML", abbreviation="MS", orientation="research", focus="Focus.",
                  fits="Fits.", guide_page="degree-types/ms-vs-mps.md", sources=[SOURCE])
    values.update(overrides)
    return models.DegreeType.model_validate(values)


def cells_of(markup) -> list[list[str]]:
    rows, _ = body_cells(to_html(f"Intro paragraph.\n\n{markup}\n\nAfter."))
    return rows


class _Details(HTMLParser):
    """Each <details>: its id, summary text, and the text of each <dd> by the text of its <dt>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self._into: str | None = None
        self._term = ""

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.found.append({"id": dict(attrs).get("id"), "summary": "", "facts": {}, "links": []})
        elif self.found and tag in ("summary", "dt", "dd"):
            self._into = tag
            if tag == "dd":
                self.found[-1]["facts"][self._term] = ""
            elif tag == "dt":
                self._term = ""
        elif self.found and tag == "a":
            self.found[-1]["links"].append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in ("summary", "dt", "dd"):
            self._into = None

    def handle_data(self, data):
        if self._into == "summary":
            self.found[-1]["summary"] += data
        elif self._into == "dt":
            self._term += data
        elif self._into == "dd":
            self.found[-1]["facts"][self._term] += data


def details_of(markup) -> list[dict]:
    parser = _Details()
    parser.feed(to_html(f"Intro paragraph.\n\n{markup}\n\nAfter."))
    return parser.found


@settings(max_examples=150, deadline=None)
@given(title=single_line_text, focus=contributor_text, fits=contributor_text)
def test_any_text_round_trips_as_literal_text(title, focus, fits):
    entry = degree_type(title=title, focus=focus, fits=fits)
    markup = tables.degree_types_table([entry], {})
    rows = cells_of(markup)
    assert rows[0][0] == entry.title
    [card] = details_of(markup)
    assert card["summary"] == f"{entry.title} ({entry.abbreviation})"
    assert card["facts"]["Focus"] == entry.focus
    assert card["facts"]["Who it fits"] == entry.fits


def test_nasty_values_show_literally_and_create_no_markup():
    entries = [degree_type(id=f"t{i}", title=" / ".join(value.splitlines()), focus=value, fits=value) for i, value in enumerate(NASTY)]
    html = to_html(f"{tables.degree_types_table(entries, {})}")
    rows, tags = body_cells(html)
    assert [row[0] for row in rows] == [e.title for e in entries]
    assert [card["facts"]["Focus"] for card in details_of(tables.degree_types_table(entries, {}))] == \
        [e.focus for e in entries]
    assert "script" not in tags and "img" not in tags and "strong" not in tags and "em" not in tags
    assert "javascript:" not in html.replace("javascript&#58;", "")
    assert "{{" not in html and "{%" not in html


def test_inline_figure_text_stays_inert_inside_a_paragraph():
    figure = models.Figure(id="x", label="l", value=5250, unit="usd", period="*2024* [a](b)",
                           sources=[SOURCE.model_copy(update={"publisher": "<b>IRS</b> _x_"})])
    html = to_html(f"The limit is {tables.figure(figure)} a year.")
    assert "$5,250" in html
    _, tags = body_cells(html)
    assert "b" not in tags and "em" not in tags
    assert "&lt;b&gt;IRS&lt;/b&gt;" in html or "&#60;b&#62;IRS" in html


def listed_program(slug: str, **changes) -> models.Program:
    values = dict(university="U", title=slug, degree_type="ms-ml", country="US", official_url="https://u.edu/ms",
                  sources=[models.ProgramSource(**SOURCE.model_dump(), supports=["title"])],
                  last_verified=date(2026, 1, 1))
    return models.Program.model_validate({**values, **changes})


def test_empty_and_single_entry_tables():
    assert 'class="kb-empty"' in str(tables.degree_types_table([], {}))
    programs = {slug: listed_program(slug) for slug in ("a", "b", "c")}
    rows = cells_of(tables.degree_types_table([degree_type()], {"ms-ml": programs}))
    assert len(rows) == 1 and rows[0][5] == "3"
    assert rows[0][3:5] == ["Not stated", "Not stated"]  # no listed program states credits or a length


def test_degree_types_show_the_credits_and_length_of_their_listed_programs():
    programs = {
        "a": listed_program("a", credits={"amount": 30, "unit": "us-credit-hours"}, duration={"min_months": 12}),
        "b": listed_program("b", credits={"amount": 36, "unit": "us-credit-hours"},
                            duration={"min_months": 18, "max_months": 24}),
        "c": listed_program("c", credits={"amount": 120, "unit": "ects"}),
    }
    [row] = cells_of(tables.degree_types_table([degree_type()], {"ms-ml": programs}))
    assert row[3] == "30–36 credit hours (2 programs); 120 ECTS credits (1 program)"
    assert row[4] == "12–24 months (2 programs)"
    assert row[5] == "3"


def test_degree_types_table_holds_short_facts_and_each_type_opens_to_its_focus_fit_and_sources():
    entry = degree_type(focus="A long sentence about the focus.", fits="A long sentence about who it fits.")
    markup = str(tables.degree_types_table([entry], {}, "degree-types/"))
    assert "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in
                                   ["Degree type", "Abbreviation", "Orientation", "Credits of listed programs",
                                    "Length of listed programs", "Programs listed"]) + "</tr></thead>" in markup
    [row] = cells_of(markup)
    assert row[:3] == ["MS in ML", "MS", "Research"]
    assert entry.focus not in row and entry.fits not in row
    # The type's name links to its guide page, relative to the page the table is on.
    assert '<th scope="row"><a href="ms-vs-mps/">MS in ML</a></th>' in markup
    assert '<td data-label="Orientation">Research</td>' in markup
    [card] = details_of(markup)
    assert card["id"] == "degree-type-ms-ml"
    assert list(card["facts"]) == ["Focus", "Who it fits", "Sources"]
    assert card["facts"]["Sources"] == "example.edu (2026-01-01)"
    assert card["links"] == ["https://www.example.edu/", "ms-vs-mps/"]
    assert "<details " in markup and "<details open" not in markup


def test_degree_types_credits_put_each_unit_on_its_own_line():
    programs = {"a": listed_program("a", credits={"amount": 30, "unit": "us-credit-hours"}),
                "c": listed_program("c", credits={"amount": 120, "unit": "ects"})}
    markup = str(tables.degree_types_table([degree_type()], {"ms-ml": programs}))
    assert "30 credit hours (1 program); <br>120 ECTS credits (1 program)" in markup


def test_degree_types_table_has_every_type_from_data(dataset):
    data = dataset
    markup = tables.degree_types_table(data.degree_types.degree_types, {}, "degree-types/")
    rows = cells_of(markup)
    assert [r[0] for r in rows] == [d.title for d in data.degree_types.degree_types]
    cards = details_of(markup)
    assert [c["id"] for c in cards] == [f"degree-type-{d.id}" for d in data.degree_types.degree_types]
    assert all(c["facts"]["Focus"] and c["facts"]["Who it fits"] and c["facts"]["Sources"] for c in cards)


def test_data_tables_render_every_entry(dataset):
    data = dataset
    assert len(cells_of(tables.careers_table(data.careers))) == len(data.careers.roles)
    assert len(cells_of(tables.curriculum_table(data.curriculum, data.programs))) == len(data.curriculum.core_areas)
    assert len(cells_of(tables.electives_table(data.electives, data.programs))) == len(data.electives.courses)
    assert len(cells_of(tables.final_projects_table(data.final_projects, data.programs))) == len(data.final_projects.options)
    assert len(cells_of(tables.study_formats_table(data.study_formats, data.programs))) == len(data.study_formats.formats)
    assert len(cells_of(tables.nces_tuition_table(data.costs))) == len(data.costs.nces_graduate_tuition)


def test_final_projects_table_counts_programs_from_data(dataset):
    data = dataset
    rows = cells_of(tables.final_projects_table(data.final_projects, data.programs))
    for option, row in zip(data.final_projects.options, rows):
        expected = sum(1 for p in data.programs.values() if option.id in (p.final_projects or []))
        assert row[3].startswith(str(expected))


def test_outcome_reports_list_only_programs_with_a_report(dataset):
    slug, first = next(iter(dataset.programs.items()))
    report = models.OutcomesReport(url="https://www.example.edu/outcomes", title="Class of 2024 <outcomes>",
                                   year="2024", cohort="MS graduates")
    programs = {slug: first.model_copy(update={"outcomes_report": report}), **{
        s: p.model_copy(update={"outcomes_report": None}) for s, p in list(dataset.programs.items())[1:4]}}
    html = str(tables.outcome_reports_table(programs))
    rows, _ = body_cells(to_html(html))
    assert re.findall(r"<th[^>]*>([^<]*)</th>", html)[:4] == ["Program", "Report", "Year", "Graduates covered"]
    assert 'href="https://www.example.edu/outcomes"' in html
    assert rows == [[tables.program_name(first), "Class of 2024 <outcomes>", "2024", "MS graduates"]]
    empty = str(tables.outcome_reports_table({s: p for s, p in programs.items() if s != slug}))
    assert "No program in the directory has an official outcomes report" in empty


def many_programs(dataset, count: int) -> dict[str, models.Program]:
    first = next(iter(dataset.programs.values()))
    return {f"p{i:03d}": first.model_copy(update={"title": f"Program {i:03d}", "final_projects": ["thesis"]})
            for i in range(count)}


def test_a_long_program_list_names_the_first_ones_and_links_the_rest_to_the_filtered_directory(dataset):
    # A guide page must stay the same size however many programs the directory holds.
    programs = many_programs(dataset, tables.NAMED_PROGRAMS + 25)
    html = str(tables.programs_list(programs, "degree-types/ms-vs-mps/", directory_filter={"type": "ms-ml"}))
    assert html.count('href="../../programs/p') == tables.NAMED_PROGRAMS
    assert '<a href="../../programs/?type=ms-ml">and 25 more in the directory</a>' in html
    whole = str(tables.programs_list(dict(islice(programs.items(), tables.NAMED_PROGRAMS)), "x/"))
    assert "more in the directory" not in whole and whole.count("<li>") == tables.NAMED_PROGRAMS


def test_final_projects_table_links_the_programs_it_does_not_name(dataset):
    programs = many_programs(dataset, tables.NAMED_PROGRAMS + 1)
    html = str(tables.final_projects_table(dataset.final_projects, programs, "final-projects/"))
    assert '<a href="../programs/?final=thesis">and 1 more in the directory</a>' in html
    assert html.count('href="../programs/p') == tables.NAMED_PROGRAMS
