"""The window's drill and measurement texts follow the app's language, an edit made in the
window applies to the language it was shown in, and the athlete dialog keeps each athlete's
handout language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.domain.drills import load_builtin_drills
from app.domain.records import AthleteData
from app.services.athletes import create_athlete, get_athlete
from app.services.context import AppContext
from app.services.drills import get_drill
from app.views.athlete_dialog import AthleteDialog
from app.views.language_choice import window_language
from app.views.library_page import KEY_ROLE, LibraryPage
from app.views.state import AppState

GERMAN = {d.key: d for d in load_builtin_drills("de")}
SPANISH = {d.key: d for d in load_builtin_drills("es")}


@pytest.fixture
def german_page(qtbot, db):
    p = LibraryPage(AppState(AppContext(db, language="de")))
    qtbot.addWidget(p)
    p.resize(1040, 740)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(p.is_ready)
    return p


def test_the_library_shows_drills_regions_and_dosage_in_the_app_s_language(german_page):
    page = german_page
    names = [page.list.item(i).text().split("\n")[0] for i in range(page.list.count())]
    assert names == [d.name for d in GERMAN.values()]
    assert "Atmung" in page.list.item(0).text()  # the region, in German
    assert page.region.itemText(1) in {"Gleichgewicht", "Sprunggelenk", "Atmung"}
    page.select("left-side-plank")
    assert page.view.drill == GERMAN["left-side-plank"]
    assert "3 × 20–40 s, 3×/Woche" in page.view.summary.text()
    page.mirrored.setChecked(True)
    assert page.view.drill.name == "Seitstütz rechts"  # mirrored in German
    # the measurement names of the window's catalog are German too
    assert page.context.catalog["hip_ir_deg"].name == "Innenrotation der Hüfte (im Sitzen)"
    assert page.list.currentItem().data(KEY_ROLE) == "left-side-plank"


def test_an_edit_in_the_window_applies_to_the_language_it_was_shown_in(qtbot, german_page):
    page = german_page
    page.select("left-side-plank")
    page.edit_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    editor = page.editor
    assert editor.name.text() == "Seitstütz links"
    editor.name.setText("Seitstütz links, Praxisfassung")
    with qtbot.waitSignal(editor.saved):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    db = page.context.db
    assert get_drill(db, "left-side-plank", "de").name == "Seitstütz links, Praxisfassung"
    assert get_drill(db, "left-side-plank", "es") == SPANISH["left-side-plank"]
    assert get_drill(db, "left-side-plank").name == "Left Side Plank"
    assert "Praxisfassung" in page.list.currentItem().text()


def test_the_athlete_dialog_keeps_the_handout_language(qtbot, db):
    context = AppContext(db)
    dialog = AthleteDialog(context)
    qtbot.addWidget(dialog)
    combo = dialog.handout_language
    assert combo.itemText(0) == "Same as the app (English)" and combo.itemData(0) is None
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "English",
        "Deutsch",
        "Español",
    ]
    dialog.name.setText("Lena Vogt")
    combo.setCurrentIndex(combo.findData("de"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.result_athlete
    assert saved is not None and get_athlete(db, saved.id).handout_language == "de"
    again = AthleteDialog(context, get_athlete(db, saved.id))
    qtbot.addWidget(again)
    assert again.handout_language.currentData() == "de"
    plain = create_athlete(db, AthleteData(name="Tom"))
    third = AthleteDialog(context, plain)
    qtbot.addWidget(third)
    assert third.handout_language.currentIndex() == 0


def test_the_window_language_follows_untwist_lang(monkeypatch):
    monkeypatch.setenv("UNTWIST_LANG", "es")
    assert window_language() == "es"
