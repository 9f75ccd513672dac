"""Settings → "Language of this desk" applies at once: the window is built anew in the new
language on the same open database (no second open, no second instance lock), showing the
same athlete and page, after asking about unsaved edits; nothing of the old window stays."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt

from app.config import DESK_LANGUAGE_KEY
from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.program_page import ProgramPage
from app.views.translation import apply_ui_language
from app.views.window_host import WindowHost
from tests.views.questions import answer_next_question

DEMO_DAY = dt.date(2026, 3, 4)
TEXTS = {  # the File menu, the first two tabs
    "en": ("&File", "Sessions", "Trends"),
    "de": ("&Datei", "Sitzungen", "Verlauf"),
    "es": ("&Archivo", "Sesiones", "Evolución"),
}


@pytest.fixture
def host(qtbot, db, catalog, monkeypatch):
    monkeypatch.delenv("UNTWIST_LANG")  # the desk's choice decides (conftest pins English)
    QSettings().setValue(DESK_LANGUAGE_KEY, "en")
    create_demo(db, catalog, today=DEMO_DAY)
    h = WindowHost(AppContext(db, language="en"), remember_geometry=False)
    h.window.resize(1200, 800)
    h.window.show()
    qtbot.waitExposed(h.window)
    yield h
    answer_next_question("Discard")  # should a page still hold an edit
    h.window.close()
    h.window.deleteLater()
    apply_ui_language("en")  # translators are the process's: the next test starts English


def shown(window) -> tuple[str, str, str]:
    return (
        window.menuBar().actions()[0].text(),
        window.pages.tabText(0),
        window.pages.tabText(1),
    )


def choose_language(qtbot, window, code: str) -> None:
    """What Settings does: the desk's language saved through the dialog, then applied (on a
    server the save answers later)."""
    from app.views.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.context, window)
    dialog.language.setCurrentIndex(dialog.language.findData(code))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)
    dialog.deleteLater()
    window._apply_language()  # what open_settings runs once the dialog was accepted


def collected(ref: weakref.ref) -> bool:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return ref() is None


def test_en_de_es_rebuilds_the_window_in_place_keeping_database_athlete_and_page(
    qtbot, host, monkeypatch
):
    db = host.context.db
    ben = find_athlete(db, "Ben Okafor")
    host.window.athlete_list.reload(ben.id)
    host.window.show_view("trends")
    qtbot.waitUntil(lambda: host.window.page_ready("trends"), timeout=20_000)
    assert shown(host.window) == TEXTS["en"]

    # nothing may open the database or take the instance lock again
    def refuse(*_args, **_kwargs):
        raise AssertionError("the database was opened a second time")

    monkeypatch.setattr("app.models.db.open_database", refuse)
    monkeypatch.setattr("app.services.database.open_database", refuse)
    monkeypatch.setattr("app.views.data_safety.open_for_window", refuse)
    monkeypatch.setattr("app.locking.InstanceLock.acquire", refuse)
    replaced: list[weakref.ref] = []
    host.replaced.connect(lambda window: replaced.append(weakref.ref(window)))

    for code in ("de", "es"):
        old = host.window
        refs = [weakref.ref(w) for w in (old, old.sessions_page, old.athlete_list, old.trends,
                                         old.trends.page, old.state)]  # fmt: skip
        choose_language(qtbot, old, code)
        new = host.window
        assert new is not old and replaced[-1]() is new
        assert shown(new) == TEXTS[code]
        assert new.isVisible() and not old.isVisible()
        assert new.size() == old.size()
        assert new.context.db is db and new.context.language == code
        assert new.athlete is not None and new.athlete.id == ben.id
        assert new.athlete_list.current_id() == ben.id
        assert new.pages.currentIndex() == 1  # Trends
        qtbot.waitUntil(lambda n=new: n.page_ready("trends"), timeout=20_000)
        del old
        for ref in refs:
            qtbot.waitUntil(lambda r=ref: collected(r), timeout=5_000)
    # the database still answers, on the same connection pool
    assert find_athlete(db, "Ben Okafor").id == ben.id
    assert host.context.catalog.language == "es"


def test_an_unsaved_program_is_asked_about_and_cancel_keeps_the_window(qtbot, host):
    window = host.window
    ben = find_athlete(window.context.db, "Ben Okafor")
    window.show_view("program")
    window.athlete_list.reload(ben.id)
    page = window.program.page
    assert isinstance(page, ProgramPage)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert page.dirty

    asked = answer_next_question("Cancel")
    choose_language(qtbot, window, "de")
    assert asked and "not saved" in asked[0]
    assert host.window is window and page.dirty  # the edit stays, the window too
    assert shown(window) == TEXTS["en"]
    assert "applies when Untwist starts again" in window.statusBar().currentMessage()
    assert QSettings().value(DESK_LANGUAGE_KEY) == "de"  # saved, for the next start

    answer_next_question("Discard")
    window._apply_language()  # asked again (Settings saved once more, say)
    assert host.window is not window and shown(host.window) == TEXTS["de"]
    assert host.window.pages.currentIndex() == 2  # Program
    new_page = host.window.program.page
    assert isinstance(new_page, ProgramPage) and new_page.athlete_id == ben.id
    assert not new_page.dirty


def test_the_same_language_saved_again_rebuilds_nothing(qtbot, host):
    window = host.window
    choose_language(qtbot, window, "en")
    assert host.window is window


@pytest.mark.parametrize("where", ["demo", "clinic"])
def test_the_demo_and_a_clinic_server_survive_a_switch(
    qtbot, request, where, tmp_path, monkeypatch
):
    """``--demo`` stays the demo (its title, its temporary file); clinic mode keeps its server
    connection, its pages reading off the GUI thread as before."""
    from app.models.db import open_database

    monkeypatch.delenv("UNTWIST_LANG")
    target = str(tmp_path / "demo.sqlite") if where == "demo" else request.getfixturevalue("pg_url")
    db = open_database(target, create=True)
    try:
        context = AppContext(db, demo=where == "demo", language="en")
        create_demo(db, context.catalog, today=DEMO_DAY)
        context.reload()
        h = WindowHost(context, remember_geometry=False)
        h.window.show()
        ava = find_athlete(db, "Ava Lindqvist")
        h.window.athlete_list.reload(ava.id)
        qtbot.waitUntil(lambda: h.window.athlete is not None, timeout=20_000)
        h.window.show_view("program")
        qtbot.waitUntil(lambda: h.window.page_ready("program"), timeout=20_000)
        choose_language(qtbot, h.window, "de")
        new = h.window
        qtbot.waitUntil(lambda: new.athlete is not None, timeout=20_000)
        assert new.athlete.id == ava.id and new.pages.currentIndex() == 2
        qtbot.waitUntil(lambda: new.page_ready("program"), timeout=20_000)
        assert shown(new) == TEXTS["de"]
        assert new.context.db is db
        if where == "demo":
            assert new.windowTitle() == "Untwist — Demo-Datenbank"
        new.close()
        new.deleteLater()
    finally:
        apply_ui_language("en")
        db.dispose()
