"""The guide's scope (the seed outline) stays on the built site.

Each key fact of the outline is a phrase or number that must appear in the text of the page that
covers it. If an edit drops one of them, this test names the fact and the page, so the gap is found
before it ships. Phrases are matched in lower case, with tags removed and white space collapsed.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

#: (what the outline asks for, page in the built site, phrases that must all appear on it)
KEY_FACTS = [
    ("programs typically take one to three years", "degree-types/index.html", ["one to three years"]),
    ("the statistics and optimization core includes convex optimization", "curriculum/index.html",
     ["statistical techniques and optimization", "convex optimization"]),
    ("the four core areas of the curriculum", "curriculum/index.html",
     ["machine learning fundamentals", "data structures", "deep learning", "neural networks"]),
    ("what AI- and data-science-centered programs add", "curriculum/index.html",
     ["generative", "logic and reasoning", "ai ethics", "data mining", "information retrieval"]),
    ("careers grow through three broad tracks", "careers/index.html", ["three broad tracks"]),
    ("official pay and growth figures for the roles", "careers/index.html",
     ["bureau of labor statistics", "median pay", "projected job growth"]),
    ("the MS in machine learning compared with the MPS", "degree-types/ms-vs-mps/index.html",
     ["master of professional studies", "research", "applied"]),
    ("ML as a concentration of an AI or computer science degree", "degree-types/concentrations/index.html",
     ["concentration", "computer science"]),
    ("engineering and management flavors of the degree", "degree-types/engineering-and-management/index.html",
     ["master of engineering", "signal processing", "engineering management"]),
    ("specialized degrees in NLP and computer vision", "degree-types/specialised/index.html",
     ["natural language processing", "computer vision"]),
    ("the final project: research thesis or applied capstone", "final-projects/index.html", ["thesis", "capstone"]),
    ("NCES average graduate tuition, Table 330.50, academic year 2021-22", "costs/index.html",
     ["table 330.50", "2021-22", "$20,513", "$12,596", "$28,017"]),
    ("the employer assistance limit and its calendar years", "costs/paying-for-it/index.html",
     ["$5,250", "four calendar years"]),
    ("studying online: asynchronous classes while keeping a job", "online-study/index.html", ["asynchronous"]),
    ("everyday uses of machine learning", "field/index.html", ["spam", "recommend", "neural network"]),
]

#: The three career tracks, as the careers page lists them.
TRACKS = ["Research", "Engineering", "Data science and analytics"]


def page_text(site: Path, page: str) -> str:
    """The visible text of a built page: no scripts or styles, no tags, entities decoded, lower case."""
    raw = (site / page).read_text(encoding="utf-8")
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw))).lower()


class _Terms(HTMLParser):
    """The text of every <dt> on a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.terms: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "dt":
            self._open = True
            self.terms.append("")

    def handle_endtag(self, tag):
        if tag == "dt":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.terms[-1] += data


@pytest.mark.parametrize(("fact", "page", "phrases"), KEY_FACTS, ids=[f[0] for f in KEY_FACTS])
def test_key_fact_of_the_outline_is_on_its_page(built_site, fact, page, phrases):
    assert (built_site / page).exists(), f"{page} is missing from the built site (it covers: {fact})"
    text = page_text(built_site, page)
    missing = [p for p in phrases if p.lower() not in text]
    assert not missing, f"{page} no longer says {missing} ({fact})"


def test_careers_page_lists_the_three_tracks(built_site):
    parser = _Terms()
    parser.feed((built_site / "careers/index.html").read_text(encoding="utf-8"))
    terms = [t.strip() for t in parser.terms]
    assert all(track in terms for track in TRACKS), f"career tracks on the page: {terms}"


def test_page_text_ignores_tags_and_scripts():
    """The helper reads what a reader sees, so a phrase split by markup still counts."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "p.html"
        page.write_text("<p>One to <em>three</em>\n years</p><script>var convex = 1;</script>", encoding="utf-8")
        text = page_text(Path(folder), "p.html")
    assert "one to three years" in text and "convex" not in text
