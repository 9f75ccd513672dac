"""Light / dark palette: follow the system, or force one (handy for screenshots)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from app.resources import resource_path


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"untwist-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(45, 48, 53), QColor(230, 230, 230)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(38, 41, 46),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Highlight: QColor(42, 122, 176),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(86, 180, 233),
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return p


class _OutlinedIndicators(QProxyStyle):
    """Fusion with a visible edge on check boxes: on the dark palette its outline (the
    window colour, darkened) vanished, so an empty box in the adherence grid, Targets,
    "Show archived" or "each side" could not be seen at all."""

    EDGE = QColor(165, 170, 178)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        ):
            rect = option.rect
            painter.save()
            painter.setPen(self.EDGE)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            side = min(rect.width(), rect.height()) - 1
            painter.drawRect(rect.x(), rect.y() + (rect.height() - 1 - side) // 2, side, side)
            painter.restore()


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """``system`` keeps the platform's palette (Qt follows the OS light/dark setting);
    ``dark`` / ``light`` force one, with the Fusion style so every platform looks alike."""
    app.setWindowIcon(app_icon())
    if theme == "system":
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme != Qt.ColorScheme.Dark:
            return
        theme = "dark"  # some platform styles ignore the scheme: make sure it is dark
    if theme == "dark":
        app.setStyle(_OutlinedIndicators("Fusion"))
        app.setPalette(_dark_palette())
    else:
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
