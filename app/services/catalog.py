"""The catalog as this database sees it: built-ins, the clinic's own, its thresholds."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.catalog import Catalog, definition_from_mapping
from app.models import MeasurementDefinition
from app.models.db import Database
from app.services.settings import get_settings


def load_catalog(db: Database) -> Catalog:
    with db.read() as session:
        rows = session.scalars(select(MeasurementDefinition)).all()
        custom = [
            definition_from_mapping(
                {
                    "key": r.key,
                    "name": r.name,
                    "unit": r.unit,
                    "kind": r.kind,
                    "rule": r.rule,
                    "min": r.min,
                    "max": r.max,
                    "threshold": r.threshold,
                    "strict": r.strict,
                    "mdc": r.mdc,
                    "result": r.result,
                    "higher": r.higher,
                    "protocol": r.protocol or "",
                },
                builtin=False,
            )
            for r in rows
        ]
    return Catalog(custom, get_settings(db).thresholds)
