"""``make serve`` with a data error (macros.live): the browser shows the errors instead of waiting."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from macros import live
from macros.errors import DataError, DataErrors

from .support import add_program, free_port, mkdocs_env, project_copy, stop, wait_for_port

ERRORS = DataErrors([DataError("data/programs/x.yml", 9, "should be a number (got 'thirty')", "x", "credits.amount"),
                     DataError("data/glossary.yml", None, "the file is missing")])


def test_serving_follows_the_command():
    live.start("serve")
    assert live.serving()
    live.start("build")
    assert not live.serving()


def test_error_page_lists_every_error_as_preformatted_text():
    page = live.error_page(ERRORS)
    front = json.loads(page.split("---\n", 2)[1])
    assert front == {"title": "Data errors", "render_macros": False, "search": {"exclude": True}}
    assert "    2 problems found in the data:\n" in page
    assert "      data/glossary.yml: the file is missing\n" in page
    assert "      data/programs/x.yml:9: x: credits.amount: should be a number (got 'thirty')\n" in page


def test_report_prints_to_the_terminal(capsys):
    live.report(ERRORS)
    err = capsys.readouterr().err
    assert "2 problems found in the data:" in err and "The site shows these errors until the data is fixed." in err


# --- A real `mkdocs serve` -------------------------------------------------------------------

SERVE_TIMEOUT = 60  # seconds for the whole test: start, first page, second page


def fetch(url: str, deadline: float) -> str:
    with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.monotonic())) as response:
        return response.read().decode("utf-8")


@pytest.mark.serve
def test_mkdocs_serve_with_a_data_error_shows_the_error_in_the_browser(tmp_path: Path):
    """Starts `mkdocs serve` on a free port for a project copy with one bad program file (bounded: 60 s)."""
    project = project_copy(tmp_path / "project")
    add_program(project, "wrong_type")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    started = time.monotonic()
    deadline = started + SERVE_TIMEOUT
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=mkdocs_env(), stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for_port(port, timeout=SERVE_TIMEOUT), "mkdocs serve did not start listening"
        html = fetch(f"http://127.0.0.1:{port}/guide/", deadline)
        costs = fetch(f"http://127.0.0.1:{port}/guide/costs/", deadline)
        elapsed = time.monotonic() - started
    finally:
        stop(server)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    message = "data/programs/wrong-type.yml:9: wrong-type: credits.amount: should be a number (got &#39;thirty&#39;)"
    for page in (html, costs):
        assert "The data has errors" in page
        assert message in page or message.replace("&#39;", "'") in page, page[:2000]
    assert "data/programs/wrong-type.yml:9: wrong-type: credits.amount:" in output
    assert "Traceback" not in output
    assert elapsed < SERVE_TIMEOUT
