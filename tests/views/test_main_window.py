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


def test_the_history_behind_another_tab_loads_when_shown(qtbot, db, catalog):
    from app.services.athletes import list_athletes

    create_demo(db, catalog)
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    window.show_view("trends")
    qtbot.waitUntil(lambda: window.page_ready("trends"), timeout=10_000)
    ben = next(a for a in list_athletes(db) if a.name == "Ben Okafor")
    window.athlete_list.reload(ben.id)
    history = window.sessions_page.history
    assert window.page_ready("sessions")  # nothing of it is on screen
    assert "Ben Okafor" not in window.sessions_page.header.text()  # not loaded yet
    window.show_view("sessions")
    assert "Ben Okafor" in window.sessions_page.header.text()
    assert history.topLevelItemCount() == 14
    assert window.sessions_page.usual_keys()  # readers load it first


def test_a_window_that_does_not_remember_geometry_leaves_the_desks_alone(qtbot, db):
    from PySide6.QtCore import QSettings

    window = MainWindow(AppContext(db), remember_geometry=False)  # as --screenshot makes it
    qtbot.addWidget(window)
    window.resize(640, 600)
    window.show()
    window.close()
    assert QSettings().value("window/geometry") is None
    remembering = MainWindow(AppContext(db))
    qtbot.addWidget(remembering)
    remembering.show()
    remembering.close()
    assert QSettings().value("window/geometry") is not None
