"""The program directory table, the compare tool's container and data, and directory-wide sentences.

Python formats, the scripts only arrange: every string the directory and compare scripts show
comes from here (labels, options, display values), keyed by the stable keys of :mod:`macros.facts`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import get_args

from markupsafe import Markup

from . import facts
from . import formatting as fmt
from . import models
from .dataset import Dataset
from .derived import estimated_total, tuition_range
from .html import attr, link, text
from .paths import COMPARE_JSON, DIRECTORY_PAGE, program_url, relative
from .tables import program_name


@dataclass(frozen=True)
class Column:
    """A column of the directory table; ``key`` also names it in shareable URLs (``?sort=key``)."""

    key: str
    sort: str  # "text" or "number"


#: The directory's columns, in order. The keys match the URLs bookmarked before keys existed.
COLUMNS = (
    Column("university", "text"),
    Column("program", "text"),
    Column("degree-type", "text"),
    Column("delivery", "text"),
    Column("country", "text"),
    Column("typical-length", "number"),
    Column("tuition-as-stated", "number"),
)
_HEADINGS = {"program": "Program", "degree-type": "Degree type"}


def heading(column: Column) -> str:
    """The heading of a column: the fact's label, or the directory's own word for it."""
    return _HEADINGS.get(column.key) or facts.BY_KEY[column.key].label


def _choices(values: Mapping[str, str], order: list[str] | None = None) -> list[list[str]]:
    keys = sorted(values, key=lambda k: (order.index(k) if order and k in order else len(order or []), values[k].casefold()))
    return [[key, values[key]] for key in keys]


def filter_options(dataset: Dataset) -> dict[str, list[list[str]]]:
    """The options of each directory filter, as [value, label] pairs in display order (only values in use)."""
    programs = dataset.programs.values()
    return {
        "type": _choices({p.degree_type: dataset.degree_type(p.degree_type).abbreviation for p in programs}),
        "delivery": _choices({d: fmt.label(d) for p in programs for d in p.delivery or []},
                             list(get_args(models.Delivery))),
        "country": _choices({p.country: dataset.country_name(p.country) for p in programs}),
        "final": _choices({f: fmt.label(f) for p in programs for f in p.final_projects or []},
                          list(get_args(models.FinalProject))),
    }


def money_patterns(programs: Mapping[str, models.Program]) -> dict[str, str]:
    """How each currency in the directory writes an amount, with ``#`` for the digits ("$#", "SEK #")."""
    return {p.tuition.currency: fmt.money_pattern(p.tuition.currency) for p in programs.values() if p.tuition}


def script_labels(dataset: Dataset) -> dict:
    """What the directory script shows besides the table: filter options and money patterns."""
    return {"options": filter_options(dataset), "money": money_patterns(dataset.programs)}


def _row(slug: str, p: models.Program, dataset: Dataset, page_url: str) -> str:
    total = estimated_total(p)
    total_text = "" if total is None else f"{total:.0f}"
    data = {
        "data-slug": slug,
        "data-degree-type": p.degree_type,
        "data-delivery": " ".join(p.delivery or []),
        "data-country": p.country,
        "data-final": " ".join(p.final_projects or []),
        "data-total": total_text,
        "data-currency": p.tuition.currency if p.tuition else "",
    }
    shown = facts.shown(p, dataset)
    cells = [
        f"<td>{text(p.university)}</td>",
        f'<th scope="row">{link(relative(program_url(slug), page_url), p.title, external=False)}</th>',
        f"<td>{text(dataset.degree_type(p.degree_type).abbreviation)}</td>",
        f"<td>{text(shown['delivery'])}</td>",
        f"<td>{text(shown['country'])}</td>",
        f'<td data-sort="{p.duration.min_months if p.duration else ""}">{text(shown["typical-length"])}</td>',
        f'<td data-sort="{total_text}">{text(shown["tuition-as-stated"])}</td>',
    ]
    attributes = "".join(f' {name}="{attr(value)}"' for name, value in data.items())
    return f"<tr{attributes}>{''.join(cells)}</tr>"


def programs_table(dataset: Dataset, page_url: str = DIRECTORY_PAGE) -> Markup:
    """The directory: one row per program, sortable and filterable by the directory script."""
    head = "".join(
        f'<th scope="col" data-key="{c.key}" data-sort-type="{c.sort}" aria-sort="none">{text(heading(c))}</th>'
        for c in COLUMNS
    )
    body = "".join(_row(slug, p, dataset, page_url) for slug, p in dataset.programs.items())
    return Markup(
        '<div class="kb-table" role="region" aria-label="Program directory" tabindex="0">'
        f'<table id="program-directory" class="kb-directory" data-labels="{attr(json.dumps(script_labels(dataset), ensure_ascii=False))}">'
        '<caption>Master\'s programs in machine learning '
        f"({len(dataset.programs)} programs)</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def tuition_range_sentence(programs: Mapping[str, models.Program], currency: str = "USD") -> Markup:
    """A sentence giving the range of estimated total tuition in the directory for one currency."""
    found = tuition_range(programs, currency)
    if found is None:
        return text(f"No program in the directory states a comparable price in {currency} yet.")
    low, high, count = found
    return text(
        f"Across the {count} programs in our directory whose stated price in {currency} gives a total, "
        f"tuition alone comes to between about {fmt.money(round(low), currency)} and {fmt.money(round(high), currency)}"
    )


def compare_data(dataset: Dataset) -> dict:
    """What the compare script shows, already formatted: the rows, and each program's display values.

    Programs come in the order the picker lists them (by name); ``page`` is each program page's
    URL relative to the site root and ``links`` holds the addresses of facts shown as links.
    """
    ordered = sorted(dataset.programs.items(), key=lambda item: program_name(item[1]).casefold())
    return {
        "rows": [[fact.key, fact.label] for fact in facts.FACTS],
        "not_stated": facts.NOT_STATED,
        "programs": {
            slug: {"name": program_name(p), "title": p.title, "page": program_url(slug),
                   "values": facts.shown(p, dataset), "links": {"official-page": p.official_url}}
            for slug, p in ordered
        },
    }


def compare_widget(page_url: str) -> Markup:
    """The compare tool's container: where to fetch its data and where the site root is.

    The script in ``assets/javascripts/compare.js`` fills it in; without JavaScript the
    ``<noscript>`` text points to the directory, whose table works everywhere.
    """
    return Markup(
        f'<div id="kb-compare" data-src="{attr(relative(COMPARE_JSON, page_url))}" '
        f'data-root="{attr(relative("", page_url).rstrip("/") + "/")}" data-max="4">'
        '<noscript><p>The side-by-side comparison needs JavaScript. Every fact it shows is also on each '
        f'program\'s own page and in the {link(relative(DIRECTORY_PAGE, page_url), "program directory", external=False)} table.</p></noscript>'
        "</div>"
    )

