"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml): build steps that are not page macros.

- ``on_config``: put the macros plugin's Jinja environment in a sandbox.
- ``on_files``: add a generated page per program, the JSON Schemas and the open-data exports.
- ``on_page_markdown``: append the glossary as abbreviations (tooltips on every page) and point
  the "edit" button of program pages at their YAML file.
- ``on_page_content``: hide task-list checkboxes (decorative, unlabelled) from screen readers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# MkDocs loads this file by path, so make the project's ``macros`` package importable.
PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:
    sys.path.insert(0, str(PROJECT_DIR))

from macros import exports, programs, schema  # noqa: E402
from macros.dataset import DATA_DIR, PROGRAMS_DIR, cached_dataset  # noqa: E402
from macros.errors import DataErrors  # noqa: E402
from macros.sandbox import HIDDEN_VARIABLES, GuideSandbox, sandboxed_copy  # noqa: E402


class _Build:
    """What one build needs on every page, computed once in ``on_files`` (not once per page)."""

    data = None
    abbreviations = ""


def _dataset():
    try:
        return cached_dataset(PROJECT_DIR)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None


def _repo_link(config, action: str, path: str) -> str:
    return f"{config['repo_url'].rstrip('/')}/{action}/main/{path}"


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
    return config


def on_files(files: Files, config) -> Files:
    """Add program pages, schemas and data exports generated from the data."""
    data = _Build.data = _dataset()
    _Build.abbreviations = "\n".join(
        f"*[{form}]: {t.expansion}" for t in data.glossary.terms for form in (t.term, *t.aliases)
    )
    site_url = config["site_url"]
    issue_url = f"{config['repo_url'].rstrip('/')}/issues/new?template=data-correction.yml"
    for slug in data.programs:
        edit_url = _repo_link(config, "edit", f"{DATA_DIR}/{PROGRAMS_DIR}/{slug}.yml")
        content = programs.program_page(slug, data, edit_url=edit_url, issue_url=issue_url, site_url=site_url)
        files.append(File.generated(config, f"{PROGRAMS_DIR}/{slug}.md", content=content))
    for path, content in schema.schema_files(site_url).items():
        files.append(File.generated(config, path, content=content))
    files.append(File.generated(config, "programs.json", content=exports.programs_json(data.programs, site_url)))
    files.append(File.generated(config, "programs.csv", content=exports.programs_csv(data.programs)))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Hide the decorative, disabled checkboxes of task lists from assistive technology.

    pymdownx.tasklist renders them without a label; the list item's text already says it all.
    """
    return html.replace('<input type="checkbox" disabled/>', '<input type="checkbox" disabled aria-hidden="true"/>')


@event_priority(-100)  # after macros have rendered, so glossary text is never read as a template
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Append glossary abbreviations; send "edit" on a program page to its YAML file."""
    src = page.file.src_uri
    if src.startswith(f"{PROGRAMS_DIR}/") and Path(src).stem in _Build.data.programs:
        page.edit_url = _repo_link(config, "edit", f"{DATA_DIR}/{src.removesuffix('.md')}.yml")
    return f"{markdown}\n\n{_Build.abbreviations}\n"
