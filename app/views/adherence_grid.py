"""The Program page's adherence grid: one week of a saved program, a tick per drill and day.

A tick is written at once (one small unit of work per cell), and the percentage follows. The
grid asks for the context each time (``context()``), so it always uses the database the page
has now; ``today()`` says which days can be ticked (tests pass a fixed date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.programs import Adherence, ProgramRecord, program_days
from app.errors import UserFacingError
from app.services.programs import adherence, set_done
from app.views.operations import write
from app.views.state import AppState, Loader
from app.views.translation import user_text

ROWS_SHOWN = 8  # the grid grows up to this many drills, then scrolls
TICK_ROLE = Qt.ItemDataRole.UserRole  # a cell's (item id, day)


def first_week(record: ProgramRecord, today: dt.date) -> int:
    """The week to show first: this week of the program (its first or last week outside it)."""
    elapsed = (today - record.start_date).days // 7
    return min(max(elapsed, 0), record.weeks - 1)


class AdherenceGrid(QGroupBox):
    """Done (tick a drill on the day it was done): week ``week`` (0-based) of ``record``."""

    problem = Signal(str)  # the ticks could not be read

    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(self.tr("Done (tick a drill on the day it was done)"), parent)
        self._state = state
        self._today = today
        self.loader = Loader(state, self)
        state.adherence_changed.connect(self.reread)
        self._found: Adherence | None = None  # the ticks of ``record``, read when it is shown
        self.record: ProgramRecord | None = None
        self.names: list[str] = []
        self.week = 0
        self.label = QLabel()
        self.prev_week = QPushButton("◀")
        self.prev_week.setToolTip(self.tr("Previous week"))
        self.next_week = QPushButton("▶")
        self.next_week.setToolTip(self.tr("Next week"))
        self.week_label = QLabel()
        self.grid = QTableWidget()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        week_row = QHBoxLayout()
        week_row.addWidget(self.label, 1)
        week_row.addWidget(self.prev_week)
        week_row.addWidget(self.week_label)
        week_row.addWidget(self.next_week)
        layout = QVBoxLayout()
        layout.addLayout(week_row)
        layout.addWidget(self.grid)
        self.setLayout(layout)

        self.prev_week.clicked.connect(lambda: self.show_week(self.week - 1))
        self.next_week.clicked.connect(lambda: self.show_week(self.week + 1))
        self.grid.itemChanged.connect(self._cell_changed)

    def show_program(self, record: ProgramRecord | None, names: Sequence[str] = ()) -> None:
        """This week of the saved ``record`` (``names``: its drills'); None hides the grid."""
        same = record is not None and self.record is not None and record.id == self.record.id
        self.record, self.names = record, list(names)
        self.setVisible(record is not None)
        if record is None:
            self._found = None
            return
        today = self._today()
        week = self.week if same else first_week(record, today)  # a re-read keeps the week
        self.loader.load(
            lambda db: adherence(db, record, today),
            lambda found: self._ticks_read(found, week),
            lambda exc: self.problem.emit(user_text(exc)),
        )

    def reread(self) -> None:
        """Ticks made elsewhere (another desk, an import): show them, on the same week."""
        self.show_program(self.record, self.names)

    def _ticks_read(self, found: Adherence, week: int) -> None:
        self._found = found
        self.show_week(week)

    def show_week(self, week: int) -> None:
        """Week ``week`` of the program, kept inside it."""
        record = self.record
        if record is None:
            return
        found = self._found
        self.week = min(max(week, 0), record.weeks - 1)
        days = program_days(record.start_date, record.weeks)[self.week * 7 : self.week * 7 + 7]
        writable, today = not self._state.db.read_only, self._today()
        with QSignalBlocker(self.grid):
            self.grid.clear()
            self.grid.setRowCount(len(record.items))
            self.grid.setColumnCount(7)
            # two lines: "Wed 02 Dec" on one was cut to "ed 02 De" at 1024 px; in the UI's
            # language ("Mi.", "02 Dez." in German)
            locale = QLocale()
            self.grid.setHorizontalHeaderLabels(
                [locale.toString(QDate(d.year, d.month, d.day), "ddd\ndd MMM") for d in days]
            )
            for r, item in enumerate(record.items):
                for c, day in enumerate(days):
                    done = found is not None and item.id is not None and found.is_done(item.id, day)
                    self.grid.setItem(r, c, self._cell(item.id, day, done, writable, today))
            self.grid.setVerticalHeaderLabels([f"{r + 1}. {n}" for r, n in enumerate(self.names)])
            self.grid.resizeRowsToContents()
            self._fit_height(min(len(record.items), ROWS_SHOWN))
        self.week_label.setText(self.tr("Week {0} of {1}").format(self.week + 1, record.weeks))
        self.prev_week.setEnabled(self.week > 0)
        self.next_week.setEnabled(self.week < record.weeks - 1)
        self._show_percent(found)

    def _cell(
        self, item_id: int | None, day: dt.date, done: bool, writable: bool, today: dt.date
    ) -> QTableWidgetItem:
        cell = QTableWidgetItem()
        flags = Qt.ItemFlag.ItemIsEnabled
        if writable and day <= today:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        cell.setFlags(flags)
        cell.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        cell.setData(TICK_ROLE, (item_id, day))
        if day > today:
            cell.setToolTip(self.tr("This day has not come yet"))
        return cell

    def _fit_height(self, rows: int) -> None:
        self.grid.setFixedHeight(
            self.grid.horizontalHeader().sizeHint().height()
            + sum(self.grid.rowHeight(r) for r in range(rows))
            + 2 * self.grid.frameWidth()
            + 2
        )

    def _show_percent(self, found: Adherence | None) -> None:
        if found is None or found.percent is None:
            self.label.setText(self.tr("Adherence: the program has not started yet."))
        else:
            self.label.setText(
                self.tr("<b>Adherence so far: {0:.0f} %</b> of the sessions due").format(
                    found.percent
                )
            )

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        item_id, day = cell.data(TICK_ROLE)
        done = cell.checkState() == Qt.CheckState.Checked
        record, db, today = self.record, self._state.db, self._today()
        if record is None:
            return

        def work() -> Adherence:
            set_done(db, item_id, day, done, today)
            return adherence(db, record, today)

        write(self, db, work, self._ticked, self._not_ticked)

    def _ticked(self, found: Adherence) -> None:
        self._found = found
        self._show_percent(found)

    def _not_ticked(self, exc: UserFacingError) -> None:
        QMessageBox.warning(self, self.tr("Cannot record the day"), user_text(exc))
        self.show_week(self.week)
