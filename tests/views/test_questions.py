"""The message-box answerer of the view tests stops with its test."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.views.questions import answer_next_question, stop_waiting_answers


def test_a_waiting_answerer_stops_and_never_meets_a_later_box(qtbot):
    """A question that never came left its answerer retrying into the next test, where it
    failed on that test's box ("no Discard in ['OK']": tests/test_startup_checks.py in CI)."""
    asked = answer_next_question("Discard")
    stop_waiting_answers()  # what the conftest does after each test
    box = QMessageBox(QMessageBox.Icon.Warning, "Later test", "A box with OK only")
    qtbot.addWidget(box)
    box.setModal(True)
    box.show()
    qtbot.wait(200)  # the answerer retried every 20 ms
    assert box.isVisible() and asked == []
    box.close()
