"""The photo goniometer's dialog: measure an angle on a photo (DOMAIN.md §8, issue 19).

The photo is shown at most 2048 px a side (the size it is stored at), with the points the
measurement needs: a segment against the vertical (two points) or three points (the angle at
the middle one). Markers of the clinic's colour are looked for once the dialog is painted and,
when two or three are found, proposed as the points; otherwise the points start at a default
place and a line says to place them by hand. Every point can be dragged, and the angle follows
live. An optional plumb line (two more points) replaces the photo's vertical for a tilted
camera.

Keyboard: Tab / Shift+Tab select the next / previous point, the arrow keys move it by one
pixel (with Shift by ten), + and − zoom, 0 fits the photo, P shows or hides the plumb line,
Enter accepts, Escape cancels. The mouse: drag a point, drag the photo to pan, the wheel zooms.

The geometry is the domain's (:mod:`app.domain.goniometer`), the decoding and the stored copy
the services' (:mod:`app.services.photos`); this module only shows and forwards.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QImage,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.goniometer import (
    GeometryProblem,
    Kind,
    Point,
    angle_of,
    points_needed,
    shown,
)
from app.domain.records import PhotoMeasurement, SideName
from app.domain.text import counted
from app.errors import UserFacingError
from app.views.style import LEFT_COLOR, RIGHT_COLOR
from app.views.translation import user_text

if TYPE_CHECKING:
    from PIL import Image

POINT_COLOUR = "#FFD400"  # yellow with a dark rim: visible on skin, clothes and green markers
PLUMB_COLOUR = "#00B7FF"
HANDLE = 9.0  # radius of a point on screen, whatever the zoom
NUDGE = 1.0
NUDGE_FAST = 10.0


def camera_icon(size: int = 16, *, kept: bool = True) -> QIcon:
    """A small camera drawn with QPainter (no resource file): the mark of a measurement taken
    on a photo, in the session editor, history and trends. ``kept=False``: an outline only
    (the button that takes a photo, where none is kept yet)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#555555"), 1.2))
    painter.setBrush(QColor("#2e9d5b") if kept else Qt.BrushStyle.NoBrush)
    s = size
    painter.drawRoundedRect(QRectF(1, s * 0.3, s - 2, s * 0.6), 2, 2)
    painter.drawRect(QRectF(s * 0.3, s * 0.15, s * 0.3, s * 0.15))
    painter.setBrush(QColor("#ffffff") if kept else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(s / 2, s * 0.6), s * 0.18, s * 0.18)
    painter.end()
    return QIcon(pixmap)


def _qimage_from_rgb(image: Image.Image) -> tuple[QImage, bytes]:
    """The picture as a QImage over Pillow's bytes, and the bytes, which the caller keeps
    alive as long as the QImage (no copy: a 12-megapixel photo is shown at 2000×1500)."""
    width, height = image.size
    data = image.tobytes()
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888), data


class _Handle(QGraphicsEllipseItem):
    """A draggable point; it reports every move so the angle follows live."""

    def __init__(self, index: int, colour: str, moved: Callable[[], None]) -> None:
        super().__init__(-HANDLE, -HANDLE, 2 * HANDLE, 2 * HANDLE)
        self.index = index
        self._moved = moved
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(QColor("#000000"), 2))
        self.setZValue(10)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.label = QGraphicsSimpleTextItem(str(index + 1), self)
        self.label.setBrush(QBrush(QColor("#000000")))
        font = QFont()
        font.setBold(True)
        font.setPointSize(8)
        self.label.setFont(font)
        bounds = self.label.boundingRect()
        self.label.setPos(-bounds.width() / 2, -bounds.height() / 2)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._moved()
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setPen(QPen(QColor("#FFFFFF" if value else "#000000"), 3 if value else 2))
        return super().itemChange(change, value)


class PhotoView(QGraphicsView):
    """The photo with its points: zoom (wheel, + −, 0), pan (drag), keyboard nudging."""

    painted = Signal()
    key = Signal(QKeyEvent)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Photo with the points of the angle"))
        self.viewport().installEventFilter(self)
        self.fitted = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.painted.emit)
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.fitted = True

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if not 0.02 <= current * factor <= 40:
            return
        self.scale(factor, factor)
        self.fitted = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab selects the next point instead of leaving the photo

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


class _Relay(QObject):
    """Carries the marker search's result from the worker thread to the dialog (queued)."""

    found = Signal(list, float)


