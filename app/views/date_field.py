"""A date field that types like text: ISO or the locale's short form, Tab leaves it.

``QDateEdit`` edits section by section: typing ``1991-04-12`` into an empty (special-value)
field gave " 9910412", Tab moved between its sections instead of to the next field, Shift+Tab
landed on the day section, and its calendar opened in January 1900 (the "no date" minimum).
:class:`DateField` is a line edit with a calendar button: the text is read when the field is
left (ISO ``2026-11-20`` or the UI locale's short form, e.g. ``20/11/2026`` or ``11/20/26``),
shown back in ISO, and a text that is not a date says so in one line. Tab or Shift+Tab into it
selects the whole text, so typing replaces the date. The calendar opens on the date shown, or
on today. The rules on which dates are acceptable stay in :mod:`app.domain.dates`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.domain.dates import parse_iso_date
from app.views.translation import translate, user_text


def parse_typed_date(text: str, locale: QLocale | None = None) -> dt.date:
    """A date as people type it: ISO, or the locale's short form (two-digit years fall in the
    hundred years up to this one). ``ValueError`` with a message fit to show."""
    cleaned = text.strip()
    try:
        return parse_iso_date(cleaned)
    except ValueError as iso_problem:
        locale = locale or QLocale()
        short = locale.dateFormat(QLocale.FormatType.ShortFormat)
        long_year = short if "yyyy" in short else short.replace("yy", "yyyy")
        base = dt.date.today().year - 99
        for fmt in (long_year, short):
            day = locale.toDate(cleaned, fmt, base)
            if day.isValid():
                return dt.date(day.year(), day.month(), day.day())
        example = locale.toString(QDate(2026, 11, 20), long_year)
        raise ValueError(
            translate("DateField", "{0!r} is not a date like 2026-11-20 or {1}").format(
                cleaned, example
            )
            if cleaned
            else translate("DateField", "the date is empty")
        ) from iso_problem


class DateField(QWidget):
    """One date (``optional``: may stay empty, meaning unknown).

    ``edited`` is emitted when the user changed the date (the field left, Enter, a calendar
    pick), never by :meth:`set_value`. :meth:`problem` says why the text is not a date.
    """

    edited = Signal()

    def __init__(self, accessible: str, *, optional: bool = False) -> None:
        super().__init__()
        self.optional = optional
        self._value: dt.date | None = None if optional else dt.date.today()
        self._problem: str | None = None
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible)
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.setMaxLength(40)
        # room for a whole date: the field must never show "9-23" of 2026-09-23
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2026-11-20__") + 8)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setAccessibleName(self.tr("Choose {0} on a calendar").format(accessible))
        self.button.setToolTip(self.tr("Choose on a calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self._read_text)
        self.button.clicked.connect(self.open_calendar)
        self.edit.installEventFilter(self)
        self._show()

    # -- value ------------------------------------------------------------------------
    def value(self) -> dt.date | None:
        """The date shown (None: empty, or a text that is not a date: see :meth:`problem`)."""
        self._read_text(quiet=True)
        return self._value

    def problem(self) -> str | None:
        self._read_text(quiet=True)
        return self._problem

    def set_value(self, value: dt.date | None) -> None:
        self._value = value if value is not None or self.optional else dt.date.today()
        self._problem = None
        self._show()

    def _show(self) -> None:
        self.edit.setText(self._value.isoformat() if self._value else "")

    def _read_text(self, quiet: bool = False) -> None:
        text = self.edit.text().strip()
        before = (self._value, self._problem)
        if not text and self.optional:
            self._value, self._problem = None, None
        else:
            try:
                self._value, self._problem = parse_typed_date(text), None
            except ValueError as exc:
                self._value, self._problem = None, user_text(exc)
        if self._problem is None and not quiet:
            self._show()  # what was understood, in ISO
        if not quiet and (self._value, self._problem) != before:
            self.edited.emit()
        elif not quiet and self._problem is not None:
            self.edited.emit()  # the form says again what is wrong

    # -- calendar ---------------------------------------------------------------------
    def open_calendar(self) -> None:
        """A calendar on the date shown, or today; picking a day sets it."""
        self._read_text(quiet=True)
        shown = self._value or dt.date.today()
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setGridVisible(False)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            menu.close()
            self.edit.setText(dt.date(day.year(), day.month(), day.day()).isoformat())
            self._read_text()
            self.edit.setFocus()

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        self.calendar = calendar  # tests and screenshots look at it
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        calendar.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)
