"""Contributor documents outside the site state the same rules as the code."""

from __future__ import annotations

import re
from pathlib import Path

from macros.derived import STALE_AFTER_MONTHS

ROOT = Path(__file__).resolve().parent.parent


def test_contributing_states_the_staleness_rule_of_the_code():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    stated = {int(n) for n in re.findall(r"more than \**(\d+)\**\s+months", text)}
    assert stated == {STALE_AFTER_MONTHS}, "CONTRIBUTING.md must give the same staleness period as macros/derived.py"


def test_readme_maps_every_module():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    modules = [p for p in (ROOT / "macros").glob("*.py") if p.name != "__init__.py"]
    missing = [p.name for p in modules if p.name not in text and p.stem not in text]
    assert not missing, f"README's 'How it fits together' does not mention: {', '.join(missing)}"
