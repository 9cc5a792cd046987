"""Data errors a contributor can act on: file, line, entry, field, and what is expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataError:
    """One problem in one data file, printed as ``FILE:LINE: ENTRY: FIELD: message``."""

    file: str
    line: int | None
    message: str
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where, self.entry, self.field, self.message]
        return ": ".join(p for p in parts if p)


class DataErrors(Exception):
    """Raised with every error found in the data, so a contributor sees them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0))
        super().__init__(self.report())

    def report(self) -> str:
        """Return the errors as lines of text with a one-line summary first."""
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} found in the data:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])
