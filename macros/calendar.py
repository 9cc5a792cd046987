"""Application deadlines as iCalendar text (RFC 5545), for calendar programs.

Each deadline that has not passed becomes an all-day ``VEVENT`` with a stable ``UID``, a summary
naming the program, and a description with the deadline as the guide writes it, the official page
and the program's page in the guide. Text values are escaped (``\\``, ``;``, ``,`` and newlines),
lines are folded at 75 octets and end with CRLF.

Pure functions: models in, text out. Each program's facts.json holds its :func:`upcoming` events,
from which the shortlist script puts together the calendar of the shortlisted programs without
formatting anything; ``hooks.py`` also writes the same events as one file per program with a deadline
ahead (:func:`program_calendar`).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from . import formatting as fmt
from . import models
from .derived import deadlines_ahead
from .paths import program_url
from .tables import program_name

CRLF = "\r\n"
#: Lines longer than this many octets (bytes of UTF-8, without the CRLF) are folded.
LINE_OCTETS = 75
PRODID = "-//ML Master's Guide//Application deadlines//EN"
#: UIDs end with the site's host name; this one when the site has no URL.
FALLBACK_HOST = "ml-masters-guide.invalid"
FOOT = f"END:VCALENDAR{CRLF}"


def escape(value: str) -> str:
    """A TEXT value as RFC 5545 writes it: backslash, semicolon and comma escaped, newlines as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded so that no physical line is longer than 75 octets (CRLF and a space between).

    A character is never split: a line breaks before a multi-byte UTF-8 character that does not fit.
    """
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # a continuation line starts with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return f"{CRLF} ".join(parts)


def _line(name: str, value: str) -> str:
    return fold(f"{name}:{value}") + CRLF


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _host(site_url: str) -> str:
    return urlsplit(site_url).hostname or FALLBACK_HOST


def uid(slug: str, deadline: models.Deadline, site_url: str) -> str:
    """A deadline's UID: the same in every build while the deadline's term, date, applicants and round stay."""
    key = "|".join((slug, deadline.term, deadline.date.isoformat(), deadline.applies_to, deadline.round or ""))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{deadline.date:%Y%m%d}-{digest}@{_host(site_url)}"


def summary(program: models.Program, deadline: models.Deadline) -> str:
    """'Application deadline: University: Title (Fall 2027 entry, priority round)'."""
    label = fmt.deadline(deadline)
    details = label.removeprefix(f"{fmt.date_text(deadline.date)} (").removesuffix(")")
    return f"Application deadline: {program_name(program)}" + (f" ({details})" if details != label else "")


def event(slug: str, program: models.Program, deadline: models.Deadline, *, site_url: str, stamp: datetime) -> str:
    """One deadline as an all-day VEVENT (DTEND is the next day: RFC 5545 ends are exclusive)."""
    page = f"{site_url}{program_url(slug)}" if site_url else ""
    description = [fmt.deadline(deadline),
                   f"Check the official page before you apply: {program.official_url}",
                   *([f"Program page in the guide: {page}"] if page else [])]
    lines = [
        "BEGIN:VEVENT" + CRLF,
        _line("UID", uid(slug, deadline, site_url)),
        _line("DTSTAMP", _stamp(stamp)),
        _line("DTSTART;VALUE=DATE", f"{deadline.date:%Y%m%d}"),
        _line("DTEND;VALUE=DATE", f"{deadline.date + timedelta(days=1):%Y%m%d}"),
        _line("SUMMARY", escape(summary(program, deadline))),
        _line("DESCRIPTION", escape("\n".join(description))),
        *([_line("URL", page)] if page else []),
        "TRANSP:TRANSPARENT" + CRLF,
        "END:VEVENT" + CRLF,
    ]
    return "".join(lines)


def head(name: str) -> str:
    """The start of a calendar named ``name`` (its events and :data:`FOOT` follow)."""
    return "".join([
        "BEGIN:VCALENDAR" + CRLF,
        "VERSION:2.0" + CRLF,
        _line("PRODID", escape(PRODID)),
        "CALSCALE:GREGORIAN" + CRLF,
        "METHOD:PUBLISH" + CRLF,
        _line("X-WR-CALNAME", escape(name)),
    ])


def program_calendar(program: models.Program, upcoming_events: list[list[str]]) -> str | None:
    """A program's calendar file of its :func:`upcoming` events (made once, also for its facts.json), or None
    when none is ahead."""
    if not upcoming_events:
        return None
    events = "".join(vevent for _, _, vevent in upcoming_events)
    return head(f"Application deadlines: {program_name(program)}") + events + FOOT


def upcoming(slug: str, program: models.Program, *, site_url: str, stamp: datetime,
             today: date | None = None) -> list[list[str]]:
    """A program's deadlines that have not passed, each as [ISO date, the guide's label, its VEVENT text], soonest first.

    The shortlist puts its calendar together from these and :func:`head` and :data:`FOOT`, leaving out
    deadlines passed since the build by comparing the ISO dates.
    """
    return [[d.date.isoformat(), fmt.deadline(d), event(slug, program, d, site_url=site_url, stamp=stamp)]
            for d in deadlines_ahead(program, today)]
