"""The main window: athletes on the left, the selected athlete's pages on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app.services.athletes import list_athletes
from app.services.context import AppContext

VIEWS = ("sessions", "trends", "program")


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = self.tr("Untwist")
        if context.demo:
            title += self.tr(" — demo")
        self.setWindowTitle(title)
        self.athletes = QListWidget()
        self.athletes.setAccessibleName(self.tr("Athletes"))
        self.pages = QTabWidget()
        for view in VIEWS:
            self.pages.addTab(
                QLabel(view.capitalize(), alignment=Qt.AlignmentFlag.AlignCenter),
                self.tr(view.capitalize()),
            )
        splitter = QSplitter()
        splitter.addWidget(self.athletes)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.reload_athletes()

    def reload_athletes(self) -> None:
        self.athletes.clear()
        for athlete in list_athletes(self.context.db):
            item = QListWidgetItem(athlete.name)
            item.setData(Qt.ItemDataRole.UserRole, athlete.id)
            self.athletes.addItem(item)
        if self.athletes.count():
            self.athletes.setCurrentRow(0)

    def show_view(self, view: str) -> None:
        self.pages.setCurrentIndex(VIEWS.index(view))

    def page_ready(self, view: str) -> bool:
        """True once the page has drawn everything (charts load lazily)."""
        return self.isVisible()
