"""The window's data safety: bad database dialog, second instance, read-only notice, backup and
restore actions — real files, real dialogs, and a real second process holding the lock."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from app.domain.records import AthleteData
from app.locking import InstanceLock, lock_path
from app.models.db import Database, open_database
from app.models.errors import DatabaseCorrupt, DatabaseUnreachable
from app.services import backups
from app.services.athletes import create_athlete, list_athletes
from app.services.context import AppContext
from app.views import data_safety as ds

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(db: Database) -> list[str]:
    return sorted(a.name for a in list_athletes(db, include_archived=True))


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(100, 108):  # the schema page's b-tree header
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def with_backup(db, db_path):
    """A database with one athlete, a backup of it, then damaged on disk."""
    create_athlete(db, AthleteData(name="Kept Safe"))
    copy = backups.backup_now(db).files[0]
    db.dispose()
    damage(db_path)
    return copy


class Holder:
    """Another ``untwist`` process holding the database's lock (and answering activation)."""

    CODE = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from app.locking import InstanceLock
app = QCoreApplication([])
lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "busy", flush=True)
lock.activation_requested.connect(lambda: (print("activated", flush=True), app.quit()))
app.exec()
lock.release()
"""

    def __init__(self, database: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.CODE, str(database)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    def read_line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def holder(db, db_path):
    running = Holder(db_path)
    yield running
    running.stop()


# The bad-database dialog ----------------------------------------------------------------------


def test_bad_database_dialog_restores_the_chosen_backup(qtbot, db_path, with_backup):
    wreck = digest(db_path)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(str(db_path), create=True)
    dialog = ds.BadDatabaseDialog(caught.value, str(db_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "is damaged" in dialog.message.text()
    assert dialog.backups.count() == 1 and "Backup now" in dialog.backups.item(0).text()
    dialog.grab().save("/tmp/untwist-bad-database.png")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.choice is ds.Choice.RESTORED)
    assert dialog.restored is not None and dialog.restored.restored_from == with_backup
    assert digest(dialog.restored.moved_aside) == wreck  # the damaged file, kept as it was
    db = open_database(str(db_path), create=False)
    assert names(db) == ["Kept Safe"]
    db.dispose()


def test_bad_database_dialog_refuses_a_damaged_backup_and_stays(qtbot, tmp_path, db_path):
    db_path.write_bytes(os.urandom(5000))
    bad_backup = tmp_path / "bad-backup.sqlite"
    bad_backup.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = digest(db_path)
    with pytest.raises(Exception) as caught:
        open_database(str(db_path), create=True)
    dialog = ds.BadDatabaseDialog(
        caught.value, str(db_path), choose_file=lambda _parent, _title: bad_backup
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert "not an SQLite file" in dialog.message.text()
    assert not dialog.restore_button.isVisible()  # no backups beside: only "from file"
    dialog.restore_file_button.click()
    qtbot.waitUntil(lambda: dialog.status.isVisible())
    assert "Nothing was restored" in dialog.status.text()
    assert dialog.isVisible() and dialog.choice is ds.Choice.QUIT
    assert dialog.quit_button.isEnabled()
    assert digest(db_path) == before


def test_bad_database_dialog_opens_another_file(qtbot, tmp_path):
    other = tmp_path / "other.sqlite"
    problem = DatabaseCorrupt("x is damaged.")
    dialog = ds.BadDatabaseDialog(
        problem, str(tmp_path / "x.sqlite"), choose_file=lambda _parent, _title: other
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        dialog.open_button.click()
    assert dialog.choice is ds.Choice.OPEN_OTHER and dialog.other == other


def test_a_server_database_offers_no_restore(qtbot):
    problem = DatabaseUnreachable("Cannot reach postgresql://clinic/untwist")
    dialog = ds.BadDatabaseDialog(problem, "postgresql+psycopg://u@clinic/untwist")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible() and not dialog.restore_file_button.isVisible()
    assert dialog.open_button.isVisible() and dialog.quit_button.isVisible()


# The start-up path ----------------------------------------------------------------------------


class FakeDialog:
    def __init__(self, choice: ds.Choice, other: Path | None = None) -> None:
        self.choice, self.other, self.restored = choice, other, None
        self.problems: list[str] = []

    def __call__(self, problem, target, parent=None):  # type: ignore[no-untyped-def]
        self.problems.append(str(problem))
        return self


def never(*_args):  # type: ignore[no-untyped-def]
    raise AssertionError("not expected to be asked")


def test_start_up_quits_with_2_over_a_bad_file_and_leaves_it(qtbot, tmp_path):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(os.urandom(4096))
    before = digest(path)
    ask = FakeDialog(ds.Choice.QUIT)
    opened = ds.open_for_window(str(path), ask_bad=ask, ask_second=never)
    assert opened.db is None and opened.exit_code == 2
    assert "not an SQLite file" in ask.problems[0]
    assert digest(path) == before and not lock_path(path).exists()


def test_start_up_opens_another_file_and_locks_that_one(qtbot, tmp_path):
    bad, good = tmp_path / "bad.sqlite", tmp_path / "good.sqlite"
    bad.write_bytes(os.urandom(4096))
    ask = FakeDialog(ds.Choice.OPEN_OTHER, good)
    opened = ds.open_for_window(str(bad), ask_bad=ask, ask_second=never)
    try:
        assert opened.db is not None and opened.db.path == good and not opened.db.read_only
        assert opened.lock is not None and opened.lock.database == good and opened.lock.held
        assert not lock_path(bad).exists()
    finally:
        opened.db.dispose()
        opened.lock.release()


def test_second_instance_may_open_read_only(qtbot, db, db_path, holder):
    asked = []

    def ask(path, who, parent=None):  # type: ignore[no-untyped-def]
        asked.append((path, who))
        return ds.SecondInstance.READ_ONLY

    opened = ds.open_for_window(str(db_path), ask_second=ask, ask_bad=never)
    try:
        assert asked[0][0] == db_path and asked[0][1].pid == holder.process.pid
        assert opened.db is not None and opened.db.read_only and opened.lock is None
        create_athlete(db, AthleteData(name="From the first window"))
        assert names(opened.db) == ["From the first window"]  # it sees the first one's saves
    finally:
        opened.db.dispose()


def test_second_instance_brings_the_first_to_front(qtbot, db_path, holder):
    opened = ds.open_for_window(
        str(db_path), ask_second=lambda *_: ds.SecondInstance.BRING_TO_FRONT, ask_bad=never
    )
    assert opened.db is None and opened.exit_code == 0
    assert holder.read_line() == "activated"  # the other process got the message


def test_a_lock_left_by_a_killed_process_is_taken_over(qtbot, db, db_path, holder):
    holder.process.send_signal(signal.SIGKILL)
    holder.process.wait(timeout=10)
    assert lock_path(db_path).exists()
    opened = ds.open_for_window(str(db_path), ask_second=never, ask_bad=never)
    try:
        assert opened.db is not None and not opened.db.read_only and opened.lock.held
    finally:
        opened.db.dispose()
        opened.lock.release()


def test_the_first_window_is_asked_to_come_to_front(qtbot, db_path, db):
    lock = InstanceLock(db_path)
    assert lock.acquire()
    second = InstanceLock(db_path)
    assert not second.acquire() and second.held_by_another()  # same process, second lock
    received = []
    lock.activation_requested.connect(lambda: received.append(True))
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from app.locking import request_activation\n"
            "app = QCoreApplication([])\n"
            "sys.exit(0 if request_activation(Path(sys.argv[1])) else 1)\n",
            str(db_path),
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    qtbot.waitUntil(lambda: bool(received), timeout=10000)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10000)
    assert process.returncode == 0
    lock.release()


def test_second_instance_question_offers_the_three_answers(qtbot, tmp_path):
    box, answers = ds.second_instance_box(tmp_path / "u.sqlite", None)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in answers) == [
        "Cancel",
        "Open read-only",
        "Switch to the open window",
    ]
    assert "already open in another Untwist window" in box.text()
    box.open()
    read_only = next(b for b, a in answers.items() if a is ds.SecondInstance.READ_ONLY)
    with qtbot.waitSignal(box.finished):
        read_only.click()
    assert answers[box.clickedButton()] is ds.SecondInstance.READ_ONLY


# The running window ---------------------------------------------------------------------------


def test_read_only_notice(qtbot, db, db_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle("Untwist")
    assert ds.show_read_only_notice(window, db) is None
    viewer = open_database(str(db_path), create=False, read_only=True)
    try:
        bar = ds.show_read_only_notice(window, viewer)
        assert bar is not None
        banner = bar.findChild(ds.ReadOnlyBanner)
        assert "Read-only" in banner.label.text() and db_path.name in banner.label.text()
        assert banner.label.toolTip() == str(db_path)
        assert window.windowTitle() == "Untwist — read-only"
        window.resize(900, 300)
        window.show()
        window.grab().save("/tmp/untwist-read-only.png")
    finally:
        viewer.dispose()


class Window(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.messages: list[tuple[str, str]] = []
        self.safety = ds.DataSafetyActions(
            self,
            lambda: self.context,
            self.replace,
            confirm=lambda _question: True,
            inform=lambda title, text: self.messages.append((title, text)),
        )

    def replace(self, db: Database) -> None:
        self.context = AppContext(db)


def test_backup_now_and_restore_from_the_window(qtbot, db, db_path, tmp_path):
    create_athlete(db, AthleteData(name="First"))
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    assert [a.text() for a in window.safety.actions()] == ["Backup now", "Restore…"]
    operation = window.safety.backup_now()
    with qtbot.waitSignal(operation.finished):
        pass
    result = window.safety.last_result
    assert isinstance(result, backups.BackupResult) and result.files[0].exists()
    assert "The backup was saved" in window.messages[-1][1]

    create_athlete(db, AthleteData(name="Second"))
    operation = window.safety.restore_from(result.files[0])
    with qtbot.waitSignal(operation.finished):
        pass
    qtbot.waitUntil(lambda: isinstance(window.safety.last_result, backups.RestoreResult))
    assert window.context.db is not db
    assert names(window.context.db) == ["First"]
    assert "was restored" in window.messages[-1][1] and "-replaced-" in window.messages[-1][1]
    assert window.centralWidget() is None or window.centralWidget().isEnabled()
    window.context.db.dispose()


def test_restore_of_a_bad_file_from_the_window_keeps_the_database(qtbot, db, db_path, tmp_path):
    create_athlete(db, AthleteData(name="Still here"))
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(os.urandom(3000))
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    operation = window.safety.restore_from(bad)
    with qtbot.waitSignal(operation.finished):
        pass
    qtbot.waitUntil(lambda: bool(window.messages))
    assert "Nothing was restored" in window.messages[-1][1]
    assert names(window.context.db) == ["Still here"]
    window.context.db.dispose()


def test_startup_backup_runs_once_a_day_in_the_background(qtbot, db, db_path):
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    operation = window.safety.start_startup_backup()
    with qtbot.waitSignal(operation.finished):
        pass
    first = window.safety.last_result
    assert isinstance(first, backups.BackupResult) and first.files[0].name.endswith("daily.sqlite")
    assert window.statusBar().currentMessage() == "Daily backup saved."
    operation = window.safety.start_startup_backup()
    with qtbot.waitSignal(operation.finished):
        pass
    assert window.safety.last_result is None  # already done today


def test_demo_and_read_only_databases_are_not_backed_up_or_restored(qtbot, db, db_path):
    demo = Window(AppContext(db, demo=True))
    qtbot.addWidget(demo)
    assert not demo.safety.backup_action.isEnabled() and not demo.safety.restore_action.isEnabled()
    assert demo.safety.start_startup_backup() is None and demo.safety.backup_now() is None
    viewer = open_database(str(db_path), create=False, read_only=True)
    try:
        reader = Window(AppContext(viewer))
        qtbot.addWidget(reader)
        assert reader.safety.backup_action.isEnabled()
        assert not reader.safety.restore_action.isEnabled()
        operation = reader.safety.start_startup_backup()  # the whole-file check, no copy
        with qtbot.waitSignal(operation.finished):
            pass
        assert reader.safety.last_result is None
        assert not (db_path.parent / "backups").exists()
    finally:
        viewer.dispose()


def test_restore_dialog_lists_backups(qtbot, db, db_path):
    backups.backup_now(db)
    picker = ds.RestoreDialog(db_path, "")
    qtbot.addWidget(picker)
    picker.show()
    assert picker.backups.count() == 1 and picker.restore_button.isEnabled()
    with qtbot.waitSignal(picker.accepted):
        picker.restore_button.click()
    assert picker.chosen is not None and picker.chosen.parent.name == "backups"


def test_after_show_answers_a_second_instance_and_backs_up(qtbot, db, db_path):
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    lock = InstanceLock(db_path)
    assert lock.acquire()
    try:
        window.show()
        ds.after_show(window, window.context, lock)
        daily = db_path.parent / "backups"
        qtbot.waitUntil(lambda: any(daily.glob("untwist-*-daily.sqlite")))
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Daily backup saved.")
        window.showMinimized()
        assert window.isMinimized()
        lock.activation_requested.emit()
        assert not window.isMinimized()
        assert window.findChild(ds.ReadOnlyBanner) is None
    finally:
        lock.release()
