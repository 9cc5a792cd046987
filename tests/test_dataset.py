"""The validated data as one object (macros.dataset): groups and look-ups the renderers use."""

from __future__ import annotations

import pytest

from macros.dataset import Dataset


def test_programs_by_type_groups_every_program_once_in_directory_order(dataset: Dataset):
    groups = dataset.programs_by_type
    assert sum(len(group) for group in groups.values()) == len(dataset.programs)
    for type_id, group in groups.items():
        assert all(program.degree_type == type_id for program in group.values())
        assert list(group) == [slug for slug, p in dataset.programs.items() if p.degree_type == type_id]
    assert dataset.programs_by_type is groups  # computed once


def test_degree_type_looks_up_by_id(dataset: Dataset):
    for degree in dataset.degree_types.degree_types:
        assert dataset.degree_type(degree.id) is degree
    with pytest.raises(KeyError):
        dataset.degree_type("no-such-type")


def test_country_name_falls_back_to_the_code(dataset: Dataset):
    for country in dataset.countries.countries:
        assert dataset.country_name(country.code) == country.name
    assert dataset.country_name("ZZ") == "ZZ"


def test_every_program_names_a_known_degree_type_and_country(dataset: Dataset):
    codes = {c.code for c in dataset.countries.countries}
    for program in dataset.programs.values():
        dataset.degree_type(program.degree_type)
        assert program.country in codes


def test_warnings_are_data_errors_with_a_file(dataset: Dataset):
    assert all(w.file.startswith("data/") for w in dataset.warnings)
