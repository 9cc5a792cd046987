"""Rules across the fields of one program file, checked on the raw YAML so each error has its line.

They run whether or not the file passed field validation, so a contributor sees every mistake
in a file in one run of ``make check``: a fact no source supports, a ``last_verified`` date older
than the sources it rests on, and values left over from the template.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import get_args
from urllib.parse import urlsplit

from .diagnostics import error_at
from .errors import DataError
from .loader import LineDict, value_at
from .models import ProgramFact, fact_path
from .sources import archive_problem, host_kind, policy_problem

#: Domains reserved for examples (RFC 2606, plus .edu): never a real program's address.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org", "example.edu")


@dataclass(frozen=True)
class TemplateValues:
    """The invented example values of ``data/templates/program.yml`` that must not reach the directory."""

    university: str | None = None
    hosts: frozenset[str] = frozenset()
    notes: str | None = None

    @classmethod
    def from_raw(cls, raw: object) -> TemplateValues:
        """Read the example values from the parsed template (anything unreadable is skipped)."""
        if not isinstance(raw, dict):
            return cls()
        hosts = {host for _, value in _strings(raw, ()) if (host := _host(value))}
        university = raw.get("university") if isinstance(raw.get("university"), str) else None
        notes = raw.get("notes") if isinstance(raw.get("notes"), str) else None
        return cls(university, frozenset(hosts), _squash(notes) if notes else None)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _host(value: str) -> str | None:
    if not value.startswith("https://") and not value.startswith("http://"):
        return None
    return (urlsplit(value).hostname or "").removeprefix("www.") or None


def _strings(node: object, loc: tuple) -> Iterator[tuple[tuple, str]]:
    """Every text value in a parsed file with its location."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*loc, index))
    elif isinstance(node, str):
        yield loc, node


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _sources(raw: LineDict) -> list[tuple[int, dict]]:
    sources = raw.get("sources")
    return [(i, s) for i, s in enumerate(sources) if isinstance(s, dict)] if isinstance(sources, list) else []


def _supports(source: dict) -> list[str]:
    supports = source.get("supports")
    return [f for f in supports if isinstance(f, str)] if isinstance(supports, list) else []


def facts_without_sources(raw: LineDict, file: str, slug: str) -> list[DataError]:
    """Each fact that is filled in must be named in the ``supports`` list of at least one source."""
    supported = {fact for _, source in _sources(raw) for fact in _supports(source)}
    return [
        error_at(raw, file, fact_path(fact), f"no source supports this fact; add '{fact}' to the 'supports' list of "
                 "the source that states it, or remove the fact", slug)
        for fact in get_args(ProgramFact) if value_at(raw, fact_path(fact)) is not None and fact not in supported
    ]


def _all_sources(node: object, loc: tuple) -> Iterator[tuple[tuple, dict]]:
    """Every source in a parsed file, wherever its ``sources`` list stands, with its location."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                yield from (((*loc, key, i), s) for i, s in enumerate(value) if isinstance(s, dict))
            else:
                yield from _all_sources(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _all_sources(value, (*loc, index))


def cited_hosts(raw: LineDict, file: str, entry: str | None = None) -> list[DataError]:
    """Every source in a file follows the source policy (:mod:`macros.sources`): no proxies, staging or copies."""
    errors = []
    for loc, source in _all_sources(raw, ()):
        if isinstance(url := source.get("url"), str) and url.startswith("https://"):
            kind = source.get("kind") if isinstance(source.get("kind"), str) else None
            if problem := policy_problem(url, kind, _supports(source)):
                errors.append(error_at(raw, file, (*loc, "url"), problem, entry))
        if isinstance(copy := source.get("archived_url"), str) and copy.startswith("https://"):
            if problem := archive_problem(copy):
                errors.append(error_at(raw, file, (*loc, "archived_url"), problem, entry))
    return errors


def verified_before_reading(raw: LineDict, file: str, slug: str) -> list[DataError]:
    """``last_verified`` cannot be earlier than the date a source was read."""
    verified = _date(raw.get("last_verified"))
    if verified is None:
        return []
    read = [(d, i) for i, source in _sources(raw) if (d := _date(source.get("accessed"))) is not None]
    if not read:
        return []
    latest, index = max(read)
    if latest <= verified:
        return []
    message = (f"is {verified.isoformat()}, earlier than the date source #{index + 1} was read ({latest.isoformat()}); "
               f"the facts were checked when that source was read, so write {latest.isoformat()} or later")
    return [error_at(raw, file, ("last_verified",), message, slug)]


def official_page(raw: LineDict, file: str, slug: str) -> list[DataError]:
    """The program's official page is the school's own: never a proxy, a copy, a staging server or a listing site."""
    url = raw.get("official_url")
    if not isinstance(url, str) or not url.startswith("https://") or host_kind(url) is None:
        return []
    message = (f"{policy_problem(url, 'official') or 'is a course listing site, not the school'}; official_url is "
               "the program's page on the school's own site")
    return [error_at(raw, file, ("official_url",), message, slug)]


def outcomes_from_the_school(raw: LineDict, file: str, slug: str) -> list[DataError]:
    """Graduate outcomes come only from the school's own report: no aggregator or self-reported salary figures."""
    report = raw.get("outcomes_report")
    if not isinstance(report, dict):
        return []
    errors = []
    url = report.get("url")
    if isinstance(url, str) and url.startswith("https://") and host_kind(url) is not None:
        problem = policy_problem(url, "official") or "is a course listing site, not the school"
        errors.append(error_at(raw, file, ("outcomes_report", "url"),
                               f"{problem}; outcomes_report is the school's own report on its graduates", slug))
    for index, source in _sources(raw):
        if "outcomes_report" in _supports(source) and source.get("kind") != "official":
            errors.append(error_at(raw, file, ("sources", index, "kind"),
                                   "a source for outcomes_report must be the school's own report (kind: official); "
                                   "salary and job figures from other sites are not accepted", slug))
    return errors


def template_leftovers(raw: LineDict, file: str, slug: str, template: TemplateValues) -> list[DataError]:
    """Values copied from the template unchanged: its invented university, example addresses, example notes."""
    errors = []
    for loc, value in _strings(raw, ()):
        host = _host(value)
        if host and (host in template.hosts or host.endswith(EXAMPLE_DOMAINS)):
            message = (f"'{value}' is an example address from the template; use the address of the real page "
                       "that states the facts")
        elif template.university and template.university in value:
            message = (f"still holds the template's invented name '{template.university}'; "
                       "write what the program's own pages state")
        elif loc == ("notes",) and template.notes and _squash(value) == template.notes:
            message = "is the template's example text; describe this program in your own words, or delete the notes"
        else:
            continue
        errors.append(error_at(raw, file, loc, message, slug))
    return errors


def program_rules(raw: LineDict, file: str, slug: str, template: TemplateValues) -> list[DataError]:
    """Every rule of this module for one program file."""
    return [*facts_without_sources(raw, file, slug), *verified_before_reading(raw, file, slug),
            *cited_hosts(raw, file, slug), *official_page(raw, file, slug), *outcomes_from_the_school(raw, file, slug),
            *template_leftovers(raw, file, slug, template)]
