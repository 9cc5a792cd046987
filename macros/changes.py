"""The "Recent data changes" page and its Atom feed, from the history in :mod:`macros.history`.

Pure functions: plain data in, text out. Every value from the data or from git is escaped:
with :func:`macros.html.text` on the page, with XML escaping in the feed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from os.path import commonprefix

from markupsafe import Markup, escape

from . import history
from .html import block, link, table, text
from .paths import CHANGES_FEED, CHANGES_PAGE, Repository, program_url, relative
from .validate import DATA_DIR

TITLE = "Recent data changes"
FEED_ENTRIES = 50  # commits in the feed
_LONG = 140  # characters of a value shown before it is cut

_UNAVAILABLE = {
    history.SHALLOW: "This copy of the site was built from a shallow clone, which holds only the latest commit, "
                     "so the history of the data is not available here. Fetch the full history "
                     "(<code>git fetch --unshallow</code>) and build again to see the changes.",
    history.NOT_A_REPOSITORY: "This copy of the site was not built from a git checkout (it may come from a "
                              "downloaded archive), so the history of the data is not available here. Build it "
                              "from a clone of the repository to see the changes.",
    history.NO_GIT: "git was not installed where this copy of the site was built, so the history of the data is "
                    "not available here. Install git and build again to see the changes.",
}


def value_text(value: object) -> str:
    """A data value as a short phrase: lists joined by commas, mappings as ``key: value``."""
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) or "none"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    return str(value)


def _cut(value: str) -> str:
    return value if len(value) <= _LONG else value[:_LONG].rsplit(" ", 1)[0] + " …"


def before_after(old: object, new: object) -> tuple[str, str]:
    """Both values as short text; long texts that start alike are shown from where they differ."""
    before, after = value_text(old), value_text(new)
    same = commonprefix([before, after])
    start = same.rfind(" ", 0, len(same) - _LONG // 3) + 1  # keep a few words before the first difference
    if start > _LONG // 3:
        before, after = "… " + before[start:], "… " + after[start:]
    return _cut(before), _cut(after)


def describe(change: history.Change) -> str:
    """What happened, in words (the program is named separately)."""
    if change.slug is None:
        return f"File {'edited' if change.kind == history.CHANGED else change.kind}"
    if change.kind == history.ADDED:
        return "Program added"
    if change.kind == history.REMOVED:
        return "Program removed"
    if change.kind == history.UNREADABLE:
        return f"Not compared: {change.note}"
    before, after = before_after(change.old, change.new)
    return f"{before} → {after}"


def _summary(result: history.History, repository: Repository) -> str:
    if result.status in _UNAVAILABLE:
        return ('<div class="admonition note"><p class="admonition-title">History not available</p>'
                f"<p>{_UNAVAILABLE[result.status]}</p></div>")
    if result.status != history.OK:
        return ('<div class="admonition note"><p class="admonition-title">History not available</p>'
                f"<p>git could not read the history of the data when this copy was built: {text(result.detail)}</p></div>")
    if not result.changes:
        return "<p>No changes to the data were found in the history.</p>"
    older = (f" Older changes are in the {link(repository.history(DATA_DIR), 'full history of the data folder')}."
             if result.truncated else "")
    return f"<p>The {len(result.changes)} most recent changes, newest first.{older}</p>"


def changes_page(result: history.History, repository: Repository, names: Mapping[str, str]) -> str:
    """The Markdown of the changes page. ``names`` names each program that has a page on the site."""
    here = CHANGES_PAGE
    feed = link(relative(CHANGES_FEED, here), "Atom feed", external=False)
    intro = ("<p>Every fact in this guide comes from a data file, and every edit to those files is kept in the "
             "project's git history. This page lists the latest edits, read from that history when the site was "
             "built: the date, the program, the field, its old and new value, and the commit that made the change, "
             f"where the reason is recorded. To hear about new edits, subscribe to the {feed}.</p>")
    rows = []
    for change in result.changes:
        if change.slug is None:
            program: object = change.path
        elif change.slug in names:
            program = link(relative(program_url(change.slug), here), names[change.slug], external=False)
        else:
            program = change.slug
        field = change.field or ("whole file" if change.slug is None else "")
        rows.append((change.date[:10], program, field, describe(change),
                     link(repository.commit(change.sha), change.sha[:7])))
    listing = table("Recent changes to the data", ["Date", "Program", "Field", "Change", "Commit"], rows,
                    empty="") if rows else Markup("")
    front = json.dumps({"title": TITLE, "render_macros": False,
                        "description": "The latest edits to the guide's data, field by field, with links to the "
                                       "commits that made them.",
                        # A log of old and new values answers no reader's question; search leaves it out.
                        "search": {"exclude": True}})
    body = f"<h1>{TITLE}</h1>{intro}{_summary(result, repository)}{listing}"
    return f"---\n{front}\n---\n" + block(Markup(body))


# --- Atom feed ------------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 does not allow


def _xml(value: object) -> str:
    return str(escape(_NOT_XML.sub("", str(value))))


def by_commit(changes: tuple[history.Change, ...]) -> list[list[history.Change]]:
    """Changes grouped by commit, newest commit first (the order of the history)."""
    groups: dict[str, list[history.Change]] = {}
    for change in changes:
        groups.setdefault(change.sha, []).append(change)
    return list(groups.values())


def _entry_html(changes: list[history.Change], site_url: str, names: Mapping[str, str]) -> str:
    items = []
    for change in changes:
        if change.slug is None:
            where: Markup = text(change.path)
        elif change.slug in names:
            where = link(f"{site_url}{program_url(change.slug)}", names[change.slug], external=False)
        else:
            where = text(change.slug)
        field = f"{text(change.field)}: " if change.field else ""
        items.append(f"<li>{where}: {field}{text(describe(change))}</li>")
    return f"<ul>{''.join(items)}</ul>"


def changes_feed(result: history.History, repository: Repository, *, site_url: str, site_name: str,
                 author: str, names: Mapping[str, str]) -> str:
    """An Atom 1.0 feed with one entry per commit that changed the data."""
    commits = by_commit(result.changes)[:FEED_ENTRIES]
    updated = commits[0][0].date if commits else "1970-01-01T00:00:00Z"
    entries = []
    for changes in commits:
        first = changes[0]
        url = repository.commit(first.sha)
        entries.append(
            f"<entry><id>{_xml(url)}</id><title>{_xml(first.subject or first.sha[:7])}</title>"
            f"<updated>{_xml(first.date)}</updated><link rel=\"alternate\" href=\"{_xml(url)}\"/>"
            f"<content type=\"html\">{_xml(_entry_html(changes, site_url, names))}</content></entry>"
        )
    feed_url = f"{site_url}{CHANGES_FEED}"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>{_xml(feed_url)}</id><title>{_xml(f'{site_name}: {TITLE.lower()}')}</title>"
        f"<updated>{_xml(updated)}</updated><author><name>{_xml(author)}</name></author>"
        f'<link rel="self" type="application/atom+xml" href="{_xml(feed_url)}"/>'
        f'<link rel="alternate" type="text/html" href="{_xml(site_url + CHANGES_PAGE)}"/>'
        + "\n".join(entries) + "</feed>\n"
    )
