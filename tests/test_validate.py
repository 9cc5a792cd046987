"""Validation of data files (macros.validate): every bad input gets FILE:LINE: ENTRY: FIELD: message, all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import pytest

from macros import validate
from macros.derived import stale_programs
from macros.validate import cached_dataset, check_data, load_dataset

from .support import FIXTURES, ROOT, add_program, errors_of, fixture_text


def test_repository_data_is_valid(dataset):
    data = dataset
    assert len(data.programs) >= 48
    assert len(data.degree_types.degree_types) == 11


def test_valid_fixture_loads(project):
    slug = add_program(project, "valid")
    program = load_dataset(project).programs[slug]
    assert [t.amount for t in program.tuition] == [1200]
    assert program.last_verified == date(2026, 1, 15)


CASES = {
    # fixture: the exact message expected (FILE:LINE: ENTRY: FIELD: message)
    "syntax_error": "data/programs/syntax-error.yml:3: invalid YAML:",
    "tab_indentation": "data/programs/tab-indentation.yml:3: invalid YAML: a tab character is used for indentation",
    "duplicate_key": "data/programs/duplicate-key.yml:4: duplicate key 'title' (first defined on line 2)",
    "alias": "data/programs/alias.yml:1: anchors and aliases (&name, *name) are not allowed",
    "top_level_list": "data/programs/top-level-list.yml:1: the top level must be a mapping of fields (key: value), but it is a list",
    "unknown_field": "data/programs/unknown-field.yml:5: unknown-field: cty: unknown field 'cty'; expected one of: university, title,",
    "wrong_type": "data/programs/wrong-type.yml:9: wrong-type: credits.amount: should be a number (got 'thirty')",
    "missing_field": "data/programs/missing-field.yml:1: missing-field: university: this required field is missing",
    "out_of_range": "data/programs/out-of-range.yml:9: out-of-range: credits.amount: Input should be greater than 0 (got -30)",
    "dangling_reference": "data/programs/dangling-reference.yml:3: dangling-reference: degree_type: unknown degree type 'ms-quantum'; use one of:",
    "non_https_url": "data/programs/non-https-url.yml:20: non-https-url: official_url: must be a web address starting with https:// (got 'http://www.springfield-tech.test/ms-ml')",
    "javascript_url": "data/programs/javascript-url.yml:22: javascript-url: sources[1].url: must be a web address starting with https:// (got 'javascript:alert(1)')",
    "bad_date": "data/programs/bad-date.yml:27: bad-date: last_verified: write the date as YYYY-MM-DD, for example 2026-11-25 (got '15/01/2026')",
    "impossible_date": "data/programs/impossible-date.yml:27: impossible-date: last_verified: is not a real calendar date; write it as YYYY-MM-DD (got '2026-02-30')",
    "unsupported_fact": "data/programs/unsupported-fact.yml:15: unsupported-fact: tuition: no source supports this fact; add 'tuition' to the 'supports' list",
    "not_utf8": "data/programs/not-utf8.yml:1: the file is not valid UTF-8; save it as UTF-8",
    "alias_bomb": "data/programs/alias-bomb.yml:1: anchors and aliases",
}


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_program_gets_a_precise_message(project, fixture):
    add_program(project, fixture)
    errors = errors_of(project)
    assert len(errors) == 1, errors
    assert errors[0].startswith(CASES[fixture]), errors[0]


def test_every_error_is_reported_at_once(project):
    for fixture in ("wrong_type", "missing_field", "non_https_url"):
        add_program(project, fixture)
    assert len(errors_of(project)) == 3


def test_norway_stays_a_country_code(project):
    slug = add_program(project, "country_norway")
    assert load_dataset(project).programs[slug].country == "NO"


def test_stale_program_is_a_warning_not_an_error(project):
    slug = add_program(project, "stale")
    data = load_dataset(project, today=date(2026, 11, 25))
    assert stale_programs(data.programs, date(2026, 11, 25)) == [slug]
    assert any(str(w).startswith(f"data/programs/{slug}.yml:27: {slug}: last_verified: last checked on 2023-01-15") for w in data.warnings)


def test_yaml_extension_is_refused(project):
    shutil.copy(FIXTURES / "programs" / "valid.yml", project / "data" / "programs" / "example.yaml")
    assert errors_of(project) == ["data/programs/example.yaml: program files end in .yml (lowercase); rename it to example.yml"]


def test_missing_data_file(project):
    (project / "data" / "glossary.yml").unlink()
    assert errors_of(project) == ["data/glossary.yml: the file is missing"]


# Also what `make check` shows (tests/test_check.py covers the command itself).


def test_check_command_prints_errors_without_traceback(project):
    add_program(project, "wrong_type")
    add_program(project, "dangling_reference")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "2 problems found in the data:" in result.stderr
    assert "data/programs/wrong-type.yml:9: wrong-type: credits.amount:" in result.stderr


def test_check_command_passes_on_repository_data():
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Data OK:")


# --- Every error of a file at once ----------------------------------------------------------


def test_four_mistakes_in_one_file_are_reported_in_one_run(project, dataset):
    """An unknown field, a price written like a price tag, a bad country and an unsourced fact."""
    add_program(project, "four_mistakes")
    codes = ", ".join(sorted(c.code for c in dataset.countries.countries))
    file = "data/programs/four-mistakes.yml"
    assert errors_of(project) == [
        f"{file}:4: four-mistakes: country: unknown country code 'usa'; use one of: {codes} "
        "(add the country to data/countries.yml if it is missing) (got 'usa')",
        f"{file}:5: four-mistakes: cty: unknown field 'cty'; expected one of: university, title, degree_type, country, "
        "city, delivery, pace, credits, duration, final_projects, languages, start_terms, tuition, fees, admissions, "
        "deadlines, funding, cip_code, outcomes_report, official_url, sources, last_verified, notes",
        f"{file}:8: four-mistakes: credits: no source supports this fact; add 'credits' to the 'supports' list of the "
        "source that states it, or remove the fact",
        f"{file}:16: four-mistakes: tuition[1].amount: write the number without a currency sign, spaces or commas, "
        "for example 1200 (got '$1,200'); the currency goes in its own field",
    ]


def test_errors_of_several_files_come_sorted_by_file_and_line(project):
    for fixture in ("wrong_type", "four_mistakes"):
        add_program(project, fixture)
    errors = errors_of(project)
    assert len(errors) == 5
    assert [e.split(":")[0] for e in errors] == ["data/programs/four-mistakes.yml"] * 4 + ["data/programs/wrong-type.yml"]


# --- Files that would be skipped are reported -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x.YML", "data/programs/x.YML: program files end in .yml (lowercase); rename it to x.yml"),
        ("x.yml.txt", "data/programs/x.yml.txt: program files end in .yml (lowercase); rename it to x.yml"),
        ("x.yaml", "data/programs/x.yaml: program files end in .yml (lowercase); rename it to x.yml"),
        ("Bad_Name.yml", "data/programs/Bad_Name.yml: the file name must be lowercase letters, digits and hyphens, "
                         "e.g. mit-ms-machine-learning.yml"),
        ("notes.txt", "data/programs/notes.txt: is not a program file and would be ignored; program files end in .yml "
                      "(move other files elsewhere)"),
    ],
)
def test_misnamed_program_files_are_reported(project, name, message):
    (project / "data" / "programs" / name).write_text(fixture_text("programs/valid.yml"), encoding="utf-8")
    assert errors_of(project) == [message]


def test_a_subfolder_of_programs_is_reported(project):
    folder = project / "data" / "programs" / "new"
    folder.mkdir()
    shutil.copy(FIXTURES / "programs" / "valid.yml", folder / "valid.yml")
    assert errors_of(project) == ["data/programs/new: program files go directly in data/programs/, not in a subfolder; "
                                  "move the .yml files in it up one level"]


def test_hidden_files_are_ignored(project):
    (project / "data" / "programs" / ".DS_Store").write_bytes(b"\0")
    assert len(load_dataset(project).programs) == len(list((ROOT / "data" / "programs").glob("*.yml")))


# --- Dates ---------------------------------------------------------------------------------


def test_a_future_date_is_judged_in_utc(project, monkeypatch):
    """The same file passes or fails on every machine: "today" is the UTC date."""
    monkeypatch.setattr("macros.models.fields.utc_today", lambda: date(2026, 1, 14))
    add_program(project, "valid")
    errors = [e for e in errors_of(project) if e.startswith("data/programs/valid.yml")]
    assert errors == [
        "data/programs/valid.yml:24: valid: sources[1].accessed: is in the future (2026-01-15); "
        "use the date you read the source (got '2026-01-15')",
        "data/programs/valid.yml:27: valid: last_verified: is in the future (2026-01-15); "
        "use the date you read the source (got '2026-01-15')",
    ]
    monkeypatch.setattr("macros.models.fields.utc_today", lambda: date(2026, 1, 15))
    assert not any(e.startswith("data/programs/valid.yml") for e in errors_of(project))


# --- The other entry points ----------------------------------------------------------------


def test_check_data_counts_what_load_dataset_loads(dataset):
    report = check_data(ROOT)
    assert report.programs == len(dataset.programs)
    assert report.degree_types == len(dataset.degree_types.degree_types)
    assert report.glossary_terms == len(dataset.glossary.terms)
    assert report.warnings == dataset.warnings


def test_check_data_reports_the_same_errors(project):
    add_program(project, "four_mistakes")
    with pytest.raises(validate.DataErrors) as caught:
        check_data(project)
    assert [str(e) for e in caught.value.errors] == errors_of(project)


def test_cached_dataset_is_reused_until_a_data_file_changes(project):
    first = cached_dataset(project)
    assert cached_dataset(project) is first
    path = project / "data" / "programs" / "kth-msc-machine-learning.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_dataset(project) is not first


def test_program_file_is_the_path_contributors_edit():
    assert validate.program_file("ucl-msc-machine-learning") == "data/programs/ucl-msc-machine-learning.yml"
