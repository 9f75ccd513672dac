from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow


def test_window_lists_the_athletes(qtbot, db, catalog):
    create_demo(db, catalog)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    assert window.athletes.count() == 3
    assert window.athletes.currentItem().text() == "Ava Lindqvist"
