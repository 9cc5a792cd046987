"""Scripts and stylesheets that only some pages load: each page names its own in its front matter.

A page lists them by file name, without folder or extension::

    scripts: [shortlist, compare]     # docs/assets/javascripts/shortlist.js, compare.js
    styles: [calculator]              # docs/assets/stylesheets/calculator.css

``overrides/main.html`` writes them into the page: the scripts at the end of Material's container
with ``defer``, the stylesheets in the head. ``defer`` runs the scripts after Material's bundle and
the site-wide ``kb.js``. The site has navigation.instant off (mkdocs.yml); were it turned on, it
would swap the container and run the scripts in it, and keep the head's stylesheets in step with
each page, so a tool would still work however its page was reached, and each script's guard
against running twice would keep it from enhancing a page again.

The site-wide scripts and stylesheets stay in mkdocs.yml (``extra_javascript``, ``extra_css``).
The generated program pages get :data:`PROGRAM_PAGE_SCRIPTS` from ``hooks.py``, which checks
every page's lists with :func:`problems`, so a misspelt name fails the build.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

#: Front-matter key -> (folder under docs/, file extension).
KINDS = {"scripts": ("assets/javascripts", ".js"), "styles": ("assets/stylesheets", ".css")}
#: What a program page needs: its "Save to shortlist" star.
PROGRAM_PAGE_SCRIPTS = ("shortlist",)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def asset_path(kind: str, name: str) -> str:
    """The file, relative to docs/, of a script or stylesheet named in front matter."""
    folder, extension = KINDS[kind]
    return f"{folder}/{name}{extension}"


def problems(meta: Mapping, available: Collection[str]) -> list[str]:
    """What is wrong with a page's ``scripts`` and ``styles``: not a list of names, or a name without its file.

    ``available`` holds the site's files, relative to docs/.
    """
    found = []
    for kind in KINDS:
        names = meta.get(kind)
        if names is None:
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) and _NAME.match(n) for n in names):
            found.append(f"{kind} must be a list of file names without folder or extension, e.g. [compare]")
            continue
        found += [f"{kind}: no file {asset_path(kind, n)}" for n in names if asset_path(kind, n) not in available]
    return found
