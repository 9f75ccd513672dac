"""The start-up path, driven for real: ``untwist`` (``app.__main__.main``) with no command.

``main`` owns the event loops (its own and the modal dialogs'), so a :class:`Driver` acts from
inside them: a timer that answers the first-run question with the real buttons, then watches the
window until it has settled and quits. Outcomes are checked where a user would see them: the
mode stored in the database, the window, the garbage collector's state, the files written.
"""

from __future__ import annotations

import faulthandler
import gc
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from app.__main__ import main
from app.config import DESK_DATABASE_KEY, default_database
from app.models.db import open_database
from app.services.athletes import list_athletes
from app.services.settings import get_settings
from app.views.crash import ExceptionHook
from app.views.data_safety import BadDatabaseDialog
from app.views.first_run import FirstRunDialog
from app.views.main_window import MainWindow

TIMEOUT_S = 60.0

Step = Callable[[], bool]  # True once done; steps run in order, one per tick until done


class Driver:
    """Runs ``steps`` every 10 ms inside whatever event loop is running, until the last is done.

    Past the timeout it records the step it was waiting for and makes every loop exit, so a
    start-up that never shows what is expected fails the test instead of hanging it.
    """

    def __init__(self, *steps: Step, forbid: Callable[[], str | None] = lambda: None) -> None:
        self.steps = list(steps)
        self.forbid = forbid
        self.failure: str | None = None
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        if self.failure is None:
            self.failure = self.forbid()
        if self.failure is None and time.monotonic() - self.started > TIMEOUT_S:
            waiting = self.steps[0].__name__ if self.steps else "nothing"
            self.failure = f"timed out waiting for {waiting}"
        if self.failure is not None:
            dialog = shown(QDialog)
            if dialog is not None:
                dialog.close()
            QApplication.exit(99)
            return
        while self.steps and self.steps[0]():
            self.steps.pop(0)

    def stop(self) -> None:
        self.timer.stop()
        assert self.failure is None, self.failure
        assert not self.steps, f"never reached: {[s.__name__ for s in self.steps]}"


def start(argv: list[str], *steps: Step, forbid: Callable[[], str | None] = lambda: None) -> int:
    """``untwist ARGV``, driven by ``steps``; the exit code."""
    driver = Driver(*steps, forbid=forbid)
    try:
        code = main(argv)
    finally:
        driver.timer.stop()
        if driver.failure is not None:  # QApplication.exit() outside the app's loop sticks:
            QTimer.singleShot(0, QApplication.quit)  # one real loop clears it for later tests
            QApplication.exec()
    driver.stop()
    assert loops_still_run(), "the run left its quit behind: every later event loop ends at once"
    return code


def loops_still_run() -> bool:
    """After a run, events handled outside any loop (as pytest-qt does between tests) must not
    stop the next event loop before it starts."""
    QApplication.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    return loop.exec() == 0


def desk_settings() -> QSettings:
    """The settings file ``untwist`` reads (the application names it sets at start-up)."""
    return QSettings("Untwist", "Untwist")


