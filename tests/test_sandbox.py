"""Page templates run in Jinja's sandbox (macros.sandbox)."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from jinja2.exceptions import SecurityError

from macros.sandbox import HIDDEN_VARIABLES, GuideSandbox, sandboxed_copy


def render(source: str, **variables) -> str:
    return GuideSandbox().from_string(source).render(**variables)


def test_python_internals_are_blocked_with_a_plain_message():
    with pytest.raises(SecurityError) as caught:
        render("{{ cycler.__init__.__globals__ }}")
    assert "blocked by the guide's template sandbox" in str(caught.value)
    assert "{{ degree_types_table() }}" in str(caught.value)


def test_private_attributes_are_blocked_even_when_jinja_allows_them():
    class Thing:
        _secret = "s"

    with pytest.raises(SecurityError):
        render("{{ thing._secret }}", thing=Thing())


def test_templates_cannot_change_data():
    with pytest.raises(SecurityError):
        render("{{ items.append(1) }}", items=[])


def test_macros_still_work():
    assert render("{{ f('x') }}", f=lambda v: v.upper()) == "X"


def test_the_copy_keeps_delimiters_globals_and_filters():
    env = Environment(variable_start_string="[[", variable_end_string="]]")
    env.globals["answer"] = 42
    env.filters["twice"] = lambda v: v * 2
    sandbox = sandboxed_copy(env)
    assert isinstance(sandbox, GuideSandbox)
    assert sandbox.from_string("[[ answer | twice ]] {{ x }}").render() == "84 {{ x }}"


def test_configuration_variables_are_hidden():
    assert {"config", "environment", "page"} <= set(HIDDEN_VARIABLES)
