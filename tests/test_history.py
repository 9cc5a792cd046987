"""Reading the history of the data from git: field changes, page dates, shallow and missing history."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros import history

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "programs"
VALID = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
BROKEN = (FIXTURES / "syntax_error.yml").read_text(encoding="utf-8")

FIRST, SECOND, THIRD, FOURTH = ("2026-01-10T09:00:00+00:00", "2026-02-01T12:00:00+00:00",
                                "2026-03-05T10:30:00+02:00", "2026-04-01T23:59:59-05:00")


def git(folder: Path, *args: str, date: str | None = None) -> str:
    """Run git with a fixed identity, no user configuration and (for commits) a fixed date."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.test",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.test"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=folder, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def write(root: Path, path: str, content: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(content, encoding="utf-8")


def commit(repo: Path, message: str, date: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD")


@dataclass
class Project:
    repo: Path  # the git repository
    root: Path  # the project inside it (the repository itself, or a folder in it)
    shas: list[str]


def make_project(repo: Path, prefix: str = "") -> Project:
    """Four commits: add a program, edit two of its fields, remove it, edit a file that does not parse."""
    repo.mkdir(parents=True)
    root = repo / prefix if prefix else repo
    git(repo, "init", "-q")
    write(root, "data/programs/example.yml", VALID)
    write(root, "data/costs.yml", "rows: 1\n")
    write(root, "docs/index.md", "# Home\n")
    write(repo, "outside.txt", "not part of the data\n")
    shas = [commit(repo, "Add the example program", FIRST)]
    edited = VALID.replace("title: Master of Science in Machine Learning", "title: MS in Machine Learning")
    write(root, "data/programs/example.yml", edited.replace("  amount: 30\n", "  amount: 36\n"))
    write(root, "docs/guide.md", "# Guide\n")
    shas.append(commit(repo, "Example: new title and credits", SECOND))
    (root / "data/programs/example.yml").unlink()
    write(root, "data/costs.yml", "rows: 2\n")
    write(root, "data/programs/broken.yml", BROKEN)
    shas.append(commit(repo, "Remove the example program", THIRD))
    write(root, "data/programs/broken.yml", BROKEN + "\n# still broken\n")
    shas.append(commit(repo, "Edit a broken file", FOURTH))
    return Project(repo, root, shas)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    return make_project(tmp_path_factory.mktemp("history") / "repo")


def summary(changes) -> list[tuple]:
    return [(c.sha, c.date, c.path, c.kind, c.slug, c.field, c.old, c.new) for c in changes]


def test_field_level_changes_newest_first(project):
    first, second, third, fourth = project.shas
    result = history.data_changes(project.root)
    assert result.status == history.OK and not result.truncated
    assert summary(result.changes) == [
        (fourth, "2026-04-02T04:59:59Z", "data/programs/broken.yml", history.UNREADABLE, "broken", None, None, None),
        (third, "2026-03-05T08:30:00Z", "data/costs.yml", history.CHANGED, None, None, None, None),
        (third, "2026-03-05T08:30:00Z", "data/programs/broken.yml", history.ADDED, "broken", None, None, None),
        (third, "2026-03-05T08:30:00Z", "data/programs/example.yml", history.REMOVED, "example", None, None, None),
        (second, "2026-02-01T12:00:00Z", "data/programs/example.yml", history.CHANGED, "example", "title",
         "Master of Science in Machine Learning", "MS in Machine Learning"),
        (second, "2026-02-01T12:00:00Z", "data/programs/example.yml", history.CHANGED, "example", "credits.amount",
         30, 36),
        (first, "2026-01-10T09:00:00Z", "data/costs.yml", history.ADDED, None, None, None, None),
        (first, "2026-01-10T09:00:00Z", "data/programs/example.yml", history.ADDED, "example", None, None, None),
    ]
    assert result.changes[4].subject == "Example: new title and credits"
    unreadable = result.changes[0]
    assert "the new version could not be read" in unreadable.note and "data/programs/broken.yml:" in unreadable.note


def test_the_number_of_changes_is_bounded(project):
    result = history.data_changes(project.root, limit=2)
    assert result.truncated and len(result.changes) == 2
    assert len({c.sha for c in history.data_changes(project.root, max_commits=1).changes}) == 1


def test_last_changed_dates_from_one_log(project):
    result = history.last_changed(project.root)
    assert result.status == history.OK
    assert result.dates == {"docs/index.md": "2026-01-10", "docs/guide.md": "2026-02-01",
                            "data/costs.yml": "2026-03-05", "data/programs/broken.yml": "2026-04-02"}


def test_a_project_in_a_subfolder_of_the_repository(tmp_path):
    project = make_project(tmp_path / "repo", prefix="site")
    changes = history.data_changes(project.root).changes
    assert [(c.path, c.field) for c in changes if c.kind == history.CHANGED and c.slug] == [
        ("data/programs/example.yml", "title"), ("data/programs/example.yml", "credits.amount")]
    assert history.last_changed(project.root).dates["docs/index.md"] == "2026-01-10"


def test_a_shallow_clone_has_no_history(project, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project.repo}", str(clone))
    assert history.checkout(clone).status == history.SHALLOW
    assert history.data_changes(clone) == history.History(history.SHALLOW)
    assert history.last_changed(clone) == history.Dates(history.SHALLOW, {})


def test_a_folder_that_is_not_a_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plain" / "data").mkdir(parents=True)
    assert history.data_changes(tmp_path / "plain").status == history.NOT_A_REPOSITORY
    dates = history.last_changed(tmp_path / "plain")
    assert (dates.status, dates.dates) == (history.NOT_A_REPOSITORY, {})


def test_git_not_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert history.data_changes(tmp_path).status == history.NO_GIT
    assert history.last_changed(tmp_path).status == history.NO_GIT


def test_a_repository_without_commits(tmp_path):
    git(tmp_path, "init", "-q")
    assert history.data_changes(tmp_path) == history.History(history.OK)
    assert history.last_changed(tmp_path) == history.Dates(history.OK, {})


def test_field_changes_compare_types_lists_and_sources():
    old = {"credits": {"amount": 1}, "delivery": ["online"], "open": True, "city": "Paris",
           "sources": [{"url": "https://a.test/", "accessed": "2026-01-15"}]}
    new = {"credits": {"amount": True}, "delivery": ["online", "on-campus"], "open": True, "tuition": {"amount": 5},
           "sources": [{"url": "https://b.test/", "accessed": "2026-01-15"}]}
    assert history.field_changes(old, new) == [
        ("credits.amount", 1, True),
        ("delivery", ["online"], ["online", "on-campus"]),
        ("tuition", None, {"amount": 5}),
        ("sources", "1 source, last read 2026-01-15", "1 source, last read 2026-01-15 (edited)"),
        ("city", "Paris", None),
    ]
