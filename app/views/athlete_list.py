"""The athlete list: search as you type, archived athletes hidden unless asked for.

The list reads a page of athletes at a time (:data:`ATHLETE_PAGE`, more than a screen holds)
and the next one when the user scrolls near its end, as Qt's ``fetchMore`` does for item
models: a clinic's 5,000 athletes cost what 200 do, at start-up and on every keystroke.
"""

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
from app.services.athletes import ATHLETE_PAGE, list_athletes
from app.services.context import AppContext
from app.services.database import Database
from app.views.state import AppState, Loader
from app.views.translation import user_text

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
        self._complete = True  # every athlete of the current filter is in the list
        self._filling = False  # items are being added: the scroll range is not final yet
        self._page = ATHLETE_PAGE
        bar = self.list.verticalScrollBar()
        bar.valueChanged.connect(self._near_end)
        bar.rangeChanged.connect(self._near_end)
        self.list.currentItemChanged.connect(self._current_changed)
        state.athletes_changed.connect(self.reload)
        state.database_replaced.connect(self._database_replaced)

    @property
    def context(self) -> AppContext:
        return self.state.context

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the list (search, filter, a change anywhere), keeping the selection.

        As many athletes as were shown (at least a page), and, in the same read, every one up
        to the selected athlete when the selection lies beyond them (two statements at most,
        whatever the clinic's size).
        """
        current = select_id if isinstance(select_id, int) else self.current_id()
        archived, search = self.show_archived.isChecked(), self.search.text()
        limit = max(self._page, self.list.count())

        def read(db: Database) -> tuple[list[AthleteInfo], bool]:
            athletes = list_athletes(db, include_archived=archived, search=search, limit=limit)
            complete = len(athletes) < limit
            if current is not None and not complete and all(a.id != current for a in athletes):
                athletes += list_athletes(
                    db,
                    include_archived=archived,
                    search=search,
                    after=athletes[-1],
                    through=current,
                )
            return athletes, complete

        self.loader.load(
            read,
            lambda found: self._show(found[0], current, found[1]),
            lambda exc: self.problem.emit(user_text(exc)),
        )

    def _near_end(self, *_: object) -> None:
        """Read the next page when the list is scrolled near its end (or does not fill its
        view); nothing while a read is under way or when every athlete is shown."""
        bar = self.list.verticalScrollBar()
        if self._complete or self._filling or self.loader.loading or not self.list.count():
            return
        if not self.list.isVisible():  # no view to fill yet: judged again once laid out
            return
        if bar.maximum() - bar.value() > bar.pageStep():
            return
        self.fetch_more()

    def fetch_more(self) -> None:
        """Append the next page of athletes (the current filter) to the list."""
        if self._complete or not self.list.count():
            return
        last = self._athletes[self.list.item(self.list.count() - 1).data(ID_ROLE)]
        archived, search, page = self.show_archived.isChecked(), self.search.text(), self._page
        self.loader.load(
            lambda db: list_athletes(
                db, include_archived=archived, search=search, after=last, limit=page
            ),
            self._append,
            lambda exc: self.problem.emit(user_text(exc)),
        )

    def _item(self, a: AthleteInfo) -> QListWidgetItem:
        item = QListWidgetItem(a.name + (self.tr(" (archived)") if a.archived else ""))
        item.setData(ID_ROLE, a.id)
        if a.archived:
            font = QFont()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _append(self, athletes: list[AthleteInfo]) -> None:
        self._complete = len(athletes) < self._page
        known = self._athletes
        self._filling = True
        try:
            for a in athletes:
                if a.id not in known:  # a page read after a change elsewhere may repeat one
                    known[a.id] = a
                    self.list.addItem(self._item(a))
        finally:
            self._filling = False
        self._near_end()  # a very tall list may show the whole page: read on

    def _show(self, athletes: list[AthleteInfo], current: int | None, complete: bool) -> None:
        self._complete = complete
        self._athletes = {a.id: a for a in athletes}
        self.list.blockSignals(True)
        self._filling = True
        self.list.clear()
        target = None
        for a in athletes:
            item = self._item(a)
            self.list.addItem(item)
            if a.id == current:
                target = item
        self._filling = False
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
