"""The body of the Program page: the program's drills and its handout notes, edited.

:class:`ProgramEditor` shows a :class:`~app.domain.program_draft.ProgramDraft` and applies the
user's edits to it: :class:`DrillListBox` lists the drills in order (drag or buttons to reorder,
add from the library, remove), :class:`SelectedDrillBox` edits the side, dosage and note of the
one selected. The two boxes only show what they are given and report what the user asked for.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import Drill, Side
from app.domain.program_draft import ProgramDraft
from app.domain.programs import NOTES_MAX, ProgramItem
from app.views.dosage_editor import DosageEditor

SIDE_CHOICES = ("left", "right", "both")
ROW_ROLE = Qt.ItemDataRole.UserRole  # an entry's row when the list was filled


class DrillListBox(QGroupBox):
    """The program's drills, in order, with the buttons that change the order and the set."""

    row_selected = Signal(int)  # -1: none
    add_requested = Signal(str)  # a library drill's key
    remove_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down
    reordered = Signal(list)  # a drag: the old rows in their new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Drills (drag to reorder)"), parent)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.add_box = QComboBox()
        self.add_box.setToolTip(self.tr("A drill from the library"))
        self.add_button = QPushButton(self.tr("A&dd"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_box, 1)
        add_row.addWidget(self.add_button)
        move_row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            move_row.addWidget(button)
        layout = QVBoxLayout()
        layout.addWidget(self.list, 1)
        layout.addLayout(move_row)
        layout.addLayout(add_row)
        self.setLayout(layout)

        self.list.currentRowChanged.connect(self.row_selected)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_requested)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))

    def set_library(self, library: Sequence[Drill]) -> None:
        """The drills that can be added, by name."""
        self.add_box.clear()
        for d in sorted(library, key=lambda d: d.name.lower()):
            self.add_box.addItem(d.name, d.key)

    def current_row(self) -> int:
        return self.list.currentRow()

    def entry_text(self, n: int, item: ProgramItem, drill: Drill) -> str:
        text = f"{n}. {drill.name} — {item.dosage.text(drill.language)}"
        if item.side == "both" and drill.side != "both":
            text += self.tr(" (both sides)")
        return text

    def show_entries(self, entries: Sequence[tuple[ProgramItem, Drill]], select: int) -> None:
        """List ``entries`` and select row ``select`` (the last one at most; -1: none).

        Quiet: ``row_selected`` is not emitted; the caller shows the selected row itself.
        """
        with QSignalBlocker(self.list):
            self.list.clear()
            for n, (item, drill) in enumerate(entries, start=1):
                entry = QListWidgetItem(self.entry_text(n, item, drill))
                entry.setData(ROW_ROLE, n - 1)
                self.list.addItem(entry)
            if select >= 0 and entries:
                self.list.setCurrentRow(min(select, len(entries) - 1))

    def show_entry(self, row: int, item: ProgramItem, drill: Drill) -> None:
        self.list.item(row).setText(self.entry_text(row + 1, item, drill))

    def update_enabled(self, *, has_athlete: bool, writable: bool) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.add_button.setEnabled(has_athlete and writable)
        self.remove_button.setEnabled(writable and 0 <= row < count)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < count - 1)
        self.list.setEnabled(has_athlete)

    def _add_clicked(self) -> None:
        key = self.add_box.currentData()
        if key:
            self.add_requested.emit(key)

    def _rows_moved(self, *_: object) -> None:
        """A drag in the list: report the new order, if it is one."""
        order = [self.list.item(i).data(ROW_ROLE) for i in range(self.list.count())]
        if order != list(range(len(order))):
            self.reordered.emit(order)


class SelectedDrillBox(QGroupBox):
    """Side, dosage and note of the selected drill; ``edited`` when the user changed one."""

    side_chosen = Signal(str)
    edited = Signal()  # the dosage or the note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Selected drill"), parent)
        self.drill_name = QLabel()
        self.drill_name.setWordWrap(True)
        self.side_box = QComboBox()
        words = {"left": self.tr("left"), "right": self.tr("right"), "both": self.tr("both")}
        for side in SIDE_CHOICES:
            self.side_box.addItem(words[side], side)
        self.notes = QLineEdit()
        self.notes.setMaxLength(NOTES_MAX)
        self.notes.setPlaceholderText(self.tr("A note for the athlete about this drill"))
        # the page's own Alt+letters (Suggest, Print, Move up) would clash with the dosage's
        self.dosage = DosageEditor(mnemonics=False)
        form = self.dosage.form  # one form, so that all labels line up
        form.insertRow(0, self.drill_name)
        form.insertRow(1, self.tr("Side"), self.side_box)
        form.addRow(self.tr("Note"), self.notes)
        d = self.dosage  # Tab goes down the form, as it reads
        chain = [self.side_box, d.sets, d.amount, d.unit, d.each_side, d.per_week, self.notes]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout()
        layout.addWidget(self.dosage)
        self.setLayout(layout)

        self.side_box.activated.connect(
            lambda _: self.side_chosen.emit(self.side_box.currentData())
        )
        self.dosage.edited.connect(self.edited)
        self.notes.editingFinished.connect(self.edited)

    def _side_activated(self, _index: int) -> None:
        self.side_chosen.emit(self.side_box.currentData())

    def show_item(self, item: ProgramItem | None, drill_name: str) -> None:
        """The selected item (None: no drill selected; the fields are emptied, so nothing of
        another program or athlete stays on screen)."""
        if item is None:
            self.drill_name.setText(self.tr("<i>No drill selected</i>"))
            with QSignalBlocker(self.side_box), QSignalBlocker(self.notes):
                self.side_box.setCurrentIndex(-1)
                self.dosage.clear()
                self.notes.clear()
            return
        self.show_drill_name(drill_name)
        self.side_box.setCurrentIndex(max(0, self.side_box.findData(item.side)))
        self.dosage.set_dosage(item.dosage)
        self.notes.setText(item.notes)

    def show_drill_name(self, name: str) -> None:
        self.drill_name.setText(f"<b>{html.escape(name)}</b>")

    def note(self) -> str:
        return self.notes.text().strip()


