"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml): build steps that are not page macros.

- ``on_startup``: note whether the site is being served (:mod:`macros.live`).
- ``on_config``: put the macros plugin's Jinja environment in a sandbox; give Markdown's ``abbr``
  extension the glossary (tooltips on every page; :mod:`macros.tooltips`).
- ``on_files``: add a generated page per program (with a calendar file of its deadlines ahead, if any,
  and the facts.json that compare and the shortlist fetch), the directory's country pages once it is
  split (:mod:`macros.directory_pages`), the JSON Schemas and the open-data exports,
  and, from git (:mod:`macros.history`), the recent-changes page with its Atom feed.
- ``on_page_read_source``: while serving with a data error, show the error on every page.
- ``on_page_markdown``: point the "edit" button of program pages at their YAML file; date each page by
  its source's last commit;
  give program pages their script and check every page's own scripts and styles (:mod:`macros.page_assets`).
- ``on_post_build``: index the built site for search with Pagefind (:mod:`macros.search_index`),
  unless Material's own search plugin is on (the offline copy).
- ``on_page_content``: put back the raw HTML of a program page or a country page of the directory (it
  skips Markdown, which would leave it as it is); keep each glossary tooltip once per page
  (:mod:`macros.tooltips`); hide task-list checkboxes (decorative, unlabelled) from screen readers.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

# MkDocs loads this file by path, so make the project's ``macros`` package importable.
PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from macros import exports, live, paths, program_page, schema, tooltips  # noqa: E402
from macros import calendar, changes, directory_pages, facts_json, history, page_assets  # noqa: E402
from macros import search_index  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.tables import program_name  # noqa: E402
from macros.sandbox import HIDDEN_VARIABLES, GuideSandbox, sandboxed_copy  # noqa: E402
from macros.validate import DATA_DIR, cached_dataset, program_file  # noqa: E402


#: Where a page's raw HTML block goes back (an HTML comment: Markdown passes it through as it is).
RAW_HTML_MARK = "<!-- raw HTML block -->"
_BLOCK_START = re.compile(r"\A\s*(?=<)|\n\n(?=<)")


