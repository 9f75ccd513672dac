"""The top of the Program page: which program is shown, its dates, and what to do with it.

:class:`ProgramHeader` is the title line and the version bar (version, suggest, start date,
weeks, save, save as PDF, print); :class:`ReasonsPanel` says why the program is what it is.
Both only show what they are given and report what the user did; the page decides.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.programs import MAX_WEEKS, ProgramRecord, ProgramVersion
from app.views.date_field import DateField

REASONS_MAX_HEIGHT = 110


class ProgramHeader(QWidget):
    """Title and version bar. The buttons' ``clicked`` signals are the page's to connect."""

    version_chosen = Signal(object)  # a saved version's id; None: the unsaved program
    start_edited = Signal(object)  # dt.date
    weeks_edited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.start_edit = DateField(self.tr("Start date"))
        self.weeks_spin = QSpinBox()
        self.weeks_spin.setRange(1, MAX_WEEKS)
        self.weeks_spin.setSuffix(self.tr(" weeks"))
        self.version_box = QComboBox()
        self.version_box.setMinimumContentsLength(28)
        self.suggest_button = QPushButton(self.tr("&Suggest from findings"))
        self.suggest_button.setToolTip(
            self.tr("Propose a program from the latest session's findings")
        )
        self.save_button = QPushButton(self.tr("Save as &new version"))
        # no Alt letter is free on this page for any letter of it: Ctrl+Shift+S (the tooltip)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the handout as a PDF file"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the handout"))
        # shown after a PDF is saved, beside the status line (the page places it): in this bar
        # it widened the window's least width and squeezed the athlete list
        self.open_button = QPushButton(self.tr("&Open PDF"))
        self.open_button.setVisible(False)
        # the referrer's report needs no program: on for any athlete (issue 18); the page
        # places it beside the handout's options (the header row is full at 1024 px)
        self.report_button = QPushButton(self.tr("Pro&gress report…"))
        self.report_button.setToolTip(
            self.tr("A PDF for the referring doctor or insurer: first and latest measurements")
        )
        self._lay_out()
        self.version_box.activated.connect(
            lambda index: self.version_chosen.emit(self.version_box.itemData(index))
        )
        self.start_edit.edited.connect(self._start_edited)
        self.weeks_spin.valueChanged.connect(self.weeks_edited)

    def _start_edited(self) -> None:
        day = self.start_edit.value()
        if day is not None:
            self.start_edited.emit(day)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Version:")))
        bar.addWidget(self.version_box)
        bar.addWidget(self.suggest_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Starts")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("for")))
        bar.addWidget(self.weeks_spin)
        bar.addStretch(1)
        # Save, Save PDF and Print share the title's line: in the version bar, the bar grew
        # wider than a 1024 px window allows and took the width from the athlete list.
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addLayout(bar)

    # -- showing ------------------------------------------------------------------------------
    def show_title(self, has_athlete: bool, shown: ProgramRecord | None, dirty: bool) -> None:
        """Which program the editor holds, and whether it has unsaved changes."""
        if not has_athlete:
            self.title.setText("")
            return
        if shown is None:
            text = self.tr("No saved program")
        else:
            text = self.tr("Program of {0}, {1} (to {2})").format(
                shown.start_date.isoformat(),
                self.tr("%n week(s)", "", shown.weeks),
                shown.end_date.isoformat(),
            )
        if dirty:
            text += self.tr(" — unsaved changes")
        self.title.setText(f"<span style='font-size:13pt; font-weight:600'>{text}</span>")

    def show_versions(
        self, versions: Sequence[ProgramVersion], dirty: bool, shown_id: int | None
    ) -> None:
        """The saved versions, newest first; an unsaved program heads the list."""
        with QSignalBlocker(self.version_box):
            self.version_box.clear()
            if dirty or not versions:
                self.version_box.addItem(
                    self.tr("New program (not saved)") if dirty else self.tr("No program yet"),
                    None,
                )
            for n, v in enumerate(versions):
                label = self.tr("{0} · {1} · {2}").format(
                    v.start_date.isoformat(),
                    self.tr("%n drill(s)", "", v.item_count),
                    self.tr("%n week(s)", "", v.weeks),
                )
                if n == 0:
                    label += self.tr(" (current)")
                self.version_box.addItem(label, v.id)
            if not dirty and shown_id is not None:
                self.version_box.setCurrentIndex(max(0, self.version_box.findData(shown_id)))

    def show_dates(self, start: dt.date, weeks: int) -> None:
        with QSignalBlocker(self.weeks_spin):
            self.start_edit.set_value(start)
            self.weeks_spin.setValue(weeks)

    def update_enabled(
        self, *, has_athlete: bool, writable: bool, has_items: bool, can_save: bool
    ) -> None:
        self.suggest_button.setEnabled(has_athlete and writable)
        self.save_button.setEnabled(has_athlete and writable and has_items and can_save)
        self.pdf_button.setEnabled(has_athlete and has_items)
        self.print_button.setEnabled(has_athlete and has_items)
        self.report_button.setEnabled(has_athlete)
        self.version_box.setEnabled(has_athlete)


def _line_bottoms(label: QLabel, width: int) -> tuple[list[float], float]:
    """Where each line of ``label``'s rich text ends, laid out at ``width`` as QLabel lays it
    out (a document without margin), and the whole text's height."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    document.setTextWidth(max(width, 1))
    total = document.size().height()  # lays the text out: lines exist from here on
    bottoms = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        top = layout.position().y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            bottoms.append(top + line.y() + line.height())
        block = block.next()
    return bottoms, total


class ReasonsPanel(QScrollArea):
    """Why this program: the reasons of a suggestion or a saved version, or a hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMaximumHeight(REASONS_MAX_HEIGHT)

    def show_hint(self, rich_text: str) -> None:
        self.label.setText(rich_text)
        self._fit()

    def _fit(self) -> None:
        """As tall as the text, up to :data:`REASONS_MAX_HEIGHT`, and then cut between two
        lines, never through one (the last line showed cut in half; the rest scrolls)."""
        cap = REASONS_MAX_HEIGHT
        width = self.contentsRect().width()  # the viewport's, without a scroll bar
        bottoms, total = _line_bottoms(self.label, width)
        if total > cap:
            width -= self.verticalScrollBar().sizeHint().width()
            bottoms, total = _line_bottoms(self.label, width)
        if total <= cap:
            height = math.ceil(total)
        else:
            height = math.floor(max([b for b in bottoms if b <= cap], default=cap))
        self.setMaximumHeight(max(height, 1))
        self.setMinimumHeight(max(height, 1) if self.label.text() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width_changed = event.oldSize().width() != event.size().width()
        super().resizeEvent(event)
        if width_changed:
            self._fit()

    def show_reasons(
        self, reasons: Sequence[str], watch: Sequence[str], note: str, message: str
    ) -> None:
        parts = []
        if message:
            parts.append(f"<b>{html.escape(message)}</b>")
        if reasons:
            parts.append(
                "<b>"
                + self.tr("Why:")
                + "</b><ul style='margin:0'>"
                + "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
                + "</ul>"
            )
        if watch:
            parts.append(
                "<b>" + self.tr("Keep an eye on:") + "</b> " + html.escape("; ".join(watch))
            )
        if note:
            parts.append(f"<i>{html.escape(note)}</i>")
        if reasons or message:
            parts.append(
                "<span style='color:gray'>"
                + self.tr("A suggestion to accept or edit, not a diagnosis.")
                + "</span>"
            )
        self.label.setText("<br/>".join(parts))
        self._fit()
