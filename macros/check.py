"""Command-line data check: ``python -m macros.check`` (what ``make check`` runs).

Prints every problem in ``data/`` as ``FILE:LINE: ENTRY: FIELD: message`` and exits 1, or
prints a one-line summary and exits 0. Warnings (old facts, shared pages) do not fail the check.
In GitHub Actions each problem is also printed as a workflow annotation, so a pull request shows
it on the line of the YAML file it is about.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .errors import DataError, DataErrors
from .validate import check_data


def _escape(value: str, *, in_property: bool = False) -> str:
    """Escape text for a workflow command (GitHub's rules: %, CR and LF; also , and : in properties)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if in_property else value


def annotation(level: str, problem: DataError) -> str:
    """``::error file=…,line=…,title=…::message``: GitHub shows it on that line of the pull request."""
    properties = [f"file={_escape(problem.file, in_property=True)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = ": ".join(p for p in (problem.entry, problem.field) if p) or "data check"
    properties.append(f"title={_escape(title, in_property=True)}")
    return f"::{level} {','.join(properties)}::{_escape(problem.message)}"


def main(argv: list[str] | None = None) -> int:
    """Validate the data of the project in the current directory (or the one given)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    started = time.perf_counter()
    try:
        report = check_data(root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix the lines above and run `make check` again. CONTRIBUTING.md explains each field.", file=sys.stderr)
        if in_actions:
            print("\n".join(annotation("error", e) for e in exc.errors))
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
        if in_actions:
            print(annotation("warning", warning))
    elapsed = time.perf_counter() - started
    print(
        f"Data OK: {report.programs} programs, {report.degree_types} degree types, "
        f"{report.glossary_terms} glossary terms ({len(report.warnings)} warnings) in {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
