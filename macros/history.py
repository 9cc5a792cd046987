"""The history of the data and the pages, read from git: what changed, when, in which commit.

Pure reading, no rendering (:mod:`macros.changes` renders). Nothing here raises when git is
missing, the folder is not a checkout or the clone is shallow: every answer carries a status
the renderers explain. A shallow clone's oldest commit looks as if it added every file, so its
dates and changes would be wrong; a shallow clone yields no history at all.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .loader import FileProblem, parse_text
from .validate import DATA_DIR, PROGRAMS_DIR

#: The status of every answer: only OK comes with history.
OK, SHALLOW, NOT_A_REPOSITORY, NO_GIT, FAILED = "ok", "shallow", "not-a-repository", "no-git", "failed"

#: Kinds of change. A field change of a program is CHANGED with ``field`` set; a data file that
#: is not a program file changes as a whole (``slug`` and ``field`` are None).
CHANGED, ADDED, REMOVED, UNREADABLE = "changed", "added", "removed", "unreadable"
_KINDS = {"A": ADDED, "D": REMOVED}

#: Compared as one field and shown as a short summary (the full list would not fit in a table).
SUMMARISED = frozenset({"sources"})


@dataclass(frozen=True)
class Change:
    """One change to the data in one commit."""

    sha: str
    date: str  # commit date, ISO 8601 in UTC: 2026-02-01T12:00:00Z
    subject: str
    path: str  # relative to the project root: data/programs/<slug>.yml
    kind: str
    slug: str | None = None  # the program, for files in data/programs/
    field: str | None = None  # dotted path (tuition.amount) for kind CHANGED
    old: object = None  # plain data (str, int, float, bool, list, dict) or None when absent
    new: object = None
    note: str = ""  # why a version could not be read (kind UNREADABLE)


@dataclass(frozen=True)
class History:
    """Recent changes to data/, newest first, with the status of the git checkout."""

    status: str
    changes: tuple[Change, ...] = ()
    truncated: bool = False  # older changes exist but were left out
    detail: str = ""  # git's own message when status is FAILED


@dataclass(frozen=True)
class Dates:
    """The date (YYYY-MM-DD, UTC) each file last changed, keyed by path relative to the project root."""

    status: str
    dates: dict[str, str]
    detail: str = ""


@dataclass(frozen=True)
class _Checkout:
    status: str
    prefix: str = ""  # the project root's path inside the repository ("" or "site/")
    detail: str = ""


def _env() -> dict[str, str]:
    return {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}  # never take the index lock


def _git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, input=data, capture_output=True, env=_env(), check=False)


def _first_line(raw: bytes) -> str:
    lines = raw.decode("utf-8", "replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else "git failed"


def checkout(root: Path) -> _Checkout:
    """Whether ``root`` is in a git work tree, a full or a shallow one."""
    try:
        done = _git(Path(root), "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
    except OSError:  # git is not installed (or cannot run)
        return _Checkout(NO_GIT)
    if done.returncode != 0:
        message = _first_line(done.stderr)
        return _Checkout(NOT_A_REPOSITORY if "not a git repository" in message else FAILED, detail=message)
    lines = done.stdout.decode("utf-8", "replace").splitlines() + ["", "", ""]
    if lines[0] != "true":
        return _Checkout(NOT_A_REPOSITORY)
    return _Checkout(SHALLOW if lines[1] == "true" else OK, prefix=lines[2])


def _utc(timestamp: bytes | str) -> datetime:
    return datetime.fromtimestamp(int(timestamp), timezone.utc)


def _records(raw: bytes):
    """Split ``git log -z --format=%x1e...`` output into (header, [name-status tokens])."""
    for record in raw.split(b"\x1e"):
        header, _, rest = record.partition(b"\0")
        if header:
            yield header, [t.strip(b"\n").decode("utf-8", "replace") for t in rest.split(b"\0") if t.strip(b"\n")]


def _read_blobs(root: Path, names: list[str]) -> dict[str, bytes | None]:
    """Contents of ``rev:path`` objects in one ``git cat-file --batch`` run (None when missing)."""
    if not names:
        return {}
    names = [n for n in names if "\n" not in n]  # the batch protocol is one name a line
    out = _git(root, "cat-file", "--batch", data="".join(f"{n}\n" for n in names).encode()).stdout
    blobs: dict[str, bytes | None] = {}
    pos = 0
    for name in names:
        end = out.find(b"\n", pos)
        if end < 0:
            break
        header, pos = out[pos:end].split(), end + 1
        if header[-1:] in ([b"missing"], [b"ambiguous"]) or len(header) != 3 or not header[2].isdigit():
            continue
        size = int(header[2])
        blobs[name] = out[pos:pos + size] if header[1] == b"blob" else None
        pos += size + 1
    return blobs


def _parse(raw: bytes | None, path: str) -> tuple[dict | None, str]:
    """A version of a program file as data, or None and why it could not be read."""
    if raw is None:
        return None, f"{path}: the file could not be read from git"
    try:
        return parse_text(raw.decode("utf-8").removeprefix("\ufeff"), path), ""
    except UnicodeDecodeError:
        return None, f"{path}: the file is not valid UTF-8"
    except FileProblem as problem:
        return None, str(problem.error)


def _plain(value: object) -> object:  # LineDicts become plain dicts
    if isinstance(value, (dict, list)):
        return {k: _plain(v) for k, v in value.items()} if isinstance(value, dict) else [_plain(v) for v in value]
    return value


def _same(a: object, b: object) -> bool:
    """Equal with types (``1`` is not ``true``, ``30`` is not ``30.0``)."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _sources_summary(value: object) -> str | None:
    if not isinstance(value, list):
        return None if value is None else str(value)
    read = [str(s["accessed"]) for s in value if isinstance(s, dict) and s.get("accessed")]
    return f"{len(value)} source{'' if len(value) == 1 else 's'}" + (f", last read {max(read)}" if read else "")


