"""The Library page driven like a clinician: browse, search, preview the other side, edit."""

from __future__ import annotations

import json
import struct
import zlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.domain.drills import load_builtin_drills
from app.models import Drill as DrillRow
from app.models.db import open_database
from app.services.context import AppContext
from app.services.drills import drill_image, get_drill, get_drill_record
from app.views.library_page import KEY_ROLE, LibraryPage
from app.views.state import AppState

BUILTINS = load_builtin_drills()


def png_bytes(width: int, height: int, grey: int = 0x40) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    raw = b"".join(b"\0" + bytes([grey]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def page(qtbot, db):
    p = LibraryPage(AppState(AppContext(db)))
    qtbot.addWidget(p)
    p.resize(1040, 740)
    p.show()
    qtbot.waitExposed(p)
    qtbot.waitUntil(p.is_ready)
    return p


def visible_keys(page: LibraryPage) -> list[str]:
    return [
        page.list.item(i).data(KEY_ROLE)
        for i in range(page.list.count())
        if not page.list.item(i).isHidden()
    ]


def visible_names(page: LibraryPage) -> list[str]:
    return [
        page.list.item(i).text().split("\n")[0]
        for i in range(page.list.count())
        if not page.list.item(i).isHidden()
    ]


def dark_pixels(image: QImage) -> int:
    """Pixels clearly darker than the white card: the lines of a drawing."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 160:
                count += 1
    return count


def different_pixels(a: QImage, b: QImage) -> float:
    """Share of sampled pixels whose lightness differs clearly."""
    assert a.size() == b.size()
    differ = total = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            total += 1
            if abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness()) > 60:
                differ += 1
    return differ / total


def test_the_page_lists_every_drill_with_a_thumbnail(page):
    assert visible_keys(page) == [d.key for d in BUILTINS]
    assert page.count.text() == f"{len(BUILTINS)} of {len(BUILTINS)} drills"
    for i in range(page.list.count()):
        icon = page.list.item(i).icon()
        assert not icon.isNull()
        assert dark_pixels(icon.pixmap(96, 72).toImage()) > 20
    # the first drill is shown straight away
    assert page.view.drill == BUILTINS[0]


def test_search_filters_as_you_type_and_clearing_brings_everything_back(qtbot, page):
    qtbot.keyClicks(page.search, "plank")
    assert visible_keys(page) == ["left-side-plank"]
    assert page.view.drill.key == "left-side-plank"  # the only match is shown
    page.search.clear()
    qtbot.keyClicks(page.search, "hip rotation")  # every word, anywhere (targets included)
    keys = visible_keys(page)
    assert "left-hip-internal-rotation-lift-offs" in keys and "left-side-plank" not in keys
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz no such drill")
    assert visible_keys(page) == [] and page.view.drill is None
    assert page.count.text() == f"0 of {len(BUILTINS)} drills"
    page.search.clear()
    assert len(visible_keys(page)) == len(BUILTINS)


def test_region_and_measurement_filters(page):
    page.region.setCurrentIndex(page.region.findData("ankle"))
    assert visible_keys(page) and all(
        get_drill(page.context.db, k).region == "ankle" for k in visible_keys(page)
    )
    page.region.setCurrentIndex(0)
    page.target.setCurrentIndex(page.target.findData("side_plank_s"))
    keys = visible_keys(page)
    assert "left-side-plank" in keys
    assert all("side_plank_s" in get_drill(page.context.db, k).targets for k in keys)


def test_selecting_shows_the_drill_with_its_drawing(qtbot, page):
    page.select("left-single-leg-bridge")
    drill = page.view.drill
    assert drill.key == "left-single-leg-bridge"
    assert drill.name in page.view.title.text()
    assert drill.steps[0].split()[0] in page.view.details.text()
    assert drill.dosage.text() in page.view.summary.text()
    shot = page.view.picture.grab().toImage()
    assert dark_pixels(shot) > 200, "the illustration is blank"


def test_the_mirrored_preview_swaps_sides_and_flips_the_drawing(qtbot, page):
    page.select("90-90-left-hip-shift")
    straight = page.view.pixmap.toImage()
    page.mirrored.setChecked(True)
    assert page.view.drill.name == "90-90 with Right Hip Shift"
    assert page.view.drill.mirrored
    assert "90-90 with Right Hip Shift" in visible_names(page)
    assert "Left Side Plank" not in visible_names(page)
    flipped = page.view.pixmap.toImage()
    mirror_of_straight = straight.flipped(Qt.Orientation.Horizontal)
    # the same drawing, flipped (anti-aliasing may differ by a shade along the lines)
    assert different_pixels(flipped, mirror_of_straight) < 0.01
    assert different_pixels(flipped, straight) > 0.03
    # search works on what is shown
    qtbot.keyClicks(page.search, "right hip shift")
    assert visible_keys(page) == ["90-90-left-hip-shift"]


def open_editor(qtbot, page):
    page.edit_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    return page.editor


def test_editing_a_builtin_saves_and_restore_asks_then_brings_the_original_back(
    qtbot, page, monkeypatch
):
    page.select("left-side-plank")
    assert not page.restore_button.isEnabled()  # nothing to restore yet
    editor = open_editor(qtbot, page)
    editor.name.setText("Side Plank, Clinic Version")
    editor.steps.setPlainText("1. Lie on your left side.\n\n2. Lift your hips.")
    editor.sets.setText("2-3")
    with qtbot.waitSignal(editor.saved):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    stored = get_drill(page.context.db, "left-side-plank")
    assert stored.name == "Side Plank, Clinic Version"
    assert stored.steps == ("Lie on your left side.", "Lift your hips.")
    assert stored.dosage.sets == "2–3"
    assert page.view.drill.name == "Side Plank, Clinic Version"
    assert "edited" in page.list.currentItem().text()
    assert page.restore_button.isEnabled()

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.restore_button.click()  # cancelled: nothing changes
    assert get_drill(page.context.db, "left-side-plank").name == "Side Plank, Clinic Version"
    page.restore_button.click()
    original = next(d for d in BUILTINS if d.key == "left-side-plank")
    assert get_drill(page.context.db, "left-side-plank") == original
    assert page.view.drill == original and not page.restore_button.isEnabled()


def test_an_invalid_edit_shows_every_problem_and_writes_nothing(qtbot, page):
    page.select("left-side-plank")
    before = get_drill_record(page.context.db, "left-side-plank")
    editor = open_editor(qtbot, page)
    editor.name.clear()
    editor.steps.setPlainText("\n \n")
    editor.amount.setText("lots")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible()
    message = editor.error.text()
    assert "The name is empty" in message
    assert "at least one step" in message
    assert "Amount per set" in message
    assert get_drill_record(page.context.db, "left-side-plank") == before


def test_a_change_made_elsewhere_is_not_silently_overwritten(qtbot, page, monkeypatch):
    import app.views.conflict_dialog as conflict

    page.select("left-side-plank")
    editor = open_editor(qtbot, page)
    with page.context.db.transaction() as s:  # another desk saves first
        row = s.scalars(select(DrillRow).where(DrillRow.key == "left-side-plank")).one()
        row.steps = json.dumps(["The other desk's step."])
    editor.name.setText("Mine")
    asked = []
    answers = [conflict.CANCEL, conflict.OVERWRITE]

    def ask(parent, what, lines):
        asked.append({line.label: line for line in lines})
        return answers.pop(0)

    monkeypatch.setattr(conflict, "ask_conflict", ask)
    save = editor.buttons.button(editor.buttons.StandardButton.Save)
    save.click()  # both versions are shown side by side; "keep editing" writes nothing
    assert asked[0]["Name"].yours == "Mine" and asked[0]["Name"].theirs == "Left Side Plank"
    assert asked[0]["Steps"].theirs == "The other desk's step." and asked[0]["Steps"].differs
    stored = get_drill(page.context.db, "left-side-plank")
    assert stored.name == "Left Side Plank" and stored.steps == ("The other desk's step.",)
    assert editor.isVisible() and "another desk" in editor.error.text()
    save.click()  # overwrite knowingly
    assert get_drill(page.context.db, "left-side-plank").name == "Mine"


def fill_custom(editor, name: str) -> None:
    editor.name.setText(name)
    editor.aim.setPlainText("Stretch the calf of the stiffer ankle.")
    editor.setup.setPlainText("Stand facing a wall, the left foot back.")
    editor.steps.setPlainText("Keep the left heel down.\nLean in until the calf pulls.")
    editor.feel.setPlainText("A stretch in the left calf.")
    editor.side.setCurrentIndex(editor.side.findData("left"))
    for i in range(editor.targets.count()):
        item = editor.targets.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "ankle_df_lunge_cm":
            item.setCheckState(Qt.CheckState.Checked)


def test_a_custom_drill_with_a_picture_is_added_shown_and_retired(
    qtbot, page, tmp_path, monkeypatch
):
    picture = tmp_path / "calf.png"
    picture.write_bytes(png_bytes(120, 90))
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    editor = page.editor
    fill_custom(editor, "Wall Calf Stretch")
    assert editor.set_picture(picture)
    assert "calf.png" in editor.picture_note.text()
    with qtbot.waitSignal(editor.saved):
        editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert page.view.drill.key == "wall-calf-stretch"
    assert drill_image(page.context.db, "wall-calf-stretch") == (picture.read_bytes(), "png")
    assert dark_pixels(page.view.picture.grab().toImage()) > 200  # the grey photo is drawn
    assert page.retire_button.isVisible() and not page.restore_button.isVisible()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.retire_button.click()
    assert "wall-calf-stretch" not in visible_keys(page)
    page.show_retired.setChecked(True)
    page.select("wall-calf-stretch")
    assert "retired" in page.list.currentItem().text()
    page.retire_button.click()  # "Bring back"
    assert not get_drill_record(page.context.db, "wall-calf-stretch").retired


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("noise.png", bytes(range(256)) * 8, "not a PNG, JPG or SVG"),
        ("cut.png", png_bytes(64, 64)[:-30], "damaged or incomplete PNG"),
        ("readme.svg", b"This is a text file, renamed.", "not a PNG, JPG or SVG"),
        ("huge.png", png_bytes(4100, 10), "at most 4000×4000"),
    ],
)
def test_a_broken_picture_is_refused_in_the_editor_and_nothing_is_saved(
    qtbot, page, tmp_path, filename, content, message
):
    path = tmp_path / filename
    path.write_bytes(content)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    editor = page.editor
    fill_custom(editor, "Broken Picture Drill")
    assert not editor.set_picture(path)
    assert message in editor.error.text() and filename in editor.error.text()
    assert editor.image_path is None
    # the same file slipped past the chooser (e.g. replaced on disk) is refused on save
    editor.image_path = path
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible() and message in editor.error.text()
    with page.context.db.read() as s:
        assert s.scalars(select(DrillRow).where(DrillRow.builtin.is_(False))).all() == []


def test_a_duplicate_custom_name_is_refused_with_a_message(qtbot, page):
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    editor = page.editor
    fill_custom(editor, "Left Side Plank")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible() and "already exists" in editor.error.text()


def test_a_read_only_database_disables_editing(qtbot, db, db_path):
    readonly = open_database(str(db_path), create=False, read_only=True)
    try:
        p = LibraryPage(AppState(AppContext(readonly)))
        qtbot.addWidget(p)
        assert p.list.count() == len(BUILTINS)
        assert not p.edit_button.isEnabled() and not p.new_button.isEnabled()
    finally:
        readonly.dispose()


def test_the_main_window_opens_the_library_with_ctrl_4(qtbot, db):
    from app.views.main_window import MainWindow

    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.focusWidget() is not None)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.page_ready("library"))
    assert window.pages.tabText(window.pages.currentIndex()) == "Library"
    assert window.library.page.list.count() == len(BUILTINS)


def test_what_is_left_out_of_a_drawing_is_said(qtbot, page, tmp_path):
    """A drawing that reaches outside itself is kept without those parts, and the person
    choosing it is told (they may wonder why it looks different)."""
    path = tmp_path / "drawing.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="40" height="40"><rect width="40" height="40" fill="blue"/>'
        '<image xlink:href="/etc/hostname" width="10" height="10"/></svg>'
    )
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.isVisible())
    editor = page.editor
    assert editor.set_picture(path)
    assert "Left out of the drawing" in editor.picture_note.text()
