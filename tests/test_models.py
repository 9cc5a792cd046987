"""Field rules of the program model and of sourced facts."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, timedelta, timezone
from typing import get_args

import pytest
from pydantic import ValidationError

from macros import models
from macros.diagnostics import _submodel
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
        ({"tuition": [{"amount": 10, "currency": "usd", "basis": "total", "academic_year": "2025-26"}]}, "String should match pattern"),
        ({"tuition": [{"amount": 10, "currency": "USD", "basis": "monthly", "academic_year": "2025-26"}]}, "Input should be 'total'"),
        ({"tuition": [{"amount": 10, "currency": "USD", "basis": "total", "academic_year": "2025-27"}]}, "is not one academic year"),
        ({"tuition": [{"amount": 10, "currency": "USD", "basis": "total", "academic_year": 2025}]}, "Input should be a valid string"),
        ({"tuition": {"amount": 10, "currency": "USD", "basis": "total", "academic_year": "2025-26"}}, "Input should be a valid list"),
        ({"tuition": []}, "List should have at least 1 item"),
        ({"tuition": [{"amount": 10, "currency": "USD", "basis": "total", "academic_year": "2025-26",
                       "student_group": "residents"}]}, "Input should be 'in-state'"),
        ({"languages": ["English"]}, "String should match pattern"),
        ({"languages": ["en", "en"]}, "lists en more than once"),
        ({"start_terms": ["autumn"]}, "Input should be 'fall', 'winter', 'spring' or 'summer'"),
        ({"start_terms": ["fall", "fall"]}, "lists fall more than once"),
        ({"cip_code": "11.01"}, "String should match pattern"),
        ({"fees": []}, "List should have at least 1 item"),
        ({"deadlines": []}, "List should have at least 1 item"),
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
    """Every fact a source may support is a field of a program, at the path ``fact_path`` gives."""
    for fact in get_args(models.ProgramFact):
        path = models.fact_path(fact)
        model = models.Program
        for i, name in enumerate(path):
            assert name in model.model_fields, (fact, path)
            if i < len(path) - 1:
                model = _submodel(model.model_fields[name].annotation)
                assert model is not None, (fact, path)
    nested = {fact for fact in get_args(models.ProgramFact) if len(models.fact_path(fact)) > 1}
    assert nested == {"gre", "english_tests", "prerequisites", "application_fee"}
    assert {models.fact_path(f) for f in nested} == {("admissions", name) for name in models.Admissions.model_fields}


def test_fact_path_of_a_top_level_fact_is_its_name():
    assert models.fact_path("credits") == ("credits",)
    assert models.fact_path("gre") == ("admissions", "gre")


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


# --- Admissions, deadlines and the other v2 facts -------------------------------------------


def admissions_error(data: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        models.Admissions.model_validate(data)
    return str(caught.value)


@pytest.mark.parametrize("term", ["Fall 2027", "Autumn 2026", "Winter 2027", "Spring 2027", "Summer 2026"])
def test_an_entry_term_is_a_season_and_a_year(term):
    assert models.Deadline.model_validate({"term": term, "date": "2027-01-15"}).term == term
    assert models.Gre.model_validate({"policy": "optional", "cycle": term}).cycle == term


@pytest.mark.parametrize("term", ["fall 2027", "2027 Fall", "Fall 27", "Fall", "Fall  2027", "Fall 2027 ", "Q3 2027",
                                  "Fall 2027/28"])
def test_other_entry_terms_are_refused_with_an_example(term):
    hint = "write the entry term as a season and a year, for example 'Fall 2027' or 'Spring 2027'"
    with pytest.raises(ValidationError, match=re.escape(hint)):
        models.Deadline.model_validate({"term": term, "date": "2027-01-15"})
    assert hint in admissions_error({"gre": {"policy": "required", "cycle": term}})
    assert hint in admissions_error({"application_fee": {"amount": 75, "currency": "USD", "cycle": term}})


def test_a_deadline_may_lie_ahead_but_a_reading_may_not(monkeypatch):
    monkeypatch.setattr(fields, "datetime", _LateEveningInHonolulu)  # UTC today: 2026-03-02
    deadline = models.Deadline.model_validate({"term": "Fall 2030", "date": "2030-01-15"})
    assert deadline.date == date(2030, 1, 15) and deadline.applies_to == "all"
    models.Program.model_validate(program_with(deadlines=[{"term": "Fall 2030", "date": "2030-01-15"}]))
    assert "is in the future" in error_of(program_with(last_verified="2030-01-15"))


@pytest.mark.parametrize(("value", "message"), [
    ("15/01/2027", "write the date as YYYY-MM-DD"),
    ("2027-02-30", "is not a real calendar date"),
])
def test_a_deadline_date_is_a_real_calendar_date(value, message):
    with pytest.raises(ValidationError, match=message):
        models.Deadline.model_validate({"term": "Fall 2027", "date": value})


def test_a_deadline_names_who_it_applies_to():
    with pytest.raises(ValidationError, match="Input should be 'all', 'domestic', 'international', 'eu' or 'non-eu'"):
        models.Deadline.model_validate({"term": "Fall 2027", "date": "2027-01-15", "applies_to": "everyone"})


@pytest.mark.parametrize("minimum", [100, 7.5, 200])
def test_english_minimums_in_range_are_accepted(minimum):
    admissions = models.Admissions.model_validate({"english_tests": [{"test": "toefl-ibt", "minimum": minimum}]})
    assert admissions.english_tests[0].minimum == minimum


@pytest.mark.parametrize(("minimum", "message"), [
    (0, "Input should be greater than 0"),
    (-6.5, "Input should be greater than 0"),
    (201, "Input should be less than or equal to 200"),
    ("100", "Input should be a valid number"),
])
def test_english_minimums_out_of_range_are_refused(minimum, message):
    assert message in admissions_error({"english_tests": [{"test": "ielts-academic", "minimum": minimum}]})


def test_english_tests_are_named_from_a_fixed_list_and_not_left_empty():
    assert "Input should be 'toefl-ibt'" in admissions_error({"english_tests": [{"test": "toefl", "minimum": 100}]})
    assert "List should have at least 1 item" in admissions_error({"english_tests": []})


@pytest.mark.parametrize(("data", "message"), [
    ({"prerequisites": {"topics": ["calculus", "calculus"]}}, "lists calculus more than once"),
    ({"prerequisites": {"topics": []}}, "List should have at least 1 item"),
    ({"prerequisites": {"topics": ["cooking"]}}, "Input should be 'programming'"),
    ({"prerequisites": {"degree_in_field": "maybe"}}, "Input should be 'required', 'preferred' or 'not-required'"),
    ({"gre": {"policy": "waived"}}, "Input should be 'required', 'optional', 'not-required' or 'not-considered'"),
    ({"application_fee": {"amount": 0, "currency": "USD"}}, "Input should be greater than 0"),
    ({"application_fee": {"amount": 75, "currency": "usd"}}, "String should match pattern"),
    ({"toefl": 100}, "Extra inputs are not permitted"),
])
def test_admissions_field_rules(data, message):
    assert message in admissions_error(data)


def test_a_full_admissions_entry_is_valid():
    admissions = models.Admissions.model_validate({
        "gre": {"policy": "not-required", "cycle": "Fall 2026"},
        "english_tests": [{"test": "toefl-ibt", "minimum": 90}, {"test": "ielts-academic", "minimum": 7}],
        "prerequisites": {"topics": ["programming", "calculus"], "degree_fields": "computer science",
                          "degree_in_field": "preferred"},
        "application_fee": {"amount": 75, "currency": "USD", "cycle": "Fall 2026"},
    })
    assert admissions.gre.policy == "not-required" and len(admissions.english_tests) == 2


def test_fees_and_funding_follow_their_rules():
    fee = {"amount": 410, "currency": "USD", "basis": "per-term", "academic_year": "2025-26"}
    models.Program.model_validate(program_with(fees=[fee], funding={"offers": "some"}))
    assert "is not one academic year" in error_of(program_with(fees=[dict(fee, academic_year="2025-27")]))
    assert "Input should be 'none', 'some' or 'assistantships'" in error_of(program_with(funding={"offers": "lots"}))


# --- Sources: official or third-party, and archived copies ----------------------------------


def source_with(**changes) -> dict:
    return {**dict(VALID["sources"][0]), **changes}


def test_a_mirror_source_is_refused_with_a_pointer_to_archived_url():
    message = error_of(program_with(sources=[source_with(kind="mirror")]))
    assert ("'mirror' is no longer a kind: cite the official page's own address in url with kind: official, and put "
            "the address of the copy you read in archived_url") in message


def test_a_source_is_official_or_third_party():
    models.Program.model_validate(program_with(sources=[source_with(kind="third-party")]))
    assert "Input should be 'official' or 'third-party'" in error_of(program_with(sources=[source_with(kind="blog")]))


def test_an_archived_url_is_an_https_address():
    copy = "https://web.archive.org/web/2025/https://www.springfield-tech.test/ms-ml"
    program = models.Program.model_validate(program_with(sources=[source_with(archived_url=copy)]))
    assert program.sources[0].archived_url == copy
    assert "must be a web address starting with https://" in error_of(
        program_with(sources=[source_with(archived_url="http://web.archive.org/x")]))
