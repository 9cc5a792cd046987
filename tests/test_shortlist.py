"""The shortlist page's container (macros.shortlist): what the script is handed, and the text without JavaScript."""

from __future__ import annotations

import html
import json
import re

from macros import exports, facts, paths, shortlist


def attributes(markup: str) -> dict[str, str]:
    tag = re.search(r'<div id="kb-shortlist"([^>]*)>', markup).group(1)
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)}


def test_the_container_names_the_data_pages_and_the_csv_rule():
    found = attributes(str(shortlist.shortlist_widget(paths.SHORTLIST_PAGE)))
    # Each program's facts, under the site root: the script fetches only the programs on the list.
    assert found["data-root"] == "../../"
    assert found["data-facts"] == paths.program_facts("{slug}")
    labels = json.loads(found["data-labels"])
    assert labels["rows"] == [[f.key, f.label] for f in facts.FACTS]
    assert labels["calendar"]["head"].startswith("BEGIN:VCALENDAR\r\n")
    assert labels["calendar"]["foot"] == "END:VCALENDAR\r\n"
    assert found["data-compare"] == "../compare/"
    assert found["data-directory"] == "../"
    assert found["data-max"] == str(shortlist.COMPARE_MAX)
    # The formula starts are Python's own list, handed over rather than typed again in the script.
    assert tuple(json.loads(found["data-formula-starts"])) == exports.FORMULA_STARTS


def test_without_javascript_the_container_explains_itself():
    markup = str(shortlist.shortlist_widget(paths.SHORTLIST_PAGE))
    assert "<noscript><p>The shortlist needs JavaScript" in markup
    assert '<a href="../">program directory</a>' in markup
