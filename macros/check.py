"""Command-line data check: ``python -m macros.check`` (what ``make check`` runs).

Prints every problem in ``data/`` as ``FILE:LINE: ENTRY: FIELD: message`` and exits 1, or
prints a one-line summary and exits 0. Staleness is a warning, not a failure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .dataset import check_data
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    """Validate the data of the project in the current directory (or the one given)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    started = time.perf_counter()
    try:
        report = check_data(root)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix the lines above and run `make check` again. CONTRIBUTING.md explains each field.", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"Data OK: {report.programs} programs, {report.degree_types} degree types, "
        f"{report.glossary_terms} glossary terms ({len(report.warnings)} warnings) in {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
