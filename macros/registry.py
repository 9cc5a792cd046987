"""The macros that pages can call, registered with mkdocs-macros by :func:`register`.

Pages call these in ``{{ ... }}``. Every macro takes validated data from :mod:`macros.dataset`
and returns escaped HTML from :mod:`macros.tables`, :mod:`macros.charts` or :mod:`macros.programs`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import charts, exports, programs, schema, tables
from .dataset import cached_dataset
from .errors import DataErrors
from .html import block, link


def register(env) -> None:
    """Load the data (failing the build with every data error) and register the macros."""
    try:
        data = cached_dataset(Path(env.project_dir))
    except DataErrors as exc:
        raise PluginError(exc.report()) from None

    def base() -> str:
        """Relative path from the current page to the site root."""
        url = env.page.url if getattr(env, "page", None) else ""
        return "../" * url.count("/")

    def lookup(kind: str, items: dict, key: str):
        if key not in items:
            raise ValueError(f"unknown {kind} '{key}'; expected one of: {', '.join(sorted(items))}")
        return items[key]

    def data_reference(name: str) -> str:
        lookup("data file", schema.SCHEMA_MODELS, name)
        return block(schema.data_reference(name))

    def schema_link(name: str) -> str:
        lookup("data file", schema.SCHEMA_MODELS, name)
        return str(link(f"{base()}schemas/{name}.json", f"{name}.json", external=False))

    macros = {
        "degree_types_table": lambda: block(tables.degree_types_table(
            data.degree_types.degree_types,
            {type_id: len(group) for type_id, group in data.programs_by_type.items()})),
        "degree_type_programs": lambda type_id: block(tables.programs_list(
            data.programs_by_type.get(lookup("degree type", {d.id: d for d in data.degree_types.degree_types}, type_id).id, {}),
            base())),
        "careers_table": lambda: block(tables.careers_table(data.careers)),
        "tracks_list": lambda: block(tables.tracks_list(data.careers)),
        "curriculum_table": lambda: block(tables.curriculum_table(data.curriculum, data.programs, base())),
        "specialisations_table": lambda: block(tables.specialisations_table(data.curriculum)),
        "electives_table": lambda family=None: block(tables.electives_table(
            data.electives, data.programs,
            None if family is None else lookup("elective family", {f.id: f for f in data.electives.families}, family).id,
            base())),
        "final_projects_table": lambda: block(tables.final_projects_table(data.final_projects, data.programs, base())),
        "study_formats_table": lambda: block(tables.study_formats_table(data.study_formats, data.programs)),
        "nces_tuition_table": lambda: block(tables.nces_tuition_table(data.costs)),
        "nces_tuition_chart": lambda: block(charts.nces_tuition_chart(data.costs)),
        "nces_trend_chart": lambda: block(charts.nces_trend_chart(data.costs)),
        "total_cost_table": lambda: block(tables.total_cost_table(data.costs)),
        "total_cost_chart": lambda: block(charts.total_cost_chart(data.costs)),
        "figure": lambda figure_id: str(tables.figure(lookup("figure", {f.id: f for f in data.figures.figures}, figure_id))),
        "program_count": lambda: str(len(data.programs)),
        "programs_table": lambda: block(programs.programs_table(data, base())),
        "programs_by_pace": lambda pace: block(tables.programs_list(
            {slug: p for slug, p in data.programs.items() if pace in (p.pace or [])}, base())),
        "compare_widget": lambda: block(programs.compare_widget(data, base())),
        "tuition_range": lambda currency="USD": str(programs.tuition_range_sentence(data.programs, currency)),
        "glossary_list": lambda: block(tables.glossary_list(data.glossary)),
        "sources_list": lambda: block(tables.all_sources(source_groups(data))),
        "data_reference": data_reference,
        "schema_link": schema_link,
        "csv_columns": lambda: ", ".join(f"`{c}`" for c in exports.CSV_COLUMNS),
        "data_format_version": lambda: str(schema.FORMAT_VERSION),
    }
    for name, function in macros.items():
        env.macro(function, name)


def source_groups(data) -> dict[str, list]:
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
        "Programs": [s for p in data.programs.values() for s in p.sources],
    }
