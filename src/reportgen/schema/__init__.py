"""The profile schema: pydantic models only, no I/O."""

from reportgen.schema.areas import AREAS, StandardArea
from reportgen.schema.indicators import INDICATOR_GROUPS, Figures
from reportgen.schema.jurisdiction import Jurisdiction, Level
from reportgen.schema.profile import LastYear, Profile
from reportgen.schema.publication import Publication
from reportgen.schema.sections import Achievements, Area, Block, Measure, Plans, Shortcomings

__all__ = [
    "AREAS",
    "INDICATOR_GROUPS",
    "Achievements",
    "Area",
    "Block",
    "Figures",
    "Jurisdiction",
    "LastYear",
    "Level",
    "Measure",
    "Plans",
    "Profile",
    "Publication",
    "Shortcomings",
    "StandardArea",
]
