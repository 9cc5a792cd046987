"""Run page templates in Jinja's sandbox, so a Markdown-only pull request cannot run code.

mkdocs-macros builds a plain ``jinja2.Environment``: a page containing
``{{ cycler.__init__.__globals__.os.getcwd() }}`` would run Python during the build. The hook in
``macros/hooks.py`` swaps in :class:`GuideSandbox` after the plugin has configured itself.
"""

from __future__ import annotations

from jinja2 import Environment
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: Template variables that expose the build's configuration or machine; pages do not need them.
HIDDEN_VARIABLES = ("config", "environment", "plugin", "git", "extra", "navigation", "files", "page")


class GuideSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox that also refuses every attribute starting with an underscore."""

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        """Allow only public attributes that Jinja's own sandbox allows."""
        return not attr.startswith("_") and super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj: object, attribute: str):
        """Fail with a message that says what happened and what pages may do instead."""
        raise SecurityError(
            f"blocked by the guide's template sandbox: '{attribute}' of {type(obj).__name__} is not available. "
            "Pages may only call the guide's macros, such as {{ degree_types_table() }}."
        )


def sandboxed_copy(env: Environment) -> GuideSandbox:
    """A sandboxed environment with the same loader, delimiters, undefined policy, macros and filters."""
    sandbox = GuideSandbox(
        loader=env.loader,
        undefined=env.undefined,
        block_start_string=env.block_start_string,
        block_end_string=env.block_end_string,
        variable_start_string=env.variable_start_string,
        variable_end_string=env.variable_end_string,
        comment_start_string=env.comment_start_string,
        comment_end_string=env.comment_end_string,
        extensions=list(env.extensions),
    )
    sandbox.globals.update(env.globals)
    sandbox.filters.update(env.filters)
    return sandbox
