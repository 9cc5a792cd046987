"""Command-line data check: ``python -m macros.check`` (what ``make check`` runs).

Prints every problem in ``data/`` as ``FILE:LINE: ENTRY: FIELD: message`` and exits 1, or
prints a one-line summary and exits 0. Warnings (old facts, shared pages) do not fail the check.
In GitHub Actions each problem is also printed as a workflow annotation, so a pull request shows
it on the line of the YAML file it is about. With ``--base REF`` (``make check BASE=REF``) it also
requires a new reading of the source of every program fact changed since that git ref (:mod:`macros.review`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .errors import DataError, DataErrors
from .review import review_changes
from .help_wanted import report_lines
from .validate import check_data, load_dataset


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
    parser = argparse.ArgumentParser(prog="python -m macros.check", description="Validate the data files.")
    parser.add_argument("root", nargs="?", type=Path, default=Path.cwd(), help="the project (default: here)")
    parser.add_argument("--coverage", action="store_true",
                        help="also list, per program, the facts that are missing or old (the help-wanted page)")
    parser.add_argument("--base", metavar="REF", help="a git ref (e.g. origin/main): every program fact changed "
                        "since then needs a source read after the sources it had there")
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    root = options.root
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    started = time.perf_counter()
    problems = review_changes(root, options.base) if options.base else []
    try:
        report = check_data(root)
    except DataErrors as exc:
        problems = [*exc.errors, *problems]
    if problems:
        errors = DataErrors(problems)
        print(errors.report(), file=sys.stderr)
        print("Fix the lines above and run `make check` again. CONTRIBUTING.md explains each field.", file=sys.stderr)
        if in_actions:
            print("\n".join(annotation("error", e) for e in errors.errors))
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
        if in_actions:
            print(annotation("warning", warning))
    for line in report.freshness:
        print(f"freshness: {line}", file=sys.stderr)
    if options.coverage:
        print("\n".join(report_lines(load_dataset(root).programs)))
    elapsed = time.perf_counter() - started
    print(
        f"Data OK: {report.programs} programs, {report.degree_types} degree types, "
        f"{report.glossary_terms} glossary terms ({len(report.warnings)} warnings) in {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
