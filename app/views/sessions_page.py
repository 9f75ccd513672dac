"""The Sessions page: who the athlete is, and the history of their sessions."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.records import AthleteInfo, SessionHistory, SessionRecord
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.photos import PhotoMark, photo_marks
from app.services.sessions import older_sessions, session_history
from app.views.history import HISTORY_BATCH, HistoryTree
from app.views.photo_marks import open_photos
from app.views.state import AppState, Loader
from app.views.style import side_word
from app.views.translation import user_text


class SessionsPage(QWidget):
    new_requested = Signal()
    new_athlete_requested = Signal()  # the empty state's button: nobody to show yet
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loader = Loader(state, self)
        self.older_loader = Loader(state, self)  # older pages, beside the page's own loads
        self.athlete: AthleteInfo | None = None
        # what the page needs of the history without reading it whole (issue 21): the count
        # (header, delete dialog) and the newest session (the usual measurements)
        self.session_count = 0
        self.newest: SessionRecord | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New session"))
        self.new_button.setToolTip(self.tr("Record a new session (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Ed&it session"))
        self.delete_button = QPushButton(self.tr("De&lete session"))
        self.delete_button.setToolTip(self.tr("Delete the selected session (undo with Ctrl+Z)"))
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.history = HistoryTree()
        self.history.edit_requested.connect(self.edit_requested)
        self.history.older_wanted.connect(self._load_older)
        self.history.photos_requested.connect(
            lambda marks: open_photos(self, self.context.db, marks)
        )
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.history)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis(self.tr("Delete the selected session (in the history)"))
        delete.activated.connect(
            lambda: self._delete_selected() if self.delete_button.isEnabled() else None
        )
        self._select_next: int | None = None
        self.history_athlete_id: int | None = None  # whose history the tree holds
        self.history.currentItemChanged.connect(self._update_buttons)
        # the first run (or an empty search): the way in is on screen, not only in the menu
        self.new_athlete_button = QPushButton(self.tr("New a&thlete…"))
        self.new_athlete_button.setToolTip(self.tr("Add the first athlete (Ctrl+Shift+N)"))
        self.new_athlete_button.clicked.connect(self.new_athlete_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_athlete_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        self.set_athlete(None)
        for signal in (state.sessions_changed, state.settings_changed, state.database_replaced):
            signal.connect(self.refresh)

    @property
    def context(self) -> AppContext:
        return self.state.context

    def set_athlete(self, athlete: AthleteInfo | None) -> None:
        self.athlete = athlete
        self.refresh()

    def refresh(self) -> None:
        """Reload now, or, while another tab is in front, when this page is next shown: a
        clinician clicking through athletes on the Trends tab does not wait for 500 history
        rows nobody sees."""
        self._stale = True
        if not self.isHidden():
            self.ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        """Make ``sessions`` and the history current (callers that read them call this).

        On a local file that is done when this returns; on a server it is under way (see
        :class:`~app.views.state.Loader`), and the page shows the rows when they come.
        """
        if not getattr(self, "_stale", True):
            return
        self._stale = False
        a = self.athlete
        if a is None:
            self._show(None, SessionHistory((), None, 0))
            return
        catalog = self.context.catalog
        # the newest page and one more (the previous session of its last row); as deep as the
        # history was scrolled (a reload after a delete on page 2 stays there); down to a
        # session about to be selected
        same = self.history_athlete_id == a.id
        limit = max(HISTORY_BATCH + 1, self.history.held() if same else 0)
        through = self._select_next
        self.loader.load(
            lambda db: (
                session_history(db, a.id, catalog, limit=limit, through=through),
                photo_marks(db, a.id),
            ),
            lambda loaded: self._show(a, *loaded),
            self._failed,
        )

    def _load_older(self, after: SessionRecord) -> None:
        """The history scrolled to the end of the sessions it holds: the next older page."""
        a = self.athlete
        if a is None:
            return
        catalog = self.context.catalog
        self.older_loader.load(
            lambda db: older_sessions(db, a.id, after, catalog, limit=HISTORY_BATCH),
            lambda older: self.history.add_older_sessions(older, after.id),
            self._older_failed,
        )

    def _older_failed(self, exc: UserFacingError) -> None:
        self.history.add_older_sessions(None, after_id=-1)  # may ask again on the next scroll
        self.header.setText(html.escape(str(exc)))

    def _show(
        self, a: AthleteInfo | None, history: SessionHistory, photos: Sequence[PhotoMark] = ()
    ) -> None:
        self.session_count = history.count
        self.newest = history.newest[0] if history.newest else None
        depth = self.history.topLevelItemCount() if a and self.history_athlete_id == a.id else 0
        self.history_athlete_id = a.id if a is not None else None
        self.new_athlete_button.setVisible(a is None and not self.context.db.read_only)
        if a is None:
            self.header.setText(
                self.tr(
                    "<span style='font-size:13pt'>No athlete chosen.</span><br>"
                    "Choose one in the list, or add one with <b>New athlete…</b>."
                )
            )
            self.history.clear()
        else:
            self.header.setText(self._header_text(a))
            self.history.set_sessions(
                history.newest,
                self.context.catalog,
                a.involved_side,
                self.context.settings.length_unit,
                photos,
                athlete=a,
                first=history.first,
                total=history.count,
                rows=depth,
            )
            if self._select_next is not None:
                # read down to it (``through``): shown now, or gone (deleted, another athlete)
                self.history.select(self._select_next)
                self._select_next = None
        self._update_buttons()

    def _failed(self, exc: UserFacingError) -> None:
        self._stale = True  # try again on the next refresh or show
        self.header.setText(html.escape(user_text(exc)))

    def _header_text(self, a: AthleteInfo) -> str:
        from html import escape

        facts = []
        if a.sport:
            facts.append(escape(a.sport))
        if a.dominant_side:
            facts.append(self.tr("dominant side: {0}").format(side_word(a.dominant_side)))
        if a.involved_side:
            facts.append(self.tr("involved side: {0}").format(side_word(a.involved_side)))
        facts.append(self.tr("%n session(s)", "", self.session_count))
        title = f"<span style='font-size:15pt; font-weight:600'>{escape(a.name)}</span>"
        if a.archived:
            title += self.tr(" <i>(archived)</i>")
        return f"{title}<br>{' · '.join(facts)}"

    def select_session(self, session_id: int) -> None:
        """Select ``session_id`` in the history (a session just saved), now if it is held,
        else once the history is read down to it: Edit then opens that one."""
        if not self.history.select(session_id):
            self._select_next = session_id
            if self.athlete is not None and not self.isHidden():
                self._stale = True  # an old session saved: read the history down to it
                self.ensure_loaded()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_athlete = self.athlete is not None
        selected = self.history.selected_session_id() is not None
        read_only = self.context.db.read_only
        self.new_button.setEnabled(has_athlete and not read_only)
        self.edit_button.setEnabled(selected and not read_only)
        self.delete_button.setEnabled(selected and not read_only)

    def _edit_selected(self) -> None:
        session_id = self.history.selected_session_id()
        if session_id is not None:
            self.edit_requested.emit(session_id)

    def _delete_selected(self) -> None:
        session_id = self.history.selected_session_id()
        if session_id is not None:
            self.delete_requested.emit(session_id)

    def usual_keys(self) -> list[str]:
        """The athlete's usual set first (their latest session), then the clinic's default."""
        self.ensure_loaded()
        keys: list[str] = []
        if self.newest is not None:
            keys = [m.key for m in self.newest.measurements]
        defaults = self.context.settings.default_measurements
        if self.context.settings.mode == "solo":  # the tests one can do at home, alone
            defaults = [d.key for d in self.context.catalog if d.home]
        for key in defaults:
            definition = self.context.catalog.get(key)
            if key not in keys and definition is not None and not definition.retired:
                keys.append(key)
        return keys

    def is_ready(self) -> bool:
        """Drawn, or behind another tab (it loads when shown)."""
        return (not getattr(self, "_stale", True) and not self.loader.loading) or self.isHidden()
