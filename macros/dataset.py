"""Load every data file, validate it against its model, check cross-references, report all errors.

This is the one place that reads ``data/``. Pages, hooks and the command-line check all call
:func:`load_dataset`; rendering code only ever sees the validated models it returns.
"""

from __future__ import annotations

import os
import typing
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import models
from .errors import DataError, DataErrors
from .loader import FileProblem, LineDict, line_of, load_file

DATA_DIR = "data"
PROGRAMS_DIR = "programs"

#: Data file name (without .yml) -> the model that describes it.
DATA_FILES: dict[str, type[models.Model]] = {
    "degree_types": models.DegreeTypesFile,
    "countries": models.CountriesFile,
    "careers": models.CareersFile,
    "costs": models.CostsFile,
    "figures": models.FiguresFile,
    "curriculum": models.CurriculumFile,
    "electives": models.ElectivesFile,
    "final_projects": models.FinalProjectsFile,
    "study_formats": models.StudyFormatsFile,
    "glossary": models.GlossaryFile,
}

#: A program not verified for this long is flagged on its page and by ``make check``.
STALE_AFTER = timedelta(days=548)  # 18 months

# Fields that name a list entry in messages, in order of preference.
_ENTRY_NAMES = ("id", "term", "title", "academic_year")
_MESSAGES = {
    "missing": "this required field is missing",
    "int_type": "should be a whole number",
    "float_type": "should be a number",
    "string_type": "should be text",
    "list_type": "should be a list, for example [a, b]",
    "model_type": "should be a mapping of fields (key: value)",
    "dict_type": "should be a mapping of fields (key: value)",
    "bool_type": "should be true or false",
}


@dataclass(frozen=True)
class Dataset:
    """All validated data of the guide."""

    degree_types: models.DegreeTypesFile
    countries: models.CountriesFile
    careers: models.CareersFile
    costs: models.CostsFile
    figures: models.FiguresFile
    curriculum: models.CurriculumFile
    electives: models.ElectivesFile
    final_projects: models.FinalProjectsFile
    study_formats: models.StudyFormatsFile
    glossary: models.GlossaryFile
    programs: dict[str, models.Program]
    warnings: tuple[str, ...] = field(default=())

    @cached_property
    def programs_by_type(self) -> dict[str, dict[str, models.Program]]:
        """Programs grouped by degree type id, in directory order (computed once)."""
        groups: dict[str, dict[str, models.Program]] = {}
        for slug, program in self.programs.items():
            groups.setdefault(program.degree_type, {})[slug] = program
        return groups

    def degree_type(self, type_id: str) -> models.DegreeType:
        """Return the degree type with this id."""
        return next(d for d in self.degree_types.degree_types if d.id == type_id)

    def country_name(self, code: str) -> str:
        """Return the display name of a country code."""
        return next((c.name for c in self.countries.countries if c.code == code), code)

    def stale_programs(self, today: date | None = None) -> list[str]:
        """Slugs of programs whose facts were last verified more than 18 months ago."""
        return [slug for slug, program in self.programs.items() if is_stale(program, today)]


def stale_before(today: date | None = None) -> date:
    """Programs last verified before this date are stale."""
    return (today or date.today()) - STALE_AFTER


def is_stale(program: models.Program, today: date | None = None) -> bool:
    """True when a program's facts were last verified more than 18 months ago."""
    return program.last_verified < stale_before(today)


# --- Mapping pydantic errors to file, line, entry and field --------------------------------


def _submodel(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[X] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found:
            return found
    return None


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for step in path:
        if current is None:
            return None
        if isinstance(step, str):
            info = current.model_fields.get(step)
            current = _submodel(info.annotation) if info else None
    return current


def _clean_loc(loc: tuple) -> tuple:
    """Drop the steps pydantic adds for union members and validators (``int``, ``function-after[...]``)."""
    return tuple(s for s in loc if not (isinstance(s, str) and (s in ("int", "float", "str") or "[" in s)))


def _describe(error: dict, model: type[BaseModel], loc: tuple) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent else ""
        return f"unknown field '{loc[-1]}'; expected one of: {allowed}"
    message = _MESSAGES.get(kind) or error["msg"].removeprefix("Value error, ")
    value = error.get("input")
    if kind != "missing" and isinstance(value, (str, int, float, bool)) and not isinstance(value, LineDict):
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        message = f"{message} (got {shown})"
    return message


def _entry_and_field(raw: LineDict, loc: tuple, entry: str | None) -> tuple[str | None, str | None]:
    """Split a location into the entry it belongs to and a dotted field path."""
    rest = loc
    if entry is None and len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        items = raw.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        name = next((str(item[k]) for k in _ENTRY_NAMES if isinstance(item, dict) and item.get(k)), None)
        entry = name or f"{loc[0]} #{loc[1] + 1}"
        rest = loc[2:]
    parts: list[str] = []
    for step in rest:
        if isinstance(step, int):
            parts.append(f"[{step + 1}]")
        else:
            parts.append(("." if parts else "") + step)
    return entry, "".join(parts) or None


def _validation_errors(
    exc: ValidationError, model: type[BaseModel], raw: LineDict, file: str, entry: str | None
) -> list[DataError]:
    found: dict[tuple, DataError] = {}
    for error in exc.errors():
        loc = _clean_loc(error["loc"])
        if loc in found:  # one message per place is enough (union members repeat it)
            continue
        name, field_path = _entry_and_field(raw, loc, entry)
        found[loc] = DataError(file, line_of(raw, loc), _describe(error, model, loc), name, field_path)
    return list(found.values())


def _error_at(raw: LineDict, file: str, loc: tuple, message: str, entry: str | None = None) -> DataError:
    name, field_path = _entry_and_field(raw, loc, entry)
    return DataError(file, line_of(raw, loc), message, name, field_path)


# --- Loading ---------------------------------------------------------------------------------


def _load_one(path: Path, display: str, model: type[BaseModel], entry: str | None, errors: list[DataError]):
    try:
        raw = load_file(path, display)
    except FileProblem as problem:
        errors.append(problem.error)
        return None, None
    try:
        return model.model_validate(raw), raw
    except ValidationError as exc:
        errors.extend(_validation_errors(exc, model, raw, display, entry))
        return None, raw


def _check_unique(raw: LineDict, file: str, key: str, items: list, attr: str, errors: list[DataError]) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value in seen:
            errors.append(
                _error_at(raw, file, (key, index, attr), f"'{value}' is used twice (first by entry #{seen[value] + 1}); ids must be unique")
            )
        seen.setdefault(value, index)


_UNIQUE_KEYS = {
    "degree_types": [("degree_types", "id")],
    "careers": [("roles", "id"), ("tracks", "id")],
    "figures": [("figures", "id")],
    "curriculum": [("core_areas", "id"), ("specialisations", "id")],
    "electives": [("families", "id")],
    "final_projects": [("options", "id")],
    "study_formats": [("formats", "id")],
    "glossary": [("terms", "term")],
    "countries": [("countries", "code")],
}


@dataclass(frozen=True)
class _ProgramContext:
    """What checking one program file needs from the rest of the data."""

    degree_ids: frozenset[str] | None
    country_codes: frozenset[str] | None
    stale_before: date
    keep_models: bool = True  # False when only the verdict is needed (``make check``)


@dataclass(frozen=True)
class _ProgramResult:
    slug: str
    valid: bool
    program: models.Program | None  # None when invalid, or when the models were not kept
    errors: list[DataError]
    warning: str | None


def _load_program(path: Path, context: _ProgramContext) -> _ProgramResult | None:
    """Load, validate and cross-check one program file (runs in a worker process for large sets)."""
    display = f"{DATA_DIR}/{PROGRAMS_DIR}/{path.name}"
    slug = path.stem
    if path.suffix == ".yaml":
        return _ProgramResult(slug, False, None, [DataError(display, None, f"program files end in .yml; rename it to {slug}.yml")], None)
    if path.suffix != ".yml" or not path.is_file():
        return None
    if not models._SLUG.fullmatch(slug):
        message = "the file name must be lowercase letters, digits and hyphens, e.g. mit-ms-machine-learning.yml"
        return _ProgramResult(slug, False, None, [DataError(display, None, message)], None)
    errors: list[DataError] = []
    program, raw = _load_one(path, display, models.Program, slug, errors)
    if program is None:
        return _ProgramResult(slug, False, None, errors, None)
    if context.degree_ids is not None and program.degree_type not in context.degree_ids:
        message = f"unknown degree type '{program.degree_type}'; expected one of: {', '.join(sorted(context.degree_ids))}"
        errors.append(_error_at(raw, display, ("degree_type",), message, slug))
    if context.country_codes is not None and program.country not in context.country_codes:
        message = (f"unknown country code '{program.country}'; use an ISO code listed in data/countries.yml "
                   "(add the country there if it is missing)")
        errors.append(_error_at(raw, display, ("country",), message, slug))
    warning = None
    if program.last_verified < context.stale_before:
        message = (f"last checked on {program.last_verified.isoformat()}, more than 18 months ago; "
                   "re-check the facts against the sources and update the date")
        warning = str(_error_at(raw, display, ("last_verified",), message, slug))
    return _ProgramResult(slug, True, program if context.keep_models else None, errors, warning)


def _load_program_chunk(paths: list[Path], context: _ProgramContext) -> list[_ProgramResult]:
    return [r for path in paths if (r := _load_program(path, context)) is not None]


#: From this many program files on, ``make check`` reads them in one worker process per CPU core.
PARALLEL_FROM = 600


def _load_programs(paths: list[Path], context: _ProgramContext) -> list[_ProgramResult]:
    workers = min(os.cpu_count() or 1, 8)
    # Validated models are slow to send between processes, so only a check without them runs in parallel.
    if context.keep_models or len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in get_all_start_methods():
        return _load_program_chunk(paths, context)
    size = -(-len(paths) // workers)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        return [result for chunk in pool.map(_load_program_chunk, chunks, [context] * len(chunks)) for result in chunk]


def _check_glossary_forms(glossary: models.GlossaryFile, raw: LineDict, errors: list[DataError]) -> None:
    """A word may have only one tooltip: every term and alias must be different."""
    seen: dict[str, str] = {t.term: t.term for t in glossary.terms}
    for i, term in enumerate(glossary.terms):
        for j, alias in enumerate(term.aliases):
            if alias in seen:
                message = f"'{alias}' is already explained by the term '{seen[alias]}'; each form may appear once"
                errors.append(_error_at(raw, f"{DATA_DIR}/glossary.yml", ("terms", i, "aliases", j), message))
            seen.setdefault(alias, term.term)


def _check_references(data: dict, raws: dict, programs: dict, errors: list[DataError]) -> None:
    """Every program that the guide's other data refers to must exist."""

    def file_of(name: str) -> str:
        return f"{DATA_DIR}/{name}.yml"

    def need_program(name: str, loc: tuple, slug: str) -> None:
        if slug not in programs:
            errors.append(_error_at(raws[name], file_of(name), loc, f"unknown program '{slug}'; expected the name of a file in data/programs/ without .yml"))

    if data.get("curriculum"):
        for i, area in enumerate(data["curriculum"].core_areas):
            for j, course in enumerate(area.example_courses):
                need_program("curriculum", ("core_areas", i, "example_courses", j, "program"), course.program)
    if data.get("electives"):
        families = {f.id for f in data["electives"].families}
        for i, course in enumerate(data["electives"].courses):
            if course.family not in families:
                errors.append(_error_at(raws["electives"], file_of("electives"), ("courses", i, "family"), f"unknown elective family '{course.family}'; expected one of: {', '.join(sorted(families))}"))
            need_program("electives", ("courses", i, "program"), course.program)
    if data.get("careers"):
        tracks = {t.id for t in data["careers"].tracks}
        for i, role in enumerate(data["careers"].roles):
            if role.track not in tracks:
                errors.append(_error_at(raws["careers"], file_of("careers"), ("roles", i, "track"), f"unknown track '{role.track}'; expected one of: {', '.join(sorted(tracks))}"))


def load_dataset(root: Path, today: date | None = None) -> Dataset:
    """Load and validate everything under ``root/data``; raise :class:`DataErrors` listing every problem."""
    return _load(root, today, keep_models=True)


@dataclass(frozen=True)
class CheckReport:
    """The verdict of ``make check`` when the data is valid."""

    programs: int
    degree_types: int
    glossary_terms: int
    warnings: tuple[str, ...]


def check_data(root: Path, today: date | None = None) -> CheckReport:
    """Validate everything like :func:`load_dataset`, keeping only counts and warnings (faster)."""
    data = _load(root, today, keep_models=False)
    return CheckReport(len(data.programs), len(data.degree_types.degree_types), len(data.glossary.terms), data.warnings)


def _load(root: Path, today: date | None, keep_models: bool) -> Dataset:
    root = Path(root)
    data_dir = root / DATA_DIR
    errors: list[DataError] = []
    data: dict[str, BaseModel | None] = {}
    raws: dict[str, LineDict | None] = {}
    for name, model in DATA_FILES.items():
        display = f"{DATA_DIR}/{name}.yml"
        path = data_dir / f"{name}.yml"
        if not path.is_file():
            errors.append(DataError(display, None, "the file is missing"))
            data[name] = raws[name] = None
            continue
        data[name], raws[name] = _load_one(path, display, model, None, errors)
        if data[name] is not None:
            for key, attr in _UNIQUE_KEYS.get(name, []):
                _check_unique(raws[name], display, key, getattr(data[name], key), attr, errors)

    context = _ProgramContext(
        degree_ids=frozenset(d.id for d in data["degree_types"].degree_types) if data.get("degree_types") else None,
        country_codes=frozenset(c.code for c in data["countries"].countries) if data.get("countries") else None,
        stale_before=stale_before(today),
        keep_models=keep_models,
    )
    folder = data_dir / PROGRAMS_DIR
    # Sorting names, not Path objects: at 10,000 files Path comparisons alone cost a few tenths of a second.
    names = sorted(entry.name for entry in os.scandir(folder)) if folder.is_dir() else []
    results = _load_programs([folder / name for name in names], context)
    programs = {r.slug: r.program for r in results if r.valid}
    for result in results:
        errors.extend(result.errors)

    _check_references(data, raws, programs, errors)
    if data.get("glossary"):
        _check_glossary_forms(data["glossary"], raws["glossary"], errors)
    if errors:
        raise DataErrors(errors)
    warnings = tuple(r.warning for r in results if r.warning)
    return Dataset(**data, programs=programs, warnings=warnings)  # type: ignore[arg-type]


_cache: dict[Path, tuple[tuple, Dataset]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*.y*ml")) if p.is_file()
    )


def cached_dataset(root: Path) -> Dataset:
    """Like :func:`load_dataset`, but reuse the last result while no data file has changed."""
    root = Path(root).resolve()
    key = _fingerprint(root / DATA_DIR)
    hit = _cache.get(root)
    if hit and hit[0] == key:
        return hit[1]
    dataset = load_dataset(root)
    _cache[root] = (key, dataset)
    return dataset

