"""Index the built site for search with Pagefind (https://pagefind.app), into ``site/pagefind/``.

Pagefind splits the index into small fragments that the browser fetches only for the words a reader
types, so a search costs about the same whatever the number of programs. What is indexed:

- reader pages only: ``overrides/main.html`` marks a page's article as ``data-pagefind-body`` unless
  its front matter says ``search: {exclude: true}``; :func:`left_out` names the pages that get that
  (contributor pages, the changes page), so Material's own search leaves them out as well;
- not the parts of a page that repeat other pages (citations, the directory's table, permalink
  signs): :data:`IGNORED`;
- each glossary term as a result of its own, linked to its anchor (:func:`glossary_records`), instead
  of the glossary as one long page;
- each choice of the directory's filters as a result that opens the directory filtered by it
  (:func:`directory_records`): "online", "Germany" or "GRE not required" lead to the programs that fit.

The hook (``on_post_build`` in macros/hooks.py) calls :func:`index_site` when Material's search plugin
is off; with it on (the offline copy), Material's search is used instead.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

#: Source pages (relative to docs/) that readers' search leaves out: the contributor guide and the
#: log of data changes answer contributors' questions, not readers'.
LEFT_OUT = ("contributing/", "changes.md")

#: Parts of an indexed page that are not indexed: citations and dates ("Source: ... (2026-11-25)"); lists
#: of programs, which grow with the directory and would make a guide page match every university (each
#: program has its own page): the directory's table, a degree type's list, the final projects' table
#: column; the glossary's list (indexed term by term); permalink signs, the "last update" line and the
#: edit button.
IGNORED = (".kb-meta", ".kb-directory-wrap", ".kb-programs", 'td[data-label="Programs in the directory offering it"]',
           ".kb-glossary", ".headerlink", ".md-source-file", ".md-content__button", "[data-pagefind-ignore]")

#: How much the words of the directory filtered by one choice count: as a program page's (0.3, set in
#: overrides/main.html), below the guide pages that explain the choice.
DIRECTORY_WEIGHT = 0.3

#: Where the index goes, relative to the built site.
OUTPUT = "pagefind"
#: Pagefind's ready-made interfaces, which the site does not use (search.js is its own): not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

#: The glossary's and the directory's pages in the built site.
GLOSSARY_HTML = "glossary/index.html"
DIRECTORY_HTML = "programs/index.html"

#: The directory's filters (the keys of its table's data-labels options, also its address parameters).
FILTERS = {"type": "degree type", "delivery": "delivery", "pace": "pace", "country": "country",
           "final": "final project", "gre": "GRE policy", "start": "start term", "language": "language of instruction"}


def material_search_on(plugins) -> bool:
    """Whether Material's own search plugin is enabled (then it, not Pagefind, serves search)."""
    plugin = plugins.get("material/search") if hasattr(plugins, "get") else None
    return plugin is not None and bool(getattr(getattr(plugin, "config", None), "enabled", True))


def left_out(src_uri: str) -> bool:
    """Whether readers' search leaves out the page built from ``src_uri`` (a path relative to docs/)."""
    return any(src_uri == name or (name.endswith("/") and src_uri.startswith(name)) for name in LEFT_OUT)


@dataclass(frozen=True)
class Record:
    """A search result that is not a whole page: a glossary term, or the directory filtered by one choice."""

    url: str
    title: str
    content: str
    kind: str = "guide"
    weight: float = 1.0  # how much its words count, as a program page's (overrides/main.html)

    def html(self) -> str:
        """The record as a page for Pagefind: its title and address as the result's (meta ``title`` and ``url``:
        search.js links ``url``), its text weighted."""
        return (f'<html lang="en"><body><div data-pagefind-body data-pagefind-filter="kind:{escape(self.kind)}" '
                f'data-pagefind-weight="{self.weight}" data-pagefind-meta="title[data-title], url[data-url]" '
                f'data-title="{escape(self.title)}" data-url="{escape(self.url)}"><p>{escape(self.content)}</p>'
                "</div></body></html>")


