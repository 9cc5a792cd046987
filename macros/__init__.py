"""The guide's build code. mkdocs-macros loads this package and calls :func:`define_env`.

Data flows one way, one module a step (README's "How it fits together" has the map):
``loader`` (strict YAML) -> ``models`` (shapes) -> ``validate`` with ``diagnostics``, ``rules``
and ``crosscheck`` (errors at FILE:LINE) -> ``dataset`` (the validated data) -> ``derived`` (totals,
ranges, staleness) -> renderers (``tables``, ``charts``, ``program_page``, ``directory``,
``exports``, ``schema``, with ``facts``, ``formatting``, ``html`` and ``paths``) -> pages through
``registry`` (macros) and ``hooks`` (generated files). ``check`` is ``make check``.
"""


def define_env(env) -> None:
    """Register the guide's macros (imported here so ``python -m macros.check`` starts quickly)."""
    from .registry import register

    register(env)
