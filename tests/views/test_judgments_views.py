"""The judgments on screen (DOMAIN.md §3–§5): the status beside the flag, the change of
asymmetry, involved/uninvolved, the threshold-below-error warning, pain in the editor."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.records import AthleteData, MeasurementInput
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.sessions import record_session
from app.views.main_window import MainWindow
from app.views.session_editor import SessionEditor
from app.views.settings_dialog import SettingsDialog
from tests.conftest import TODAY, session_inputs


@pytest.fixture
def window(qtbot, db):
    w = MainWindow(AppContext(db))
    qtbot.addWidget(w)
    return w


def _row(window, label):
    top = window.sessions_page.history.topLevelItem(0)
    top.setExpanded(True)
    for i in range(top.childCount()):
        if top.child(i).text(0).startswith(label):
            return top.child(i)
    raise AssertionError(label)


def test_history_shows_pain_within_error_both_low_and_the_change_of_asymmetry(
    qtbot, db, catalog, window
):
    athlete = create_athlete(
        db,
        AthleteData(name="Hana History", involved_side="left", sex="female",
                    birth_date=dt.date(2000, 1, 1)),
    )  # fmt: skip
    record_session(
        db, catalog, athlete.id, TODAY - dt.timedelta(days=42),
        session_inputs(hip_ir_deg=(22, 40), ybt_anterior_cm=(60, 66)),
    )  # fmt: skip
    record_session(
        db,
        catalog,
        athlete.id,
        TODAY,
        [
            MeasurementInput("hip_ir_deg", (30,), (40,), pain_left=5),
            MeasurementInput("ybt_anterior_cm", (60,), (66,)),
            MeasurementInput("calf_raise_reps", (20,), (21,)),
        ],
    )
    window.athlete_list.reload(athlete.id)
    history = window.sessions_page.history
    header = history.headerItem()
    assert (header.text(1), header.text(2)) == ("Left (involved)", "Right (uninvolved)")
    hip = _row(window, "Hip IR")
    assert hip.text(5) == "✚ pain-limited · ▲ asymmetric"
    assert "pain left 5/10" in hip.toolTip(5)
    assert hip.text(8) == "18° → 10° reduced"  # 8° > √2 × 5.4° = 7.6°
    assert "beyond the 7.6° error of a change" in hip.toolTip(8)
    ybt = _row(window, "Y-Balance")
    assert ybt.text(5) == "◐ watch (in error)"  # 6 cm > 4 cm but within the 8.6 cm error
    assert "within measurement error: measure again" in ybt.toolTip(5)
    assert _row(window, "Calf raises").text(5) == "✓ ok · both low"  # LSI 95 %, both < 24
    assert "pain-limited" in history.topLevelItem(0).toolTip(5)


def test_settings_warns_when_a_threshold_is_below_the_error(qtbot, window):
    dialog = SettingsDialog(window.context, window)
    qtbot.addWidget(dialog)
    table = dialog.thresholds
    row, _ = table.definitions["hip_ir_deg"]
    cell = table.item(row, table.ERROR_COLUMN)
    assert cell.text().startswith("5.4 deg (Krause 2015")
    table.spins["hip_ir_deg"].setValue(5.0)
    assert cell.text().startswith("⚠ below measurement error: expect flags from noise")
    assert "hip_ir_deg" in table.below_error()
    table.spins["hip_ir_deg"].setValue(10.0)
    assert not cell.text().startswith("⚠")
    fpi_row, _ = table.definitions["foot_posture_index"]
    assert "estimate" in table.item(fpi_row, table.ERROR_COLUMN).text()


def test_the_session_editor_turns_a_painful_row_pain_limited(qtbot, db, catalog, window):
    athlete = create_athlete(db, AthleteData(name="Ed Editor"))
    editor = SessionEditor(window.context, athlete, ["hip_ir_deg"], parent=window)
    qtbot.addWidget(editor)
    row = editor.row_for("hip_ir_deg")
    qtbot.keyClicks(row.left[0], "28")
    qtbot.keyClicks(row.right[0], "41")
    assert row.flag.text() == "▲ asymmetric"
    row.pain_right.setValue(3)
    assert row.flag.text() == "✚ pain-limited · ▲ asymmetric"
    row.pain_right.setValue(2)
    assert row.flag.text() == "▲ asymmetric"


def test_the_trend_detail_shows_pain_beside_the_flag(qtbot, db, catalog):
    from app.views.state import AppState
    from app.views.trends import TrendsPage

    athlete = create_athlete(db, AthleteData(name="Tia Trend", involved_side="right"))
    record_session(
        db, catalog, athlete.id, TODAY, [MeasurementInput("hip_ir_deg", (30,), (42,), pain_right=4)]
    )
    page = TrendsPage(AppState(AppContext(db)))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_athlete(athlete)
    qtbot.waitUntil(page.is_ready)
    page.open_detail("hip_ir_deg")
    qtbot.waitUntil(page.is_ready)
    trend = page.detail.trend
    assert trend is not None and trend.latest_pain_limited
    text = page.hover_text(trend, trend.points[-1])
    assert "▲ asymmetric · ✚ pain-limited" in text
    assert "Right (involved)" in text and "Right (involved)" in page.key_label.text()
