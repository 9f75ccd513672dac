""" "Measure on photo…" for the value fields of the session editor (issue 19).

Kept apart from the editor so the editor only calls :func:`attach` for each row: every value
field of a measurement in degrees gets

* a camera button at its right end (and Ctrl+Shift+M while it has focus): measure on a photo
  chosen from a file, or open the photo already kept for that side and trial to adjust it;
* the same entries in its context menu, plus "Remove photo";
* drops of an image file (from a file manager): the photo opens for that side and trial. A
  drop on the measurement's name goes to its first empty field.

The angle goes into the field as typed text, so the editor's own validation and live flags
judge it; the photo, its points and angle are kept in ``row.photos`` by (side, trial) and saved
with the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QThreadPool
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from app.domain.goniometer import kind_for
from app.domain.records import SideName
from app.views.photo_dialog import PhotoDialog, camera_icon, open_photo_file
from app.views.translation import localized_number

if TYPE_CHECKING:
    from app.views.session_editor import MeasurementRow

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".jpe")
SHORTCUT = "Ctrl+Shift+M"


def takes_photos(row: MeasurementRow) -> bool:
    """Angles only: a measurement in degrees that is not pass/fail."""
    return row.definition.unit == "deg" and not row.definition.is_passfail


def _local_image(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMAGE_SUFFIXES else None


class PhotoFields(QObject):
    """The photo actions of one measurement row (see the module's docstring)."""

    def __init__(self, row: MeasurementRow, marker_colour: str) -> None:
        super().__init__(row)
        self.row = row
        self.marker_colour = marker_colour
        self.dialog: PhotoDialog | None = None  # the one open, for tests and screenshots
        self.buttons: dict[tuple[SideName, int], QAction] = {}
        self.fields: dict[QWidget, tuple[SideName, int]] = {}
        for side, widgets in (("left", row.left), ("right", row.right)):
            for n, widget in enumerate(widgets, start=1):
                if isinstance(widget, QLineEdit):
                    self._equip(widget, side, n)  # type: ignore[arg-type]  # "left"/"right"
        row.name_label.setAcceptDrops(True)
        row.name_label.installEventFilter(self)

    def _equip(self, edit: QLineEdit, side: SideName, trial: int) -> None:
        self.fields[edit] = (side, trial)
        button = edit.addAction(camera_icon(), QLineEdit.ActionPosition.TrailingPosition)
        button.setToolTip(self.tr("Measure on photo… ({0})").format(SHORTCUT))
        button.triggered.connect(lambda: self.measure(side, trial))
        self.buttons[(side, trial)] = button
        shortcut = QAction(edit)
        shortcut.setShortcut(QKeySequence(SHORTCUT))
        shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.triggered.connect(lambda: self.measure(side, trial))
        edit.addAction(shortcut)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(lambda pos: self._menu(edit, side, trial, pos))
        edit.setAcceptDrops(True)
        edit.installEventFilter(self)

    # -- what the user does ------------------------------------------------------------------

    def _menu(self, edit: QLineEdit, side: SideName, trial: int, pos: QPoint) -> None:
        menu = edit.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.tr("Measure on photo…"), lambda: self.choose_and_measure(side, trial))
        if (side, trial) in self.row.photos:
            menu.addAction(
                self.tr("Adjust the points on the photo…"), lambda: self.measure(side, trial)
            )
            menu.addAction(self.tr("Remove photo"), lambda: self.remove(side, trial))
        menu.exec(edit.mapToGlobal(pos))

    def measure(self, side: SideName, trial: int) -> None:
        """The kept photo of this field to adjust, else a photo chosen from a file."""
        stored = self.row.photos.get((side, trial))
        if stored is None:
            self.choose_and_measure(side, trial)
            return
        dialog = PhotoDialog(
            None, kind_for(self.row.definition.key), stored=stored, side=side, trial=trial,
            title=self._title(side, trial), marker_colour=self.marker_colour,
            parent=self.row.name_label.window(),
        )  # fmt: skip
        self._run(dialog, side, trial)

    def choose_and_measure(self, side: SideName, trial: int) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.row.name_label.window(),
            self.tr("Photo for {0}").format(self._title(side, trial)),
            "",
            self.tr("Photos (*.jpg *.jpeg *.png)"),
        )
        if path:
            self.measure_file(Path(path), side, trial)

    def measure_file(self, path: Path, side: SideName, trial: int) -> None:
        dialog = open_photo_file(
            path,
            kind_for(self.row.definition.key),
            parent=self.row.name_label.window(),
            title=self._title(side, trial),
            marker_colour=self.marker_colour,
            side=side,
            trial=trial,
        )
        if dialog is not None:
            self._run(dialog, side, trial)

    def _run(self, dialog: PhotoDialog, side: SideName, trial: int) -> None:
        """Window-modal, without a nested event loop: the result arrives in ``finished``."""
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda code: self._finished(dialog, code, side, trial))
        dialog.open()

    def _finished(self, dialog: PhotoDialog, code: int, side: SideName, trial: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if code != PhotoDialog.DialogCode.Accepted or dialog.angle is None:
            return
        photo = dialog.result_photo()
        self.row.photos[(side, trial)] = photo
        edit = self._edit(side, trial)
        edit.setText(localized_number(f"{photo.angle:.1f}"))  # the editor checks it as typed
        self.refresh()
        self.row.changed.emit()  # a new photo is an edit even when the angle reads the same
        edit.setFocus()

    def remove(self, side: SideName, trial: int) -> None:
        self.row.photos.pop((side, trial), None)
        self.refresh()
        self.row.changed.emit()

    # -- drops ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDropEvent
        ):
            if _local_image(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _local_image(event)
            if path is not None:
                event.acceptProposedAction()
                side, trial = self.fields.get(watched, self._first_empty())  # type: ignore[call-overload]  # watched is a widget
                self.measure_file(path, side, trial)
                return True
        return super().eventFilter(watched, event)

    def _first_empty(self) -> tuple[SideName, int]:
        for edit, where in self.fields.items():
            if isinstance(edit, QLineEdit) and not edit.text().strip():
                return where
        return ("left", 1)

    # -- marks ---------------------------------------------------------------------------------

    def _edit(self, side: SideName, trial: int) -> QLineEdit:
        widgets: Sequence[QWidget] = self.row.left if side == "left" else self.row.right
        edit = widgets[trial - 1]
        assert isinstance(edit, QLineEdit)
        return edit

    def _title(self, side: SideName, trial: int) -> str:
        return self.tr("{0}, {1}, trial {2}").format(self.row.definition.label, side, trial)

    def refresh(self) -> None:
        """The camera of a field with a kept photo says so (tooltip and accessible text)."""
        for (side, trial), button in self.buttons.items():
            kept = self.row.photos.get((side, trial))
            button.setToolTip(
                self.tr("Measured on a photo: {0}. Open it to adjust ({1}).").format(
                    localized_number(f"{kept.angle:.1f}°"), SHORTCUT
                )
                if kept
                else self.tr("Measure on photo… ({0})").format(SHORTCUT)
            )
            button.setIcon(camera_icon(kept=kept is not None))
            button.setText(self.tr("photo kept") if kept else "")


_warmed = False


def warm_up() -> None:
    """Import what opening a photo needs (Pillow, the picture check with its XML and CSS
    parsers: 70–200 ms) on a worker thread, once, when a form that can take photos opens:
    start-up does not pay for it, and the first photo opens as fast as the next ones."""
    global _warmed
    if _warmed:
        return
    _warmed = True

    def work() -> None:
        import importlib

        for name in ("app.services.photos", "PIL.Image", "PIL.JpegImagePlugin", "PIL.ImageOps"):
            importlib.import_module(name)

    QThreadPool.globalInstance().start(work)


def attach(row: MeasurementRow, marker_colour: str) -> PhotoFields | None:
    """Give ``row`` its photo actions when it measures an angle; ``None`` otherwise."""
    if not takes_photos(row):
        return None
    warm_up()
    fields = PhotoFields(row, marker_colour)
    fields.refresh()
    return fields
