import json

from sqlalchemy import select

from app.domain.drills import load_builtin_drills
from app.models import Drill as DrillRow
from app.services.drills import drill_library, get_drill, restore_builtin


def test_a_new_database_holds_a_copy_of_every_builtin_drill(db):
    builtins = load_builtin_drills()
    with db.read() as s:
        rows = s.scalars(select(DrillRow)).all()
    assert [r.key for r in rows] == [d.key for d in builtins]
    assert [r.program_order for r in rows[:5]] == [1, 2, 3, 4, 5]
    assert drill_library(db) == list(builtins)


def test_an_edited_builtin_is_read_back_and_can_be_restored(db):
    with db.transaction() as s:
        row = s.scalars(select(DrillRow).where(DrillRow.key == "left-side-plank")).one()
        row.name = "Side plank (our clinic's way)"
        row.steps = json.dumps(["Only one step."])
    edited = get_drill(db, "left-side-plank")
    assert edited.name == "Side plank (our clinic's way)" and edited.steps == ("Only one step.",)
    original = restore_builtin(db, "left-side-plank")
    assert get_drill(db, "left-side-plank") == original


def test_builtins_missing_from_an_older_database_still_appear(db):
    with db.transaction() as s:
        s.delete(s.scalars(select(DrillRow).where(DrillRow.key == "left-hop-and-stick")).one())
    keys = [d.key for d in drill_library(db)]
    assert "left-hop-and-stick" in keys and len(keys) == len(load_builtin_drills())
