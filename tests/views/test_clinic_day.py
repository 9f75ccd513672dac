"""Issue 20, "A day at a real clinic": the workflow driven as a clinician drives it."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow
from app.views.program_page import ProgramPage

DEMO_DAY = dt.date(2026, 3, 4)


@pytest.fixture
def demo(db, catalog):
    create_demo(db, catalog, today=DEMO_DAY)
    return db


@pytest.fixture
def window(qtbot, demo):
    w = MainWindow(AppContext(demo), remember_geometry=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def program_page(window: MainWindow, name: str) -> ProgramPage:
    window.show_view("program")
    athlete = find_athlete(window.context.db, name)
    window.athlete_list.reload(athlete.id)
    page = window.program.page
    assert isinstance(page, ProgramPage) and page.athlete_id == athlete.id
    return page


# -- 11. a crash: no signal from a worker to a widget that may be gone ---------------------
def test_a_handout_with_a_dose_typed_but_not_committed_is_written(qtbot, window, tmp_path):
    page = program_page(window, "Ava Lindqvist")
    out = tmp_path / "ava.pdf"
    page.printer.choose_file = lambda: out
    sets = page.editor.selected.dosage.sets
    sets.setFocus()
    sets.selectAll()
    qtbot.keyClicks(sets, "7")  # typed, not committed with Enter or Tab
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    operation = page.printer.operation
    assert operation is not None
    shiboken6.delete(operation)  # the per-call object gone before the worker answers
    del operation
    page.printer.operation = None
    gc.collect()
    qtbot.waitUntil(lambda: "Handout written" in page.status.text(), timeout=30000)
    assert page.print_button.isEnabled()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "YOUR DOSE 7 rounds of 4–5 breaths" in text  # the dose as typed
