"""The directory table, its filter options and the compare container (macros.directory)."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from html import unescape

from macros import directory, facts, models


def test_directory_rows_carry_the_filter_data(dataset):
    html = str(directory.programs_table(dataset))
    for slug, program in dataset.programs.items():
        row = re.search(rf'<tr data-slug="{slug}"[^>]*>', html).group(0)
        assert f'data-degree-type="{program.degree_type}"' in row
        assert f'data-country="{program.country}"' in row
        assert f'data-delivery="{" ".join(program.delivery or [])}"' in row


def test_columns_have_headings_from_the_facts_and_unique_keys():
    keys = [c.key for c in directory.COLUMNS]
    assert len(keys) == len(set(keys))
    assert [directory.heading(c) for c in directory.COLUMNS] == [
        "University", "Program", "Degree type", "Delivery", "Pace", "Country", "Typical length", "Final project",
        "Estimated total tuition"]
    assert [c.sort for c in directory.COLUMNS] == ["text"] * 6 + ["number", "text", "number"]


def test_filter_options_list_only_values_in_use(dataset):
    options = directory.filter_options(dataset)
    assert {value for value, _ in options["type"]} == {p.degree_type for p in dataset.programs.values()}
    assert {value for value, _ in options["country"]} == {p.country for p in dataset.programs.values()}
    delivery = [value for value, _ in options["delivery"]]
    assert delivery == [d for d in ("on-campus", "online", "hybrid", "low-residency")
                        if any(d in (p.delivery or []) for p in dataset.programs.values())]


def test_the_labels_for_the_script_are_in_the_table(dataset):
    html = str(directory.programs_table(dataset))
    labels = json.loads(unescape(re.search(r'data-labels="([^"]*)"', html).group(1)))
    assert labels == directory.script_labels(dataset)
    assert labels["money"]["USD"] == "$#"


def test_a_table_of_some_programs_lists_only_them_with_their_own_filter_options(dataset):
    german = {slug: p for slug, p in dataset.programs.items() if p.country == "DE"}
    assert german, "the data has programs in Germany"
    html = str(directory.programs_table(dataset, "programs/country/de/", programs=german, where=" in Germany"))
    assert re.findall(r'<tr data-slug="([^"]+)"', html) == list(german)
    labels = json.loads(unescape(re.search(r'data-labels="([^"]*)"', html).group(1)))
    assert [value for value, _ in labels["options"]["country"]] == ["DE"]
    # Option groups are the whole directory's, so an address naming one works on this page too.
    assert labels["groups"] == directory.filter_groups(dataset)
    assert f"Master's programs in machine learning in Germany: <span class=\"kb-directory-count\">all {len(german)}</span>" in html
    # Links are relative to the page the table is on.
    slug = next(iter(german))
    assert f'href="../../{slug}/"' in html
    assert 'data-shortlist="../../shortlist/"' in html


def test_tuition_range_sentence(dataset):
    assert str(directory.tuition_range_sentence({}, "USD")) == (
        "No program in the directory states a current, comparable price in USD yet.")
    assert "tuition alone comes to between about $" in str(directory.tuition_range_sentence(dataset.programs))


def test_compare_widget_points_at_each_program_s_facts_and_the_picker_s_names():
    html = str(directory.compare_widget("programs/compare/"))
    found = {name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', html.split(">", 1)[0])}
    assert found["data-root"] == "../../" and "<noscript>" in html
    assert found["data-facts"] == "programs/{slug}/facts.json"
    assert found["data-names"] == "programs/names.json"
    labels = json.loads(found["data-labels"])
    assert [key for key, _ in labels["rows"]] == [f.key for f in facts.FACTS]
    assert labels["not_stated"] == facts.NOT_STATED


# --- v2 columns, data attributes and prices, on hand-made programs --------------------------

TODAY = date(2026, 12, 2)  # academic year 2026-27: prices for 2023-24 and earlier are old
SOURCE = dict(url="https://www.example.edu/ms", title="MS", accessed=date(2026, 1, 1), kind="official",
              supports=["title"])


def program(**changes) -> models.Program:
    values = dict(university="Example University", title="MS in ML", degree_type="ms-ml", country="US",
                  official_url="https://www.example.edu/ms", sources=[SOURCE], last_verified=date(2026, 1, 1))
    return models.Program.model_validate({**values, **changes})


def price(amount: float, currency: str = "USD", year: str = "2025-26", group: str | None = None,
          basis: str = "total") -> dict:
    return {"amount": amount, "currency": currency, "basis": basis, "academic_year": year, "student_group": group}


def with_programs(dataset, **programs: models.Program):
    return dataclasses.replace(dataset, programs=programs)


def rows_by_slug(html: str) -> dict[str, tuple[dict[str, str], list[str]]]:
    """Each body row's attributes and cell texts, by slug."""
    rows = {}
    for attributes, body in re.findall(r"<tr (data-slug=[^>]*)>(.*?)</tr>", html):
        attrs = {name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', attributes)}
        cells = [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", body)]
        sorts = re.findall(r'<td[^>]* data-sort="([^"]*)">', body)
        rows[attrs["data-slug"]] = ({**attrs, "sort": sorts[-1]}, cells)
    return rows


def test_rows_carry_the_data_of_the_new_filters(dataset):
    p = program(city="Springfield", pace=["full-time", "part-time"], start_terms=["fall", "spring"],
                languages=["en", "de"], admissions={"gre": {"policy": "optional"}},
                sources=[{**SOURCE, "supports": ["title", "city", "pace", "start_terms", "languages", "gre"]}])
    data = with_programs(dataset, full=p, bare=program(title="Ünïcode MS"))
    rows = rows_by_slug(str(directory.programs_table(data, today=TODAY)))
    full, _ = rows["full"]
    assert full["data-pace"] == "full-time part-time"
    assert full["data-gre"] == "optional"
    assert full["data-start"] == "fall spring"
    assert full["data-language"] == "en de"
    assert full["data-text"] == "example university ms in ml springfield"
    bare, _ = rows["bare"]
    assert [bare[k] for k in ("data-pace", "data-gre", "data-start", "data-language", "data-old")] == [""] * 5
    assert bare["data-text"] == "example university ünïcode ms"


def test_the_row_cells_follow_the_columns(dataset):
    p = program(delivery=["online"], pace=["part-time"], duration={"min_months": 18},
                final_projects=["capstone"], credits={"amount": 30, "unit": "us-credit-hours"},
                tuition=[price(1000, group="in-state", basis="per-credit"),
                         price(1500, group="out-of-state", basis="per-credit")])
    [(attrs, cells)] = rows_by_slug(str(directory.programs_table(with_programs(dataset, p=p), today=TODAY))).values()
    assert len(cells) == len(directory.COLUMNS)
    assert cells[3:] == ["Online", "Part-time", "United States", "18 months", "Capstone",
                         "About $45,000 for out-of-state students (2025-26)"]
    assert attrs["data-total"] == "45000" and attrs["data-currency"] == "USD" and attrs["data-old"] == ""


def test_each_cell_is_labelled_with_its_heading_for_the_phone_cards(dataset):
    p = program(delivery=["online"], duration={"min_months": 18})
    html = str(directory.programs_table(with_programs(dataset, p=p), today=TODAY))
    body = html[html.index("<tbody>"):]
    labels = re.findall(r'<td data-label="([^"]*)"', body)
    expected = [unescape(directory.heading(c)) for c in directory.COLUMNS if c.key != "program"]
    # The pace and final project are not stated, so those cells are empty and unlabelled (the card leaves them out).
    assert [unescape(x) for x in labels] == [h for h in expected if h not in ("Pace", "Final project")]
    assert body.count("<td>") == 2
    assert '<td data-label="Typical length" data-sort="18">18 months</td>' in body
    # The program's name stays the row header: the card's title.
    assert re.search(r'<th scope="row"><a href="[^"]+">MS in ML</a><button [^>]*></button></th>', body)


def test_a_program_without_a_price_says_price_unknown(dataset):
    [(attrs, cells)] = rows_by_slug(str(directory.programs_table(with_programs(dataset, p=program()),
                                                                 today=TODAY))).values()
    assert cells[-1] == directory.PRICE_UNKNOWN == "Price unknown"
    assert attrs["sort"] == "" and attrs["data-total"] == "" and attrs["data-currency"] == ""


def test_a_price_without_a_total_is_shown_as_stated_and_sorts_last(dataset):
    p = program(tuition=[price(9000, year="2022-23", basis="per-term")])
    [(attrs, cells)] = rows_by_slug(str(directory.programs_table(with_programs(dataset, p=p), today=TODAY))).values()
    assert cells[-1] == "$9,000 per term (2022-23, old price)"
    assert attrs["sort"] == "" and attrs["data-total"] == ""
    assert attrs["data-old"] == "1"


def test_an_old_reference_price_marks_the_row_old(dataset):
    old = program(tuition=[price(30000, year="2023-24")])
    current = program(tuition=[price(30000, year="2024-25")])
    rows = rows_by_slug(str(directory.programs_table(with_programs(dataset, old=old, current=current), today=TODAY)))
    assert rows["old"][0]["data-old"] == "1" and rows["old"][1][-1] == "About $30,000 (2023-24, old price)"
    assert rows["current"][0]["data-old"] == "" and rows["current"][1][-1] == "About $30,000 (2024-25)"


def test_prices_sort_within_one_currency_at_a_time(dataset):
    programs = {
        "cheap-usd": program(tuition=[price(20000)]),
        "dear-usd": program(tuition=[price(9_000_000)]),
        "mid-usd": program(tuition=[price(60000)]),
        "tiny-eur": program(tuition=[price(1, "EUR")]),
        "dear-eur": program(tuition=[price(5_000_000, "EUR")]),
        "gbp": program(tuition=[price(2, "GBP")]),
    }
    data = with_programs(dataset, **programs)
    assert directory.currency_order(data.programs) == ["USD", "EUR", "GBP"]  # most used first, then by code
    rows = rows_by_slug(str(directory.programs_table(data, today=TODAY)))
    sort = {slug: float(attrs["sort"]) for slug, (attrs, _) in rows.items()}
    assert sort["cheap-usd"] < sort["mid-usd"] < sort["dear-usd"] < sort["tiny-eur"] < sort["dear-eur"] < sort["gbp"]
    assert rows["tiny-eur"][0]["data-total"] == "1" and rows["tiny-eur"][0]["data-currency"] == "EUR"


def test_the_repository_prices_of_a_later_currency_sort_above_every_earlier_one(dataset):
    html = str(directory.programs_table(dataset))
    order = directory.currency_order(dataset.programs)
    by_currency: dict[str, list[float]] = {}
    for attrs, _ in rows_by_slug(html).values():
        if attrs["sort"]:
            by_currency.setdefault(attrs["data-currency"], []).append(float(attrs["sort"]))
    assert list(by_currency) and set(by_currency) <= set(order)
    ranked = [by_currency[c] for c in order if c in by_currency]
    for earlier, later in zip(ranked, ranked[1:]):
        assert max(earlier) < min(later)


def test_filter_options_for_pace_gre_start_and_language(dataset):
    programs = {
        "a": program(pace=["part-time"], start_terms=["spring", "fall"], languages=["fr"],
                     admissions={"gre": {"policy": "not-required"}}),
        "b": program(pace=["full-time"], start_terms=["summer"], languages=["en", "de"],
                     admissions={"gre": {"policy": "required"}}),
        "c": program(admissions={"english_tests": [{"test": "toefl-ibt", "minimum": 90}]}),
    }
    options = directory.filter_options(with_programs(dataset, **programs))
    assert options["pace"] == [["full-time", "Full-time"], ["part-time", "Part-time"]]
    assert options["gre"] == [["required", "Required"], ["not-required", "Not required"]]
    assert options["start"] == [["fall", "Fall"], ["spring", "Spring"], ["summer", "Summer"]]
    assert options["language"] == [["en", "English"], ["fr", "French"], ["de", "German"]]
    empty = directory.filter_options(with_programs(dataset, c=programs["c"]))
    assert [empty[k] for k in ("pace", "gre", "start", "language")] == [[], [], [], []]


def test_the_repository_filter_options_list_only_values_in_use(dataset):
    options = directory.filter_options(dataset)
    programs = dataset.programs.values()
    assert {v for v, _ in options["pace"]} == {x for p in programs for x in p.pace or []}
    assert {v for v, _ in options["start"]} == {x for p in programs for x in p.start_terms or []}
    assert {v for v, _ in options["language"]} == {x for p in programs for x in p.languages or []}
    assert {v for v, _ in options["gre"]} == {p.admissions.gre.policy for p in programs
                                             if p.admissions and p.admissions.gre}


def test_sort_aliases_are_in_the_labels_and_point_at_columns(dataset):
    html = str(directory.programs_table(dataset))
    labels = json.loads(unescape(re.search(r'data-labels="([^"]*)"', html).group(1)))
    assert labels["aliases"] == directory.SORT_ALIASES == {"tuition-as-stated": "estimated-total"}
    keys = {c.key for c in directory.COLUMNS}
    assert set(directory.SORT_ALIASES.values()) <= keys
    assert not set(directory.SORT_ALIASES) & keys


def test_money_patterns_cover_every_currency_of_every_price(dataset):
    programs = {"a": program(tuition=[price(1, "CHF", group="international"), price(2, "EUR", year="2024-25")])}
    assert directory.money_patterns(programs) == {"CHF": "CHF #", "EUR": "€#"}


def test_the_caption_names_the_number_of_programs(dataset):
    html = str(directory.programs_table(dataset))
    count = len(dataset.programs)
    assert f'<caption>Master\'s programs in machine learning: <span class="kb-directory-count">all {count}</span> ' \
           f"programs</caption>" in html
    one = str(directory.programs_table(with_programs(dataset, p=program()), today=TODAY))
    assert '<span class="kb-directory-count">all 1</span>' in one


def test_the_tuition_range_sentence_leaves_out_old_prices(dataset):
    programs = {"old": program(tuition=[price(1000, year="2022-23")]), "new": program(tuition=[price(40000)])}
    sentence = str(directory.tuition_range_sentence(programs, "USD", TODAY))
    assert sentence.startswith("Across the 1 program in our directory whose current price in USD gives a total")
    assert "between about $40,000 and $40,000" in sentence
    assert str(directory.tuition_range_sentence({"old": programs["old"]}, "USD", TODAY)) == (
        "No program in the directory states a current, comparable price in USD yet.")


def test_each_row_carries_a_hidden_star_named_after_its_program(dataset):
    """The star is in the build's HTML, hidden until the shortlist script runs, unpressed, named for its program."""
    p = program(title='MS in "Data" & AI', university="Université <Example>")
    html = str(directory.programs_table(with_programs(dataset, p=p)))
    star = re.search(r'<th scope="row"><a [^>]*>[^<]*</a>(<button [^>]*>)</button></th>', html).group(1)
    attrs = {name: unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', star)}
    assert attrs == {"type": "button", "class": "kb-star", "aria-pressed": "false",
                     "aria-label": 'Save MS in "Data" & AI (Université <Example>) to your shortlist'}
    assert re.search(r"\shidden>", star)


def test_every_program_of_the_table_has_one_star(dataset):
    html = str(directory.programs_table(dataset))
    assert html.count('class="kb-star"') == len(dataset.programs)
