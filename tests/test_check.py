"""``python -m macros.check``: GitHub annotations, and ``--base`` from the command line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import coverage, help_wanted
from macros.check import annotation
from macros.errors import DataError
from macros.validate import load_dataset

ROOT = Path(__file__).resolve().parent.parent
VALID = (Path(__file__).parent / "fixtures" / "programs" / "valid.yml").read_text(encoding="utf-8")
LATER = "2026-02-01"  # after every date in valid.yml, and not in the future


def run_check(*args: str, actions: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if actions:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "macros.check", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's data and guide pages."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_annotation_names_file_line_entry_and_field():
    error = DataError("data/programs/x.yml", 9, "message", "x", "credits.amount")
    assert annotation("error", error) == "::error file=data/programs/x.yml,line=9,title=x%3A credits.amount::message"


def test_annotation_without_line_entry_or_field():
    assert annotation("warning", DataError("data/costs.yml", None, "m")) == "::warning file=data/costs.yml,title=data check::m"


def test_annotation_escapes_percent_and_newlines_everywhere_and_commas_and_colons_in_properties():
    error = DataError("data/programs/a,b:c.yml", 3, "100% sure, line one:\r\nline two", "a,b", "x:y%")
    assert annotation("error", error) == (
        "::error file=data/programs/a%2Cb%3Ac.yml,line=3,title=a%2Cb%3A x%3Ay%25"
        "::100%25 sure, line one:%0D%0Aline two"
    )


def test_in_github_actions_a_broken_project_prints_annotations(project: Path):
    (project / "data/programs/broken-program.yml").write_text(VALID.replace("amount: 30", "amount: thirty"),
                                                              encoding="utf-8")
    line = VALID.splitlines().index("  amount: 30") + 1
    result = run_check(str(project), actions=True)
    assert result.returncode == 1
    assert f"data/programs/broken-program.yml:{line}: broken-program: credits.amount:" in result.stderr
    assert f"::error file=data/programs/broken-program.yml,line={line},title=broken-program%3A credits.amount::" \
        in result.stdout


def test_outside_github_actions_no_annotations_are_printed(project: Path):
    (project / "data/programs/broken-program.yml").write_text(VALID.replace("amount: 30", "amount: thirty"),
                                                              encoding="utf-8")
    result = run_check(str(project))
    assert result.returncode == 1
    assert "::error" not in result.stdout


def git(repo: Path, *args: str) -> None:
    command = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args]
    subprocess.run(command, check=True, capture_output=True)


def test_base_option_end_to_end(project: Path):
    program = project / "data/programs/springfield-ms-ml.yml"
    program.write_text(VALID, encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    assert run_check(str(project), "--base", "HEAD").returncode == 0

    program.write_text(VALID.replace("amount: 30", "amount: 32"), encoding="utf-8")
    assert run_check(str(project)).returncode == 0  # without --base the change is not reviewed
    result = run_check(str(project), "--base", "HEAD", actions=True)
    assert result.returncode == 1
    line = VALID.splitlines().index("  amount: 30") + 1
    assert "credits changed (30 -> 32) but no source that supports credits was read again" in result.stderr
    assert f"::error file=data/programs/springfield-ms-ml.yml,line={line},title=springfield-ms-ml%3A credits.amount::" \
        "credits changed (30 -> 32)" in result.stdout

    program.write_text(VALID.replace("amount: 30", "amount: 32").replace("2026-01-15", LATER), encoding="utf-8")
    result = run_check(str(project), "--base", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "Data OK" in result.stdout


def test_base_option_reports_review_and_validation_errors_together(project: Path):
    program = project / "data/programs/springfield-ms-ml.yml"
    program.write_text(VALID, encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    program.write_text(VALID.replace("amount: 30", "amount: 32").replace("country: US", "country: XX"),
                       encoding="utf-8")
    result = run_check(str(project), "--base", "HEAD")
    assert result.returncode == 1
    assert "2 problems found" in result.stderr
    assert "credits changed" in result.stderr and "country" in result.stderr


def test_base_option_with_an_unknown_ref_fails_with_advice(project: Path):
    git(project, "init", "-q")
    result = run_check(str(project), "--base", "origin/main")
    assert result.returncode == 1
    assert "cannot compare with 'origin/main'" in result.stderr


# --- Freshness lines and --coverage ---------------------------------------------------------


def freshness_of(stderr: str) -> list[str]:
    return [line.removeprefix("freshness: ") for line in stderr.splitlines() if line.startswith("freshness: ")]


def test_the_check_prints_three_freshness_lines(project: Path):
    result = run_check(str(project))
    assert result.returncode == 0, result.stderr
    programs = load_dataset(project).programs
    expected = coverage.freshness_summary([coverage.gaps(p).old for p in programs.values()])
    assert freshness_of(result.stderr) == expected
    assert [re.sub(r"^\d+ ", "N ", line) for line in expected] == [
        "N programs show only an old price (for an academic year more than 2 years ago)",
        "N programs have only deadlines that have passed",
        "N programs have not been checked against their sources for a long time",
    ]
    assert "Coverage (programs whose sources state each fact):" not in result.stdout  # only with --coverage


def test_the_freshness_lines_count_an_old_price_a_passed_deadline_and_an_old_check(project: Path):
    before = [int(line.split(" ", 1)[0]) for line in freshness_of(run_check(str(project)).stderr)]
    stale = VALID.replace("last_verified: 2026-01-15", "last_verified: 2024-01-15").replace(
        "accessed: 2026-01-15", "accessed: 2024-01-15").replace('academic_year: "2025-26"', 'academic_year: "2019-20"')
    stale = stale.replace("official_url:", 'deadlines:\n  - {term: "Fall 2020", date: "2020-01-15"}\nofficial_url:')
    stale = stale.replace("tuition]", "tuition, deadlines]")
    (project / "data/programs/springfield-ms-ml.yml").write_text(stale, encoding="utf-8")
    result = run_check(str(project))
    assert result.returncode == 0, result.stderr
    after = [int(line.split(" ", 1)[0]) for line in freshness_of(result.stderr)]
    assert after == [n + 1 for n in before]


def test_coverage_option_prints_the_coverage_table_and_the_gaps(project: Path):
    result = run_check(str(project), "--coverage")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    programs = load_dataset(project).programs
    report = help_wanted.report_lines(programs)
    assert lines[:len(report)] == report
    assert lines[0] == "Coverage (programs whose sources state each fact):"
    for tracked in coverage.TRACKED:
        assert any(line.startswith(f"  {tracked.label:<40} ") for line in lines[1:len(coverage.TRACKED) + 1])
    assert "Programs with missing or old facts:" in lines
    assert lines[-1].startswith("Data OK:")
    assert len(freshness_of(result.stderr)) == 3


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_check_prints_the_three_freshness_lines():
    # -o: treat the installed dependencies as up to date, so the test never installs anything.
    result = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.site-deps", "check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = freshness_of(result.stderr)
    assert len(lines) == 3
    assert [line.split(" ", 1)[1] for line in lines] == [line.split(" ", 1)[1] for line in coverage.freshness_summary([])]
    assert result.stdout.startswith("Data OK:")
