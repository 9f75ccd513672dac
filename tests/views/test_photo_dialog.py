"""The "Measure on photo…" dialog and its place in the session editor (issue 19): driven with
the keyboard alone, markers proposed, a tilted camera corrected by the plumb line, drops of an
image on a field, refused files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.goniometer import segment_angle, three_point_angle
from app.domain.records import AthleteData
from app.services.athletes import create_athlete
from app.services.context import AppContext
from app.services.sessions import get_session
from app.views.photo_dialog import PhotoDialog, open_photo_file
from app.views.session_editor import SessionEditor
from tests.photos import jpeg, rotate_points, scene

W, H = 800, 600


def _photo(tmp_path: Path, markers=(), name="photo.jpg", **kw) -> Path:
    path = tmp_path / name
    path.write_bytes(jpeg(scene((W, H), list(markers), **kw)))
    return path


def _shown(qtbot, dialog: PhotoDialog) -> PhotoDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.first_paint is not None)
    qtbot.waitUntil(lambda: dialog.message.property("kind") == "detect")
    return dialog


def test_the_keyboard_alone_places_the_points_and_accepts(qtbot, tmp_path):
    """No markers: the points start on a vertical line; Tab picks point 2, Shift+Right moves
    it 10 px at a time, Right 1 px, P adds a plumb line, Enter takes the angle."""
    dialog = _shown(qtbot, open_photo_file(_photo(tmp_path), "vertical"))
    assert "No markers found" in dialog.message.text()
    start = dialog.points()
    assert dialog.angle == pytest.approx(0.0)
    view = dialog.view
    assert view.hasFocus() or QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # point 1 → point 2
    for _ in range(10):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    first, second = dialog.points()
    assert first == start[0]
    assert second == pytest.approx((start[1][0] + 103, start[1][1] - 1))
    expected = math.degrees(math.atan2(103, second[1] - first[1]))
    assert dialog.angle == pytest.approx(expected)
    assert dialog.angle_label.text().startswith(f"Angle: {expected:.1f}°")
    # zoom keys change the scale; 0 fits again
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert not view.fitted
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.fitted
    # a plumb line, then Tab walks on to its points and arrows move them too
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert dialog.plumb.isChecked() and len(dialog.plumb_points()) == 2
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert dialog.selected_index() == 2
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    top, bottom = dialog.plumb_points()
    assert dialog.angle == pytest.approx(segment_angle(first, second, [top, bottom]))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    photo = dialog.result_photo()
    assert photo.points == (tuple(round(v, 2) for v in first), tuple(round(v, 2) for v in second))
    assert photo.plumb is not None
    assert photo.angle == pytest.approx(dialog.angle, abs=1e-3)
    assert (photo.width, photo.height) == (W, H) and photo.image_type == "jpeg"


def test_markers_are_proposed_and_a_plumb_line_corrects_a_tilted_camera(qtbot, tmp_path):
    truth = [(380.0, 120.0), (330.0, 520.0)]
    plumb = [(100.0, 60.0), (100.0, 560.0)]
    tilted = rotate_points(truth + plumb, 7, (W / 2, H / 2))
    path = _photo(tmp_path, tilted[:2], plumb=(tilted[2], tilted[3]))
    dialog = _shown(qtbot, open_photo_file(path, "vertical"))
    assert "2 markers found" in dialog.message.text()
    for found, real in zip(dialog.points(), tilted[:2], strict=True):
        assert math.dist(found, real) <= 2
    assert dialog.angle == pytest.approx(segment_angle(*tilted[:2]), abs=0.5)
    dialog.set_plumb(True, tilted[2:])
    assert dialog.angle == pytest.approx(segment_angle(*truth), abs=0.5)
    assert "plumb line" in dialog.angle_label.text()


def test_three_markers_give_the_angle_at_the_middle_one(qtbot, tmp_path):
    truth = [(400.0, 80.0), (300.0, 330.0), (600.0, 480.0)]
    dialog = _shown(qtbot, open_photo_file(_photo(tmp_path, truth), "three"))
    assert dialog.angle == pytest.approx(three_point_angle(*truth), abs=0.5)
    assert "at point 2" in dialog.angle_label.text()
    assert not dialog.plumb.isVisible()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.jpg", b"hello", "is not a PNG or JPG picture"),
        ("drawing.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "is not a PNG or JPG"),
        ("cut.jpg", "truncated", "damaged or incomplete"),
    ],
)
def test_a_file_that_is_no_photo_gets_one_line_and_no_dialog(
    qtbot, tmp_path, monkeypatch, name, content, says
):
    if content == "truncated":
        whole = jpeg(scene((W, H), [(100, 100)]))
        content = whole[: len(whole) // 2]
    path = tmp_path / name
    path.write_bytes(content)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    assert open_photo_file(path, "vertical") is None
    assert len(said) == 1 and says in said[0] and "\n" not in said[0]


@pytest.fixture
def editor(qtbot, db, monkeypatch):
    # closing a form with unsaved values asks first; the test's teardown discards them
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    athlete = create_athlete(db, AthleteData(name="Photo Runner"))
    widget = SessionEditor(AppContext(db), athlete, ["hip_ir_deg", "side_plank_s"])
    qtbot.addWidget(widget)
    widget.athlete_id = athlete.id
    return widget


def _drop(fields, widget, path: Path) -> None:
    """A file dropped on ``widget``. Qt delivers a drop only during a drag its platform
    started (QDragManager's current target), which no test can start, so the event goes to
    the event filter the way ``QApplication::notify`` hands it over; the drag-enter is sent
    through Qt to show the field accepts it."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    args = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(QPoint(5, 5), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    assert fields.eventFilter(widget, QDropEvent(QPointF(5, 5), *args))


def test_a_photo_dropped_on_a_field_fills_it_and_is_saved_with_the_session(
    qtbot, tmp_path, db, editor
):
    row = editor.rows[0]
    assert row.photo_fields is not None and editor.rows[1].photo_fields is None  # angles only
    truth = [(380.0, 120.0), (330.0, 520.0)]
    _drop(row.photo_fields, row.right[0], _photo(tmp_path, truth))
    dialog = row.photo_fields.dialog
    assert dialog is not None and dialog.side == "right" and dialog.trial == 1
    qtbot.waitUntil(lambda: dialog.first_paint is not None)
    qtbot.waitUntil(lambda: dialog.message.property("kind") == "detect")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    angle = segment_angle(*truth)
    assert row.right[0].text() == f"{dialog.angle:.1f}"
    assert float(row.right[0].text()) == pytest.approx(angle, abs=0.5)
    assert row.flag.text()  # the editor's live flag judged the value
    assert ("right", 1) in row.photos
    qtbot.keyClicks(row.left[0], "30")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    stored = get_session(db, saved.args[0].id).measurement("hip_ir_deg")
    (photo,) = stored.photos
    assert (photo.side, photo.trial) == ("right", 1)
    assert photo.angle == pytest.approx(float(row.right[0].text()), abs=0.05)


def test_the_shortcut_opens_the_kept_photo_to_adjust(qtbot, db, editor, tmp_path):
    from tests.photos import photo_measurement

    row = editor.rows[0]
    photo = photo_measurement("left", 1)
    row.photos[("left", 1)] = photo
    row.photo_fields.refresh()
    row.left[0].setText(f"{photo.angle:.1f}")
    editor.show()
    row.left[0].setFocus()
    qtbot.waitUntil(row.left[0].hasFocus)
    qtbot.keyClick(
        row.left[0],
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = row.photo_fields.dialog
    assert dialog is not None and dialog.points() == list(photo.points)
    qtbot.waitUntil(lambda: dialog.first_paint is not None)
    for _ in range(4):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    kept = row.photos[("left", 1)]
    assert kept.image == photo.image  # the stored copy is reused, not encoded again
    assert kept.points[0] == pytest.approx((photo.points[0][0] - 40, photo.points[0][1]))
    assert row.left[0].text() == f"{kept.angle:.1f}"


def test_a_photo_dropped_on_the_name_goes_to_the_first_empty_field(qtbot, tmp_path, editor):
    row = editor.rows[0]
    row.left[0].setText("30")
    _drop(row.photo_fields, row.name_label, _photo(tmp_path))
    dialog = row.photo_fields.dialog
    assert dialog is not None and (dialog.side, dialog.trial) == ("left", 2)


def test_re_measuring_to_the_same_angle_still_marks_the_form_edited(qtbot, editor):
    from tests.photos import photo_measurement

    row = editor.rows[0]
    photo = photo_measurement("left", 1)
    row.photos[("left", 1)] = photo
    row.left[0].setText(f"{photo.angle:.1f}")
    editor._dirty = False
    row.photo_fields.measure("left", 1)
    dialog = row.photo_fields.dialog
    dialog.set_plumb(False)
    dialog.set_plumb(True, photo.plumb)  # the same points: the same angle
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert row.left[0].text() == f"{photo.angle:.1f}"
    assert editor._dirty
