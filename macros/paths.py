"""Where things live on the site and in the repository: one owner for every path and link.

Renderers get the URL of the page they render for and ask this module for relative links, so
no module writes ``"../../"`` or a folder name by hand. Relative links come from MkDocs' own
:func:`mkdocs.utils.get_relative_url`, the helper its templates use.
"""

from __future__ import annotations

from posixpath import dirname

from mkdocs.utils import get_relative_url

#: The site folder of the generated program pages (``programs/<slug>/``) and of the directory.
PROGRAMS = "programs"
DIRECTORY_PAGE = "programs/"
COMPARE_PAGE = "programs/compare/"
SHORTLIST_PAGE = "programs/shortlist/"
CHANGES_PAGE = "changes/"
CHANGES_SOURCE = "changes.md"  # generated from the git history (macros/changes.py)
CHANGES_FEED = "changes.xml"
PROGRAMS_JSON = "programs.json"
PROGRAMS_CSV = "programs.csv"
#: Every program's slug and name, for the compare picker (macros/facts_json.py).
PROGRAM_NAMES_JSON = "programs/names.json"
SCHEMAS = "schemas"
#: The guide page (under docs/) whose sections the prerequisite self-check links to.
PREPARATION_PAGE = "admissions/preparation.md"


def program_url(slug: str) -> str:
    """The site URL of a program's page, relative to the site root."""
    return f"{PROGRAMS}/{slug}/"


def program_source(slug: str) -> str:
    """The generated Markdown file of a program's page, relative to docs/."""
    return f"{PROGRAMS}/{slug}.md"


def program_calendar(slug: str) -> str:
    """The site URL of a program's calendar file of upcoming deadlines (next to its page)."""
    return f"{PROGRAMS}/{slug}/deadlines.ics"


def program_facts(slug: str) -> str:
    """The site URL of a program's display values for compare and the shortlist (next to its page)."""
    return f"{PROGRAMS}/{slug}/facts.json"


def country_directory(country: str, part: int = 1) -> str:
    """The site URL of the directory page of one country's programs (``part`` > 1: its later pages)."""
    return f"{PROGRAMS}/country/{country.lower()}/" + (f"{part}/" if part > 1 else "")


def country_directory_source(country: str, part: int = 1) -> str:
    """The generated Markdown file of a country's directory page, relative to docs/."""
    return f"{PROGRAMS}/country/{country.lower()}" + (f"/{part}.md" if part > 1 else ".md")


def schema_url(name: str) -> str:
    """The site URL of a published JSON Schema."""
    return f"{SCHEMAS}/{name}.json"


def doc_url(src: str) -> str:
    """The site URL of a page from its file under docs/ (``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative(target: str, page_url: str) -> str:
    """A link from the page at ``page_url`` to ``target`` (both relative to the site root)."""
    if page_url.endswith("/") or not page_url:
        return get_relative_url(target or ".", page_url or ".")
    return get_relative_url(target or ".", dirname(page_url) or ".")


class Repository:
    """Links into the project's repository, from ``repo_url`` and ``edit_uri`` in mkdocs.yml.

    ``edit_uri: edit/main/docs/`` names the branch once; data files are edited on the same branch.
    """

    def __init__(self, repo_url: str, edit_uri: str, docs_dir: str = "docs"):
        self.root = repo_url.rstrip("/")
        parts = edit_uri.strip("/").split("/")
        if parts[-1:] == [docs_dir.rstrip("/").rsplit("/", 1)[-1]]:
            parts = parts[:-1]
        self.action, self.branch = (parts + ["edit", "main"])[:2] if len(parts) >= 2 else ("edit", "main")

    def edit(self, path: str) -> str:
        """The page that edits ``path`` (relative to the repository root) on GitHub."""
        return f"{self.root}/{self.action}/{self.branch}/{path}"

    def blob(self, path: str) -> str:
        """The page that shows ``path`` on GitHub."""
        return f"{self.root}/blob/{self.branch}/{path}"

    def commit(self, sha: str) -> str:
        """The page of one commit."""
        return f"{self.root}/commit/{sha}"

    def history(self, path: str) -> str:
        """The list of commits that changed ``path`` on GitHub."""
        return f"{self.root}/commits/{self.branch}/{path}"

    def new_issue(self, template: str) -> str:
        """The form for a new issue from one of the issue templates."""
        return f"{self.root}/issues/new?template={template}"
