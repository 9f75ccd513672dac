"""The settings dialog at one desk while another desk saves settings: other keys are merged,
the same key brings up the conflict dialog (reload / overwrite / keep editing)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.models.db import open_database
from app.services.catalog import CustomMeasurement, get_custom_measurement, save_custom_measurement
from app.services.context import AppContext
from app.services.settings import get_settings, load_settings, save_settings
from app.views import settings_dialog
from app.views.conflict_dialog import CANCEL, OVERWRITE, RELOAD
from app.views.settings_dialog import CustomMeasurementDialog, SettingsDialog


@pytest.fixture
def other(db):
    desk = open_database(db.url, create=False)
    yield desk
    desk.dispose()


@pytest.fixture
def dialog(qtbot, db):
    d = SettingsDialog(AppContext(db))
    qtbot.addWidget(d)
    return d


def other_desk_saves(desk, **changes: object) -> None:
    loaded = load_settings(desk)
    settings = loaded.settings
    for name, value in changes.items():
        setattr(settings, name, value)
    save_settings(desk, settings, loaded)


@pytest.fixture
def answer(monkeypatch):
    """Answer the conflict dialog with ``answer.choice``; the lines it showed are kept."""

    class Answer:
        choice = CANCEL
        shown: list[list[tuple[str, str, str]]] = []  # noqa: RUF012

    def ask(_parent, _what, lines):
        Answer.shown.append([(line.label, line.yours, line.theirs) for line in lines])
        return Answer.choice

    monkeypatch.setattr(settings_dialog, "ask_conflict", ask)
    Answer.shown = []
    return Answer


def test_fields_nobody_touched_are_not_written(dialog, other, answer):
    """The mode shows as "Clinician" while nothing is stored: saving must not store it."""
    other_desk_saves(other, mode="solo", paper="letter")
    dialog.clinic_name.setText("Clinique Zoë")
    dialog.save()
    assert answer.shown == [] and dialog.result() == QDialog.DialogCode.Accepted
    stored = get_settings(other)
    assert (stored.clinic_name, stored.mode, stored.paper) == ("Clinique Zoë", "solo", "letter")


def test_the_same_setting_changed_elsewhere_asks_and_reload_keeps_my_other_changes(
    dialog, other, answer
):
    other_desk_saves(other, clinic_name="Front desk", paper="letter")
    dialog.clinic_name.setText("Back office")
    dialog.thresholds.spins["hip_ir_deg"].setValue(9)
    answer.choice = RELOAD
    dialog.save()
    assert answer.shown == [[("Clinic name", "Back office", "Front desk")]]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert get_settings(other).thresholds == {}  # nothing of this desk written yet
    # theirs where they changed something; this desk's threshold still typed in
    assert dialog.clinic_name.text() == "Front desk"
    assert dialog.paper.currentData() == "letter"
    assert dialog.thresholds.spins["hip_ir_deg"].value() == 9
    assert "other desk" in dialog.message.text()
    dialog.save()
    assert len(answer.shown) == 1 and dialog.result() == QDialog.DialogCode.Accepted
    stored = get_settings(other)
    assert (stored.clinic_name, stored.paper, stored.thresholds) == (
        "Front desk",
        "letter",
        {"hip_ir_deg": 9.0},
    )


def test_overwrite_saves_mine_over_theirs_and_keep_editing_saves_nothing(dialog, other, answer):
    other_desk_saves(other, thresholds={"hip_ir_deg": 8.0}, paper="letter")
    dialog.thresholds.spins["hip_ir_deg"].setValue(9.5)
    dialog.save()  # keep editing
    assert answer.shown == [[("Thresholds", "Hip IR 9.5", "Hip IR 8")]]
    assert get_settings(other).thresholds == {"hip_ir_deg": 8.0}
    assert "Not saved" in dialog.message.text()
    answer.choice = OVERWRITE
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = get_settings(other)
    assert (stored.thresholds, stored.paper) == ({"hip_ir_deg": 9.5}, "letter")


KNEE = CustomMeasurement(
    key="knee_flexion_deg", name="Knee flexion", unit="deg", kind="number", rule="diff",
    min=0, max=160, threshold=10,
)  # fmt: skip


def test_an_own_measurement_edited_at_both_desks(qtbot, db, other, answer):
    save_custom_measurement(db, KNEE)
    context = AppContext(db)
    editor = CustomMeasurementDialog(context, context.catalog["knee_flexion_deg"], None)
    qtbot.addWidget(editor)
    save_custom_measurement(
        other, CustomMeasurement(**{**KNEE.__dict__, "name": "Knee bend"}), new=False
    )
    editor.high.setValue(150)
    answer.choice = RELOAD
    editor.save()
    differing = [line for line in answer.shown[0] if line[1] != line[2]]
    assert differing == [
        ("Name", "Knee flexion", "Knee bend"),
        ("Highest valid value", "150", "160"),
    ]
    assert editor.name.text() == "Knee bend" and editor.high.value() == 160
    editor.high.setValue(150)
    editor.save()  # based on their version now: saved
    assert editor.result() == QDialog.DialogCode.Accepted
    stored = get_custom_measurement(other, "knee_flexion_deg")
    assert (stored.name, stored.max, stored.version) == ("Knee bend", 150, 3)


def test_retiring_a_measurement_changed_elsewhere_says_so_and_shows_it_as_stored(
    qtbot, db, other, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    save_custom_measurement(db, KNEE)
    dialog = SettingsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    save_custom_measurement(other, CustomMeasurement(**{**KNEE.__dict__, "max": 150}), new=False)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog.custom_list.setCurrentRow(0)
    dialog.toggle_retired()
    assert warnings and "changed elsewhere" in warnings[0]
    assert not get_custom_measurement(other, "knee_flexion_deg").retired
    dialog.custom_list.setCurrentRow(0)
    dialog.toggle_retired()  # now on the version shown
    assert get_custom_measurement(other, "knee_flexion_deg").retired
