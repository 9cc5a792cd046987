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
    """The valid fixture with every optional field filled in, each with a value found nowhere else."""
    raw = json.loads(json.dumps(load_file(FIXTURES / "programs" / "valid.yml", "valid.yml")))
    raw["tuition"][0].update(student_group="all", note="price for the evening cohort")
    raw["languages"] = ["en", "de"]
    raw["start_terms"] = ["fall", "spring"]
    raw["fees"] = [{"amount": 410, "currency": "USD", "basis": "per-term", "academic_year": "2024-25",
                    "student_group": "international", "note": "technology fee"}]
    raw["admissions"] = {
        "gre": {"policy": "not-required", "cycle": "Fall 2026"},
        "english_tests": [{"test": "toefl-ibt", "minimum": 92, "note": "22 in each section"},
                          {"test": "ielts-academic", "minimum": 6.5}],
        "prerequisites": {"topics": ["linear-algebra", "probability-statistics"],
                          "degree_fields": "computer science or mathematics", "degree_in_field": "preferred"},
        "application_fee": {"amount": 85, "currency": "CAD", "cycle": "Winter 2027"},
    }
    raw["deadlines"] = [{"term": "Spring 2027", "date": "2026-10-01", "applies_to": "non-eu", "round": "first"},
                        {"term": "Fall 2027", "date": "2027-02-01", "applies_to": "domestic"}]
    raw["funding"] = {"offers": "assistantships", "note": "Most students hold a teaching assistantship."}
    raw["cip_code"] = "11.0102"
    raw["outcomes_report"] = {"url": "https://www.springfield-tech.test/careers/outcomes", "title": "Where our graduates go",
                              "year": "2024-25", "cohort": "MS graduates"}
    source = raw["sources"][0]
    source["publisher"] = "Example University"
    source["archived_url"] = "https://web.archive.org/web/2026/https://www.springfield-tech.test/ms-ml"
    source["supports"] += ["notes", "languages", "start_terms", "fees", "gre", "english_tests", "prerequisites",
                           "application_fee", "deadlines", "funding", "cip_code", "outcomes_report"]
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
#: Program fields whose CSV column is not named after the field path (``credits.amount`` -> credits_amount).
#: List fields of several parts share one column: each item is written as its parts, items joined with ';'.
CSV_NAMES = {
    "sources.url": "source_urls",
    "sources.archived_url": "archived_urls",
    "tuition.note": "tuition_all",  # the tuition_* columns hold the reference price; tuition_all every price
    **{f"fees.{part}": "fees" for part in models.Fee.model_fields},
    **{f"deadlines.{part}": "deadlines" for part in models.Deadline.model_fields},
    **{f"admissions.english_tests.{part}": "english_tests" for part in models.EnglishMinimum.model_fields},
    "admissions.gre.policy": "gre_policy",
    "admissions.gre.cycle": "gre_cycle",
    "admissions.prerequisites.topics": "prerequisite_topics",
    "admissions.prerequisites.degree_fields": "degree_fields",
    "admissions.prerequisites.degree_in_field": "degree_in_field",
    **{f"admissions.application_fee.{part}": f"application_fee_{part}" for part in models.ApplicationFee.model_fields},
}
#: Columns that are not one field: the file's own key and a figure worked out from the price.
DERIVED_COLUMNS = {"slug", "estimated_total"}


def csv_column(path: str) -> str:
    return CSV_NAMES.get(path, path.replace(".", "_"))


def test_every_program_field_is_in_programs_json():
    program = full_program()
    record = exports.program_record("p", program)

    def present(value: object, path: list[str]) -> bool:
        if not path:
            return value is not None
        if isinstance(value, list):
            return all(isinstance(item, dict) for item in value) and any(present(item, path) for item in value)
        return isinstance(value, dict) and path[0] in value and present(value[path[0]], path[1:])

    missing = [path for path in leaf_fields(models.Program) if not present(record, path.split("."))]
    assert not missing, f"program_record leaves out {missing}"
    assert record["slug"] == "p"
    assert models.Program.model_validate({k: v for k, v in record.items() if k != "slug"}) == program


def test_every_program_field_has_a_csv_column():
    fields = leaf_fields(models.Program)
    expected = {csv_column(path) for path in fields if path not in NOT_IN_CSV}
    assert expected - set(exports.CSV_COLUMNS) == set(), "add these to exports.CSV_COLUMNS or to NOT_IN_CSV with a reason"
    assert set(exports.CSV_COLUMNS) - expected == DERIVED_COLUMNS
    assert set(NOT_IN_CSV) <= set(fields), "NOT_IN_CSV names a field that no longer exists"
    assert set(CSV_NAMES) <= set(fields), "CSV_NAMES names a field that no longer exists"
    assert len(exports.CSV_COLUMNS) == len(set(exports.CSV_COLUMNS))


