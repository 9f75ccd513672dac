"""Revision 0003 gives settings and custom measurements a version: a database written by the
previous version of Untwist upgrades in place, on both engines, and keeps what it held."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from app.models.db import open_database
from app.models.schema import HEAD
from app.services.catalog import get_custom_measurement, load_catalog
from app.services.errors import Conflict
from app.services.settings import load_settings, save_settings
from tests.models.upgrades import ENGINES, database_at

PREVIOUS = "0002_programs"
OLD_ROWS = (
    "INSERT INTO settings (key, value) VALUES "
    "('clinic_name', '\"Clinique Saint-Éloi\"'), ('thresholds', '{\"hip_ir_deg\": 8.0}'), "
    "('paper', '\"letter\"'), ('settings_version', '1')",
    "INSERT INTO measurement_definitions (key, name, unit, kind, rule, min, max, threshold, "
    "strict, result, higher, retired) VALUES ('knee_flexion_deg', 'Knee flexion', 'deg', "
    "'number', 'diff', 0, 160, 10, false, 'mean', 'better', false)",
)


@pytest.fixture(params=ENGINES)
def old_target(request, tmp_path) -> str:
    """A database at the previous head with settings and a custom measurement in it."""

    def fill(connection: Connection) -> None:
        for statement in OLD_ROWS:
            connection.execute(text(statement))

    return database_at(request, tmp_path, PREVIOUS, fill)


def test_an_old_database_upgrades_in_place_keeping_its_settings(old_target):
    db = open_database(old_target, create=False)
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == HEAD
        record = load_settings(db)
        settings = record.settings
        assert (settings.clinic_name, settings.paper, settings.thresholds) == (
            "Clinique Saint-Éloi",
            "letter",
            {"hip_ir_deg": 8.0},
        )
        assert record.versions == {
            "clinic_name": 1,
            "thresholds": 1,
            "paper": 1,
            "settings_version": 1,
        }
        knee = get_custom_measurement(db, "knee_flexion_deg")
        assert (knee.name, knee.version) == ("Knee flexion", 1)
        assert load_catalog(db)["hip_ir_deg"].threshold == 8.0
        # and the upgraded rows take part in optimistic locking like new ones
        mine = record.settings
        mine.clinic_name = "Renamed"
        save_settings(db, mine, record)
        assert load_settings(db).version("clinic_name") == 2
        mine.clinic_name = "Renamed again"
        with pytest.raises(Conflict):  # still based on the version before "Renamed"
            save_settings(db, mine, record)
    finally:
        db.dispose()