class _GlossaryParser(HTMLParser):
    """Reads ``<dl class="kb-glossary">``: each ``<dt id>`` term and the text of its ``<dd>`` (no citations)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.terms: list[list[str]] = []  # [anchor, term, definition]
        self._in_list = False
        self._field: int | None = None  # 1 while in a <dt>, 2 while in a <dd>
        self._skip = 0  # depth inside a citation (span.kb-meta)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "dl" and "kb-glossary" in (found.get("class") or "").split():
            self._in_list = True
        elif self._in_list and tag == "dt":
            self.terms.append([found.get("id") or "", "", ""])
            self._field = 1
        elif self._in_list and tag == "dd" and self.terms:
            self._field = 2
        elif self._field and tag == "span" and (self._skip or "kb-meta" in (found.get("class") or "").split()):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "span" and self._skip:
            self._skip -= 1
        elif tag in ("dt", "dd"):
            self._field = None
        elif tag == "dl" and self._in_list:
            self._in_list = False

    def handle_data(self, data):
        if self._field and not self._skip:
            self.terms[-1][self._field] += data


def glossary_records(html: str, page_url: str) -> list[Record]:
    """One record per term of the glossary page's ``html``, linked to the term's anchor on ``page_url``."""
    parser = _GlossaryParser()
    parser.feed(html)
    return [Record(url=f"{page_url}#{anchor}", title=term.strip(), content=" ".join(f"{term}. {definition}".split()))
            for anchor, term, definition in parser.terms if anchor and term.strip()]


def directory_records(html: str, page_url: str) -> list[Record]:
    """One record per choice of each filter of the directory page's ``html``, linked to the filtered directory.

    The choices are read from the table's ``data-labels`` (written by macros/directory.py); a page
    without them gives none.
    """
    found = re.search(r'<table[^>]*class="kb-directory"[^>]*data-labels="([^"]*)"', html) or \
        re.search(r'<table[^>]*data-labels="([^"]*)"[^>]*class="kb-directory"', html)
    if not found:
        return []
    options = json.loads(unescape(found.group(1))).get("options", {})
    records = []
    for key, name in FILTERS.items():
        for value, label in options.get(key, []):
            title = f"Master's programs by {name}: {label}"
            records.append(Record(url=f"{page_url}?{urlencode({key: value})}", title=title, kind="directory", weight=DIRECTORY_WEIGHT,
                                  content=f"{title}. The program directory, filtered to {name} {label}. Narrow it "
                                          "further by budget: estimated total tuition under an amount you choose."))
    return records


def index_config() -> dict:
    """Pagefind's settings: one English index, the parts of pages in :data:`IGNORED` left out."""
    return {"exclude_selectors": list(IGNORED), "force_language": "en", "output_path": OUTPUT}


#: The folder, beside the pages Pagefind reads, that holds the records (as pages) while it runs.
RECORDS = "pagefind-records"
#: The start of a tag marked as a page's indexed part (a raw ``<`` only ever starts a tag in the built HTML).
_BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=>]")
_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')


def indexed_part(html: str) -> str | None:
    """What Pagefind reads of a built page: from its ``data-pagefind-body`` element to the end of Material's
    article, as a page of its own; None for a page without that element (Pagefind leaves such a page out).

    The header, navigation and footer around the article are about three quarters of a program page's
    HTML and took Pagefind half its time, for nothing it indexes. A page without an article is kept whole.
    """
    found = _BODY_TAG.search(html)
    if found is None:
        return None
    end = html.rfind("</article>")
    if end < found.start():
        return html
    lang = _LANG.search(html)
    return (f'<!DOCTYPE html><html lang="{lang.group(1) if lang else "en"}"><head><meta charset="utf-8"></head>'
            f"<body>{html[found.start():end]}</body></html>")


def _run_pagefind(pages: Path, output: Path) -> None:
    """Index the pages in ``pages`` into ``output`` with Pagefind's command line, which exits only once every
    index file is written.

    (Pagefind's Python API answered before its files were complete: now and then the build read an empty
    ``pagefind-entry.json``.) The settings go in a ``pagefind.json`` in a folder of their own, the command's
    working directory, so nothing in the project is read by mistake.
    """
    with tempfile.TemporaryDirectory() as folder:
        settings = {**index_config(), "site": str(pages.resolve()), "output_path": str(output.resolve())}
        (Path(folder) / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "pagefind", "--silent"], cwd=folder, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"Pagefind could not index the site:\n{done.stdout}{done.stderr}")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def index_site(site_dir: Path) -> tuple[int, float]:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind``; return (results indexed, seconds).

    A result is a page marked ``data-pagefind-body`` or a record. Pagefind reads a scratch folder: each
    marked page's :func:`indexed_part` at the page's own path (so its address stays the same), and the
    records as pages of a folder of their own (each carries its own address in its meta).
    """
    started = time.perf_counter()
    records = [*glossary_records(_read(site_dir / GLOSSARY_HTML), _url(GLOSSARY_HTML)),
               *directory_records(_read(site_dir / DIRECTORY_HTML), _url(DIRECTORY_HTML))]
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # no fragments left from an earlier index
    with tempfile.TemporaryDirectory() as scratch:
        pages = Path(scratch)
        for page in site_dir.rglob("*.html"):
            if (part := indexed_part(page.read_text(encoding="utf-8"))) is not None:
                copy = pages / page.relative_to(site_dir)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(part, encoding="utf-8")
        (pages / RECORDS).mkdir(exist_ok=True)
        for number, record in enumerate(records):
            (pages / RECORDS / f"{number}.html").write_text(record.html(), encoding="utf-8")
        _run_pagefind(pages, site_dir / OUTPUT)
    for name in UNUSED:
        (site_dir / OUTPUT / name).unlink(missing_ok=True)
    entry = json.loads((site_dir / OUTPUT / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values()), time.perf_counter() - started


def _url(html_file: str) -> str:
    """The address Pagefind gives a page (from the site's root), e.g. "/glossary/"."""
    return "/" + html_file.removesuffix("index.html")
