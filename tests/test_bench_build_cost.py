"""The projects `make bench` builds (bench/build_cost.py) and the hook that writes pages out (bench/capture_hook.py)."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import yaml
from mkdocs.utils import meta

from bench import build_cost, capture_hook

from .support import ROOT


def small_project(where):
    """A project with one guide page, a stylesheet, overrides and a config with the macros plugin and a hook."""
    (where / "docs" / "assets").mkdir(parents=True)
    (where / "docs" / "index.md").write_text("{{ macro() }}", encoding="utf-8")
    (where / "docs" / "assets" / "site.css").write_text("p {}", encoding="utf-8")
    (where / "overrides").mkdir()
    (where / "mkdocs.yml").write_text(
        "site_name: Test\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - search\n  - macros:\n      module_name: macros\nhooks:\n  - macros/hooks.py\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8")
    return where


def test_the_site_config_is_read_with_python_names_kept_as_text():
    config = build_cost.read_config(ROOT / "mkdocs.yml")
    assert config["theme"]["name"] == "material"
    emoji = next(e for e in config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.emoji" in e)
    assert emoji["pymdownx.emoji"]["emoji_index"] == "!!python/name:material.extensions.emoji.twemoji"


def test_plugin_names_come_from_plain_and_configured_entries():
    assert build_cost.plugin_name("search") == "search"
    assert build_cost.plugin_name({"macros": {"module_name": "macros"}}) == "macros"


def test_pre_rendered_project_has_the_captured_pages_and_static_files_but_no_macros_or_site_hooks(tmp_path):
    project = small_project(tmp_path / "project")
    captured = tmp_path / "captured"
    (captured / "programs").mkdir(parents=True)
    (captured / "index.md").write_text("Rendered text", encoding="utf-8")
    (captured / "programs" / "x.md").write_text("<p>A generated page</p>", encoding="utf-8")
    config = build_cost.prerendered_project(project, captured, tmp_path / "pre")
    docs = tmp_path / "pre" / "docs"
    assert (docs / "index.md").read_text(encoding="utf-8") == "Rendered text"
    assert (docs / "programs" / "x.md").is_file() and (docs / "assets" / "site.css").is_file()
    assert (tmp_path / "pre" / "overrides").is_dir()
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert settings["INHERIT"] == "mkdocs.yml"
    assert settings["plugins"] == ["search"]
    assert settings["hooks"] == [str(build_cost.INDEX_HOOK)]
    assert settings["strict"] is False and settings["watch"] == []


def test_stock_project_is_one_page_with_the_theme_settings_but_no_custom_templates(tmp_path):
    config = build_cost.stock_project(small_project(tmp_path / "project"), "# Home", tmp_path / "stock")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert settings["theme"] == {"name": "material"}
    assert settings["plugins"] == ["search"] and "hooks" not in settings
    assert [p.name for p in (tmp_path / "stock" / "docs").iterdir()] == ["index.md"]


def test_timed_counts_the_processor_time_of_the_command_and_its_children(tmp_path):
    busy = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'sum(range(3_000_000))'])"
    timing = build_cost.timed([sys.executable, "-c", busy], tmp_path)
    assert timing.cpu > 0.05 and timing.wall >= 0


def test_a_failed_command_is_noted_and_run_once_more(tmp_path):
    marker = tmp_path / "ran-once"
    flaky = f"import pathlib, sys; p = pathlib.Path({str(marker)!r}); ok = p.exists(); p.touch(); sys.exit(0 if ok else 3)"
    failures: list[str] = []
    build_cost.timed([sys.executable, "-c", flaky], tmp_path, failures=failures)
    assert len(failures) == 1 and "failed once" in failures[0]


def test_captured_page_has_its_final_front_matter_and_the_markdown_macros_left(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CAPTURE_DIR", str(tmp_path))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="costs/index.md"), meta={"title": "Costs"})
    assert capture_hook.on_page_markdown("Text after macros", page, None, None) == "Text after macros"
    page.meta["revision_date"] = "2026-11-30"  # set later by the site's hooks
    assert capture_hook.on_page_content("<p>html</p>", page, None, None) == "<p>html</p>"
    markdown, front = meta.get_data((tmp_path / "costs" / "index.md").read_text(encoding="utf-8"))
    assert markdown == "Text after macros"
    assert front == {"title": "Costs", "revision_date": "2026-11-30"}
