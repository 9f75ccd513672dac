"""The Program page's editor on its own: a draft in, the user's edits applied to it."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.drills import load_builtin_drills, seed_program_keys
from app.domain.program_draft import ProgramDraft
from app.domain.programs import ProgramItem, ProgramRecord, resolve_item_drill
from app.views.program_editor import ProgramEditor

LIBRARY = load_builtin_drills()
BY_KEY = {d.key: d for d in LIBRARY}


def saved_draft() -> ProgramDraft:
    items = tuple(
        ProgramItem(key, BY_KEY[key].side, BY_KEY[key].dosage, id=n)
        for n, key in enumerate(seed_program_keys(), start=1)
    )
    record = ProgramRecord(start_date=dt.date(2026, 3, 2), items=items, weeks=6, id=1)
    return ProgramDraft.of_record(
        record, lambda i: resolve_item_drill(i.drill_key, i.side, LIBRARY), based_on=1
    )


@pytest.fixture
def editor(qtbot):
    widget = ProgramEditor()
    qtbot.addWidget(widget)
    widget.set_library(LIBRARY)
    widget.show_draft(saved_draft())
    widget.update_enabled(has_athlete=True, writable=True)
    widget.show()
    return widget


def entries(editor: ProgramEditor) -> list[str]:
    items = editor.drill_list.list
    return [items.item(i).text() for i in range(items.count())]


def test_it_shows_the_draft_with_the_first_drill_selected(editor):
    assert len(entries(editor)) == 5 and entries(editor)[0].startswith("1. Left Sucker Punch")
    assert "Left Sucker Punch Rockback" in editor.selected.drill_name.text()
    assert editor.selected.isEnabled() and not editor.drill_list.up_button.isEnabled()


def test_choosing_the_other_side_mirrors_the_drill(qtbot, editor):
    box = editor.selected.side_box
    box.setCurrentIndex(box.findData("right"))
    with qtbot.waitSignal(editor.changed):
        box.activated.emit(box.currentIndex())
    assert editor.draft.dirty and editor.draft.item(0).side == "right"
    assert entries(editor)[0].startswith("1. Right Sucker Punch Rockback")
    assert "Right Sucker Punch" in editor.selected.drill_name.text()


def test_a_drag_reorders_the_draft(qtbot, editor):
    first = editor.draft.item(0)
    with qtbot.waitSignal(editor.changed):
        editor.drill_list.reordered.emit([1, 0, 2, 3, 4])
    assert editor.draft.item(1) == first and entries(editor)[1].startswith("2. Left Sucker")


def test_an_unchanged_field_left_is_no_edit(qtbot, editor):
    with qtbot.assertNotEmitted(editor.changed):
        editor.selected.notes.editingFinished.emit()
        editor.selected.dosage.sets.editingFinished.emit()
    assert not editor.draft.dirty


def test_dosage_and_note_edits_reach_the_draft(editor):
    editor.drill_list.list.setCurrentRow(2)
    editor.selected.dosage.per_week.setValue(2)
    editor.selected.notes.setText("  After the run ")
    editor.selected.notes.editingFinished.emit()
    item = editor.draft.item(2)
    assert (item.dosage.per_week, item.notes) == (2, "After the run")
    assert entries(editor)[2].endswith("2×/week")


def test_add_and_remove(editor):
    editor.add_drill("left-side-plank")
    assert len(editor.draft) == 6 and editor.drill_list.current_row() == 5
    editor.remove_current()
    assert len(editor.draft) == 5 and editor.drill_list.current_row() == 4
    assert editor.draft.dirty


def test_read_only_disables_editing(editor):
    editor.update_enabled(has_athlete=True, writable=False)
    assert not editor.selected.isEnabled()
    assert not editor.drill_list.add_button.isEnabled()
    assert not editor.drill_list.remove_button.isEnabled()
