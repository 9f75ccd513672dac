"""The clinician's workspace driven like a person: keyboard first, real database underneath."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.catalog import BUILTIN_KEYS
from app.domain.records import AthleteData
from app.services.athletes import create_athlete, list_athletes
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.sessions import list_sessions, record_session
from app.views.main_window import MainWindow
from tests.conftest import TODAY, session_inputs

# A full 12-measure session as a clinician types it: left then right for every row.
TYPED = {
    "ankle_df_lunge_cm": ("11.5", "9"),
    "ankle_df_lunge_deg": ("41", "33"),
    "hip_ir_deg": ("28", "41"),
    "hip_er_deg": ("45", "33"),
    "thoracic_rot_deg": ("55", "42"),
    "foot_posture_index": ("6", "1"),
    "ybt_anterior_cm": ("62", "57.5"),
    "single_hop_cm": ("160", "150"),
    "calf_raise_reps": ("30", "24"),
    "single_leg_bridge_reps": ("25", "21"),
    "side_plank_s": ("70", "60"),
    "adduction_drop_test": ("f", "p"),  # typed into the pass/fail control
}


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def focused():
    return QApplication.focusWidget()


def open_new_session(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: getattr(window, "editor", None) is not None and window.editor.isVisible()
    )
    editor = window.editor
    qtbot.waitUntil(lambda: focused() is editor.rows[0].left[0])
    return editor


def test_a_full_session_by_keyboard_only(qtbot, db, window):
    athlete = create_athlete(db, AthleteData(name="Kim Keyboard", dominant_side="left"))
    window.athlete_list.reload(athlete.id)
    editor = open_new_session(qtbot, window)
    assert [r.definition.key for r in editor.rows] == list(BUILTIN_KEYS)
    for key in BUILTIN_KEYS:
        left, right = TYPED[key]
        for text, key_to_next in ((left, Qt.Key.Key_Tab), (right, Qt.Key.Key_Return)):
            qtbot.keyClicks(focused(), text)
            qtbot.keyClick(focused(), key_to_next)
    assert editor.save_button.isEnabled()
    assert editor.flagged()["hip_ir_deg"].value == "asymmetric"
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [session] = list_sessions(db, athlete.id)
    stored = {m.key: (m.left, m.right) for m in session.measurements}
    assert stored["hip_ir_deg"] == (28, 41)
    assert stored["ybt_anterior_cm"] == (62, 57.5)
    assert stored["adduction_drop_test"] == (0.0, 1.0)  # fail left, pass right
    assert len(stored) == 12
    assert window.sessions_page.history.topLevelItemCount() == 1


def test_out_of_range_value_is_marked_and_save_disabled(qtbot, db, window):
    create_athlete(db, AthleteData(name="Out Of Range"))
    window.athlete_list.reload()
    editor = open_new_session(qtbot, window)
    row = editor.row_for("hip_ir_deg")
    qtbot.keyClicks(row.left[0], "95")
    assert not editor.save_button.isEnabled()
    assert "0 to 90 deg" in editor.message.text()
    assert row.left[0].property("invalid") is True
    row.left[0].clear()
    qtbot.keyClicks(row.left[0], "abc")
    assert "not a number" in editor.message.text()
    row.left[0].clear()
    qtbot.keyClicks(row.left[0], "35")
    assert editor.save_button.isEnabled() and editor.message.text() == ""


def test_three_trials_apply_the_result_rule(qtbot, db, window):
    athlete = create_athlete(db, AthleteData(name="Tri Als"))
    window.athlete_list.reload(athlete.id)
    editor = open_new_session(qtbot, window)
    hop = editor.row_for("single_hop_cm")  # best of trials
    hop.left[0].setFocus()
    qtbot.keyClick(hop.left[0], Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert hop.extra.isVisible()
    # Tab walks left trials 1–3, right trials 1–3, then the pain scores.
    for text in ["150", "162", "158", "140", "", "", "3"]:
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    hip = editor.row_for("hip_ir_deg")  # mean of trials
    hip.set_expanded(True)
    for widget, text in zip(hip.left, ["30", "33", "36"], strict=True):
        qtbot.keyClicks(widget, text)
    qtbot.keyClicks(hip.right[0], "40")
    assert hop.diff.text() == "-22.0"  # 140 − 162
    assert hip.diff.text() == "+7.0"  # 40 − mean(30, 33, 36)
    editor.save()
    [session] = list_sessions(db, athlete.id)
    stored = session.measurement("single_hop_cm")
    assert (stored.left, stored.left_trials, stored.pain_left) == (162, (150, 162, 158), 3)
    assert session.measurement("hip_ir_deg").left == 33


def test_escape_with_unsaved_values_asks_before_discarding(qtbot, db, window):
    from tests.views.questions import answer_next_question

    create_athlete(db, AthleteData(name="Esc Ape"))
    window.athlete_list.reload()
    editor = open_new_session(qtbot, window)
    qtbot.keyClicks(focused(), "12")
    asked = answer_next_question("Cancel")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert asked and editor.isVisible()  # cancelled: the typed value is still there
    assert editor.rows[0].left[0].text() == "12"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is editor)
    answer_next_question("Discard")
    qtbot.keyClick(editor.rows[0].left[0], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_delete_session_and_undo(qtbot, db, catalog, window):
    athlete = create_athlete(db, AthleteData(name="Un Do"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 40)))
    window.athlete_list.reload(athlete.id)
    history = window.sessions_page.history
    assert history.topLevelItemCount() == 1
    window.sessions_page.delete_button.click()
    assert list_sessions(db, athlete.id) == [] and history.topLevelItemCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [restored] = list_sessions(db, athlete.id)
    assert restored.measurement("hip_ir_deg").right == 40
    assert history.topLevelItemCount() == 1
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert list_sessions(db, athlete.id) == []


def test_delete_athlete_permanently_names_what_is_lost(qtbot, db, catalog, window, monkeypatch):
    athlete = create_athlete(db, AthleteData(name="Gone Soon"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 40)))
    create_athlete(db, AthleteData(name="Stays"))
    window.athlete_list.reload(athlete.id)
    seen = {}

    def confirm(parent, title, text, *args):
        seen["text"] = text
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", confirm)
    window.delete_athlete_action.trigger()
    assert "Gone Soon" in seen["text"] and "1 session " in seen["text"]
    assert [a.name for a in list_athletes(db, include_archived=True)] == ["Stays"]
    assert window.athlete_list.list.count() == 1


def test_search_and_archive(qtbot, db, window):
    create_demo(db, window.context.catalog)
    window.athlete_list.reload()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.athlete_list.search
    qtbot.keyClicks(window.athlete_list.search, "oka")
    qtbot.waitUntil(lambda: window.athlete_list.list.count() == 1)
    assert window.athlete.name == "Ben Okafor"
    window.archive_action.trigger()
    qtbot.waitUntil(lambda: window.athlete_list.list.count() == 0)
    window.athlete_list.show_archived.setChecked(True)
    assert window.athlete_list.list.item(0).text() == "Ben Okafor (archived)"
    window.undo_stack.undo()
    assert not list_athletes(db, search="Okafor")[0].archived


def test_athlete_form_creates_with_every_field(qtbot, db, window, monkeypatch):
    import datetime as dt

    from app.views.athlete_dialog import AthleteDialog

    dialog = AthleteDialog(window.context, parent=window)
    qtbot.addWidget(dialog)
    dialog.name.setText("  Zoë  Field ")
    dialog.birth_date.set_value(dt.date(1990, 5, 6))
    dialog.dominant.setCurrentIndex(2)
    dialog.involved.setCurrentIndex(1)
    dialog.leg_left.setValue(90)
    dialog.save()
    a = dialog.result_athlete
    assert (
        a.name,
        a.birth_date,
        a.dominant_side,
        a.involved_side,
        a.leg_length_left_cm,
        a.leg_length_right_cm,
    ) == ("Zoë Field", dt.date(1990, 5, 6), "right", "left", 90, None)
    bad = AthleteDialog(window.context, parent=window)
    qtbot.addWidget(bad)
    bad.save()
    assert "needs a name" in bad.error.text() and bad.result_athlete is None


def test_window_geometry_is_restored(qtbot, db):
    first = MainWindow(AppContext(db))
    qtbot.addWidget(first)
    first.resize(800, 575)
    first.show()
    first.close()
    second = MainWindow(AppContext(db))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (800, 575)
