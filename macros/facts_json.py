"""The small JSON files the compare and shortlist scripts fetch, so a page loads only the programs it shows.

- ``programs/<slug>/facts.json`` (:func:`program_facts`): one program's display values, as
  :mod:`macros.facts` writes them, and its upcoming deadlines as the shortlist's calendar needs them.
- ``programs/names.json`` (:func:`program_names`): every program's slug and name in the compare
  picker's order; compare reads it when the reader turns to the picker (at once when fewer than two
  programs are shown).

What stays the same for every program (the rows' labels, the "not stated" text, the calendar's head
and foot) goes in the page, in the container's ``data-labels`` (:func:`compare_labels`).
Pure functions: models in, plain data or compact JSON out.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from . import calendar, facts, models
from .dataset import Dataset
from .paths import program_url
from .tables import program_name

#: The shortlist's calendar file, made of the events of every shortlisted program.
SHORTLIST_CALENDAR = "Application deadlines from your shortlist"


#: What compare and the shortlist say in a copy opened from disk (file://), where browsers refuse to fetch files.
OFFLINE = ("{tool} needs the guide's web address: browsers do not let a page read other files from your disk, "
           "so it cannot load in this offline copy. Open this page on the hosted guide, or read each program's own "
           "page here.")
#: The link to the same page on the hosted guide (the page's canonical address) that follows that text.
HOSTED_LINK = "This page on the hosted guide"


def compare_labels() -> dict:
    """The compare table's rows as [key, label] pairs, in order, the text for a fact no source states,
    and what to say in the offline copy."""
    return {"rows": [[fact.key, fact.label] for fact in facts.FACTS], "not_stated": facts.NOT_STATED,
            "offline": OFFLINE.format(tool="Comparing programs"), "hosted": HOSTED_LINK}


def shortlist_labels() -> dict:
    """The compare labels plus the head and foot of the shortlist's calendar file."""
    return {**compare_labels(), "offline": OFFLINE.format(tool="The shortlist"),
            "calendar": {"head": calendar.head(SHORTLIST_CALENDAR), "foot": calendar.FOOT}}


def program_facts(slug: str, program: models.Program, dataset: Dataset, *, site_url: str, stamp: datetime,
                  today: date | None = None) -> dict:
    """What compare and the shortlist show of one program, already formatted.

    ``page`` is the program page's URL relative to the site root; ``links`` holds the addresses of
    facts shown as links; ``deadlines`` lists each deadline ahead as [ISO date, the guide's label,
    its iCalendar VEVENT], soonest first (the shortlist leaves out those passed since the build).
    """
    return {
        "name": program_name(program),
        "title": program.title,
        "page": program_url(slug),
        "values": facts.shown(program, dataset, today),
        "links": {"official-page": program.official_url},
        "deadlines": calendar.upcoming(slug, program, site_url=site_url, stamp=stamp, today=today),
    }


def program_names(dataset: Dataset) -> list[list[str]]:
    """[slug, name] of every program, by name: the compare picker's options."""
    named = [(slug, program_name(p)) for slug, p in dataset.programs.items()]
    return [[slug, name] for slug, name in sorted(named, key=lambda item: item[1].casefold())]


def compact(data: object) -> str:
    """Data as compact JSON (UTF-8 text as it is), one line."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
