"""The offline copy's hook points the macros' folder links at the page files a reader opens from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.offline_links import fix_link, fix_page, fix_site, hosted_address

FILES = {"index.html", "costs/index.html", "costs/calculator.html", "programs/index.html",
         "programs/a.html", "programs/b.html", "programs/a/facts.json", "programs.csv"}
DIRS = {"costs", "programs", "programs/a"}


def kind(path: str) -> str | None:
    return "file" if path in FILES else "dir" if path in DIRS else None


@pytest.mark.parametrize(
    ("value", "page", "origin", "expected"),
    [
        ("a/", "programs/index.html", "programs", "a.html"),                   # a program, from the directory
        ("calculator/?from=x#top", "costs/index.html", "costs", "calculator.html?from=x#top"),
        ("../", "costs/calculator.html", "costs", "../index.html"),            # the site's home
        ("../b/", "programs/a.html", "programs/a", "b.html"),                  # worked out for programs/a/
        ("../", "programs/a.html", "programs/a", "index.html"),                # the directory, not the home page
        ("../../costs/", "programs/a.html", "programs/a", "../costs/index.html"),
        ("../programs.csv", "costs/index.html", "costs", "../programs.csv"),   # a file: left as it is
        ("calculator.html", "costs/index.html", "costs", "calculator.html"),
        ("https://example.org/x/", "index.html", "", "https://example.org/x/"),
        ("#anchor", "index.html", "", "#anchor"),
        ("?p=a", "programs/index.html", "programs", "?p=a"),
        ("nowhere/", "index.html", "", "nowhere/"),                            # names nothing: left
    ],
)
def test_fix_link(value, page, origin, expected):
    assert fix_link(value, page, origin, kind) == expected


def test_a_program_page_is_read_from_the_folder_it_has_on_the_hosted_site():
    html = ('<link href="../assets/x.css"><article><a href="../b/">B</a> <a href="../">Directory</a>'
            ' <a href="../../costs/">Costs</a></article><a href="../index.html">Home</a>')
    assert fix_page(html, "programs/a.html", kind) == (
        '<link href="../assets/x.css"><article><a href="b.html">B</a> <a href="index.html">Directory</a>'
        ' <a href="../costs/index.html">Costs</a></article><a href="../index.html">Home</a>')


def test_a_guide_page_is_read_from_its_own_folder():
    html = '<article><a href="calculator.html">Calculator</a> <a href="../programs/a/">A</a></article>'
    assert fix_page(html, "costs/index.html", kind) == (
        '<article><a href="calculator.html">Calculator</a> <a href="../programs/a.html">A</a></article>')


def test_fix_site_rewrites_pages_on_disk(tmp_path: Path):
    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "a.html").write_text('<article><a href="../b/">B</a></article>', encoding="utf-8")
    (tmp_path / "programs" / "b.html").write_text('<article><a href="a.html">A</a></article>', encoding="utf-8")
    (tmp_path / "programs" / "index.html").write_text('<article><a href="a/">A</a></article>', encoding="utf-8")
    assert fix_site(tmp_path) == 2
    assert (tmp_path / "programs" / "a.html").read_text(encoding="utf-8") == '<article><a href="b.html">B</a></article>'
    assert (tmp_path / "programs" / "b.html").read_text(encoding="utf-8") == '<article><a href="a.html">A</a></article>'
    assert (tmp_path / "programs" / "index.html").read_text(encoding="utf-8") == '<article><a href="a.html">A</a></article>'


@pytest.mark.parametrize(
    ("offline", "hosted"),
    [("https://example.org/guide/programs/compare.html", "https://example.org/guide/programs/compare/"),
     ("https://example.org/guide/costs/index.html", "https://example.org/guide/costs/"),
     ("https://example.org/guide/index.html", "https://example.org/guide/"),
     ("https://example.org/guide/404.html", "https://example.org/guide/404.html"),
     ("https://example.org/guide/", "https://example.org/guide/")],
)
def test_the_canonical_link_names_the_page_on_the_hosted_site(offline, hosted):
    assert hosted_address(offline) == hosted
    html = f'<link rel="canonical" href="{offline}"><article></article>'
    assert fix_page(html, "programs/compare.html", kind) == f'<link rel="canonical" href="{hosted}"><article></article>'
