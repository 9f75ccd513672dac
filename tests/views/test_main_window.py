from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow


def test_window_lists_the_athletes_and_selects_the_first(qtbot, db, catalog):
    create_demo(db, catalog)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    assert window.athlete_list.list.count() == 3
    assert window.athlete.name == "Ava Lindqvist"
    assert window.sessions_page.history.topLevelItemCount() == 14


def test_pages_are_built_only_when_first_shown(qtbot, db):
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    assert window.trends.page is None
    window.show_view("trends")
    assert window.trends.page is not None