def shown(kind: type[QWidget]) -> QWidget | None:
    """The visible top-level widget of this kind, if any (dialogs of earlier runs may linger
    hidden, and Qt can still report one of them as the active modal widget)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def main_window() -> MainWindow | None:
    window = shown(MainWindow)
    return window if isinstance(window, MainWindow) else None


def no_first_run_question() -> str | None:
    return "the first-run question was asked" if shown(FirstRunDialog) else None


def no_dialog() -> str | None:
    widget = shown(QDialog)
    return f"unexpected dialog {widget.windowTitle()!r}" if widget else None


@pytest.fixture(autouse=True)
def process_state(qapp):
    """``main`` sets process-wide things for the rest of a real run: put them back afterwards
    (and check it put back the exception hooks itself)."""
    names = (
        qapp.applicationName(),
        qapp.organizationName(),
        qapp.applicationDisplayName(),
        qapp.desktopFileName(),
    )
    handlers = list(logging.getLogger().handlers)
    hooks = (sys.excepthook, threading.excepthook)
    yield
    assert (sys.excepthook, threading.excepthook) == hooks, "the exception hooks stayed"
    for handler in set(logging.getLogger().handlers) - set(handlers):
        logging.getLogger().removeHandler(handler)
        handler.close()
    faulthandler.enable(sys.__stderr__)  # setup_logging sent it to the test's crash.log
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setApplicationDisplayName(names[2])
    qapp.setDesktopFileName(names[3])
    gc.unfreeze()
    gc.enable()


def answer_first_run(choice: str, seen: dict[str, object]) -> Step:
    def first_run_question() -> bool:
        dialog = shown(FirstRunDialog)
        if dialog is None:
            return False
        seen["gc enabled while asking"] = gc.isenabled()
        seen["window before the answer"] = main_window()
        button = {"solo": dialog.solo, "clinician": dialog.clinician}.get(choice)
        if button is None:
            dialog.reject()  # closed without an answer
        else:
            button.click()
        return True

    return first_run_question


def answer_name(name: str) -> Step:
    def name_question() -> bool:
        dialog = shown(QInputDialog)
        if dialog is None:
            return False
        dialog.setTextValue(name)
        dialog.accept()
        return True

    return name_question


def window_settled(seen: dict[str, object], backup: bool = True) -> Step:
    """The window is up, the collector back on and frozen, the daily backup done: quit."""

    def settled_window() -> bool:
        window = main_window()
        if window is None or gc.get_freeze_count() == 0:
            return False
        if backup and "Daily backup saved" not in window.statusBar().currentMessage():
            return False
        seen["gc enabled"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()
        seen["athlete"] = window.athlete.name if window.athlete else None
        seen["database"] = window.context.db.path
        seen["hooks"] = (sys.excepthook, threading.excepthook)
        seen["athletes shown"] = window.athlete_list.list.count()
        QApplication.quit()
        return True

    return settled_window


def test_the_first_start_asks_who_is_using_it_and_a_solo_user_gets_their_athlete(tmp_path):
    desk = tmp_path / "desk" / "clinic.sqlite"
    desk_settings().setValue(DESK_DATABASE_KEY, str(desk))
    seen: dict[str, object] = {}
    assert (
        start([], answer_first_run("solo", seen), answer_name("Riley Runner"), window_settled(seen))
        == 0
    )

    assert seen["gc enabled while asking"] is False  # app.__main__ stops it for start-up
    assert seen["window before the answer"] is None
    assert seen["gc enabled"] is True and seen["frozen"] > 0  # settle_memory after the paint
    assert seen["athlete"] == "Riley Runner"
    assert seen["database"] == desk  # this desk's choice in Settings
    hook, thread_hook = seen["hooks"]
    assert isinstance(hook, ExceptionHook) and thread_hook == hook.thread_hook
    assert not Path(default_database()).exists()
    db = open_database(str(desk), create=False)
    try:
        settings = get_settings(db)
        [me] = list_athletes(db)
        assert (settings.mode, settings.solo_athlete_id, me.name) == ("solo", me.id, "Riley Runner")
    finally:
        db.dispose()
    assert list((desk.parent / "backups").glob("*.sqlite*")), "no daily backup beside it"
    assert desk_settings().value("window/geometry") is not None  # remembered for next time

    # the next start asks nothing and opens on the same athlete
    seen.clear()
    assert start([], window_settled(seen, backup=False), forbid=no_first_run_question) == 0
    assert seen["athlete"] == "Riley Runner" and seen["database"] == desk


def test_closing_the_first_run_question_opens_the_window_and_asks_again_next_time(tmp_path):
    target = tmp_path / "untwist.sqlite"
    seen: dict[str, object] = {}
    assert start(["--db", str(target)], answer_first_run("close", seen), window_settled(seen)) == 0
    assert seen["athletes shown"] == 0
    db = open_database(str(target), create=False)
    try:
        assert get_settings(db).mode == ""
    finally:
        db.dispose()

    assert (
        start(
            ["--db", str(target)],
            answer_first_run("clinician", seen),
            window_settled(seen, backup=False),
        )
        == 0
    )
    db = open_database(str(target), create=False)
    try:
        assert get_settings(db).mode == "clinician" and list_athletes(db) == []
    finally:
        db.dispose()


def test_the_demo_asks_nothing_and_leaves_nothing_behind():
    seen: dict[str, object] = {}
    assert start(["--demo"], window_settled(seen, backup=False), forbid=no_dialog) == 0
    assert seen["athletes shown"] == 3
    demo_file = seen["database"]
    assert isinstance(demo_file, Path) and not demo_file.parent.exists()
    assert not Path(default_database()).exists()


def test_a_screenshot_asks_nothing_and_db_wins_over_the_desk_choice(tmp_path, capsys):
    desk_settings().setValue(DESK_DATABASE_KEY, "nosuchdriver://clinic-server/untwist")
    target, picture = tmp_path / "shot.sqlite", tmp_path / "shot.png"
    argv = ["--db", str(target), "--screenshot", str(picture), "--size", "1000x700"]
    assert start(argv, forbid=no_dialog) == 0
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1000, 700)
    db = open_database(str(target), create=False)
    try:
        assert get_settings(db).mode == ""  # the question waits for a person
    finally:
        db.dispose()
    assert capsys.readouterr().err == ""


def damaged(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4080)
    return path


def test_a_damaged_desk_database_is_explained_and_left_alone(tmp_path, capsys):
    desk = damaged(tmp_path / "clinic.sqlite")
    before = desk.read_bytes()
    desk_settings().setValue(DESK_DATABASE_KEY, str(desk))
    seen: dict[str, object] = {}

    def bad_database_dialog() -> bool:
        dialog = shown(BadDatabaseDialog)
        if dialog is None:
            return False
        seen["message"] = dialog.message.text()
        dialog.quit_button.click()
        return True

    assert start([], bad_database_dialog, forbid=no_first_run_question) == 2
    assert str(desk) in str(seen["message"]) or "damaged" in str(seen["message"])
    assert "Traceback" not in str(seen["message"])
    assert desk.read_bytes() == before
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "desk",
    [
        "nosuchdriver://clinic-server/untwist",  # no such database kind
        "mysql://untwist@clinic-server/untwist",  # a kind whose driver is not installed
    ],
)
def test_a_desk_database_that_names_no_usable_database_is_said_plainly(desk, capsys):
    desk_settings().setValue(DESK_DATABASE_KEY, desk)
    seen: dict[str, object] = {}

    def message_box() -> bool:
        box = shown(QMessageBox)
        if box is None:
            return False
        seen["text"] = box.text()
        box.accept()
        return True

    assert start([], message_box) == 2
    text = str(seen["text"])
    assert desk in text and "Settings" in text and "--db" in text
    assert "Traceback" not in text and "Traceback" not in capsys.readouterr().err


def test_a_screenshot_with_an_unusable_database_prints_one_line(tmp_path, capsys):
    desk_settings().setValue(DESK_DATABASE_KEY, "nosuchdriver://clinic-server/untwist")
    assert start(["--screenshot", str(tmp_path / "x.png")], forbid=no_dialog) == 2
    err = capsys.readouterr().err
    assert err.startswith("untwist: Untwist cannot open the database nosuchdriver://")
    assert "Traceback" not in err
    assert not (tmp_path / "x.png").exists()
