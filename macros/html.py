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


def data_label(heading: object) -> Markup:
    """The ``data-label`` attribute (with a leading space) naming a cell's column, or nothing for an empty heading."""
    return Markup(f' data-label="{attr(heading)}"') if _filled(heading) else Markup("")


def _filled(value: object) -> bool:
    return bool(str(value or "").strip())


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
    """A captioned table. ``rows`` hold text or pre-built Markup cells; the first cell of each is its row header.

    Every other cell carries its column's heading as ``data-label``: on narrow screens the guide's
    styles show each row as a card of labelled facts (the row header as its title) instead of a
    table that scrolls sideways. An empty cell gets no label, and the card leaves it out. On wider screens a table too wide for the page scrolls inside its
    focusable wrapper. The table has a class, so Material's script leaves it as it is: at start-up it
    wraps every table without one in two more boxes, moving it in the page (a style and layout pass
    over each table; about a third of the blocking time of a page with five tables, make audit).
    """
    rows = list(rows)
    if not rows:
        return Markup(f'<p class="kb-empty">{text(empty)}</p>')
    attributes = list(row_attributes) if row_attributes is not None else [{} for _ in rows]
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = []
    for row, extra in zip(rows, attributes):
        attrs = "".join(f' {name}="{attr(value)}"' for name, value in extra.items())
        cells = [f'<th scope="row">{text(row[0])}</th>'] + [
            f"<td{data_label(headers[i] if i < len(headers) and _filled(c) else '')}>{text(c)}</td>"
            for i, c in enumerate(row) if i
        ]
        body.append(f"<tr{attrs}>{''.join(cells)}</tr>")
    ident = f' id="{attr(table_id)}"' if table_id else ""
    caption_class = "" if caption_visible else ' class="md-visually-hidden"'
    return Markup(
        f'<div class="kb-table" role="region" aria-label="{attr(caption)}" tabindex="0">'
        f'<table class="kb-data"{ident}><caption{caption_class}>{text(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def details(summary: object, body: Markup | str, *, ident: str | None = None, css_class: str = "") -> Markup:
    """A ``<details>`` element, closed, with an escaped summary and a body of escaped text or Markup."""
    ident_attr = f' id="{attr(ident)}"' if ident else ""
    class_attr = f' class="{attr(css_class)}"' if css_class else ""
    return Markup(f"<details{ident_attr}{class_attr}><summary>{text(summary)}</summary>{text(body)}</details>")


def definitions(pairs: Iterable[tuple[object, Markup | str]], css_class: str = "") -> Markup:
    """A definition list of (term, description) pairs, each escaped unless already Markup."""
    class_attr = f' class="{attr(css_class)}"' if css_class else ""
    items = "".join(f"<dt>{text(term)}</dt><dd>{text(value)}</dd>" for term, value in pairs)
    return Markup(f"<dl{class_attr}>{items}</dl>")


def block(markup: Markup) -> str:
    """Surround HTML with blank lines so Markdown treats it as one raw block.

    Each tag starts a new line (data text never holds a raw ``<``, so ``><`` only occurs between
    tags): Python-Markdown parses one very long line of HTML about ten times more slowly.
    """
    return "\n\n" + str(markup).replace("><", ">\n<") + "\n\n"
