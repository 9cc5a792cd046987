"""Read every data file, validate it against its model, run the rules and cross-checks, report all errors.

This is the one place that reads ``data/``. The build, the macros and ``make check`` call
:func:`load_dataset` (or :func:`check_data`); rendering code only sees the :class:`Dataset` it returns.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import crosscheck, models
from .dataset import Dataset
from .coverage import freshness_summary, gaps
from .derived import STALE_AFTER_MONTHS, stale_before
from .diagnostics import error_at, validation_errors
from .errors import DataError, DataErrors
from .loader import FileProblem, LineDict, load_file
from .rules import TemplateValues, cited_hosts, program_rules

DATA_DIR = "data"
PROGRAMS_DIR = "programs"
TEMPLATE = "templates/program.yml"

#: From this many program files on, ``make check`` reads them in one worker process per CPU core.
PARALLEL_FROM = 600


def program_file(slug: str) -> str:
    """The path of a program's data file as messages and edit links show it."""
    return f"{DATA_DIR}/{PROGRAMS_DIR}/{slug}.yml"


def _validate(path: Path, display: str, model: type[BaseModel], entry: str | None, context: dict,
              errors: list[DataError]) -> tuple[BaseModel | None, LineDict | None]:
    try:
        raw = load_file(path, display)
    except FileProblem as problem:
        errors.append(problem.error)
        return None, None
    try:
        return model.model_validate(raw, context=context), raw
    except ValidationError as exc:
        errors.extend(validation_errors(exc, model, raw, display, entry))
        return None, raw


@dataclass(frozen=True)
class _ProgramContext:
    """What checking one program file needs from the rest of the data (sent to worker processes)."""

    ids: dict  # validation context: the known degree type ids and country codes
    template: TemplateValues
    stale_before: date
    today: date | None
    keep_models: bool = True  # False when only the verdict is needed (``make check``)


@dataclass(frozen=True)
class _ProgramResult:
    slug: str
    program: models.Program | None  # None when invalid, or when the models were not kept
    identity: crosscheck.ProgramIdentity | None  # None when invalid
    errors: list[DataError]
    warning: DataError | None
    old_facts: tuple[str, ...] = ()  # what is old about the program (coverage.gaps), for the freshness summary


def _file_name_problem(entry: os.DirEntry, display: str) -> DataError | None:
    """Files in data/programs/ that would be skipped: say what to do instead of losing them."""
    name = entry.name
    slug = name.split(".")[0].lower()
    if entry.is_dir():
        return DataError(display, None, "program files go directly in data/programs/, not in a subfolder; "
                                        "move the .yml files in it up one level")
    if name.endswith(".yml"):
        if not models.SLUG.fullmatch(name.removesuffix(".yml")):
            return DataError(display, None, "the file name must be lowercase letters, digits and hyphens, "
                                            "e.g. mit-ms-machine-learning.yml")
        return None
    lower = name.lower()
    if lower.endswith((".yml", ".yaml")) or ".yml." in lower or ".yaml." in lower:
        return DataError(display, None, f"program files end in .yml (lowercase); rename it to {slug}.yml")
    return DataError(display, None, "is not a program file and would be ignored; program files end in .yml "
                                    "(move other files elsewhere)")


def _load_program(path: Path, context: _ProgramContext) -> _ProgramResult:
    """Load, validate and check one program file (runs in a worker process for large sets)."""
    slug = path.stem
    display = program_file(slug)
    errors: list[DataError] = []
    program, raw = _validate(path, display, models.Program, slug, context.ids, errors)
    if raw is not None:
        errors.extend(program_rules(raw, display, slug, context.template))
    if program is None or errors:
        return _ProgramResult(slug, None, None, errors, None)
    warning = None
    if program.last_verified < context.stale_before:
        message = (f"last checked on {program.last_verified.isoformat()}, more than {STALE_AFTER_MONTHS} months ago; "
                   "re-check the facts against the sources and update the date")
        warning = error_at(raw, display, ("last_verified",), message, slug)
    identity = crosscheck.ProgramIdentity.of(program, raw)
    old = gaps(program, context.today).old
    return _ProgramResult(slug, program if context.keep_models else None, identity, errors, warning, old)


def _load_program_chunk(paths: list[Path], context: _ProgramContext) -> list[_ProgramResult]:
    return [_load_program(path, context) for path in paths]


