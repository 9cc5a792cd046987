"""The program directory table, the compare tool's container, and directory-wide sentences.

Python formats, the scripts only arrange: every string the directory and compare scripts show
comes from here (labels, options, display values), keyed by the stable keys of :mod:`macros.facts`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import get_args

from markupsafe import Markup

from . import facts, facts_json
from . import formatting as fmt
from . import models
from .dataset import Dataset
from .derived import OLD_PRICE_AFTER_YEARS, estimated_total, is_old_price, reference_price, tuition_range
from .html import attr, data_label, link, text
from .paths import DIRECTORY_PAGE, PROGRAM_NAMES_JSON, SHORTLIST_PAGE, program_facts, program_url, relative


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
    Column("pace", "text"),
    Column("country", "text"),
    Column("typical-length", "number"),
    Column("final-project", "text"),
    Column("estimated-total", "number"),
)
#: Sort keys of columns that were renamed, so bookmarked URLs keep working.
SORT_ALIASES = {"tuition-as-stated": "estimated-total"}
_HEADINGS = {"program": "Program", "degree-type": "Degree type", "estimated-total": "Estimated total tuition"}
PRICE_UNKNOWN = "Price unknown"
#: Stands for the slug in the data-facts address pattern the compare and shortlist scripts fill in.
SLUG_PLACEHOLDER = "{slug}"


def heading(column: Column) -> str:
    """The heading of a column: the fact's label, or the directory's own word for it."""
    return _HEADINGS.get(column.key) or facts.BY_KEY[column.key].label


def _choices(values: Mapping[str, str], order: list[str] | None = None) -> list[list[str]]:
    keys = sorted(values, key=lambda k: (order.index(k) if order and k in order else len(order or []), values[k].casefold()))
    return [[key, values[key]] for key in keys]


#: Delivery options that match any of several values: (value, label, values matched).
DELIVERY_GROUPS = (
    ("online-any", fmt.label("online-any"), ("online", "low-residency")),
)


def filter_groups(dataset: Dataset, programs: Mapping[str, models.Program] | None = None) -> dict[str, list[list]]:
    """Options that match any of several values, as [value, label, [values matched]], when all are in use.

    The script lists each group just before the option of its first value, so the delivery filter
    says what "Online" includes instead of leaving low-residency programs out unannounced.
    ``programs`` are those of the table (default: all).
    """
    used = {d for p in (dataset.programs if programs is None else programs).values() for d in p.delivery or []}
    return {"delivery": [[value, label, list(members)] for value, label, members in DELIVERY_GROUPS
                         if used.issuperset(members)]}


def filter_options(dataset: Dataset, programs: Mapping[str, models.Program] | None = None) -> dict[str, list[list[str]]]:
    """The options of each directory filter, as [value, label] pairs in display order (only values in use).

    ``programs`` are those of the table (default: all).
    """
    programs = (dataset.programs if programs is None else programs).values()
    gre = {p.admissions.gre.policy for p in programs if p.admissions and p.admissions.gre}
    return {
        "pace": _choices({x: fmt.label(x) for p in programs for x in p.pace or []}, list(get_args(models.Pace))),
        "gre": _choices({x: fmt.label(x) for x in gre}, list(get_args(models.GrePolicy))),
        "start": _choices({x: fmt.label(x) for p in programs for x in p.start_terms or []},
                          list(get_args(models.StartTerm))),
        "language": _choices({x: fmt.LANGUAGES.get(x, x) for p in programs for x in p.languages or []}),
        "type": _choices({p.degree_type: dataset.degree_type(p.degree_type).abbreviation for p in programs}),
        "delivery": _choices({d: fmt.label(d) for p in programs for d in p.delivery or []},
                             list(get_args(models.Delivery))),
        "country": _choices({p.country: dataset.country_name(p.country) for p in programs}),
        "final": _choices({f: fmt.label(f) for p in programs for f in p.final_projects or []},
                          list(get_args(models.FinalProject))),
    }


def money_patterns(programs: Mapping[str, models.Program]) -> dict[str, str]:
    """How each currency in the directory writes an amount, with ``#`` for the digits ("$#", "SEK #")."""
    return {t.currency: fmt.money_pattern(t.currency) for p in programs.values() for t in p.tuition or []}


