"""Helpers for tests: run Markdown the way the site does and read text back out of HTML."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser

import markdown
from mkdocs.config import load_config

from .support import ROOT


@cache
def _site_markdown_settings() -> tuple[list, dict]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


def to_html(markdown_text: str) -> str:
    """Convert Markdown with the same extensions and settings as the site."""
    extensions, configs = _site_markdown_settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(markdown_text)


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.in_body = False
        self.cell: list[str] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows.append([])
        elif tag in ("td", "th") and self.in_body:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def body_cells(html: str) -> tuple[list[list[str]], list[str]]:
    """The text of every body cell, row by row, and every tag name seen."""
    parser = _Cells()
    parser.feed(html)
    return parser.rows, parser.tags
