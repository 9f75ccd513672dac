"""Issue 20, "A day at a real clinic": the workflow driven as a clinician drives it."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow
from app.views.program_page import ProgramPage
from tests.views.questions import answer_next_question

DEMO_DAY = dt.date(2026, 3, 4)


@pytest.fixture
def demo(db, catalog):
    create_demo(db, catalog, today=DEMO_DAY)
    return db


@pytest.fixture
def window(qtbot, demo):
    w = MainWindow(AppContext(demo), remember_geometry=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def program_page(window: MainWindow, name: str) -> ProgramPage:
    window.show_view("program")
    athlete = find_athlete(window.context.db, name)
    window.athlete_list.reload(athlete.id)
    page = window.program.page
    assert isinstance(page, ProgramPage) and page.athlete_id == athlete.id
    return page


# -- 11. a crash: no signal from a worker to a widget that may be gone ---------------------
def test_a_handout_with_a_dose_typed_but_not_committed_is_written(qtbot, window, tmp_path):
    page = program_page(window, "Ava Lindqvist")
    out = tmp_path / "ava.pdf"
    page.printer.choose_file = lambda: out
    sets = page.editor.selected.dosage.sets
    sets.setFocus()
    sets.selectAll()
    qtbot.keyClicks(sets, "7")  # typed, not committed with Enter or Tab
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    operation = page.printer.operation
    assert operation is not None
    shiboken6.delete(operation)  # the per-call object gone before the worker answers
    del operation
    page.printer.operation = None
    gc.collect()
    qtbot.waitUntil(lambda: "Handout written" in page.status.text(), timeout=30000)
    assert page.pdf_button.isEnabled() and page.print_button.isEnabled()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "YOUR DOSE 7 rounds of 4–5 breaths" in text  # the dose as typed


# -- 1. lost work: Save / Discard / Cancel before an edit is thrown away --------------------
def click_athlete(qtbot, window: MainWindow, name: str) -> None:
    lst = window.athlete_list.list
    row = next(r for r in range(lst.count()) if lst.item(r).text().startswith(name))
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def suggested_for(qtbot, window: MainWindow, name: str) -> ProgramPage:
    page = program_page(window, name)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert page.dirty
    return page


def test_switching_athlete_with_an_unsaved_program_asks_and_cancel_stays(qtbot, window):
    page = suggested_for(qtbot, window, "Ben Okafor")
    ben = page.athlete_id
    asked = answer_next_question("Cancel")
    click_athlete(qtbot, window, "Chloé Martin")
    assert asked and "not saved" in asked[0]
    assert page.athlete_id == ben and page.dirty
    assert window.athlete_list.current_id() == ben


def test_discard_switches_and_nothing_of_the_old_program_stays(qtbot, window):
    page = suggested_for(qtbot, window, "Ben Okafor")
    answer_next_question("Discard")
    click_athlete(qtbot, window, "Chloé Martin")
    chloe = find_athlete(window.context.db, "Chloé Martin")
    assert page.athlete_id == chloe.id and not page.dirty
    assert page.item_list.count() == 0
    assert page.editor.selected.dosage.sets.text() == ""  # not Ben's values, greyed out
    assert "Suggested" not in page.status.text()


def test_save_keeps_the_program_then_switches(qtbot, window):
    from app.services.programs import list_versions

    page = suggested_for(qtbot, window, "Ben Okafor")
    ben = page.athlete_id
    answer_next_question("Save")
    click_athlete(qtbot, window, "Chloé Martin")
    assert len(list_versions(window.context.db, ben)) == 1
    assert page.athlete_id != ben


def test_closing_the_window_with_an_unsaved_program_asks(qtbot, window):
    suggested_for(qtbot, window, "Ben Okafor")
    answer_next_question("Cancel")
    window.close()
    assert window.isVisible()
    answer_next_question("Discard")
    window.close()
    assert not window.isVisible()


@pytest.mark.parametrize("dialog", ["athlete", "drill"])
def test_every_form_with_edits_asks_before_closing(qtbot, window, dialog):
    from app.views.athlete_dialog import AthleteDialog
    from app.views.drill_editor import DrillEditor

    form = (
        AthleteDialog(window.context, parent=window)
        if dialog == "athlete"
        else DrillEditor(window.context, None, parent=window)
    )
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name, "Someone")
    asked = answer_next_question("Cancel")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked and form.isVisible()
    answer_next_question("Discard")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


# -- 2. dates that type ----------------------------------------------------------------------
@pytest.fixture
def athlete_dialog(qtbot, window):
    from app.views.athlete_dialog import AthleteDialog

    dialog = AthleteDialog(window.context, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_a_birth_date_types_in_iso_and_tab_leaves_the_field(qtbot, athlete_dialog):
    dialog = athlete_dialog
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Dana Field")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.birth_date.edit.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "1991-04-12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.sex.hasFocus()  # Tab left the date for the next field
    assert dialog.birth_date.value() == dt.date(1991, 4, 12)
    assert dialog.birth_date.edit.text() == "1991-04-12"


@pytest.mark.parametrize(
    ("locale", "typed"), [("en_GB", "12/04/1991"), ("en_US", "4/12/91"), ("de_DE", "12.04.91")]
)
def test_a_date_types_in_the_locales_short_form(qtbot, athlete_dialog, locale, typed):
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        field = athlete_dialog.injury_date
        field.edit.setFocus()
        qtbot.keyClicks(field.edit, typed)
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
        assert field.value() == dt.date(1991, 4, 12)
    finally:
        QLocale.setDefault(before)


def test_a_text_that_is_no_date_is_said_and_not_saved(qtbot, athlete_dialog):
    dialog = athlete_dialog
    qtbot.keyClicks(dialog.name, "Eli Wrong")
    qtbot.keyClicks(dialog.birth_date.edit, "next tuesday")
    dialog.save()
    assert "not a date like 2026-11-20" in dialog.error.text()
    assert dialog.isVisible()


def test_the_calendar_opens_on_today_or_on_the_date_shown(qtbot, athlete_dialog):
    field = athlete_dialog.birth_date
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    selected = field.calendar.selectedDate()
    assert (selected.year(), selected.month()) == (dt.date.today().year, dt.date.today().month)
    field.calendar.parentWidget().close()
    field.set_value(dt.date(1991, 4, 12))
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.calendar.selectedDate().toString("yyyy-MM-dd") == "1991-04-12"
    field.calendar.parentWidget().close()


@pytest.fixture
def session_editor(qtbot, window):
    from app.views.session_editor import SessionEditor

    athlete = find_athlete(window.context.db, "Ava Lindqvist")
    editor = SessionEditor(window.context, athlete, ["hip_ir_deg"], parent=window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    return editor


def test_shift_tab_into_the_session_date_replaces_the_whole_date(qtbot, session_editor):
    editor = session_editor
    day = dt.date.today() - dt.timedelta(days=12)
    editor.clinician.setFocus()
    qtbot.keyClick(editor.clinician, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.date.edit.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), day.isoformat())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert editor.session_date() == day


def test_a_future_session_date_is_said_in_the_editor_and_cannot_be_saved(qtbot, session_editor):
    editor = session_editor
    row = editor.row_for("hip_ir_deg")
    qtbot.keyClicks(row.left[0], "31")
    qtbot.keyClicks(row.right[0], "40")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    editor.date.edit.selectAll()
    qtbot.keyClicks(editor.date.edit, tomorrow.isoformat())
    editor.date.edit.editingFinished.emit()
    assert "in the future" in editor.message.text()
    assert not editor.save_button.isEnabled()


# -- 6. keyboard -----------------------------------------------------------------------------
def mnemonic(text: str) -> str | None:
    import re

    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def live_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter that works right now in the window."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    found = [(mnemonic(a.text()), a.text()) for a in window.menuBar().actions()]
    found += [
        (mnemonic(window.pages.tabText(i)), window.pages.tabText(i))
        for i in range(window.pages.count())
    ]
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible():
            found.append((mnemonic(widget.text()), widget.text()))
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            found.append((mnemonic(label.text()), label.text()))
    for box in window.findChildren(QGroupBox):
        if box.isVisible() and box.isCheckable():
            found.append((mnemonic(box.title()), box.title()))
    return [(letter, text) for letter, text in found if letter]


def live_shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    from PySide6.QtGui import QShortcut

    from app.views.shortcuts import window_shortcuts

    hidden = {
        s.key().toString()
        for s in window.findChildren(QShortcut)
        if not s.parent().isVisible()
    }
    return [(keys, what) for keys, what in window_shortcuts(window) if keys not in hidden]


@pytest.mark.parametrize("view", ["sessions", "trends", "program", "library"])
def test_no_two_controls_share_an_alt_letter_or_a_shortcut(qtbot, window, view):
    from collections import Counter

    program_page(window, "Ava Lindqvist")
    window.show_view(view)
    qtbot.waitUntil(lambda: window.page_ready(view), timeout=20000)
    letters = live_mnemonics(window)
    clashes = {
        k: [t for x, t in letters if x == k]
        for k, n in Counter(x for x, _ in letters).items()
        if n > 1
    }
    assert not clashes, clashes
    keys = live_shortcuts(window)
    twice = {
        k: [w for x, w in keys if x == k] for k, n in Counter(k for k, _ in keys).items() if n > 1
    }
    assert not twice, twice
    for menu_action in window.menuBar().actions():  # and within each menu
        menu = menu_action.menu()
        letters = [mnemonic(a.text()) for a in menu.actions() if a.isVisible() and a.text()]
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]


def test_alt_s_suggests_on_the_program_page(qtbot, window):
    page = program_page(window, "Ben Okafor")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dirty)  # a mnemonic clicks its button after a moment
    assert window.pages.currentWidget() is window.program  # not the Sessions tab
    assert page.item_list.count() == 5


def test_ctrl_g_suggests_ctrl_s_saves_ctrl_shift_s_writes_the_pdf(qtbot, window, tmp_path):
    from app.services.programs import list_versions

    page = program_page(window, "Ben Okafor")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert page.dirty and page.item_list.count() == 5
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.dirty and len(list_versions(window.context.db, page.athlete_id)) == 1
    out = tmp_path / "ben.pdf"
    page.printer.choose_file = lambda: out
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "Handout written" in page.status.text(), timeout=30000)
    assert out.exists()


def test_delete_in_the_history_deletes_the_selected_session(qtbot, window):
    from app.services.sessions import list_sessions

    window.show_view("sessions")
    ava = find_athlete(window.context.db, "Ava Lindqvist")
    window.athlete_list.reload(ava.id)
    before = list_sessions(window.context.db, ava.id)
    history = window.sessions_page.history
    history.setFocus()
    chosen = history.selected_session_id()
    qtbot.keyClick(history, Qt.Key.Key_Delete)
    after = list_sessions(window.context.db, ava.id)
    assert len(after) == len(before) - 1 and chosen not in {s.id for s in after}


def test_enter_moves_on_and_ctrl_enter_saves_in_every_form(qtbot, athlete_dialog):
    dialog = athlete_dialog
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Finn Enter")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.birth_date.edit.hasFocus()  # the next field
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert dialog.result_athlete is not None and dialog.result_athlete.name == "Finn Enter"


def test_a_new_session_is_selected_in_the_history_once_saved(qtbot, window):
    window.show_view("sessions")
    ava = find_athlete(window.context.db, "Ava Lindqvist")
    window.athlete_list.reload(ava.id)
    history = window.sessions_page.history
    history.setCurrentItem(history.topLevelItem(history.topLevelItemCount() - 1))  # the oldest
    window.new_session()
    editor = window.editor
    row = editor.row_for("hip_ir_deg")
    qtbot.keyClicks(row.left[0], "31")
    qtbot.keyClicks(row.right[0], "40")
    day = dt.date.today() - dt.timedelta(days=1)
    editor.date.set_value(day)
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    assert history.selected_session_id() == saved.args[0].id


def test_ctrl_question_mark_lists_the_shortcuts(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Question, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None)
    table = window.shortcuts_dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["New session"] == "Ctrl+N"
    assert rows["Keyboard shortcuts"] == "Ctrl+?"
    window.shortcuts_dialog.close()


# -- 8. words --------------------------------------------------------------------------------
def test_counts_say_one_session_and_no_drawing_time(qtbot, window, tmp_path):
    from app.domain.records import AthleteData
    from app.services.athletes import create_athlete
    from app.services.sessions import record_session
    from tests.conftest import session_inputs

    db = window.context.db
    solo = create_athlete(db, AthleteData(name="Uma One"))
    record_session(
        db, window.context.catalog, solo.id, DEMO_DAY, session_inputs(hip_ir_deg=(30, 40))
    )
    window.show_view("sessions")
    window.athlete_list.reload(solo.id)
    header = window.sessions_page.header.text()
    assert "1 session" in header and "1 sessions" not in header
    page = program_page(window, "Ava Lindqvist")
    page.printer.choose_file = lambda: tmp_path / "ava.pdf"
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Handout written" in page.status.text(), timeout=30000)
    assert " ms" not in page.status.text() and "pages)" in page.status.text()


# -- 4. themes -------------------------------------------------------------------------------
def test_an_empty_checkbox_is_visible_in_the_dark_palette(qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QCheckBox

    from app.views.theme import apply_theme

    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    try:
        apply_theme(app, "dark")
        box = QCheckBox("each side")
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        image = box.grab().toImage()
        indicator = app.style().subElementRect(
            app.style().SubElement.SE_CheckBoxIndicator, _option_for(box), box
        )
        background = QColor(app.palette().window().color()).lightness()
        edge = max(
            QColor(image.pixel(x, y)).lightness()
            for x in range(indicator.left(), indicator.right() + 1)
            for y in range(indicator.top(), indicator.bottom() + 1)
        )
        assert edge - background > 60  # an edge that shows against the window
    finally:
        app.setStyle(style)
        app.setPalette(palette)


def _option_for(box):
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    option.initFrom(box)
    return option


# -- 5. first run: every empty state has its action on screen -------------------------------
def test_the_first_window_shows_how_to_add_an_athlete(qtbot, db):
    from PySide6.QtCore import QTimer

    from app.views.athlete_dialog import AthleteDialog

    window = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    button = window.sessions_page.new_athlete_button
    assert button.isVisible() and "New athlete" in window.sessions_page.header.text()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AthleteDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.name.setText("First Patient")
        dialog.save()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.athlete is not None and window.athlete.name == "First Patient"
    assert not button.isVisible()


def test_a_decimal_comma_is_taken_where_the_locale_writes_it(qtbot, session_editor):
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        row = session_editor.row_for("hip_ir_deg")
        qtbot.keyClicks(row.left[0], "31,5")
        qtbot.keyClicks(row.right[0], "40")
        assert session_editor.problems() == []
        assert row.to_input().left == (31.5,)
    finally:
        QLocale.setDefault(before)


def test_the_session_editor_opens_without_a_red_message(session_editor):
    assert session_editor.message.text() == ""
    assert not session_editor.save_button.isEnabled()


def test_the_name_message_goes_once_a_name_is_typed(qtbot, athlete_dialog):
    athlete_dialog.save()
    assert "needs a name" in athlete_dialog.error.text()
    qtbot.keyClicks(athlete_dialog.name, "G")
    assert athlete_dialog.error.text() == ""


def test_a_second_athlete_with_the_same_name_is_asked_about(qtbot, athlete_dialog):
    asked = answer_next_question("Cancel")
    qtbot.keyClicks(athlete_dialog.name, "ava  lindqvist")
    athlete_dialog.save()
    assert asked and "already named Ava Lindqvist" in asked[0]
    assert athlete_dialog.result_athlete is None
