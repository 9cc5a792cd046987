"""The shortlist page's container (macros.shortlist): what the script is handed, and the text without JavaScript."""

from __future__ import annotations

import html
import json
import re

from macros import exports, paths, shortlist


def attributes(markup: str) -> dict[str, str]:
    tag = re.search(r'<div id="kb-shortlist"([^>]*)>', markup).group(1)
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag)}


def test_the_container_names_the_data_pages_and_the_csv_rule():
    found = attributes(str(shortlist.shortlist_widget(paths.SHORTLIST_PAGE)))
    assert found["data-src"] == "../../" + paths.COMPARE_JSON
    assert found["data-deadlines"] == "../../" + paths.DEADLINES_JSON
    assert found["data-root"] == "../../"
    assert found["data-compare"] == "../compare/"
    assert found["data-directory"] == "../"
    assert found["data-max"] == str(shortlist.COMPARE_MAX)
    # The formula starts are Python's own list, handed over rather than typed again in the script.
    assert tuple(json.loads(found["data-formula-starts"])) == exports.FORMULA_STARTS


def test_without_javascript_the_container_explains_itself():
    markup = str(shortlist.shortlist_widget(paths.SHORTLIST_PAGE))
    assert "<noscript><p>The shortlist needs JavaScript" in markup
    assert '<a href="../">program directory</a>' in markup
