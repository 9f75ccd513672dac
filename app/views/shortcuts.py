"""Help → Keyboard shortcuts (Ctrl+?): every shortcut the window offers, read from the window.

The list is read from the window's own actions and shortcuts, so it never drifts from what the
keys do; a test checks that no two of them share a key, and that no two controls on screen
share an Alt+letter.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

NATIVE = QKeySequence.SequenceFormat.NativeText


def plain(text: str) -> str:
    """A menu text as read: ``"&New session…"`` → ``"New session"``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """``(keys, what they do)`` for every action and shortcut of ``window``, in menu order."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        if not action.isVisible():
            continue
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                rows.append((sequence.toString(NATIVE), plain(action.text())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            rows.append((shortcut.key().toString(NATIVE), shortcut.whatsThis()))
    return rows


class ShortcutsDialog(QDialog):
    """The shortcuts of ``window``, and the one rule every form follows."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            *window_shortcuts(window),
            (self.tr("Enter"), self.tr("In a form: the next field")),
            (self.tr("Ctrl+Enter, Ctrl+S"), self.tr("In a form: save")),
            (self.tr("Esc"), self.tr("In a form: close (asks first if something is unsaved)")),
            (self.tr("Ctrl+T"), self.tr("Session editor: show the trials of the row")),
            (self.tr("F1"), self.tr("Session editor: how to measure, LSI and Diff explained")),
            (self.tr("Alt+Down"), self.tr("In a date: open the calendar")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Alt + the underlined letter works on every button.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 560)
