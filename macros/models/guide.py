"""Models of the guide's data files (everything in data/ except the program files)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .fields import (AcademicYear, Delivery, FigureUnit, FinalProject, Line, Model, Money, PositiveInt, Slug,
                     Source, Sourced, Text)

# --- Degree types ---------------------------------------------------------------------------


class DegreeType(Sourced):
    """One kind of ML master's degree."""

    id: Slug = Field(description="Short identifier that programs refer to, e.g. ms-ml.")
    title: Line = Field(description="Full name of the degree type.")
    abbreviation: Line = Field(description="How the degree is usually abbreviated.")
    orientation: Literal["research", "applied", "professional", "management"] = Field(
        description="What the degree leans towards."
    )
    focus: Text = Field(description="What the degree concentrates on, in a sentence.")
    fits: Text = Field(description="Who the degree suits, in a sentence.")
    guide_page: Annotated[str, Field(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$")] = Field(
        description="The guide page (under docs/) that explains this degree type, e.g. degree-types/ms-vs-mps.md."
    )


class DegreeTypesFile(Model):
    """data/degree_types.yml: the kinds of ML master's degree."""

    degree_types: list[DegreeType] = Field(min_length=1, description="Every degree type, in display order.")


# --- Countries ------------------------------------------------------------------------------


class Country(Model):
    """A country that programs can name."""

    code: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. US.")]
    name: Line = Field(description="Name shown to readers.")


class CountriesFile(Model):
    """data/countries.yml: the countries programs may be in."""

    countries: list[Country] = Field(min_length=1, description="Known countries.")


# --- Careers --------------------------------------------------------------------------------


class Pay(Model):
    """Median annual pay in US dollars."""

    amount: Money = Field(description="Median pay per year, USD.")
    period: Line = Field(description="When the pay was measured, as the source says, e.g. 'May 2024'.")


class Employment(Model):
    """How many people hold the job."""

    count: PositiveInt = Field(description="Number of jobs.")
    year: Line = Field(description="Year of the count.")


class Growth(Model):
    """Projected change in employment."""

    percent: Annotated[int | float, Field(ge=-100, le=1000)] = Field(description="Projected growth, percent.")
    period: Line = Field(description="Projection period as the source says, e.g. '2024-34'.")


class Track(Sourced):
    """A broad career track that ML graduates follow."""

    id: Slug = Field(description="Identifier that roles refer to.")
    name: Line = Field(description="Name of the track.")
    summary: Text = Field(description="What the track is about.")


class Role(Sourced):
    """A job that ML graduates take."""

    id: Slug = Field(description="Identifier.")
    title: Line = Field(description="Job title.")
    summary: Text = Field(description="What the job involves day to day.")
    track: Slug = Field(description="Id of a track in this file.")
    entry_education: Literal["bachelors", "masters", "doctoral"] | None = Field(
        None, description="Typical entry-level education according to the source (BLS)."
    )
    median_pay: Pay | None = Field(None, description="Median annual pay.")
    employment: Employment | None = Field(None, description="Number of jobs.")
    growth: Growth | None = Field(None, description="Projected employment growth.")


class CareersFile(Model):
    """data/careers.yml: career tracks and roles."""

    roles: list[Role] = Field(min_length=1, description="Roles, in display order.")
    tracks: list[Track] = Field(min_length=1, description="Career tracks.")


# --- Costs and figures ----------------------------------------------------------------------


class TuitionYear(Sourced):
    """One academic year of NCES Digest Table 330.50 (current dollars)."""

    academic_year: AcademicYear = Field(description="Academic year, e.g. '2021-22'.")
    all_institutions: Money = Field(description="Average graduate tuition and required fees, all institutions.")
    public: Money = Field(description="Average at public institutions.")
    private: Money = Field(description="Average at private institutions.")
    note: Text | None = Field(None, description="Anything a reader should know about this row, e.g. how it was checked.")


class CostsFile(Model):
    """data/costs.yml: average graduate tuition from NCES."""

    nces_graduate_tuition: list[TuitionYear] = Field(
        min_length=1, description="Rows of NCES Digest Table 330.50, oldest first."
    )

    @model_validator(mode="after")
    def _chronological(self) -> CostsFile:
        years = [row.academic_year for row in self.nces_graduate_tuition]
        if years != sorted(years) or len(set(years)) != len(years):
            raise ValueError("rows must be in chronological order with each academic year once")
        return self


class Figure(Sourced):
    """A stand-alone number quoted in the guide's prose."""

    id: Slug = Field(description="Identifier used in pages: {{ figure('id') }}.")
    label: Line = Field(description="What the number measures.")
    value: Annotated[int | float, Field(ge=0)] = Field(description="The number.")
    unit: FigureUnit = Field(description="How to read and format the number.")
    period: Line = Field(description="When the number applies, as the source says.")


class FiguresFile(Model):
    """data/figures.yml: stand-alone numbers."""

    figures: list[Figure] = Field(min_length=1, description="Figures quoted in the guide.")


# --- Curriculum, electives, final projects, formats, glossary -------------------------------


class CourseExample(Model):
    """A real course title offered by a program in the directory."""

    title: Line = Field(description="Course title as the school writes it.")
    program: Slug = Field(description="Slug of a program in data/programs/.")


class CoreArea(Sourced):
    """One of the core areas every ML master's teaches."""

    id: Slug = Field(description="Identifier.")
    name: Line = Field(description="Name of the area.")
    summary: Text = Field(description="What students learn.")
    example_courses: list[CourseExample] = Field(default_factory=list, description="Real courses in this area.")


class Specialisation(Sourced):
    """A subject that AI-centred or data-science-centred programs add."""

    id: Slug = Field(description="Identifier.")
    name: Line = Field(description="Name of the subject.")
    track: Literal["ai-centred", "data-science-centred"] = Field(description="Which kind of program adds it.")
    summary: Text = Field(description="What students learn.")


class CurriculumFile(Model):
    """data/curriculum.yml: core areas and specialisation add-ons."""

    core_areas: list[CoreArea] = Field(min_length=1, description="Core areas, in display order.")
    specialisations: list[Specialisation] = Field(min_length=1, description="Add-ons by specialisation.")


class ElectiveFamily(Sourced):
    """A family of elective courses."""

    id: Slug = Field(description="Identifier that courses refer to.")
    name: Line = Field(description="Name of the family.")
    summary: Text = Field(description="What courses in this family do for a student.")


class ElectiveCourse(Sourced):
    """A real elective course."""

    title: Line = Field(description="Course title as the school writes it.")
    family: Slug = Field(description="Id of an elective family.")
    program: Slug = Field(description="Slug of the program that offers it.")


class ElectivesFile(Model):
    """data/electives.yml: elective families and real courses."""

    families: list[ElectiveFamily] = Field(min_length=1, description="Elective families.")
    courses: list[ElectiveCourse] = Field(min_length=1, description="Real elective courses.")


class FinalProjectOption(Sourced):
    """A kind of culminating experience."""

    id: FinalProject = Field(description="Identifier, also used by programs' final_projects.")
    name: Line = Field(description="Name shown to readers.")
    what: Text = Field(description="What the student does.")
    suits: Text = Field(description="Who it suits.")


class FinalProjectsFile(Model):
    """data/final_projects.yml: the kinds of final project."""

    options: list[FinalProjectOption] = Field(min_length=1, description="Final-project options.")


class StudyFormat(Sourced):
    """A way of taking a program."""

    id: Delivery = Field(description="Identifier, also used by programs' delivery.")
    name: Line = Field(description="Name shown to readers.")
    description: Text = Field(description="What the format means in practice.")
    good_for: Text = Field(description="Who it suits.")
    watch_out: Text = Field(description="What to check before choosing it.")


class StudyFormatsFile(Model):
    """data/study_formats.yml: study formats."""

    formats: list[StudyFormat] = Field(min_length=1, description="Study formats.")


_TERM = re.compile(r"^[^\[\]\n]+$")


class GlossaryTerm(Model):
    """A term explained in the glossary and shown as a tooltip wherever it appears."""

    term: Annotated[str, Field(pattern=_TERM.pattern, description="Exact, case-sensitive text to explain.")]
    aliases: list[Annotated[str, Field(pattern=_TERM.pattern)]] = Field(
        default_factory=list, description="Other exact forms that get the same tooltip, such as plurals."
    )
    expansion: Line = Field(description="Short text for the tooltip.")
    definition: Text = Field(description="One or two sentences for the glossary page.")
    sources: list[Source] = Field(default_factory=list, description="Sources for any fact in the definition.")


class GlossaryFile(Model):
    """data/glossary.yml: terms and their meanings."""

    terms: list[GlossaryTerm] = Field(min_length=1, description="Glossary terms.")
