"""The progress report dialog starts from the athlete's stored assessment and plan and stores
what it prints; another desk's newer note is shown side by side before anything is printed."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.models.db import open_database
from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.services.progress_notes import get_progress_notes, save_progress_notes
from app.views import conflict_dialog
from app.views.progress_report_dialog import ProgressReportDialog


@pytest.fixture
def demo(db, catalog):
    create_demo(db, catalog)
    return db


@pytest.fixture
def other(demo):
    desk = open_database(demo.url, create=False)
    yield desk
    desk.dispose()


def dialog_for(qtbot, db, name: str) -> ProgressReportDialog:
    dialog = ProgressReportDialog(AppContext(db), find_athlete(db, name))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def printed(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def print_to(qtbot, dialog: ProgressReportDialog, path) -> None:
    operation = dialog.save_and_export(path)
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    assert dialog.written is not None


def test_the_dialog_starts_from_the_stored_note_and_stores_what_it_prints(
    qtbot, demo, tmp_path
):
    ben = find_athlete(demo, "Ben Okafor")
    first = dialog_for(qtbot, demo, "Ben Okafor")
    assert first.assessment.toPlainText() == "" and first.plan.toPlainText() == ""
    assert first.saved_when.text() == "Nothing stored for this athlete yet."
    first.assessment.setPlainText("Right hip ER improved beyond its error.")
    first.plan.setPlainText("Continue; re-test\nin 4 weeks.")
    print_to(qtbot, first, tmp_path / "first.pdf")
    assert "Right hip ER improved beyond its error." in printed(tmp_path / "first.pdf")
    stored = get_progress_notes(demo, ben.id)
    assert stored.plan == "Continue; re-test\nin 4 weeks." and stored.version == 1

    second = dialog_for(qtbot, demo, "Ben Okafor")  # a new window's dialog, say
    assert second.assessment.toPlainText() == "Right hip ER improved beyond its error."
    assert second.plan.toPlainText() == "Continue; re-test\nin 4 weeks."
    assert second.saved_when.text().startswith("Stored with the athlete on ")
    # another athlete has their own note
    assert dialog_for(qtbot, demo, "Ava Lindqvist").assessment.toPlainText() == ""


@pytest.mark.parametrize("choice", ["overwrite", "reload", "cancel"])
def test_another_desks_newer_note_is_shown_before_printing(
    qtbot, demo, other, tmp_path, monkeypatch, choice
):
    ben = find_athlete(demo, "Ben Okafor")
    asked = []

    def ask(parent, what, lines):
        asked.append((what, [(line.yours, line.theirs) for line in lines]))
        return choice

    monkeypatch.setattr(conflict_dialog, "ask_conflict", ask)
    dialog = dialog_for(qtbot, demo, "Ben Okafor")
    save_progress_notes(other, ben.id, "Their assessment.", "Their plan.", 0)
    dialog.assessment.setPlainText("My assessment.")
    dialog.plan.setPlainText("My plan.")
    out = tmp_path / "ben.pdf"
    started = dialog.save_and_export(out)
    assert asked == [
        ("The assessment and plan",
         [("My assessment.", "Their assessment."), ("My plan.", "Their plan.")]),
    ]  # fmt: skip
    if choice == "overwrite":
        assert started is not None  # the save over their version went on to print
        with qtbot.waitSignal(started.finished, timeout=30000):
            pass
        assert "My assessment." in printed(out)
        assert get_progress_notes(other, ben.id).assessment == "My assessment."
        return
    assert started is None and not out.exists()  # nothing printed
    assert get_progress_notes(demo, ben.id).assessment == "Their assessment."
    if choice == "reload":
        assert dialog.assessment.toPlainText() == "Their assessment."
        assert dialog.status.text() == "Showing the version saved at the other desk."
        print_to(qtbot, dialog, out)  # printing it now is no conflict
        assert "Their assessment." in printed(out)
    else:
        assert dialog.assessment.toPlainText() == "My assessment."
        assert "another desk changed the assessment and plan" in dialog.status.text()


def test_a_text_too_long_is_refused_with_one_line_and_nothing_printed(
    qtbot, demo, tmp_path, monkeypatch
):
    warned = []
    monkeypatch.setattr(
        "app.views.progress_report_dialog.QMessageBox.warning",
        lambda parent, title, text: warned.append(text),
    )
    dialog = dialog_for(qtbot, demo, "Ben Okafor")
    dialog.assessment.setPlainText("x" * 5001)
    out = tmp_path / "long.pdf"
    assert dialog.save_and_export(out) is None
    assert warned == ["The assessment is longer than 5000 characters."]
    assert not out.exists() and dialog.save_button.isEnabled()
