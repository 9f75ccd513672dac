"""The athlete list: search as you type, archived athletes hidden unless asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import AthleteInfo
from app.services.athletes import list_athletes
from app.services.context import AppContext
from app.views.state import AppState, Loader

ID_ROLE = Qt.ItemDataRole.UserRole


class AthleteList(QWidget):
    athlete_changed = Signal(object)  # AthleteInfo | None
    problem = Signal(str)  # the list could not be read: a plain message for the status bar

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loader = Loader(state, self)
        self._shown: AthleteInfo | None = None
        # asked before another athlete is shown (the window: unsaved edits); False keeps this one
        self.may_leave: Callable[[], bool] = lambda: True
        self._athletes: dict[int, AthleteInfo] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search athletes (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search athletes"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Athletes"))
        self.show_archived = QCheckBox(self.tr("Show &archived"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_archived)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._focus_list)
        self.show_archived.toggled.connect(self.reload)
        self.list.currentItemChanged.connect(self._current_changed)
        state.athletes_changed.connect(self.reload)
        state.database_replaced.connect(self._database_replaced)

    @property
    def context(self) -> AppContext:
        return self.state.context

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the list (search, filter, a change anywhere), keeping the selection."""
        current = select_id if isinstance(select_id, int) else self.current_id()
        archived, search = self.show_archived.isChecked(), self.search.text()
        self.loader.load(
            lambda db: list_athletes(db, include_archived=archived, search=search),
            lambda athletes: self._show(athletes, current),
            lambda exc: self.problem.emit(str(exc)),
        )

    def _show(self, athletes: list[AthleteInfo], current: int | None) -> None:
        self._athletes = {a.id: a for a in athletes}
        self.list.blockSignals(True)
        self.list.clear()
        target = None
        for a in athletes:
            item = QListWidgetItem(a.name + (self.tr(" (archived)") if a.archived else ""))
            item.setData(ID_ROLE, a.id)
            if a.archived:
                font = QFont()
                font.setItalic(True)
                item.setFont(font)
            self.list.addItem(item)
            if a.id == current:
                target = item
        if target is None and self.list.count():
            target = self.list.item(0)
        if target is not None:  # None: the list is empty, nothing to select
            self.list.setCurrentItem(target)
        self.list.blockSignals(False)
        self._current_changed()

    def _focus_list(self) -> None:
        self.list.setFocus()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def current(self) -> AthleteInfo | None:
        athlete_id = self.current_id()
        return None if athlete_id is None else self._athletes.get(athlete_id)

    def _select_quietly(self, athlete_id: int) -> None:
        """Back to the athlete shown (a switch that was cancelled); none if not listed."""
        with QSignalBlocker(self.list):
            self.list.setCurrentRow(-1)
            for row in range(self.list.count()):
                if self.list.item(row).data(ID_ROLE) == athlete_id:
                    self.list.setCurrentRow(row)
                    break

    def _database_replaced(self) -> None:
        self._shown = None  # the same id in another file is another athlete
        self.reload()

    def _current_changed(self, *_: object) -> None:
        """Say so when the athlete shown, or what is known of them, changed."""
        current = self.current()
        shown = self._shown
        leaving = shown is not None and (current is None or current.id != shown.id)
        if leaving and shown is not None and not self.may_leave():
            self._select_quietly(shown.id)
            return
        if current != self._shown or current is None:
            self._shown = current
            self.athlete_changed.emit(current)
