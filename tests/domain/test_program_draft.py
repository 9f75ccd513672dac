"""The program on the Program page, without widgets: edits, order and the unsaved flag."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.drills import load_builtin_drills, seed_program_keys
from app.domain.program_draft import ProgramDraft
from app.domain.programs import ProgramItem, ProgramRecord, resolve_item_drill

LIBRARY = load_builtin_drills()
BY_KEY = {d.key: d for d in LIBRARY}
START = dt.date(2026, 3, 2)


def resolve(item: ProgramItem):
    return resolve_item_drill(item.drill_key, item.side, LIBRARY)


def record(n: int = 5) -> ProgramRecord:
    items = tuple(
        ProgramItem(key, BY_KEY[key].side, BY_KEY[key].dosage, id=i + 1)
        for i, key in enumerate(list(seed_program_keys())[:n])
    )
    return ProgramRecord(
        start_date=START,
        items=items,
        weeks=6,
        pattern="left",
        reasons=("Findings consistent with the common left-pattern asymmetry.",),
        notes="Before your run",
        id=7,
        athlete_id=1,
    )


def saved(n: int = 5) -> ProgramDraft:
    return ProgramDraft.of_record(record(n), resolve, based_on=7)


def test_a_saved_version_loads_unchanged_and_clean():
    draft = saved()
    assert not draft.dirty and draft.saved_unchanged is draft.saved
    assert draft.data() == record().data()
    assert [d.key for d in draft.drills] == [i.drill_key for i in draft.items]
    assert draft.printable() is draft.saved
    assert draft.based_on == 7


def test_an_unsaved_program_is_dirty_from_the_start():
    data = replace(record().data(), notes="")
    draft = ProgramDraft.unsaved(data, resolve, based_on=3)
    assert draft.dirty and draft.saved is None and draft.based_on == 3
    assert draft.data() == data and draft.printable() == data


def test_a_blank_draft_is_empty_and_clean():
    draft = ProgramDraft(start=START)
    assert len(draft) == 0 and not draft.dirty and draft.saved is None
    assert draft.data().items == () and draft.data().weeks == 4


@given(st.integers(min_value=0, max_value=4), st.sampled_from([-1, 1]))
def test_moving_a_drill_and_back_restores_the_order(row, step):
    draft = saved()
    before = draft.items
    moved = draft.move(row, step)
    if moved is None:  # off either end: nothing happens
        assert draft.items == before and not draft.dirty
        return
    assert draft.move(moved, -step) == row
    assert draft.items == before
    assert draft.dirty  # moved twice is still an edit


@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from([-2, -1, 1, 2])), max_size=12))
def test_moves_only_reorder(moves):
    draft = saved()
    before = sorted(draft.items, key=lambda i: i.drill_key)
    for row, step in moves:
        draft.move(row, step)
    assert sorted(draft.items, key=lambda i: i.drill_key) == before
    assert [d.key for d in draft.drills] == [i.drill_key for i in draft.items]


def test_removing_what_was_added_gives_the_program_back():
    draft = saved()
    before = draft.data()
    row = draft.add(BY_KEY["left-side-plank"])
    assert row == 5 and draft.item(row).dosage == BY_KEY["left-side-plank"].dosage
    assert draft.drill(row).key == "left-side-plank" and draft.dirty
    assert draft.remove(row)
    assert draft.data() == before
    assert not draft.remove(row)  # gone: nothing to remove


def test_reorder_takes_a_permutation_and_ignores_the_same_order():
    draft = saved(3)
    keys = [i.drill_key for i in draft.items]
    assert not draft.reorder([0, 1, 2]) and not draft.dirty
    assert draft.reorder([2, 0, 1])
    assert [i.drill_key for i in draft.items] == [keys[2], keys[0], keys[1]]
    with pytest.raises(ValueError):
        draft.reorder([0, 0, 1])


def test_an_edit_that_changes_nothing_keeps_the_draft_clean():
    draft = saved()
    item = draft.item(1)
    assert not draft.edit(1, item.dosage, item.notes)
    assert not draft.set_start(START) and not draft.set_weeks(6)
    assert not draft.set_notes("Before your run")
    assert not draft.dirty and draft.printable() is draft.saved


def test_each_kind_of_edit_marks_the_draft_unsaved():
    item = saved().item(1)
    edits = [
        lambda d: d.edit(1, replace(item.dosage, per_week=7), item.notes),
        lambda d: d.edit(1, item.dosage, "Before your run"),
        lambda d: d.set_start(START + dt.timedelta(days=1)),
        lambda d: d.set_weeks(8),
        lambda d: d.set_notes("Before your run "),  # as typed; saved stripped
        lambda d: d.set_side(1, "right", LIBRARY),
        lambda d: d.move(1, 1) is not None,
        lambda d: d.remove(1),
        lambda d: d.add(LIBRARY[0]) is not None,
    ]
    for edit in edits:
        draft = saved()
        assert edit(draft) and draft.dirty
        assert draft.saved_unchanged is None and draft.printable() == draft.data()
        assert draft.saved is not None  # still the version it started from


def test_notes_are_kept_as_typed_and_saved_trimmed():
    draft = ProgramDraft(start=START)
    draft.set_notes("  Rest on Sundays \n")
    assert draft.notes == "  Rest on Sundays \n" and draft.data().notes == "Rest on Sundays"


def test_the_other_side_mirrors_the_drill_and_back():
    draft = saved()
    first = draft.drill(0)
    assert draft.set_side(0, "right", LIBRARY)
    assert draft.item(0).side == "right" and draft.drill(0).side == "right"
    assert draft.item(0).drill_key == "right-sucker-punch-rockback"
    assert "Right" in draft.drill(0).name
    assert draft.set_side(0, "left", LIBRARY)
    assert draft.drill(0) == first and draft.item(0).drill_key == first.key
    assert not draft.set_side(0, "left", LIBRARY)  # already there


def test_both_sides_keeps_the_drill_as_written():
    draft = saved()
    first = draft.drill(0)
    assert draft.set_side(0, "both", LIBRARY)
    assert draft.item(0).side == "both" and draft.drill(0) == first


def test_the_side_is_found_in_the_drafts_own_drills_without_a_library():
    draft = saved()
    assert draft.set_side(0, "right", [])
    assert draft.drill(0).side == "right"


def test_rows_out_of_range_change_nothing():
    draft = saved(2)
    item = draft.item(0)
    assert draft.move(-1, 1) is None and draft.move(5, -1) is None and draft.move(0, 0) is None
    assert not draft.edit(9, item.dosage, "x")
    assert not draft.set_side(9, "right", LIBRARY)
    assert not draft.has(2) and draft.has(1)
    assert not draft.dirty
