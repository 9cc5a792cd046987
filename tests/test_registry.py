"""The macros pages call (macros.registry): registered, documented, and listed in the style guide."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from macros import registry

from .rendered import body_cells, to_html
from .support import ROOT

CALL = re.compile(r"\{\{-?\s*([a-z_][a-z0-9_]*)\s*\(")
STYLE_GUIDE = ROOT / "docs" / "contributing" / "style-guide.md"


@pytest.fixture(scope="module")
def macros(dataset) -> dict:
    return registry.guide_macros(dataset, lambda: "contributing/style-guide/")


def used_in_docs() -> dict[str, list[str]]:
    """Macro name -> the pages (under docs/) that call it."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for name in CALL.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(str(path.relative_to(ROOT / "docs")))
    return found


def test_the_style_guide_lists_the_macros_with_macro_table():
    assert "{{ macro_table() }}" in STYLE_GUIDE.read_text(encoding="utf-8")


def test_every_macro_used_in_the_docs_is_registered(macros):
    unknown = {name: pages for name, pages in used_in_docs().items() if name not in macros}
    assert not unknown, f"pages call macros that macros/registry.py does not register: {unknown}"


def test_every_registered_macro_has_a_docstring(macros):
    for name, function in macros.items():
        assert (function.__doc__ or "").strip(), f"{name} needs a docstring: its first line is the style guide's entry"


def test_every_registered_macro_is_used_somewhere(macros):
    unused = sorted(set(macros) - set(used_in_docs()))
    assert not unused, f"registered but never called from docs/: {unused}"


def test_macro_table_has_a_row_per_macro_with_its_example(macros):
    rows, _ = body_cells(to_html(str(macros["macro_table"]())))
    assert [row[0].strip() for row in rows] == [
        re.search(r"e\.g\. `([^`]+)`", (f.__doc__ or "").splitlines()[0]).group(1)
        if "e.g. `" in (f.__doc__ or "").splitlines()[0] else f"{name}()"
        for name, f in macros.items()
    ]
    assert all(row[1].strip() and "e.g." not in row[1] for row in rows)


def test_unknown_names_list_the_choices(macros, dataset):
    with pytest.raises(ValueError) as caught:
        macros["figure"]("no-such-figure")
    assert str(caught.value).startswith("unknown figure 'no-such-figure'; expected one of: ")
    with pytest.raises(ValueError, match="unknown degree type 'x'"):
        macros["degree_type_programs"]("x")
    with pytest.raises(ValueError, match="unknown data file 'x'"):
        macros["schema_link"]("x")


def test_macros_return_text_with_links_relative_to_the_page(macros):
    assert macros["schema_link"]("program") == '<a href="../../schemas/program.json">program.json</a>'
    assert isinstance(macros["program_count"](), str)


def test_source_groups_cover_every_data_file(dataset):
    groups = registry.source_groups(dataset)
    assert all(groups.values()), [name for name, sources in groups.items() if not sources]


def test_macro_reference_uses_the_first_docstring_line():
    def sample():
        """Shows a thing, e.g. `sample('x')`.

        More detail that is not shown.
        """

    html = str(registry.macro_reference({"sample": sample}))
    assert isinstance(registry.macro_reference({}), Markup)
    assert "<code>sample(&#39;x&#39;)</code>" in html
    assert "Shows a thing." in html and "More detail" not in html
