"""Databases that cannot be: one plain line and exit 2, never a traceback (issue 16, point 7).

``--db`` naming a kind of database SQLAlchemy does not know or whose driver is not installed,
an in-memory SQLite URL, a symbolic link that loops, or a new file in a folder nobody may
write (``chattr +i``: refused to root too; ``chmod`` for a user). ``open_database`` says so
with a :class:`DatabaseProblem`, for the CLI and the window alike.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models.db import open_database
from app.models.errors import DatabaseProblem
from tests.cli import untwist
from tests.conditions import Immutable

ROOT = Path(__file__).resolve().parents[1]


def plain_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("untwist "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    data = tmp_path / "m.csv"
    data.write_text("athlete,date,measurement,left,right,notes\nA,2025-01-02,hip_ir_deg,30,31,\n")
    return data


def commands(db: object, csv_file: Path, tmp_path: Path) -> dict[str, tuple[object, ...]]:
    return {
        "demo": ("demo", "--db", db),
        "summary": ("summary", "--db", db, "--athlete", "A"),
        "import": ("import", csv_file, "--db", db),
        "export": ("export", "--db", db, "-o", tmp_path / "out.json"),
        "copy-to": ("db", "copy", "--from", tmp_path / "source.sqlite", "--to", db),
        "copy-from": ("db", "copy", "--from", db, "--to", tmp_path / "copy.sqlite"),
    }


URLS = {
    "mysql": ("mysql://untwist:secret@clinic-server/untwist", "'MySQLdb', which is not installed"),
    "pg8000": ("postgresql+pg8000://u@clinic-server/x", "'pg8000', which is not installed"),
    "unknown": ("nosuchdriver://clinic-server/untwist", "not a kind of database Untwist knows"),
    "bad-port": ("postgresql+psycopg://u@clinic-server:port/x", "not a database URL"),
    "memory": ("sqlite://", "in-memory database"),
}
COMMANDS = ("demo", "summary", "import", "export", "copy-to", "copy-from")


# Every kind of URL with a command that reads and one that creates; every command with one.
URL_CASES = sorted(
    {(url, command) for url in URLS for command in ("summary", "import")}
    | {("mysql", command) for command in COMMANDS}
)


@pytest.mark.parametrize(("url", "command"), URL_CASES)
def test_a_url_that_names_no_usable_database(tmp_path, csv_file, url, command):
    target, words = URLS[url]
    if command == "copy-to":
        open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
    line = plain_failure(untwist(*commands(target, csv_file, tmp_path)[command]), words)
    assert "secret" not in line  # a password is never shown
    assert not (tmp_path / "copy.sqlite").exists() and not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("url", sorted(URLS))
def test_open_database_says_so_with_a_database_problem(url):
    target, words = URLS[url]
    with pytest.raises(DatabaseProblem, match=words.replace("(", r"\(")):
        open_database(target, create=True)


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    first, second = tmp_path / "loop-a.sqlite", tmp_path / "loop-b.sqlite"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


@pytest.mark.parametrize("command", [*COMMANDS, "backup", "restore"])
def test_a_symlink_loop_as_the_database(tmp_path, csv_file, loop, command):
    if command == "copy-to":
        open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
    table = {
        **commands(loop, csv_file, tmp_path),
        "backup": ("backup", "--db", loop, "-o", tmp_path / "copy.sqlite"),
        "restore": ("restore", "--db", loop, tmp_path / "source.sqlite"),
    }
    if command == "restore":
        open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
    plain_failure(untwist(*table[command]), str(loop), "symbolic link that leads back to itself")
    assert loop.is_symlink() and not (tmp_path / "copy.sqlite").exists()


@pytest.fixture
def immutable() -> Iterator[Immutable]:
    protect = Immutable()
    yield protect
    protect.undo()


NEW_FILE_COMMANDS = ("demo", "import", "copy-to", "restore")


def _new_file_command(command: str, db: Path, csv_file: Path, tmp_path: Path) -> tuple:
    if command == "restore":
        return ("restore", "--db", db, tmp_path / "source.sqlite")
    return commands(db, csv_file, tmp_path)[command]


@pytest.mark.parametrize("nested", [False, True], ids=["in-it", "in-a-new-subfolder"])
@pytest.mark.parametrize("command", NEW_FILE_COMMANDS)
def test_a_new_database_in_a_read_only_folder(tmp_path, csv_file, immutable, command, nested):
    open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
    folder = tmp_path / "read-only"
    folder.mkdir()
    immutable(folder)
    db = folder / "sub" / "new.sqlite" if nested else folder / "new.sqlite"
    plain_failure(untwist(*_new_file_command(command, db, csv_file, tmp_path)), str(folder))
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any folder; see the chattr test")
@pytest.mark.parametrize("command", NEW_FILE_COMMANDS)
def test_a_new_database_in_a_folder_without_write_permission(tmp_path, csv_file, command):
    open_database(str(tmp_path / "source.sqlite"), create=True).dispose()
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)
    try:
        db = folder / "new.sqlite"
        plain_failure(untwist(*_new_file_command(command, db, csv_file, tmp_path)), str(folder))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ["summary", "restore"])
def test_a_pipe_named_as_the_database_or_the_backup_is_refused_at_once(tmp_path, command):
    """Opening a pipe waits for a writer forever: `untwist summary --db PIPE` and `restore`
    of a pipe hung until killed."""
    pipe = tmp_path / "pipe.sqlite"
    os.mkfifo(pipe)
    if command == "summary":
        result = untwist("summary", "--db", pipe, "--athlete-id", "1", timeout=60)
    else:
        real = tmp_path / "real.sqlite"
        assert untwist("demo", "--db", real).returncode == 0
        result = untwist("restore", "--db", real, pipe, timeout=60)
    plain_failure(result, "not a regular file")


def test_a_database_on_read_only_media_is_read(tmp_path):
    """A WAL file on a read-only mount (a CD, a write-protected stick): ``mode=ro`` cannot make
    its ``-shm``, so every reading command failed with "cannot be opened". README: a
    write-protected file opens read-only and reading commands work."""
    import subprocess

    from tests.conditions import tmpfs

    with tmpfs(tmp_path / "stick", "8m") as stick:
        db = stick / "clinic.sqlite"
        assert untwist("demo", "--db", db).returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        summary = untwist("summary", "--db", db, "--athlete-id", "1")
        assert summary.returncode == 0, summary.stderr
        assert summary.stdout.startswith("Ava Lindqvist")
        out = tmp_path / "out.csv"
        assert untwist("export", "--db", db, "--format", "csv", "-o", out).returncode == 0
        refused = untwist("demo", "--db", db)
        plain_failure(refused)
        assert sorted(p.name for p in stick.iterdir()) == ["clinic.sqlite"]
