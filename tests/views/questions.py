"""Answer a message box the way a person does: by clicking one of its buttons."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

# The answerers still waiting for their question: each is a one-element list, [True] once
# stopped. A question that never came left its answerer retrying for two seconds, into the
# next test on the same worker, where it clicked (or failed on) that test's message box.
_waiting: list[list[bool]] = []


def stop_waiting_answers() -> None:
    """Stop every answerer still waiting (after each test: tests/conftest.py)."""
    for stopped in _waiting:
        stopped[0] = True
    _waiting.clear()


def answer_next_question(button: str) -> list[str]:
    """Click ``button`` ("Save", "Discard", "Cancel") in the next message box shown; the list
    receives the question's text. Gives up after two seconds, so a box that never comes
    leaves no click behind for a later test."""
    asked: list[str] = []
    tries = iter(range(100))
    stopped = [False]
    _waiting.append(stopped)

    def click() -> None:
        if stopped[0]:
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        for b in box.buttons():
            if b.text().replace("&", "") == button:
                b.click()
                return
        raise AssertionError(f"no {button} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)
    return asked
