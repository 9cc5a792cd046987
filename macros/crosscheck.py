"""Checks across entries and files: unique ids, references between files, one entry per program.

Each function takes validated models (and the raw YAML for line numbers) and returns the errors
it finds; :mod:`macros.validate` calls them once every file has been read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify
from pydantic import BaseModel

from . import models
from .diagnostics import error_at
from .errors import DataError
from .loader import LineDict, line_of
from .paths import PREPARATION_PAGE

#: Data file -> (list field, id field) pairs whose ids must be unique within the file.
UNIQUE_KEYS = {
    "degree_types": [("degree_types", "id")],
    "careers": [("roles", "id"), ("tracks", "id")],
    "figures": [("figures", "id")],
    "curriculum": [("core_areas", "id"), ("specialisations", "id")],
    "electives": [("families", "id")],
    "final_projects": [("options", "id")],
    "study_formats": [("formats", "id")],
    "glossary": [("terms", "term")],
    "countries": [("countries", "code")],
    "finder": [("questions", "id"), ("degree_types", "degree_type"), ("ratings", "id"), ("topics", "topic")],
}


def data_file(name: str) -> str:
    """The path of a guide data file as messages show it."""
    return f"data/{name}.yml"


def unique_ids(name: str, data: BaseModel, raw: LineDict) -> list[DataError]:
    """Ids that appear twice in one data file, reported at the second use."""
    errors = []
    for key, attr in UNIQUE_KEYS.get(name, []):
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(data, key)):
            value = getattr(item, attr)
            if value in seen:
                message = f"'{value}' is used twice (first by entry #{seen[value] + 1}); ids must be unique"
                errors.append(error_at(raw, data_file(name), (key, index, attr), message))
            seen.setdefault(value, index)
    return errors


def program_references(data: Mapping[str, BaseModel | None], raws: Mapping[str, LineDict | None],
                       present: set[str]) -> list[DataError]:
    """Every program, elective family and career track that other data names must exist.

    ``present`` holds the slugs of every program file, valid or not: a file with its own errors is
    reported once, at its own lines, not again by each file that names it.
    """
    errors = []

    def need(name: str, loc: tuple, value: str, known: set[str], kind: str, expected: str) -> None:
        if value not in known:
            errors.append(error_at(raws[name], data_file(name), loc, f"unknown {kind} '{value}'; {expected}"))

    def need_program(name: str, loc: tuple, slug: str) -> None:
        need(name, loc, slug, present, "program", "expected the name of a file in data/programs/ without .yml")

    def one_of(known: set[str]) -> str:
        return f"expected one of: {', '.join(sorted(known))}"

    if curriculum := data.get("curriculum"):
        for i, area in enumerate(curriculum.core_areas):
            for j, course in enumerate(area.example_courses):
                need_program("curriculum", ("core_areas", i, "example_courses", j, "program"), course.program)
    if electives := data.get("electives"):
        families = {f.id for f in electives.families}
        for i, course in enumerate(electives.courses):
            need("electives", ("courses", i, "family"), course.family, families, "elective family", one_of(families))
            need_program("electives", ("courses", i, "program"), course.program)
    if careers := data.get("careers"):
        tracks = {t.id for t in careers.tracks}
        for i, role in enumerate(careers.roles):
            need("careers", ("roles", i, "track"), role.track, tracks, "track", one_of(tracks))
    return errors


def glossary_forms(glossary: models.GlossaryFile, raw: LineDict) -> list[DataError]:
    """A word may have only one tooltip: every term and alias must be different."""
    errors = []
    seen: dict[str, str] = {t.term: t.term for t in glossary.terms}
    for i, term in enumerate(glossary.terms):
        for j, alias in enumerate(term.aliases):
            if alias in seen:
                message = f"'{alias}' is already explained by the term '{seen[alias]}'; each form may appear once"
                errors.append(error_at(raw, data_file("glossary"), ("terms", i, "aliases", j), message))
            seen.setdefault(alias, term.term)
    return errors


def degree_type_pages(degree_types: models.DegreeTypesFile, raw: LineDict, docs_dir: Path) -> list[DataError]:
    """Each degree type's ``guide_page`` must be a page of the guide (checked where the guide's pages are)."""
    if not docs_dir.is_dir():
        return []
    return [
        error_at(raw, data_file("degree_types"), ("degree_types", i, "guide_page"),
                 f"there is no page docs/{d.guide_page}; name the guide page that explains this degree type")
        for i, d in enumerate(degree_types.degree_types) if not (docs_dir / d.guide_page).is_file()
    ]


@dataclass(frozen=True)
class ProgramIdentity:
    """What tells two program files apart, with the lines to point at (small enough to send between processes)."""

    official_url: str
    university: str
    title: str
    url_line: int | None
    title_line: int | None

    @classmethod
    def of(cls, program: models.Program, raw: LineDict) -> ProgramIdentity:
        """The identity of a validated program."""
        return cls(program.official_url, program.university, program.title,
                   line_of(raw, ("official_url",)), line_of(raw, ("title",)))

    def page_key(self) -> str:
        """The official address reduced to what identifies the page (host case, www., trailing slash)."""
        parts = urlsplit(self.official_url)
        host = (parts.hostname or "").removeprefix("www.")
        return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"

    def name_key(self) -> str:
        """University and title, ignoring case and spacing."""
        return " ".join(f"{self.university} {self.title}".casefold().split())


def duplicate_programs(identities: Mapping[str, ProgramIdentity],
                       file_of: Callable[[str], str]) -> tuple[list[DataError], list[DataError]]:
    """A program is listed once: (errors, warnings) for files that repeat another program.

    The same university and title is an error; so is the same official page under the same
    title. Two different titles on one official page are a warning: some schools describe
    several programs on one page, but a program's own page is better when there is one.
    """
    errors, warnings = [], []
    by_page: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for slug, identity in identities.items():
        if (first := by_name.get(identity.name_key())) is not None:
            errors.append(DataError(file_of(slug), identity.title_line,
                                    f"{file_of(first)} describes the same program (the same university and "
                                    "title); a program is listed once, so keep one of the two files and move any "
                                    "facts only this one has into it", slug, "title"))
        elif (first := by_page.get(identity.page_key())) is not None:
            warnings.append(DataError(file_of(slug), identity.url_line,
                                      f"is also the official page of {file_of(first)}; if the school has a page for "
                                      "this program alone, link that one", slug, "official_url"))
        by_page.setdefault(identity.page_key(), slug)
        by_name.setdefault(identity.name_key(), slug)
    return errors, warnings


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*#*\s*$", re.MULTILINE)


def page_anchors(markdown_text: str) -> set[str]:
    """The ids of a Markdown page's headings: an explicit ``{ #id }``, else the toc extension's slug."""
    return {explicit or slugify(title, "-") for title, explicit in _HEADING.findall(markdown_text)}


def finder_references(finder: models.FinderFile, raw: LineDict, type_ids: set[str] | None,
                      docs_dir: Path) -> list[DataError]:
    """The finder's rules name degree types that exist and answers its questions offer; the self-check's
    routes name sections of the preparation page (checked where the guide's pages are)."""
    errors = []
    display = data_file("finder")
    answers = {f"{q.id}/{o.id}" for q in finder.questions for o in q.options}
    for i, entry in enumerate(finder.degree_types):
        if type_ids is not None and entry.degree_type not in type_ids:
            errors.append(error_at(raw, display, ("degree_types", i, "degree_type"),
                                   f"unknown degree type '{entry.degree_type}'; expected one of: "
                                   f"{', '.join(sorted(type_ids))}"))
        seen: set[str] = set()
        for j, fit in enumerate(entry.fits):
            if fit.answer not in answers:
                errors.append(error_at(raw, display, ("degree_types", i, "fits", j, "answer"),
                                       f"unknown answer '{fit.answer}'; write question/option with ids from "
                                       f"questions, one of: {', '.join(sorted(answers))}"))
            elif fit.answer in seen:
                errors.append(error_at(raw, display, ("degree_types", i, "fits", j, "answer"),
                                       f"'{fit.answer}' is listed twice for this degree type; give it one reason"))
            seen.add(fit.answer)
    page = docs_dir / PREPARATION_PAGE
    if page.is_file():
        anchors = page_anchors(page.read_text(encoding="utf-8"))
        for i, topic in enumerate(finder.topics):
            for j, route in enumerate(topic.routes):
                if route.section not in anchors:
                    errors.append(error_at(raw, display, ("topics", i, "routes", j, "section"),
                                           f"docs/{PREPARATION_PAGE} has no section '{route.section}'; expected "
                                           f"one of: {', '.join(sorted(anchors))}"))
    return errors
