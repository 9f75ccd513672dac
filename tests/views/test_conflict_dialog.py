"""Two desks, one record: the second save shows both versions; reload, overwrite or keep editing.

The "other desk" is the same database written through the services behind the form's back,
through a connection of its own (``other_desk``), exactly what a second Untwist on the clinic
server does: this window hears of it only through the freshness poll.
"""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.records import AthleteData
from app.services.athletes import create_athlete, get_athlete, update_athlete
from app.services.context import AppContext
from app.services.programs import latest_program, list_versions, save_program
from app.services.sessions import get_session, record_session, update_session
from app.views.athlete_dialog import AthleteDialog
from app.views.conflict_dialog import ConflictDialog, Line
from app.views.program_page import ProgramPage
from app.views.session_editor import SessionEditor
from app.views.state import AppState
from tests.conftest import TODAY, session_inputs


@pytest.fixture
def answer(monkeypatch):
    """Answer the next conflict dialogs by clicking their buttons; the dialogs are kept."""
    shown: list[ConflictDialog] = []
    choices: list[str] = []

    def ask(self: ConflictDialog) -> str:
        self.show()
        shown.append(self)
        getattr(self, f"{choices.pop(0)}_button").click()
        return self.choice

    monkeypatch.setattr(ConflictDialog, "ask", ask)

    def give(*names: str) -> list[ConflictDialog]:
        choices.extend(names)
        return shown

    return give


def test_the_dialog_puts_both_versions_side_by_side(qtbot, tmp_path):
    lines = [Line("Name", "Ada", "Ada"), Line("Sport", "Rowing", "Running")]
    dialog = ConflictDialog("This athlete", lines)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "conflict.png"))
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "Field",
        "Yours (not saved)",
        "Saved by the other desk",
    ]
    assert [table.item(1, c).text() for c in range(3)] == ["Sport", "Rowing", "Running"]
    assert table.item(1, 1).font().bold() and not table.item(0, 1).font().bold()
    assert (
        table.item(1, 1).background().color().name() != table.item(0, 1).background().color().name()
    )
    assert "1 highlighted line differs." in dialog.intro.text()
    assert dialog.cancel_button.isDefault()  # Enter never discards anything
    dialog.overwrite_button.click()
    assert dialog.choice == "overwrite" and dialog.result() == ConflictDialog.DialogCode.Accepted


def test_escape_means_keep_editing(qtbot):
    dialog = ConflictDialog("This session", [Line("Date", "2026-11-25", "2026-11-24")])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload_button.click()
    assert dialog.choice == "reload"
    dialog.show()
    dialog.reject()
    assert dialog.choice == "cancel"


# -- athlete ---------------------------------------------------------------------------------


@pytest.fixture
def edited_elsewhere(db):
    """An athlete this desk opened at version 1, then saved at another desk (version 2)."""
    mine = create_athlete(db, AthleteData(name="Ada Quinn", sport="Rowing"))
    update_athlete(db, mine.id, AthleteData(name="Ada Quinn", sport="Running"), mine.version)
    return mine


def open_athlete(qtbot, db, athlete, sport: str) -> AthleteDialog:
    dialog = AthleteDialog(AppContext(db), athlete)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sport.setText(sport)
    return dialog


def test_athlete_keep_editing_saves_nothing_and_keeps_the_form(qtbot, db, edited_elsewhere, answer):
    shown = answer("cancel")
    dialog = open_athlete(qtbot, db, edited_elsewhere, "Swimming")
    dialog.save()
    lines = {line.label: line for line in shown[0].lines}
    assert (lines["Sport"].yours, lines["Sport"].theirs) == ("Swimming", "Running")
    assert not lines["Name"].differs
    assert dialog.isVisible() and dialog.sport.text() == "Swimming"
    assert "another desk" in dialog.error.text()
    assert get_athlete(db, edited_elsewhere.id).sport == "Running"  # theirs survives


def test_athlete_reload_shows_theirs_then_saves_over_it_cleanly(
    qtbot, db, edited_elsewhere, answer
):
    answer("reload")
    dialog = open_athlete(qtbot, db, edited_elsewhere, "Swimming")
    dialog.save()
    assert dialog.sport.text() == "Running" and dialog.isVisible()
    dialog.notes.setPlainText("seen both")
    dialog.save()  # based on their version now: no second conflict
    stored = get_athlete(db, edited_elsewhere.id)
    assert (stored.sport, stored.notes, stored.version) == ("Running", "seen both", 3)


