"""Models of the facts students decide with: admissions, deadlines, start terms, funding, fees.

Each is optional on a program and, like every program fact, must be backed by a source that
names it in ``supports``. Dates and cycles say which admission round a rule was stated for.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .fields import CalendarDate, CurrencyCode, Line, Model, Money, Text, UniqueList

GrePolicy = Literal["required", "optional", "not-required", "not-considered"]
EnglishTest = Literal["toefl-ibt", "ielts-academic", "duolingo", "pte-academic", "cambridge", "other"]
Topic = Literal["programming", "calculus", "linear-algebra", "probability-statistics", "discrete-math", "algorithms",
                "machine-learning"]
DegreeInField = Literal["required", "preferred", "not-required"]
StartTerm = Literal["fall", "winter", "spring", "summer"]
Applicants = Literal["all", "domestic", "international", "eu", "non-eu"]
FundingOffer = Literal["none", "some", "assistantships"]

_TERM = re.compile(r"^(Fall|Autumn|Winter|Spring|Summer) (\d{4})$")


def _entry_term(value: str) -> str:
    if not _TERM.fullmatch(value):
        raise ValueError("write the entry term as a season and a year, for example 'Fall 2027' or 'Spring 2027'")
    return value


#: An entry term such as "Fall 2027": the season students start and the year.
EntryTerm = Annotated[str, AfterValidator(_entry_term),
                      Field(json_schema_extra={"pattern": _TERM.pattern}, description="Season and year, e.g. 'Fall 2027'.")]

_LANGUAGE = re.compile(r"^[a-z]{2}$")
LanguageCode = Annotated[str, Field(pattern=_LANGUAGE.pattern, description="ISO 639-1 code, e.g. en, de, fr.")]


class Gre(Model):
    """Whether the GRE is asked for, as the program states it."""

    policy: GrePolicy = Field(description="required, optional, not-required (scores not needed) or not-considered "
                                          "(scores not looked at even if sent).")
    cycle: EntryTerm | None = Field(None, description="The admission round the policy was stated for, e.g. 'Fall 2026'.")


class EnglishMinimum(Model):
    """The lowest score of one English test the program accepts."""

    test: EnglishTest = Field(description="Which test.")
    minimum: Annotated[int | float, Field(gt=0, le=200)] = Field(description="The lowest overall score accepted.")
    note: Line | None = Field(None, description="Anything the page adds, e.g. section minimums or exemptions.")


class Prerequisites(Model):
    """What an applicant must know or have studied."""

    topics: UniqueList[Topic] | None = Field(None, description="Subjects the program asks applicants to have studied.")
    degree_fields: Line | None = Field(None, description="The fields of a first degree the page names, in its words.")
    degree_in_field: DegreeInField | None = Field(
        None, description="Whether a first degree in one of those fields is required, preferred or not required.")


class ApplicationFee(Model):
    """The fee for applying."""

    amount: Money = Field(description="The amount, in the school's currency.")
    currency: CurrencyCode
    cycle: EntryTerm | None = Field(None, description="The admission round the fee was stated for.")


class Admissions(Model):
    """How to get in: tests, prerequisites and the application fee."""

    gre: Gre | None = Field(None, description="GRE policy.")
    english_tests: list[EnglishMinimum] | None = Field(None, min_length=1, description="English test minimums.")
    prerequisites: Prerequisites | None = Field(None, description="Required knowledge and first degree.")
    application_fee: ApplicationFee | None = Field(None, description="The application fee.")


class Deadline(Model):
    """One application deadline, for one entry term and group of applicants."""

    term: EntryTerm = Field(description="The entry term the deadline is for, e.g. 'Fall 2027'.")
    date: CalendarDate = Field(description="The last day to apply, YYYY-MM-DD.")
    applies_to: Applicants = Field("all", description="Who the deadline is for.")
    round: Line | None = Field(None, description="The round, as the page names it: priority, early, final, round 1...")


class Funding(Model):
    """Funding for master's students, as the program describes it."""

    offers: FundingOffer = Field(description="none, some (scholarships or aid for some students) or assistantships.")
    note: Text | None = Field(None, description="What the page says, in your own words.")


__all__ = ["Admissions", "ApplicationFee", "Applicants", "Deadline", "DegreeInField", "EnglishMinimum", "EnglishTest",
           "EntryTerm", "Funding", "FundingOffer", "Gre", "GrePolicy", "LanguageCode", "Prerequisites",
           "StartTerm", "Topic"]
