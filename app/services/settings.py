"""Clinic settings stored in the database, so they travel with backups and the shared DB.

Window geometry and recent files are per-desk and live in QSettings instead (views).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select

from app.domain.catalog import BUILTIN_KEYS
from app.models import Setting
from app.models.db import Database

SETTINGS_VERSION = 1


@dataclass
class ClinicSettings:
    clinic_name: str = ""
    logo_png_b64: str = ""  # PNG bytes, base64: printed on handouts
    length_unit: str = "cm"  # "cm" or "in": display only
    paper: str = "a4"  # "a4" or "letter"
    default_measurements: list[str] = field(default_factory=lambda: list(BUILTIN_KEYS))
    backup_folder: str = ""
    thresholds: dict[str, float] = field(default_factory=dict)  # overrides by catalog key
    mode: str = ""  # "", "clinician" or "solo"
    solo_athlete_id: int | None = None


def get_settings(db: Database) -> ClinicSettings:
    with db.read() as session:
        rows = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    settings = ClinicSettings()
    known = {f.name for f in fields(ClinicSettings)}
    for key, raw in rows.items():
        if key in known:
            try:
                setattr(settings, key, json.loads(raw))
            except ValueError:
                continue  # a damaged value falls back to its default
    return settings


def save_settings(db: Database, settings: ClinicSettings) -> None:
    values = {**asdict(settings), "settings_version": SETTINGS_VERSION}
    with db.transaction() as session:
        existing = {s.key: s for s in session.scalars(select(Setting))}
        for key, value in values.items():
            encoded = json.dumps(value, sort_keys=True)
            if key in existing:
                existing[key].value = encoded
            else:
                session.add(Setting(key=key, value=encoded))
