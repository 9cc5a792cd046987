"""The directory split into one page per country once it outgrows one page.

Up to :data:`TABLE_MAX` programs the directory page holds one table of them all. Beyond that it
lists the countries instead, each linking to a page of its own with the same table, filters and
sorting (:func:`country_page`). A country with more programs than :data:`TABLE_MAX` is split into
parts, in order of university, each part a page. Every page is server-rendered, so every program
stays two links away from the directory without JavaScript, and no page grows with the directory.

Why 1,000 (measured with the real data and a build of 10,000 programs): a row of
the real data costs about 0.8 KB of HTML and 85 B gzip, so 1,000 rows are about 0.85 MB of HTML and
80 KB gzip, well inside the directory's 600 KB budget. All 10,000 synthetic programs on one page
were 9 MB of HTML (245 KB gzip only because the synthetic rows repeat one another); a phone must
parse and lay out all of it before it can scroll. The directory script shows 100 rows at a time,
but without JavaScript every row is laid out: 1,000 rows took about 2 s to first paint in headless
Chromium on the busy 2-core test machine, which is why the limit is not higher.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from . import models
from .dataset import Dataset
from .directory import programs_table
from .html import attr, block, link, text
from .paths import DIRECTORY_PAGE, country_directory, country_directory_source, relative

#: The most programs one directory page lists: beyond it, the directory is split by country.
TABLE_MAX = 1_000
#: The scripts of a page with the directory table (see :mod:`macros.page_assets`).
TABLE_SCRIPTS = ["directory", "shortlist"]


@dataclass(frozen=True)
class CountryPage:
    """One page of the split directory: a country's programs, or one part of them."""

    country: str  # ISO code, as in the data
    name: str  # the country's display name
    part: int  # 1, 2, ...
    parts: int
    slugs: tuple[str, ...]
    first: str  # university of the first and last program of the part
    last: str

    @property
    def url(self) -> str:
        return country_directory(self.country, self.part)

    @property
    def source(self) -> str:
        return country_directory_source(self.country, self.part)


def is_split(dataset: Dataset, table_max: int = TABLE_MAX) -> bool:
    """Whether the directory has more programs than one page lists."""
    return len(dataset.programs) > table_max


def _by_university(item: tuple[str, models.Program]) -> tuple[str, str, str]:
    slug, p = item
    return p.university.casefold(), p.title.casefold(), slug


def country_pages(dataset: Dataset, table_max: int = TABLE_MAX) -> list[CountryPage]:
    """The split directory's pages: countries by name, each in parts of at most ``table_max`` programs by university."""
    by_country: dict[str, list[tuple[str, models.Program]]] = {}
    for item in dataset.programs.items():
        by_country.setdefault(item[1].country, []).append(item)
    pages = []
    for code in sorted(by_country, key=lambda c: dataset.country_name(c).casefold()):
        items = sorted(by_country[code], key=_by_university)
        chunks = [items[i:i + table_max] for i in range(0, len(items), table_max)]
        for number, chunk in enumerate(chunks, start=1):
            pages.append(CountryPage(code, dataset.country_name(code), number, len(chunks),
                                     tuple(slug for slug, _ in chunk), chunk[0][1].university, chunk[-1][1].university))
    return pages


def _count(n: int) -> str:
    return f"{n:,} program{'s' if n != 1 else ''}"


def _part_label(page: CountryPage) -> str:
    return f"part {page.part} of {page.parts}: {page.first} to {page.last}"


def _country_link(page: CountryPage, page_url: str, label: str) -> str:
    """A link to a page of the split directory, marked with its country and part for the directory script."""
    return (f'<a href="{attr(relative(page.url, page_url))}" data-country="{attr(page.country)}" '
            f'data-part="{page.part}">{text(label)}</a>')


def country_index(dataset: Dataset, page_url: str = DIRECTORY_PAGE, table_max: int = TABLE_MAX) -> Markup:
    """The directory page of a split directory: each country with its number of programs, linking to its pages."""
    pages = country_pages(dataset, table_max)
    countries: dict[str, list[CountryPage]] = {}
    for page in pages:
        countries.setdefault(page.country, []).append(page)
    items = []
    for code, parts in countries.items():
        total = sum(len(p.slugs) for p in parts)
        head = f"{_country_link(parts[0], page_url, parts[0].name)}: {text(_count(total))}"
        if len(parts) > 1:
            sub = "".join(f"<li>{_country_link(p, page_url, _part_label(p))} ({text(_count(len(p.slugs)))})</li>"
                          for p in parts)
            head += f", on {len(parts)} pages by university:<ul>{sub}</ul>"
        items.append(f"<li>{head}</li>")
    return Markup(
        f'<div id="kb-directory-countries" class="kb-directory-countries">'
        f"<p>The directory holds {text(_count(len(dataset.programs)))} in {len(countries)} "
        f"{'country' if len(countries) == 1 else 'countries'}, too many for one page, so each country's programs "
        f"have a page of their own, with the same table. Choose a country:</p>"
        f'<ul aria-label="Programs by country">{"".join(items)}</ul></div>'
    )


def directory(dataset: Dataset, page_url: str = DIRECTORY_PAGE, table_max: int = TABLE_MAX,
              today: date | None = None) -> Markup:
    """The directory page's body: one table of every program, or, beyond ``table_max``, the countries."""
    if is_split(dataset, table_max):
        return country_index(dataset, page_url, table_max)
    return programs_table(dataset, page_url, today)


#: The directory page's instructions for the script's controls, shown by the script (as on the directory page).
HELP = ("Search by university, program or city, narrow the list with the filters (degree type, delivery, pace, "
        "final project, GRE policy, start term, language of instruction or budget), and select a column heading "
        "to sort by it. The address bar keeps your search and filters, so you can bookmark the view or send it "
        "to a friend.")


def country_page(page: CountryPage, dataset: Dataset, today: date | None = None) -> str:
    """The Markdown of one page of the split directory: a heading, where it stands, and its table."""
    here = page.url
    where = f" in {page.name}" + (f", part {page.part} of {page.parts}" if page.parts > 1 else "")
    title = f"Programs in {page.name}" + (f" (part {page.part} of {page.parts})" if page.parts > 1 else "")
    front = json.dumps({
        "title": str(text(title)),
        "description": str(text(f"Master's programs in machine learning, AI and data science in {page.name}: "
                                "delivery, length, final project and tuition, each fact sourced.")),
        "render_macros": False, "scripts": TABLE_SCRIPTS,
    })
    back = link(relative(DIRECTORY_PAGE, here), "program directory", external=False)
    intro = (f"<p>{text(_count(len(page.slugs)))}{text(where)}, from the {back}"
             f" of {text(_count(len(dataset.programs)))}. Select a program's name to see all its facts.</p>")
    if page.parts > 1:
        others = "".join(
            f"<li>{link(relative(country_directory(page.country, n), here), f'Part {n}', external=False)}</li>"
            if n != page.part else f'<li aria-current="page">Part {n} (this page)</li>'
            for n in range(1, page.parts + 1))
        intro += (f"<p>The programs in {text(page.name)} are on {page.parts} pages, by university; this one lists "
                  f"{text(page.first)} to {text(page.last)}.</p><ul>{others}</ul>")
    programs = {slug: dataset.programs[slug] for slug in page.slugs}
    body = (intro + f'<p class="kb-directory-help" hidden>{text(HELP)}</p>'
            + str(programs_table(dataset, here, today, programs=programs, where=where)))
    return f"---\n{front}\n---\n\n# {text(title)}\n" + block(Markup(body))
