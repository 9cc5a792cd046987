"""Strict YAML loading: what PyYAML would silently get wrong is refused or kept as text."""

from __future__ import annotations

import time

import pytest

from macros.loader import FileProblem, LineDict, line_of, load_file, parse_text


def problem(text: str) -> str:
    with pytest.raises(FileProblem) as caught:
        parse_text(text, "data/example.yml")
    return str(caught.value)


def test_yaml_11_words_and_dates_stay_text():
    data = parse_text("country: NO\nopen: yes\nflag: off\nstart: 2024-09-01\nzip: 012345\ntime: 1:30\n", "f.yml")
    assert data == {"country": "NO", "open": "yes", "flag": "off", "start": "2024-09-01", "zip": "012345", "time": "1:30"}


def test_plain_numbers_and_true_false_are_typed():
    assert parse_text("a: 30\nb: 2.5\nc: true\nd: false\ne: -3\n", "f.yml") == {"a": 30, "b": 2.5, "c": True, "d": False, "e": -3}


def test_duplicate_key_names_both_lines():
    assert problem("a: 1\nb: 2\na: 3\n") == (
        "data/example.yml:3: duplicate key 'a' (first defined on line 1); each field may appear only once"
    )


def test_nested_duplicate_key_is_found():
    assert problem("credits:\n  amount: 30\n  amount: 36\n").startswith("data/example.yml:3: duplicate key 'amount'")


def test_alias_is_refused_at_its_line():
    assert problem("a: 1\nb: &x 2\nc: *x\n").startswith("data/example.yml:2: anchors and aliases")


def test_alias_bomb_is_refused_quickly():
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefgh"):
        prev = "abcdefg"[i]
        levels.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    started = time.perf_counter()
    assert "anchors and aliases" in problem("\n".join(levels))
    assert time.perf_counter() - started < 1


def test_merge_key_is_refused():
    assert "merge keys (<<) are not allowed" in problem("a:\n  <<: {b: 1}\n")


def test_tab_indentation_gets_a_plain_message():
    assert problem("a:\n\tb: 1\n") == (
        "data/example.yml:2: invalid YAML: a tab character is used for indentation; indent with spaces only"
    )


def test_syntax_error_has_line():
    assert problem("a: 1\nb: [1, 2\nc: 3\n").startswith("data/example.yml:3: invalid YAML:")


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single value (str)")]
)
def test_top_level_must_be_a_mapping(text, kind):
    assert problem(text) == f"data/example.yml:1: the top level must be a mapping of fields (key: value), but it is {kind}"


def test_empty_file():
    assert problem("# only a comment\n") == "data/example.yml:1: the file is empty; it must hold a mapping of fields (key: value)"


def test_lines_are_recorded_for_keys_and_list_items():
    data = parse_text("a: 1\nitems:\n  - id: x\n    name: X\n  - id: y\n    name: Y\n", "f.yml")
    assert isinstance(data, LineDict)
    assert line_of(data, ("a",)) == 1
    assert line_of(data, ("items", 1)) == 5
    assert line_of(data, ("items", 1, "name")) == 6
    assert line_of(data, ("items", 1, "missing")) == 5


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufeffa: 1\n".encode("utf-8"))
    assert load_file(path, "data/bom.yml") == {"a": 1}


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.yml"
    path.write_bytes("a: 1\nb: na\xefve\n".encode("latin-1"))
    with pytest.raises(FileProblem) as caught:
        load_file(path, "data/latin1.yml")
    assert str(caught.value) == "data/latin1.yml:2: the file is not valid UTF-8; save it as UTF-8"


def test_explicit_tags_are_refused():
    assert problem("a: !!binary aGVsbG8=\n") == (
        "data/example.yml:1: the tag tag:yaml.org,2002:binary is not allowed; write plain values only")
    assert problem("a: !custom x\n") == "data/example.yml:1: the tag !custom is not allowed; write plain values only"


@pytest.mark.parametrize("text", ["? [a, b]\n: 1\n", "? {a: 1}\n: 2\n"])
def test_a_key_must_be_a_plain_word(text):
    # One of our own rules, like tags and duplicate keys: said plainly, without the "invalid YAML:" prefix.
    assert problem(text) == "data/example.yml:1: a key must be a plain word, not a list or mapping"
