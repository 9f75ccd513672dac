"""Every text field of every form stops at its column's limit (issue 16, point 8).

Without a limit the athlete dialog let a sport of 101 characters through to SQLite, where it
was stored, and to PostgreSQL, where it was refused; the limit a field shows is the one the
domain checks (app.domain.validation), so typing can never produce what saving refuses.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain import validation as v
from app.domain.programs import NOTES_MAX as PROGRAM_NOTES_MAX
from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.context import AppContext
from app.views.athlete_dialog import AthleteDialog
from app.views.dosage_editor import DosageEditor
from app.views.drill_editor import DrillEditor
from app.views.program_editor import ProgramEditor
from app.views.session_editor import SessionEditor
from app.views.settings_dialog import CustomMeasurementDialog, SettingsDialog

QT_DEFAULT_MAX_LENGTH = 32767


def text_fields(widget: QWidget) -> list[QLineEdit]:
    """The line edits a person types into (read-only ones, spin boxes' own editors aside)."""
    return [
        e
        for e in widget.findChildren(QLineEdit)
        if not e.isReadOnly() and e.parent().metaObject().className() not in (
            "QDateEdit", "QDoubleSpinBox", "DecimalSpinBox", "QSpinBox", "OptionalDateEdit",
        )
    ]  # fmt: skip


@pytest.fixture
def context(db):
    return AppContext(db)


def test_the_athlete_dialog_limits_every_text_to_its_column(qtbot, context):
    dialog = AthleteDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.name.maxLength() == v.NAME_MAX
    assert dialog.sport.maxLength() == v.SPORT_MAX
    assert dialog.injury_notes.maxLength() == v.NOTES_MAX
    assert all(e.maxLength() < QT_DEFAULT_MAX_LENGTH for e in text_fields(dialog))
    qtbot.keyClicks(dialog.sport, "x" * 150)
    assert len(dialog.data().sport) == v.SPORT_MAX  # and the service takes it


def test_every_other_form_limits_its_texts(qtbot, context, db):
    athlete = create_athlete(db, AthleteData(name="Ava"))
    session = SessionEditor(context, athlete, ["hip_ir_deg"])
    drill = DrillEditor(context)
    holder = QWidget()
    qtbot.addWidget(holder)
    custom = CustomMeasurementDialog(context, None, holder)
    settings = SettingsDialog(context)
    program = ProgramEditor()
    dosage = DosageEditor()
    for widget in (session, drill, settings, program, dosage):
        qtbot.addWidget(widget)
    for widget in (session, drill, custom, settings, program, dosage):
        unlimited = [
            e.accessibleName() or e.placeholderText() or e.objectName()
            for e in text_fields(widget)
            if e.maxLength() >= QT_DEFAULT_MAX_LENGTH
        ]
        assert unlimited == [], (type(widget).__name__, unlimited)
    assert session.clinician.maxLength() == v.NAME_MAX
    assert session.notes.maxLength() == v.NOTES_MAX
    assert drill.name.maxLength() == v.NAME_MAX
    assert custom.key.maxLength() == v.KEY_MAX and custom.name.maxLength() == v.NAME_MAX
    assert custom.unit.lineEdit().maxLength() == v.UNIT_MAX
    assert settings.clinic_name.maxLength() == v.NAME_MAX
    assert program.findChild(QLineEdit).maxLength() <= PROGRAM_NOTES_MAX
    assert "hip_ir_deg" in load_catalog(db)
