"""One drill as a patient would read it: the drawing, then what to do, step by step.

Reused by the Library page and the Program page. The drawing of a mirrored drill (the version
for the other side) is the same drawing flipped horizontally, so a patient sees the side they
work on.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.drills import (
    TARGET_LABELS,
    Drill,
    illustration_legend,
    illustration_path,
    region_name,
    target_label,
)
from app.errors import UserFacingError
from app.services.context import AppContext
from app.services.drills import drill_image
from app.services.pictures import check_image
from app.views.translation import QT_TRANSLATE_NOOP, translate

Image = tuple[bytes, str]  # a custom drill's picture: bytes and "png" | "jpeg" | "svg"
CARD_BACKGROUND = QColor("#ffffff")  # drawings are dark lines: always on white, even in dark mode
log = logging.getLogger(__name__)


DECODE_MAX = 1600  # pixels per side kept of a decoded picture: enough for any view at 2× scale
_CACHE_BUDGET = 96 * 1024 * 1024  # bytes of decoded pictures kept between paints


class _Decoded:
    """Pictures checked and decoded once each, keyed by a digest of their bytes.

    Every picture goes through the domain's check before Qt sees it (a picture stored by an
    older version, or a built-in drawing, is judged like a new one) and Qt gets only the
    checked bytes. A raster picture is decoded once, at most :data:`DECODE_MAX` pixels per
    side, and kept: selecting a drill again, or drawing its thumbnail, neither checks nor
    decodes it again. A refused picture is remembered as refused.
    """

    def __init__(self, budget: int = _CACHE_BUDGET) -> None:
        self.budget = budget
        self.entries: OrderedDict[bytes, tuple[str, bytes | QImage] | None] = OrderedDict()
        self.used = 0
        self.checks = 0  # how many pictures were checked and decoded (tests read it)

    def get(self, data: bytes) -> tuple[str, bytes | QImage] | None:
        key = hashlib.blake2b(data, digest_size=20).digest()
        if key in self.entries:
            self.entries.move_to_end(key)
            return self.entries[key]
        self.checks += 1
        entry = self._decode(data)
        self.entries[key] = entry
        self.used += self._cost(entry)
        while self.used > self.budget and len(self.entries) > 1:
            _, old = self.entries.popitem(last=False)
            self.used -= self._cost(old)
        return entry

    @staticmethod
    def _cost(entry: tuple[str, bytes | QImage] | None) -> int:
        if entry is None:
            return 0
        payload = entry[1]
        return len(payload) if isinstance(payload, bytes) else payload.sizeInBytes()

    @staticmethod
    def _decode(data: bytes) -> tuple[str, bytes | QImage] | None:
        try:
            picture = check_image(data, translate("DrillView", "A drill picture"))
        except UserFacingError as exc:
            log.warning("picture not drawn: %s", exc)
            return None
        if picture.image_type == "svg":
            return "svg", picture.data
        buffer = QBuffer()
        buffer.setData(QByteArray(picture.data))
        reader = QImageReader(buffer)
        size = reader.size()
        if size.width() > DECODE_MAX or size.height() > DECODE_MAX:
            keep = Qt.AspectRatioMode.KeepAspectRatio
            reader.setScaledSize(size.scaled(DECODE_MAX, DECODE_MAX, keep))
        image = reader.read()
        if image.isNull():
            log.warning("picture not drawn: %s", reader.errorString())
            return None
        return picture.image_type, image


DECODED = _Decoded()


def _builtin_bytes(drill: Drill) -> bytes | None:
    try:
        return illustration_path(drill).read_bytes()
    except OSError:
        return None


def render_illustration(
    drill: Drill, image: Image | None, size: QSize, device_pixel_ratio: float = 1.0
) -> QPixmap | None:
    """The drill's drawing fitted into ``size`` (aspect kept, centred on white), flipped when
    the drill is mirrored. ``image``: a custom drill's stored picture (None: the built-in
    drawing). None when there is nothing that can be drawn, or the picture is refused."""
    if image is not None:
        data: bytes | None = image[0]
    elif drill.illustration:
        data = _builtin_bytes(drill)
    else:
        data = None
    source = DECODED.get(data) if data else None
    if source is None:
        return None
    payload = source[1]
    ratio = max(1.0, device_pixel_ratio)
    width, height = round(size.width() * ratio), round(size.height() * ratio)
    renderer = None
    if isinstance(payload, bytes):
        renderer = QSvgRenderer(QByteArray(payload))
        if not renderer.isValid():
            return None
    canvas = QPixmap(width, height)
    canvas.fill(CARD_BACKGROUND)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if drill.mirrored:
        painter.translate(width, 0)
        painter.scale(-1, 1)
    try:
        if renderer is not None:
            box = renderer.viewBoxF()
            natural = box.size() if not box.isEmpty() else renderer.defaultSize().toSizeF()
            target = _fit(natural.width(), natural.height(), width, height)
            renderer.render(painter, target)
        else:
            assert isinstance(payload, QImage)
            target = _fit(payload.width(), payload.height(), width, height)
            painter.drawImage(target, payload)
    finally:
        painter.end()
    canvas.setDevicePixelRatio(ratio)
    return canvas


def _fit(w: float, h: float, width: int, height: int) -> QRectF:
    if w <= 0 or h <= 0:
        return QRectF(0, 0, width, height)
    scale = min(width / w, height / h)
    return QRectF((width - w * scale) / 2, (height - h * scale) / 2, w * scale, h * scale)


def flipped(pixmap: QPixmap) -> QPixmap:
    """The pixmap mirrored left-right (kept for callers that already hold a rendered one)."""
    return pixmap.transformed(QTransform().scale(-1, 1))


class DrillView(QScrollArea):
    """Renders one drill: illustration, name, aim, setup, numbered steps, what to feel,
    common mistakes and the dosage. Read-only; ``set_drill`` replaces what is shown."""

    ILLUSTRATION = QSize(400, 300)

    def __init__(
        self, context: Callable[[], AppContext] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context  # the window's current one (a restore replaces it)
        self.drill: Drill | None = None
        self.pixmap: QPixmap | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.picture = QLabel()
        self.picture.setFixedSize(self.ILLUSTRATION)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setAccessibleName(self.tr("Illustration"))
        self.picture.setStyleSheet("background: #ffffff; color: #555555;")
        # Which side is blue, under the drawing (never flipped with it); the domain holds the
        # words so the handout prints the same line.
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setFixedWidth(self.ILLUSTRATION.width())
        self.legend.setAccessibleName(self.tr("Drawing legend"))
        small = self.legend.font()
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.9))
        self.legend.setFont(small)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        drawing = QVBoxLayout()
        drawing.setSpacing(3)
        drawing.addWidget(self.picture)
        drawing.addWidget(self.legend)
        drawing.addStretch(1)
        # picture beside the text where there is room, the text under it where there is not
        # (squeezed beside it, the title was drawn over the picture at 1024 px)
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top = top
        top.addLayout(drawing)
        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(self.summary, 1)
        top.addLayout(side, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.setWidget(body)
        self.set_drill(None)

    SIDE_TEXT_MIN = 240  # the least width the name and summary need beside the picture

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.viewport().width() >= self.ILLUSTRATION.width() + self.SIDE_TEXT_MIN
        direction = (
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        if self._top.direction() != direction:
            self._top.setDirection(direction)

    # -- public -------------------------------------------------------------------------------
    def set_drill(self, drill: Drill | None, image: Image | None = None) -> None:
        """Show ``drill`` (None: an invitation to choose one). ``image``: a custom drill's
        picture when the caller has it; otherwise it is read from the database if needed."""
        self.drill = drill
        if drill is None:
            self.pixmap = None
            self.picture.clear()
            self.picture.setText(self.tr("No drill chosen"))
            self.title.setText(self.tr("<i>Choose a drill from the list.</i>"))
            self.legend.clear()
            self.legend.hide()
            self.summary.clear()
            self.details.clear()
            return
        if image is None and not drill.builtin and self._context is not None:
            image = drill_image(self._context().db, drill.key)
        self.pixmap = render_illustration(drill, image, self.ILLUSTRATION, self.devicePixelRatioF())
        if self.pixmap is None:
            self.picture.clear()
            self.picture.setText(self.tr("No picture for this drill"))
        else:
            self.picture.setPixmap(self.pixmap)
        # only under the built-in drawing: a clinic's picture has its own conventions
        legend = illustration_legend(drill) if self.pixmap is not None and image is None else None
        self.legend.setText(legend or "")
        self.legend.setVisible(bool(legend))
        self.picture.setAccessibleDescription(legend or "")
        self.picture.setToolTip(
            self.tr("Drawing flipped: the version for the other side") if drill.mirrored else ""
        )
        self.title.setText(
            f"<span style='font-size:16pt; font-weight:600'>{escape(drill.name)}</span>"
        )
        self.summary.setText(self._summary_html(drill))
        self.details.setText(self._details_html(drill))

    def is_ready(self) -> bool:
        return True

    # -- text ---------------------------------------------------------------------------------
    def _language(self) -> str:
        return self._context().language if self._context is not None else "en"

    def _target_names(self) -> Mapping[str, str]:
        names = {key: target_label(key, self._language()) for key in TARGET_LABELS}
        if self._context is not None:
            for definition in self._context().catalog:
                names[definition.key] = definition.name
        return names

    def _side_text(self, drill: Drill) -> str:
        if drill.side == "left":
            return self.tr("left side")
        if drill.side == "right":
            return self.tr("right side")
        return self.tr("both sides")

    def _summary_html(self, drill: Drill) -> str:
        names = self._target_names()
        facts = [
            self.tr("Region: {0}").format(escape(region_name(drill.region, self._language()))),
            self.tr("Works on: {0}").format(self._side_text(drill)),
        ]
        if drill.mirrored:
            facts.append(self.tr("<i>mirrored version</i>"))
        if not drill.builtin:
            facts.append(self.tr("custom drill"))
        parts = [f"<p style='color:#666'>{' · '.join(facts)}</p>"]
        parts.append(f"<p><b>{self.tr('Aim')}</b><br>{_para(drill.aim)}</p>")
        parts.append(
            f"<p><b>{self.tr('Dosage')}</b><br>{escape(drill.dosage.text(self._language()))}</p>"
        )
        if drill.targets:
            targets = ", ".join(escape(names.get(t, t)) for t in drill.targets)
            parts.append(f"<p><b>{self.tr('Targets')}</b><br>{targets}</p>")
        return "".join(parts)

    def _details_html(self, drill: Drill) -> str:
        steps = "".join(f"<li>{escape(s)}</li>" for s in drill.steps)
        parts = [
            f"<h3>{self.tr('Setup')}</h3><p>{_para(drill.setup)}</p>",
            f"<h3>{self.tr('Steps')}</h3><ol>{steps}</ol>",
            f"<h3>{self.tr('What to feel')}</h3><p>{_para(drill.feel)}</p>",
        ]
        if drill.mistakes:
            mistakes = "".join(f"<li>{escape(m)}</li>" for m in drill.mistakes)
            parts.append(f"<h3>{self.tr('Common mistakes')}</h3><ul>{mistakes}</ul>")
        return "".join(parts)


# Headings DrillView translates inside f-strings, where pyside6-lupdate cannot see them.
_HEADINGS = (
    QT_TRANSLATE_NOOP("DrillView", "Aim"),
    QT_TRANSLATE_NOOP("DrillView", "Dosage"),
    QT_TRANSLATE_NOOP("DrillView", "Targets"),
    QT_TRANSLATE_NOOP("DrillView", "Setup"),
    QT_TRANSLATE_NOOP("DrillView", "Steps"),
    QT_TRANSLATE_NOOP("DrillView", "What to feel"),
    QT_TRANSLATE_NOOP("DrillView", "Common mistakes"),
)


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br>")
