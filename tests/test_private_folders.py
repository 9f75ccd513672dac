"""Folders Untwist creates for patient data are 0700, parents included (issue 16, point 10).

Python's ``mkdir(mode=0o700, parents=True)`` gives the mode to the last folder only: the missing
parents got 0755 (readable by every user of the machine). Each new folder is checked here, under
the usual umask 022; folders that existed keep their mode.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.folders import make_private_dirs
from app.models.db import open_database
from app.services import backups
from app.services.db_copy import copy_database

ROOT = Path(__file__).resolve().parents[1]
NOON = dt.datetime(2026, 11, 25, 12, 0, 0)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """022, as on most desktops (under 077 every folder would be private anyway)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_database_gets_private_folders_and_existing_ones_are_left(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    path = shared / "clinic" / "2026" / "untwist.sqlite"
    open_database(str(path), create=True).dispose()
    assert mode(shared / "clinic") == mode(shared / "clinic" / "2026") == 0o700
    assert mode(shared) == 0o755 and mode(path) == 0o600


def test_the_default_database_in_a_new_data_folder(tmp_path):
    """``untwist demo`` on a first start: the whole data folder chain is new."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    data_home = home / ".local" / "share"
    result = subprocess.run(
        [sys.executable, "-m", "app", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "XDG_DATA_HOME": str(data_home), "UNTWIST_DB": ""},
    )
    assert result.returncode == 0, result.stderr
    for folder in (home / ".local", data_home, data_home / "untwist"):
        assert mode(folder) == 0o700, folder
    assert mode(home) == 0o755


def test_backup_folders_and_their_parents(db, tmp_path):
    extra = tmp_path / "usb" / "clinic" / "untwist-backups"
    result = backups.backup_now(db, now=NOON, settings_folder=str(extra))
    assert result.problems == [] and len(result.files) == 2
    for folder in (tmp_path / "usb", tmp_path / "usb" / "clinic", extra):
        assert mode(folder) == 0o700, folder
    assert mode(result.files[0].parent) == 0o700  # backups/ beside the database


def test_restore_and_copy_into_new_folders(db, db_path, tmp_path):
    db.dispose()
    restored = tmp_path / "restored" / "here" / "untwist.sqlite"
    backups.restore(str(restored), db_path)
    copied = tmp_path / "copied" / "here" / "untwist.sqlite"
    copy_database(str(db_path), str(copied))
    written = tmp_path / "written" / "here" / "copy.sqlite"
    backups.backup_to_file(str(db_path), written)
    for top in ("restored", "copied", "written"):
        assert mode(tmp_path / top) == mode(tmp_path / top / "here") == 0o700, top


def test_the_log_folder(tmp_path):
    folder = tmp_path / "new" / "logs"
    code = "import sys; from pathlib import Path; from app.logs import setup_logging\n"
    code += "setup_logging(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, cwd=ROOT, timeout=60)
    assert mode(tmp_path / "new") == mode(folder) == 0o700


def test_a_file_in_the_way_is_still_an_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileExistsError):
        make_private_dirs(tmp_path / "file" / "sub")
    make_private_dirs(tmp_path)  # an existing folder: nothing to do