class _Build:
    """What one build needs on every page, computed once in ``on_files`` (not once per page)."""

    data = None
    errors: DataErrors | None = None
    repository: paths.Repository | None = None
    program_sources: dict[str, str] = {}  # generated page file -> program slug
    dates: dict[str, str] = {}  # page file -> date its source last changed in git (YYYY-MM-DD)
    raw_pages: set[str] = set()  # generated page files whose HTML block skips Markdown (see on_page_markdown)
    raw_html: dict[str, str] = {}  # such a page's file -> its HTML block, kept from Markdown until on_page_content
    program_meta: dict[str, dict] = {}  # program page file -> its front matter (see on_files)


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this run serves the site."""
    live.start(command)


@event_priority(-100)  # after the macros plugin has built its environment
def on_config(config):
    """Sandbox the page templates and hide build internals from them."""
    plugin = config["plugins"].get("macros")
    if plugin is None:
        raise PluginError("mkdocs.yml must enable the macros plugin before these hooks")
    plugin._env = sandboxed_copy(plugin.env)  # the plugin offers no public way to choose the environment
    if not isinstance(plugin.env, GuideSandbox):
        raise PluginError("could not sandbox the macros plugin's Jinja environment; check its version")
    for name in HIDDEN_VARIABLES:
        plugin.variables.pop(name, None)
    try:  # once per build, not appended to every page (see macros/tooltips.py)
        glossary = tooltips.abbreviations(cached_dataset(PROJECT_DIR).glossary.terms)
    except DataErrors:
        glossary = {}  # on_files reports the errors
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = glossary
    return config


def on_files(files: Files, config) -> Files:
    """Add program pages, schemas and data exports generated from the data."""
    _Build.repository = repository = paths.Repository(config["repo_url"], config["edit_uri"])
    try:
        data = _Build.data = cached_dataset(PROJECT_DIR)
        _Build.errors = None
    except DataErrors as exc:
        if not live.serving():
            raise PluginError(exc.report()) from None
        _Build.errors = exc
        live.report(exc)
        _add_history(files, config, {})  # the nav lists the changes page; it shows the errors too
        return files
    site_url = config["site_url"]
    issue_url = repository.new_issue("data-correction.yml")
    _Build.program_sources, _Build.raw_html, _Build.program_meta, _Build.raw_pages = {}, {}, {}, set()
    stamp = datetime.now(timezone.utc).replace(microsecond=0)  # DTSTAMP of the calendar files
    for slug in data.programs:
        body = program_page.page_body(slug, data, edit_url=repository.edit(program_file(slug)), issue_url=issue_url)
        source = paths.program_source(slug)
        # The front matter (with the schema.org data) reaches the page in on_page_markdown instead of being
        # read as YAML for every page; the file keeps what the macros plugin must know first.
        _Build.program_meta[source] = program_page.page_meta(slug, data, site_url)
        files.append(File.generated(config, source, content=f"---\nrender_macros: false\n---\n{body}"))
        _Build.program_sources[source] = slug
        _Build.raw_pages.add(source)
        shown = facts_json.program_facts(slug, data.programs[slug], data, site_url=site_url, stamp=stamp)
        files.append(File.generated(config, paths.program_facts(slug), content=facts_json.compact(shown)))
        # The page links this file exactly when a deadline is ahead (both ask derived.deadlines_ahead).
        if ics := calendar.program_calendar(data.programs[slug], shown["deadlines"]):
            files.append(File.generated(config, paths.program_calendar(slug), content=ics.encode("utf-8")))
    files.append(File.generated(config, paths.PROGRAM_NAMES_JSON, content=facts_json.compact(facts_json.program_names(data))))
    if directory_pages.is_split(data):
        for part in directory_pages.country_pages(data):
            files.append(File.generated(config, part.source, content=directory_pages.country_page(part, data)))
            _Build.raw_pages.add(part.source)
    choices = schema.choices_of(data.degree_types, data.countries)
    for name, content in schema.schema_files(site_url, choices).items():
        files.append(File.generated(config, f"{paths.SCHEMAS}/{name}", content=content))
    files.append(File.generated(config, paths.PROGRAMS_JSON, content=exports.programs_json(data.programs, site_url)))
    files.append(File.generated(config, paths.PROGRAMS_CSV, content=exports.programs_csv(data.programs)))
    _add_history(files, config, {slug: program_name(p) for slug, p in data.programs.items()})
    return files


def _add_history(files: Files, config, names: dict[str, str]) -> None:
    """Add the recent-changes page and its feed; note the date each page's source last changed.

    Two git runs per build (see :mod:`macros.history`), whatever the number of pages.
    """
    docs = Path(config["docs_dir"]).resolve()
    docs_dir = docs.relative_to(PROJECT_DIR).as_posix() if docs.is_relative_to(PROJECT_DIR) else None
    found = history.last_changed(PROJECT_DIR, tuple(p for p in (docs_dir, DATA_DIR) if p)).dates
    _Build.dates = {}
    for path, day in found.items():
        if docs_dir and path.startswith(f"{docs_dir}/"):
            _Build.dates[path.removeprefix(f"{docs_dir}/")] = day
        elif slug := history.program_slug(path):
            _Build.dates[paths.program_source(slug)] = day
    result = history.data_changes(PROJECT_DIR)
    if result.status != history.OK:  # info, not a warning: a build from an archive is fine, just undated
        logging.getLogger("mkdocs.hooks").info("No git history (%s): pages are not dated and %s explains why",
                                               result.status, paths.CHANGES_SOURCE)
    if result.changes:
        _Build.dates[paths.CHANGES_SOURCE] = result.changes[0].date[:10]
    repository = _Build.repository
    files.append(File.generated(config, paths.CHANGES_SOURCE, content=changes.changes_page(result, repository, names)))
    feed = changes.changes_feed(result, repository, site_url=config["site_url"] or "", site_name=config["site_name"],
                                author=config["site_author"] or config["site_name"], names=names)
    files.append(File.generated(config, paths.CHANGES_FEED, content=feed))


def on_page_read_source(page, config) -> str | None:
    """While serving with a data error, every page shows the error (the build itself succeeds)."""
    return live.error_page(_Build.errors) if _Build.errors is not None else None


def on_page_content(html: str, page, config, files) -> str:
    """Mark each glossary term once per page; hide decorative task-list checkboxes from assistive technology.

    pymdownx.tasklist renders its checkboxes without a label; the list item's text already says it all.
    """
    if (raw := _Build.raw_html.pop(page.file.src_uri, None)) is not None:  # see on_page_markdown
        html = html.replace(RAW_HTML_MARK, raw)
    html = html.replace('<input type="checkbox" disabled/>', '<input type="checkbox" disabled aria-hidden="true"/>')
    return tooltips.first_use_only(html)


@event_priority(-100)  # after macros have rendered
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Give a program page its front matter and send its "edit" to its YAML file; date the page; keep
    program pages from Markdown.

    A program page is one raw HTML block, a country page of the directory a heading and one: Markdown
    returns such a block unchanged (tests/test_hooks.py checks that it does) after parsing it twice
    (md_in_html, then MkDocs' anchor check), about 5 ms a program page and 0.6 ms a directory row.
    So Markdown gets the page up to the block and a mark, which ``on_page_content`` replaces with the block;
    a page that is only the block (a program page) skips Markdown altogether (:func:`_render_raw_block`).
    """
    slug = _Build.program_sources.get(page.file.src_uri)
    if slug is not None:
        page.meta.update(_Build.program_meta[page.file.src_uri])
        page.edit_url = _Build.repository.edit(program_file(slug))
        page.meta.setdefault("scripts", list(page_assets.PROGRAM_PAGE_SCRIPTS))
    if files is not None and (problems := page_assets.problems(page.meta, files.src_uris)):
        raise PluginError(f"{page.file.src_uri}: " + "; ".join(problems))
    if day := _Build.dates.get(page.file.src_uri):  # Material shows it as the page's "last update"
        page.meta.setdefault("revision_date", day)
    if search_index.left_out(page.file.src_uri):  # contributors' pages: out of readers' search
        page.meta.setdefault("search", {})["exclude"] = True
    if page.file.src_uri in _Build.raw_pages:
        head, block = split_raw_block(markdown)
        _Build.raw_html[page.file.src_uri] = block
        if not head.strip():  # a program page: nothing for Markdown at all
            page.render = partial(_render_raw_block, page)
        return f"{head}\n\n{RAW_HTML_MARK}\n"
    return markdown


def _render_raw_block(page, config, files) -> None:
    """``Page.render`` for a page that is one raw HTML block: what Markdown makes of the mark, without Markdown.

    Markdown gives the mark back as it is, with no headings, title or anchors; building a Markdown
    converter with the site's extensions and running it costs about 2 ms a page, MkDocs offers no
    event to skip it, and ``on_page_content`` replaces the mark with the block either way.
    """
    page.content = RAW_HTML_MARK
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def split_raw_block(markdown: str) -> tuple[str, str]:
    """A generated page's Markdown before its raw HTML block (the first tag that starts the text or follows a
    blank line), and the block."""
    found = _BLOCK_START.search(markdown)
    return (markdown[:found.start()], markdown[found.end():].strip()) if found else (markdown, "")


def on_post_build(config) -> None:
    """Index the built site for search (site/pagefind/), unless Material's own search serves it."""
    if _Build.errors is not None or search_index.material_search_on(config["plugins"]):
        return
    count, seconds = search_index.index_site(Path(config["site_dir"]))
    logging.getLogger("mkdocs.hooks").info("Search: indexed %d pages and glossary terms in %.1f s", count, seconds)
