"""JSON Schemas and the data reference page, both generated from the models."""

from __future__ import annotations

import json

from markupsafe import Markup

from . import models
from .dataset import DATA_FILES
from .html import table, text

FORMAT_VERSION = 1


def schema_name(file_stem: str) -> str:
    """degree_types -> degree-types (the published schema file name, without .json)."""
    return file_stem.replace("_", "-")


#: Published schema name -> model.
SCHEMA_MODELS: dict[str, type[models.Model]] = {
    **{schema_name(stem): model for stem, model in DATA_FILES.items()},
    "program": models.Program,
}


def json_schema(name: str, site_url: str) -> dict:
    """The JSON Schema (draft 2020-12) of one data file, with a stable $id under the site."""
    model = SCHEMA_MODELS[name]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{site_url}schemas/{name}.json",
        **schema,
    }


def schema_files(site_url: str) -> dict[str, str]:
    """Site path -> JSON text for every schema."""
    return {f"schemas/{name}.json": json.dumps(json_schema(name, site_url), indent=2) + "\n" for name in SCHEMA_MODELS}


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
    schema = SCHEMA_MODELS[name].model_json_schema()
    defs = schema.get("$defs", {})
    parts = [_model_table(f"{schema.get('title', name)}: fields", schema, defs)]
    for def_name, definition in defs.items():
        if definition.get("type") == "object":
            parts.append(Markup(f'<h4 id="{text(name)}-{text(def_name.lower())}">{text(def_name)}</h4>'))
            parts.append(Markup(f"<p>{text(definition.get('description', ''))}</p>"))
            parts.append(_model_table(f"{def_name}: fields", definition, defs))
    return Markup("".join(parts))