def _load_programs(paths: list[Path], context: _ProgramContext) -> list[_ProgramResult]:
    workers = min(os.cpu_count() or 1, 8)
    # Validated models are slow to send between processes, so only a check without them runs in parallel.
    if context.keep_models or len(paths) < PARALLEL_FROM or workers < 2 or "fork" not in get_all_start_methods():
        return _load_program_chunk(paths, context)
    size = -(-len(paths) // workers)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        return [result for chunk in pool.map(_load_program_chunk, chunks, [context] * len(chunks)) for result in chunk]


def _program_paths(folder: Path, errors: list[DataError]) -> list[Path]:
    if not folder.is_dir():
        return []
    paths = []
    # Sorting names, not Path objects: at 10,000 files Path comparisons alone cost a few tenths of a second.
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        problem = _file_name_problem(entry, f"{DATA_DIR}/{PROGRAMS_DIR}/{entry.name}")
        if problem:
            errors.append(problem)
        elif entry.is_file():
            paths.append(folder / entry.name)
    return paths


def _template(data_dir: Path) -> TemplateValues:
    try:
        return TemplateValues.from_raw(load_file(data_dir / TEMPLATE, f"{DATA_DIR}/{TEMPLATE}"))
    except (FileProblem, OSError):
        return TemplateValues()


def _load(root: Path, today: date | None, keep_models: bool) -> tuple[dict[str, BaseModel], list[_ProgramResult], list[DataError]]:
    """Read and check everything; return the data files, one result per program file, and shared-page warnings."""
    root = Path(root)
    data_dir = root / DATA_DIR
    errors: list[DataError] = []
    data: dict[str, BaseModel | None] = {}
    raws: dict[str, LineDict | None] = {}
    for name, model in models.DATA_FILES.items():
        display = crosscheck.data_file(name)
        if not (data_dir / f"{name}.yml").is_file():
            errors.append(DataError(display, None, "the file is missing"))
            data[name] = raws[name] = None
            continue
        data[name], raws[name] = _validate(data_dir / f"{name}.yml", display, model, None, {}, errors)
        if raws[name] is not None:
            errors.extend(cited_hosts(raws[name], display))
        if data[name] is not None:
            errors.extend(crosscheck.unique_ids(name, data[name], raws[name]))

    ids = {}
    if data.get("degree_types"):
        ids["degree_type_ids"] = frozenset(d.id for d in data["degree_types"].degree_types)
        errors.extend(crosscheck.degree_type_pages(data["degree_types"], raws["degree_types"], root / "docs"))
    if data.get("countries"):
        ids["country_codes"] = frozenset(c.code for c in data["countries"].countries)
    context = _ProgramContext(ids, _template(data_dir), stale_before(today), today, keep_models)
    paths = _program_paths(data_dir / PROGRAMS_DIR, errors)
    results = _load_programs(paths, context)
    for result in results:
        errors.extend(result.errors)
    duplicates, shared_pages = crosscheck.duplicate_programs({r.slug: r.identity for r in results if r.identity},
                                                             program_file)
    errors.extend(duplicates)
    errors.extend(crosscheck.program_references(data, raws, {path.stem for path in paths}))
    if data.get("glossary"):
        errors.extend(crosscheck.glossary_forms(data["glossary"], raws["glossary"]))
    if data.get("finder"):
        type_ids = {d.id for d in data["degree_types"].degree_types} if data.get("degree_types") else None
        errors.extend(crosscheck.finder_references(data["finder"], raws["finder"], type_ids, root / "docs"))
    if errors:
        raise DataErrors(errors)
    return data, results, shared_pages


def _warnings(results: list[_ProgramResult], shared_pages: list[DataError]) -> tuple[DataError, ...]:
    return tuple(sorted([*(r.warning for r in results if r.warning), *shared_pages], key=lambda e: (e.file, e.line or 0)))


def load_dataset(root: Path, today: date | None = None) -> Dataset:
    """Load and validate everything under ``root/data``; raise :class:`DataErrors` listing every problem."""
    data, results, shared_pages = _load(root, today, keep_models=True)
    programs = {r.slug: r.program for r in results}
    return Dataset(**data, programs=programs, warnings=_warnings(results, shared_pages))  # type: ignore[arg-type]


@dataclass(frozen=True)
class CheckReport:
    """The verdict of ``make check`` when the data is valid."""

    programs: int
    degree_types: int
    glossary_terms: int
    warnings: tuple[DataError, ...]
    freshness: tuple[str, ...] = ()  # how many programs show old prices, passed deadlines, old checks


def check_data(root: Path, today: date | None = None) -> CheckReport:
    """Validate everything like :func:`load_dataset`, keeping only counts and warnings (faster)."""
    data, results, shared_pages = _load(root, today, keep_models=False)
    return CheckReport(len(results), len(data["degree_types"].degree_types), len(data["glossary"].terms),
                       _warnings(results, shared_pages), tuple(freshness_summary([r.old_facts for r in results])))


_cache: dict[Path, tuple[tuple, Dataset]] = {}


def _fingerprint(root: Path) -> tuple:
    files = [*(root / DATA_DIR).rglob("*"), *(root / "docs").rglob("*.md")]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(files) if p.is_file())


def cached_dataset(root: Path) -> Dataset:
    """Like :func:`load_dataset`, but reuse the last result while no data file (or guide page) has changed."""
    root = Path(root).resolve()
    key = _fingerprint(root)
    hit = _cache.get(root)
    if hit and hit[0] == key:
        return hit[1]
    dataset = load_dataset(root)
    _cache[root] = (key, dataset)
    return dataset
