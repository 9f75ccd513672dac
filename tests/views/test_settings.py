"""Settings change what the user sees everywhere: units, thresholds, own measurements, mode."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.sessions import list_sessions, record_session
from app.services.settings import get_settings
from app.views.main_window import MainWindow
from app.views.session_editor import SessionEditor
from app.views.settings_dialog import CustomMeasurementDialog, SettingsDialog
from tests.conftest import TODAY, session_inputs


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db))
    qtbot.addWidget(w)
    return w


def history_row(window, key_label):
    top = window.sessions_page.history.topLevelItem(0)
    top.setExpanded(True)
    for i in range(top.childCount()):
        if top.child(i).text(0).startswith(key_label):
            return top.child(i)
    raise AssertionError(key_label)


def test_inches_everywhere_after_changing_the_unit(qtbot, db, catalog, window):
    athlete = create_athlete(db, AthleteData(name="Inch Worm"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(ybt_anterior_cm=(63.5, 58.42)))
    window.athlete_list.reload(athlete.id)
    assert history_row(window, "Y-Balance").text(1) == "63.5"
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.length_unit.setCurrentIndex(dialog.length_unit.findData("in"))
    dialog.save()
    row = history_row(window, "Y-Balance")
    assert row.text(0) == "Y-Balance anterior (in)"
    assert (row.text(1), row.text(2), row.text(3)) == ("25.0", "23.0", "-2.0")
    # entry: typed inches are stored as centimetres, the range is said in inches
    editor = SessionEditor(window.context, athlete, ["ybt_anterior_cm"], parent=window)
    qtbot.addWidget(editor)
    ybt = editor.row_for("ybt_anterior_cm")
    assert "(in)" in ybt.name_label.text()
    qtbot.keyClicks(ybt.left[0], "70")
    assert "0.0 to 59.1 in" in editor.message.text()
    ybt.left[0].clear()
    qtbot.keyClicks(ybt.left[0], "25")
    qtbot.keyClicks(ybt.right[0], "20")
    editor.save()
    newest = list_sessions(db, athlete.id)[0]
    assert newest.measurement("ybt_anterior_cm").left == pytest.approx(63.5)


def test_changing_a_threshold_changes_the_flag(qtbot, db, catalog, window):
    athlete = create_athlete(db, AthleteData(name="Thresh Old"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(30, 38)))
    window.athlete_list.reload(athlete.id)
    assert history_row(window, "Hip IR").text(5) == "◐ watch"  # 8° ≥ 7.5°
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.thresholds.spins["hip_ir_deg"].setValue(8)
    dialog.save()
    assert history_row(window, "Hip IR").text(5) == "▲ asymmetric"
    assert get_settings(db).thresholds == {"hip_ir_deg": 8}
    again = SettingsDialog(window.context, window)
    qtbot.addWidget(again)
    assert again.thresholds.spins["hip_ir_deg"].value() == 8
    again.thresholds.spins["hip_ir_deg"].setValue(10)  # what "Reset" does
    again.save()
    assert get_settings(db).thresholds == {}


def test_own_measurement_add_and_retire(qtbot, db, window):
    dialog = CustomMeasurementDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.key.setText("knee_flexion_deg")
    dialog.name.setText("Knee flexion")
    dialog.unit.setCurrentText("deg")
    dialog.low.setValue(0)
    dialog.high.setValue(160)
    dialog.threshold.setValue(10)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.context.reload()
    assert window.context.catalog["knee_flexion_deg"].max == 160
    duplicate = CustomMeasurementDialog(window.context, None, window)
    qtbot.addWidget(duplicate)
    duplicate.key.setText("hip_ir_deg")
    duplicate.name.setText("Clash")
    duplicate.save()
    assert "built-in" in duplicate.error.text()
    duplicate.key.setText("knee_flexion_deg")
    duplicate.save()
    assert "already used" in duplicate.error.text()
    window.context.reload()
    assert window.context.catalog["knee_flexion_deg"].name == "Knee flexion"
    settings = SettingsDialog(window.context, window)
    qtbot.addWidget(settings)
    settings.custom_list.setCurrentRow(0)
    settings.toggle_retired()
    assert window.context.catalog["knee_flexion_deg"].retired


def test_logo_must_be_a_real_image(qtbot, window, monkeypatch):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert not dialog.set_logo(b"\x89PNG not really")
    assert warnings and "PNG or JPG" in warnings[0]
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    assert dialog.set_logo(bytes(buffer.data()))
    dialog.clinic_name.setText("Clinique Zoë")
    dialog.save()
    saved = get_settings(window.context.db)
    assert saved.clinic_name == "Clinique Zoë" and saved.logo_png_b64


def test_this_desks_database_is_remembered_for_the_next_start(qtbot, window, tmp_path):
    from PySide6.QtCore import QSettings

    from app.config import DESK_DATABASE_KEY, database_target

    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    target = "postgresql+psycopg://untwist@clinic-server/untwist"
    dialog.desk_database.setText(target)
    dialog.save()
    stored = QSettings().value(DESK_DATABASE_KEY)
    assert stored == target
    assert database_target(None, stored) == target
    assert database_target(str(tmp_path / "x.sqlite"), stored) == str(tmp_path / "x.sqlite")