def script_labels(dataset: Dataset, programs: Mapping[str, models.Program] | None = None) -> dict:
    """What the directory script shows besides the table: filter options and groups, money patterns, renamed sort keys."""
    programs = dataset.programs if programs is None else programs
    # Groups are the whole directory's, so an address with one (?delivery=online-any) works on every page.
    return {"options": filter_options(dataset, programs), "groups": filter_groups(dataset),
            "money": money_patterns(programs), "aliases": SORT_ALIASES}


def currency_order(programs: Mapping[str, models.Program]) -> list[str]:
    """Currencies of the directory's prices, most used first: prices sort within one currency at a time."""
    counts: dict[str, int] = {}
    for p in programs.values():
        if price := reference_price(p):
            counts[price.currency] = counts.get(price.currency, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))


def _price_cell(p: models.Program, dataset: Dataset, today: date | None) -> str:
    """The directory's price: the estimated total with its group and year, else the stated price, else unknown."""
    if total := facts.estimated_total(p, dataset, today):
        return total[0]
    price = reference_price(p)
    return fmt.price(price, old=is_old_price(price.academic_year, today)) if price else PRICE_UNKNOWN


#: Each column's heading as the ``data-label`` of its cells: on phones every row is a card of labelled facts.
_LABELS = {c.key: data_label(heading(c)) for c in COLUMNS}


def _cell(key: str, content: Markup, sort: object = None) -> str:
    """A body cell of the column ``key``, labelled with its heading unless empty, with a sort value for number columns."""
    sort_attr = "" if sort is None else f' data-sort="{attr(sort)}"'
    return f"<td{_LABELS[key] if str(content).strip() else ''}{sort_attr}>{content}</td>"


def star_button(p: models.Program) -> str:
    """A row's star, which saves the program to the reader's shortlist (``assets/javascripts/shortlist.js``).

    It is in the HTML so the directory's start-up costs the same at any number of rows: the stylesheet
    draws its icon and shows it only when JavaScript runs (the ``hidden`` attribute keeps it from
    readers without it), and the script listens once on the table and marks only the saved programs.
    No ``title``: Material would make a tooltip component of every one at start-up (``content.tooltips``);
    the script gives a star its title when the pointer first reaches it.
    """
    label = f"Save {p.title} ({p.university}) to your shortlist"
    return f'<button type="button" class="kb-star" aria-pressed="false" aria-label="{attr(label)}" hidden></button>'


def _row(slug: str, p: models.Program, dataset: Dataset, page_url: str, currencies: list[str],
         today: date | None) -> str:
    price = reference_price(p)
    total = estimated_total(p)
    total_text = "" if total is None else f"{total:.0f}"
    # Sorting by price keeps currencies apart: all prices in the most used currency, then the next currency...
    price_sort = "" if total is None else f"{currencies.index(price.currency) * 1e10 + total:.0f}"
    gre = p.admissions.gre.policy if p.admissions and p.admissions.gre else ""
    data = {
        "data-slug": slug,
        "data-degree-type": p.degree_type,
        "data-delivery": " ".join(p.delivery or []),
        "data-pace": " ".join(p.pace or []),
        "data-country": p.country,
        "data-final": " ".join(p.final_projects or []),
        "data-gre": gre,
        "data-start": " ".join(p.start_terms or []),
        "data-language": " ".join(p.languages or []),
        "data-text": " ".join(x for x in (p.university, p.title, p.city) if x).casefold(),
        "data-total": total_text,
        "data-currency": price.currency if total is not None else "",
        "data-old": "1" if price and is_old_price(price.academic_year, today) else "",
    }
    shown = facts.shown(p, dataset, today)
    cells = [
        _cell("university", text(p.university)),
        f'<th scope="row">{link(relative(program_url(slug), page_url), p.title, external=False)}{star_button(p)}</th>',
        _cell("degree-type", text(dataset.degree_type(p.degree_type).abbreviation)),
        _cell("delivery", text(shown["delivery"])),
        _cell("pace", text(shown["pace"])),
        _cell("country", text(shown["country"])),
        _cell("typical-length", text(shown["typical-length"]), p.duration.min_months if p.duration else ""),
        _cell("final-project", text(shown["final-project"])),
        _cell("estimated-total", text(_price_cell(p, dataset, today)), price_sort),
    ]
    attributes = "".join(f' {name}="{attr(value)}"' for name, value in data.items())
    return f"<tr{attributes}>{''.join(cells)}</tr>"