def test_athlete_overwrite_saves_mine_knowingly(qtbot, db, edited_elsewhere, answer):
    answer("overwrite")
    dialog = open_athlete(qtbot, db, edited_elsewhere, "Swimming")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert get_athlete(db, edited_elsewhere.id).sport == "Swimming"


# -- session ---------------------------------------------------------------------------------


@pytest.fixture
def session_pair(db, catalog, athlete):
    """A session this desk opened, and the same session saved meanwhile at another desk."""
    opened = record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(28, 41)))
    update_session(
        db,
        catalog,
        opened.id,
        opened.version,
        TODAY,
        session_inputs(hip_ir_deg=(30, 41)),
        clinician="Other desk",
    )
    return athlete, opened


def open_session(qtbot, db, athlete, session) -> SessionEditor:
    editor = SessionEditor(AppContext(db), athlete, ["hip_ir_deg"], session)
    qtbot.addWidget(editor)
    editor.show()
    editor.row_for("hip_ir_deg").left[0].setText("33")
    return editor


def test_session_conflict_shows_values_then_overwrites(qtbot, db, catalog, session_pair, answer):
    athlete, opened = session_pair
    shown = answer("overwrite")
    editor = open_session(qtbot, db, athlete, opened)
    with qtbot.waitSignal(editor.saved):
        editor.save()
    lines = {line.label: line for line in shown[0].lines}
    hip = catalog.get("hip_ir_deg").label
    assert lines[hip].yours.startswith("L 33 · R 41") and lines[hip].theirs.startswith(
        "L 30 · R 41"
    )
    assert lines["Clinician"].theirs == "Other desk"
    stored = get_session(db, opened.id)
    assert stored.measurement("hip_ir_deg").left == 33 and stored.clinician is None


def test_session_reload_takes_theirs_into_the_form(qtbot, db, session_pair, answer):
    athlete, opened = session_pair
    answer("reload")
    editor = open_session(qtbot, db, athlete, opened)
    editor.save()
    assert editor.isVisible()
    assert editor.row_for("hip_ir_deg").left[0].text() == "30"
    assert editor.clinician.text() == "Other desk" and not editor._dirty
    assert get_session(db, opened.id).measurement("hip_ir_deg").left == 30


def test_session_keep_editing_keeps_what_was_typed(qtbot, db, session_pair, answer):
    athlete, opened = session_pair
    answer("cancel")
    editor = open_session(qtbot, db, athlete, opened)
    editor.save()
    assert editor.isVisible() and editor.row_for("hip_ir_deg").left[0].text() == "33"
    assert get_session(db, opened.id).measurement("hip_ir_deg").left == 30


# -- program ---------------------------------------------------------------------------------


@pytest.fixture
def other_desk(db_path):
    from app.models.db import open_database

    desk = open_database(str(db_path), create=False)
    yield desk
    desk.dispose()


@pytest.fixture
def program_page(qtbot, db, catalog):
    from app.services.demo import create_demo

    create_demo(db, catalog, today=TODAY)
    page = ProgramPage(AppState(AppContext(db)))
    qtbot.addWidget(page)
    page.show()
    return page


def test_program_conflict_compares_then_overwrites_or_reloads(
    qtbot, db, program_page, answer, other_desk
):
    from app.services.athletes import find_athlete

    ava = find_athlete(db, "Ava Lindqvist")
    program_page.set_athlete(ava)
    mine = program_page.current_data()
    theirs = dataclasses.replace(mine, notes="Saved at the front desk", weeks=6)
    other = save_program(other_desk, ava.id, theirs, program_page.based_on)
    program_page.notes_edit.setPlainText("My notes")
    shown = answer("reload", "overwrite")
    assert program_page.save() is False
    lines = {line.label: line for line in shown[0].lines}
    assert (lines["Notes"].yours, lines["Notes"].theirs) == ("My notes", "Saved at the front desk")
    assert lines["Weeks"].differs and not lines["Drill 1"].differs
    assert program_page.notes_edit.toPlainText() == "Saved at the front desk"  # reloaded
    assert latest_program(db, ava.id).id == other.id

    save_program(other_desk, ava.id, dataclasses.replace(theirs, notes="Third desk"), other.id)
    program_page.notes_edit.setPlainText("Mine after all")
    count = len(list_versions(db, ava.id))
    assert program_page.save() is True  # overwrite: mine becomes the newest version
    newest = list_versions(db, ava.id)
    assert len(newest) == count + 1
    assert latest_program(db, ava.id).notes == "Mine after all"
    assert shown[1].lines[2].theirs == "Third desk"
