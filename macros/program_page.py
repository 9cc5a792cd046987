"""A page per program: its facts with their sources, schema.org data, related programs and edit links.

Pure functions: validated models in, Markdown (front matter plus one raw HTML block) out. The
hook in ``hooks.py`` turns the text into a generated file.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import islice

from markupsafe import Markup

from . import facts, models
from .calculator_page import calculator_link
from .dataset import Dataset
from .derived import STALE_AFTER_MONTHS, deadlines_ahead, is_old_price, is_stale, reference_price
from .html import attr, block, host, link, text
from .paths import COMPARE_PAGE, DIRECTORY_PAGE, SHORTLIST_PAGE, doc_url, program_calendar, program_url, relative
from .tables import program_name


def page_title(value: str) -> str:
    """A data value made safe for page titles, which Material prints unescaped.

    Angle brackets become look-alike quotes (so even the ``striptags`` filter used in ``<title>``
    cannot rebuild a tag), then the rest is HTML-escaped.
    """
    return str(text(value.replace("<", "‹").replace(">", "›")))


def _source_links(program: models.Program) -> list[Markup]:
    """A link to each of the program's sources, labelled by its host: made once a page, cited under many facts."""
    return [link(s.url, host(s.url)) for s in program.sources]


def _sources_for(program: models.Program, fields: tuple[str, ...] | str, source_links: list[Markup]) -> Markup:
    fields = (fields,) if isinstance(fields, str) else fields
    found = [i for i, s in enumerate(program.sources) if any(f in s.supports for f in fields)]
    if not found:
        return Markup("")
    links = Markup(", ").join(source_links[i] for i in found)
    return Markup(f'<span class="kb-meta">Source: {links} (read {text(program.sources[found[0]].accessed.isoformat())})</span>')


def _archived(source: models.ProgramSource) -> Markup:
    """Where only an archived copy of the official page could be read, say so and link the copy."""
    if not source.archived_url:
        return Markup("")
    return Markup(f" from an {link(source.archived_url, 'archived copy')}, as the official page could not be read")


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
        "sameAs": f"{site_url}{program_url(slug)}",
    }
    if program.duration:
        data["timeToComplete"] = f"P{program.duration.min_months}M"
    if program.credits:
        data["numberOfCredits"] = program.credits.amount
    modes = [*(program.delivery or []), *(program.pace or [])]
    if modes:
        data["educationalProgramMode"] = modes
    if price := reference_price(program):
        data["offers"] = {"@type": "Offer", "price": price.amount, "priceCurrency": price.currency,
                          "category": price.basis}
    return data


def _facts_sections(program: models.Program, dataset: Dataset, today: date | None, source_links: list[Markup],
                    after: dict[str, str] | None = None) -> str:
    """The facts, grouped the way readers scan them; a group with nothing stated is left out.

    ``after`` adds HTML at the end of a section, by heading (the calendar link under "Deadlines").
    """
    parts = []
    for heading, keys in facts.PAGE_SECTIONS:
        rows = []
        for key in keys:
            fact = facts.BY_KEY[key]
            lines = fact.lines(program, dataset, today)
            if not lines:
                continue
            value = Markup("<br>").join(text(line) for line in lines)
            if fact.sourced_by:
                cite = _sources_for(program, fact.sourced_by, source_links)
            else:  # derived: say how
                cite = Markup(f'<span class="kb-meta">({text(facts.ESTIMATE_NOTE)})</span>')
            rows.append(f"<dt>{text(fact.label)}</dt><dd>{value}<br>{cite}</dd>")
        if rows:
            parts.append(f'<h2>{text(heading)}</h2><dl class="kb-facts">{"".join(rows)}</dl>{(after or {}).get(heading, "")}')
    return "".join(parts)


def _old_price_warning(program: models.Program, today: date | None) -> str:
    old = [t for t in program.tuition or [] if is_old_price(t.academic_year, today)]
    if not old or len(old) < len(program.tuition or []):
        return ""
    years = ", ".join(dict.fromkeys(t.academic_year for t in old))
    return ('<div class="admonition note"><p class="admonition-title">The price shown is old</p>'
            f"<p>The newest price we could find from an official source is for {text(years)}. Prices usually rise "
            "every year, so check the school's current fees before you plan around it.</p></div>")


def _shortlist_button(slug: str, here: str) -> str:
    """The "Save to shortlist" toggle, hidden until the shortlist script enhances it (it needs the browser's storage)."""
    return (f'<p class="kb-shortlist-save" hidden><button type="button" class="md-button" data-kb-star="{attr(slug)}" '
            f'aria-pressed="false">Save to shortlist</button> '
            f'{link(relative(SHORTLIST_PAGE, here), "Your shortlist", external=False)} '
            '<span class="kb-shortlist-status" role="status" aria-live="polite"></span></p>')


