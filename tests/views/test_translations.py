"""Issue 18 point 4 (the window in German and Spanish) and issue 20 point 8 (the comma decimal).

The catalogs: every string of app/views is in each .ts, translated, with its placeholders and
one Alt letter; the committed .qm is what lrelease makes of the .ts. The window: a German and a
Spanish main window, its pages and main dialogs show no English source text, and no two
controls share an Alt letter. Numbers: "11,5" is read where the UI writes a decimal comma.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from app.services.athletes import find_athlete
from app.services.context import AppContext
from app.services.demo import create_demo
from app.views.main_window import MainWindow
from app.views.translation import apply_ui_language, install_translators, typed_number

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations as tooling  # noqa: E402  (packaging/translations.py: lupdate, lrelease)

FOLDER = ROOT / "resources" / "translations"
TRANSLATED = ("de", "es")
DEMO_DAY = dt.date(2026, 3, 4)


def messages(code: str) -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, <message>) of one committed .ts."""
    for context in ET.parse(FOLDER / f"untwist_{code}.ts").getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message.findtext("source") or "", message


def translations_of(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    forms = element.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [element.text or ""]


# -- the catalogs --------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["en", *TRANSLATED])
def test_lupdate_finds_no_string_missing_from_the_ts(code):
    """A string wrapped in app/views but never extracted would stay English in every language."""
    assert tooling.missing_strings(code) == []


@pytest.mark.parametrize("code", ["en", *TRANSLATED])
def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(code, tmp_path):
    """The .qm files are committed (a checkout, the wheel and the frozen app read them as they
    are): they must not go stale behind an edited .ts."""
    fresh = tmp_path / f"untwist_{code}.qm"
    tooling.lrelease(FOLDER / f"untwist_{code}.ts", fresh)
    assert fresh.read_bytes() == (FOLDER / f"untwist_{code}.qm").read_bytes(), (
        "run: uv run python packaging/translations.py release"
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_string_is_translated_with_its_placeholders_and_one_alt_letter(code):
    placeholder = re.compile(r"\{[^}]*\}|%n|%\d")
    problems, count = [], 0
    for context, source, message in messages(code):
        count += 1
        element = message.find("translation")
        assert element is not None
        if element.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for text in translations_of(message):
            if not text.strip() and source.strip():
                problems.append(f"{context}: {source!r} has an empty form")
            if Counter(placeholder.findall(text)) != Counter(placeholder.findall(source)):
                problems.append(f"{context}: {source!r} → {text!r}: placeholders differ")
            letters = len(re.findall(r"&[^&\s;]", text.replace("&&", "")))
            expected = len(re.findall(r"&[^&\s;]", source.replace("&&", "")))
            if letters != expected:
                problems.append(f"{context}: {source!r} → {text!r}: Alt letters differ")
    assert count > 700
    assert problems == []


def test_the_german_translators_load_untwist_and_qt_own_strings(qapp):
    """Qt's own buttons (qtbase_de.qm, from PySide6's translations folder) and Untwist's."""
    try:
        loaded = install_translators("de")
        assert loaded == ["untwist_de.qm", "qtbase_de.qm"]
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert QCoreApplication.translate("SessionsPage", "%n session(s)", "", 1) == "1 Sitzung"
    finally:
        install_translators("en")
    assert QCoreApplication.translate("SessionsPage", "%n session(s)", "", 1) == "1 session"
    assert QCoreApplication.translate("SessionsPage", "%n session(s)", "", 2) == "2 sessions"


def test_no_class_whose_strings_use_self_tr_is_subclassed():
    """``self.tr`` looks strings up under the *runtime* class: a subclass would find none of
    its base's. Such a base must use ``translate("Context", …)`` instead."""
    import app.views

    bases = []
    for path in sorted(Path(app.views.__file__).parent.glob("*.py")):
        module = __import__(f"app.views.{path.stem}", fromlist=["_"])
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            tree = ast.parse(inspect.getsource(cls))
            uses_tr = any(
                isinstance(n, ast.Attribute) and n.attr == "tr"
                and isinstance(n.value, ast.Name) and n.value.id == "self"
                for n in ast.walk(tree)
            )  # fmt: skip
            if uses_tr and cls.__subclasses__():
                bases.append(f"{cls.__name__}: {[c.__name__ for c in cls.__subclasses__()]}")
    assert bases == []


# -- the window in German and Spanish ------------------------------------------------------------
@pytest.fixture
def language(request, qapp):
    """The window's language for one test (as app.gui sets it before building widgets)."""
    apply_ui_language(request.param)
    yield request.param
    apply_ui_language("en")


@pytest.fixture
def window(qtbot, db, catalog, language):
    create_demo(db, catalog, today=DEMO_DAY)
    w = MainWindow(AppContext(db), remember_geometry=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def english_sources(code: str) -> set[str]:
    """English source texts (without '&') whose translation differs: seeing one is a miss."""
    found = set()
    for _, source, message in messages(code):
        plain = source.replace("&", "")
        if all(t.replace("&", "") != plain for t in translations_of(message)):
            found.add(plain)
            found.add(plain.strip())
    return found


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what a person reads in ``root``: labels, buttons, actions and menus,
    tabs, group titles, combo items, headers, placeholders, tooltips and window titles."""

    def widget_texts(w: QWidget) -> Iterator[str]:
        yield w.windowTitle()
        yield w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        if isinstance(w, QLineEdit):
            yield w.placeholderText()
        if isinstance(w, QGroupBox):
            yield w.title()
        if isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
            yield from (w.tabToolTip(i) for i in range(w.count()))
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            yield from (header.text(i) for i in range(header.columnCount()))
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                if item is not None:
                    yield item.text()
        for action in w.actions():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
            yield action.statusTip()
        if isinstance(w, QMenu):
            yield w.title()

    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QHeaderView):
            continue
        for text in widget_texts(w):
            if text:
                yield type(w).__name__, text


def untranslated(root: QWidget, code: str) -> list[tuple[str, str]]:
    english = english_sources(code)
    return sorted({(where, t) for where, t in shown_texts(root) if t.replace("&", "") in english})


@pytest.mark.parametrize("language", TRANSLATED, indirect=True)
def test_no_english_is_left_in_a_german_or_spanish_window(qtbot, window, language):
    from app.views.athlete_dialog import AthleteDialog
    from app.views.session_editor import SessionEditor
    from app.views.settings_dialog import SettingsDialog

    ava = find_athlete(window.context.db, "Ava Lindqvist")
    window.athlete_list.reload(ava.id)
    seen: list[tuple[str, str]] = []
    for view in ("sessions", "trends", "program", "library"):
        window.show_view(view)
        qtbot.waitUntil(lambda v=view: window.page_ready(v), timeout=20000)
        seen += untranslated(window, language)
    for dialog in (
        SettingsDialog(window.context, window),
        AthleteDialog(window.context, ava, parent=window),
        SessionEditor(window.context, ava, ["hip_ir_deg", "single_hop_cm"], parent=window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        seen += untranslated(dialog, language)
        dialog.reject()
    assert window.menuBar().actions()[0].text() == {"de": "&Datei", "es": "&Archivo"}[language]
    assert seen == []


@pytest.mark.parametrize("language", TRANSLATED, indirect=True)
@pytest.mark.parametrize("view", ["sessions", "trends", "program", "library"])
def test_no_two_controls_share_an_alt_letter_in_german_or_spanish(qtbot, window, view, language):
    """Issue 20's test of the English window (tests/views/test_clinic_day.py), translated."""
    from tests.views.test_clinic_day import live_mnemonics, mnemonic, program_page

    program_page(window, "Ava Lindqvist")
    window.show_view(view)
    qtbot.waitUntil(lambda: window.page_ready(view), timeout=20000)
    letters = live_mnemonics(window)
    counts = Counter(x for x, _ in letters)
    assert {k: [t for x, t in letters if x == k] for k, n in counts.items() if n > 1} == {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        found = [mnemonic(a.text()) for a in menu.actions() if a.isVisible() and a.text()]
        found = [x for x in found if x]
        assert len(found) == len(set(found)), [a.text() for a in menu.actions()]


@pytest.mark.parametrize("language", ["en", *TRANSLATED], indirect=True)
def test_no_two_fields_of_a_dialog_share_an_alt_letter(qtbot, window, language):
    from app.views.athlete_dialog import AthleteDialog
    from app.views.drill_editor import DrillEditor
    from app.views.session_editor import SessionEditor
    from app.views.settings_dialog import SettingsDialog
    from tests.views.test_clinic_day import mnemonic

    ava = find_athlete(window.context.db, "Ava Lindqvist")
    for dialog in (
        SettingsDialog(window.context, window),
        AthleteDialog(window.context, ava, parent=window),
        SessionEditor(window.context, ava, ["hip_ir_deg"], parent=window),
        DrillEditor(window.context, None, parent=window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        texts += [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.buddy() is not None
        ]
        tabs = dialog.findChildren(QTabWidget)
        texts += [t.tabText(i) for t in tabs for i in range(t.count())]
        letters = [x for x in map(mnemonic, texts) if x]
        assert len(letters) == len(set(letters)), f"{type(dialog).__name__}: {texts}"
        dialog.reject()


# -- numbers in the UI's language (issue 20 point 8) ----------------------------------------------
@pytest.mark.parametrize("language", ["de"], indirect=True)
def test_a_german_window_reads_a_comma_decimal_and_still_a_point(qtbot, window, language):
    from app.services.sessions import list_sessions
    from app.views.session_editor import SessionEditor

    assert QLocale().decimalPoint() == ","
    ava = find_athlete(window.context.db, "Ava Lindqvist")
    editor = SessionEditor(window.context, ava, ["ankle_df_lunge_cm"], parent=window)
    qtbot.addWidget(editor)
    editor.show()
    row = editor.rows[0]
    left, right = row.left[0], row.right[0]
    assert isinstance(left, QLineEdit) and isinstance(right, QLineEdit)
    qtbot.keyClicks(left, "11,5")
    qtbot.keyClicks(right, "9.0")
    assert row.errors == []
    assert row.diff.text() == "-2,5"  # shown the German way too
    before = len(list_sessions(window.context.db, ava.id))
    editor.save()
    qtbot.waitUntil(lambda: len(list_sessions(window.context.db, ava.id)) == before + 1)
    newest = max(list_sessions(window.context.db, ava.id), key=lambda s: s.id)
    stored = newest.measurement("ankle_df_lunge_cm")
    assert stored is not None
    assert (stored.left_trials, stored.right_trials) == ((11.5,), (9.0,))


@pytest.mark.parametrize("language", ["de"], indirect=True)
def test_a_german_spin_box_takes_a_point_as_the_decimal_mark(qtbot, window, language):
    """Qt alone reads "11.5" as 115 in German (the point groups thousands there)."""
    from app.views.athlete_dialog import AthleteDialog

    dialog = AthleteDialog(window.context, parent=window)
    qtbot.addWidget(dialog)
    box = dialog.leg_left
    for typed, value in (("11.5", 11.5), ("12,5", 12.5)):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), typed)
        box.interpretText()
        assert box.value() == value
    assert box.text().startswith("12,5")


def test_typed_numbers_keep_a_point_for_the_domain(qapp):
    try:
        apply_ui_language("es")
        assert typed_number(" 11,5 ") == "11.5"
        assert typed_number("11.5") == "11.5"
        assert typed_number("1.234,5") == "1.234,5"  # ambiguous: the parser refuses it
    finally:
        apply_ui_language("en")
    assert typed_number("11,5") == "11,5"  # English: a comma stays a mistake, and is said so
