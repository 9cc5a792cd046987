"""Typed models: the single source of truth for the shape of every data file.

Validation, the JSON Schemas published with the site and the data reference page are all
generated from these classes. Each field's ``description`` is what contributors read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

# --- Reusable field types -------------------------------------------------------------------

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ACADEMIC_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}|\d{4}))?$")
_UNSAFE_URL_CHARS = re.compile(r"[\s<>\"'`\\{}|^]")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError("use lowercase letters, digits and single hyphens only (for example 'ms-ml')")
    return value


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError("must be a web address starting with https://")
    if not parts.hostname or "." not in parts.hostname or _UNSAFE_URL_CHARS.search(value):
        raise ValueError("must be a complete https:// address with a host name and no spaces or quotes")
    return value


def _iso_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("write the date as YYYY-MM-DD, for example 2026-11-25")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("is not a real calendar date; write it as YYYY-MM-DD") from None


def _not_future(value: date) -> date:
    if value > date.today():
        raise ValueError(f"is in the future ({value.isoformat()}); use the date you read the source")
    return value


def _academic_year(value: str) -> str:
    match = _ACADEMIC_YEAR.fullmatch(value)
    if not match:
        raise ValueError("write an academic year as '2024-25' (or '1999-2000') or a calendar year as '2025', in quotes")
    start, end = match.groups()
    if end is not None and int(end) != (int(start) + 1) % (10 ** len(end)):
        raise ValueError(f"'{value}' is not one academic year; the second part must follow the first")
    return value


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _printable(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("contains an invisible control character; retype the text without it")
    return value


def _single_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be a single line of text")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_printable)]
Line = Annotated[Text, AfterValidator(_single_line)]
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": _SLUG.pattern})]
HttpsUrl = Annotated[
    str, AfterValidator(_https_url), Field(json_schema_extra={"format": "uri", "pattern": "^https://"})
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(_not_future),
]
AcademicYear = Annotated[
    str, AfterValidator(_academic_year), Field(json_schema_extra={"pattern": r"^\d{4}(-(\d{2}|\d{4}))?$"})
]
PositiveInt = Annotated[int, Field(gt=0)]
PositiveNumber = Annotated[int | float, Field(gt=0)]
Money = Annotated[int | float, Field(gt=0, lt=10_000_000)]

CreditUnit = Literal["us-credit-hours", "quarter-credits", "units", "ects", "uk-credits", "courses"]
Delivery = Literal["on-campus", "online", "hybrid", "low-residency"]
Pace = Literal["full-time", "part-time"]
FinalProject = Literal["thesis", "capstone", "practicum", "coursework-only"]
TuitionBasis = Literal["total", "per-credit", "per-year", "per-term"]
StudentGroup = Literal["in-state", "out-of-state", "home", "international", "all"]
FigureUnit = Literal["usd", "usd-per-credit", "percent", "count", "years", "months", "credits"]


class Model(BaseModel):
    """Base for every data model: unknown fields are errors and types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- Sources --------------------------------------------------------------------------------


class Source(Model):
    """Where a fact comes from, and when it was read."""

    url: HttpsUrl = Field(description="Address of the page that states the fact (https only).")
    title: Line = Field(description="Short title of the page, as the page gives it.")
    publisher: Line | None = Field(None, description="Organisation that publishes the page.")
    accessed: IsoDate = Field(description="Date the page was read, YYYY-MM-DD.")
    kind: Literal["official", "mirror", "third-party"] = Field(
        description="official: the school's or agency's own page; mirror: a copy of an official "
        "document; third-party: anyone else (guides, news). Prefer official sources."
    )


Sources = Annotated[list[Source], Field(min_length=1, description="At least one source for the facts above.")]


class Sourced(Model):
    """An entry whose facts carry their sources."""

    sources: Sources


# --- Ranges ---------------------------------------------------------------------------------


