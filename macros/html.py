"""Small HTML building blocks that treat every data value as text.

Everything from data goes through :func:`text` (HTML-escaped, with braces turned into entities
so no template syntax survives into the page) or :func:`link` (https only). Output is a single
block of HTML with no blank lines, so Markdown leaves it alone and never reads ``*``, ``|`` or
``[x](y)`` inside it as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from markupsafe import Markup, escape

Cell = str | int | float | Markup | None


# Characters that Markdown, its extensions or Jinja could read as syntax, written as entities:
# they look the same on the page but can never start emphasis, a link, a table cell, an emoji
# shortcode or a template expression, even when a value ends up inline in a paragraph.
_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'{}*_[]`\\|~^=:#+!\n\t"})


def text(value: object) -> Markup:
    """Escape a value for HTML and make Markdown/Jinja syntax in it inert."""
    if isinstance(value, Markup):
        return value
    return Markup(("" if value is None else str(value)).translate(_INERT))


def attr(value: object) -> Markup:
    """Escape a value for use inside a double-quoted attribute (braces too)."""
    return Markup(str(escape("" if value is None else str(value))).replace("{", "&#123;").replace("}", "&#125;"))


def is_safe_url(url: str) -> bool:
    """True for absolute https:// URLs with a host (the only links data may create)."""
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname)


def link(url: str, label: object, *, external: bool = True) -> Markup:
    """An ``<a>`` to an https URL; anything else is shown as plain text, never as a link."""
    if external and not is_safe_url(url):
        return text(label)
    rel = ' rel="noopener"' if external else ""
    return Markup(f'<a href="{attr(url)}"{rel}>{text(label)}</a>')


def host(url: str) -> str:
    """The host name of a URL without a leading ``www.``, as a short link label."""
    name = urlsplit(url).hostname or url
    return name.removeprefix("www.")


def join(parts: Iterable[Markup | str], separator: str = ", ") -> Markup:
    """Join escaped parts with a plain separator."""
    return Markup(text(separator)).join(text(p) for p in parts)


def table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    empty: str = "No entries yet.",
    table_id: str | None = None,
    row_attributes: Iterable[dict[str, str]] | None = None,
    caption_visible: bool = True,
) -> Markup:
    """A captioned, keyboard-scrollable table. ``rows`` hold text or pre-built Markup cells."""
    rows = list(rows)
    if not rows:
        return Markup(f'<p class="kb-empty">{text(empty)}</p>')
    attributes = list(row_attributes) if row_attributes is not None else [{} for _ in rows]
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = []
    for row, extra in zip(rows, attributes):
        attrs = "".join(f' {name}="{attr(value)}"' for name, value in extra.items())
        cells = [f'<th scope="row">{text(row[0])}</th>'] + [f"<td>{text(c)}</td>" for c in row[1:]]
        body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    ident = f' id="{attr(table_id)}"' if table_id else ""
    caption_class = "" if caption_visible else ' class="md-visually-hidden"'
    return Markup(
        f'<div class="kb-table" role="region" aria-label="{attr(caption)}" tabindex="0">'
        f"<table{ident}><caption{caption_class}>{text(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def block(markup: Markup) -> str:
    """Surround HTML with blank lines so Markdown treats it as one raw block.

    Each tag starts a new line (data text never holds a raw ``<``, so ``><`` only occurs between
    tags): Python-Markdown parses one very long line of HTML about ten times more slowly.
    """
    return "\n\n" + str(markup).replace("><", ">\n<") + "\n\n"
