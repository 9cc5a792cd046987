"""Turn pydantic's validation errors into messages a contributor can act on: file, line, entry, field.

:func:`validation_errors` maps each error's location in the data to the line of the YAML key
(recorded by :mod:`macros.loader`), names the list entry it belongs to, and rewrites pydantic's
wording into plain instructions (what to write instead).
"""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .loader import LineDict, line_of

# Fields that name a list entry in messages, in order of preference.
_ENTRY_NAMES = ("id", "term", "title", "academic_year")
_MESSAGES = {
    "missing": "this required field is missing",
    "int_type": "should be a whole number",
    "float_type": "should be a number",
    "string_type": "should be text",
    "list_type": "should be a list, for example [a, b]",
    "model_type": "should be a mapping of fields (key: value)",
    "dict_type": "should be a mapping of fields (key: value)",
    "bool_type": "should be true or false",
}
_NUMBER_TYPES = ("int_type", "float_type")
# Text that is a number written the way people write prices: "$1,200", "1 200", "€950.50", "1,200".
_FORMATTED_NUMBER = re.compile(r"^\s*[^\d\s.,-]{0,3}\s*\d{1,3}(?:[,\s’']\d{3})+(?:\.\d+)?\s*$|^\s*[^\d\s.,-]{1,3}\s*\d+(?:\.\d+)?\s*$")


def _submodel(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[X] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found:
            return found
    return None


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for step in path:
        if current is None:
            return None
        if isinstance(step, str):
            info = current.model_fields.get(step)
            current = _submodel(info.annotation) if info else None
    return current


def _clean_loc(loc: tuple) -> tuple:
    """Drop the steps pydantic adds for union members and validators (``int``, ``function-after[...]``)."""
    return tuple(s for s in loc if not (isinstance(s, str) and (s in ("int", "float", "str") or "[" in s)))


def _describe(error: dict, model: type[BaseModel], loc: tuple) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent else ""
        return f"unknown field '{loc[-1]}'; expected one of: {allowed}"
    value = error.get("input")
    if kind in _NUMBER_TYPES and isinstance(value, str) and _FORMATTED_NUMBER.match(value):
        digits = re.sub(r"[^\d.]", "", value)
        return (f"write the number without a currency sign, spaces or commas, for example {digits} "
                f"(got {value!r}); the currency goes in its own field")
    message = _MESSAGES.get(kind) or error["msg"].removeprefix("Value error, ")
    if kind != "missing" and isinstance(value, (str, int, float, bool)) and not isinstance(value, LineDict):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        message = f"{message} (got {shown})"
    return message


def entry_and_field(raw: LineDict, loc: tuple, entry: str | None) -> tuple[str | None, str | None]:
    """Split a location into the entry it belongs to and a dotted field path."""
    rest = loc
    if entry is None and len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        items = raw.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        name = next((str(item[k]) for k in _ENTRY_NAMES if isinstance(item, dict) and item.get(k)), None)
        entry = name or f"{loc[0]} #{loc[1] + 1}"
        rest = loc[2:]
    parts: list[str] = []
    for step in rest:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + step)
    return entry, "".join(parts) or None


def error_at(raw: LineDict, file: str, loc: tuple, message: str, entry: str | None = None) -> DataError:
    """A :class:`DataError` at the line of ``loc`` (a path of keys and list indexes) in ``raw``."""
    name, field_path = entry_and_field(raw, loc, entry)
    return DataError(file, line_of(raw, loc), message, name, field_path)


def validation_errors(
    exc: ValidationError, model: type[BaseModel], raw: LineDict, file: str, entry: str | None
) -> list[DataError]:
    """One :class:`DataError` per place that failed validation (union members repeat themselves)."""
    found: dict[tuple, DataError] = {}
    errors = exc.errors()
    # A field that takes ``int | float`` fails as both; "should be a number" is the message that fits.
    floats = {_clean_loc(e["loc"]) for e in errors if e["type"] == "float_type"}
    for error in errors:
        loc = _clean_loc(error["loc"])
        if loc in found or (error["type"] == "int_type" and loc in floats):
            continue
        name, field_path = entry_and_field(raw, loc, entry)
        found[loc] = DataError(file, line_of(raw, loc), _describe(error, model, loc), name, field_path)
    return list(found.values())
