"""MkDocs hooks (macros.hooks), called the way MkDocs calls them but without a full build."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from jinja2 import Environment
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from macros import hooks, live, paths, program_page
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
    assert hooks.on_page_markdown("\n\n<h1>Program</h1>\n<p>Facts</p>\n\n", page, None, None) == ""
    assert hooks.on_page_content("", page, None, None) == "<h1>Program</h1>\n<p>Facts</p>"


def test_markdown_would_leave_every_program_page_as_it_is(dataset):
    """Program pages skip Markdown (a build-time saving), so they must be HTML that Markdown would not change."""
    for slug in dataset.programs:
        source = program_page.program_page(slug, dataset, edit_url="https://example.org/edit",
                                           issue_url="https://example.org/issue", site_url="https://example.org/")
        html = source.split("\n---\n", 1)[1].strip()
        assert to_html(html) == html, slug


def test_other_pages_keep_their_edit_link(generated_files):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="costs/index.md"), edit_url="kept", meta={})
    hooks.on_page_markdown("# Costs", page, None, None)
    assert page.edit_url == "kept"
