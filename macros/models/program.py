"""The model of one program file, data/programs/<slug>.yml: the directory's single source of shape."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .admissions import Admissions, Deadline, Funding, LanguageCode, StartTerm
from .fields import (AcademicYear, CountryCode, CreditUnit, CurrencyCode, DegreeTypeId, Delivery, FinalProject, HttpsUrl,
                     IsoDate, Line, Model, MonthRange, Money, Pace, PositiveNumber, Source, StudentGroup, Text,
                     TuitionBasis, UniqueList)

#: The facts a source can support, by name. Most are program fields; gre, english_tests, prerequisites
#: and application_fee are the parts of ``admissions``.
ProgramFact = Literal[
    "university", "title", "city", "delivery", "pace", "credits", "duration", "final_projects", "languages",
    "start_terms", "tuition", "fees", "gre", "english_tests", "prerequisites", "application_fee", "deadlines",
    "funding", "cip_code", "outcomes_report", "notes",
]
#: Where each fact that is not a top-level field lives in a program file.
FACT_PATHS: dict[str, tuple[str, ...]] = {
    "gre": ("admissions", "gre"), "english_tests": ("admissions", "english_tests"),
    "prerequisites": ("admissions", "prerequisites"), "application_fee": ("admissions", "application_fee"),
}


def fact_path(fact: str) -> tuple[str, ...]:
    """Where a fact lives in a program file: ``credits`` -> ("credits",), ``gre`` -> ("admissions", "gre")."""
    return FACT_PATHS.get(fact, (fact,))


class ProgramSource(Source):
    """A source for a program, naming the facts it supports."""

    supports: UniqueList[ProgramFact] = Field(description="The program fields this source states.")


class Credits(Model):
    """How many credits the degree takes."""

    amount: PositiveNumber = Field(description="Number of credits (or courses) required.")
    unit: CreditUnit = Field(description="What the number counts.")


class Tuition(Model):
    """A price exactly as the school states it."""

    amount: Money = Field(description="The amount, in the school's currency.")
    currency: CurrencyCode
    basis: TuitionBasis = Field(description="What the amount pays for.")
    academic_year: AcademicYear = Field(description="The academic year the price applies to, e.g. '2025-26'.")
    student_group: StudentGroup | None = Field(None, description="Who pays this price, if it differs by group.")
    note: Line | None = Field(None, description="Who or what the price is for when no group fits, in the page's "
                                                "terms, e.g. 'students from outside the institute'.")


class Fee(Tuition):
    """A mandatory fee the school states apart from tuition (the note says what it is, e.g. 'technology fee')."""


class OutcomesReport(Model):
    """The school's own report on what the program's graduates went on to do (jobs, salaries, further study)."""

    url: HttpsUrl = Field(description="The report's address on the school's own site.")
    title: Line = Field(description="The report's title, as the school gives it.")
    year: Line = Field(description="The graduating year or academic year the figures cover, as the report states "
                                   "it, e.g. '2024' or '2023-24'.")
    cohort: Line = Field(description="Whose outcomes the figures cover, as the report says, e.g. 'MS in Machine "
                                     "Learning graduates' or 'all master's graduates of the school'.")


class Program(Model):
    """data/programs/<slug>.yml: one real master's program."""

    university: Line = Field(description="Official name of the university.")
    title: Line = Field(description="Program title as the school writes it.")
    degree_type: DegreeTypeId
    country: CountryCode
    city: Line | None = Field(None, description="City of the main campus.")
    delivery: UniqueList[Delivery] | None = Field(None, description="How the program is taught.")
    pace: UniqueList[Pace] | None = Field(None, description="Full-time, part-time or both.")
    credits: Credits | None = Field(None, description="Credits required to graduate.")
    duration: MonthRange | None = Field(None, description="Typical time to finish.")
    final_projects: UniqueList[FinalProject] | None = Field(None, description="Culminating experiences on offer.")
    languages: UniqueList[LanguageCode] | None = Field(None, description="Languages of instruction.")
    start_terms: UniqueList[StartTerm] | None = Field(None, description="When new students can start.")
    tuition: list[Tuition] | None = Field(
        None, min_length=1, description="Tuition as stated by the school: one entry per price (student group or year).")
    fees: list[Fee] | None = Field(None, min_length=1, description="Mandatory fees stated apart from tuition.")
    admissions: Admissions | None = Field(None, description="Tests, prerequisites and the application fee.")
    deadlines: list[Deadline] | None = Field(None, min_length=1, description="Application deadlines, each for one entry term.")
    funding: Funding | None = Field(None, description="Funding for master's students.")
    cip_code: Annotated[str, Field(pattern=r"^\d{2}\.\d{4}$")] | None = Field(
        None, description="US programs: the Classification of Instructional Programs code the school states, e.g. 11.0102.")
    outcomes_report: OutcomesReport | None = Field(
        None, description="The school's own employment or salary report for the program's graduates, if it publishes one.")
    official_url: HttpsUrl = Field(description="The program's official page.")
    sources: list[ProgramSource] = Field(min_length=1, description="Pages that state the facts above.")
    last_verified: IsoDate = Field(description="Date the facts were last checked against the sources.")
    notes: Text | None = Field(None, description="Anything else a reader should know, in your own words.")
