"""The directory table, filter options and compare data (macros.directory)."""

from __future__ import annotations

import json
import re
from html import unescape

from macros import directory, facts
from macros.tables import program_name


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
        "University", "Program", "Degree type", "Delivery", "Country", "Typical length", "Tuition as stated"]


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


def test_compare_data_has_every_fact_of_every_program_by_name(dataset):
    data = directory.compare_data(dataset)
    assert [key for key, _ in data["rows"]] == [f.key for f in facts.FACTS]
    names = [p["name"] for p in data["programs"].values()]
    assert names == sorted(names, key=str.casefold)
    assert set(data["programs"]) == set(dataset.programs)
    slug, program = next(iter(dataset.programs.items()))
    assert data["programs"][slug]["name"] == program_name(program)
    assert data["programs"][slug]["values"] == facts.shown(program, dataset)


def test_tuition_range_sentence(dataset):
    assert str(directory.tuition_range_sentence({}, "USD")) == (
        "No program in the directory states a comparable price in USD yet.")
    assert "tuition alone comes to between about $" in str(directory.tuition_range_sentence(dataset.programs))


def test_compare_widget_points_at_the_data_from_its_page():
    html = str(directory.compare_widget("programs/compare/"))
    assert 'data-src="../../compare.json"' in html and 'data-root="../../"' in html and "<noscript>" in html
