from PySide6.QtCore import Qt

from app.services.athletes import list_athletes
from app.services.context import AppContext
from app.services.settings import get_settings
from app.views.first_run import FirstRunDialog, apply_first_run
from app.views.main_window import MainWindow
from app.views.session_editor import SessionEditor


def test_first_run_solo_opens_straight_on_the_one_athlete(qtbot, db):
    context = AppContext(db)
    assert context.settings.mode == ""
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.solo, Qt.MouseButton.LeftButton)
    assert dialog.choice == "solo"
    apply_first_run(context, dialog.choice, "Riley Runner")
    settings = get_settings(db)
    [me] = list_athletes(db)
    assert (settings.mode, settings.solo_athlete_id, me.name) == ("solo", me.id, "Riley Runner")

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert not window.athlete_list.isVisible()
    assert not window.new_athlete_action.isVisible()
    assert window.athlete.id == me.id
    keys = window.sessions_page.usual_keys()
    assert keys == [
        "ankle_df_lunge_cm",
        "single_hop_cm",
        "calf_raise_reps",
        "single_leg_bridge_reps",
        "side_plank_s",
    ]
    editor = SessionEditor(context, window.athlete, keys, parent=window)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.clinician.isHidden()
    editor.rows[1].left[0].setFocus()
    qtbot.waitUntil(lambda: "hop forward" in editor.protocol.text().lower())
    assert editor.protocol.isVisible()


def test_first_run_clinician(qtbot, db):
    context = AppContext(db)
    apply_first_run(context, "clinician")
    assert get_settings(db).mode == "clinician" and list_athletes(db) == []
