"""Kept photos seen later (issue 19): the camera mark of the history and the trend detail, and
opening one photo, or two side by side (dates or sides of the same test).

A page lists :class:`~app.services.photos.PhotoMark` rows (no picture bytes); the pictures are
read only when a person opens them, through the same call a save uses (inline on a file, with
a short wait on a server).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.domain.goniometer import kind_for
from app.domain.records import PhotoMeasurement
from app.errors import UserFacingError
from app.services.context import Database
from app.services.photos import PhotoMark, load_photo, photo_marks
from app.views.operations import run_operation
from app.views.photo_dialog import PhotoDialog, SideBySide, camera_icon
from app.views.state import AppState, Loader
from app.views.translation import localized_number, translate, user_text

SIDE_LETTER = {"left": "L", "right": "R"}


def mark_text(mark: PhotoMark, with_date: bool = True) -> str:
    """``2026-11-20 L1 12.3°``: date, side and trial, angle."""
    where = f"{SIDE_LETTER.get(mark.side, mark.side)}{mark.trial}"
    text = f"{where} {localized_number(f'{mark.angle:.1f}')}°"
    return f"{mark.date.isoformat()} {text}" if with_date else text


def open_photos(parent: QWidget, db: Database, marks: Sequence[PhotoMark]) -> QWidget | None:
    """One photo in a read-only viewer, or the first two side by side; returns the window
    shown (tests look at it), or ``None`` when they could not be read (said in one line)."""
    chosen = list(marks)[:2]
    if not chosen:
        return None

    def work() -> list[PhotoMeasurement]:
        return [load_photo(db, m.photo_id) for m in chosen]

    def shown(photos: list[PhotoMeasurement]) -> QWidget:
        window: QWidget
        if len(photos) == 1:
            mark = chosen[0]
            window = PhotoDialog(
                None, kind_for(mark.key), stored=photos[0], side=photos[0].side,
                trial=photos[0].trial, read_only=True, parent=parent,
                title=translate("PhotoMarks", "Photo — {0}").format(mark_text(mark)),
            )  # fmt: skip
        else:
            window = SideBySide(
                [(mark_text(m), p) for m, p in zip(chosen, photos, strict=True)], parent
            )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def refused(exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            raise exc  # our bug: the crash dialog
        QMessageBox.warning(parent, translate("PhotoMarks", "Photo not shown"), user_text(exc))

    if db.is_sqlite:  # milliseconds: at once
        try:
            return shown(work())
        except UserFacingError as exc:
            refused(exc)
            return None
    title = translate("PhotoMarks", "Opening the photo…")
    run_operation(parent, title, lambda _progress: work(), shown, refused)
    return None


class PhotoStrip(QWidget):
    """The photos of one measurement over time, under its trend chart: a camera button per
    photo (checkable; at most two stay checked), and Open / Side by side."""

    opened = Signal(object)  # the window shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.marks: list[PhotoMark] = []
        self.buttons: list[QToolButton] = []
        self._checked: list[int] = []  # indices, oldest first
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Photos:"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the chosen photo, or the two side by side"))
        self.open_button.clicked.connect(self.open_checked)
        self.setAccessibleName(self.tr("Photos of this measurement"))
        self.hide()

    def show_marks(self, db: Database, marks: Sequence[PhotoMark]) -> None:
        self.db = db
        self.marks = list(marks)
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.title, self.open_button):
                widget.deleteLater()
        self.buttons = []
        self._checked = []
        self.row.addWidget(self.title)
        for index, mark in enumerate(self.marks):
            button = QToolButton()
            button.setIcon(camera_icon())
            button.setText(mark_text(mark))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Photo {0}").format(mark_text(mark)))
            button.toggled.connect(lambda on, i=index: self._toggled(i, on))
            self.row.addWidget(button)
            self.buttons.append(button)
        self.row.addWidget(self.open_button)
        self.row.addStretch(1)
        if self.buttons:
            self.buttons[-1].setChecked(True)
        self.setVisible(bool(self.marks))

    def _toggled(self, index: int, on: bool) -> None:
        if on:
            self._checked.append(index)
            while len(self._checked) > 2:
                self.buttons[self._checked.pop(0)].setChecked(False)
        elif index in self._checked:
            self._checked.remove(index)
        self.open_button.setText(
            self.tr("Side by side") if len(self._checked) == 2 else self.tr("Open")
        )
        self.open_button.setEnabled(bool(self._checked))

    def open_checked(self) -> None:
        if self.db is None or not self._checked:
            return
        chosen = [self.marks[i] for i in sorted(self._checked)]
        window = open_photos(self, self.db, chosen)
        if window is not None:
            self.opened.emit(window)


def photo_pairs(marks: Sequence[PhotoMark], names: dict[str, str]) -> list[tuple[str, list[int]]]:
    """What may be printed, newest first: both sides of one session, the first and latest
    photo of one side, or a single photo; each as (label, photo ids)."""
    choices: list[tuple[str, list[int]]] = []
    by_session: dict[tuple[int, str], dict[str, PhotoMark]] = {}
    by_side: dict[tuple[str, str], list[PhotoMark]] = {}
    for mark in marks:
        by_session.setdefault((mark.session_id, mark.key), {}).setdefault(mark.side, mark)
        by_side.setdefault((mark.key, mark.side), []).append(mark)
    for (_, key), sides in by_session.items():
        if len(sides) == 2:
            left, right = sides["left"], sides["right"]
            both = translate("PhotoMarks", "{0}, {1}: left and right")
            label = both.format(names.get(key, key), left.date.isoformat())
            choices.append((label, [left.photo_id, right.photo_id]))
    for (key, side), row in by_side.items():
        if len({m.date for m in row}) > 1:
            first, latest = row[0], row[-1]
            side_word = translate("PhotoMarks", "left") if side == "left" else translate(
                "PhotoMarks", "right"
            )
            label = translate("PhotoMarks", "{0}, {1}: {2} and {3}").format(
                names.get(key, key), side_word, first.date.isoformat(), latest.date.isoformat()
            )
            choices.append((label, [first.photo_id, latest.photo_id]))
    for mark in marks:
        choices.append((f"{names.get(mark.key, mark.key)}, {mark_text(mark)}", [mark.photo_id]))
    return sorted(choices, key=lambda c: max(m.date for m in marks if m.photo_id in c[1]),
                  reverse=True)  # fmt: skip


class PhotoPairChoice(QWidget):
    """ "Photos on the handout": none unless the clinician picks a pair (health data)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loader = Loader(state, self)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Photos on the handout"))
        self.combo.setToolTip(
            self.tr("A patient's photos are printed only when you choose them here.")
        )
        label = QLabel(self.tr("P&hotos on the handout:"))
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        self.athlete_id: int | None = None
        self.hide()
        for signal in (state.sessions_changed, state.database_replaced):
            signal.connect(self.refresh)

    def set_athlete(self, athlete_id: int | None) -> None:
        self.athlete_id = athlete_id
        self.refresh()

    def refresh(self) -> None:
        athlete_id = self.athlete_id
        if athlete_id is None:
            self._show([])
            return
        self.loader.load(lambda db: photo_marks(db, athlete_id), self._show, lambda _e: None)

    def _show(self, marks: list[PhotoMark]) -> None:
        names = {d.key: d.label for d in self.state.context.catalog}
        self.combo.clear()
        self.combo.addItem(self.tr("None (no photo is printed)"), [])
        for label, ids in photo_pairs(marks, names):
            self.combo.addItem(label, ids)
        self.combo.setCurrentIndex(0)
        self.setVisible(bool(marks))

    def chosen_ids(self) -> list[int]:
        ids = self.combo.currentData()
        return list(ids) if ids else []
