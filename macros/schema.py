"""JSON Schemas and the data reference page, both generated from the models.

The schemas are as strict as a schema can be: besides the models' own rules they list the degree
type ids and country codes that the data defines, so an editor flags an unknown one as you type.
``python -m macros.schema`` writes them to ``data/schema/`` (where the data files' first line
points editors); a test fails when that copy differs from what the models and data give.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from markupsafe import Markup

from . import models
from .html import table, text
from .paths import schema_url

SCHEMA_DIR = "data/schema"

#: pydantic writes these bounds of ``int | float`` fields under its own names; JSON Schema's are:
_BOUNDS = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum"}


def schema_name(file_stem: str) -> str:
    """degree_types -> degree-types (the published schema file name, without .json)."""
    return file_stem.replace("_", "-")


#: Published schema name -> model.
SCHEMA_MODELS: dict[str, type[models.Model]] = {
    **{schema_name(stem): model for stem, model in models.DATA_FILES.items()},
    "program": models.Program,
}


def _standard_bounds(node: object) -> object:
    if isinstance(node, dict):
        return {_BOUNDS.get(key, key) if not isinstance(value, (dict, list)) else key: _standard_bounds(value)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_standard_bounds(item) for item in node]
    return node


def json_schema(name: str, site_url: str, choices: dict[str, list[str]] | None = None) -> dict:
    """The JSON Schema (draft 2020-12) of one data file, with a stable $id under the site.

    ``choices`` maps a program field (``degree_type``, ``country``) to the values the data allows.
    """
    schema = _standard_bounds(SCHEMA_MODELS[name].model_json_schema())
    if name == "program":
        for field, values in (choices or {}).items():
            schema["properties"][field]["enum"] = sorted(values)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{site_url}{schema_url(name)}", **schema}


def choices_of(degree_types: models.DegreeTypesFile, countries: models.CountriesFile) -> dict[str, list[str]]:
    """The values the data allows for program fields that refer to other data files."""
    return {"degree_type": [d.id for d in degree_types.degree_types], "country": [c.code for c in countries.countries]}


def schema_files(site_url: str, choices: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Schema file name -> JSON text for every schema."""
    return {f"{name}.json": json.dumps(json_schema(name, site_url, choices), indent=2) + "\n" for name in SCHEMA_MODELS}


def _type_of(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "enum" in prop:
        return "one of: " + ", ".join(str(v) for v in prop["enum"])
    if "const" in prop:
        return str(prop["const"])
    if "anyOf" in prop:
        kinds = [_type_of(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    kind = prop.get("type", "")
    if kind == "array":
        return f"list of {_type_of(prop.get('items', {}), defs)}"
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}
    label = names.get(kind, kind)
    if prop.get("format") == "date":
        label = "date (YYYY-MM-DD)"
    elif prop.get("format") == "uri":
        label = "https:// address"
    return label


def _rules(prop: dict) -> str:
    rules = []
    for key, word in (("exclusiveMinimum", "greater than"), ("minimum", "at least"), ("exclusiveMaximum", "less than"),
                      ("maximum", "at most"), ("minItems", "items at least"), ("pattern", "pattern")):
        if key in prop:
            rules.append(f"{word} {prop[key]}")
    if prop.get("uniqueItems"):
        rules.append("each value once")
    for option in prop.get("anyOf", []):
        rules.extend(r for r in [_rules(option)] if r)
    return "; ".join(rules)


def _model_table(title: str, schema: dict, defs: dict) -> Markup:
    required = set(schema.get("required", []))
    rows = [
        [Markup(f"<code>{text(name)}</code>"), _type_of(prop, defs), "yes" if name in required else "no",
         prop.get("description", ""), _rules(prop)]
        for name, prop in schema.get("properties", {}).items()
    ]
    return table(title, ["Field", "Type", "Required", "Meaning", "Rules"], rows)


def data_reference(name: str) -> Markup:
    """Tables describing every field of a data file and of the objects inside it."""
    schema = _standard_bounds(SCHEMA_MODELS[name].model_json_schema())
    defs = schema.get("$defs", {})
    parts = [_model_table(f"{schema.get('title', name)}: fields", schema, defs)]
    for def_name, definition in defs.items():
        if definition.get("type") == "object":
            parts.append(Markup(f'<h4 id="{text(name)}-{text(def_name.lower())}">{text(def_name)}</h4>'))
            parts.append(Markup(f"<p>{text(definition.get('description', ''))}</p>"))
            parts.append(_model_table(f"{def_name}: fields", definition, defs))
    return Markup("".join(parts))


def main(argv: list[str] | None = None) -> int:
    """Write the schemas to data/schema/ (``make schemas``), from the models and the repository's data."""
    from mkdocs.config import load_config

    from .errors import DataErrors
    from .validate import load_dataset

    root = Path(argv[0] if argv else ".")
    try:
        data = load_dataset(root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    site_url = load_config(str(root / "mkdocs.yml"))["site_url"]
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in schema_files(site_url, choices_of(data.degree_types, data.countries)).items():
        (folder / name).write_text(content, encoding="utf-8")
    print(f"Wrote {len(SCHEMA_MODELS)} schemas to {SCHEMA_DIR}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
