"""The window under the one exclusive-access rule (issue 16, points 1 and 10).

The single-instance behaviour keeps working on top of the access lock, and is keyed on the real
file: a second window through a symbolic link is a second window on the same database. The
window's own File → Restore is refused while another process has the database open, and the
window goes on with its database. A first start creates the database's folder 0700.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from app.domain.records import AthleteData
from app.services import backups
from app.services.athletes import create_athlete, list_athletes
from app.services.context import AppContext
from app.views import data_safety as ds
from tests.views.test_data_safety import Holder, Window, never

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_window_through_a_symlink_is_a_second_window(qtbot, db, db_path, tmp_path):
    link = tmp_path / "shortcut" / "clinic.sqlite"
    link.parent.mkdir()
    link.symlink_to(db_path)
    first = Holder(db_path)  # the first window, on the real file
    try:
        asked = []

        def ask(path, who, parent=None):  # type: ignore[no-untyped-def]
            asked.append((path, who))
            return ds.SecondInstance.READ_ONLY

        opened = ds.open_for_window(str(link), ask_second=ask, ask_bad=never)
        try:
            assert asked and asked[0][1].pid == first.process.pid
            assert opened.db is not None and opened.db.read_only and opened.lock is None
        finally:
            if opened.db is not None:
                opened.db.dispose()
    finally:
        first.stop()


OTHER_UNTWIST = """
import sys
from app.services.database import open_database
db = open_database(sys.argv[1], create=False, read_only=True)
print("open", flush=True)
sys.stdin.readline()
db.dispose()
"""


def test_the_windows_restore_is_refused_while_another_untwist_has_the_file(qtbot, db, db_path):
    create_athlete(db, AthleteData(name="Before"))
    backup = backups.backup_now(db).files[0]
    create_athlete(db, AthleteData(name="After"))
    other = subprocess.Popen(  # e.g. a second window, read-only, or a running command
        [sys.executable, "-c", OTHER_UNTWIST, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        operation = window.safety.restore_from(backup)
        with qtbot.waitSignal(operation.finished):
            pass
        qtbot.waitUntil(lambda: bool(window.messages))
        text = window.messages[-1][1]
        assert "Nothing was restored" in text
        assert "is in use by another Untwist (window or command)" in text
        assert not list(db_path.parent.glob("*-replaced-*"))  # nothing was moved aside
        reopened = window.context.db
        assert sorted(a.name for a in list_athletes(reopened)) == ["After", "Before"]
        assert not reopened.read_only
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait(timeout=30)
    operation = window.safety.restore_from(backup)  # the other one has gone: it goes through
    with qtbot.waitSignal(operation.finished):
        pass
    qtbot.waitUntil(lambda: isinstance(window.safety.last_result, backups.RestoreResult))
    assert [a.name for a in list_athletes(window.context.db)] == ["Before"]
    window.context.db.dispose()


def test_a_first_start_makes_the_database_folder_private(qtbot, tmp_path):
    before = os.umask(0o022)
    try:
        path = tmp_path / "new" / "data" / "untwist.sqlite"
        opened = ds.open_for_window(str(path), ask_second=never, ask_bad=never)
    finally:
        os.umask(before)
    try:
        assert opened.db is not None and opened.lock is not None
        for folder in (tmp_path / "new", path.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    finally:
        opened.db.dispose()
        opened.lock.release()
