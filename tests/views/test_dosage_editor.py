"""The one dosage form: what it shows, what it reads back, and when it says it was edited."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from app.domain.drills import UNITS, Dosage, load_builtin_drills
from app.views.dosage_editor import DosageEditor, without_mnemonic


@pytest.fixture
def editor(qtbot):
    widget = DosageEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def labels(editor: DosageEditor) -> list[str]:
    form = editor.form
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            texts.append(item.widget().text())
    return texts


def test_the_units_are_the_domains_shown_as_words(editor):
    values = [editor.unit.itemData(i) for i in range(editor.unit.count())]
    assert sorted(values) == sorted(UNITS)
    words = {editor.unit.itemData(i): editor.unit.itemText(i) for i in range(editor.unit.count())}
    assert words["s"] == "seconds" and words["reps"] == "reps"


@pytest.mark.parametrize("drill", load_builtin_drills(), ids=lambda d: d.key)
def test_what_is_set_reads_back(editor, drill):
    editor.set_dosage(drill.dosage)
    assert editor.dosage() == drill.dosage


def test_typed_counts_are_trimmed(editor):
    editor.set_dosage(Dosage("3", "8–10", "reps", False, 5))
    editor.sets.setText(" 2-3 ")
    assert editor.dosage().sets == "2-3"


def test_edited_follows_the_user_not_set_dosage(editor):
    seen = []
    editor.edited.connect(lambda: seen.append(editor.dosage()))
    editor.set_dosage(Dosage("3", "8–10", "reps", False, 5))
    editor.set_dosage(Dosage("2", "30", "s", True, 3))
    assert seen == []
    editor.per_week.setValue(4)
    editor.each_side.setChecked(False)  # as a click does
    editor.amount.setText("45")
    editor.amount.editingFinished.emit()
    editor.unit.activated.emit(0)
    assert len(seen) == 4
    assert seen[-1] == replace(
        Dosage("2", "30", "s", True, 3), amount="45", per_week=4, each_side=False
    )


def test_labels_with_and_without_mnemonics(qtbot):
    plain = DosageEditor(mnemonics=False)
    qtbot.addWidget(plain)
    with_keys = DosageEditor()
    qtbot.addWidget(with_keys)
    assert labels(with_keys) == ["&Sets / rounds", "Amount per s&et", "Un&it", "Per &week"]
    assert labels(plain) == ["Sets / rounds", "Amount per set", "Unit", "Per week"]
    assert without_mnemonic("Salt && &Pepper") == "Salt && Pepper"


def test_accessible_names(editor):
    names = [w.accessibleName() for w in (editor.sets, editor.amount, editor.unit, editor.per_week)]
    assert names == ["Sets", "Amount per set", "Unit", "Times per week"]
