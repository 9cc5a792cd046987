"""The recent-changes page and its Atom feed, rendered from a history without running git."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from macros import changes, history
from macros.paths import Repository

from .rendered import body_cells, to_html

ATOM = "{http://www.w3.org/2005/Atom}"
REPOSITORY = Repository("https://github.com/o/r", "edit/main/docs/")
SITE = "https://example.test/guide/"
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} | *x* [y](javascript:alert(1))"
A, B = "a" * 40, "b" * 40


def change(sha: str, date: str, **fields) -> history.Change:
    return history.Change(sha=sha, date=date, subject=fields.pop("subject", f"Commit {sha[:1]}"),
                          path=fields.pop("path", "data/programs/example.yml"), **fields)


RESULT = history.History(history.OK, (
    change(B, "2026-02-01T12:00:00Z", kind=history.CHANGED, slug="example", field="title",
           old="Master of Science", new=HOSTILE, subject=f"Retitle {HOSTILE}\x0b"),
    change(B, "2026-02-01T12:00:00Z", kind=history.CHANGED, slug="example", field="credits.amount", old=30, new=36),
    change(B, "2026-02-01T12:00:00Z", kind=history.CHANGED, slug="example", field="delivery",
           old=["online"], new=["online", "on-campus"]),
    change(A, "2026-01-10T09:00:00Z", kind=history.ADDED, slug="gone"),
    change(A, "2026-01-10T09:00:00Z", kind=history.CHANGED, path="data/costs.yml"),
))
NAMES = {"example": HOSTILE}  # programs that have a page; "gone" has none


def test_page_lists_each_change_with_links():
    html = to_html(changes.changes_page(RESULT, REPOSITORY, NAMES))
    rows = [[cell.strip() for cell in row] for row in body_cells(html)[0]]
    assert rows == [
        ["2026-02-01", HOSTILE, "title", f"Master of Science → {HOSTILE}", "bbbbbbb"],
        ["2026-02-01", HOSTILE, "credits.amount", "30 → 36", "bbbbbbb"],
        ["2026-02-01", HOSTILE, "delivery", "online → online, on-campus", "bbbbbbb"],
        ["2026-01-10", "gone", "", "Program added", "aaaaaaa"],
        ["2026-01-10", "data/costs.yml", "whole file", "File edited", "aaaaaaa"],
    ]
    assert html.count('href="../programs/example/"') == 3 and "programs/gone" not in html
    assert html.count(f'href="https://github.com/o/r/commit/{B}"') == 3
    assert 'href="../changes.xml"' in html


def test_page_escapes_hostile_values():
    html = to_html(changes.changes_page(RESULT, REPOSITORY, NAMES))
    assert "<script" not in html and "javascript:" not in html.replace("javascript&#58;", "")
    assert "{{" not in html and "<em>x</em>" not in html


@pytest.mark.parametrize(("status", "expected"), [
    (history.SHALLOW, "git fetch --unshallow"),
    (history.NOT_A_REPOSITORY, "not built from a git checkout"),
    (history.NO_GIT, "git was not installed"),
])
def test_page_explains_missing_history(status, expected):
    html = to_html(changes.changes_page(history.History(status), REPOSITORY, NAMES))
    assert expected in html and "<table" not in html


def test_page_shows_what_git_said_when_it_failed():
    html = to_html(changes.changes_page(history.History(history.FAILED, detail="<bad> object"), REPOSITORY, {}))
    assert "could not read the history" in html and "<bad>" not in html
    assert "&lt;bad&gt;" in html or "&#60;bad&#62;" in html


def test_truncated_history_links_to_the_rest():
    result = history.History(history.OK, RESULT.changes[:1], truncated=True)
    assert 'href="https://github.com/o/r/commits/main/data"' in to_html(changes.changes_page(result, REPOSITORY, {}))


def test_long_texts_are_shown_from_where_they_differ():
    start = "The program runs over two years with a research internship in between, taught in English. " * 2
    before, after = changes.before_after(start + "Fees are high.", start + "Fees are low.")
    assert before.startswith("… ") and before.endswith("Fees are high.") and after.endswith("Fees are low.")
    assert changes.value_text({"amount": 5, "basis": "per-year"}) == "amount: 5; basis: per-year"
    assert changes.value_text(None) == "not set" and changes.value_text(False) == "no"


def test_feed_is_atom_with_one_entry_per_commit():
    xml = changes.changes_feed(RESULT, REPOSITORY, site_url=SITE, site_name="Guide", author="Contributors",
                               names=NAMES)
    feed = ET.fromstring(xml)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{SITE}changes.xml"
    assert feed.findtext(f"{ATOM}title") == "Guide: recent data changes"
    assert feed.findtext(f"{ATOM}updated") == "2026-02-01T12:00:00Z"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Contributors"
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == f"{SITE}changes.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [REPOSITORY.commit(B), REPOSITORY.commit(A)]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == ["2026-02-01T12:00:00Z", "2026-01-10T09:00:00Z"]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [REPOSITORY.commit(B), REPOSITORY.commit(A)]
    assert entries[0].findtext(f"{ATOM}title") == f"Retitle {HOSTILE}"  # control character dropped
    content = entries[0].find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert content.text.count("<li>") == 3 and f'href="{SITE}programs/example/"' in content.text
    assert "<script" not in content.text and "credits.amount: 30 → 36" in content.text
    assert "gone: Program added" in entries[1].find(f"{ATOM}content").text


def test_feed_without_history_is_still_valid():
    feed = ET.fromstring(changes.changes_feed(history.History(history.SHALLOW), REPOSITORY, site_url=SITE,
                                              site_name="Guide", author="Contributors", names={}))
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}updated")
