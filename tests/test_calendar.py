"""Calendar files of application deadlines (macros.calendar): read back with icalendar, RFC 5545 line rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest

from macros import calendar, models
from macros import formatting as fmt
from macros.derived import deadlines_ahead
from macros.paths import program_url
from macros.tables import program_name

SITE = "https://ml-masters-guide.github.io/guide/"
STAMP = datetime(2026, 12, 2, 1, 2, 3, tzinfo=timezone.utc)
TODAY = date(2027, 1, 10)


def deadline(day: date, term: str = "Fall 2027", **extra) -> models.Deadline:
    return models.Deadline(term=term, date=day, **extra)


@pytest.fixture
def program(dataset) -> models.Program:
    """A real program given three deadlines around TODAY: one passed, one today, one ahead."""
    slug, real = next(iter(dataset.programs.items()))
    return real.model_copy(update={"deadlines": [
        deadline(date(2027, 1, 9), round="early"),
        deadline(date(2027, 1, 10), applies_to="international", round="priority"),
        deadline(date(2027, 3, 1), round="final"),
    ]})


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def events(text: str) -> list:
    return list(parse(text).walk("VEVENT"))


def calendar_file(slug: str, program: models.Program, *, stamp: datetime = STAMP, today: date = TODAY) -> str | None:
    """The calendar file the build writes for a program: its upcoming events, made once."""
    return calendar.program_calendar(program, calendar.upcoming(slug, program, site_url=SITE, stamp=stamp, today=today))


def test_a_program_calendar_holds_the_deadlines_not_passed_as_all_day_events(program):
    text = calendar_file("some-program", program)
    cal = parse(text)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == calendar.PRODID
    found = events(text)
    assert [e.decoded("DTSTART") for e in found] == [date(2027, 1, 10), date(2027, 3, 1)]
    assert [e.decoded("DTEND") for e in found] == [date(2027, 1, 11), date(2027, 3, 2)]
    assert all(e["DTSTART"].params.get("VALUE") == "DATE" for e in found)
    assert [str(e["SUMMARY"]) for e in found] == [
        f"Application deadline: {program_name(program)} (Fall 2027 entry, international applicants, priority round)",
        f"Application deadline: {program_name(program)} (Fall 2027 entry, final round)",
    ]
    for event, d in zip(found, deadlines_ahead(program, TODAY)):
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["UID"]) == calendar.uid("some-program", d, SITE)
        description = str(event["DESCRIPTION"])
        assert description.splitlines()[0] == fmt.deadline(d)
        assert program.official_url in description
        assert f"{SITE}{program_url('some-program')}" in description
        assert str(event["URL"]) == f"{SITE}{program_url('some-program')}"


def test_past_deadlines_are_never_in_a_calendar(program):
    later = date(2027, 3, 2)
    assert calendar_file("p", program, today=later) is None
    on_the_last_day = calendar_file("p", program, today=date(2027, 3, 1))
    assert [e.decoded("DTSTART") for e in events(on_the_last_day)] == [date(2027, 3, 1)]
    assert calendar.upcoming("p", program, site_url=SITE, stamp=STAMP, today=later) == []


def test_uids_are_unique_and_stable_across_builds(program):
    first = [str(e["UID"]) for e in events(calendar_file("p", program, today=date(2027, 1, 1)))]
    again = [str(e["UID"]) for e in events(calendar_file("p", program, stamp=STAMP + timedelta(days=30),
                                                         today=date(2027, 1, 1)))]
    assert len(first) == len(set(first)) == 3
    assert first == again
    assert all(u.endswith("@ml-masters-guide.github.io") for u in first)
    assert calendar.uid("p", program.deadlines[0], "").endswith(f"@{calendar.FALLBACK_HOST}")


HOSTILE = "Uni; of, \\Things\nBEGIN:VEVENT\r\nX-EVIL:1 — Ünïcödé " + "ü" * 60


def test_hostile_text_is_escaped_and_read_back_unchanged(program):
    evil = program.model_copy(update={"university": HOSTILE, "title": "Title, with; marks\\"})
    text = calendar_file("p", evil)
    found = events(text)
    assert len(found) == 2  # the text did not start an event of its own
    assert str(found[0]["SUMMARY"]).startswith(f"Application deadline: {HOSTILE.replace(chr(13) + chr(10), chr(10))}: "
                                               "Title, with; marks\\")
    assert "X-EVIL" not in found[0]
    assert "\r\nBEGIN:VEVENT\r\nX-EVIL" not in text
    # icalendar keeps X- values as written (escaped), once unfolded
    assert str(parse(text)["X-WR-CALNAME"]) == calendar.escape(f"Application deadlines: {program_name(evil)}")


def test_escape_follows_rfc_5545():
    assert calendar.escape("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"


@pytest.mark.parametrize("line", ["x" * 75, "x" * 76, "y" * 300, "é" * 100, "a" + "€" * 80, "DESCRIPTION:" + "\\n" * 70])
def test_lines_fold_at_75_octets_without_splitting_a_character(line):
    folded = calendar.fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert physical[0] + "".join(p[1:] for p in physical[1:]) == line  # unfolding gives the line back
    assert len(physical) == 1 if len(line.encode("utf-8")) <= 75 else len(physical) > 1


def test_every_line_ends_with_crlf_and_fits_75_octets(program):
    evil = program.model_copy(update={"university": HOSTILE})
    text = calendar_file("p", evil)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_upcoming_lists_each_deadline_ahead_with_its_label_and_event(program):
    found = calendar.upcoming("p", program, site_url=SITE, stamp=STAMP, today=TODAY)
    assert [(d[0], d[1]) for d in found] == [(x.date.isoformat(), fmt.deadline(x)) for x in deadlines_ahead(program, TODAY)]
    whole = calendar.head("Shortlist") + "".join(d[2] for d in found) + calendar.FOOT
    assert [e.decoded("DTSTART") for e in events(whole)] == [date(2027, 1, 10), date(2027, 3, 1)]
    assert calendar.upcoming("p", program.model_copy(update={"deadlines": None}), site_url=SITE, stamp=STAMP) == []


def test_every_program_of_the_data_gives_a_calendar_that_parses(dataset):
    """Whatever today is: each program's deadlines, all treated as ahead, make a valid calendar."""
    for slug, p in dataset.programs.items():
        if not p.deadlines:
            continue
        earliest = min(d.date for d in p.deadlines)
        text = calendar_file(slug, p, today=earliest)
        assert len(events(text)) == len(p.deadlines), slug
