"""The session editor's trials read by themselves (issue 20, points 3 and 10): a labelled
Trials button with its shortcut, a trials table that shows which result counts, boxes that do
not move when the first flag appears, and no sideways scrolling at the editor's size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app.services.context import AppContext
from app.services.settings import save_settings
from app.views.main_window import MainWindow
from app.views.session_editor import SessionEditor

KEYS = [
    "ankle_df_lunge_cm", "ankle_df_lunge_deg", "hip_ir_deg", "hip_er_deg", "thoracic_rot_deg",
    "foot_posture_index", "ybt_anterior_cm", "single_hop_cm", "calf_raise_reps",
    "single_leg_bridge_reps", "side_plank_s", "adduction_drop_test",
]  # fmt: skip


@pytest.fixture
def editor(qtbot, db, athlete):
    editor = SessionEditor(AppContext(db), athlete, KEYS)
    qtbot.addWidget(editor)
    editor.show()  # at the size it opens with
    qtbot.waitExposed(editor)
    return editor


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def x_in_grid(editor: SessionEditor, widget) -> int:
    return widget.mapTo(editor.grid_widget, QPoint(0, 0)).x()


def test_the_trials_button_says_what_it_opens_and_its_shortcut(editor):
    row = editor.row_for("single_hop_cm")
    assert row.expand.text() == "Trials"
    assert "Ctrl+T" in row.expand.toolTip()
    grid = editor.grid
    headers = [grid.itemAtPosition(0, c).widget().text() for c in range(grid.columnCount())]
    assert any("Ctrl+T" in text for text in headers)


def test_open_trials_show_which_result_counts_and_diff_uses_it(qtbot, editor):
    hop = editor.row_for("single_hop_cm")  # best of the trials
    hop.left[0].setFocus()
    qtbot.keyClick(hop.left[0], Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert hop.extra.isVisible()
    for widget, text in zip(hop.left, ["150", "162", "158"], strict=True):
        qtbot.keyClicks(widget, text)
    qtbot.keyClicks(hop.right[0], "140")
    # the main row shows what counts, not trial 1, and the difference is computed from it
    assert hop.results["left"].isVisible() and "162" in hop.results["left"].text()
    assert "best of 3" in hop.results["left"].text()
    assert "140" in hop.results["right"].text()
    assert hop.diff.text() == "-22.0"
    # trial 1 sits in the trials table beside trials 2 and 3, under its number
    table = hop.trials
    assert [table.getItemPosition(table.indexOf(w))[:2] for w in hop.left] == [
        (1, 1), (1, 2), (1, 3)]  # fmt: skip
    assert "best of the trials" in table.itemAtPosition(0, 4).widget().text()
    hip = editor.row_for("hip_ir_deg")  # mean of the trials
    hip.set_expanded(True)
    settle()
    assert "mean of the trials" in hip.trials.itemAtPosition(0, 4).widget().text()
    # with a second trial the row stays open: closed, the boxes could not show what counts
    hop.set_expanded(False)
    assert hop.extra.isVisible() and hop.expand.isChecked()


def test_tab_walks_the_trials_table_in_order(qtbot, editor):
    hop = editor.row_for("single_hop_cm")
    hop.set_expanded(True)
    settle()
    hop.left[0].setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(7):
        editor.focusNextChild()
        order.append(QApplication.focusWidget())
    assert order == [*hop.left, *hop.right, hop.pain_left, hop.pain_right]
    hip = editor.row_for("hip_ir_deg")
    hip.set_expanded(True)
    hip.set_expanded(False)  # nothing typed: it closes, and trial 1 is back in the main row
    settle()
    assert not hip.extra.isVisible() and hip.left[0].isVisible()
    assert not hip.results["left"].isVisible()


def test_the_boxes_do_not_move_when_the_first_flag_appears(qtbot, editor):
    hop = editor.row_for("single_hop_cm")
    settle()
    before = [x_in_grid(editor, w) for w in (hop.left[0], hop.right[0])]
    qtbot.keyClicks(hop.left[0], "160")
    qtbot.keyClicks(hop.right[0], "120")
    settle()
    assert "asymmetric" in hop.flag.text()
    after = [x_in_grid(editor, w) for w in (hop.left[0], hop.right[0])]
    assert after == before


def test_no_sideways_scrolling_at_the_editors_size(qtbot, db, athlete):
    editor = SessionEditor(AppContext(db), athlete, KEYS)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    ybt = editor.row_for("ybt_anterior_cm")
    qtbot.keyClicks(ybt.left[0], "70")
    qtbot.keyClicks(ybt.right[0], "63")  # past the threshold, within the error: a long flag
    editor.row_for("single_hop_cm").set_expanded(True)
    settle()
    scroll = editor.findChild(QScrollArea)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()


def test_solo_mode_has_no_find_athlete(qtbot, db, athlete):
    from dataclasses import replace

    from app.services.settings import get_settings

    save_settings(db, replace(get_settings(db), mode="solo", solo_athlete_id=athlete.id))
    window = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    visible = [
        action.text()
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()
        if action.isVisible()
    ]
    assert "&Find athlete" not in visible
    assert "&My details…" in visible


def test_diff_and_lsi_are_explained_on_hover_and_in_f1_help(qtbot, editor):
    grid = editor.grid
    tips = {grid.itemAtPosition(0, c).widget().text(): grid.itemAtPosition(0, c).widget().toolTip()
            for c in (3, 4)}  # fmt: skip
    assert "right side's value minus the left's" in tips["<b>Diff (R−L)</b>"]
    assert "limb symmetry index" in tips["<b>% asym / LSI</b>"]
    hop = editor.row_for("single_hop_cm")
    hop.left[0].setFocus()
    qtbot.keyClick(hop.left[0], Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "limb symmetry index" in editor.protocol.text())
    assert "minus the left's" in editor.protocol.text()
