"""Checks across entries and files (macros.crosscheck): unique ids, references, one file per program, guide pages."""

from __future__ import annotations

import shutil

import pytest

from macros import crosscheck
from macros.crosscheck import ProgramIdentity, duplicate_programs
from macros.models import DATA_FILES
from macros.validate import load_dataset, program_file

from .support import FIXTURES, PROGRAMS, ROOT, add_program, errors_of, fixture_text


def identity(url: str, university: str = "U", title: str = "T") -> ProgramIdentity:
    return ProgramIdentity(url, university, title, 20, 2)


# --- Unique ids and aliases -----------------------------------------------------------------


def test_duplicate_id_names_the_second_entry(project):
    shutil.copy(FIXTURES / "data" / "degree_types_duplicate_id.yml", project / "data" / "degree_types.yml")
    errors = errors_of(project)
    assert "data/degree_types.yml:11: ms-ml: id: 'ms-ml' is used twice (first by entry #1); ids must be unique" in errors


def test_a_glossary_alias_may_not_repeat_a_term(project):
    path = project / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("aliases: [electives]", "aliases: [electives, thesis]", 1), encoding="utf-8")
    errors = errors_of(project)
    assert len(errors) == 1 and "glossary.yml" in errors[0]
    assert "aliases[2]: 'thesis' is already explained by the term 'thesis'" in errors[0]


def test_every_data_file_with_ids_has_unique_keys():
    assert set(crosscheck.UNIQUE_KEYS) <= set(DATA_FILES)


# --- One file per program -------------------------------------------------------------------


def test_a_program_copied_under_a_second_name_fails_naming_both_files(project):
    shutil.copy(PROGRAMS / "kth-msc-machine-learning.yml", project / "data" / "programs" / "kth-copy.yml")
    # Files are read in name order, so the copy (kth-copy) comes first and the original is the repeat.
    assert errors_of(project) == [
        "data/programs/kth-msc-machine-learning.yml:3: kth-msc-machine-learning: title: data/programs/kth-copy.yml "
        "describes the same program (the same university and title); a program is listed once, so keep one of the "
        "two files and move any facts only this one has into it"
    ]


def test_same_official_page_with_another_title_is_a_warning_naming_the_other_file(project):
    add_program(project, "valid")
    text = fixture_text("programs/valid.yml").replace("title: Master of Science in Machine Learning",
                                                      "title: Master of Science in Data Science")
    (project / "data" / "programs" / "valid-ds.yml").write_text(text, encoding="utf-8")
    warnings = [str(w) for w in load_dataset(project).warnings if "valid" in w.file]
    assert warnings == [
        "data/programs/valid.yml:20: valid: official_url: is also the official page of data/programs/valid-ds.yml; "
        "if the school has a page for this program alone, link that one"
    ]


def test_page_and_name_keys_ignore_what_does_not_identify_a_program():
    assert identity("https://WWW.Example.edu/ms/").page_key() == identity("https://example.edu/ms").page_key()
    assert identity("https://example.edu/ms?x=1").page_key() != identity("https://example.edu/ms").page_key()
    assert identity("https://a.edu", " Tech  U", "MS  ML").name_key() == identity("https://b.edu", "tech u", "ms ml").name_key()


def test_duplicate_programs_sorts_errors_and_warnings():
    errors, warnings = duplicate_programs({
        "a": identity("https://x.edu/ms", "U", "MS ML"),
        "b": identity("https://y.edu/ms", "u", "ms ml"),  # same name: error
        "c": identity("https://x.edu/ms/", "U", "MS DS"),  # same page: warning
    }, program_file)
    assert [(e.file, e.field) for e in errors] == [("data/programs/b.yml", "title")]
    assert [(w.file, w.field) for w in warnings] == [("data/programs/c.yml", "official_url")]


# --- A broken program file is reported once, at its own lines --------------------------------


def referenced_everywhere(dataset) -> str:
    in_curriculum = {c.program for a in dataset.curriculum.core_areas for c in a.example_courses}
    in_electives = {c.program for c in dataset.electives.courses}
    return sorted(in_curriculum & in_electives)[0]


@pytest.mark.parametrize("breakage", [("degree_type: ", "degree_type: ms-quantum-"), ("\nsources:", "\nsources: [\n")])
def test_a_broken_program_that_other_files_name_gives_only_its_own_errors(project, dataset, breakage):
    slug = referenced_everywhere(dataset)
    path = project / "data" / "programs" / f"{slug}.yml"
    text = path.read_text(encoding="utf-8")
    old, new = breakage
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = errors_of(project)
    assert errors and all(e.startswith(f"data/programs/{slug}.yml:") for e in errors), errors
    assert not any("unknown program" in e for e in errors)


def test_a_missing_program_is_an_unknown_program(project, dataset):
    slug = referenced_everywhere(dataset)
    (project / "data" / "programs" / f"{slug}.yml").unlink()
    errors = errors_of(project)
    assert errors and all(f"unknown program '{slug}'; expected the name of a file in data/programs/ without .yml" in e
                          for e in errors)
    assert {e.split(":")[0] for e in errors} == {"data/curriculum.yml", "data/electives.yml"}


# --- Degree types and their guide pages -----------------------------------------------------


def test_every_degree_type_has_a_guide_page_that_exists(dataset):
    for degree in dataset.degree_types.degree_types:
        assert (ROOT / "docs" / degree.guide_page).is_file(), f"{degree.id}: docs/{degree.guide_page} is missing"


def test_a_missing_guide_page_fails_with_its_line(project):
    path = project / "data" / "degree_types.yml"
    text = path.read_text(encoding="utf-8")
    assert "guide_page: degree-types/ms-vs-mps.md" in text
    path.write_text(text.replace("guide_page: degree-types/ms-vs-mps.md", "guide_page: degree-types/nope.md", 1),
                    encoding="utf-8")
    line = text.splitlines().index("    guide_page: degree-types/ms-vs-mps.md") + 1
    [error] = errors_of(project)
    assert error.startswith(f"data/degree_types.yml:{line}: ")
    assert error.endswith(": guide_page: there is no page docs/degree-types/nope.md; name the guide page that "
                          "explains this degree type")
