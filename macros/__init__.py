"""The guide's build code. mkdocs-macros loads this package and calls :func:`define_env`.

The modules each hold one job: ``loader`` (strict YAML), ``models`` (data shapes), ``dataset``
(validation), ``tables``/``charts``/``programs`` (HTML), ``exports`` and ``schema`` (open data),
``registry`` (the macros pages call), ``hooks`` (MkDocs build hooks), ``check`` (``make check``).
"""


def define_env(env) -> None:
    """Register the guide's macros (imported here so ``python -m macros.check`` starts quickly)."""
    from .registry import register

    register(env)
