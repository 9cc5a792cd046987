"""Model of data/cost_scenarios.yml: the cost calculator's worked examples, checked to the cent in Python and JavaScript."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .fields import (CurrencyCode, Line, Model, Money, PositiveInt, Slug)

# --- Cost calculator scenarios (docs/costs/calculator.md, macros/calculator.py, calculator.js) ----------------

_Amount = Annotated[int | float, Field(ge=0, lt=10_000_000)]


def _cents(value: float) -> float:
    if round(value * 100) != round(value * 100, 6):
        raise ValueError("give amounts to the cent at most (two decimals)")
    return value


Cents = Annotated[_Amount, AfterValidator(_cents)]


class CostInputs(Model):
    """What the cost calculator is given: a price and a plan of study, all in one currency."""

    currency: CurrencyCode = Field(description="Currency of every amount; the calculator never converts.")
    basis: Literal["total", "per-credit", "per-year", "per-term"] = Field(description="What the price pays for.")
    price: Money = Field(description="The price, on its basis.")
    length: Literal["credits", "years"] = Field(description="Whether the length is given in credits or in years.")
    credits: Annotated[int | float, Field(gt=0, le=1000)] | None = Field(
        None, description="Credits required (needed when length is credits or the price is per credit).")
    credits_per_course: Annotated[int | float, Field(gt=0, le=100)] = Field(3, description="Credits one course earns.")
    years: Annotated[int | float, Field(gt=0, le=10)] | None = Field(
        None, description="Length at a full-time pace, in years (needed when length is years).")
    pace: Literal["full-time", "part-time"] = Field("full-time", description="full-time: 3 courses a term.")
    courses_per_term: Annotated[int, Field(ge=1, le=6)] = Field(2, description="Courses a term when part-time.")
    terms_per_year: Annotated[int, Field(ge=1, le=4)] = Field(2, description="Terms in an academic year, e.g. 2 semesters.")
    increase: Annotated[int | float, Field(ge=0, le=25)] = Field(0, description="Yearly tuition increase, percent.")
    fees_per_term: Cents = Field(0, description="Mandatory fees each term enrolled.")
    assistance: Cents = Field(0, description="Employer tuition assistance, at most this much each calendar year.")
    living: Cents = Field(0, description="Living costs per year of study.")
    income: Cents = Field(0, description="Income given up per year of study.")

    @model_validator(mode="after")
    def _length_is_known(self) -> CostInputs:
        if self.length == "credits" and self.credits is None:
            raise ValueError("length: credits needs `credits`")
        if self.length == "years" and self.years is None:
            raise ValueError("length: years needs `years`")
        if self.basis == "per-credit" and self.credits is None:
            raise ValueError("a price per credit needs `credits`")
        return self


class CostResults(Model):
    """What the calculator must answer for a scenario, to the cent."""

    terms: PositiveInt = Field(description="Terms enrolled.")
    tuition: Cents = Field(description="Tuition over the whole degree, with the yearly increase.")
    fees: Cents = Field(description="Mandatory fees over the whole degree.")
    assistance: Cents = Field(description="Employer assistance received over the whole degree.")
    living: Cents = Field(description="Living costs over the whole degree.")
    income: Cents = Field(description="Income given up over the whole degree.")
    total: Cents = Field(description="Tuition + fees - assistance + living costs + income given up.")
    per_year: Cents = Field(description="The total per year of study.")
    per_term: Cents = Field(description="The total per term.")


class CostScenario(Model):
    """A worked example of the cost calculator, shown on its page and checked by the tests in Python and the browser."""

    id: Slug = Field(description="Identifier.")
    title: Line = Field(description="The scenario in a sentence, as a heading.")
    inputs: CostInputs
    expected: CostResults


class CostScenariosFile(Model):
    """data/cost_scenarios.yml: worked examples of the cost calculator, with the results expected to the cent."""

    scenarios: list[CostScenario] = Field(min_length=1, description="Scenarios, in display order.")
