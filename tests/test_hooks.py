"""MkDocs hooks (macros.hooks), called the way MkDocs calls them but without a full build."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from jinja2 import Environment
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros import directory_pages, hooks, live, paths, program_page
from macros.errors import DataError, DataErrors
from macros.sandbox import GuideSandbox

from .rendered import to_html
from .support import ROOT


class FakeMacrosPlugin:
    """What on_config uses of mkdocs-macros' plugin: its environment and its variables."""

    def __init__(self):
        self._env = Environment()
        self.variables = {"config": {}, "environment": {}, "macros": {}, "page": None}

    @property
    def env(self):
        return self._env


@pytest.fixture(autouse=True)
def not_serving():
    live.start("build")
    yield
    live.start("build")


def test_on_config_sandboxes_the_macros_environment_and_hides_variables():
    plugin = FakeMacrosPlugin()
    hooks.on_config({"plugins": {"macros": plugin}, "mdx_configs": {}})
    assert isinstance(plugin.env, GuideSandbox)
    assert set(plugin.variables) == {"macros"}


def test_markdown_gets_the_glossary_once_per_build_and_marks_terms_on_any_page(dataset):
    config = {"plugins": {"macros": FakeMacrosPlugin()}, "mdx_configs": {"toc": {"permalink": True}}}
    hooks.on_config(config)
    term = dataset.glossary.terms[0]
    assert config["mdx_configs"]["abbr"]["glossary"][term.term] == term.expansion
    assert config["mdx_configs"]["toc"] == {"permalink": True}
    html = markdown.Markdown(extensions=["abbr"], extension_configs=config["mdx_configs"]).convert(
        f"A page that says {term.term}.")
    assert f'<abbr title="{term.expansion}">{term.term}</abbr>' in html


def test_on_config_needs_the_macros_plugin():
    with pytest.raises(PluginError, match="must enable the macros plugin"):
        hooks.on_config({"plugins": {}})


def test_on_startup_notes_whether_the_site_is_served():
    hooks.on_startup("serve", dirty=False)
    assert live.serving()
    hooks.on_startup("build", dirty=False)
    assert not live.serving()


def test_task_list_checkboxes_are_hidden_from_screen_readers():
    html = '<li><input type="checkbox" disabled/> Done</li>'
    page = SimpleNamespace(file=SimpleNamespace(src_uri="costs/index.md"))
    assert hooks.on_page_content(html, page, None, None) == (
        '<li><input type="checkbox" disabled aria-hidden="true"/> Done</li>')


def test_pages_are_read_from_disk_when_the_data_is_valid(monkeypatch):
    monkeypatch.setattr(hooks._Build, "errors", None)
    assert hooks.on_page_read_source(None, None) is None


def test_every_page_shows_the_data_errors_while_serving_with_bad_data(monkeypatch):
    errors = DataErrors([DataError("data/programs/x.yml", 3, "is wrong", "x", "title")])
    monkeypatch.setattr(hooks._Build, "errors", errors)
    assert "    data/programs/x.yml:3: x: title: is wrong" in hooks.on_page_read_source(None, None)


@pytest.fixture(scope="module")
def generated_files():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # set by MkDocs while it runs an event; File.generated reads it
    files = hooks.on_files(Files([]), config)
    return {f.src_uri: f for f in files}


def test_on_files_adds_program_pages_schemas_and_exports(generated_files, dataset):
    expected = {paths.program_source(slug) for slug in dataset.programs}
    expected |= {f"schemas/{name}" for name in ("program.json", "degree-types.json")}
    expected |= {paths.PROGRAMS_JSON, paths.PROGRAMS_CSV, paths.PROGRAM_NAMES_JSON}
    expected |= {paths.program_facts(slug) for slug in dataset.programs}
    assert expected <= set(generated_files)


def test_program_pages_edit_their_yaml_file(generated_files, dataset):
    slug = next(iter(dataset.programs))
    page = SimpleNamespace(file=SimpleNamespace(src_uri=paths.program_source(slug)), edit_url=None, meta={})
    hooks.on_page_markdown("<p>Page</p>", page, None, None)
    assert page.edit_url.endswith(f"/data/programs/{slug}.yml")


