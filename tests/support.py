"""Helpers shared by the tests and the benchmarks: paths, builds, servers and project copies.

Tests get these through fixtures in ``conftest.py`` or import them from here; the scripts in
``bench/`` import them as ``tests.support``. Nothing here is a test.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from axe_playwright_python.sync_playwright import Axe

from macros.errors import DataErrors
from macros.loader import load_file
from macros.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PROGRAMS = ROOT / "data" / "programs"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
#: axe-core's rules for WCAG 2.1 levels A and AA: the accessibility standard every page is held to.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
#: The folders and files a build of the project needs.
PROJECT_PARTS = ("docs", "data", "macros", "overrides")


def mkdocs_env() -> dict[str, str]:
    """The environment for running MkDocs quietly (no MkDocs 2 banner)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Path, out: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for ``project`` into ``out`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10) -> bool:
    """Wait until something accepts connections on ``port``; False when ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def serve_folder(folder: Path) -> tuple[subprocess.Popen, str]:
    """Serve ``folder`` over HTTP on a free port of 127.0.0.1; return the server and its URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port)
    return server, f"http://127.0.0.1:{port}/"


def stop(process: subprocess.Popen, timeout: float = 5) -> None:
    """Terminate a process started by a test (and kill it if it does not stop in time)."""
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


def data_copy(where: Path) -> Path:
    """A copy of the repository's data and guide pages in ``where``: enough to validate, not to build."""
    shutil.copytree(ROOT / "data", where / "data")
    shutil.copytree(ROOT / "docs", where / "docs")
    return where


def project_copy(where: Path) -> Path:
    """A copy of everything a build needs (pages, data, code, overrides, mkdocs.yml) in ``where``."""
    for name in PROJECT_PARTS:
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


def add_program(project: Path, fixture: str, slug: str | None = None) -> str:
    """Copy ``tests/fixtures/programs/<fixture>.yml`` into the project's programs; return its slug."""
    slug = slug or fixture.replace("_", "-")
    shutil.copy(FIXTURES / "programs" / f"{fixture}.yml", project / "data" / "programs" / f"{slug}.yml")
    return slug


def edit_yaml(path: Path, change: Callable[[dict], object]) -> None:
    """Load a data file, change it, and write it back as plain YAML (comments and schema line are lost)."""
    data = json.loads(json.dumps(load_file(path, path.name)))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def errors_of(project: Path, **kwargs) -> list[str]:
    """Every data error of ``project`` as the contributor reads it; fails when the data is valid."""
    try:
        load_dataset(project, **kwargs)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    raise AssertionError(f"the data in {project} is valid, but errors were expected")


def fixture_text(name: str) -> str:
    """The text of a fixture file under tests/fixtures/."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_clean(outside_requests: list[str], console_errors: list[str]) -> None:
    """A browser test's page asked no other host for anything and logged no error."""
    assert outside_requests == [], f"requests to other hosts: {outside_requests}"
    assert console_errors == [], f"errors in the page: {console_errors}"


def axe_problems(page) -> list[tuple[str, list]]:
    """What axe-core finds against WCAG 2.1 A/AA on the page as it stands: each rule broken, with up
    to three of the elements that break it (an empty list when the page passes)."""
    violations = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
