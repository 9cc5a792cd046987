"""The validated data of the guide as one object: what renderers, hooks and macros read.

This module holds no loading code: :mod:`macros.validate` reads ``data/`` and returns a
:class:`Dataset`, so rendering code depends only on the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import models
from .errors import DataError


@dataclass(frozen=True)
class Dataset:
    """All validated data of the guide."""

    degree_types: models.DegreeTypesFile
    countries: models.CountriesFile
    careers: models.CareersFile
    costs: models.CostsFile
    figures: models.FiguresFile
    curriculum: models.CurriculumFile
    electives: models.ElectivesFile
    final_projects: models.FinalProjectsFile
    study_formats: models.StudyFormatsFile
    glossary: models.GlossaryFile
    finder: models.FinderFile
    programs: dict[str, models.Program]
    warnings: tuple[DataError, ...] = field(default=())  # e.g. programs not verified for a long time
    cost_scenarios: models.CostScenariosFile | None = None  # the cost calculator's worked examples

    @cached_property
    def programs_by_type(self) -> dict[str, dict[str, models.Program]]:
        """Programs grouped by degree type id, in directory order (computed once)."""
        groups: dict[str, dict[str, models.Program]] = {}
        for slug, program in self.programs.items():
            groups.setdefault(program.degree_type, {})[slug] = program
        return groups

    @cached_property
    def _degree_types(self) -> dict[str, models.DegreeType]:
        return {d.id: d for d in self.degree_types.degree_types}

    @cached_property
    def _country_names(self) -> dict[str, str]:
        return {c.code: c.name for c in self.countries.countries}

    def degree_type(self, type_id: str) -> models.DegreeType:
        """Return the degree type with this id."""
        return self._degree_types[type_id]

    def country_name(self, code: str) -> str:
        """Return the display name of a country code."""
        return self._country_names.get(code, code)
