"""Strict YAML loading for contributed data.

PyYAML's defaults are wrong for data that arrives by pull request: it keeps the last of two
duplicate keys, expands aliases without limit, and follows YAML 1.1 (``country: NO`` becomes
``False``, ``2024-09-01`` a date, ``012`` an octal number). This loader refuses duplicates,
anchors, aliases and merge keys, keeps such scalars as strings, and records the line of
every key so that validation errors can point at the line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError

from .errors import DataError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"


_TRUE_FALSE = frozenset(("true", "false"))
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_NUMBER_START = frozenset("-+0123456789")
_INT_TEXT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT_TEXT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")


class LineDict(dict):
    """A mapping from YAML that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict = {}


class StrictLoader(_Base):
    """Safe parser (C-accelerated when libyaml is present) with strict, predictable scalar typing.

    Only its parser and resolver are used; :func:`_construct` builds the Python values. An
    unquoted scalar is a boolean only when it is ``true`` or ``false``, a number only when it is
    a plain decimal (``30``, ``2.5``), null when empty or ``null``, and text in every other case:
    ``NO``, ``yes``, ``2024-09-01``, ``012`` and ``1:30`` all stay text.
    """

    def resolve(self, kind, value, implicit):
        """Choose the tag of a node (called by the parser for every node)."""
        if kind is yaml.ScalarNode:
            if not implicit[0]:  # quoted, or a block scalar
                return _STR
            if value in _TRUE_FALSE:
                return _BOOL
            if value in _NULLS:
                return _NULL
            if value == "<<":
                return _MERGE
            if value[0] in _NUMBER_START:
                if _INT_TEXT.fullmatch(value):
                    return _INT
                if _FLOAT_TEXT.fullmatch(value):
                    return _FLOAT
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node, current_index):
        """Path-based resolvers are not used."""

    def ascend_resolver(self):
        """Path-based resolvers are not used."""


_SCALAR_NODE = yaml.ScalarNode
_MAPPING_NODE = yaml.MappingNode


def _construct(node: yaml.Node) -> object:
    """Turn a composed YAML node into plain Python data, refusing what contributed data never needs.

    A small walker instead of PyYAML's generic constructor: several times faster, and it is the
    one place that decides what each tag becomes. Scalars come first because most nodes are.
    """
    cls = node.__class__
    if cls is _SCALAR_NODE:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _INT:
            return int(value)
        if tag == _FLOAT:
            return float(value)
        if tag == _BOOL:
            return value == "true"
        if tag == _NULL:
            return None
        raise ConstructorError(None, None, f"the tag {tag} is not allowed; write plain values only", node.start_mark)
    if cls is _MAPPING_NODE:
        mapping = LineDict(node.start_mark.line + 1)
        key_lines = mapping.key_lines
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise ConstructorError(
                    None, None, "merge keys (<<) are not allowed; write the fields out in full", key_node.start_mark
                )
            key = _construct(key_node)
            if isinstance(key, (LineDict, list)):
                raise ConstructorError(None, None, "a key must be a plain word, not a list or mapping", key_node.start_mark)
            if key in mapping:
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key}' (first defined on line {key_lines[key]}); "
                    "each field may appear only once",
                    key_node.start_mark,
                )
            mapping[key] = _construct(value_node)
            key_lines[key] = key_node.start_mark.line + 1
        return mapping
    return [_construct(item) for item in node.value]


_OUR_RULES = ("duplicate key", "merge keys", "the tag ", "a key must be")


def _describe(problem: str, context: str | None, text: str, line: int | None) -> str:
    """Turn a PyYAML problem into a sentence that says what to change."""
    if problem.startswith(_OUR_RULES):
        return problem
    source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or "\\t" in problem:
        return "invalid YAML: a tab character is used for indentation; indent with spaces only"
    if context:
        problem = f"{problem} ({context})"
    return f"invalid YAML: {problem}"


def _reject_anchors(text: str, file: str) -> None:
    """Refuse anchors and aliases before constructing anything (an alias bomb never expands)."""
    if "&" not in text and "*" not in text:  # neither can occur without these characters
        return
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _YamlProblem(
                DataError(
                    file,
                    event.start_mark.line + 1,
                    "anchors and aliases (&name, *name) are not allowed; write each value out in full",
                )
            )


class _YamlProblem(Exception):
    def __init__(self, error: DataError):
        self.error = error


def parse_text(text: str, file: str) -> LineDict:
    """Parse YAML text into a LineDict, raising :class:`DataErrorsFromFile` on any problem."""
    try:
        _reject_anchors(text, file)
        loader = StrictLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        data = None if node is None else _construct(node)
    except _YamlProblem as problem:
        raise FileProblem(problem.error) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = _describe(exc.problem or str(exc), exc.context, text, line)
        raise FileProblem(DataError(file, line, message)) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        raise FileProblem(DataError(file, None, f"invalid YAML: {exc}")) from None
    if data is None:
        raise FileProblem(DataError(file, 1, "the file is empty; it must hold a mapping of fields (key: value)"))
    if not isinstance(data, LineDict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        raise FileProblem(
            DataError(file, 1, f"the top level must be a mapping of fields (key: value), but it is {kind}")
        )
    return data


class FileProblem(Exception):
    """A file could not be read as strict YAML; carries one :class:`DataError`."""

    def __init__(self, error: DataError):
        self.error = error
        super().__init__(str(error))


def load_file(path: Path, display: str) -> LineDict:
    """Read ``path`` as UTF-8 strict YAML; ``display`` is the name used in messages."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FileProblem(DataError(display, line, "the file is not valid UTF-8; save it as UTF-8")) from None
    return parse_text(text.removeprefix("\ufeff"), display)


def line_of(data: object, loc: tuple) -> int | None:
    """Return the line of the deepest element of ``loc`` that the YAML recorded."""
    line = data.line if isinstance(data, LineDict) else None
    node = data
    for step in loc:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            if isinstance(node, LineDict):
                line = node.line
        else:
            break
    return line


def value_at(data: object, path: tuple) -> object:
    """The value at a path of keys in parsed data, or None where the path does not exist."""
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node