class ProgramEditor(QSplitter):
    """Drills on the left; the selected drill and the handout notes on the right.

    Edits go straight into the draft shown; ``changed`` follows each one that changed it.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = ProgramDraft(start=dt.date.today())
        self.library: Sequence[Drill] = ()
        self._has_athlete = self._writable = False
        self.drill_list = DrillListBox()
        self.selected = SelectedDrillBox()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes printed on the handout"))
        self.notes_edit.setMaximumHeight(64)
        notes_box = QGroupBox(self.tr("Notes for the handout"))
        QVBoxLayout(notes_box).addWidget(self.notes_edit)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.selected)
        right_layout.addWidget(notes_box)
        right_layout.addStretch(1)
        # at 1024×700 the form was squeezed to slivers: it keeps its height and scrolls instead
        right_scroll = QScrollArea()
        right_scroll.setWidget(right)
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.drill_list)
        self.addWidget(right_scroll)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

        self.notes_edit.textChanged.connect(self._notes_edited)
        self.drill_list.row_selected.connect(self._item_selected)
        self.drill_list.add_requested.connect(self.add_drill)
        self.drill_list.remove_requested.connect(self.remove_current)
        self.drill_list.move_requested.connect(self.move_current)
        self.drill_list.reordered.connect(self._reordered)
        self.selected.edited.connect(self._item_edited)
        self.selected.side_chosen.connect(self._side_chosen)

    # -- showing ------------------------------------------------------------------------------
    def set_library(self, library: Sequence[Drill]) -> None:
        """The drills that can be added (and mirrored for another side)."""
        self.library = library
        self.drill_list.set_library(library)

    def show_draft(self, draft: ProgramDraft) -> None:
        """Edit ``draft`` from now on; its first drill is selected."""
        self.draft = draft
        with QSignalBlocker(self.notes_edit):
            self.notes_edit.setPlainText(draft.notes)
        self._show_items(0)

    def update_enabled(self, *, has_athlete: bool, writable: bool) -> None:
        self._has_athlete, self._writable = has_athlete, writable
        self.drill_list.update_enabled(has_athlete=has_athlete, writable=writable)
        self.selected.setEnabled(self.draft.has(self.drill_list.current_row()) and writable)

    def _show_items(self, select: int) -> None:
        entries = list(zip(self.draft.items, self.draft.drills, strict=True))
        self.drill_list.show_entries(entries, select)
        self._item_selected(self.drill_list.current_row())

    def _item_selected(self, row: int) -> None:
        has = self.draft.has(row)
        self.selected.show_item(
            self.draft.item(row) if has else None, self.draft.drill(row).name if has else ""
        )
        self.update_enabled(has_athlete=self._has_athlete, writable=self._writable)

    def _show_row(self, row: int) -> None:
        self.drill_list.show_entry(row, self.draft.item(row), self.draft.drill(row))

    # -- editing ------------------------------------------------------------------------------
    def commit_pending(self) -> None:
        """Take what the fields show into the draft, as leaving them would.

        A save or a print reached by a shortcut never moves the focus, so a dose typed but not
        yet left would otherwise be left out (or arrive in the middle of the print).
        """
        if self.draft.has(self.drill_list.current_row()) and self.selected.isEnabled():
            self._item_edited()
        self._notes_edited()

    def add_drill(self, key: str) -> None:
        drill = next((d for d in self.library if d.key == key), None)
        if drill is not None:
            self._show_items(self.draft.add(drill))
            self.changed.emit()

    def remove_current(self) -> None:
        row = self.drill_list.current_row()
        if self.draft.remove(row):
            self._show_items(row)
            self.changed.emit()

    def move_current(self, step: int) -> None:
        target = self.draft.move(self.drill_list.current_row(), step)
        if target is not None:
            self._show_items(target)
            self.changed.emit()

    def _reordered(self, order: list[int]) -> None:
        """A drag in the list: take the new order from the list."""
        if self.draft.reorder(order):
            self._show_items(self.drill_list.current_row())
            self.changed.emit()

    def _item_edited(self) -> None:
        row = self.drill_list.current_row()
        if self.draft.edit(row, self.selected.dosage.dosage(), self.selected.note()):
            self._show_row(row)
            self.changed.emit()

    def _side_chosen(self, side: Side) -> None:
        row = self.drill_list.current_row()
        if self.draft.set_side(row, side, self.library):
            self._show_row(row)
            self.selected.show_drill_name(self.draft.drill(row).name)
            self.changed.emit()

    def _notes_edited(self) -> None:
        if self.draft.set_notes(self.notes_edit.toPlainText()):
            self.changed.emit()
