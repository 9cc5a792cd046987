"""MkDocs hook for `make bench` only: index the pre-rendered pages for search as the site's build does.

The pre-rendered build (pages written out as plain Markdown, no macros and none of the site's hooks)
still gets the site's search step, so that the two builds do the same work apart from making the pages.
``BENCH_SITE_PROJECT`` names the site's project folder, whose ``macros.search_index`` is used.
When the site has no such step (Material's own search plugin), this hook does nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def on_post_build(config) -> None:
    """Run the site's search indexing on the built pre-rendered pages."""
    sys.path.insert(0, os.environ["BENCH_SITE_PROJECT"])
    try:
        from macros import search_index
    except ImportError:
        return
    if not search_index.material_search_on(config["plugins"]):
        search_index.index_site(Path(config["site_dir"]))
