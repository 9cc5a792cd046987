"""The program directory: the directory table, a page per program, and derived figures.

Pure functions: validated models in, HTML or Markdown out. The hook in ``hooks.py`` turns the
page text into files; the ``programs_table`` macro puts the directory on its page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from itertools import islice
from typing import get_args

from markupsafe import Markup

from . import formatting as fmt
from . import models
from .dataset import Dataset, is_stale
from .html import attr, block, host, link, text
from .tables import PROGRAM_PAGES

#: The guide page that explains each degree type, relative to the site root.
DEGREE_TYPE_PAGES = {
    "ms-ml": "degree-types/ms-vs-mps/",
    "mps-ml": "degree-types/ms-vs-mps/",
    "ms-ai-ml": "degree-types/concentrations/",
    "ms-ds-ml": "degree-types/concentrations/",
    "ms-ai-ml-concentration": "degree-types/concentrations/",
    "mcs-ml": "degree-types/concentrations/",
    "meng-ds-ml": "degree-types/engineering-and-management/",
    "mee-ml-sp": "degree-types/engineering-and-management/",
    "mem-da-ml": "degree-types/engineering-and-management/",
    "ms-nlp": "degree-types/specialised/",
    "ms-cv": "degree-types/specialised/",
}

FACT_LABELS = {
    "delivery": "Delivery",
    "pace": "Pace",
    "credits": "Credits to graduate",
    "duration": "Typical length",
    "final_projects": "Final project",
    "tuition": "Tuition as stated",
}


def estimated_total(program: models.Program) -> float | None:
    """Total tuition in the program's currency when the stated price allows it, else None.

    A total is stated directly, or derived from a per-credit price and the credits required, or
    from a yearly price and the typical length. Per-term prices are left alone: term counts vary.
    """
    t = program.tuition
    if t is None:
        return None
    if t.basis == "total":
        return t.amount
    if t.basis == "per-credit" and program.credits and program.credits.unit != "courses":
        return t.amount * program.credits.amount
    if t.basis == "per-year" and program.duration:
        return t.amount * program.duration.min_months / 12
    return None


def page_title(value: str) -> str:
    """A data value made safe for page titles, which Material prints unescaped.

    Angle brackets become look-alike quotes (so even the ``striptags`` filter used in ``<title>``
    cannot rebuild a tag), then the rest is HTML-escaped.
    """
    return str(text(value.replace("<", "‹").replace(">", "›")))


def _sources_for(program: models.Program, fact: str) -> Markup:
    found = [s for s in program.sources if fact in s.supports]
    links = Markup(", ").join(link(s.url, host(s.url)) for s in found)
    return Markup(f'<span class="kb-meta">Source: {links} (read {text(found[0].accessed.isoformat())})</span>') if found else Markup("")


def _fact_value(program: models.Program, fact: str) -> str:
    value = getattr(program, fact)
    if fact in ("delivery", "pace", "final_projects"):
        return fmt.labels(value)
    if fact == "credits":
        return fmt.credits(value)
    if fact == "duration":
        return fmt.months(value)
    if fact == "tuition":
        return fmt.tuition(value)
    return str(value)


def json_ld(slug: str, program: models.Program, dataset: Dataset, site_url: str) -> dict:
    """schema.org EducationalOccupationalProgram data for one program."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalProgram",
        "name": program.title,
        "url": program.official_url,
        "provider": {"@type": "CollegeOrUniversity", "name": program.university,
                     "address": {"@type": "PostalAddress", "addressCountry": program.country,
                                 **({"addressLocality": program.city} if program.city else {})}},
        "educationalCredentialAwarded": dataset.degree_type(program.degree_type).title,
        "sameAs": f"{site_url}{PROGRAM_PAGES}/{slug}/",
    }
    if program.duration:
        data["timeToComplete"] = f"P{program.duration.min_months}M"
    if program.credits:
        data["numberOfCredits"] = program.credits.amount
    modes = [*(program.delivery or []), *(program.pace or [])]
    if modes:
        data["educationalProgramMode"] = modes
    if program.tuition:
        data["offers"] = {"@type": "Offer", "price": program.tuition.amount,
                          "priceCurrency": program.tuition.currency, "category": program.tuition.basis}
    return data


