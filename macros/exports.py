"""Open data: programs.json and programs.csv, generated from the validated program data.

``programs.json`` keeps every value exactly. ``programs.csv`` is for spreadsheets, so a cell that a
spreadsheet would run as a formula is neutralised the way OWASP recommends (see :func:`csv_cell`).
"""

from __future__ import annotations

import csv
import io
import json

from . import models
from .derived import estimated_total, reference_price
from .paths import schema_url

LICENSE = "CC-BY-4.0"

#: The version of the published data format; raised only when a field changes meaning or goes away.
#: Version 2: ``tuition`` became a list of prices, and sources lost the kind "mirror" (see archived_url).
FORMAT_VERSION = 2

#: A cell starting with one of these is read as a formula by spreadsheet programs (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "slug", "university", "title", "degree_type", "country", "city", "delivery", "pace",
    "credits_amount", "credits_unit", "duration_min_months", "duration_max_months", "final_projects",
    "languages", "start_terms",
    "tuition_amount", "tuition_currency", "tuition_basis", "tuition_academic_year", "tuition_student_group",
    "tuition_all", "estimated_total", "fees",
    "gre_policy", "gre_cycle", "english_tests", "prerequisite_topics", "degree_fields", "degree_in_field",
    "application_fee_amount", "application_fee_currency", "application_fee_cycle",
    "deadlines", "funding_offers", "funding_note", "cip_code",
    "outcomes_report_url", "outcomes_report_title", "outcomes_report_year", "outcomes_report_cohort",
    "official_url", "last_verified", "source_urls", "archived_urls", "notes",
]


def program_record(slug: str, program: models.Program) -> dict:
    """One program as plain JSON data: its slug plus every field that is set."""
    return {"slug": slug, **program.model_dump(mode="json", exclude_none=True)}


def programs_json(programs: dict[str, models.Program], site_url: str) -> str:
    """The versioned JSON export of every program."""
    document = {
        "format": "ml-masters-guide/programs",
        "version": FORMAT_VERSION,
        "license": LICENSE,
        "schema": f"{site_url}{schema_url('program')}",
        "source": site_url,
        "count": len(programs),
        "programs": [program_record(slug, p) for slug, p in programs.items()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _join(values) -> str:
    return ";".join(str(v) for v in values or [])


def _price(t: models.Tuition | models.Fee) -> str:
    """One price in a compact form: '1139 USD per-credit 2024-25 all', then any note in parentheses."""
    values = " ".join(str(v) for v in (t.amount, t.currency, t.basis, t.academic_year, t.student_group) if v is not None)
    return f"{values} ({t.note})" if t.note else values


def _csv_row(slug: str, p: models.Program) -> dict[str, object]:
    price = reference_price(p)
    total = estimated_total(p)
    admissions = p.admissions or models.Admissions()
    gre, fee, prerequisites = admissions.gre, admissions.application_fee, admissions.prerequisites
    return {
        "slug": slug,
        "university": p.university,
        "title": p.title,
        "degree_type": p.degree_type,
        "country": p.country,
        "city": p.city or "",
        "delivery": _join(p.delivery),
        "pace": _join(p.pace),
        "credits_amount": p.credits.amount if p.credits else "",
        "credits_unit": p.credits.unit if p.credits else "",
        "duration_min_months": p.duration.min_months if p.duration else "",
        "duration_max_months": (p.duration.max_months or "") if p.duration else "",
        "final_projects": _join(p.final_projects),
        "languages": _join(p.languages),
        "start_terms": _join(p.start_terms),
        # The price the directory compares (newest year; the group without a residency advantage first).
        "tuition_amount": price.amount if price else "",
        "tuition_currency": price.currency if price else "",
        "tuition_basis": price.basis if price else "",
        "tuition_academic_year": price.academic_year if price else "",
        "tuition_student_group": (price.student_group or "") if price else "",
        "tuition_all": _join(_price(t) for t in p.tuition or []),
        "estimated_total": "" if total is None else round(total),
        "fees": _join(_price(f) for f in p.fees or []),
        "gre_policy": gre.policy if gre else "",
        "gre_cycle": (gre.cycle or "") if gre else "",
        "english_tests": _join(f"{t.test} {t.minimum}{f' ({t.note})' if t.note else ''}"
                               for t in admissions.english_tests or []),
        "prerequisite_topics": _join(prerequisites.topics if prerequisites else None),
        "degree_fields": (prerequisites.degree_fields or "") if prerequisites else "",
        "degree_in_field": (prerequisites.degree_in_field or "") if prerequisites else "",
        "application_fee_amount": fee.amount if fee else "",
        "application_fee_currency": fee.currency if fee else "",
        "application_fee_cycle": (fee.cycle or "") if fee else "",
        "deadlines": _join(f"{d.date.isoformat()} {d.term} {d.applies_to}{' ' + d.round if d.round else ''}"
                           for d in p.deadlines or []),
        "funding_offers": p.funding.offers if p.funding else "",
        "funding_note": (p.funding.note or "") if p.funding else "",
        "cip_code": p.cip_code or "",
        **{f"outcomes_report_{part}": getattr(p.outcomes_report, part) if p.outcomes_report else ""
           for part in ("url", "title", "year", "cohort")},
        "official_url": p.official_url,
        "last_verified": p.last_verified.isoformat(),
        "source_urls": " ".join(dict.fromkeys(s.url for s in p.sources)),
        "archived_urls": " ".join(dict.fromkeys(s.archived_url for s in p.sources if s.archived_url)),
        "notes": p.notes or "",
    }


def programs_csv(programs: dict[str, models.Program]) -> str:
    """The CSV export: one row per program, list fields joined with ';', formula-like text neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for slug, program in programs.items():
        writer.writerow({column: csv_cell(value) for column, value in _csv_row(slug, program).items()})
    return buffer.getvalue()


def csv_cell(value: object) -> object:
    """A value made safe for a spreadsheet: text that would start a formula gets a leading apostrophe.

    Spreadsheets show the apostrophe's text as plain text and do not run it. Numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