def _calendar_link(slug: str, program: models.Program, here: str, today: date | None) -> str:
    """A link to the calendar file of the deadlines ahead, written by the build (see macros/calendar.py)."""
    ahead = deadlines_ahead(program, today)
    if not ahead:
        return ""
    what = "the upcoming application deadline" if len(ahead) == 1 else f"the {len(ahead)} upcoming application deadlines"
    return (f'<p class="kb-calendar"><a href="{attr(relative(program_calendar(slug), here))}" download '
            f'type="text/calendar">Add {what} to your calendar</a> (an .ics file for Google Calendar, Outlook or '
            "Apple Calendar)</p>")


def page_meta(slug: str, dataset: Dataset, site_url: str) -> dict:
    """A program page's front matter: its title, description, schema.org data and search weight."""
    program = dataset.programs[slug]
    description = (f"{program.university}: {program.title}. Sourced facts: delivery, length, cost, admissions, "
                   "deadlines and final project.")
    return {"title": page_title(f"{program.title}, {program.university}"),
            "description": page_title(description[:250]), "render_macros": False,
            # Printed into <head> by overrides/main.html.
            "json_ld": json_ld(slug, program, dataset, site_url),
            # Guide pages should answer general questions before any single program does.
            "search": {"boost": 0.3}}


def program_page(slug: str, dataset: Dataset, *, edit_url: str, issue_url: str, site_url: str,
                 today: date | None = None) -> str:
    """The Markdown source of a program's page: :func:`page_meta` as front matter, then :func:`page_body`."""
    front = json.dumps(page_meta(slug, dataset, site_url))
    return f"---\n{front}\n---\n" + page_body(slug, dataset, edit_url=edit_url, issue_url=issue_url, today=today)


def page_body(slug: str, dataset: Dataset, *, edit_url: str, issue_url: str, today: date | None = None) -> str:
    """A program page's content: one raw HTML block (Markdown would leave it as it is; hooks.py relies on it)."""
    program = dataset.programs[slug]
    here = program_url(slug)
    degree = dataset.degree_type(program.degree_type)
    place = ", ".join(p for p in (program.city, dataset.country_name(program.country)) if p)
    degree_link = link(relative(doc_url(degree.guide_page), here), degree.title, external=False)
    parts: list[str] = [f"<h1>{text(program.title)}</h1>",
                        f'<p class="kb-lede" data-pagefind-weight="5">{text(program.university)} · {text(place)} · {degree_link}</p>']
    if is_stale(program, today):
        parts.append(
            '<div class="admonition warning"><p class="admonition-title">These facts may be out of date</p>'
            f"<p>They were last checked on {text(program.last_verified.isoformat())}, more than "
            f"{STALE_AFTER_MONTHS} months ago. Check the official page before you rely on them, and help by "
            f'{link(edit_url, "updating this entry", external=False)}.</p></div>'
        )
    official = link(program.official_url, facts.BY_KEY["official-page"].show(program, dataset))
    parts.append(f'<p class="kb-official">Official page: {official}</p>')
    parts.append(_shortlist_button(slug, here))
    parts.append(_old_price_warning(program, today))
    source_links = _source_links(program)
    parts.append(_facts_sections(program, dataset, today, source_links,
                                 after={"Deadlines": _calendar_link(slug, program, here, today)}))
    if program.notes:  # every inline element sits in a block, as Markdown would put it (hooks.py skips Markdown)
        cite = _sources_for(program, "notes", source_links)
        parts.append(f"<h2>Good to know</h2><p>{text(program.notes)}</p>{f'<p>{cite}</p>' if cite else ''}")
    source_items = "".join(
        f"<li>{link(s.url, s.title)} <span class=\"kb-meta\">({text(s.kind)}, read {text(s.accessed.isoformat())}"
        f"{_archived(s)}; supports: {text(', '.join(s.supports))})</span></li>"
        for s in program.sources
    )
    # Search (macros/search_index.py) reads a program's own facts, not its sources, the other programs
    # named below them or the links to improve the entry: the div ends after "Improve this entry".
    parts.append(f"<div data-pagefind-ignore=\"all\"><h2>Sources</h2><ul>{source_items}</ul>"
                 f"<p>Facts last verified on {text(program.last_verified.isoformat())}. Anything not shown was not "
                 "stated by a source we could check, so it is left blank rather than guessed.</p>")
    related = [(s, p) for s, p in islice(dataset.programs_by_type[program.degree_type].items(), 9) if s != slug][:8]
    if related:
        items = "".join(f"<li>{link(relative(program_url(s), here), program_name(p), external=False)}</li>"
                        for s, p in related)
        parts.append(f"<h2>Related programs</h2><p>Other programs of the type {text(degree.title)}:</p><ul>{items}</ul>")
    parts.append(
        "<h2>Improve this entry</h2><p>"
        f'{link(edit_url, "Edit this data on GitHub", external=False)} · '
        f'{link(issue_url, "Report outdated or wrong data", external=False)} · '
        f'{link(relative(DIRECTORY_PAGE, here), "Back to the directory", external=False)} · '
        f'{link(relative(COMPARE_PAGE, here) + "?p=" + slug, "Compare with other programs", external=False)} · '
        f'{link(calculator_link(slug, program, here), "Estimate your costs", external=False)}</p></div>'
    )
    return block(Markup("".join(parts)))
