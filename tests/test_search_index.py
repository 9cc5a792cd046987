"""macros/search_index.py: what readers' search indexes, and the index Pagefind writes from a built site."""

from __future__ import annotations

import json
from html import escape
from types import SimpleNamespace

import pytest

from macros import search_index
from macros.search_index import Record

GLOSSARY = """<article><h1 id="glossary">Glossary</h1><p>Shorthand explained.</p>
<dl class="kb-glossary">
<dt id="term-ects">ECTS</dt>
<dd><em>European credits</em>. 60 a year of full-time study. <span class="kb-meta">Source: <a href="#">ec.europa.eu</a>
<span class="kb-date">(2026-11-25)</span></span></dd>
<dt id="term-opt">OPT</dt>
<dd><em>Optional Practical Training</em>. Work after study in the US &amp; more.</dd>
</dl></article>"""


def directory_html(options: dict) -> str:
    labels = escape(json.dumps({"options": options, "groups": {}}))
    return f'<table id="program-directory" class="kb-directory" data-labels="{labels}"><tr><td>x</td></tr></table>'


def test_contributor_pages_and_the_changes_page_are_left_out():
    for source in ("contributing/index.md", "contributing/style-guide.md", "contributing/data-reference.md",
                   "changes.md"):
        assert search_index.left_out(source), source
    for source in ("index.md", "glossary.md", "programs/index.md", "programs/cmu-mcds.md", "costs/changes-ahead.md"):
        assert not search_index.left_out(source), source


def test_each_glossary_term_is_a_record_linked_to_its_anchor_without_its_citation():
    records = search_index.glossary_records(GLOSSARY, "/glossary/")
    assert records == [
        Record(url="/glossary/#term-ects", title="ECTS", content="ECTS. European credits. 60 a year of full-time study."),
        Record(url="/glossary/#term-opt", title="OPT",
               content="OPT. Optional Practical Training. Work after study in the US & more."),
    ]


def test_a_page_without_the_glossary_list_gives_no_terms():
    assert search_index.glossary_records("<article><dl><dt id='x'>Not a term</dt><dd>.</dd></dl></article>", "/") == []
    assert search_index.glossary_records("", "/glossary/") == []


def test_each_filter_choice_is_a_record_that_opens_the_filtered_directory():
    html = directory_html({"country": [["DE", "Germany"]], "gre": [["not-required", "Not required"]],
                           "unknown": [["x", "Ignored"]]})
    records = search_index.directory_records(html, "/programs/")
    assert [(r.url, r.title, r.kind) for r in records] == [
        ("/programs/?country=DE", "Master's programs by country: Germany", "directory"),
        ("/programs/?gre=not-required", "Master's programs by GRE policy: Not required", "directory"),
    ]
    assert "Germany" in records[0].content and "budget" in records[0].content


def test_a_page_without_the_directory_table_gives_no_filter_records():
    assert search_index.directory_records("<p>No table here</p>", "/programs/") == []


def test_material_search_on_only_when_its_plugin_is_enabled():
    on = {"material/search": SimpleNamespace(config=SimpleNamespace(enabled=True))}
    off = {"material/search": SimpleNamespace(config=SimpleNamespace(enabled=False))}
    assert search_index.material_search_on(on)
    assert not search_index.material_search_on(off)
    assert not search_index.material_search_on({"macros": object()})


def test_index_settings_leave_out_citations_tables_and_permalinks():
    config = search_index.index_config()
    for selector in (".kb-meta", ".kb-directory-wrap", ".kb-glossary", ".headerlink"):
        assert selector in config["exclude_selectors"]
    assert config["force_language"] == "en"


def test_index_site_writes_pagefind_with_pages_and_records(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "index.html").write_text(
        f"<html lang='en'><body><div data-pagefind-body>{GLOSSARY}</div></body></html>", encoding="utf-8")
    (tmp_path / "costs").mkdir()
    (tmp_path / "costs" / "index.html").write_text(
        "<html lang='en'><body><div data-pagefind-body data-pagefind-filter='kind:guide'><h1>Costs</h1>"
        "<p>Tuition and fees.</p></div></body></html>", encoding="utf-8")
    (tmp_path / "contributing").mkdir()
    (tmp_path / "contributing" / "index.html").write_text(
        "<html lang='en'><body><h1>Contributing</h1><p>Not for readers.</p></body></html>", encoding="utf-8")
    count, seconds = search_index.index_site(tmp_path)
    assert count == 2 + 2  # two marked pages and two glossary terms; the unmarked page is left out
    assert seconds >= 0
    bundle = tmp_path / search_index.OUTPUT
    assert (bundle / "pagefind.js").is_file()
    assert not [name for name in search_index.UNUSED if (bundle / name).exists()], "unused interfaces are removed"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == count
    assert list((bundle / "fragment").iterdir())
    assert not (tmp_path / search_index.RECORDS).exists(), "the records' scratch folder is not published"


def test_a_site_pagefind_cannot_index_stops_the_build_with_pagefind_s_reason(tmp_path):
    # Nothing to index (no HTML at all) must fail loudly with Pagefind's own words, never publish half an index.
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    with pytest.raises(RuntimeError, match="(?s)Pagefind could not index the site:.*not able to build an index"):
        search_index.index_site(tmp_path)
    assert not (tmp_path / search_index.RECORDS).exists()


def test_the_built_site_marks_reader_pages_and_is_indexed(built_site, dataset):
    def html(path: str) -> str:
        return (built_site / path / "index.html").read_text(encoding="utf-8")

    assert (built_site / search_index.OUTPUT / "pagefind.js").is_file()
    assert 'data-pagefind-filter="kind:guide"' in html("costs")
    slug = next(iter(dataset.programs))
    assert 'data-pagefind-filter="kind:program"' in html(f"programs/{slug}")
    for left_out in ("contributing", "contributing/style-guide", "contributing/data-reference", "changes"):
        assert "data-pagefind-body" not in html(left_out), left_out
    # The records come from the built pages: every glossary term, and the directory's filters.
    assert len(search_index.glossary_records(html("glossary"), "/glossary/")) == len(dataset.glossary.terms)
    countries = search_index.directory_records(html("programs"), "/programs/")
    assert {r.url for r in countries} >= {f"/programs/?country={p.country}" for p in dataset.programs.values()}


def test_pagefind_reads_only_a_page_s_indexed_part_with_its_language():
    page = ('<html lang="en" class="no-js"><head><title>Costs</title></head><body><nav>Home · Costs · Glossary</nav>'
            '<article class="md-content__inner"><a class="md-content__button" href="edit">Edit</a>'
            '<div data-pagefind-body data-pagefind-filter="kind:guide"><h1>Costs</h1><p>Fees.</p></div>\n'
            '</article><footer>Licence</footer></body></html>')
    part = search_index.indexed_part(page)
    assert '<html lang="en">' in part
    assert '<div data-pagefind-body data-pagefind-filter="kind:guide"><h1>Costs</h1><p>Fees.</p></div>' in part
    assert not any(left in part for left in ("Home · Costs", "Edit", "Licence"))


def test_a_page_without_an_indexed_part_is_not_given_to_pagefind_and_one_without_an_article_is_kept_whole():
    assert search_index.indexed_part("<html><body><p>Write <code>&lt;div data-pagefind-body&gt;</code></p></body></html>") is None
    whole = "<html lang='en'><body><div data-pagefind-body><p>Term</p></div></body></html>"
    assert search_index.indexed_part(whole) == whole
