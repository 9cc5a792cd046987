"""Glossary tooltips on a term's first use on a page only, and never in headings.

Python-Markdown's ``abbr`` extension marks every occurrence of every glossary form, so a page
about MS degrees underlines "MS" a dozen times. :func:`first_use_only` keeps the first mark of
each term (terms and their aliases share a tooltip text, so they count as one) and turns the
others, and every mark inside a heading, back into plain text.

:func:`abbreviations` gives the extension the glossary once per build (its ``glossary`` option),
rather than as ``*[term]: ...`` lines appended to every page: Python-Markdown reads appended
definitions one per pass over the rest of the block, which cost about 14 ms a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import models

_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def abbreviations(terms: Iterable[models.GlossaryTerm]) -> dict[str, str]:
    """Each glossary form (a term and its aliases) and its tooltip text, for the ``abbr`` extension."""
    return {form: term.expansion for term in terms for form in (term.term, *term.aliases)}


def _unmark(html: str) -> str:
    return _ABBR.sub(lambda m: m.group(2), html)


def first_use_only(html: str) -> str:
    """The page's HTML with each glossary tooltip kept once, at its first use outside headings."""
    seen: set[str] = set()

    def first(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        return match.group(0)

    parts, position = [], 0
    for heading in _HEADING.finditer(html):
        parts.append(_ABBR.sub(first, html[position:heading.start()]))
        parts.append(_unmark(heading.group(0)))
        position = heading.end()
    parts.append(_ABBR.sub(first, html[position:]))
    return "".join(parts)
