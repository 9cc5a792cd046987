"""Material template overrides differ from Material's own partials only where intended.

Each file in overrides/partials/ is a copy of Material's partial with a small change. The intended
change is stored as a unified diff in tests/fixtures/overrides/; when a Material upgrade changes a
partial, the diff no longer matches and this test says which file to carry the change over to.
Regenerate a stored diff after checking it: ``python -m tests.test_overrides``.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import material
import pytest

from .support import FIXTURES, ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
EXPECTED = FIXTURES / "overrides"
#: Material's generated files start with this comment; it is not part of what the partial does.
_GENERATED = re.compile(r"\A\{#-\n\s*This file was automatically generated - do not edit\n-#\}\n")

COPIES = sorted(p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html") if p.name != "main.html")


def difference(name: str) -> str:
    """The unified diff from Material's partial to ours, without Material's generated-file header."""
    theirs = _GENERATED.sub("", (MATERIAL / name).read_text(encoding="utf-8")).splitlines(keepends=True)
    ours = (OVERRIDES / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(theirs, ours, f"material/templates/{name}", f"overrides/{name}"))


def expected_file(name: str) -> Path:
    return EXPECTED / f"{name}.diff"


def test_every_override_has_a_stored_difference():
    assert COPIES, "no overrides found"
    stored = sorted(p.relative_to(EXPECTED).as_posix().removesuffix(".diff") for p in EXPECTED.rglob("*.diff"))
    assert stored == COPIES, "each file in overrides/partials/ needs an expected diff in tests/fixtures/overrides/"


@pytest.mark.parametrize("name", COPIES)
def test_override_differs_from_material_only_where_intended(name):
    assert (MATERIAL / name).is_file(), f"Material no longer has {name}; remove or rework overrides/{name}"
    actual = difference(name)
    assert actual, f"overrides/{name} is identical to Material's partial; delete it"
    expected = expected_file(name).read_text(encoding="utf-8")
    assert actual == expected, (
        f"overrides/{name} no longer differs from Material's {name} only by the intended change. Material's partial "
        f"has probably changed in an upgrade: copy the new {MATERIAL / name}, re-apply the change in "
        f"{expected_file(name).relative_to(ROOT)}, then run `python -m tests.test_overrides`.\n"
        f"Expected:\n{expected}\nActual:\n{actual}"
    )


def test_main_extends_material_base():
    text = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    assert text.lstrip().startswith('{% extends "base.html" %}')
    assert (MATERIAL / "base.html").is_file()
    for block in re.findall(r"\{% block (\w+) %\}", text):
        assert f"{{% block {block} %}}" in (MATERIAL / "base.html").read_text(encoding="utf-8"), (
            f"overrides/main.html overrides block '{block}', which Material's base.html no longer has")


def main() -> None:
    """Store the current differences as the intended ones (after reviewing them)."""
    for name in COPIES:
        expected_file(name).parent.mkdir(parents=True, exist_ok=True)
        expected_file(name).write_text(difference(name), encoding="utf-8")
        print(f"wrote {expected_file(name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
