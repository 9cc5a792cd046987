"""Open data (macros.exports): programs.json keeps every value, programs.csv is safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pydantic import BaseModel

from macros import exports, models
from macros.diagnostics import _submodel
from macros.loader import load_file

from .support import FIXTURES

FORMULAS = [
    '=HYPERLINK("https://evil.example","x")',
    "+1+2",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]


def full_program(**changes) -> models.Program:
    """The valid fixture with every optional field filled in."""
    raw = json.loads(json.dumps(load_file(FIXTURES / "programs" / "valid.yml", "valid.yml")))
    raw["tuition"]["student_group"] = "all"
    raw["sources"][0]["publisher"] = "Example University"
    raw["sources"][0]["supports"].append("notes")
    raw["notes"] = "Some notes."
    raw.update(changes)
    return models.Program.model_validate(raw)


def csv_rows(programs: dict[str, models.Program]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exports.programs_csv(programs))))


# --- CSV formula injection -----------------------------------------------------------------


@pytest.mark.parametrize("title", FORMULAS)
def test_a_formula_in_a_title_is_neutralised_in_csv_and_exact_in_json(title):
    programs = {"evil": full_program(title=title, notes=title)}
    [row] = csv_rows(programs)
    assert row["title"] == "'" + title
    assert row["notes"] == "'" + title
    published = json.loads(exports.programs_json(programs, "https://example.org/"))
    assert published["programs"][0]["title"] == title


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_gets_an_apostrophe(start):
    assert exports.csv_cell(f"{start}1") == f"'{start}1"


@pytest.mark.parametrize("value", ["plain", "1+1", "a=b", "", 30, 1200.5])
def test_other_cells_are_unchanged(value):
    assert exports.csv_cell(value) == value


def test_numbers_stay_numbers_in_csv():
    [row] = csv_rows({"p": full_program()})
    assert row["tuition_amount"] == "1200" and row["credits_amount"] == "30"


# --- Every field reaches programs.json and programs.csv -------------------------------------


def leaf_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Dotted paths of every field of a model and of the models inside it."""
    paths = []
    for name, info in model.model_fields.items():
        inner = _submodel(info.annotation)
        paths += leaf_fields(inner, f"{prefix}{name}.") if inner else [f"{prefix}{name}"]
    return paths


#: Program fields that have no CSV column, and why.
NOT_IN_CSV = {
    "sources.title": "the CSV lists each source by address (source_urls); titles and dates are in programs.json",
    "sources.publisher": "as sources.title",
    "sources.accessed": "as sources.title",
    "sources.kind": "as sources.title",
    "sources.supports": "as sources.title",
}
#: Program fields whose CSV column is not named after the field path.
CSV_NAMES = {"sources.url": "source_urls"}


def test_every_program_field_is_in_programs_json():
    program = full_program()
    record = exports.program_record("p", program)

    def present(value: object, path: list[str]) -> bool:
        if not path:
            return value is not None
        if isinstance(value, list):
            return any(present(item, path) for item in value)
        return isinstance(value, dict) and path[0] in value and present(value[path[0]], path[1:])

    missing = [path for path in leaf_fields(models.Program) if not present(record, path.split("."))]
    assert not missing, f"program_record leaves out {missing}"
    assert record["slug"] == "p"


def test_every_program_field_has_a_csv_column():
    expected = {CSV_NAMES.get(path, path.replace(".", "_")) for path in leaf_fields(models.Program)
                if path not in NOT_IN_CSV}
    assert expected - set(exports.CSV_COLUMNS) == set(), "add these to exports.CSV_COLUMNS or to NOT_IN_CSV with a reason"
    assert set(exports.CSV_COLUMNS) - expected == {"slug"}
    assert set(NOT_IN_CSV) <= set(leaf_fields(models.Program)), "NOT_IN_CSV names a field that no longer exists"


def test_every_csv_column_is_filled_from_a_full_program():
    [row] = csv_rows({"p": full_program()})
    assert list(row) == exports.CSV_COLUMNS
    assert [column for column, value in row.items() if value == ""] == []


def test_programs_json_is_versioned_and_points_at_its_schema():
    document = json.loads(exports.programs_json({"p": full_program()}, "https://example.org/guide/"))
    assert {k: document[k] for k in ("format", "version", "license", "schema", "count")} == {
        "format": "ml-masters-guide/programs", "version": exports.FORMAT_VERSION, "license": "CC-BY-4.0",
        "schema": "https://example.org/guide/schemas/program.json", "count": 1}


def test_compare_json_is_compact():
    assert exports.compare_json({"a": [1, "é"]}) == '{"a":[1,"é"]}\n'
