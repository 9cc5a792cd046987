"""MkDocs hook for `make bench` only: write each page's Markdown as the site's build made it.

Listed after the site's own hooks in a bench copy of mkdocs.yml, with ``BENCH_CAPTURE_DIR`` set.
Each page is written to ``$BENCH_CAPTURE_DIR/<its source path>``: front matter (the page's final
meta, as JSON, which is YAML) and the Markdown after the macros plugin has rendered it. The site's
hooks add no text to a page, so that is the Markdown MkDocs converts (program pages are raw HTML).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

_markdown: dict[str, str] = {}


@event_priority(-50)  # after the macros plugin (0), before the site's hooks (-100) keep program pages from Markdown
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Keep the page's Markdown as macros left it."""
    _markdown[page.file.src_uri] = markdown
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    """Write the page's front matter (final by now) and Markdown."""
    target = Path(os.environ["BENCH_CAPTURE_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = json.dumps(page.meta, default=str, ensure_ascii=False)
    target.write_text(f"---\n{meta}\n---\n{_markdown.pop(page.file.src_uri)}", encoding="utf-8")
    return html
