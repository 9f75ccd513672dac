"""Layouts at 1024×700 (issue 20, point 3): nothing drawn over anything, nothing cut."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow
from app.views.translation import apply_ui_language

DEMO_DAY = dt.date(2026, 3, 4)


@pytest.fixture
def window(qtbot, db, catalog):
    create_demo(db, catalog, today=DEMO_DAY)
    w = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    w.athlete_list.reload(find_athlete(db, "Ava Lindqvist").id)
    return w


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def shown(qtbot, window: MainWindow, view: str):
    window.show_view(view)
    qtbot.waitUntil(lambda: window.page_ready(view), timeout=20000)
    settle()
    return window.pages.currentWidget().page if hasattr(
        window.pages.currentWidget(), "page") else window.pages.currentWidget()  # fmt: skip


def rect_in(widget, ancestor):
    return widget.rect().translated(widget.mapTo(ancestor, QPoint(0, 0)))


def test_the_library_title_is_not_drawn_over_the_picture(qtbot, window):
    page = shown(qtbot, window, "library")
    view = page.view
    qtbot.waitUntil(lambda: view.drill is not None)
    settle()
    body = view.widget()
    assert not rect_in(view.title, body).intersects(rect_in(view.picture, body))
    assert not view.horizontalScrollBar().isVisible()


def test_the_drill_search_is_wide_enough_to_read(qtbot, window):
    page = shown(qtbot, window, "library")
    search = page.search
    assert search.width() >= search.fontMetrics().horizontalAdvance("Search drills…")


def test_since_first_fits_the_history(qtbot, window):
    shown(qtbot, window, "sessions")
    tree = window.sessions_page.history
    top = tree.topLevelItem(0)
    top.setExpanded(True)
    settle()
    column = 7
    assert tree.headerItem().text(column) == "Since first"
    right = tree.header().sectionPosition(column) + tree.header().sectionSize(column)
    assert right <= tree.viewport().width()
    metrics = tree.fontMetrics()
    for row in range(top.childCount()):
        text = top.child(row).text(column)
        assert metrics.horizontalAdvance(text) <= tree.header().sectionSize(column) - 6, text


def test_the_program_page_fits_and_leaves_the_athlete_list_alone(qtbot, window):
    list_width = window.athlete_list.width()
    page = shown(qtbot, window, "program")
    assert page.minimumSizeHint().width() <= page.width()
    assert window.athlete_list.width() == list_width
    for button in (page.suggest_button, page.save_button, page.pdf_button, page.print_button):
        text = button.text().replace("&", "")
        assert button.fontMetrics().horizontalAdvance(text) <= button.width(), text


def test_the_why_box_is_cut_between_lines(qtbot, window):
    page = shown(qtbot, window, "program")
    panel = page.reasons
    line = QFontMetrics(panel.label.font()).height()
    shown_height = panel.viewport().height()
    assert panel.label.height() > shown_height  # more reasons than fit: it scrolls
    assert shown_height % line == 0, (shown_height, line)


def test_the_adherence_days_are_not_cut(qtbot, window):
    page = shown(qtbot, window, "program")
    grid = page.grid
    metrics = grid.horizontalHeader().fontMetrics()
    for column in range(grid.columnCount()):
        for line in grid.horizontalHeaderItem(column).text().splitlines():
            assert metrics.horizontalAdvance(line) <= grid.columnWidth(column) - 4, line


@pytest.mark.parametrize("code", ["en", "de", "es"])
def test_the_history_fits_1024_px_in_every_language(qtbot, db, catalog, code):
    """No sideways scrolling; the values, the changes of each side, a session's date and the
    headings shown whole; what gives way (names, the flag's qualifier) keeps a tooltip."""
    apply_ui_language(code)
    try:
        create_demo(db, catalog, today=DEMO_DAY)
        w = MainWindow(AppContext(db), remember_geometry=False)
        qtbot.addWidget(w)
        w.resize(1024, 700)
        w.show()
        qtbot.waitExposed(w)
        w.athlete_list.reload(find_athlete(db, "Ava Lindqvist").id)
        shown(qtbot, w, "sessions")
        tree = w.sessions_page.history
        top = tree.topLevelItem(0)
        top.setExpanded(True)
        settle()
        header = tree.header()
        assert header.length() <= tree.viewport().width()
        assert tree.horizontalScrollBar().maximum() == 0
        metrics = tree.fontMetrics()
        heads = header.fontMetrics()
        for column in range(tree.columnCount()):
            for line in tree.headerItem().text(column).split("\n"):
                assert heads.horizontalAdvance(line) <= header.sectionSize(column), line
        for row in range(top.childCount()):
            child = top.child(row)
            for column in (1, 2, 3, 4, 6, 7):
                text = child.text(column)
                assert metrics.horizontalAdvance(text) <= header.sectionSize(column) - 6, text
            assert child.toolTip(0) and child.toolTip(5) and child.toolTip(8)
        bold = QFontMetrics(top.font(0))
        date = top.text(0)[:10]
        assert bold.horizontalAdvance(date) + tree.indentation() <= header.sectionSize(0)
    finally:
        apply_ui_language("en")


@pytest.mark.parametrize("code", ["de", "es"])
def test_the_drill_editor_fits_a_1024_by_700_screen(qtbot, db, monkeypatch, code):
    """Its Save button within reach, no button's text cut, in the longer languages."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton

    from app.views import style
    from app.views.drill_editor import DrillEditor

    monkeypatch.setattr(style, "available_area", lambda widget: QRect(0, 0, 1024, 700))
    apply_ui_language(code)
    try:
        editor = DrillEditor(AppContext(db))
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        settle()
        assert editor.height() <= 700 - style.FRAME_ALLOWANCE and editor.width() <= 1024
        for button in editor.findChildren(QAbstractButton):
            if button.isVisible() and button.text():
                assert button.width() >= button.sizeHint().width(), button.text()
                assert editor.rect().contains(rect_in(button, editor)), button.text()
    finally:
        apply_ui_language("en")