class CreditRange(Model):
    """A typical number of credits, in one unit."""

    min: PositiveNumber = Field(description="Smallest typical number of credits.")
    max: PositiveNumber | None = Field(None, description="Largest typical number, if it varies.")
    unit: CreditUnit = Field(description="What the credits count.")

    @model_validator(mode="after")
    def _ordered(self) -> CreditRange:
        if self.max is not None and self.max < self.min:
            raise ValueError("max must not be smaller than min")
        return self


class MonthRange(Model):
    """A typical time to finish, in months."""

    min_months: PositiveInt = Field(description="Shortest typical time, in months.")
    max_months: PositiveInt | None = Field(None, description="Longest typical time, in months.")

    @model_validator(mode="after")
    def _ordered(self) -> MonthRange:
        if self.max_months is not None and self.max_months < self.min_months:
            raise ValueError("max_months must not be smaller than min_months")
        return self


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
    credits: CreditRange | None = Field(None, description="Typical credits of sourced programs of this type.")
    duration: MonthRange | None = Field(None, description="Typical full-time length of sourced programs.")


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


# --- Programs -------------------------------------------------------------------------------

ProgramFact = Literal[
    "university", "title", "city", "delivery", "pace", "credits", "duration", "final_projects", "tuition", "notes"
]


class ProgramSource(Source):
    """A source for a program, naming the facts it supports."""

    supports: list[ProgramFact] = Field(min_length=1, description="The program fields this source states.")


class Credits(Model):
    """How many credits the degree takes."""

    amount: PositiveNumber = Field(description="Number of credits (or courses) required.")
    unit: CreditUnit = Field(description="What the number counts.")


class Tuition(Model):
    """A price exactly as the school states it."""

    amount: Money = Field(description="The amount, in the school's currency.")
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. USD, GBP, EUR.")]
    basis: TuitionBasis = Field(description="What the amount pays for.")
    academic_year: AcademicYear = Field(description="The academic year the price applies to, e.g. '2025-26'.")
    student_group: StudentGroup | None = Field(None, description="Who pays this price, if it differs by group.")


class Program(Model):
    """data/programs/<slug>.yml: one real master's program."""

    university: Line = Field(description="Official name of the university.")
    title: Line = Field(description="Program title as the school writes it.")
    degree_type: Slug = Field(description="Id of a degree type in data/degree_types.yml.")
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code in data/countries.yml.")]
    city: Line | None = Field(None, description="City of the main campus.")
    delivery: list[Delivery] | None = Field(None, min_length=1, description="How the program is taught.")
    pace: list[Pace] | None = Field(None, min_length=1, description="Full-time, part-time or both.")
    credits: Credits | None = Field(None, description="Credits required to graduate.")
    duration: MonthRange | None = Field(None, description="Typical time to finish.")
    final_projects: list[FinalProject] | None = Field(
        None, min_length=1, description="Culminating experiences on offer."
    )
    tuition: Tuition | None = Field(None, description="Tuition as stated by the school.")
    official_url: HttpsUrl = Field(description="The program's official page.")
    sources: list[ProgramSource] = Field(min_length=1, description="Pages that state the facts above.")
    last_verified: IsoDate = Field(description="Date the facts were last checked against the sources.")
    notes: Text | None = Field(None, description="Anything else a reader should know, in your own words.")

    @model_validator(mode="after")
    def _facts_have_sources(self) -> Program:
        supported = {fact for source in self.sources for fact in source.supports}
        filled = [name for name in ProgramFact.__args__ if getattr(self, name) is not None]
        missing = [name for name in filled if name not in supported]
        if missing:
            raise ValueError(
                f"no source supports {', '.join(missing)}; add the field name to the 'supports' list "
                "of the source that states it, or remove the fact"
            )
        for group in ("delivery", "pace", "final_projects"):
            values = getattr(self, group) or []
            if len(values) != len(set(values)):
                raise ValueError(f"{group} lists a value twice")
        return self


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