def program_page(slug: str, dataset: Dataset, *, edit_url: str, issue_url: str, site_url: str,
                 today: date | None = None) -> str:
    """The Markdown source of a program's page (front matter plus one raw HTML block)."""
    program = dataset.programs[slug]
    base = "../../"
    degree = dataset.degree_type(program.degree_type)
    place = ", ".join(p for p in (program.city, dataset.country_name(program.country)) if p)
    parts: list[str] = [f"<h1>{text(program.title)}</h1>",
                        f'<p class="kb-lede">{text(program.university)} · {text(place)} · '
                        f'{link(base + DEGREE_TYPE_PAGES.get(degree.id, "degree-types/"), degree.title, external=False)}</p>']
    if is_stale(program, today):
        parts.append(
            '<div class="admonition warning"><p class="admonition-title">These facts may be out of date</p>'
            f"<p>They were last checked on {text(program.last_verified.isoformat())}, more than 18 months ago. "
            "Check the official page before you rely on them, and help by "
            f'{link(edit_url, "updating this entry", external=False)}.</p></div>'
        )
    rows = []
    for fact, name in FACT_LABELS.items():
        if getattr(program, fact) is None:
            continue
        rows.append(f"<dt>{text(name)}</dt><dd>{text(_fact_value(program, fact))}<br>{_sources_for(program, fact)}</dd>")
    total = estimated_total(program)
    if total is not None and program.tuition and program.tuition.basis != "total":
        rows.append(
            f"<dt>Estimated total tuition</dt><dd>About {text(fmt.money(round(total), program.tuition.currency))} "
            '<span class="kb-meta">(our arithmetic on the stated price; fees, living costs and price rises are not included)</span></dd>'
        )
    rows.append(f"<dt>Official page</dt><dd>{link(program.official_url, host(program.official_url))}</dd>")
    parts.append(f'<dl class="kb-facts">{"".join(rows)}</dl>')
    if program.notes:
        parts.append(f"<h2>Good to know</h2><p>{text(program.notes)}</p>{_sources_for(program, 'notes')}")
    source_items = "".join(
        f"<li>{link(s.url, s.title)} <span class=\"kb-meta\">({text(s.kind)}, read {text(s.accessed.isoformat())}; "
        f"supports: {text(', '.join(s.supports))})</span></li>"
        for s in program.sources
    )
    parts.append(f"<h2>Sources</h2><ul>{source_items}</ul>"
                 f"<p>Facts last verified on {text(program.last_verified.isoformat())}. Anything not shown was not "
                 "stated by a source we could check, so it is left blank rather than guessed.</p>")
    related = [(s, p) for s, p in islice(dataset.programs_by_type[program.degree_type].items(), 9) if s != slug][:8]
    if related:
        items = "".join(f"<li>{link(f'../{s}/', f'{p.university}: {p.title}', external=False)}</li>" for s, p in related)
        parts.append(f"<h2>Related programs</h2><p>Other programs of the type {text(degree.title)}:</p><ul>{items}</ul>")
    parts.append(
        "<h2>Improve this entry</h2><p>"
        f'{link(edit_url, "Edit this data on GitHub", external=False)} · '
        f'{link(issue_url, "Report outdated or wrong data", external=False)} · '
        f'{link(base + "programs/", "Back to the directory", external=False)} · '
        f'{link(base + "programs/compare/?p=" + slug, "Compare with other programs", external=False)}</p>'
    )
    description = f"{program.university}: {program.title}. Facts with sources: delivery, credits, length, final project and tuition."
    front = json.dumps({"title": page_title(f"{program.title}, {program.university}"),
                        "description": page_title(description[:250]), "render_macros": False,
                        # Printed into <head> by overrides/main.html (Material re-runs scripts in the content).
                        "json_ld": json_ld(slug, program, dataset, site_url),
                        # Guide pages should answer general questions before any single program does.
                        "search": {"boost": 0.3}})
    return f"---\n{front}\n---\n" + block(Markup("".join(parts)))


