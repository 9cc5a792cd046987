"""The source policy: proxies, staging servers and document copies are never cited; aggregators are limited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loader import load_file
from macros.sources import archive_problem, host_kind, policy_problem

from .support import ROOT


@pytest.mark.parametrize(("url", "kind"), [
    ("https://arietiform.com/application/nph-tsq.cgi/en/20/http/www.ml.cmu.edu/academics/primary-ms.html", "proxy"),
    ("https://fanyv88.com:443/https/www.scribd.com/document/783245430/program-CS-MS", "proxy"),
    ("https://www.scribd.com/document/671423344/handbook", "document-host"),
    ("https://docsbay.net/msc-csml-progspec", "document-host"),
    ("https://docslib.org/doc/3671524/brief", "document-host"),
    ("https://arethadanahdmi.pages.dev/893166.html", "scrape"),
    ("https://dev.elevencs.com/mbzuai-2022/master-of-science-in-machine-learning.html", "staging"),
    ("https://uhdomni.oudeve.com/academics/sciences/msai.aspx", "staging"),
    ("https://nlp-test.sites.ucsc.edu/apply", "staging"),
    ("https://tcp-dev-03.cs.cmu.edu/academics/primary-ms-machine-learning-masters", "staging"),
    ("https://www.masterstudies.com/Master-of-Science/", "aggregator"),
    ("https://www.prospects.ac.uk/universities/x/courses/y", "aggregator"),
    ("https://www.ml.cmu.edu/academics/primary-ms-machine-learning-masters.html", None),
    ("https://catalog.ucsc.edu/en/current/general-catalog/", None),
    ("https://www2.daad.de/deutschland/studienangebote/international-programmes/en/detail/5634", None),
    ("https://developer.example.org/", None),  # "developer" is not a staging label
])
def test_hosts_are_classified(url, kind):
    assert host_kind(url) == kind


def test_never_cited_hosts_get_a_message_that_says_what_to_do():
    message = policy_problem("https://docsbay.net/msc-csml-progspec", "official", ["duration"])
    assert message.startswith("docsbay.net is a copy on a document-sharing site; cite the official page's own address")
    assert "archived_url" in message


def test_aggregators_are_third_party_and_never_support_prices_or_admissions():
    url = "https://www.masterstudies.com/x"
    assert "set kind: third-party" in policy_problem(url, "official", ["notes"])
    assert policy_problem(url, "third-party", ["notes"]) is None
    assert "cannot support deadlines, tuition" in policy_problem(url, "third-party", ["tuition", "deadlines", "notes"])


def test_official_pages_pass():
    assert policy_problem("https://www.kth.se/en/studies/master/machine-learning", "official", ["tuition"]) is None


def test_archived_copies_must_be_on_a_web_archive():
    assert archive_problem("https://web.archive.org/web/2024/https://www.ucl.ac.uk/x") is None
    assert "is not a web archive" in archive_problem("https://docsbay.net/x")


# --- The repository's data as a whole -------------------------------------------------------

NEVER_CITED = {"proxy", "document-host", "scrape", "staging"}


def _addresses(node: object, loc: str = "") -> list[tuple[str, str, str]]:
    """Every (place, key, address) under a url, official_url or archived_url key of a parsed data file."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("url", "official_url", "archived_url") and isinstance(value, str):
                found.append((f"{loc}.{key}", key, value))
            else:
                found += _addresses(value, f"{loc}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _addresses(value, f"{loc}[{index}]")
    return found


def _data_files() -> list[Path]:
    return sorted(p for p in (ROOT / "data").rglob("*.yml") if "schema" not in p.parts)


def test_the_data_cites_no_proxy_document_host_scrape_or_staging_server():
    files = _data_files()
    assert len([f for f in files if f.parent.name == "programs"]) >= 48
    offending, seen = [], 0
    for path in files:
        for place, _, url in _addresses(load_file(path, str(path.relative_to(ROOT)))):
            seen += 1
            if host_kind(url) in NEVER_CITED:
                offending.append(f"{path.relative_to(ROOT)}{place}: {url} ({host_kind(url)})")
    assert seen > 100  # the walk found the sources
    assert offending == []


def test_the_data_keeps_archived_copies_on_web_archives_only():
    problems = [f"{path.relative_to(ROOT)}{place}: {problem}"
                for path in _data_files() for place, key, url in _addresses(load_file(path, path.name))
                if key == "archived_url" and (problem := archive_problem(url))]
    assert problems == []


def test_no_address_anywhere_in_the_data_text_is_on_a_host_never_cited():
    # Also catches an address written in prose (notes, summaries), where no source key points at it.
    pattern = re.compile(r"https://[^\s\"'<>)\]]+")
    offending = [f"{path.relative_to(ROOT)}: {url}" for path in _data_files()
                 for url in pattern.findall(path.read_text(encoding="utf-8")) if host_kind(url) in NEVER_CITED]
    assert offending == []
