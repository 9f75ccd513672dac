"""Session history: newest first, each session expandable to its left/right table.

Changes since the previous and the first session are marked "real" only beyond the MDC, so a
clinician never sells measurement noise as progress; the change of asymmetry since the first
session is judged against √2 × the error (DOMAIN.md §4). The flag column shows what stands
beside the flag: pain-limited, within error, both low. With an involved side, the side columns
say which is which.

Rows are made for the sessions in view and a batch beyond (:data:`HISTORY_BATCH`), the next
batch when the user scrolls near the end, as Qt's ``fetchMore`` does for item models: a
500-session history costs what 100 sessions do on every athlete switch. The sessions
themselves come a page at a time too: the tree is given the newest page, the first session
(the baseline of "since first") and the count, and asks for the next older page
(:attr:`HistoryTree.older_wanted`) when its rows reach the end of what it holds. A row is made
only for a session whose previous session is held ("since previous" needs it).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.asymmetry import Flag, display_unit, flag_of, is_pain_limited
from app.domain.catalog import Catalog, MeasurementDef, Rule, unit_name
from app.domain.language import language
from app.domain.records import AthleteData, SessionRecord, SideName
from app.domain.summary import Change, Finding, findings_for
from app.services.photos import PhotoMark
from app.views.photo_dialog import camera_icon
from app.views.photo_marks import mark_text
from app.views.style import (
    DIFF_EXPLAINED,
    FLAG_SYMBOL,
    METRIC_EXPLAINED,
    PAINFUL_SYMBOL,
    delta_text,
    flag_color,
    flag_text,
    percent_text,
    side_names,
    status_text,
    status_tip,
    value_text,
)
from app.views.translation import QT_TRANSLATE_NOOP

SESSION_ROLE = Qt.ItemDataRole.UserRole
PHOTOS_ROLE = Qt.ItemDataRole.UserRole + 1  # a measurement row's PhotoMarks
RESIZE_PRECISION = 100  # rows measured to fit a column (Qt's default: 1000)
# Columns that give up width in a narrow view, in this order, down to this many average
# characters (their tooltips hold the whole text): the change of asymmetry first (a sentence),
# then the measurement's name, the flag; the changes of each side (values) last.
MIN_CHARS = {8: 10, 0: 16, 5: 10, 7: 14, 6: 14}
BEYOND_ERROR_MARK = "*"  # a change of one side beyond measurement error
HISTORY_BATCH = 100  # session rows made at a time: more than a screen holds
COLUMNS = (  # translated where shown (HistoryTree.tr)
    QT_TRANSLATE_NOOP("HistoryTree", "Session / measurement"),
    QT_TRANSLATE_NOOP("HistoryTree", "Left"),
    QT_TRANSLATE_NOOP("HistoryTree", "Right"),
    QT_TRANSLATE_NOOP("HistoryTree", "Diff (R−L)"),
    QT_TRANSLATE_NOOP("HistoryTree", "% asym / LSI"),
    QT_TRANSLATE_NOOP("HistoryTree", "Flag"),
    QT_TRANSLATE_NOOP("HistoryTree", "Since previous"),
    QT_TRANSLATE_NOOP("HistoryTree", "Since first"),
    QT_TRANSLATE_NOOP("HistoryTree", "Asymmetry since first"),
)


class HistoryTree(QTreeWidget):
    """Sessions as top-level rows; measurement rows are built when a session is expanded."""

    edit_requested = Signal(int)
    photos_requested = Signal(list)  # PhotoMarks of a measurement row (Enter / double-click)
    # the oldest session held (a SessionRecord): the page reads the sessions older than it
    # and hands them to add_older_sessions
    older_wanted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([self.tr(c) for c in COLUMNS])
        for column in (6, 7):
            self.headerItem().setToolTip(column, self._beyond_error_tip())
        self.headerItem().setToolTip(3, self.tr(DIFF_EXPLAINED))
        self.headerItem().setToolTip(4, self.tr(METRIC_EXPLAINED))
        self.setAccessibleName(self.tr("Session history"))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        # Columns fit their contents while the view is wide enough; when it is not (a 1024 px
        # window, the longer German and Spanish words) the text columns give up width, elided
        # with the full text in their tooltips, so the table never scrolls sideways and the
        # numbers are never cut (see _fit_columns).
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Fit the columns to the rows around the visible ones, not to every row: measuring all
        # 500 sessions of a long history on each change cost ~20 ms, and the values of one
        # athlete are about as wide everywhere.
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        self._headings = [self.tr(c) for c in COLUMNS]  # one line each; _fit_columns may wrap
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_columns)
        self.model().rowsInserted.connect(self._fit_timer.start)
        self.model().rowsRemoved.connect(self._fit_timer.start)
        self.itemCollapsed.connect(self._fit_timer.start)
        self.itemExpanded.connect(self._fill)
        self.itemExpanded.connect(self._fit_timer.start)
        self.setExpandsOnDoubleClick(False)  # double-click (or Enter) edits the session
        self.itemActivated.connect(self._activated)
        self._sessions: list[SessionRecord] = []  # held so far, newest first
        self._first: SessionRecord | None = None  # the athlete's first session
        self._total = 0  # the athlete's sessions, held or not
        self._asked = False  # older sessions asked for, not yet come
        self._rows = 0  # sessions that have their row so far (the first ones)
        self._adding = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._near_end)
        bar.rangeChanged.connect(self._near_end)
        self._catalog: Catalog | None = None
        self._involved: SideName | None = None
        self._athlete: AthleteData | None = None
        self._length_unit = "cm"
        self._photos: dict[tuple[int, str], list[PhotoMark]] = {}

    def set_sessions(
        self,
        sessions: Sequence[SessionRecord],
        catalog: Catalog,
        involved: SideName | None,
        length_unit: str,
        photos: Sequence[PhotoMark] = (),
        *,
        athlete: AthleteData | None = None,
        first: SessionRecord | None = None,
        total: int | None = None,
        rows: int = 0,
    ) -> None:
        """Show ``sessions`` (newest first): the whole history, or its newest page with the
        athlete's ``first`` session and the ``total`` count (older pages come on demand).
        ``rows``: make at least so many rows (a reload keeps the depth scrolled to)."""
        selected = self.selected_session_id()
        self._photos = {}
        for mark in photos:
            self._photos.setdefault((mark.session_id, mark.key), []).append(mark)
        self._sessions = list(sessions)
        self._total = len(self._sessions) if total is None else max(total, len(self._sessions))
        self._first = first if first is not None or self._more_held() else (
            self._sessions[-1] if self._sessions else None
        )
        self._asked = False
        self._catalog = catalog
        self._involved = involved
        self._athlete = athlete
        self._length_unit = length_unit
        left, right = side_names(involved)
        self._headings[1:3] = [left, right]
        self.headerItem().setText(1, left)
        self.headerItem().setText(2, right)
        self.clear()
        self._rows = 0
        wanted = next((i for i, s in enumerate(self._sessions) if s.id == selected), 0)
        items = self._add_rows(max(HISTORY_BATCH, wanted + 1, rows))
        if items:
            target = next((i for i in items if i.data(0, SESSION_ROLE) == selected), items[0])
            self.setCurrentItem(target)
            items[0].setExpanded(True)

    def held(self) -> int:
        """Sessions read so far (a reload reads as many, so the rows scrolled to stay)."""
        return len(self._sessions)

    def _more_held(self) -> bool:
        """Sessions older than those held (not read yet)."""
        return len(self._sessions) < self._total

    def _rowable(self) -> int:
        """Sessions that can have a row: all held, but the oldest held one only when its
        previous session is known (the last of the history, or one more page read)."""
        return len(self._sessions) - 1 if self._more_held() else len(self._sessions)

    def has_more(self) -> bool:
        """Sessions without a row yet (they get one as the user scrolls down)."""
        return self._rows < self._total

    def fetch_more(self) -> None:
        """Rows for the next :data:`HISTORY_BATCH` sessions, asking for older ones when the
        rows reach the end of what is held."""
        if not self.has_more():
            return
        wanted = self._rows + HISTORY_BATCH
        if wanted > self._rowable() and self._more_held() and not self._asked:
            self._asked = True
            self.older_wanted.emit(self._sessions[-1])
            return  # add_older_sessions makes the rows
        self._add_rows(wanted)

    def add_older_sessions(self, older: Sequence[SessionRecord] | None, after_id: int) -> None:
        """The sessions older than ``after_id`` (the oldest held when they were asked for);
        ``None``: the read failed (the next scroll asks again)."""
        self._asked = False
        if older is None or not self._sessions or self._sessions[-1].id != after_id:
            return  # asked for another history (a reload or another athlete since)
        if not older:
            self._total = len(self._sessions)  # fewer than counted: deleted meanwhile
        self._sessions.extend(older)
        self._total = max(self._total, len(self._sessions))
        self._add_rows(self._rows + HISTORY_BATCH)

    def _near_end(self, *_: object) -> None:
        """More rows when scrolled near the end; never while hidden (no view to fill, and its
        scroll range is 0 until laid out) or while rows are being added."""
        bar = self.verticalScrollBar()
        if not self.has_more() or self._adding or not self.isVisible():
            return
        if bar.maximum() - bar.value() <= bar.pageStep():
            self.fetch_more()

    def _add_rows(self, stop: int) -> list[QTreeWidgetItem]:
        """Top-level rows for the sessions from the last one made up to ``stop``."""
        start, stop = self._rows, min(stop, self._rowable())
        self._rows = max(start, stop)
        bold = QFont()
        bold.setBold(True)
        items = []
        for index in range(start, stop):
            session = self._sessions[index]
            item = QTreeWidgetItem()
            title = session.date.isoformat()
            if session.clinician:
                title += f" — {session.clinician}"
            item.setText(0, title)
            item.setFont(0, bold)
            item.setData(0, SESSION_ROLE, session.id)
            item.setData(1, SESSION_ROLE, index)
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            # the title first: a narrow window elides it
            if session.notes:
                item.setToolTip(0, f"{title}\n{session.notes}")
            else:
                item.setToolTip(
                    0, f"{title}\n" + self.tr("%n measurement(s)", "", len(session.measurements))
                )
            items.append(item)
        self._adding = True
        try:
            self.addTopLevelItems(items)
        finally:
            self._adding = False
        for item in items:
            self._summarize(item)
        return items

    def _findings(self, index: int) -> list[Finding]:
        """The session's findings: against its previous session and the athlete's first (which
        may not be among the sessions held)."""
        assert self._catalog is not None
        around = self._sessions[index : index + 2]
        first = self._first
        if first is not None and all(s.id != first.id for s in around):
            around.append(first)
        return list(
            findings_for(self._catalog, around, 0, self._involved, athlete=self._athlete).findings
        )

    def _summarize(self, item: QTreeWidgetItem) -> None:
        """Flag counts on the session row, so a collapsed history still tells the story.

        Only the session's own flags count here (the ones :func:`findings_for` lists), not the
        changes since the previous and the first session, which are shown when it is expanded:
        500 sessions summarize in a few milliseconds instead of ~200.
        """
        catalog = self._catalog
        assert catalog is not None
        session = self._sessions[item.data(1, SESSION_ROLE)]
        involved = self._involved
        flags = [
            flag_of(catalog[m.key], m.left, m.right, involved)
            for m in session.measurements
            if m.key in catalog
        ]
        asym = flags.count(Flag.ASYMMETRIC)
        watch = flags.count(Flag.WATCH)
        painful = sum(
            is_pain_limited(m.pain_left, m.pain_right)
            for m in session.measurements
            if m.key in catalog
        )
        parts = []
        if painful:
            parts.append(self.tr("{0} pain-limited").format(painful))
        if asym:
            parts.append(self.tr("{0} asymmetric").format(asym))
        if watch:
            parts.append(self.tr("{0} watch").format(watch))
        summary = ", ".join(parts) or self.tr("all ok")
        short = " · ".join(
            [f"{PAINFUL_SYMBOL} {painful}"] * bool(painful)
            + [
                f"{FLAG_SYMBOL[flag]} {count}"
                for flag, count in ((Flag.ASYMMETRIC, asym), (Flag.WATCH, watch))
                if count
            ]
        )
        item.setText(5, short or flag_text(Flag.OK))
        item.setToolTip(
            5,
            self.tr("{0} (of {1})").format(
                summary, self.tr("%n measurement(s)", "", len(flags))
            ),
        )
        worst = Flag.ASYMMETRIC if asym else Flag.WATCH if watch else Flag.OK
        item.setForeground(5, QBrush(flag_color(worst)))

    def _fill(self, item: QTreeWidgetItem) -> None:
        if item.childCount() or item.parent() is not None:
            return
        unit = self._length_unit
        assert self._catalog is not None
        lang = language(self._catalog.language)  # the window's: the catalog is read in it
        for finding in self._findings(item.data(1, SESSION_ROLE)):
            c = finding.comparison
            d = c.definition
            child = QTreeWidgetItem()
            child.setText(0, f"{d.label} ({unit_name(display_unit(d.unit, unit), lang.code)})")
            child.setToolTip(0, d.name)
            if d.is_passfail:
                child.setText(1, value_text(d, c.left, unit))  # "pass" in the UI's language
                child.setText(2, value_text(d, c.right, unit))
                child.setText(3, "—")
                child.setText(4, "—")
            else:
                child.setText(1, value_text(d, c.left, unit))
                child.setText(2, value_text(d, c.right, unit))
                child.setText(3, delta_text(d, c.diff, unit))
                metric = c.metric
                child.setText(
                    4,
                    "—"
                    if metric is None
                    else percent_text(metric, lsi=d.rule is Rule.LSI),
                )
            child.setText(5, status_text(c))
            child.setToolTip(5, status_tip(c, lang) or child.text(5))  # whole when elided
            child.setForeground(5, QBrush(flag_color(c.flag)))
            change = finding.asymmetry_change
            if change is not None and change.verdict is not None:
                child.setText(8, change.short(unit, lang))
                child.setToolTip(8, change.text(unit, lang))
            else:
                child.setText(8, "—")
            child.setText(
                6, self._change_text(finding.left_since_previous, finding.right_since_previous, d)
            )
            child.setText(
                7, self._change_text(finding.left_since_first, finding.right_since_first, d)
            )
            for column in range(1, 5):
                child.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            for column, changes in (
                (6, (finding.left_since_previous, finding.right_since_previous)),
                (7, (finding.left_since_first, finding.right_since_first)),
            ):
                tip = child.text(column)  # whole, for a narrow window that elides it
                if any(change.real for change in changes):
                    tip += "\n" + self._beyond_error_tip()
                child.setToolTip(column, tip)
            marks = self._photos.get((item.data(0, SESSION_ROLE), d.key))
            if marks:
                child.setIcon(0, camera_icon())
                child.setData(0, PHOTOS_ROLE, marks)
                child.setToolTip(
                    0,
                    self.tr("{0}\nMeasured on a photo: {1}. Enter or double-click to open.").format(
                        d.name, ", ".join(mark_text(m, with_date=False) for m in marks)
                    ),
                )
            item.addChild(child)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents when the view has the room; otherwise the
        numbers (left, right, difference, asymmetry) keep theirs and the text columns (names,
        flag, changes) give up width in the order of :data:`MIN_CHARS`, never below it, after
        the headings wider than their column's contents have taken two lines."""
        header = self.header()
        metrics = header.fontMetrics()
        average = self.fontMetrics().averageCharWidth()
        content = [self.sizeHintForColumn(c) for c in range(self.columnCount())]
        one_line = [_heading_width(metrics, h) for h in self._headings]
        two_lines = [_heading_width(metrics, _two_lines(h)) for h in self._headings]
        ideal = [max(content[c], one_line[c]) for c in range(len(content))]
        if sum(ideal) > self.viewport().width():  # no room for every heading on one line
            ideal = [max(content[c], two_lines[c]) for c in range(len(content))]
        floor = {c: max(two_lines[c], chars * average) for c, chars in MIN_CHARS.items()}
        title = QFont(self.font())
        title.setBold(True)  # a session's date, in bold, stays whole
        floor[0] = max(floor[0], QFontMetrics(title).horizontalAdvance("0000-00-00 —")
                       + 2 * self.indentation())  # fmt: skip
        widths = list(ideal)
        excess = sum(ideal) - self.viewport().width()
        for column in MIN_CHARS:  # in order: who gives up width first
            if excess <= 0:
                break
            give = min(excess, max(0, ideal[column] - floor[column]))
            widths[column] -= give
            excess -= give
        for column, width in enumerate(widths):
            heading = self._headings[column]
            shown = heading if one_line[column] <= width else _two_lines(heading)
            if self.headerItem().text(column) != shown:
                self.headerItem().setText(column, shown)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _beyond_error_tip(self) -> str:
        return self.tr("{0} beyond measurement error (the minimal detectable change)").format(
            BEYOND_ERROR_MARK
        )

    def _change_text(self, left: Change, right: Change, definition: MeasurementDef) -> str:
        parts = []
        for side, change in ((self.tr("L"), left), (self.tr("R"), right)):
            if change.delta is None:
                continue
            if definition.is_passfail:  # a pass/fail result changes state, not amount
                if change.delta:
                    parts.append(
                        f"{side} {self.tr('now pass') if change.delta > 0 else self.tr('now fail')}"
                    )
                continue
            text = f"{side} {delta_text(definition, change.delta, self._length_unit)}"
            if change.real:  # a mark, said in words in the header's and the cell's tooltip:
                text += BEYOND_ERROR_MARK  # the words made "Since first" too wide for 1024 px
            parts.append(text)
        return " · ".join(parts) if parts else "—"

    def select(self, session_id: int) -> bool:
        """Make ``session_id`` the current session; False when it is not held."""
        index = next((i for i, s in enumerate(self._sessions) if s.id == session_id), None)
        if index is not None and index >= self._rows:
            self._add_rows(index + 1)  # held, but scrolled past: its row now
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is not None and item.data(0, SESSION_ROLE) == session_id:
                self.setCurrentItem(item)
                return True
        return False

    def selected_session_id(self) -> int | None:
        item = self.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else item.data(0, SESSION_ROLE)

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.parent() is None:
            self.edit_requested.emit(item.data(0, SESSION_ROLE))
        elif item.data(0, PHOTOS_ROLE):
            marks: list[PhotoMark] = item.data(0, PHOTOS_ROLE)
            # a left and a right photo side by side when there are both
            by_side = {m.side: m for m in reversed(marks)}
            pair = list(by_side.values())[::-1]
            self.photos_requested.emit(pair if len(pair) > 1 else marks[:1])


# Words HistoryTree translates inside f-strings, where pyside6-lupdate cannot see them.
_WORDS = (
    QT_TRANSLATE_NOOP("HistoryTree", "now pass"),
    QT_TRANSLATE_NOOP("HistoryTree", "now fail"),
)


HEADING_MARGIN = 14  # a heading's margins and divider, px


def _heading_width(metrics: QFontMetrics, heading: str) -> int:
    return max(metrics.horizontalAdvance(line) for line in heading.split("\n")) + HEADING_MARGIN


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle (a heading over a narrow column)."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(2 * i - len(text)))
    return text[:middle] + "\n" + text[middle + 1 :]
