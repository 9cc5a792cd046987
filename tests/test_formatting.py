"""How values read on the page (macros.formatting), and a label for every fixed choice."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Literal, get_args, get_origin

import pytest

from macros import formatting as fmt
from macros import models


def literal_values(annotation) -> set[str]:
    """Every string of the Literal types inside an annotation (through Optional, lists, Annotated)."""
    if get_origin(annotation) is Literal:
        return {v for v in get_args(annotation) if isinstance(v, str)}
    return {value for arg in get_args(annotation) for value in literal_values(arg)}


#: Every module of the models package, so a model moved to a new module is still checked.
MODEL_MODULES = [importlib.import_module(f"macros.models.{info.name}") for info in pkgutil.iter_modules(models.__path__)]


def fixed_choices() -> dict[str, set[str]]:
    """Field -> its fixed choices, for every model field whose values readers see as words."""
    found: dict[str, set[str]] = {}
    for module in MODEL_MODULES:
        for name in dir(module):
            model = getattr(module, name)
            if isinstance(model, type) and issubclass(model, models.Model):
                for field_name, info in model.model_fields.items():
                    values = literal_values(info.annotation)
                    if values:
                        found.setdefault(f"{model.__name__}.{field_name}", set()).update(values)
    return found


#: Fixed choices that are never shown as words, and why.
UNLABELLED = {
    "Source.kind": "shown as the raw value in source lists (official, mirror, third-party)",
    "ProgramSource.kind": "as Source.kind",
    "ProgramSource.supports": "field names, shown as they are",
    "Specialisation.track": "tables.specialisations_table names the two tracks itself",
    "Figure.unit": "formatting.figure_value formats each unit",
}


def test_the_named_fixed_choices_are_all_found():
    choices = fixed_choices()
    for name in ("Program.delivery", "Program.pace", "Program.final_projects", "Credits.unit", "Tuition.basis",
                 "Tuition.student_group", "DegreeType.orientation", "Role.entry_education", "CreditRange.unit"):
        assert name in choices, name


@pytest.mark.parametrize("field", sorted(set(fixed_choices()) - set(UNLABELLED)))
def test_every_fixed_choice_has_a_label(field):
    missing = sorted(fixed_choices()[field] - set(fmt.LABELS))
    assert not missing, f"{field}: add a label to macros.formatting.LABELS for {missing}"


@pytest.mark.parametrize("choice", [models.Delivery, models.Pace, models.FinalProject, models.CreditUnit,
                                    models.TuitionBasis, models.StudentGroup])
def test_every_value_of_the_shared_choice_types_has_a_label(choice):
    assert set(get_args(choice)) <= set(fmt.LABELS)


def test_label_falls_back_to_the_value():
    assert fmt.label("on-campus") == "On campus"
    assert fmt.label("unheard-of") == "unheard-of"
    assert fmt.labels(["online", "hybrid"]) == "Online, Hybrid"
    assert fmt.labels(None) == ""


@pytest.mark.parametrize(("value", "text"), [(1234.0, "1,234"), (12.5, "12.5"), (0.25, "0.25"), (1_000_000, "1,000,000")])
def test_number(value, text):
    assert fmt.number(value) == text


@pytest.mark.parametrize(("amount", "currency", "text"), [
    (20513, "USD", "$20,513"), (23900, "GBP", "£23,900"), (1500, "SEK", "SEK 1,500"), (241.9, "USD", "$241.90"),
    (950, "EUR", "€950"), (10, "CAD", "CA$10"),
])
def test_money(amount, currency, text):
    assert fmt.money(amount, currency) == text
    assert fmt.money_pattern(currency).count("#") == 1


def test_tuition_reads_like_the_school_states_it():
    t = models.Tuition(amount=2450, currency="USD", basis="per-credit", academic_year="2024-25", student_group="in-state")
    assert fmt.tuition(t) == "$2,450 per credit (2024-25, in-state students)"
    assert fmt.tuition(t.model_copy(update={"basis": "total", "student_group": None})) == "$2,450 (2024-25)"
    assert fmt.tuition(None) == ""


def test_credits_and_months():
    assert fmt.credits(models.Credits(amount=30, unit="us-credit-hours")) == "30 credit hours"
    assert fmt.credits(models.CreditRange(min=90, max=120, unit="ects")) == "90–120 ECTS credits"
    assert fmt.credits(models.CreditRange(min=90, max=90, unit="ects")) == "90 ECTS credits"
    assert fmt.credits(None) == ""
    assert fmt.months(models.MonthRange(min_months=12)) == "12 months"
    assert fmt.months(models.MonthRange(min_months=12, max_months=24)) == "12–24 months"
    assert fmt.months(None) == ""


@pytest.mark.parametrize(("value", "unit", "text"), [
    (5250, "usd", "$5,250"), (1200, "usd-per-credit", "$1,200 per credit"), (34, "percent", "34%"),
    (9500, "count", "9,500"), (2, "years", "2 years"), (18, "months", "18 months"), (30, "credits", "30 credits"),
])
def test_figure_value_covers_every_unit(value, unit, text):
    assert fmt.figure_value(value, unit) == text


def test_figure_units_are_all_tested():
    assert set(get_args(models.FigureUnit)) == {"usd", "usd-per-credit", "percent", "count", "years", "months", "credits"}