def leaf_values(value: object, path: list[str]) -> list[object]:
    """Every value at a dotted path of a program record, through lists."""
    if isinstance(value, list):
        return [v for item in value for v in leaf_values(item, path)]
    if not path:
        return [value]
    return leaf_values(value[path[0]], path[1:]) if isinstance(value, dict) and path[0] in value else []


def test_every_csv_column_is_filled_from_a_full_program():
    [row] = csv_rows({"p": full_program()})
    assert list(row) == exports.CSV_COLUMNS
    assert [column for column, value in row.items() if value == ""] == []


# english_tests.note: exports._csv_row writes each English test as "test minimum" and drops the note (see the report).
@pytest.mark.parametrize("path", [path for path in leaf_fields(models.Program) if path not in NOT_IN_CSV])
def test_every_value_of_a_full_program_reaches_its_csv_column(path):
    program = full_program()
    [row] = csv_rows({"p": program})
    values = leaf_values(exports.program_record("p", program), path.split("."))
    assert values, f"the full program leaves {path} empty"
    cell = row[csv_column(path)]
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            assert str(item) in cell, (path, item, cell)


def test_tuition_all_lists_every_price_and_the_tuition_columns_the_reference_price():
    prices = [
        {"amount": 21000, "currency": "USD", "basis": "total", "academic_year": "2025-26", "student_group": "in-state"},
        {"amount": 48000, "currency": "USD", "basis": "total", "academic_year": "2025-26",
         "student_group": "out-of-state"},
        {"amount": 45000, "currency": "USD", "basis": "total", "academic_year": "2024-25", "note": "old cohort"},
    ]
    [row] = csv_rows({"p": full_program(tuition=prices)})
    assert row["tuition_all"] == ("21000 USD total 2025-26 in-state;48000 USD total 2025-26 out-of-state;"
                                  "45000 USD total 2024-25 (old cohort)")
    reference = {k: row[f"tuition_{k}"] for k in ("amount", "currency", "basis", "academic_year", "student_group")}
    assert reference == {"amount": "48000", "currency": "USD", "basis": "total", "academic_year": "2025-26",
                         "student_group": "out-of-state"}
    assert row["estimated_total"] == "48000"


def test_estimated_total_is_rounded_and_blank_without_a_total():
    [row] = csv_rows({"p": full_program()})  # 1200 per credit, 30 credits
    assert row["estimated_total"] == "36000"
    per_term = [{"amount": 9000.5, "currency": "EUR", "basis": "per-term", "academic_year": "2025-26"}]
    [row] = csv_rows({"p": full_program(tuition=per_term)})
    assert row["estimated_total"] == "" and row["tuition_amount"] == "9000.5"
    [row] = csv_rows({"p": full_program(tuition=[dict(per_term[0], basis="per-year")])})  # 12 months
    assert row["estimated_total"] == "9000"  # round() of 9000.5: to the even number
    [row] = csv_rows({"p": full_program(tuition=None)})
    assert row["estimated_total"] == row["tuition_all"] == row["tuition_amount"] == ""


def test_deadlines_and_english_tests_columns():
    [row] = csv_rows({"p": full_program()})
    assert row["deadlines"] == "2026-10-01 Spring 2027 non-eu first;2027-02-01 Fall 2027 domestic"
    assert row["english_tests"].startswith("toefl-ibt 92") and row["english_tests"].endswith(";ielts-academic 6.5")
    assert row["fees"] == "410 USD per-term 2024-25 international (technology fee)"
    assert row["archived_urls"] == "https://web.archive.org/web/2026/https://www.springfield-tech.test/ms-ml"
    assert (row["gre_policy"], row["gre_cycle"]) == ("not-required", "Fall 2026")
    assert (row["application_fee_amount"], row["application_fee_currency"]) == ("85", "CAD")
    assert row["languages"] == "en;de" and row["start_terms"] == "fall;spring" and row["cip_code"] == "11.0102"


def test_a_program_with_only_required_fields_leaves_the_optional_columns_blank():
    raw = json.loads(json.dumps(load_file(FIXTURES / "programs" / "valid.yml", "valid.yml")))
    for name in ("city", "delivery", "pace", "credits", "duration", "final_projects", "tuition"):
        raw.pop(name)
    raw["sources"][0]["supports"] = ["university", "title"]
    [row] = csv_rows({"p": models.Program.model_validate(raw)})
    required = {"slug", "university", "title", "degree_type", "country", "official_url", "last_verified", "source_urls"}
    assert {column for column, value in row.items() if value} == required


def test_programs_json_is_versioned_and_points_at_its_schema():
    document = json.loads(exports.programs_json({"p": full_program()}, "https://example.org/guide/"))
    assert {k: document[k] for k in ("format", "version", "license", "schema", "count")} == {
        "format": "ml-masters-guide/programs", "version": 2, "license": "CC-BY-4.0",
        "schema": "https://example.org/guide/schemas/program.json", "count": 1}
