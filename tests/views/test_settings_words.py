"""Settings read whole (issue 20, point 8): no label shows a literal "&", and the thresholds'
sources and errors are shown in full, without a sideways scroll."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.services.context import AppContext
from app.views.settings_dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot, db):
    dialog = SettingsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_no_label_shows_a_literal_ampersand(dialog):
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        for label in dialog.tabs.currentWidget().findChildren(QLabel):
            text = label.text().replace("&&", "")
            if not label.isVisible() or label.textFormat() == Qt.TextFormat.RichText:
                continue
            if re.search(r"&\S", text):  # a mnemonic: shown underlined only with a buddy
                assert label.buddy() is not None, label.text()


def test_threshold_sources_and_errors_show_in_full(qtbot, dialog):
    table = dialog.thresholds
    dialog.tabs.setCurrentWidget(table)
    qtbot.waitUntil(table.isVisible)
    QApplication.processEvents()
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in (table.SOURCE_COLUMN, table.ERROR_COLUMN):
            item = table.item(row, column)
            width = table.columnWidth(column) - 8  # the cell's margins
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text()
            ).height()
            assert needed <= table.rowHeight(row), (item.text(), needed, table.rowHeight(row))
            assert item.toolTip() == item.text()