def programs_table(dataset: Dataset, page_url: str = DIRECTORY_PAGE, today: date | None = None,
                   programs: Mapping[str, models.Program] | None = None, where: str = "") -> Markup:
    """The directory: one row per program, sortable and filterable by the directory script.

    ``programs`` are the rows (default: every program); ``where`` ends the caption's first part
    (" in Germany"). Prices sort by the currencies of the whole directory, so every page agrees.
    """
    programs = dataset.programs if programs is None else programs
    head = "".join(
        f'<th scope="col" data-key="{c.key}" data-sort-type="{c.sort}" aria-sort="none">{text(heading(c))}</th>'
        for c in COLUMNS
    )
    currencies = currency_order(dataset.programs)
    body = "".join(_row(slug, p, dataset, page_url, currencies, today) for slug, p in programs.items())
    count = len(programs)
    labels = json.dumps(script_labels(dataset, programs), ensure_ascii=False)
    return Markup(
        # The scripts put their search, filters and shortlist link in this empty box; the stylesheet
        # keeps its room from the first paint when JavaScript runs, so the table below never moves.
        '<div class="kb-directory-controls"></div>'
        '<div class="kb-table kb-directory-wrap" role="region" aria-label="Program directory" tabindex="0">'
        f'<table id="program-directory" class="kb-directory" data-labels="{attr(labels)}" '
        f'data-shortlist="{attr(relative(SHORTLIST_PAGE, page_url))}">'
        f'<caption>Master\'s programs in machine learning{text(where)}: <span class="kb-directory-count">all {count}</span> '
        f"programs</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def tuition_range_sentence(programs: Mapping[str, models.Program], currency: str = "USD",
                           today: date | None = None) -> Markup:
    """A sentence giving the range of estimated total tuition in the directory for one currency (current prices only)."""
    found = tuition_range(programs, currency, today)
    if found is None:
        return text(f"No program in the directory states a current, comparable price in {currency} yet.")
    low, high, count = found
    return text(
        f"Across the {count} program{'s' if count != 1 else ''} in our directory whose current price in {currency} "
        f"gives a total (prices more "
        f"than {OLD_PRICE_AFTER_YEARS} years old are left out), tuition alone comes to between about "
        f"{fmt.money(round(low), currency)} and {fmt.money(round(high), currency)}"
    )


def compare_widget(page_url: str) -> Markup:
    """The compare tool's container: its labels, where the site root is and where each program's data is.

    The script in ``assets/javascripts/compare.js`` fills it in, fetching ``facts.json`` of each
    program it shows and the picker's ``names.json`` (:mod:`macros.facts_json`); without JavaScript
    the ``<noscript>`` text points to the directory, whose table works everywhere.
    """
    labels = json.dumps(facts_json.compare_labels(), ensure_ascii=False)
    return Markup(
        f'<div id="kb-compare" data-labels="{attr(labels)}" '
        f'data-root="{attr(relative("", page_url).rstrip("/") + "/")}" '
        f'data-facts="{attr(program_facts(SLUG_PLACEHOLDER))}" data-names="{attr(PROGRAM_NAMES_JSON)}" data-max="4">'
        '<noscript><p>The side-by-side comparison needs JavaScript. Every fact it shows is also on each '
        f'program\'s own page and in the {link(relative(DIRECTORY_PAGE, page_url), "program directory", external=False)} table.</p></noscript>'
        "</div>"
    )