def script_labels() -> dict:
    """Labels and orders of fixed choices for the directory and compare scripts (one source: Python)."""
    return {
        "choices": fmt.LABELS,
        "currency_symbols": fmt.CURRENCY_SYMBOLS,
        "delivery": list(get_args(models.Delivery)),
        "final_projects": list(get_args(models.FinalProject)),
    }


def _row_data(slug: str, program: models.Program, total: float | None) -> dict[str, str]:
    return {
        "data-slug": slug,
        "data-degree-type": program.degree_type,
        "data-delivery": " ".join(program.delivery or []),
        "data-country": program.country,
        "data-final": " ".join(program.final_projects or []),
        "data-total": "" if total is None else f"{total:.0f}",
        "data-currency": program.tuition.currency if program.tuition else "",
    }


def programs_table(dataset: Dataset, base: str = "../") -> Markup:
    """The directory: one row per program, sortable and filterable by the directory script."""
    headers = [("University", "text"), ("Program", "text"), ("Degree type", "text"), ("Delivery", "text"),
               ("Country", "text"), ("Typical length", "number"), ("Tuition as stated", "number")]
    head = "".join(
        f'<th scope="col" data-sort-type="{kind}" aria-sort="none">{text(name)}</th>' for name, kind in headers
    )
    body = []
    for slug, p in dataset.programs.items():
        total = estimated_total(p)
        data = "".join(f' {k}="{attr(v)}"' for k, v in _row_data(slug, p, total).items())
        cells = [
            f'<td>{text(p.university)}</td>',
            f'<th scope="row">{link(f"{base}{PROGRAM_PAGES}/{slug}/", p.title, external=False)}</th>',
            f"<td>{text(dataset.degree_type(p.degree_type).abbreviation)}</td>",
            f"<td>{text(fmt.labels(p.delivery))}</td>",
            f"<td>{text(dataset.country_name(p.country))}</td>",
            f'<td data-sort="{p.duration.min_months if p.duration else ""}">{text(fmt.months(p.duration))}</td>',
            f'<td data-sort="{"" if total is None else f"{total:.0f}"}">{text(fmt.tuition(p.tuition))}</td>',
        ]
        body.append(f"<tr{data}>{''.join(cells)}</tr>")
    return Markup(
        '<div class="kb-table" role="region" aria-label="Program directory" tabindex="0">'
        f'<table id="program-directory" class="kb-directory" data-labels="{attr(json.dumps(script_labels(), ensure_ascii=False))}">'
        '<caption>Master\'s programs in machine learning '
        f"({len(dataset.programs)} programs)</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def tuition_range(programs: Mapping[str, models.Program], currency: str = "USD") -> tuple[float, float, int] | None:
    """Lowest and highest estimated total tuition in one currency, and how many programs it covers."""
    totals = [t for p in programs.values() if p.tuition and p.tuition.currency == currency
              and (t := estimated_total(p)) is not None]
    return (min(totals), max(totals), len(totals)) if totals else None


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


def compare_widget(dataset: Dataset, base: str = "../../") -> Markup:
    """The compare tool's container: where to fetch programs.json and the labels it shows.

    The script in ``assets/javascripts/compare.js`` fills it in; without JavaScript the
    ``<noscript>`` text points to the directory, whose table works everywhere.
    """
    labels = {
        **script_labels(),
        "degree_types": {d.id: d.title for d in dataset.degree_types.degree_types},
        "countries": {c.code: c.name for c in dataset.countries.countries},
        "program_base": f"{base}{PROGRAM_PAGES}/",
    }
    return Markup(
        f'<div id="kb-compare" data-src="{attr(base + "programs.json")}" data-max="4" '
        f'data-labels="{attr(json.dumps(labels, ensure_ascii=False))}">'
        '<noscript><p>The side-by-side comparison needs JavaScript. Every fact it shows is also on each '
        f'program\'s own page and in the {link(base + "programs/", "program directory", external=False)} table.</p></noscript>'
        "</div>"
    )
