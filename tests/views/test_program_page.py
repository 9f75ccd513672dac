"""The Program page driven like a clinician: suggest, edit, save, tick, print."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.programs import adherence, latest_program, list_versions
from app.views.program_page import ProgramPage
from app.views.state import AppState

DEMO_DAY = dt.date(2026, 3, 4)  # the demo's "today": Ava's 12-week program began 10 weeks before
PAGE_DAY = DEMO_DAY + dt.timedelta(days=3)  # the page's today: day 4 of the program's week 11


@pytest.fixture
def demo(db, catalog):
    create_demo(db, catalog, today=DEMO_DAY)
    return db


@pytest.fixture
def page(qtbot, demo):
    p = ProgramPage(AppState(AppContext(demo)), today=lambda: PAGE_DAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def names(page: ProgramPage) -> list[str]:
    return [page.item_list.item(i).text() for i in range(page.item_list.count())]


def test_the_demo_program_shows_with_its_adherence(page, demo):
    ava = find_athlete(demo, "Ava Lindqvist")
    page.set_athlete(ava)
    assert page.is_ready()
    assert len(names(page)) == 5 and names(page)[0].startswith("1. Left Sucker Punch Rockback")
    assert "Adherence so far:" in page.adherence_label.text()
    assert page.adherence_box.isVisible()
    assert "(current)" in page.version_box.currentText()


def test_suggest_edit_save_and_keep_earlier_versions(qtbot, page, demo):
    ben = find_athlete(demo, "Ben Okafor")  # mirror pattern, no saved program
    page.set_athlete(ben)
    assert names(page) == [] and not page.save_button.isEnabled()
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert len(names(page)) == 5 and "Right Sucker Punch Rockback" in names(page)[0]
    # no "less common" without a source (issue 17): the note asks to check the findings
    assert "Mirror pattern: check the findings" in page.reasons_label.text()
    assert page.dirty and page.save_button.isEnabled()
    assert not page.adherence_box.isVisible()  # nothing saved yet
    # reorder and change a dose
    page.item_list.setCurrentRow(0)
    qtbot.mouseClick(page.down_button, Qt.MouseButton.LeftButton)
    assert "Right Sucker Punch Rockback" in names(page)[1]
    page.per_week_spin.setValue(7)
    page.item_notes.setText("Before your run")
    page.item_notes.editingFinished.emit()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    first = latest_program(demo, ben.id)
    assert first is not None and first.items[1].dosage.per_week == 7
    assert first.items[1].notes == "Before your run"
    assert first.items[1].drill_key == "right-sucker-punch-rockback"
    assert not page.dirty and page.adherence_box.isVisible()
    # a second version: remove a drill, save; the first stays viewable
    page.item_list.setCurrentRow(4)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [v.item_count for v in list_versions(demo, ben.id)] == [4, 5]
    older = page.version_box.findData(first.id)
    page.version_box.setCurrentIndex(older)
    page.version_box.activated.emit(older)
    assert len(names(page)) == 5


def test_nothing_to_suggest_is_said_plainly(qtbot, page, demo):
    chloe = find_athlete(demo, "Chloé Martin")
    page.set_athlete(chloe)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert "Nothing to suggest" in page.status.text()
    assert names(page) == [] and not page.print_button.isEnabled()
    assert not page.pdf_button.isEnabled()


def test_ticking_a_day_records_it(qtbot, page, demo):
    ava = find_athlete(demo, "Ava Lindqvist")
    page.set_athlete(ava)
    program = page.shown
    assert program is not None
    assert program.start_date == DEMO_DAY - dt.timedelta(weeks=10)
    assert page.week == 10 and page.week_label.text() == "Week 11 of 12"  # the week of today
    assert page.grid.horizontalHeaderItem(3).text() == PAGE_DAY.strftime("%a\n%d %b")
    checkable = [
        bool(page.grid.item(2, c).flags() & Qt.ItemFlag.ItemIsUserCheckable) for c in range(7)
    ]
    assert checkable == [True, True, True, True, False, False, False]  # up to today, not after
    assert page.grid.item(2, 4).toolTip() == "This day has not come yet"
    item_id = program.items[2].id
    assert item_id is not None
    assert PAGE_DAY not in adherence(demo, program, PAGE_DAY).done[item_id]
    page.grid.item(2, 3).setCheckState(Qt.CheckState.Checked)
    assert PAGE_DAY in adherence(demo, program, PAGE_DAY).done[item_id]
    assert page.grid.item(2, 3).checkState() == Qt.CheckState.Checked


def test_print_handout_runs_in_the_background(qtbot, page, demo, tmp_path):
    ava = find_athlete(demo, "Ava Lindqvist")
    page.set_athlete(ava)
    out = tmp_path / "ava.pdf"
    operation = page.export_pdf(out)
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.open_button.isVisible())
    assert len(PdfReader(out).pages) >= 7
    assert "Handout written" in page.status.text()
    assert page.pdf_button.isEnabled() and page.print_button.isEnabled()


def test_an_unsaved_suggestion_prints_as_shown(qtbot, page, demo, tmp_path):
    ben = find_athlete(demo, "Ben Okafor")
    page.set_athlete(ben)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "ben.pdf"
    operation = page.export_pdf(out)
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(out).pages]
    text = next(p for p in pages if "Exercise 1 of" in p)  # after the findings and charts
    assert "Right Sucker Punch Rockback" in text
    assert list_versions(demo, ben.id) == []  # printing saved nothing


def test_progress_report_asks_for_assessment_and_plan_and_needs_no_program(
    qtbot, page, demo, tmp_path
):
    chloe = find_athlete(demo, "Chloé Martin")
    assert latest_program(demo, chloe.id) is None
    page.set_athlete(chloe)
    assert page.header.report_button.isEnabled()  # beside the handout's options
    assert not page.print_button.isEnabled()  # no program to print
    dialog = page.progress_report()
    assert dialog is not None and dialog.isVisible()
    assert dialog.language.currentData() == "en"
    dialog.assessment.setPlainText("Symmetric; hip rotation within normal limits.")
    dialog.plan.setPlainText("Review in six weeks.")
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    out = tmp_path / "chloe.pdf"
    operation = dialog.save_and_export(out)
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: "Progress report written" in page.status.text())
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Verlaufsbericht: Chloé Martin" in text
    assert "Symmetric; hip rotation within normal limits." in text
    assert "Review in six weeks." in text
    assert "Für diese Person ist kein Übungsprogramm gespeichert." in text
    # asked again: the texts printed were stored with the athlete
    again = page.progress_report()
    assert again is not None
    assert again.assessment.toPlainText() == "Symmetric; hip rotation within normal limits."
    assert again.plan.toPlainText() == "Review in six weeks."
    again.reject()


def test_a_saved_program_s_reasons_show_in_the_window_s_language(qtbot, demo):
    """Stored as phrases, worded when shown: a Spanish desk reads a saved program's reasons in
    Spanish; an older program's plain-string reasons show as they were stored."""
    import json

    from app.models import Program

    ava = find_athlete(demo, "Ava Lindqvist")
    spanish = ProgramPage(AppState(AppContext(demo, language="es")), today=lambda: PAGE_DAY)
    qtbot.addWidget(spanish)
    spanish.set_athlete(ava)
    qtbot.waitUntil(spanish.is_ready)
    text = spanish.reasons_label.text()
    assert "Hallazgos compatibles con el patrón izquierdo frecuente" in text
    assert "Rotación interna de cadera: patrón izquierdo (izquierda " in text
    assert "Findings consistent" not in text and "left pattern" not in text
    with demo.transaction() as s:
        row = s.get(Program, latest_program(demo, ava.id).id)
        row.reasons = json.dumps(["Saved before reasons were phrases."])
    old = ProgramPage(AppState(AppContext(demo, language="es")), today=lambda: PAGE_DAY)
    qtbot.addWidget(old)
    old.set_athlete(ava)
    qtbot.waitUntil(old.is_ready)
    assert "Saved before reasons were phrases." in old.reasons_label.text()


def test_a_german_suggestion_shows_its_reasons_in_german(qtbot, demo):
    ben = find_athlete(demo, "Ben Okafor")  # mirror pattern, no saved program
    german = ProgramPage(AppState(AppContext(demo, language="de")), today=lambda: PAGE_DAY)
    qtbot.addWidget(german)
    german.set_athlete(ben)
    qtbot.waitUntil(german.is_ready)
    qtbot.mouseClick(german.suggest_button, Qt.MouseButton.LeftButton)
    text = german.reasons_label.text()
    assert "Gespiegeltes Muster: Prüfen Sie die Befunde" in text
    assert "Befunde vereinbar mit dem gespiegelten Muster" in text
    assert "Mirror pattern" not in text and "Findings consistent" not in text
