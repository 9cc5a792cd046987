"""JSON Schemas (macros.schema): the committed copy in data/schema/ is what the models and data give."""

from __future__ import annotations

import json
from functools import cache

import jsonschema
import pytest
from mkdocs.config import load_config

from macros import models, schema
from macros.loader import load_file

from .support import FIXTURES, ROOT

SCHEMA_DIR = ROOT / schema.SCHEMA_DIR


@cache
def site_url() -> str:
    return load_config(str(ROOT / "mkdocs.yml"))["site_url"]


@pytest.fixture(scope="module")
def generated(dataset) -> dict[str, str]:
    return schema.schema_files(site_url(), schema.choices_of(dataset.degree_types, dataset.countries))


def program_schema(generated) -> dict:
    return json.loads(generated["program.json"])


def valid_program() -> dict:
    return json.loads(json.dumps(load_file(FIXTURES / "programs" / "valid.yml", "valid.yml")))


def test_committed_schemas_are_the_generated_ones(generated):
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert sorted(committed) == sorted(generated), "run `make schemas` to add or remove schema files in data/schema/"
    stale = [name for name in generated if committed[name] != generated[name]]
    assert not stale, f"data/schema/ is out of date ({', '.join(stale)}); run `make schemas` and commit the result"


def test_the_program_schema_accepts_a_valid_program(generated):
    jsonschema.validate(valid_program(), program_schema(generated))


@pytest.mark.parametrize(("field", "value"), [
    ("country", "ZZ"), ("country", "usa"), ("degree_type", "ms-quantum"), ("degree_type", "MS ML"),
])
def test_the_program_schema_rejects_unknown_ids(generated, field, value):
    program = valid_program()
    program[field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(program, program_schema(generated))


@pytest.mark.parametrize("amount", [0, -1200, "1200"])
def test_the_program_schema_rejects_an_amount_that_is_not_positive(generated, amount):
    program = valid_program()
    program["tuition"][0]["amount"] = amount
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(program, program_schema(generated))


def test_enums_come_from_the_data(generated, dataset):
    properties = program_schema(generated)["properties"]
    assert properties["country"]["enum"] == sorted(c.code for c in dataset.countries.countries)
    assert properties["degree_type"]["enum"] == sorted(d.id for d in dataset.degree_types.degree_types)


def test_bounds_use_json_schema_names():
    text = json.dumps(schema.json_schema("program", "https://x.org/"))
    for pydantic_name in ('"gt":', '"ge":', '"lt":', '"le":'):
        assert pydantic_name not in text


def test_every_schema_has_a_stable_id():
    for name in schema.SCHEMA_MODELS:
        assert schema.json_schema(name, "https://x.org/guide/")["$id"] == f"https://x.org/guide/schemas/{name}.json"


@pytest.mark.parametrize("path", [*sorted((ROOT / "data").glob("*.yml")), *sorted((ROOT / "data" / "programs").glob("*.yml")),
                                  ROOT / "data" / "templates" / "program.yml"], ids=lambda p: p.name)
def test_every_data_file_points_at_its_schema(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    name = "program" if path.parent.name in ("programs", "templates") else schema.schema_name(path.stem)
    prefix = "" if path.parent.name == "data" else "../"
    assert first == f"# yaml-language-server: $schema={prefix}schema/{name}.json", (
        f"{path.relative_to(ROOT)}: the first line must point editors at its schema")
    assert (path.parent / f"{prefix}schema/{name}.json").resolve().is_file()


def test_every_data_file_validates_against_its_committed_schema():
    for stem in models.DATA_FILES:
        committed = json.loads((SCHEMA_DIR / f"{schema.schema_name(stem)}.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(load_file(ROOT / "data" / f"{stem}.yml", stem))), committed)


def test_data_reference_has_a_table_per_object():
    html = str(schema.data_reference("program"))
    for part in ("Program: fields", "Tuition: fields", "Credits: fields", "ProgramSource: fields"):
        assert part in html
