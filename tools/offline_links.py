"""MkDocs hook for the offline copy (mkdocs-offline.yml): links the macros wrote as folders point at files.

The guide's macros write links in the hosted site's form, ``programs/berkeley-mids/``: a folder the
web server answers with its page. Opened from disk there is no server, and the offline plugin has
turned directory URLs off, so that page is the file ``programs/berkeley-mids.html`` (a section's
page is ``folder/index.html``). Markdown links are already right (MkDocs rewrites them); the HTML
the macros write is not. After the build this rewrites every relative ``href`` and ``src`` in every
page's article to the file it means. A link that names a file which exists is left as it is. The
page's canonical link goes the other way: it names the page on the hosted site, in the hosted form.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')
#: Values that are not paths within the site: a scheme (https:, mailto:, data:), a root or an anchor.
NOT_A_PATH = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|$)")

#: What a site-relative path is: "file", "dir" or None (absent).
Kind = Callable[[str], "str | None"]


def _file_for(target: str, kind: Kind) -> str | None:
    """The page file a site-relative target means: itself, its index.html, or the .html beside it."""
    target = "" if target == "." else target.rstrip("/")
    if target and kind(target) == "file":
        return target
    index = posixpath.join(target, "index.html") if target else "index.html"
    if kind(index) == "file":
        return index
    if target and kind(target + ".html") == "file":
        return target + ".html"
    return None


def _split(value: str) -> tuple[str, str]:
    """A link's path and the query or anchor after it."""
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    return value[:cut], value[cut:]


def origins(page: str) -> tuple[str, str]:
    """The page file's own folder, and the folder the page would be in the hosted site."""
    here = posixpath.dirname(page)
    return here, (page.removesuffix(".html") if not page.endswith("index.html") else here)


def target_of(value: str, origin: str, kind: Kind) -> str | None:
    """The page file a relative link means when read from ``origin``, or None when it means none."""
    path, _ = _split(value)
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(origin, path))
    if target.startswith(".."):
        return None
    if not path.endswith("/") and kind(target) == "file":
        return target
    return _file_for(target, kind)


def fix_link(value: str, page: str, origin: str, kind: Kind) -> str:
    """``value`` (an href or src on the page file ``page``, both relative to the site root, worked out
    from the folder ``origin``) made to name a file; unchanged when it is not a relative path or names nothing."""
    if NOT_A_PATH.match(value):
        return value
    here = posixpath.dirname(page)
    found = target_of(value, origin, kind)
    if found is None or (origin == here and found == posixpath.normpath(posixpath.join(here, _split(value)[0]))):
        return value
    return posixpath.relpath(found, here or ".") + _split(value)[1]


def fix_page(html: str, page: str, kind: Kind) -> str:
    """The links in one page's article made to name files.

    The theme's own links (navigation, assets) are right already and are left alone. The article's
    links were worked out either from the page's folder (guide pages) or from the folder the page
    would have on the hosted site (program pages): the one from which more of them lead somewhere.
    """
    def fix_article(article: re.Match) -> str:
        values = [m.group(2) for m in LINK.finditer(article.group(0)) if not NOT_A_PATH.match(m.group(2))]
        here, folder = origins(page)
        scores = {origin: sum(target_of(v, origin, kind) is not None for v in values) for origin in (here, folder)}
        origin = folder if scores[folder] > scores[here] else here
        return LINK.sub(lambda m: m.group(1) + fix_link(m.group(2), page, origin, kind) + m.group(3), article.group(0))

    html = CANONICAL.sub(lambda m: m.group(1) + hosted_address(m.group(2)) + m.group(3), html)
    return ARTICLE.sub(fix_article, html)


def hosted_address(url: str) -> str:
    """A page's address on the hosted site from its offline form: ``a/b.html`` -> ``a/b/``,
    ``a/index.html`` -> ``a/``. The canonical link names the hosted page, which the tools that
    cannot work from disk (compare, the shortlist) link to."""
    if url.endswith("/index.html"):
        return url.removesuffix("index.html")
    if url.endswith(".html") and not url.endswith("/404.html"):
        return url.removesuffix(".html") + "/"
    return url


def fix_site(site: Path) -> int:
    """Rewrite the links of every page of a built site; return how many pages changed."""
    def kind(relative: str) -> str | None:
        path = site / relative
        return "file" if path.is_file() else "dir" if path.is_dir() else None

    changed = 0
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        html = file.read_text(encoding="utf-8")
        fixed = fix_page(html, page, kind)
        if fixed != html:
            file.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed


def on_post_build(config, **kwargs) -> None:
    """After an offline build (directory URLs off), point the macros' folder links at files."""
    if not config["use_directory_urls"]:
        fix_site(Path(config["site_dir"]))