class PhotoDialog(QDialog):
    """Place the points of an angle on a photo; :meth:`result_photo` is what to store."""

    def __init__(
        self,
        image: Image.Image | None,
        kind: Kind,
        *,
        title: str = "",
        marker_colour: str = "00C853",
        stored: PhotoMeasurement | None = None,
        side: SideName = "left",
        trial: int = 1,
        valid: Callable[[float], str | None] | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.opened = time.perf_counter()
        self.first_paint: float | None = None  # seconds from construction to first paint
        self.detect_seconds: float | None = None
        self._relay = _Relay(self)
        self._relay.found.connect(self.propose)
        self.kind = kind
        self.side = side
        self.trial = trial
        self.marker_colour = marker_colour
        self.image = image
        self.stored = stored
        self.valid = valid
        self.read_only = read_only
        self.setWindowTitle(title or self.tr("Measure on photo"))
        if image is not None:
            qimage, self._pixels = _qimage_from_rgb(image)
        else:
            assert stored is not None  # a stored photo is shown from its bytes
            qimage = QImage.fromData(stored.image)
        self.width_px, self.height_px = qimage.width(), qimage.height()
        self.scene = QGraphicsScene(self)
        self.pixmap = QGraphicsPixmapItem(QPixmap.fromImage(qimage))
        self.pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap)
        self.scene.setSceneRect(QRectF(0, 0, self.width_px, self.height_px))
        self.view = PhotoView(self.scene, self)
        self.view.key.connect(self._key)
        self.view.painted.connect(self._painted)
        self.lines: list[QGraphicsLineItem] = []
        self.handles: list[_Handle] = []
        self.plumb_handles: list[_Handle] = []
        self.plumb_line: QGraphicsLineItem | None = None
        self.angle: float | None = None

        self.angle_label = QLabel()
        font = self.angle_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.angle_label.setFont(font)
        self.angle_label.setAccessibleName(self.tr("Angle"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.plumb = QCheckBox(self.tr("&Plumb line (camera not level)"))
        self.plumb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plumb.setVisible(kind == "vertical")
        self.plumb.toggled.connect(self.set_plumb)
        help_text = QLabel(
            self.tr(
                "Drag the points, or Tab to a point and move it with the arrow keys "
                "(Shift: 10 px). Wheel or + / − to zoom, 0 to fit, drag the photo to pan."
            )
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: gray;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the photo
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Use this angle"))

        top = QHBoxLayout()
        top.addWidget(self.angle_label)
        top.addStretch(1)
        top.addWidget(self.plumb)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        if not read_only:
            layout.addWidget(help_text)
        layout.addWidget(self.buttons)

        if stored is not None:
            self._place(stored.points)
            if stored.plumb is not None:
                self.set_plumb(True, stored.plumb)
        else:
            self._place(self._default_points())
            self._detect_after_paint = True
        if read_only:
            for handle in self.handles + self.plumb_handles:
                handle.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self.resize(980, 720)
        self.view.setFocus()
        self.select(0)

    # -- points -------------------------------------------------------------------------------
    _detect_after_paint = False
    _building = False  # points being added one by one: no angle until all are there

    def _default_points(self) -> list[Point]:
        w, h = self.width_px, self.height_px
        if self.kind == "vertical":
            return [(w * 0.5, h * 0.25), (w * 0.5, h * 0.75)]
        return [(w * 0.5, h * 0.2), (w * 0.5, h * 0.5), (w * 0.7, h * 0.8)]

    def _place(self, points: Sequence[Point]) -> None:
        for item in (*self.handles, *self.lines):
            self.scene.removeItem(item)
        self.handles = []
        self.lines = []
        colour = LEFT_COLOR if self.side == "left" else RIGHT_COLOR
        pen = QPen(QColor(POINT_COLOUR), 3)
        pen.setCosmetic(True)
        self._building = True
        for _ in range(len(points) - 1):
            line = QGraphicsLineItem()
            line.setPen(pen)
            line.setZValue(5)
            self.scene.addItem(line)
            self.lines.append(line)
        for index, (x, y) in enumerate(points):
            handle = _Handle(index, POINT_COLOUR, self._update)
            handle.setPen(QPen(QColor(colour), 2))
            self.scene.addItem(handle)
            handle.setPos(x + 0.5, y + 0.5)  # pixel (x, y) has its centre at x + ½
            self.handles.append(handle)
        self._building = False
        self._update()

    def points(self) -> list[Point]:
        return [(h.pos().x() - 0.5, h.pos().y() - 0.5) for h in self.handles]

    def plumb_points(self) -> list[Point] | None:
        if len(self.plumb_handles) != 2:
            return None
        return [(h.pos().x() - 0.5, h.pos().y() - 0.5) for h in self.plumb_handles]

    def set_plumb(self, on: bool, points: Sequence[Point] | None = None) -> None:
        """Show (or remove) the plumb line: two points along something truly vertical."""
        if self.plumb.isChecked() != on:
            self.plumb.blockSignals(True)
            self.plumb.setChecked(on)
            self.plumb.blockSignals(False)
        for item in self.plumb_handles:
            self.scene.removeItem(item)
        if self.plumb_line is not None:
            self.scene.removeItem(self.plumb_line)
            self.plumb_line = None
        self.plumb_handles = []
        if on:
            w, h = self.width_px, self.height_px
            start = points or [(w * 0.12, h * 0.1), (w * 0.12, h * 0.9)]
            pen = QPen(QColor(PLUMB_COLOUR), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self.plumb_line = QGraphicsLineItem()
            self.plumb_line.setPen(pen)
            self.plumb_line.setZValue(4)
            self.scene.addItem(self.plumb_line)
            self._building = True
            for n, (x, y) in enumerate(start):
                handle = _Handle(len(self.handles) + n, PLUMB_COLOUR, self._update)
                handle.label.setText("↕")
                self.scene.addItem(handle)
                handle.setPos(x + 0.5, y + 0.5)
                self.plumb_handles.append(handle)
            self._building = False
        self._update()

    def all_handles(self) -> list[_Handle]:
        return self.handles + self.plumb_handles

    def selected_index(self) -> int:
        for n, handle in enumerate(self.all_handles()):
            if handle.isSelected():
                return n
        return -1

    def select(self, index: int) -> None:
        handles = self.all_handles()
        if not handles:
            return
        index %= len(handles)
        self.scene.clearSelection()
        handles[index].setSelected(True)
        self.view.ensureVisible(handles[index], 40, 40)

    def nudge(self, dx: float, dy: float) -> None:
        index = self.selected_index()
        if index < 0 or self.read_only:
            return
        handle = self.all_handles()[index]
        x = min(max(handle.pos().x() + dx, 0.5), self.width_px - 0.5)
        y = min(max(handle.pos().y() + dy, 0.5), self.height_px - 0.5)
        handle.setPos(x, y)

    def _update(self) -> None:
        if self._building:
            return
        pts = [h.pos() for h in self.handles]
        for line, (a, b) in zip(self.lines, pairwise(pts), strict=False):
            line.setLine(a.x(), a.y(), b.x(), b.y())
        if self.plumb_line is not None and len(self.plumb_handles) == 2:
            a, b = (h.pos() for h in self.plumb_handles)
            self.plumb_line.setLine(a.x(), a.y(), b.x(), b.y())
        try:
            self.angle = angle_of(self.points(), self.plumb_points())
        except GeometryProblem as exc:
            self.angle = None
            self.angle_label.setText(self.tr("Angle: —"))
            self.message.setText(user_text(exc))
            self._enable(False)
            return
        what = (
            self.tr("from the plumb line")
            if self.plumb_handles
            else self.tr("from the vertical")
            if self.kind == "vertical"
            else self.tr("at point 2")
        )
        self.angle_label.setText(self.tr("Angle: {0} {1}").format(shown(self.angle), what))
        problem = self.valid(round(self.angle, 1)) if self.valid is not None else None
        if problem:
            self.message.setText(problem)
        elif self.message.property("kind") != "detect":
            self.message.setText("")
        self._enable(problem is None)

    def _enable(self, on: bool) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(on)

    # -- markers ------------------------------------------------------------------------------

    def _painted(self) -> None:
        if self.first_paint is None:
            self.first_paint = time.perf_counter() - self.opened
        if self._detect_after_paint:
            self._detect_after_paint = False
            self.detect()

    def detect(self) -> None:
        """Look for the markers off the GUI thread (numpy's first import and the search take
        a few hundred milliseconds); :meth:`propose` gets the result on the GUI thread."""
        if self.image is None:
            return
        from app.services.photos import detect_for_display

        image, colour, relay = self.image, self.marker_colour, self._relay

        def work() -> None:
            started = time.perf_counter()
            try:
                found = detect_for_display(image, colour)
            except Exception:  # a failed search only means "place them by hand"
                found = []
            seconds = time.perf_counter() - started
            with contextlib.suppress(RuntimeError):  # the dialog closed meanwhile: nobody to tell
                relay.found.emit(found, seconds)

        QThreadPool.globalInstance().start(work)

    def propose(self, found: list[Point], seconds: float = 0.0) -> None:
        """Propose the markers found as the points, when they are as many as needed."""
        self.detect_seconds = seconds
        need = points_needed(self.kind)
        self.message.setProperty("kind", "detect")
        found = [(x, y) for x, y in found]
        if len(found) == need:
            self._place(found)
            self.message.setText(
                self.tr("{0} markers found and placed: check them, drag to adjust.").format(need)
            )
        elif not found:
            self.message.setText(
                self.tr("No markers found: place the {0} points by hand.").format(need)
            )
        else:
            self.message.setText(
                self.tr("{0} found, {1} needed: place the points by hand.").format(
                    counted(len(found), self.tr("marker"), self.tr("markers")), need
                )
            )
        self.select(0)

    # -- keys ---------------------------------------------------------------------------------

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        fast = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = NUDGE_FAST if fast else NUDGE
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if key in moves:
            self.nudge(*moves[Qt.Key(key)])
        elif key == Qt.Key.Key_Tab:
            self.select(self.selected_index() + 1)
        elif key == Qt.Key.Key_Backtab:
            self.select(self.selected_index() - 1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.view.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.view.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.view.fit()
        elif key == Qt.Key.Key_P and self.kind == "vertical" and not self.read_only:
            self.set_plumb(not self.plumb_handles)
        else:
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.read_only:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            if ok is not None and ok.isEnabled():
                self.accept()
            return
        super().keyPressEvent(event)

    # -- the result ---------------------------------------------------------------------------

    def result_photo(self) -> PhotoMeasurement:
        """What to store: the photo (its stored copy), the points, the plumb line, the angle."""
        from app.services.photos import stored_copy

        assert self.angle is not None  # Ok is disabled without an angle
        if self.image is not None:
            picture = stored_copy(self.image)
            data, kind = picture.data, picture.image_type
            width, height = picture.width, picture.height
        else:
            assert self.stored is not None
            data, kind = self.stored.image, self.stored.image_type
            width, height = self.stored.width, self.stored.height
        points = tuple((round(x, 2), round(y, 2)) for x, y in self.points())
        plumb = self.plumb_points()
        line = None if plumb is None else tuple((round(x, 2), round(y, 2)) for x, y in plumb)
        return PhotoMeasurement(
            side=self.side,
            trial=self.trial,
            image=data,
            image_type=kind,
            width=width,
            height=height,
            points=points,
            plumb=line,
            angle=round(angle_of(points, line), 6),
        )


def open_photo_file(
    path: str | Path,
    kind: Kind,
    parent: QWidget | None = None,
    **options: object,
) -> PhotoDialog | None:
    """A dialog on the photo in ``path``, or ``None`` after telling the user in one line why
    the file cannot be used (not an image, damaged, too large: nothing is stored)."""
    from PySide6.QtWidgets import QMessageBox

    from app.services.photos import open_photo

    try:
        image = open_photo(path)
    except UserFacingError as exc:
        QMessageBox.warning(parent, "Photo not opened", user_text(exc).replace("\n", " "))
        return None
    return PhotoDialog(image, kind, parent=parent, **options)  # type: ignore[arg-type]  # options are PhotoDialog's keywords


class SideBySide(QDialog):
    """Two stored photos of the same test (dates or sides) next to each other, read only."""

    def __init__(
        self,
        photos: Sequence[tuple[str, PhotoMeasurement]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos side by side"))
        row = QHBoxLayout()
        self.dialogs: list[PhotoDialog] = []
        for caption, photo in photos:
            column = QVBoxLayout()
            title = QLabel(caption)
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(title)
            viewer = PhotoDialog(
                None, "vertical" if len(photo.points) == 2 else "three",
                stored=photo, side=photo.side, read_only=True, parent=self,
            )  # fmt: skip
            viewer.setWindowFlags(Qt.WindowType.Widget)
            viewer.buttons.hide()
            column.addWidget(viewer, 1)
            row.addLayout(column, 1)
            self.dialogs.append(viewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(1200, 700)
