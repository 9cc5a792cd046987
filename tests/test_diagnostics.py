"""pydantic's errors turned into FILE:LINE: ENTRY: FIELD: message (macros.diagnostics)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros import models
from macros.diagnostics import entry_and_field, error_at, validation_errors
from macros.loader import parse_text

from .support import fixture_text


def messages(text: str, model=models.Program, entry: str | None = "x") -> list[str]:
    raw = parse_text(text, "data/programs/x.yml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(raw)
    return [str(e) for e in validation_errors(caught.value, model, raw, "data/programs/x.yml", entry)]


def valid_with(old: str, new: str) -> str:
    text = fixture_text("programs/valid.yml")
    assert old in text
    return text.replace(old, new)


@pytest.mark.parametrize("written", ["$1,200", "1,200", "1 200", "€1200", "USD 1200", "1,200.50"])
def test_a_price_tag_gets_told_to_write_the_plain_number(written):
    digits = "1200.50" if written.endswith(".50") else "1200"
    assert messages(valid_with("amount: 1200", f'amount: "{written}"')) == [
        f"data/programs/x.yml:16: x: tuition[1].amount: write the number without a currency sign, spaces or commas, "
        f"for example {digits} (got {written!r}); the currency goes in its own field"
    ]


def test_other_text_in_a_number_field_is_a_type_error():
    # int | float fields fail as both members; the message that fits them is "should be a number".
    assert messages(valid_with("amount: 1200", "amount: lots")) == [
        "data/programs/x.yml:16: x: tuition[1].amount: should be a number (got 'lots')"
    ]


def test_a_whole_number_field_still_asks_for_a_whole_number():
    assert messages(valid_with("min_months: 12", "min_months: twelve")) == [
        "data/programs/x.yml:12: x: duration.min_months: should be a whole number (got 'twelve')"
    ]


def test_a_second_price_is_numbered_in_the_field_path():
    text = valid_with('academic_year: "2025-26"', 'academic_year: "2025-26"\n'
                      '  - amount: 1,300\n    currency: USD\n    basis: per-credit\n    academic_year: "2026-27"')
    assert messages(text) == [
        "data/programs/x.yml:20: x: tuition[2].amount: write the number without a currency sign, spaces or commas, "
        "for example 1300 (got '1,300'); the currency goes in its own field"
    ]


def test_unknown_nested_field_lists_the_fields_of_its_own_model():
    assert messages(valid_with("  unit: us-credit-hours", "  unit: us-credit-hours\n  per: year")) == [
        "data/programs/x.yml:11: x: credits.per: unknown field 'per'; expected one of: amount, unit"
    ]


def test_list_entries_are_named_by_their_id_and_numbered_from_one():
    text = "degree_types:\n  - id: ms-ml\n    title: MS\n"
    errors = messages(text, models.DegreeTypesFile, None)
    assert "data/programs/x.yml:2: ms-ml: abbreviation: this required field is missing" in errors
    assert "data/programs/x.yml:2: ms-ml: sources: this required field is missing" in errors


def test_an_entry_without_a_name_is_numbered():
    raw = parse_text("terms:\n  - expansion: x\n", "f.yml")
    assert entry_and_field(raw, ("terms", 0, "term"), None) == ("terms #1", "term")
    assert entry_and_field(raw, ("sources", 1, "url"), "slug") == ("slug", "sources[2].url")


def test_error_at_points_at_the_deepest_known_line():
    raw = parse_text("a: 1\nsources:\n  - url: x\n    title: y\n", "f.yml")
    error = error_at(raw, "data/programs/p.yml", ("sources", 0, "title"), "is wrong", "p")
    assert str(error) == "data/programs/p.yml:4: p: sources[1].title: is wrong"


def test_union_members_are_reported_once():
    errors = messages(valid_with("amount: 30", "amount: []"))
    assert errors == ["data/programs/x.yml:9: x: credits.amount: should be a number"]
