"""Revision 0010 adds the progress report's stored assessment and plan: a database of the
previous revision upgrades in place, on both engines, after a backup copy (SQLite); its
athletes have no note yet, and a note can be stored, read and deleted with its athlete."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.models.db import open_database
from app.models.schema import HEAD, REVISIONS
from app.services.athletes import delete_athlete
from app.services.progress_notes import get_progress_notes, save_progress_notes
from tests.models.upgrades import ENGINES, database_at

PREVIOUS = REVISIONS[REVISIONS.index("0010_progress_notes") - 1]


@pytest.fixture(params=ENGINES)
def old_target(request, tmp_path) -> str:
    def fill(connection) -> None:
        connection.execute(
            text("INSERT INTO athletes (name, folded_name, archived, version) "
                 "VALUES ('Ana Ruiz', 'ana ruiz', false, 1)")
        )  # fmt: skip

    return database_at(request, tmp_path, PREVIOUS, fill)


def test_an_old_database_upgrades_to_stored_progress_notes(old_target, tmp_path):
    db = open_database(old_target, create=False)
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == HEAD
        if not old_target.startswith("postgresql"):
            assert list((tmp_path / "backups").glob(f"old-*-before-upgrade-{PREVIOUS}.sqlite"))
        assert get_progress_notes(db, 1).version == 0  # nothing stored yet
        saved = save_progress_notes(db, 1, "Assessment.", "Plan.", 0)
        assert get_progress_notes(db, 1) == saved
        delete_athlete(db, 1)  # the foreign key the revision made cascades
        with db.engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM progress_notes")).scalar()
        assert count == 0
    finally:
        db.dispose()
