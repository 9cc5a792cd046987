"""A changed fact needs a new reading of its source: ``make check BASE=<git ref>``.

Compares each program file of the working tree with its version at a base git ref (the branch a
pull request goes into). For every fact that changed (the fields named in
:data:`macros.models.ProgramFact`), at least one source that supports it must have been read
after every source that supported it before: its ``accessed`` date must be newer. Otherwise a
changed number could still cite a page read long before the number changed.

New and deleted program files are not reviewed (the normal rules check new files), nor are facts
that were removed. Versions that do not parse are skipped: ``make check`` reports the working
tree's problems, and an old version's problems no longer matter.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import get_args

from .diagnostics import error_at
from .errors import DataError
from .loader import FileProblem, LineDict, load_file, parse_text, value_at
from .models import ProgramFact, fact_path, utc_today

PROGRAMS = "data/programs"
_SHOWN = 40  # longest value shown in a message, in characters


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _supporting_dates(raw: LineDict, fact: str) -> tuple[bool, list[date]]:
    """Whether any source supports ``fact``, and the valid ``accessed`` dates of those that do."""
    sources = raw.get("sources")
    supporting = [s for s in sources if isinstance(s, dict) and isinstance(s.get("supports"), list)
                  and fact in s["supports"]] if isinstance(sources, list) else []
    today = utc_today()
    dates = [d for s in supporting if (d := _date(s.get("accessed"))) is not None and d <= today]
    return bool(supporting), dates


def _difference(before: object, after: object, loc: tuple) -> tuple[tuple, object, object]:
    """The deepest key (present in ``after``) where two values differ, with the values there."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key, value in after.items():
            if before.get(key) != value:
                return _difference(before.get(key), value, (*loc, key))
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, value in enumerate(after):
            if before[index] != value:
                return _difference(before[index], value, (*loc, index))
    return loc, before, after


def _show(value: object) -> str:
    if value is None:
        text = "nothing"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_show(v) for v in value) + "]"
    elif isinstance(value, str) and len(value) > _SHOWN:
        text = repr(value[: _SHOWN - 3] + "...")
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def review_program(old: LineDict, new: LineDict, file: str, slug: str) -> list[DataError]:
    """One error for each fact of ``new`` that differs from ``old`` without a newer reading of a source."""
    errors = []
    for fact in get_args(ProgramFact):
        before, after = value_at(old, fact_path(fact)), value_at(new, fact_path(fact))
        if after is None or before == after:
            continue
        supported, new_dates = _supporting_dates(new, fact)
        if not supported:
            continue  # the rule "no source supports this fact" already says what to do
        old_dates = _supporting_dates(old, fact)[1]
        newest_before = max(old_dates, default=None)
        if new_dates and (newest_before is None or max(new_dates) > newest_before):
            continue
        loc, was, now = _difference(before, after, fact_path(fact))
        since = f" after {newest_before.isoformat()}" if newest_before else ""
        message = (f"{fact} changed ({_show(was)} -> {_show(now)}) but no source that supports {fact} was read "
                   f"again{since}; read the source, then set its `accessed` date to the day you read it")
        errors.append(error_at(new, file, loc, message, slug))
    return errors


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True).stdout


def _read_blobs(root: Path, base: str, paths: list[str]) -> dict[str, bytes]:
    """The content of each path at ``base`` in one ``git cat-file --batch`` (paths missing there are left out)."""
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{base}:./{p}\n" for p in paths).encode())
    blobs: dict[str, bytes] = {}
    position = 0
    for path in paths:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blobs[path] = output[position : position + size]
            position += size + 1  # the content is followed by a newline
    return blobs


def _parse_old(content: bytes, file: str) -> LineDict | None:
    try:
        return parse_text(content.decode("utf-8").removeprefix("\ufeff"), file)
    except (UnicodeDecodeError, FileProblem):
        return None


def review_changes(root: Path, base: str) -> list[DataError]:
    """Review every program file that exists both in the working tree under ``root`` and at ``base``."""
    root = Path(root)
    try:
        listed = _git(root, "ls-tree", "-r", "-z", "--name-only", base, "--", f"{PROGRAMS}/").decode()
        paths = [p for p in listed.split("\0") if p.endswith(".yml") and p.count("/") == PROGRAMS.count("/") + 1
                 and (root / p).is_file()]
        blobs = _read_blobs(root, base, paths) if paths else {}
    except (OSError, subprocess.CalledProcessError, ValueError) as exc:
        said = exc.stderr.decode(errors="replace").strip() if isinstance(exc, subprocess.CalledProcessError) else str(exc)
        return [DataError(PROGRAMS, None, f"cannot compare with '{base}' ({said or 'git failed'}); "
                                          "fetch it first (e.g. git fetch origin main) or name another git ref")]
    errors: list[DataError] = []
    for path, content in blobs.items():
        old = _parse_old(content, path)
        try:
            new = load_file(root / path, path)
        except (FileProblem, OSError):
            continue  # make check reports it
        if old is not None:
            errors.extend(review_program(old, new, path, Path(path).stem))
    return errors
