"""Models of the guide's data files (everything in data/ except the program files)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .admissions import Topic
from .fields import (AcademicYear, CurrencyCode, Delivery, FigureUnit, FinalProject, Line, Model, Money, Pace, PositiveInt, Slug,
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


# --- Degree finder and prerequisite self-check (docs/degree-types/finder.md, docs/admissions/self-check.md) --------

DirectoryDelivery = Literal["on-campus", "online", "hybrid", "low-residency", "online-any"]
_ANSWER = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"


class DirectoryFilter(Model):
    """Filters an answer adds to the finder's link into the program directory (its URL keys)."""

    delivery: DirectoryDelivery | None = Field(
        None, description="A delivery, or online-any for online including low residency.")
    pace: Pace | None = Field(None, description="full-time or part-time.")
    final: FinalProject | None = Field(None, description="A final project the programs offer.")
    max: PositiveInt | None = Field(None, description="Highest estimated total tuition, in `currency`.")
    currency: CurrencyCode | None = Field(None, description="Currency of `max`, e.g. USD.")

    @model_validator(mode="after")
    def _budget_has_a_currency(self) -> DirectoryFilter:
        if (self.max is None) != (self.currency is None):
            raise ValueError("give max and currency together: the directory compares a budget in one currency")
        if not any(getattr(self, name) is not None for name in type(self).model_fields):
            raise ValueError("name at least one filter, or leave out `directory`")
        return self


class FinderOption(Model):
    """One answer to a finder question."""

    id: Slug = Field(description="Identifier; degree types name it as question/option, e.g. aim/research.")
    label: Line = Field(description="The answer as the reader sees it.")
    directory: DirectoryFilter | None = Field(
        None, description="Filters this answer adds to the link into the program directory.")


class FinderQuestion(Model):
    """A question of the degree finder."""

    id: Slug = Field(description="Identifier, e.g. aim.")
    name: Line = Field(description="A short name for tables, e.g. 'Aim'.")
    question: Line = Field(description="The question as the reader sees it.")
    weight: PositiveInt = Field(1, description="Points a fitting answer to this question gives a degree type.")
    options: list[FinderOption] = Field(min_length=2, description="The answers, in display order.")

    @model_validator(mode="after")
    def _unique_options(self) -> FinderQuestion:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"each answer id may appear once in a question; repeated: "
                             f"{', '.join(sorted({i for i in ids if ids.count(i) > 1}))}")
        return self


class FinderFit(Model):
    """An answer that fits a degree type, with the reason in plain words."""

    answer: Annotated[str, Field(pattern=_ANSWER)] = Field(
        description="question id/option id, e.g. aim/research.")
    reason: Text = Field(description="Why the answer points to this degree type, consistent with its guide page.")


class FinderType(Model):
    """The answers that fit one degree type."""

    degree_type: Slug = Field(description="Id of a degree type in data/degree_types.yml.")
    fits: list[FinderFit] = Field(min_length=1, description="Answers that fit this degree type.")


class SelfCheckRating(Model):
    """How a reader rates themselves on a topic."""

    id: Slug = Field(description="Identifier.")
    label: Line = Field(description="The rating as the reader sees it.")
    gap: bool = Field(description="true when this rating means the topic is a gap to close before applying.")


class PreparationRoute(Model):
    """A way to prepare for one topic: a section of docs/admissions/preparation.md."""

    section: Slug = Field(description="Anchor of a section of docs/admissions/preparation.md, e.g. "
                                      "route-2-college-courses-for-credit.")
    label: Line = Field(description="Name of the route.")
    summary: Text = Field(description="What the route means for this topic, in a sentence or two.")


class SelfCheckTopic(Model):
    """A prerequisite topic of the self-check."""

    topic: Topic = Field(description="A prerequisite topic, as programs' admissions.prerequisites.topics name it.")
    expect: Text = Field(description="What programs typically expect, in a sentence.")
    routes: list[PreparationRoute] = Field(min_length=1, description="Ways to prepare, best first.")
    sources: list[Source] = Field(default_factory=list, description="Sources for any fact in the text above.")


class FinderFile(Model):
    """data/finder.yml: the degree finder's questions and rules, and the prerequisite self-check's topics."""

    show: PositiveInt = Field(3, description="How many of the best-fitting degree types the finder shows.")
    questions: list[FinderQuestion] = Field(min_length=1, description="The finder's questions, in display order.")
    degree_types: list[FinderType] = Field(min_length=1, description="For each degree type, the answers that fit it.")
    ratings: list[SelfCheckRating] = Field(min_length=2, description="The self-check's ratings, in display order.")
    topics: list[SelfCheckTopic] = Field(min_length=1, description="The self-check's topics, in display order.")

    @model_validator(mode="after")
    def _ratings_tell_gaps_apart(self) -> FinderFile:
        if len({r.gap for r in self.ratings}) != 2:
            raise ValueError("the ratings need at least one with gap: true and one with gap: false")
        return self


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