def test_a_program_page_gets_its_front_matter_from_the_hook_not_from_yaml(generated_files, dataset):
    slug = next(iter(dataset.programs))
    source = generated_files[paths.program_source(slug)].content_string
    front, body = source.removeprefix("---\n").split("\n---\n", 1)
    assert front == "render_macros: false" and body.strip().startswith("<h1>")  # what the macros plugin reads first
    page = SimpleNamespace(file=SimpleNamespace(src_uri=paths.program_source(slug)), edit_url=None,
                           meta={"render_macros": False})
    hooks.on_page_markdown("<p>Page</p>", page, None, None)
    assert page.meta["json_ld"]["name"] == dataset.programs[slug].title
    assert dataset.programs[slug].university in page.meta["title"]
    assert page.meta["render_macros"] is False and page.meta["search"]["boost"] == 0.3


def test_a_program_page_skips_markdown_and_gets_its_html_back(generated_files, dataset):
    slug = next(iter(dataset.programs))
    page = SimpleNamespace(file=SimpleNamespace(src_uri=paths.program_source(slug)), edit_url=None, meta={})
    markdown = hooks.on_page_markdown("<h1>Program</h1>\n<p>Facts</p>\n\n", page, None, None)
    assert markdown.strip() == hooks.RAW_HTML_MARK
    page.render(None, None)  # what MkDocs calls next: no Markdown converter is built for the page
    assert page.content == hooks.RAW_HTML_MARK == to_html(markdown)  # what Markdown would have made of it
    assert list(page.toc) == [] and page.present_anchor_ids == set() and page._title_from_render is None
    assert hooks.on_page_content(page.content, page, None, None) == "<h1>Program</h1>\n<p>Facts</p>"


def test_a_country_page_of_the_directory_still_goes_through_markdown_for_its_heading(dataset):
    source = "programs/country/somewhere.md"
    page = SimpleNamespace(file=SimpleNamespace(src_uri=source), edit_url=None, meta={})
    hooks._Build.raw_pages.add(source)
    try:
        markdown = hooks.on_page_markdown("# Somewhere\n\n<table><tr><td>A</td></tr></table>\n", page, None, None)
    finally:
        hooks._Build.raw_pages.discard(source)
        hooks._Build.raw_html.pop(source, None)
    assert markdown.startswith("# Somewhere") and "render" not in vars(page)


def built_without_markdown_for_the_block(markdown_text: str) -> str:
    """The HTML a page gets when the hook keeps its raw HTML block from Markdown (see hooks.on_page_markdown)."""
    head, block = hooks.split_raw_block(markdown_text)
    assert block.startswith("<") and "<table" not in head and "<h1" not in head
    return to_html(f"{head}\n\n{hooks.RAW_HTML_MARK}\n").replace(hooks.RAW_HTML_MARK, block)


def test_a_raw_block_starts_at_the_first_tag_that_starts_the_text_or_follows_a_blank_line():
    assert hooks.split_raw_block("<h1>A</h1>\n<p>B</p>\n\n") == ("", "<h1>A</h1>\n<p>B</p>")
    assert hooks.split_raw_block("\n\n<p>B</p>") == ("", "<p>B</p>")
    assert hooks.split_raw_block("# Title\n\n\n<p>B</p>\n<p>C</p>") == ("# Title\n", "<p>B</p>\n<p>C</p>")
    assert hooks.split_raw_block("# Only Markdown") == ("# Only Markdown", "")


def test_program_pages_are_the_same_whether_markdown_reads_their_html_or_not(dataset):
    """Program pages skip Markdown (a build-time saving), so they must be HTML that Markdown would not change."""
    for slug in dataset.programs:
        source = program_page.program_page(slug, dataset, edit_url="https://example.org/edit",
                                           issue_url="https://example.org/issue", site_url="https://example.org/")
        body = source.split("\n---\n", 1)[1].lstrip()  # as MkDocs passes it on, without the blank lines
        assert built_without_markdown_for_the_block(body) == to_html(body), slug


def test_directory_country_pages_are_the_same_whether_markdown_reads_their_table_or_not(dataset):
    parts = directory_pages.country_pages(dataset, table_max=10)  # split as a large directory would be
    assert len(parts) > 3
    for part in parts:
        body = directory_pages.country_page(part, dataset).split("\n---\n", 1)[1].lstrip()
        assert "<table" in body and built_without_markdown_for_the_block(body) == to_html(body), part.source


def test_other_pages_keep_their_edit_link(generated_files):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="costs/index.md"), edit_url="kept", meta={})
    hooks.on_page_markdown("# Costs", page, None, None)
    assert page.edit_url == "kept"
