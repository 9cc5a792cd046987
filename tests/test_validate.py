"""Validation of data files: every bad input gets FILE:LINE: ENTRY: FIELD: message, all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from macros.validate import load_dataset
from macros.derived import stale_programs
from macros.errors import DataErrors

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's data, to which a test adds one bad file."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def add_program(project: Path, fixture: str, slug: str | None = None) -> str:
    slug = slug or fixture.replace("_", "-")
    shutil.copy(FIXTURES / "programs" / f"{fixture}.yml", project / "data" / "programs" / f"{slug}.yml")
    return slug


def errors_of(project: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(project)
    return [str(e) for e in caught.value.errors]


def test_repository_data_is_valid():
    data = load_dataset(ROOT)
    assert len(data.programs) >= 48
    assert len(data.degree_types.degree_types) == 11


def test_valid_fixture_loads(project):
    slug = add_program(project, "valid")
    program = load_dataset(project).programs[slug]
    assert program.tuition.amount == 1200
    assert program.last_verified == date(2026, 1, 15)


CASES = {
    # fixture: the exact message expected (FILE:LINE: ENTRY: FIELD: message)
    "syntax_error": "data/programs/syntax-error.yml:3: invalid YAML:",
    "tab_indentation": "data/programs/tab-indentation.yml:3: invalid YAML: a tab character is used for indentation",
    "duplicate_key": "data/programs/duplicate-key.yml:4: duplicate key 'title' (first defined on line 2)",
    "alias": "data/programs/alias.yml:1: anchors and aliases (&name, *name) are not allowed",
    "top_level_list": "data/programs/top-level-list.yml:1: the top level must be a mapping of fields (key: value), but it is a list",
    "unknown_field": "data/programs/unknown-field.yml:5: unknown-field: cty: unknown field 'cty'; expected one of: university, title,",
    "wrong_type": "data/programs/wrong-type.yml:9: wrong-type: credits.amount: should be a whole number (got 'thirty')",
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


def test_duplicate_id_names_the_second_entry(project):
    shutil.copy(FIXTURES / "data" / "degree_types_duplicate_id.yml", project / "data" / "degree_types.yml")
    errors = errors_of(project)
    assert "data/degree_types.yml:11: ms-ml: id: 'ms-ml' is used twice (first by entry #1); ids must be unique" in errors


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


def test_a_glossary_alias_may_not_repeat_a_term(project):
    path = project / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("aliases: [electives]", "aliases: [electives, thesis]", 1), encoding="utf-8")
    errors = errors_of(project)
    assert len(errors) == 1 and "glossary.yml" in errors[0]
    assert "aliases[2]: 'thesis' is already explained by the term 'thesis'" in errors[0]
