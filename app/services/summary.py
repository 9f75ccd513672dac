"""The latest findings of an athlete: what the summary command, the window and the PDF show."""

from __future__ import annotations

from app.domain.catalog import Catalog
from app.domain.summary import AthleteSummary, findings_for
from app.models.db import Database
from app.services.athletes import get_athlete
from app.services.sessions import list_sessions

__all__ = ["AthleteSummary", "latest_summary"]


def latest_summary(db: Database, catalog: Catalog, athlete_id: int) -> AthleteSummary:
    athlete = get_athlete(db, athlete_id)
    sessions = list_sessions(db, athlete_id, catalog)
    latest = findings_for(catalog, sessions, 0, athlete=athlete) if sessions else None
    return AthleteSummary(athlete, len(sessions), latest)
