"""A changed fact needs a new reading of its source (macros/review.py), in a temporary git repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from macros.review import review_changes

FIXTURES = Path(__file__).parent / "fixtures" / "programs"
PROGRAM = "data/programs/springfield-ms-ml.yml"
# valid.yml with its sources and dates kept, plus notes and a second source that supports only the notes.
NOTES_SOURCE = """\
  - url: https://www.springfield-tech.test/ms-ml/faq
    title: Frequently asked questions
    accessed: 2026-01-10
    kind: official
    supports: [notes]
"""
BASE_TEXT = (FIXTURES / "valid.yml").read_text(encoding="utf-8").replace(
    "last_verified:", NOTES_SOURCE + "notes: Classes meet in the evening.\nlast_verified:"
)
LATER = "2026-02-01"  # after every date in the file, and not in the future


def git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def make_repo(root: Path, files: dict[str, str]) -> Path:
    """A git repository at ``root`` whose first commit holds ``files``."""
    git(root, "init", "-q")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path, {PROGRAM: BASE_TEXT})


def edit(repo: Path, *replacements: tuple[str, str], path: str = PROGRAM) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")


def line_with(repo: Path, text: str, path: str = PROGRAM) -> int:
    lines = (repo / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_unchanged_files_have_nothing_to_review(repo: Path):
    assert review_changes(repo, "HEAD") == []


def test_changed_credits_without_a_new_reading_is_an_error_at_the_changed_line(repo: Path):
    edit(repo, ("amount: 30", "amount: 32"))
    [error] = review_changes(repo, "HEAD")
    assert error.file == PROGRAM
    assert error.line == line_with(repo, "amount: 32")
    assert error.entry == "springfield-ms-ml"
    assert error.field == "credits.amount"
    assert error.message.startswith("credits changed (30 -> 32) but no source that supports credits was read again")
    assert "2026-01-15" in error.message and "`accessed`" in error.message


def test_changed_credits_with_the_supporting_source_read_again_passes(repo: Path):
    edit(repo, ("amount: 30", "amount: 32"), ("accessed: 2026-01-15", f"accessed: {LATER}"),
         ("last_verified: 2026-01-15", f"last_verified: {LATER}"))
    assert review_changes(repo, "HEAD") == []


def test_the_same_date_is_not_a_new_reading(repo: Path):
    edit(repo, ("amount: 1200", "amount: 1250"), ("accessed: 2026-01-10", "accessed: 2026-01-15"))
    [error] = review_changes(repo, "HEAD")
    assert error.field.startswith("tuition")
    assert "no source that supports tuition was read again after 2026-01-15" in error.message


def test_a_changed_price_is_reported_at_its_own_line(repo: Path):
    edit(repo, ("amount: 1200", "amount: 1250"))
    [error] = review_changes(repo, "HEAD")
    assert error.field == "tuition[1].amount"
    assert error.line == line_with(repo, "amount: 1250")
    assert "tuition changed (1200 -> 1250)" in error.message


ADMISSIONS = "admissions:\n  gre:\n    policy: required\nofficial_url:"


def test_a_changed_admissions_fact_needs_a_new_reading(tmp_path: Path):
    text = BASE_TEXT.replace("official_url:", ADMISSIONS, 1).replace("tuition]", "tuition, gre]")
    repo = make_repo(tmp_path, {PROGRAM: text})
    edit(repo, ("policy: required", "policy: optional"))
    [error] = review_changes(repo, "HEAD")
    assert error.field == "admissions.gre.policy"
    assert error.line == line_with(repo, "policy: optional")
    assert "gre changed (required -> optional)" in error.message


@pytest.mark.parametrize(
    ("change", "bumped", "fact"),
    [
        (("city: Springfield", "city: Shelbyville"), "accessed: 2026-01-10", "city"),
        (("Classes meet in the evening.", "Classes meet at weekends."), "accessed: 2026-01-15", "notes"),
    ],
)
def test_reading_an_unrelated_source_again_does_not_count(repo: Path, change, bumped, fact):
    edit(repo, change, (bumped, f"accessed: {LATER}"))
    [error] = review_changes(repo, "HEAD")
    assert error.line == line_with(repo, change[1])
    assert error.field == fact
    assert error.message.startswith(f"{fact} changed (")
    assert f"no source that supports {fact} was read again" in error.message


def test_every_changed_fact_is_reported(repo: Path):
    edit(repo, ("amount: 30", "amount: 32"), ("delivery: [on-campus, online]", "delivery: [online]"))
    errors = review_changes(repo, "HEAD")
    assert [e.field for e in errors] == ["delivery", "credits.amount"]
    assert "delivery changed ([on-campus, online] -> [online])" in errors[0].message


def test_a_fact_no_source_supported_before_needs_no_newer_reading(repo: Path):
    edit(repo, ("title, city,", "title,"), ("city: Springfield\n", ""))
    git(repo, "commit", "-q", "-am", "no city")
    edit(repo, ("title,", "title, city,"), ("delivery:", "city: Springfield\ndelivery:"))
    assert review_changes(repo, "HEAD") == []


def test_a_removed_fact_is_not_reviewed(repo: Path):
    edit(repo, ("city: Springfield\n", ""))
    assert review_changes(repo, "HEAD") == []


def test_new_and_deleted_files_are_not_reviewed(repo: Path):
    (repo / "data/programs/new-program.yml").write_text(BASE_TEXT.replace("amount: 30", "amount: 99"), encoding="utf-8")
    (repo / PROGRAM).unlink()
    assert review_changes(repo, "HEAD") == []


def test_a_file_that_did_not_parse_at_the_base_is_skipped(repo: Path):
    edit(repo, ("credits:", "credits: [oops"))
    git(repo, "commit", "-q", "-am", "broken")
    (repo / PROGRAM).write_text(BASE_TEXT.replace("amount: 30", "amount: 32"), encoding="utf-8")
    assert review_changes(repo, "HEAD") == []


def test_a_file_that_does_not_parse_now_is_left_to_make_check(repo: Path):
    edit(repo, ("amount: 30", "amount: [32"))
    assert review_changes(repo, "HEAD") == []


def test_an_old_version_that_is_not_a_mapping_or_not_utf8_is_skipped(repo: Path):
    (repo / PROGRAM).write_bytes(b"- just\n- a list\n")
    other = "data/programs/latin1.yml"
    (repo / other).write_bytes(BASE_TEXT.replace("Springfield", "Springf\xe9ld").encode("latin-1"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "odd versions")
    (repo / PROGRAM).write_text(BASE_TEXT, encoding="utf-8")
    (repo / other).write_text(BASE_TEXT.replace("amount: 30", "amount: 32"), encoding="utf-8")
    assert review_changes(repo, "HEAD") == []


def test_files_outside_the_programs_folder_are_not_reviewed(tmp_path: Path):
    repo = make_repo(tmp_path, {"data/programs/sub/x.yml": BASE_TEXT, "data/templates/program.yml": BASE_TEXT})
    edit(repo, ("amount: 30", "amount: 32"), path="data/programs/sub/x.yml")
    edit(repo, ("amount: 30", "amount: 32"), path="data/templates/program.yml")
    assert review_changes(repo, "HEAD") == []


def test_an_unknown_ref_is_one_error_that_says_what_to_do(repo: Path):
    [error] = review_changes(repo, "origin/no-such-branch")
    assert error.file == "data/programs" and error.line is None
    assert "cannot compare with 'origin/no-such-branch'" in error.message
    assert "git fetch" in error.message


def test_a_folder_that_is_not_a_git_repository_is_one_error(tmp_path: Path):
    (tmp_path / "data/programs").mkdir(parents=True)
    [error] = review_changes(tmp_path, "HEAD")
    assert "cannot compare with 'HEAD'" in error.message


def test_a_project_in_a_subfolder_of_the_repository(tmp_path: Path):
    repo = make_repo(tmp_path, {f"site/{PROGRAM}": BASE_TEXT})
    edit(repo / "site", ("amount: 30", "amount: 32"))
    [error] = review_changes(repo / "site", "HEAD")
    assert error.file == PROGRAM and error.field == "credits.amount"
