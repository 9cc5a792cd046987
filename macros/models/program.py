"""The model of one program file, data/programs/<slug>.yml: the directory's single source of shape."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .fields import (AcademicYear, CountryCode, CreditUnit, CurrencyCode, DegreeTypeId, Delivery, FinalProject, HttpsUrl, IsoDate,
                     Line, Model, MonthRange, Money, Pace, PositiveNumber, Source, StudentGroup, Text,
                     TuitionBasis, UniqueList)

ProgramFact = Literal[
    "university", "title", "city", "delivery", "pace", "credits", "duration", "final_projects", "tuition", "notes"
]


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
    tuition: Tuition | None = Field(None, description="Tuition as stated by the school.")
    official_url: HttpsUrl = Field(description="The program's official page.")
    sources: list[ProgramSource] = Field(min_length=1, description="Pages that state the facts above.")
    last_verified: IsoDate = Field(description="Date the facts were last checked against the sources.")
    notes: Text | None = Field(None, description="Anything else a reader should know, in your own words.")
