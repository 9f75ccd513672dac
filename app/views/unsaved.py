"""One question for every form with edits not saved yet: Save, Discard or Cancel.

Asked by the main window before it shows another athlete or closes (for the pages that keep
edits, :class:`~app.views.page.KeepsEdits`), and by each editing dialog before it closes
without saving. One wording, one set of buttons, Save the default: the edit is the user's work.
"""

from __future__ import annotations

import weakref
from enum import Enum

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, what: str) -> Answer:
    """``what``: what holds the edits, e.g. "The program on screen"."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("unsaved", "Unsaved changes"),
        translate("unsaved", "{0} has changes that are not saved. Save them?").format(what),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


_HOLDERS: weakref.WeakSet[QWidget] = weakref.WeakSet()


def holds_edits(widget: QWidget) -> None:
    """Note ``widget`` as one that may hold unsaved edits (a form, the Program page)."""
    _HOLDERS.add(widget)


def edit_holders() -> list[QWidget]:
    """The widgets noted by :func:`holds_edits` that still exist. Asked by name, never found by
    scanning ``QApplication.allWidgets()``, which wraps every widget of the process (one on its
    way out crashed the interpreter in the test run)."""
    return [w for w in list(_HOLDERS) if shiboken6.isValid(w)]


class FormDialog(QDialog):
    """A dialog that edits a record: closing it with edits (Esc, Cancel, the window's close
    button) asks Save / Discard / Cancel instead of dropping them.

    Subclasses give :meth:`form_state` (a comparable snapshot of the fields), call
    :meth:`mark_clean` once the fields show what is stored, and implement ``save`` (which
    accepts on success).
    """

    edited_what = ""  # for the question: "This athlete", "This session"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        holds_edits(self)
        self._clean: object = None
        # One Enter rule for every form: Enter moves to the next field (as in the session
        # editor, where numbers are typed one after another); Ctrl+Enter or Ctrl+S saves.
        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()  # not the default button: a half-filled form is not saved
            return
        super().keyPressEvent(event)

    def form_state(self) -> object:
        return None

    def mark_clean(self) -> None:
        """The fields show what is stored (or the user chose to drop the edits)."""
        self._clean = self.form_state()

    def has_edits(self) -> bool:
        return self.form_state() != self._clean

    def save(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        if self.has_edits():
            answer = ask_unsaved(self, self.edited_what or self.windowTitle())
            if answer is Answer.CANCEL:
                return
            if answer is Answer.SAVE:
                self.save()  # accepts once saved; a refusal keeps the form and says why
                return
        super().reject()
