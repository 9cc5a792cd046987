"""The help-wanted page and report: which facts each program lacks or holds that are old, and coverage per field.

Pure render functions over :mod:`macros.coverage`: the page lists every program with a gap and a
direct link to edit its file; :func:`report_lines` gives ``make check --coverage`` the same content.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from markupsafe import Markup

from . import models
from .coverage import field_coverage, gaps
from .html import link, table, text
from .paths import program_url, relative
from .tables import program_name


def _share(known: int, of: int) -> str:
    return f"{known} of {of} ({round(100 * known / of) if of else 100}%)"


def coverage_table(programs: Mapping[str, models.Program]) -> Markup:
    """Per tracked fact: how many programs state it, the target, and whether it is met."""
    rows = []
    for c in field_coverage(programs):
        target = "" if c.tracked.target is None else f"{round(100 * c.tracked.target)}%"
        verdict = "" if c.met is None else ("met" if c.met else "not yet")
        rows.append([c.tracked.label, _share(c.known, c.of), target, verdict])
    return table("How many programs state each fact", ["Fact", "Programs that state it", "Target", "Target met"],
                 rows, table_id="coverage")


def gaps_list(programs: Mapping[str, models.Program], edit_url: Callable[[str], str], page_url: str,
              today: date | None = None) -> Markup:
    """Every program with a missing or old fact, with what to look for and a link to edit its file."""
    items = []
    for slug, program in sorted(programs.items(), key=lambda item: program_name(item[1]).casefold()):
        found = gaps(program, today)
        if not found:
            continue
        parts = []
        if found.old:
            parts.append(f"<strong>Old:</strong> {text('; '.join(found.old))}.")
        if found.missing:
            parts.append(f"<strong>Missing:</strong> {text(', '.join(found.missing))}.")
        if found.archived:
            parts.append(f"<strong>Read only from an archived copy:</strong> {text(', '.join(found.archived))}.")
        name = link(relative(program_url(slug), page_url), program_name(program), external=False)
        edit = link(edit_url(slug), "edit its file", external=False)
        items.append(f"<li>{name} ({edit}): {' '.join(parts)}</li>")
    if not items:
        return Markup('<p class="kb-empty">Every program states every tracked fact. Thank you!</p>')
    return Markup(f'<ul class="kb-help-wanted">{"".join(items)}</ul>')


def report_lines(programs: Mapping[str, models.Program], today: date | None = None) -> list[str]:
    """The same content as plain text lines for the terminal."""
    lines = ["Coverage (programs whose sources state each fact):"]
    for c in field_coverage(programs):
        target = "" if c.tracked.target is None else f"  target {round(100 * c.tracked.target)}%: " + (
            "met" if c.met else "NOT MET")
        lines.append(f"  {c.tracked.label:<40} {_share(c.known, c.of):>16}{target}")
    lines.append("Programs with missing or old facts:")
    for slug, program in programs.items():
        found = gaps(program, today)
        if found:
            details = [*(f"old: {o}" for o in found.old), *([f"missing: {', '.join(found.missing)}"] if found.missing else []),
                       *(f"archived copy: {a}" for a in found.archived)]
            lines.append(f"  data/programs/{slug}.yml: {'; '.join(details)}")
    return lines
