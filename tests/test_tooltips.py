"""Glossary tooltips: on a term's first use on a page only, never in headings."""

from __future__ import annotations

import re

from macros.tooltips import first_use_only

MS = '<abbr title="Master of Science">MS</abbr>'
MS_PLURAL = '<abbr title="Master of Science">MSs</abbr>'
ECTS = '<abbr title="European credits">ECTS</abbr>'


def test_only_the_first_use_of_a_term_is_marked():
    html = f"<p>An {MS} takes a year. Another {MS} takes two.</p><p>{ECTS} and {MS} and {ECTS}.</p>"
    assert first_use_only(html) == f"<p>An {MS} takes a year. Another MS takes two.</p><p>{ECTS} and MS and ECTS.</p>"


def test_aliases_share_their_term_first_use():
    assert first_use_only(f"<p>{MS}, {MS_PLURAL}</p>") == f"<p>{MS}, MSs</p>"


def test_headings_are_never_marked_and_do_not_use_up_the_first_mark():
    html = f'<h2 id="x">The {MS} <a href="#x">¶</a></h2><p>An {MS}.</p><h3>{ECTS}</h3><p>{ECTS}</p>'
    assert first_use_only(html) == f'<h2 id="x">The MS <a href="#x">¶</a></h2><p>An {MS}.</p><h3>ECTS</h3><p>{ECTS}</p>'


def test_a_page_without_tooltips_is_unchanged():
    html = "<h1>Title</h1><p>Plain text with <code>&lt;abbr&gt;</code>.</p>"
    assert first_use_only(html) == html


def test_built_pages_mark_each_term_at_most_once_and_never_in_headings(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        article = re.search(r"<article.*?</article>", html, flags=re.S)
        if not article:
            continue
        titles = re.findall(r'<abbr title="([^"]*)"', article.group(0))
        assert len(titles) == len(set(titles)), f"{path.relative_to(built_site)} marks a term twice"
        for heading in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", article.group(0), flags=re.S):
            assert "<abbr" not in heading[1], f"{path.relative_to(built_site)} marks a term in a heading"
