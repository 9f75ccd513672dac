"""The Program page: suggest a program from the findings, edit it, save dated versions,
tick the days done, and print the handout.

The editor always holds one program: the version chosen in the list (the newest by default),
or a suggestion/edit not saved yet. Saving makes a new dated version; earlier versions stay
and can be shown again from the list. The adherence grid belongs to the saved version shown.
PDF drawing runs off the GUI thread (:func:`app.views.operations.run_operation`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import UNITS, Dosage, Drill
from app.domain.programs import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    Adherence,
    ProgramData,
    ProgramItem,
    ProgramRecord,
    ProgramVersion,
    program_days,
    resolve_item_drill,
)
from app.domain.records import AthleteInfo
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.drills import drill_library
from app.services.errors import Conflict
from app.services.programs import (
    adherence,
    draft_data,
    get_program,
    latest_program,
    list_versions,
    newest_program_id,
    save_program,
    set_done,
    suggest,
    write_handout,
)
from app.views.operations import Operation, run_operation
from app.views.state import AppState

SIDE_CHOICES = ("left", "right", "both")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ProgramPage(QWidget):
    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.today = today  # the adherence grid's "today" (tests pass a fixed date)
        self.athlete_id: int | None = None
        self.versions: list[ProgramVersion] = []
        self.shown: ProgramRecord | None = None  # the saved version in the editor
        self.items: list[ProgramItem] = []
        self.drills: list[Drill] = []
        self.library: list[Drill] = []
        self.pattern: str | None = None
        self.reasons: tuple[str, ...] = ()
        self.based_on: int | None = None
        self.dirty = False
        self.week = 0
        self.last_pdf: Path | None = None
        self.operation: Operation | None = None
        self._ready = False
        self._loading = False
        self._build()
        self.set_athlete(None)
        for signal in (
            state.sessions_changed,  # the findings a suggestion starts from
            state.programs_changed,
            state.drills_changed,
            state.settings_changed,
            state.database_replaced,
        ):
            signal.connect(self.refresh)

    @property
    def context(self) -> AppContext:
        return self.state.context

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        self.header = QLabel()
        self.header.setWordWrap(True)
        # the program as a whole
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.dateChanged.connect(self._program_edited)
        self.weeks_spin = QSpinBox()
        self.weeks_spin.setRange(1, MAX_WEEKS)
        self.weeks_spin.setSuffix(self.tr(" weeks"))
        self.weeks_spin.valueChanged.connect(self._program_edited)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes printed on the handout"))
        self.notes_edit.textChanged.connect(self._program_edited)
        self.version_box = QComboBox()
        self.version_box.setMinimumContentsLength(28)
        self.version_box.activated.connect(self._version_chosen)
        self.suggest_button = QPushButton(self.tr("&Suggest from findings"))
        self.suggest_button.setToolTip(
            self.tr("Propose a program from the latest session's findings")
        )
        self.suggest_button.clicked.connect(self.suggest)
        self.save_button = QPushButton(self.tr("Sa&ve as new version"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("&Print handout (PDF)…"))
        self.print_button.clicked.connect(self._print_clicked)
        self.open_button = QPushButton(self.tr("&Open PDF"))
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_pdf)
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
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(self.open_button)

        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # drills of the program
        self.item_list = QListWidget()
        self.item_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.item_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.item_list.currentRowChanged.connect(self._item_selected)
        self.item_list.model().rowsMoved.connect(self._rows_moved)
        self.add_box = QComboBox()
        self.add_box.setToolTip(self.tr("A drill from the library"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_box, 1)
        add_row.addWidget(self.add_button)
        move_row = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            move_row.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.item_list, 1)
        left.addLayout(move_row)
        left.addLayout(add_row)
        left_box = QGroupBox(self.tr("Drills (drag to reorder)"))
        left_box.setLayout(left)

        # the selected drill's dosage, side and notes
        self.drill_name = QLabel()
        self.drill_name.setWordWrap(True)
        self.side_box = QComboBox()
        for side in SIDE_CHOICES:
            self.side_box.addItem(self.tr(side), side)
        self.sets_edit = QLineEdit()
        self.amount_edit = QLineEdit()
        self.unit_box = QComboBox()
        for unit in sorted(UNITS):
            self.unit_box.addItem(unit, unit)
        self.each_side_box = QCheckBox(self.tr("each side"))
        self.per_week_spin = QSpinBox()
        self.per_week_spin.setRange(1, 14)
        self.per_week_spin.setSuffix(self.tr(" × a week"))
        self.item_notes = QLineEdit()
        self.item_notes.setPlaceholderText(self.tr("A note for the athlete about this drill"))
        form = QFormLayout()
        form.addRow(self.drill_name)
        form.addRow(self.tr("Side"), self.side_box)
        form.addRow(self.tr("Sets / rounds"), self.sets_edit)
        form.addRow(self.tr("Amount per set"), self.amount_edit)
        form.addRow(self.tr("Unit"), self.unit_box)
        form.addRow("", self.each_side_box)
        form.addRow(self.tr("How often"), self.per_week_spin)
        form.addRow(self.tr("Note"), self.item_notes)
        self.side_box.activated.connect(self._side_changed)
        for edit in (self.sets_edit, self.amount_edit, self.item_notes):
            edit.editingFinished.connect(self._item_edited)
        self.unit_box.activated.connect(self._item_edited)
        self.each_side_box.toggled.connect(self._item_edited)
        self.per_week_spin.valueChanged.connect(self._item_edited)
        self.item_box = QGroupBox(self.tr("Selected drill"))
        self.item_box.setLayout(form)

        self.notes_edit.setMaximumHeight(64)
        notes_layout = QVBoxLayout()
        notes_layout.addWidget(self.notes_edit)
        notes_box = QGroupBox(self.tr("Notes for the handout"))
        notes_box.setLayout(notes_layout)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.item_box)
        right.addWidget(notes_box)
        right.addStretch(1)
        right_widget = QWidget()
        right_widget.setLayout(right)

        # adherence
        self.adherence_label = QLabel()
        self.prev_week = QPushButton("◀")
        self.prev_week.setToolTip(self.tr("Previous week"))
        self.prev_week.clicked.connect(lambda: self.show_week(self.week - 1))
        self.next_week = QPushButton("▶")
        self.next_week.setToolTip(self.tr("Next week"))
        self.next_week.clicked.connect(lambda: self.show_week(self.week + 1))
        self.week_label = QLabel()
        self.grid = QTableWidget()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.itemChanged.connect(self._tick_changed)
        week_row = QHBoxLayout()
        week_row.addWidget(self.adherence_label, 1)
        week_row.addWidget(self.prev_week)
        week_row.addWidget(self.week_label)
        week_row.addWidget(self.next_week)
        adherence_layout = QVBoxLayout()
        adherence_layout.addLayout(week_row)
        adherence_layout.addWidget(self.grid)
        self.adherence_box = QGroupBox(self.tr("Done (tick a drill on the day it was done)"))
        self.adherence_box.setLayout(adherence_layout)

        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        reasons_scroll = QScrollArea()
        reasons_scroll.setWidget(self.reasons_label)
        reasons_scroll.setWidgetResizable(True)
        reasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reasons_scroll.setMaximumHeight(110)
        layout.addWidget(reasons_scroll)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.adherence_box, 0)
        layout.addWidget(self.status)

    # -- page protocol ------------------------------------------------------------------
    def set_athlete(self, athlete: AthleteInfo | None) -> None:
        athlete_id = athlete.id if athlete else None
        if athlete_id != self.athlete_id:
            self.athlete_id = athlete_id
            self.dirty = False
        self.refresh()

    def is_ready(self) -> bool:
        return self._ready

    def refresh(self) -> None:
        """Re-read the athlete's versions (keeps an unsaved edit on screen)."""
        self._ready = False
        try:
            self.library = drill_library(self.context.db)
            self._fill_add_box()
            if self.athlete_id is None:
                self.versions = []
                self._load_record(None)
            else:
                self.versions = list_versions(self.context.db, self.athlete_id)
                if not self.dirty:
                    shown_id = self.shown.id if self.shown else None
                    ids = [v.id for v in self.versions]
                    target = shown_id if shown_id in ids else (ids[0] if ids else None)
                    newest = newest_program_id(self.context.db, self.athlete_id)
                    if shown_id in ids and shown_id == self.based_on != newest:
                        target = newest  # the newest was shown, another desk saved: follow
                    self._load_record(get_program(self.context.db, target) if target else None)
                else:
                    self._fill_versions()
        except UserFacingError as exc:
            self.status.setText(html.escape(str(exc)))
        self._update_enabled()
        self._ready = True

    # -- loading into the editor --------------------------------------------------------
    def _fill_add_box(self) -> None:
        self.add_box.clear()
        for d in sorted(self.library, key=lambda d: d.name.lower()):
            self.add_box.addItem(d.name, d.key)

    def _fill_versions(self) -> None:
        self.version_box.blockSignals(True)
        self.version_box.clear()
        if self.dirty or not self.versions:
            self.version_box.addItem(
                self.tr("New program (not saved)") if self.dirty else self.tr("No program yet"),
                None,
            )
        for n, v in enumerate(self.versions):
            label = self.tr("{0} · {1} drills · {2} weeks").format(
                v.start_date.isoformat(), v.item_count, v.weeks
            )
            if n == 0:
                label += self.tr(" (current)")
            self.version_box.addItem(label, v.id)
        if not self.dirty and self.shown is not None:
            self.version_box.setCurrentIndex(max(0, self.version_box.findData(self.shown.id)))
        self.version_box.blockSignals(False)

    def _load_record(self, record: ProgramRecord | None) -> None:
        self.shown = record
        self.dirty = False
        if record is None:
            self._set_editor([], None, (), dt.date.today(), DEFAULT_WEEKS, "")
            self.reasons_label.setText(
                self.tr("<i>No program saved yet. Use “Suggest from findings” or add drills.</i>")
                if self.athlete_id is not None
                else self.tr("<i>Choose an athlete.</i>")
            )
        else:
            self._set_editor(
                list(record.items),
                record.pattern,
                record.reasons,
                record.start_date,
                record.weeks,
                record.notes,
            )
            self._show_reasons(record.reasons, (), "", "")
        self.based_on = (
            newest_program_id(self.context.db, self.athlete_id) if self.athlete_id else None
        )
        self._fill_versions()
        self._fill_header()
        self._load_adherence(initial=True)

    def _set_editor(
        self,
        items: list[ProgramItem],
        pattern: str | None,
        reasons: tuple[str, ...],
        start: dt.date,
        weeks: int,
        notes: str,
    ) -> None:
        self._loading = True
        self.items = items
        self.pattern = pattern
        self.reasons = reasons
        self.drills = [self._resolve(i) for i in items]
        self.start_edit.setDate(_qdate(start))
        self.weeks_spin.setValue(weeks)
        self.notes_edit.setPlainText(notes)
        self._fill_items(0 if items else -1)
        self._loading = False

    def _resolve(self, item: ProgramItem) -> Drill:
        library = self.library
        try:
            return resolve_item_drill(item.drill_key, item.side, library)
        except KeyError:
            full = drill_library(self.context.db, include_retired=True)
            return resolve_item_drill(item.drill_key, item.side, full)

    def _fill_items(self, select: int) -> None:
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for n, (item, drill) in enumerate(zip(self.items, self.drills, strict=True), start=1):
            entry = QListWidgetItem(self._item_text(n, item, drill))
            entry.setData(Qt.ItemDataRole.UserRole, n - 1)
            self.item_list.addItem(entry)
        self.item_list.blockSignals(False)
        if select >= 0 and self.items:
            self.item_list.setCurrentRow(min(select, len(self.items) - 1))
        self._item_selected(self.item_list.currentRow())

    def _item_text(self, n: int, item: ProgramItem, drill: Drill) -> str:
        text = f"{n}. {drill.name} — {item.dosage.text()}"
        if item.side == "both" and drill.side != "both":
            text += self.tr(" (both sides)")
        return text

    def _show_reasons(
        self, reasons: tuple[str, ...], watch: tuple[str, ...], note: str, message: str
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
        self.reasons_label.setText("<br/>".join(parts))

    def _fill_header(self) -> None:
        if self.athlete_id is None:
            self.header.setText("")
            return
        if self.shown is None:
            text = self.tr("No saved program")
        else:
            text = self.tr("Program of {0}, {1} weeks (to {2})").format(
                self.shown.start_date.isoformat(),
                self.shown.weeks,
                self.shown.end_date.isoformat(),
            )
        if self.dirty:
            text += self.tr(" — unsaved changes")
        self.header.setText(f"<span style='font-size:13pt; font-weight:600'>{text}</span>")

    # -- editing ------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        if self._loading:
            return
        if not self.dirty:
            self.dirty = True
            self._fill_versions()
        self._fill_header()
        self._update_enabled()

    def _item_selected(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        self.item_box.setEnabled(has and not self.context.db.read_only)
        if not has:
            self.drill_name.setText(self.tr("<i>No drill selected</i>"))
            self._update_enabled()
            return
        item, drill = self.items[row], self.drills[row]
        loading, self._loading = self._loading, True
        self.drill_name.setText(f"<b>{html.escape(drill.name)}</b>")
        self.side_box.setCurrentIndex(max(0, self.side_box.findData(item.side)))
        self.sets_edit.setText(item.dosage.sets)
        self.amount_edit.setText(item.dosage.amount)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(item.dosage.unit)))
        self.each_side_box.setChecked(item.dosage.each_side)
        self.per_week_spin.setValue(item.dosage.per_week)
        self.item_notes.setText(item.notes)
        self._loading = loading
        self._update_enabled()

    def _item_edited(self, *_: object) -> None:
        row = self.item_list.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        old = self.items[row]
        dosage = Dosage(
            sets=self.sets_edit.text().strip(),
            amount=self.amount_edit.text().strip(),
            unit=self.unit_box.currentData(),
            each_side=self.each_side_box.isChecked(),
            per_week=self.per_week_spin.value(),
        )
        new = replace(old, dosage=dosage, notes=self.item_notes.text().strip())
        if new != old:
            self.items[row] = new
            self.item_list.item(row).setText(self._item_text(row + 1, new, self.drills[row]))
            self._mark_dirty()

    def _side_changed(self, *_: object) -> None:
        row = self.item_list.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        side = self.side_box.currentData()
        old = self.items[row]
        drill = resolve_item_drill(old.drill_key, side, self.library or self.drills)
        self.items[row] = replace(old, drill_key=drill.key, side=side)
        self.drills[row] = drill
        self.item_list.item(row).setText(self._item_text(row + 1, self.items[row], drill))
        self.drill_name.setText(f"<b>{html.escape(drill.name)}</b>")
        self._mark_dirty()

    def _program_edited(self, *_: object) -> None:
        self._mark_dirty()

    def add_drill(self, key: str) -> None:
        drill = next((d for d in self.library if d.key == key), None)
        if drill is None:
            return
        self.items.append(ProgramItem(drill.key, drill.side, drill.dosage))
        self.drills.append(drill)
        self._fill_items(len(self.items) - 1)
        self._mark_dirty()

    def _add_clicked(self) -> None:
        key = self.add_box.currentData()
        if key:
            self.add_drill(key)

    def remove_current(self) -> None:
        row = self.item_list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            del self.drills[row]
            self._fill_items(row)
            self._mark_dirty()

    def move_current(self, step: int) -> None:
        row = self.item_list.currentRow()
        target = row + step
        if not (0 <= row < len(self.items) and 0 <= target < len(self.items)):
            return
        self.items.insert(target, self.items.pop(row))
        self.drills.insert(target, self.drills.pop(row))
        self._fill_items(target)
        self._mark_dirty()

    def _rows_moved(self, *_: object) -> None:
        """A drag in the list: take the new order from the list."""
        order = [
            self.item_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.item_list.count())
        ]
        if order == list(range(len(self.items))):
            return
        self.items = [self.items[i] for i in order]
        self.drills = [self.drills[i] for i in order]
        self._fill_items(self.item_list.currentRow())
        self._mark_dirty()

    def _version_chosen(self, index: int) -> None:
        program_id = self.version_box.itemData(index)
        if program_id is None or (self.shown and self.shown.id == program_id and not self.dirty):
            return
        if self.dirty and not self._discard_ok():
            self._fill_versions()
            return
        try:
            self._load_record(get_program(self.context.db, program_id))
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Program"), str(exc))
        self._update_enabled()

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("The program on screen has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def current_data(self) -> ProgramData:
        """The program as the editor shows it."""
        return ProgramData(
            start_date=_pydate(self.start_edit.date()),
            items=tuple(self.items),
            weeks=self.weeks_spin.value(),
            pattern=self.pattern,
            reasons=self.reasons,
            notes=self.notes_edit.toPlainText().strip(),
        )

    # -- actions ------------------------------------------------------------------------
    def suggest(self) -> None:
        """Replace the editor's program with what the findings suggest (not saved yet)."""
        if self.athlete_id is None:
            return
        try:
            draft = suggest(self.context.db, self.context.catalog, self.athlete_id)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Suggest"), str(exc))
            return
        if draft.empty:
            self._show_reasons((), draft.watch, "", draft.message)
            self.status.setText(html.escape(draft.message))
            return
        data = draft_data(draft, dt.date.today())
        self._set_editor(
            list(draft.items), draft.pattern, data.reasons, dt.date.today(), DEFAULT_WEEKS, ""
        )
        self.shown = None
        self.dirty = False
        self._mark_dirty()
        self._show_reasons(draft.reasons, draft.watch, draft.note, "")
        self.status.setText(
            self.tr("Suggested {0} drills. Edit them if needed, then save.").format(
                len(draft.items)
            )
        )
        self._load_adherence(initial=True)

    def save(self, *, overwrite: bool = False) -> bool:
        if self.athlete_id is None:
            return False
        try:
            record = save_program(
                self.context.db,
                self.athlete_id,
                self.current_data(),
                self.based_on,
                overwrite=overwrite,
            )
        except Conflict as exc:
            return self._conflict(exc)
        except UserFacingError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot save the program"),
                str(exc)
                + "\n\n"
                + self.tr("The program on screen is kept: Save again once this is resolved."),
            )
            return False
        self.versions = list_versions(self.context.db, self.athlete_id)
        self._load_record(record)
        self.status.setText(
            self.tr("Program saved as the version of {0}.").format(record.start_date.isoformat())
        )
        self._update_enabled()
        return True

    def _conflict(self, exc: Conflict) -> bool:
        """Another desk saved a version since this one was opened: compare, then decide.

        Overwrite saves this program as the newest version (the other one stays on record);
        Reload shows the other desk's version; Keep editing changes nothing.
        """
        from app.views.conflict_dialog import OVERWRITE, RELOAD, ask_conflict, program_lines

        theirs = exc.current if isinstance(exc.current, ProgramRecord) else None
        names = {d.key: d.name for d in self.library}
        lines = program_lines(self.current_data(), theirs, names)
        choice = ask_conflict(self, self.tr("This athlete's program"), lines)
        if choice == OVERWRITE:
            if theirs is None:
                return self.save(overwrite=True)
            self.based_on = theirs.id  # over exactly what was shown; a third save is caught
            return self.save()
        if choice == RELOAD and self.athlete_id is not None:
            try:
                self.versions = list_versions(self.context.db, self.athlete_id)
                self._load_record(theirs or latest_program(self.context.db, self.athlete_id))
            except UserFacingError as problem:
                self.status.setText(html.escape(str(problem)))
                return False
            self._update_enabled()
            self.status.setText(self.tr("Showing the version saved at the other desk."))
            return False
        self.status.setText(self.tr("Not saved yet: another desk saved a newer version."))
        return False

    def _print_clicked(self) -> None:
        if self.athlete_id is None or not self.items:
            return
        name = f"program-{dt.date.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the handout as"),
            str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> Operation | None:
        """Write the handout of what the editor shows, in the background."""
        if self.athlete_id is None:
            return None
        program: ProgramRecord | ProgramData
        program = self.shown if self.shown is not None and not self.dirty else self.current_data()
        athlete_id = self.athlete_id
        db, catalog, settings = self.context.db, self.context.catalog, self.context.settings
        self.print_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.status.setText(self.tr("Writing the handout…"))

        def work(progress):  # type: ignore[no-untyped-def]
            return write_handout(
                db, catalog, settings, athlete_id, path, program, progress=progress
            )

        self.operation = run_operation(
            self,
            self.tr("Printing the handout"),
            work,
            on_success=self._pdf_written,
            on_failure=self._pdf_failed,
            on_cancel=lambda: self._pdf_failed(None),
        )
        return self.operation

    def _pdf_written(self, written) -> None:  # type: ignore[no-untyped-def]
        self.last_pdf = written.path
        self.print_button.setEnabled(True)
        self.open_button.setVisible(True)
        self.status.setText(
            self.tr("Handout written: {0} ({1} pages, drawn in {2:.0f} ms).").format(
                html.escape(str(written.path)), written.pages, written.seconds * 1000
            )
        )

    def _pdf_failed(self, exc: BaseException | None) -> None:
        self.print_button.setEnabled(True)
        if exc is None:
            self.status.setText(self.tr("Printing cancelled; no file was written."))
            return
        if not isinstance(exc, UserFacingError):
            raise exc
        self.status.setText(html.escape(str(exc)))
        QMessageBox.warning(self, self.tr("Cannot write the handout"), str(exc))

    def open_pdf(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    # -- adherence ----------------------------------------------------------------------
    def _current_adherence(self) -> Adherence | None:
        if self.shown is None:
            return None
        return adherence(self.context.db, self.shown, self.today())

    def _load_adherence(self, initial: bool = False) -> None:
        record = self.shown if not self.dirty else None
        self.adherence_box.setVisible(record is not None)
        if record is None:
            return
        if initial:
            elapsed = (self.today() - record.start_date).days // 7
            self.week = min(max(elapsed, 0), record.weeks - 1)
        self.show_week(self.week)

    def show_week(self, week: int) -> None:
        record = self.shown
        if record is None:
            return
        self.week = min(max(week, 0), record.weeks - 1)
        try:
            found = self._current_adherence()
        except UserFacingError as exc:
            self.status.setText(html.escape(str(exc)))
            return
        days = program_days(record.start_date, record.weeks)[self.week * 7 : self.week * 7 + 7]
        today = self.today()
        writable = not self.context.db.read_only
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(len(record.items))
        self.grid.setColumnCount(7)
        self.grid.setHorizontalHeaderLabels([d.strftime("%a %d %b") for d in days])
        labels = []
        for r, item in enumerate(record.items):
            drill = self._resolve(item)
            labels.append(f"{r + 1}. {drill.name}")
            for c, day in enumerate(days):
                cell = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsEnabled
                if writable and day <= today:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                cell.setFlags(flags)
                done = found is not None and item.id is not None and found.is_done(item.id, day)
                cell.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                cell.setData(Qt.ItemDataRole.UserRole, (item.id, day))
                if day > today:
                    cell.setToolTip(self.tr("This day has not come yet"))
                self.grid.setItem(r, c, cell)
        self.grid.setVerticalHeaderLabels(labels)
        self.grid.resizeRowsToContents()
        rows_shown = min(len(record.items), 8)
        self.grid.setFixedHeight(
            self.grid.horizontalHeader().sizeHint().height()
            + sum(self.grid.rowHeight(r) for r in range(rows_shown))
            + 2 * self.grid.frameWidth()
            + 2
        )
        self.grid.blockSignals(False)
        self.week_label.setText(self.tr("Week {0} of {1}").format(self.week + 1, record.weeks))
        self.prev_week.setEnabled(self.week > 0)
        self.next_week.setEnabled(self.week < record.weeks - 1)
        self._show_percent(found)

    def _show_percent(self, found: Adherence | None) -> None:
        if found is None or found.percent is None:
            self.adherence_label.setText(self.tr("Adherence: the program has not started yet."))
        else:
            self.adherence_label.setText(
                self.tr("<b>Adherence so far: {0:.0f} %</b> of the sessions due").format(
                    found.percent
                )
            )

    def _tick_changed(self, cell: QTableWidgetItem) -> None:
        item_id, day = cell.data(Qt.ItemDataRole.UserRole)
        done = cell.checkState() == Qt.CheckState.Checked
        try:
            set_done(self.context.db, item_id, day, done, self.today())
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Cannot record the day"), str(exc))
            self.show_week(self.week)
            return
        self._show_percent(self._current_adherence())

    def _update_enabled(self) -> None:
        writable = not self.context.db.read_only
        has_athlete = self.athlete_id is not None
        row = self.item_list.currentRow()
        self.suggest_button.setEnabled(has_athlete and writable)
        self.save_button.setEnabled(
            has_athlete and writable and bool(self.items) and (self.dirty or self.shown is None)
        )
        self.print_button.setEnabled(has_athlete and bool(self.items))
        self.add_button.setEnabled(has_athlete and writable)
        self.remove_button.setEnabled(writable and 0 <= row < len(self.items))
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < len(self.items) - 1)
        self.item_list.setEnabled(has_athlete)
        self.version_box.setEnabled(has_athlete)
