"""What ``make serve`` does differently: a data error is shown in the browser, not only in the terminal.

A build that fails while ``mkdocs serve`` runs leaves the browser waiting for a page that never
comes. So while serving, the hooks build every page as an error page listing the problems, the
terminal prints the same list, and the next save that fixes the data brings the site back.
"""

from __future__ import annotations

import json
import sys

from .errors import DataErrors

_state = {"serving": False}


def start(command: str) -> None:
    """Remember whether MkDocs was started to serve (called from the ``on_startup`` hook)."""
    _state["serving"] = command == "serve"


def serving() -> bool:
    """True while ``mkdocs serve`` runs."""
    return _state["serving"]


def report(errors: DataErrors) -> None:
    """Print the errors to the terminal (not through MkDocs' log, which would abort a strict build)."""
    print(f"\n{errors.report()}\nThe site shows these errors until the data is fixed.\n", file=sys.stderr)


def error_page(errors: DataErrors) -> str:
    """The Markdown of a page that lists every data error (replaces each page while serving)."""
    front = json.dumps({"title": "Data errors", "render_macros": False, "search": {"exclude": True}})
    lines = "\n".join(f"    {line}" for line in errors.report().splitlines())
    return (f"---\n{front}\n---\n\n# The data has errors\n\n"
            "The site cannot be built until these are fixed. Each line names the file and line to change; "
            "save the file and this page reloads.\n\n"
            f"{lines}\n\nCONTRIBUTING.md explains every field.\n")
