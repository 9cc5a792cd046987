"""HTML building blocks (macros.html): every data value stays text, links are https only."""

from __future__ import annotations

from markupsafe import Markup

from macros.html import attr, block, data_label, definitions, details, host, is_safe_url, join, link, table, text

from .rendered import body_cells, to_html


def test_links_from_data_are_https_only():
    assert str(link("javascript:alert(1)", "x")) == "x"
    assert str(link("http://example.com", "x")) == "x"
    assert 'href="https://example.com/?a=&#34;b"' in str(link('https://example.com/?a="b', "x"))


def test_text_escapes_braces_and_markdown():
    assert str(text("{{ x }}")) == "&#123;&#123; x &#125;&#125;"
    assert "<" not in str(text("<b>"))


def test_text_keeps_markup_and_empties_none():
    assert text(Markup("<b>x</b>")) == Markup("<b>x</b>")
    assert str(text(None)) == ""
    assert str(text(12)) == "12"


def test_attr_escapes_quotes_and_braces():
    assert str(attr('a"b{c}')) == "a&#34;b&#123;c&#125;"


def test_internal_links_are_not_checked_for_https_and_get_no_rel():
    assert str(link("../x/", "X", external=False)) == '<a href="../x/">X</a>'
    assert 'rel="noopener"' in str(link("https://a.org/", "A"))


def test_safe_urls_and_hosts():
    assert is_safe_url("https://a.org/x") and not is_safe_url("https://") and not is_safe_url("ftp://a.org")
    assert host("https://www.mit.edu/x") == "mit.edu"


def test_join_escapes_every_part():
    assert str(join(["<a>", Markup("<b>")])) == "&#60;a&#62;, <b>"


def test_table_has_a_caption_and_row_headers():
    markup = table("Caption", ["A", "B"], [["x", 1]], table_id="t", row_attributes=[{"data-x": '"'}])
    assert '<caption>Caption</caption>' in markup and '<th scope="row">x</th><td data-label="B">1</td>' in markup
    assert 'data-x="&#34;"' in markup and 'id="t"' in markup
    assert 'class="kb-empty"' in table("Caption", ["A"], [], empty="Nothing")


def test_table_carries_a_class_so_materials_script_leaves_it_alone():
    """Material's script wraps each table:not([class]) at start-up; ours are styled by guide.css instead."""
    assert '<table class="kb-data" id="t">' in table("Caption", ["A"], [["x"]], table_id="t")


def test_block_is_one_raw_html_block_for_markdown():
    markup = table("C", ["A", "B"], [["*x*", "[y](z)"]])
    html = to_html("Before.\n" + block(markup) + "After.")
    rows, tags = body_cells(html)
    assert rows == [["*x*", "[y](z)"]] and "em" not in tags and "a" not in tags
    assert block(Markup("<p><b>x</b></p>")) == "\n\n<p>\n<b>x</b>\n</p>\n\n"


def test_every_cell_is_labelled_with_its_column_for_the_stacked_layout():
    markup = str(table("C", ["Name", 'Say "hi" {x}', "Empty", "<b>"], [["row", "a", "", "b"]]))
    assert '<td data-label="Say &#34;hi&#34; &#123;x&#125;">a</td>' in markup
    assert "<td>" in markup  # an empty cell gets no label, so the card leaves it out
    assert '<td data-label="&lt;b&gt;">b</td>' in markup
    assert str(data_label("")) == "" and str(data_label("A")) == ' data-label="A"'


def test_details_and_definitions_escape_their_text():
    markup = str(details("<b>S</b> {{ x }}", definitions([("*T*", "[x](y)"), ("U", Markup("<a href='z'>z</a>"))]),
                         ident="d-1", css_class="c"))
    assert markup.startswith('<details id="d-1" class="c"><summary>&#60;b&#62;S&#60;/b&#62; &#123;&#123; x')
    assert "<dt>&#42;T&#42;</dt><dd>&#91;x&#93;(y)</dd>" in markup and "<a href='z'>z</a>" in markup
    html = to_html("Before.\n" + block(Markup(markup)) + "After.")
    assert "<b>" not in html and "<em>" not in html and "{{" not in html