def field_changes(old: dict, new: dict, prefix: str = "") -> list[tuple[str, object, object]]:
    """(dotted field, old, new) for every field that differs; mappings are compared field by field."""
    found = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b, name = old.get(key), new.get(key), f"{prefix}{key}"
        if _same(a, b):
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            found.extend(field_changes(a, b, f"{name}."))
        elif not prefix and key in SUMMARISED:
            before, after = _sources_summary(a), _sources_summary(b)
            found.append((name, before, f"{after} (edited)" if before == after else after))
        else:
            found.append((name, _plain(a), _plain(b)))
    return found


def program_slug(path: str) -> str | None:
    """The program a path relative to the project root belongs to (``data/programs/<slug>.yml``), or None."""
    folder, _, name = path.rpartition("/")
    return name.removesuffix(".yml") if folder == f"{DATA_DIR}/{PROGRAMS_DIR}" and name.endswith(".yml") else None


def data_changes(root: Path, *, limit: int = 300, max_commits: int = 200) -> History:
    """Changes to ``data/`` in the last ``max_commits`` commits that touched it, newest first.

    At most ``limit`` changed files are read (each gives one change or more), so a commit that
    rewrote every program costs no more than ``limit`` files.
    """
    repo = checkout(root)
    if repo.status != OK:
        return History(repo.status, detail=repo.detail)
    try:
        return _data_changes(Path(root), repo, limit, max_commits)
    except (OSError, ValueError) as exc:  # git vanished mid-build, or printed something unexpected
        return History(FAILED, detail=str(exc))


def _data_changes(root: Path, repo: _Checkout, limit: int, max_commits: int) -> History:
    log = _git(root, "log", "-z", "--no-renames", "--relative", "--name-status", f"--max-count={max_commits}",
               "--format=%x1e%H%x1f%ct%x1f%s", "--", DATA_DIR)
    if log.returncode != 0:
        message = _first_line(log.stderr)
        return History(OK) if "does not have any commits" in message else History(FAILED, detail=message)
    files: list[tuple[str, str, str, str, str]] = []  # sha, date, subject, status, path
    truncated = False
    for header, tokens in _records(log.stdout):
        sha, stamp, subject = (header.decode("utf-8", "replace").split("\x1f", 2) + ["", ""])[:3]
        date = _utc(stamp).strftime("%Y-%m-%dT%H:%M:%SZ")
        # Only YAML: the facts. The generated schemas in data/schema/ are left out.
        entries = [(sha, date, subject, st[:1], path) for st, path in zip(tokens[::2], tokens[1::2])
                   if path.endswith(".yml")]
        room = limit - len(files)
        files += entries[:room]
        if truncated := len(entries) > room:
            break
    wanted = [f"{sha}{rev}:{repo.prefix}{path}" for sha, _, _, status, path in files
              if program_slug(path) and status not in _KINDS for rev in ("^", "")]
    blobs = _read_blobs(root, list(dict.fromkeys(wanted)))
    changes: list[Change] = []
    for sha, date, subject, status, path in files:
        commit = {"sha": sha, "date": date, "subject": subject, "path": path}
        slug = program_slug(path)
        if slug is None or status in _KINDS:
            changes.append(Change(**commit, kind=_KINDS.get(status, CHANGED), slug=slug))
            continue
        (old, old_problem), (new, new_problem) = (_parse(blobs.get(f"{sha}{rev}:{repo.prefix}{path}"), path)
                                                  for rev in ("^", ""))
        if old is None or new is None:
            note = f"the new version could not be read ({new_problem})" if new is None else (
                f"the previous version could not be read ({old_problem})")
            changes.append(Change(**commit, kind=UNREADABLE, slug=slug, note=note))
            continue
        changes.extend(Change(**commit, kind=CHANGED, slug=slug, field=field, old=a, new=b)
                       for field, a, b in field_changes(old, new))
    return History(OK, tuple(changes), truncated)


def last_changed(root: Path, paths: tuple[str, ...] = ("docs", DATA_DIR)) -> Dates:
    """The date each tracked file under ``paths`` last changed, from one ``git log`` run.

    The log is read as it streams and stopped as soon as every tracked file has its date.
    """
    repo = checkout(root)
    if repo.status != OK:
        return Dates(repo.status, {}, repo.detail)
    try:
        return Dates(OK, _last_changed(Path(root), paths))
    except (OSError, ValueError) as exc:
        return Dates(FAILED, {}, str(exc))


def _last_changed(root: Path, paths: tuple[str, ...]) -> dict[str, str]:
    listed = _git(root, "ls-files", "-z", "--", *paths)
    pending = {p for p in listed.stdout.decode("utf-8", "replace").split("\0") if p}
    dates: dict[str, str] = {}
    if not pending:
        return dates
    process = subprocess.Popen(["git", "log", "-z", "--no-renames", "--relative", "--name-only",
                                "--format=%x1e%ct", "--", *paths],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env())
    buffer = b""
    with process:
        while pending:
            chunk = process.stdout.read1(1 << 16)
            buffer += chunk
            complete, _, buffer = buffer.rpartition(b"\x1e") if chunk else (buffer, b"", b"")
            for header, names in _records(complete):
                day = _utc(header).date().isoformat()
                for name in pending.intersection(names):
                    dates[name] = day
                pending.difference_update(names)
            if not chunk:
                break
        if process.poll() is None:  # every file has its date: stop reading the older history
            process.kill()
    return dates
