"""The change token moves with every change another desk can make, and only then."""

import datetime as dt

from sqlalchemy import select

from app.domain.changes import Changes
from app.domain.drills import Dosage
from app.domain.programs import ProgramData, ProgramItem
from app.domain.records import AthleteData
from app.models import Athlete
from app.models.db import open_database
from app.services.athletes import create_athlete, delete_athlete, set_archived, update_athlete
from app.services.freshness import change_token
from app.services.programs import save_program
from app.services.sessions import delete_session, record_session, update_session
from tests.conftest import session_inputs

DAY = dt.date(2026, 11, 25)
PLANK = ProgramItem("left-side-plank", "left", Dosage("3", "30", "s", False, 3))


def test_an_empty_database_has_a_token_and_reading_does_not_move_it(db):
    first = change_token(db)
    assert first.athletes == first.sessions == first.programs == (0,)
    with db.read() as s:
        s.scalars(select(Athlete)).all()
    assert change_token(db) == first
    assert first.changed(None) == Changes.everything()


def test_every_kind_of_change_moves_the_token(db, catalog):
    seen = [change_token(db)]

    def moved(kind: str) -> None:
        now = change_token(db)
        assert now.changed(seen[-1]) == Changes.of([kind])
        seen.append(now)

    a = create_athlete(db, AthleteData(name="Ada"))
    moved("athletes")
    b = create_athlete(db, AthleteData(name="Bo"))
    moved("athletes")
    a = update_athlete(db, a.id, AthleteData(name="Ada Lovelace"), a.version)
    moved("athletes")
    set_archived(db, b.id, True)
    moved("athletes")
    s = record_session(db, catalog, a.id, DAY, session_inputs(hip_ir_deg=(30, 40)))
    moved("sessions")
    s = update_session(db, catalog, s.id, s.version, DAY, session_inputs(hip_ir_deg=(31, 40)))
    moved("sessions")
    delete_session(db, s.id)
    moved("sessions")
    save_program(db, a.id, ProgramData(DAY, (PLANK,)), None)
    moved("programs")
    delete_athlete(db, b.id)
    moved("athletes")


def test_a_delete_plus_an_insert_still_moves_the_token(db):
    """SQLite may give the new row the id of the deleted newest one (counts and highest ids
    would not move): the counters do, on both engines."""
    a = create_athlete(db, AthleteData(name="Ada"))
    before = change_token(db)
    delete_athlete(db, a.id)
    create_athlete(db, AthleteData(name="Ada again"))
    assert change_token(db).changed(before) == Changes(athletes=True)


def test_another_connection_sees_the_change(db):
    """What a second desk does is seen through this desk's own engine (no stale cache)."""
    before = change_token(db)
    other = open_database(db.url, create=False)
    try:
        create_athlete(other, AthleteData(name="From the front desk"))
    finally:
        other.dispose()
    assert change_token(db).changed(before) == Changes(athletes=True)
