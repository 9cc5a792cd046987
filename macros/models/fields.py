"""Reusable field types and the base model: what every data file's fields are built from.

Rules that a single value must follow live here (https addresses, dates, academic years,
printable text); rules that compare several values or files live in :mod:`macros.rules` and
:mod:`macros.crosscheck`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Annotated, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo,
                      model_validator)


def utc_today() -> date:
    """Today's date in UTC: the same answer on a contributor's laptop and in CI."""
    return datetime.now(timezone.utc).date()


# --- Reusable field types -------------------------------------------------------------------

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ACADEMIC_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}|\d{4}))?$")
_UNSAFE_URL_CHARS = re.compile(r"[\s<>\"'`\\{}|^]")


def _slug(value: str) -> str:
    if not SLUG.fullmatch(value):
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
    if value > utc_today():
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
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG.pattern})]
HttpsUrl = Annotated[
    str, AfterValidator(_https_url), Field(json_schema_extra={"format": "uri", "pattern": "^https://"})
]
#: A date written YYYY-MM-DD (a deadline may lie ahead).
CalendarDate = Annotated[date, BeforeValidator(_iso_date)]
#: A date something was done (a page read, facts checked): never in the future.
IsoDate = Annotated[date, BeforeValidator(_iso_date), AfterValidator(_not_future)]
AcademicYear = Annotated[
    str, AfterValidator(_academic_year), Field(json_schema_extra={"pattern": r"^\d{4}(-(\d{2}|\d{4}))?$"})
]
T = TypeVar("T")


def _no_repeats(values: list) -> list:
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        raise ValueError(f"lists {', '.join(repeated)} more than once; give each value once")
    return values


#: A list of fixed choices in which each value appears once, e.g. ``[on-campus, online]``.
UniqueList = Annotated[list[T], Field(min_length=1, json_schema_extra={"uniqueItems": True}), AfterValidator(_no_repeats)]

PositiveInt = Annotated[int, Field(gt=0)]
PositiveNumber = Annotated[int | float, Field(gt=0)]
Money = Annotated[int | float, Field(gt=0, lt=10_000_000)]


def _known(kind: str, context_key: str, fallback: re.Pattern, fallback_hint: str, where: str):
    """A validator that checks a value against the ids the rest of the data defines.

    ``make check`` and the build pass those ids in the validation context, so an unknown value is
    reported in the same round as every other field error, with the valid choices listed.
    Without a context (a model used on its own) only the form of the value is checked.
    """

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is None:
            if not fallback.fullmatch(value):
                raise ValueError(fallback_hint)
        elif value not in known:
            raise ValueError(f"unknown {kind} '{value}'; use one of: {', '.join(sorted(known))} ({where})")
        return value

    return check


COUNTRY_CODE = re.compile(r"[A-Z]{2}")
CountryCode = Annotated[
    str,
    AfterValidator(_known("country code", "country_codes", COUNTRY_CODE,
                          "write a two-letter ISO 3166-1 code in capitals, for example US or GB",
                          "add the country to data/countries.yml if it is missing")),
    Field(json_schema_extra={"pattern": "^[A-Z]{2}$"},
          description="Two-letter ISO 3166-1 code of a country in data/countries.yml, e.g. US."),
]
DegreeTypeId = Annotated[
    str,
    AfterValidator(_known("degree type", "degree_type_ids", SLUG,
                          "use lowercase letters, digits and single hyphens only (for example 'ms-ml')",
                          "the ids are defined in data/degree_types.yml")),
    Field(json_schema_extra={"pattern": SLUG.pattern}, description="Id of a degree type in data/degree_types.yml."),
]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. USD, GBP, EUR.")]

CreditUnit = Literal["us-credit-hours", "quarter-credits", "units", "ects", "uk-credits", "courses"]
Delivery = Literal["on-campus", "online", "hybrid", "low-residency"]
Pace = Literal["full-time", "part-time"]
FinalProject = Literal["thesis", "capstone", "practicum", "coursework-only"]
TuitionBasis = Literal["total", "per-credit", "per-year", "per-term"]
StudentGroup = Literal["in-state", "out-of-state", "home", "international", "eu", "non-eu", "all"]
FigureUnit = Literal["usd", "usd-per-credit", "percent", "count", "years", "months", "credits"]


class Model(BaseModel):
    """Base for every data model: unknown fields are errors and types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- Sources --------------------------------------------------------------------------------


def _no_mirror(value: object) -> object:
    if value == "mirror":
        raise ValueError("'mirror' is no longer a kind: cite the official page's own address in url with kind: "
                         "official, and put the address of the copy you read in archived_url")
    return value


class Source(Model):
    """Where a fact comes from, and when it was read."""

    url: HttpsUrl = Field(description="Address of the page that states the fact (https only).")
    title: Line = Field(description="Short title of the page, as the page gives it.")
    publisher: Line | None = Field(None, description="Organisation that publishes the page.")
    accessed: IsoDate = Field(description="Date the page was read, YYYY-MM-DD.")
    kind: Annotated[Literal["official", "third-party"], BeforeValidator(_no_mirror)] = Field(
        description="official: the school's own page or an official body's (a government or national agency); "
        "third-party: anyone else (news, guides). Program prices, deadlines and admissions need official sources."
    )
    archived_url: HttpsUrl | None = Field(
        None, description="Where only a copy of the official page could be read: the address of that copy on a web "
        "archive (the url field keeps the official address).")


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
