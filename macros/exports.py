"""Open data: programs.json, programs.csv and the compare data, generated from the validated program data.

``programs.json`` keeps every value exactly. ``programs.csv`` is for spreadsheets, so a cell that a
spreadsheet would run as a formula is neutralised the way OWASP recommends (see :func:`csv_cell`).
"""

from __future__ import annotations

import csv
import io
import json

from . import models
from .paths import schema_url

LICENSE = "CC-BY-4.0"

#: The version of the published data format; raised only when a field changes meaning or goes away.
FORMAT_VERSION = 1

#: A cell starting with one of these is read as a formula by spreadsheet programs (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "slug", "university", "title", "degree_type", "country", "city", "delivery", "pace",
    "credits_amount", "credits_unit", "duration_min_months", "duration_max_months", "final_projects",
    "tuition_amount", "tuition_currency", "tuition_basis", "tuition_academic_year", "tuition_student_group",
    "official_url", "last_verified", "source_urls", "notes",
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


def _csv_row(slug: str, p: models.Program) -> dict[str, object]:
    def join(values: list[str] | None) -> str:
        return ";".join(values or [])

    return {
        "slug": slug,
        "university": p.university,
        "title": p.title,
        "degree_type": p.degree_type,
        "country": p.country,
        "city": p.city or "",
        "delivery": join(p.delivery),
        "pace": join(p.pace),
        "credits_amount": p.credits.amount if p.credits else "",
        "credits_unit": p.credits.unit if p.credits else "",
        "duration_min_months": p.duration.min_months if p.duration else "",
        "duration_max_months": (p.duration.max_months or "") if p.duration else "",
        "final_projects": join(p.final_projects),
        "tuition_amount": p.tuition.amount if p.tuition else "",
        "tuition_currency": p.tuition.currency if p.tuition else "",
        "tuition_basis": p.tuition.basis if p.tuition else "",
        "tuition_academic_year": p.tuition.academic_year if p.tuition else "",
        "tuition_student_group": (p.tuition.student_group or "") if p.tuition else "",
        "official_url": p.official_url,
        "last_verified": p.last_verified.isoformat(),
        "source_urls": " ".join(dict.fromkeys(s.url for s in p.sources)),
        "notes": p.notes or "",
    }


def csv_cell(value: object) -> object:
    """A value made safe for a spreadsheet: text that would start a formula gets a leading apostrophe.

    Spreadsheets show the apostrophe's text as plain text and do not run it. Numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def programs_csv(programs: dict[str, models.Program]) -> str:
    """The CSV export: one row per program, list fields joined with ';', formula-like text neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for slug, program in programs.items():
        writer.writerow({column: csv_cell(value) for column, value in _csv_row(slug, program).items()})
    return buffer.getvalue()


def compare_json(data: dict) -> str:
    """The compare tool's data (see :func:`macros.directory.compare_data`) as compact JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
