"""Revision 0008 adds the languages: a database of the previous version upgrades in place, on
both engines, after a backup copy (SQLite), and keeps meaning what it meant: no athlete has a
handout language of their own, and every stored drill text is English (an old edit of a
built-in was made in English, so German readers get the built-in's German translation)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.drills import load_builtin_drills
from app.models.db import open_database
from app.models.schema import HEAD, REVISIONS
from app.models.seed import drill_row_values
from app.services.athletes import get_athlete, handout_language
from app.services.drills import drill_library, get_drill_record
from tests.models.upgrades import ENGINES, database_at

PREVIOUS = REVISIONS[REVISIONS.index("0008_languages") - 1]
EDITED_AIM = "Our clinic's own words for the rockback."
CUSTOM_NAME = "Left Wall Calf Stretch"


@pytest.fixture(params=ENGINES)
def old_target(request, tmp_path) -> str:
    """A database at the revision before 0008 with an athlete, an edited built-in and a
    clinic's own one-sided drill."""

    def fill(connection) -> None:
        rows = []
        for drill in load_builtin_drills():
            row = {**drill_row_values(drill), "version": 1}
            if drill.key == "left-sucker-punch-rockback":
                row["aim"], row["version"] = EDITED_AIM, 2
            rows.append(row)
        custom = {
            **rows[-1],
            "key": "left-wall-calf-stretch",
            "name": CUSTOM_NAME,
            "builtin": False,
            "illustration": None,
            "side": "left",
        }
        columns = ", ".join(custom)
        values = ", ".join(f":{c}" for c in custom)
        for row in [*rows, custom]:
            connection.execute(text(f"INSERT INTO drills ({columns}) VALUES ({values})"), row)
        connection.execute(text("INSERT INTO athletes (name, archived, version) "
                                "VALUES ('Ana Ruiz', false, 1)"))  # fmt: skip

    return database_at(request, tmp_path, PREVIOUS, fill)


def test_an_old_database_upgrades_to_languages_keeping_what_it_meant(
    old_target, tmp_path, monkeypatch
):
    monkeypatch.setenv("UNTWIST_LANG", "es")
    db = open_database(old_target, create=False)
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == HEAD
        if not old_target.startswith("postgresql"):
            assert list((tmp_path / "backups").glob(f"old-*-before-upgrade-{PREVIOUS}.sqlite"))
        athlete = get_athlete(db, 1)
        assert athlete.handout_language is None
        assert handout_language(athlete) == "es"  # the app's language
        english = {d.key: d for d in drill_library(db)}
        german = {d.key: d for d in drill_library(db, language="de")}
        builtin_de = {d.key: d for d in load_builtin_drills("de")}
        # the old edit was English: it shows in English, German keeps the translation
        assert english["left-sucker-punch-rockback"].aim == EDITED_AIM
        assert (
            german["left-sucker-punch-rockback"].aim == builtin_de["left-sucker-punch-rockback"].aim
        )
        assert get_drill_record(db, "left-sucker-punch-rockback").edited
        assert not get_drill_record(db, "left-sucker-punch-rockback", "de").edited
        # a clinic's own drill is its words as written (English), in every language
        assert german["left-wall-calf-stretch"].name == CUSTOM_NAME
        assert german["left-wall-calf-stretch"].language == "en"
    finally:
        db.dispose()
