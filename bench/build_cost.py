"""Timed builds for `make bench`: the site, the same pages pre-rendered, and a stock Material site.

- :func:`capture_pages` builds a project once with ``bench/capture_hook.py`` added, which writes every
  page (guide pages and generated ones) as the Markdown MkDocs converts, with its front matter.
- :func:`prerendered_project` turns those pages into a plain MkDocs project: the same theme, overrides,
  stylesheets, scripts, Markdown extensions and plugins, but no macros plugin and none of the site's
  hooks (only the site's search indexing step, ``bench/index_hook.py``).
- :func:`stock_project` is a one-page Material site with the same theme settings and versions.
- :func:`timed` runs a command and returns its clock and processor seconds (children included).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bench.report import Timing

BENCH = Path(__file__).resolve().parent
CAPTURE_HOOK = BENCH / "capture_hook.py"
INDEX_HOOK = BENCH / "index_hook.py"
#: Markdown extensions of the stock site: Material's "getting started" set (no project code).
STOCK_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                    {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences"]


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping ``!!python/name:`` values as plain text (they are not needed here)."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")


def read_config(config: Path) -> dict:
    """The settings written in an mkdocs.yml (not resolved by MkDocs)."""
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)


def plugin_name(entry) -> str:
    """The name of a ``plugins:`` entry (a name, or a one-key mapping of name to options)."""
    return entry if isinstance(entry, str) else next(iter(entry))


def inherit(project: Path, name: str, changes: dict) -> Path:
    """Write ``project/name``: the project's mkdocs.yml with ``changes`` on top (MkDocs' INHERIT)."""
    path = project / name
    path.write_text("INHERIT: mkdocs.yml\n" + yaml.safe_dump(changes, sort_keys=False), encoding="utf-8")
    return path


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None,
          failures: list[str] | None = None) -> Timing:
    """Run ``command``; its seconds on the clock and of processor time (user and system, with its children).

    With a ``failures`` list, a failed run is noted there (its last line of errors) and run once more.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode and failures is not None:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        failures.append(f"`{' '.join(command[1:4])} ... {command[-1]}` failed once ({last[:300]}) and was run again")
        return timed(command, cwd, env)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def mkdocs_build(config: Path, out: Path, strict: bool = True) -> list[str]:
    """The command that builds ``config`` into ``out``."""
    return [sys.executable, "-m", "mkdocs", "build", "--clean", *(["--strict"] if strict else []),
            "-f", str(config), "-d", str(out)]


def capture_pages(project: Path, into: Path, env: dict[str, str], failures: list[str] | None = None) -> None:
    """Build ``project`` once with the capture hook, writing each page's Markdown and front matter ``into``."""
    hooks = [*(read_config(project / "mkdocs.yml").get("hooks") or []), str(CAPTURE_HOOK)]
    config = inherit(project, "mkdocs-bench-capture.yml", {"hooks": hooks})
    timed(mkdocs_build(config, project / "site-capture"), project, {**env, "BENCH_CAPTURE_DIR": str(into)}, failures)
    shutil.rmtree(project / "site-capture")


def prerendered_project(project: Path, captured: Path, where: Path) -> Path:
    """A project of the captured pages as plain Markdown, built like the site but without macros or hooks.

    Returns its config file. Static files of docs/ (stylesheets, scripts, images) come along; files the
    site's hooks generate (per-program JSON and calendars, exports) do not: making them is the site's work.
    """
    docs = where / "docs"
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(captured, docs, dirs_exist_ok=True)
    if (project / "overrides").is_dir():
        shutil.copytree(project / "overrides", where / "overrides")
    shutil.copy(project / "mkdocs.yml", where / "mkdocs.yml")
    plugins = [p for p in read_config(project / "mkdocs.yml").get("plugins") or [] if plugin_name(p) != "macros"]
    # Links to generated files (JSON, calendars) have no target here: warnings, so not strict.
    return inherit(where, "mkdocs-bench-prerendered.yml",
                   {"plugins": plugins, "hooks": [str(INDEX_HOOK)], "watch": [], "strict": False})


def stock_project(project: Path, home_markdown: str, where: Path) -> Path:
    """A one-page Material site: the home page's text, the site's theme settings, Material's own search.

    No custom templates, stylesheets, scripts, macros or hooks. Returns its config file.
    """
    settings = read_config(project / "mkdocs.yml")
    theme = {k: v for k, v in settings["theme"].items() if k != "custom_dir"}
    (where / "docs").mkdir(parents=True)
    (where / "docs" / "index.md").write_text(home_markdown, encoding="utf-8")
    config = where / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "site_name": settings["site_name"], "site_url": settings.get("site_url"), "theme": theme,
        "plugins": ["search"], "markdown_extensions": STOCK_EXTENSIONS,
    }, sort_keys=False), encoding="utf-8")
    return config
