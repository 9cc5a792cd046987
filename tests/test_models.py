"""Field rules of the program model and of sourced facts."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone
from typing import get_args

import pytest
from pydantic import ValidationError

from macros import models
from macros.models import fields
from macros.loader import load_file

from .support import FIXTURES, ROOT

VALID = load_file(FIXTURES / "programs" / "valid.yml", "valid.yml")


def program_with(**changes) -> dict:
    data = copy.deepcopy(dict(VALID))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def error_of(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        models.Program.model_validate(data)
    return str(caught.value)


def test_template_is_a_valid_program():
    models.Program.model_validate(load_file(ROOT / "data" / "templates" / "program.yml", "program.yml"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"delivery": ["by-post"]}, "Input should be 'on-campus', 'online', 'hybrid' or 'low-residency'"),
        ({"delivery": ["online", "online"]}, "lists online more than once"),
        ({"pace": []}, "List should have at least 1 item"),
        ({"final_projects": ["dissertation"]}, "Input should be 'thesis', 'capstone', 'practicum' or 'coursework-only'"),
        ({"credits": {"amount": 30, "unit": "hours"}}, "Input should be 'us-credit-hours'"),
        ({"duration": {"min_months": 24, "max_months": 12}}, "max_months must not be smaller than min_months"),
        ({"tuition": {"amount": 10, "currency": "usd", "basis": "total", "academic_year": "2025-26"}}, "String should match pattern"),
        ({"tuition": {"amount": 10, "currency": "USD", "basis": "monthly", "academic_year": "2025-26"}}, "Input should be 'total'"),
        ({"tuition": {"amount": 10, "currency": "USD", "basis": "total", "academic_year": "2025-27"}}, "is not one academic year"),
        ({"tuition": {"amount": 10, "currency": "USD", "basis": "total", "academic_year": 2025}}, "Input should be a valid string"),
        ({"country": "usa"}, "two-letter ISO 3166-1 code in capitals"),
        ({"title": "Two\nlines"}, "must be a single line of text"),
        ({"title": "   "}, "String should have at least 1 character"),
        ({"notes": "bell\x07"}, "invisible control character"),
        ({"last_verified": "2999-01-01"}, "is in the future"),
        ({"official_url": "https://"}, "complete https:// address"),
        ({"official_url": "https://exa mple.edu"}, "complete https:// address"),
        ({"sources": []}, "List should have at least 1 item"),
        ({"degree_type": "MS ML"}, "lowercase letters, digits and single hyphens"),
    ],
)
def test_program_field_rules(changes, message):
    assert message in error_of(program_with(**changes))


def test_every_sourced_entry_requires_a_dated_source():
    for model in (models.DegreeType, models.Role, models.Track, models.TuitionYear, models.Figure, models.CoreArea,
                  models.Specialisation, models.ElectiveFamily, models.ElectiveCourse, models.FinalProjectOption,
                  models.StudyFormat, models.Program):
        schema = model.model_json_schema()
        assert "sources" in schema["required"], model.__name__
    source = models.Source.model_json_schema()
    assert {"url", "accessed", "title", "kind"} <= set(source["required"])


def test_a_source_must_name_what_it_supports():
    data = program_with()
    data["sources"] = [dict(data["sources"][0], supports=[])]
    assert "List should have at least 1 item" in error_of(data)


# --- Dates are judged in UTC ----------------------------------------------------------------


class _LateEveningInHonolulu(datetime):
    """A clock at 2026-03-01 23:30 in UTC-10, which is already 2026-03-02 in UTC."""

    @classmethod
    def now(cls, tz=None):
        moment = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
        if tz is None:
            return moment.astimezone(timezone(timedelta(hours=-10))).replace(tzinfo=None)
        return moment.astimezone(tz)


def test_utc_today_is_the_utc_date_not_the_local_one(monkeypatch):
    monkeypatch.setattr(fields, "datetime", _LateEveningInHonolulu)
    assert fields.utc_today() == date(2026, 3, 2)


def test_the_future_date_rule_uses_utc_today(monkeypatch):
    monkeypatch.setattr(fields, "datetime", _LateEveningInHonolulu)
    models.Program.model_validate(program_with(last_verified="2026-03-02"))
    assert "is in the future (2026-03-03)" in error_of(program_with(last_verified="2026-03-03"))


# --- Shapes ---------------------------------------------------------------------------------


def test_data_files_name_a_model_for_every_file_in_data():
    assert sorted(models.DATA_FILES) == sorted(p.stem for p in (ROOT / "data").glob("*.yml"))


def test_program_facts_are_program_fields():
    assert set(get_args(models.ProgramFact)) <= set(models.Program.model_fields)


def test_models_refuse_coercion_and_unknown_fields():
    with pytest.raises(ValidationError):
        models.MonthRange.model_validate({"min_months": "12"})
    with pytest.raises(ValidationError):
        models.MonthRange.model_validate({"min_months": 12, "extra": 1})


def test_unknown_ids_are_checked_against_the_context():
    context = {"degree_type_ids": frozenset({"ms-ml"}), "country_codes": frozenset({"US", "GB"})}
    models.Program.model_validate(program_with(), context=context)
    with pytest.raises(ValidationError) as caught:
        models.Program.model_validate(program_with(country="FR"), context=context)
    assert "unknown country code 'FR'; use one of: GB, US" in str(caught.value)
