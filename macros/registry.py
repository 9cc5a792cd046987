"""The macros that pages can call, registered with mkdocs-macros by :func:`register`.

Pages call these in ``{{ ... }}``. Each macro takes validated data (a :class:`Dataset`) and returns
escaped HTML from :mod:`macros.tables`, :mod:`macros.charts` or :mod:`macros.directory`. The first
line of each macro's docstring is what the style guide's table of macros says about it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from mkdocs.exceptions import PluginError

from . import charts, directory, exports, help_wanted, live, schema, shortlist, tables
from . import calculator_page, directory_pages
from . import finder
from .dataset import Dataset
from .derived import STALE_AFTER_MONTHS
from .errors import DataErrors
from .html import block, link, table, text
from .paths import Repository, relative, schema_url
from .validate import cached_dataset, program_file


def _lookup(kind: str, items: dict, key: str):
    if key not in items:
        raise ValueError(f"unknown {kind} '{key}'; expected one of: {', '.join(sorted(items))}")
    return items[key]


def source_groups(data: Dataset) -> dict[str, list]:
    """Every source in the data, grouped by the part of the guide it supports."""
    return {
        "Degree types": [s for d in data.degree_types.degree_types for s in d.sources],
        "Careers and pay": [s for r in [*data.careers.roles, *data.careers.tracks] for s in r.sources],
        "Costs": [s for r in data.costs.nces_graduate_tuition for s in r.sources],
        "Figures quoted in the text": [s for f in data.figures.figures for s in f.sources],
        "Curriculum": [s for a in [*data.curriculum.core_areas, *data.curriculum.specialisations] for s in a.sources],
        "Electives": [s for e in [*data.electives.families, *data.electives.courses] for s in e.sources],
        "Final projects": [s for o in data.final_projects.options for s in o.sources],
        "Study formats": [s for f in data.study_formats.formats for s in f.sources],
        "Glossary": [s for t in data.glossary.terms for s in t.sources],
        "Prerequisite self-check": [s for t in data.finder.topics for s in t.sources],
        "Programs": [s for p in data.programs.values() for s in p.sources],
    }


def guide_macros(data: Dataset, page_url: Callable[[], str],
                 repository: Repository | None = None) -> dict[str, Callable]:
    """The macros pages may call, by name; ``page_url`` gives the URL of the page being rendered."""
    repository = repository or Repository("https://github.com/ml-masters-guide/guide", "edit/main/docs/")

    def degree_types_table():
        """The degree types, with the credits, length and number of the listed programs of each type."""
        return block(tables.degree_types_table(data.degree_types.degree_types, data.programs_by_type,
                                                  page_url()))

    def degree_type_programs(type_id):
        """The programs of one degree type, e.g. `degree_type_programs('ms-ml')`."""
        _lookup("degree type", {d.id: d for d in data.degree_types.degree_types}, type_id)
        return block(tables.programs_list(data.programs_by_type.get(type_id, {}), page_url(), directory_filter={"type": type_id}))

    def careers_table():
        """Roles with pay, employment, and growth."""
        return block(tables.careers_table(data.careers))

    def outcome_reports():
        """The programs whose school publishes a report on its graduates, with the report's year and cohort."""
        return block(tables.outcome_reports_table(data.programs, page_url()))

    def tracks_list():
        """The career tracks."""
        return block(tables.tracks_list(data.careers))

    def curriculum_table():
        """The core areas, with example courses."""
        return block(tables.curriculum_table(data.curriculum, data.programs, page_url()))

    def specialisations_table():
        """Subjects that AI- or data-science-centered programs add."""
        return block(tables.specialisations_table(data.curriculum))

    def electives_table(family=None):
        """Real elective courses, all or of one family, e.g. `electives_table('family-id')`."""
        if family is not None:
            _lookup("elective family", {f.id: f for f in data.electives.families}, family)
        return block(tables.electives_table(data.electives, data.programs, family, page_url()))

    def final_projects_table():
        """Thesis, capstone, practicum, and coursework-only options."""
        return block(tables.final_projects_table(data.final_projects, data.programs, page_url()))

    def study_formats_table():
        """On-campus, online, hybrid, and low-residency formats."""
        return block(tables.study_formats_table(data.study_formats, data.programs))

    def nces_tuition_table():
        """Average graduate tuition from NCES, by year."""
        return block(tables.nces_tuition_table(data.costs))

    def nces_tuition_chart():
        """A chart of the latest NCES average graduate tuition by type of institution."""
        return block(charts.nces_tuition_chart(data.costs))

    def nces_trend_chart():
        """A chart of NCES average graduate tuition over the years."""
        return block(charts.nces_trend_chart(data.costs))

    def total_cost_table():
        """Total tuition by program length, from the latest NCES averages."""
        return block(tables.total_cost_table(data.costs))

    def total_cost_chart():
        """A chart of total tuition by program length."""
        return block(charts.total_cost_chart(data.costs))

    def figure(figure_id):
        """One number from `data/figures.yml`, formatted, with its period and a link to its source, e.g. `figure('id')`."""
        return str(tables.figure(_lookup("figure", {f.id: f for f in data.figures.figures}, figure_id)))

    def program_count():
        """The number of programs in the directory."""
        return str(len(data.programs))

    def programs_table():
        """The directory table, with filters; past 1,000 programs, the countries, each with a page of its own."""
        return block(directory_pages.directory(data, page_url()))

    def programs_by_pace(pace):
        """The programs offered at one pace, e.g. `programs_by_pace('part-time')`."""
        return block(tables.programs_list({s: p for s, p in data.programs.items() if pace in (p.pace or [])}, page_url(),
                                          directory_filter={"pace": pace}))

    def degree_finder():
        """The degree finder: questions, and the degree types that fit the answers with links into the directory."""
        return block(finder.finder_widget(data, page_url()))

    def degree_finder_rules():
        """The degree finder's rules as tables: the answers that fit each degree type, and the directory filters."""
        return block(finder.finder_rules(data, page_url()))

    def prerequisite_self_check():
        """The prerequisite self-check: ratings per topic, then each gap's preparation routes and programs."""
        return block(finder.self_check(data, page_url()))

    def compare_widget():
        """The side-by-side comparison tool."""
        return block(directory.compare_widget(page_url()))

    def shortlist_widget():
        """The shortlist of starred programs, with compare, CSV and calendar downloads."""
        return block(shortlist.shortlist_widget(page_url()))

    def cost_calculator():
        """The live cost calculator: a national average or a program's price, your pace, fees, assistance and living costs."""
        return block(calculator_page.calculator_widget(data, page_url()))

    def cost_examples():
        """Worked examples of the cost calculator, from `data/cost_scenarios.yml`, readable without JavaScript."""
        return block(calculator_page.worked_examples(data.cost_scenarios))

    def tuition_range(currency="USD"):
        """A sentence giving the range of estimated total tuition in one currency, e.g. `tuition_range('USD')`."""
        return str(directory.tuition_range_sentence(data.programs, currency))

    def glossary_list():
        """The glossary."""
        return block(tables.glossary_list(data.glossary))

    def sources_list():
        """Every source the guide uses."""
        return block(tables.all_sources(source_groups(data)))

    def data_reference(name):
        """The fields of one data file, e.g. `data_reference('program')`."""
        _lookup("data file", schema.SCHEMA_MODELS, name)
        return block(schema.data_reference(name))

    def schema_link(name):
        """A link to the JSON Schema of one data file, e.g. `schema_link('program')`."""
        _lookup("data file", schema.SCHEMA_MODELS, name)
        return str(link(relative(schema_url(name), page_url()), f"{name}.json", external=False))

    def csv_columns():
        """The columns of the downloadable CSV."""
        return ", ".join(f"`{c}`" for c in exports.CSV_COLUMNS)

    def data_format_version():
        """The version of the downloadable data format."""
        return str(exports.FORMAT_VERSION)

    def coverage_table():
        """How many programs state each tracked fact, against the directory's targets."""
        return block(help_wanted.coverage_table(data.programs))

    def help_wanted_list():
        """Every program with missing or old facts, with a link to edit its file."""
        return block(help_wanted.gaps_list(data.programs, lambda slug: repository.edit(program_file(slug)), page_url()))

    def stale_after():
        """How long after its last check a program is flagged as possibly out of date ("18 months")."""
        return f"{STALE_AFTER_MONTHS} months"

    def macro_table():
        """This table of macros."""
        return block(macro_reference(registered))

    registered = {name: f for name, f in locals().items()
                  if inspect.isfunction(f) and f.__qualname__.startswith("guide_macros.")}
    return registered


_EXAMPLE = re.compile(r",? e\.g\. `([^`]+)`")


def macro_reference(macros: dict[str, Callable]) -> Markup:
    """A table of the macros pages may call, from their docstrings (the style guide shows it)."""
    rows = []
    for name, function in macros.items():
        summary = (function.__doc__ or "").strip().splitlines()[0]
        example = _EXAMPLE.search(summary)
        call = example.group(1) if example else f"{name}()"
        rows.append([Markup(f"<code>{text(call)}</code>"), _EXAMPLE.sub("", summary)])
    return table("Macros that pages can call", ["Macro", "What it shows"], rows, table_id="macros")


def register(env) -> None:
    """Load the data (failing the build with every data error) and register the macros.

    Under ``make serve`` a data error does not stop the server: every page shows the error instead
    (see :mod:`macros.live`), so no macro is registered.
    """
    try:
        data = cached_dataset(Path(env.project_dir))
    except DataErrors as exc:
        if live.serving():
            return
        raise PluginError(exc.report()) from None

    def page_url() -> str:
        return env.page.url if getattr(env, "page", None) else ""

    repository = Repository(env.conf["repo_url"], env.conf["edit_uri"])
    for name, function in guide_macros(data, page_url, repository).items():
        env.macro(function, name)
