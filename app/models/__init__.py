"""Database tables, the engine factory and schema migrations (no Qt here)."""

from app.models.base import Base
from app.models.tables import (
    AdherenceEntry,
    Assessment,
    Athlete,
    Drill,
    Measurement,
    MeasurementDefinition,
    Program,
    ProgramItem,
    ProgressNote,
    Setting,
)

__all__ = [
    "AdherenceEntry",
    "Assessment",
    "Athlete",
    "Base",
    "Drill",
    "Measurement",
    "MeasurementDefinition",
    "Program",
    "ProgramItem",
    "ProgressNote",
    "Setting",
]
