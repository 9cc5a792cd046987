"""The shortlist page's container: where its script finds the data and the rules it must not re-type.

The script in ``assets/javascripts/shortlist.js`` fills the container in. It fetches the
``facts.json`` of each program on the list only (:mod:`macros.facts_json`): display values and
upcoming deadlines, already written as iCalendar events. The rows' labels and the calendar's head
and foot are in the container's ``data-labels``; the CSV's formula rule is
:data:`macros.exports.FORMULA_STARTS`, handed over in a data attribute.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import facts_json
from .directory import SLUG_PLACEHOLDER
from .exports import FORMULA_STARTS
from .html import attr, link
from .paths import COMPARE_PAGE, DIRECTORY_PAGE, program_facts, relative

#: The most programs the compare page shows at once (its container's data-max).
COMPARE_MAX = 4


def shortlist_widget(page_url: str) -> Markup:
    """The shortlist's container; without JavaScript it says why it is empty and where the same facts are."""
    directory = link(relative(DIRECTORY_PAGE, page_url), "program directory", external=False)
    return Markup(
        f'<div id="kb-shortlist" data-labels="{attr(json.dumps(facts_json.shortlist_labels(), ensure_ascii=False))}" '
        f'data-facts="{attr(program_facts(SLUG_PLACEHOLDER))}" '
        f'data-root="{attr(relative("", page_url).rstrip("/") + "/")}" '
        f'data-compare="{attr(relative(COMPARE_PAGE, page_url))}" data-max="{COMPARE_MAX}" '
        f'data-directory="{attr(relative(DIRECTORY_PAGE, page_url))}" '
        f'data-formula-starts="{attr(json.dumps(list(FORMULA_STARTS)))}">'
        "<noscript><p>The shortlist needs JavaScript: it is kept in your browser, not on our server. Without "
        f"it, the {directory} lists every program, and each program's page has its facts and, when a deadline "
        "is ahead, a calendar file of its deadlines.</p></noscript>"
        "</div>"
    )
