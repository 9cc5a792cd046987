"""Typed models: the single source of truth for the shape of every data file.

Validation, the JSON Schemas (published with the site and kept in ``data/schema/``) and the data
reference page are all generated from these classes. Each field's ``description`` is what
contributors read. ``fields`` holds the reusable field types, ``program`` and ``admissions`` the
program file, ``finder`` and ``scenarios`` the tools' data, and ``guide`` every other data file.
"""

from .fields import *  # noqa: F403
from .fields import SLUG, Model, utc_today  # noqa: F401
from .guide import *  # noqa: F403
from .admissions import *  # noqa: F403
from .program import *  # noqa: F403
from .guide import (CareersFile, CostsFile, CountriesFile, CurriculumFile, DegreeTypesFile, ElectivesFile,
                    FiguresFile, FinalProjectsFile, GlossaryFile, StudyFormatsFile)
from .finder import *  # noqa: F403
from .finder import FinderFile
from .scenarios import *  # noqa: F403
from .scenarios import CostScenariosFile

#: Data file name (data/<name>.yml, without .yml) -> the model that describes it.
DATA_FILES: dict[str, type[Model]] = {
    "degree_types": DegreeTypesFile,
    "countries": CountriesFile,
    "careers": CareersFile,
    "costs": CostsFile,
    "figures": FiguresFile,
    "curriculum": CurriculumFile,
    "electives": ElectivesFile,
    "final_projects": FinalProjectsFile,
    "study_formats": StudyFormatsFile,
    "glossary": GlossaryFile,
    "finder": FinderFile,
    "cost_scenarios": CostScenariosFile,
}
