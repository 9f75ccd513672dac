"""The window notices what another desk saved: list and pages re-read, nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.records import AthleteData
from app.models.db import open_database
from app.services.athletes import create_athlete, update_athlete
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.main_window import FRESHNESS_INTERVAL_MS, MainWindow
from tests.conftest import TODAY, session_inputs


@pytest.fixture
def other_desk(db):
    """A second connection to the same database, as another desk's Untwist has."""
    other = open_database(db.url, create=False)
    yield other
    other.dispose()


@pytest.fixture
def window(qtbot, db, athlete):
    w = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    # the baseline poll runs in a thread: taken after another desk's write, it would already
    # hold that write and the test's poll would find nothing new (a race under load)
    qtbot.waitUntil(lambda: not w.freshness_pending)
    return w


def poll(qtbot, window: MainWindow) -> bool:
    """One freshness check (it runs off the GUI thread), waited for: did it find changes?"""
    qtbot.waitUntil(lambda: not window.freshness_pending)  # the baseline, or the timer's
    with qtbot.waitSignal(window.freshness_checked, timeout=5000) as blocker:
        assert window.check_freshness()
    return blocker.args[0]


def names(window: MainWindow) -> list[str]:
    items = window.athlete_list.list
    return [items.item(i).text() for i in range(items.count())]


def test_another_desks_athlete_and_session_appear(qtbot, window, other_desk, athlete, catalog):
    create_athlete(other_desk, AthleteData(name="Aaron First"))
    record_session(other_desk, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 41)))
    assert poll(qtbot, window)
    assert names(window) == ["Aaron First", "Test Runner"]
    assert window.athlete.id == athlete.id  # the selection stays put
    assert window.sessions_page.session_count == 1
    assert window.statusBar().currentMessage() == "Updated from another desk"
    assert not poll(qtbot, window)  # nothing new since


def test_an_edit_at_another_desk_refreshes_the_open_athlete(qtbot, window, other_desk, athlete):
    update_athlete(
        other_desk, athlete.id, AthleteData(name="Test Runner", sport="Hurdles"), athlete.version
    )
    assert poll(qtbot, window)
    assert window.athlete.sport == "Hurdles"
    assert "Hurdles" in window.sessions_page.header.text()


def test_own_saves_refresh_quietly(qtbot, window, db):
    create_athlete(db, AthleteData(name="Mine"))
    window.statusBar().clearMessage()
    assert poll(qtbot, window)
    assert window.statusBar().currentMessage() != "Updated from another desk"


def test_the_search_text_and_an_unsaved_program_edit_survive(qtbot, window, other_desk, athlete):
    window.show_view("program")
    qtbot.waitUntil(lambda: window.page_ready("program"))
    page = window.program.page
    page.notes_edit.setPlainText("typing…")
    window.athlete_list.search.setText("run")
    qtbot.waitUntil(lambda: names(window) == ["Test Runner"])
    create_athlete(other_desk, AthleteData(name="Bea Runner"))
    create_athlete(other_desk, AthleteData(name="Carl Walker"))
    assert poll(qtbot, window)
    assert names(window) == ["Bea Runner", "Test Runner"]
    assert window.athlete_list.search.text() == "run" and window.athlete.id == athlete.id
    assert page.notes_edit.toPlainText() == "typing…" and page.dirty


def test_no_refresh_while_a_dialog_is_open(qtbot, window, other_desk, monkeypatch):
    create_athlete(other_desk, AthleteData(name="Later"))
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: window))
    assert not window.check_freshness()
    assert "Later" not in names(window)
    monkeypatch.undo()
    assert poll(qtbot, window) and "Later" in names(window)


def test_activation_checks_and_the_timer_runs_only_while_active(qtbot, window, other_desk):
    assert window.freshness_timer.interval() == FRESHNESS_INTERVAL_MS
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(window.freshness_timer.isActive)
    qtbot.waitUntil(lambda: not window.freshness_pending)  # the activation's poll
    create_athlete(other_desk, AthleteData(name="Via the timer"))
    window.freshness_timer.setInterval(10)  # the real 10 s, shortened for the test
    qtbot.waitUntil(lambda: "Via the timer" in names(window))
    assert window.statusBar().currentMessage() == "Updated from another desk"
