"""Fixtures only: the validated data, copies of the project, the built site, a server, Chromium.

The helpers behind them live in :mod:`tests.support`; tests import helpers from there, never from here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.dataset import Dataset
from macros.validate import load_dataset

from .support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, data_copy, serve_folder, stop

@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The repository's own data, loaded and validated once per test session."""
    return load_dataset(ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's data and guide pages, to which a test adds or changes files."""
    return data_copy(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1."""
    server, url = serve_folder(built_site)
    yield url
    stop(server)


@pytest.fixture(scope="session")
def base_url(site_url: str) -> str:
    """pytest-playwright resolves page.goto("programs/") against this."""
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium; Playwright's own browser download is not available here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make browser-deps` or set CHROMIUM")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def outside_requests(page) -> list[str]:
    """Every request the page makes to a host other than 127.0.0.1 (each is blocked)."""
    seen: list[str] = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            seen.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return seen


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of the test's page."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors
