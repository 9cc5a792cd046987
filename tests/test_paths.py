"""Paths and links (macros.paths): one owner for every site URL and repository link."""

from __future__ import annotations

import pytest

from macros import paths


def test_program_urls():
    assert paths.program_url("kth-msc") == "programs/kth-msc/"
    assert paths.program_source("kth-msc") == "programs/kth-msc.md"
    assert paths.schema_url("program") == "schemas/program.json"


@pytest.mark.parametrize(("src", "url"), [("index.md", ""), ("costs/index.md", "costs/"),
                                          ("degree-types/ms-vs-mps.md", "degree-types/ms-vs-mps/")])
def test_doc_url(src, url):
    assert paths.doc_url(src) == url


@pytest.mark.parametrize(("target", "page", "link"), [
    ("programs/x/", "programs/y/", "../x/"),
    ("programs/", "programs/x/", "../"),
    ("compare.json", "programs/compare/", "../../compare.json"),
    ("", "programs/compare/", "../.."),
    ("programs/x/", "", "programs/x/"),
    ("schemas/program.json", "404.html", "schemas/program.json"),
])
def test_relative(target, page, link):
    assert paths.relative(target, page) == link


def test_repository_links_use_the_edit_branch():
    repo = paths.Repository("https://github.com/o/r/", "edit/main/docs/")
    assert repo.edit("data/programs/x.yml") == "https://github.com/o/r/edit/main/data/programs/x.yml"
    assert repo.blob("README.md") == "https://github.com/o/r/blob/main/README.md"
    assert repo.commit("abc") == "https://github.com/o/r/commit/abc"
    assert repo.new_issue("t.yml") == "https://github.com/o/r/issues/new?template=t.yml"
    assert paths.Repository("https://github.com/o/r", "blob/dev/docs/").edit("x") == "https://github.com/o/r/blob/dev/x"
