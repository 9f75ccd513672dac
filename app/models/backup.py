"""Consistent copies of SQLite databases with SQLite's online backup API, and their rotation.

A backup is a file ``<stem>-<YYYYmmdd-HHMMSS>-<reason>.sqlite`` in a backup folder (``backups/``
beside the database, and the folder chosen in the settings). The time in the name, not the
file's mtime, dates it: copying a folder of backups elsewhere keeps their history, and tests can
use a fake clock. Only routine copies (``daily``, ``manual``) are rotated; a copy taken before an
upgrade or a restore is the one way back from that step and is never deleted automatically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.folders import make_private_dirs
from app.models.access import real_path
from app.models.errors import (
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_READONLY,
    classify_driver_error,
    sqlite_code,
)
from app.models.sqlite_files import sqlite_uri

BACKUP_FOLDER = "backups"
DAILY = "daily"
MANUAL = "manual"
ROTATED_REASONS = frozenset({DAILY, MANUAL})
KEEP_DAILY = 14
KEEP_WEEKLY = 8
STAMP_FORMAT = "%Y%m%d-%H%M%S"
WRITE_FAILURES = (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR)
PAGES_PER_STEP = 256  # 1 MiB with 4 KiB pages: progress a few times a second, little overhead

StepCallback = Callable[[int, int], None]
"""``(pages copied, total pages)``: called during a copy; may raise to stop it."""


def _private_folder(folder: Path) -> None:
    make_private_dirs(folder)  # every folder it makes 0700, parents included


def sqlite_backup(
    source: Path,
    destination: Path,
    on_step: StepCallback | None = None,
    *,
    at_rest: bool = False,
) -> Path:
    """Copy ``source`` to ``destination`` page by page while others may be using it.

    The copy is written to ``<destination>.part`` (mode 0600) and renamed into place when it is
    complete, so a crash or a cancel never leaves a half file under the final name. Writers in
    other connections are not blocked (WAL); if one commits mid-copy SQLite restarts the copy,
    so the result is always one consistent state. ``at_rest``: the source is a file nobody
    writes (a backup being restored); see :func:`app.models.sqlite_files.sqlite_uri`.

    A locked or damaged source, a full or read-only destination raise the
    :class:`~app.models.errors.DatabaseProblem` that names the file concerned; a folder or
    file that cannot be created raises ``OSError``.
    """
    _private_folder(destination.parent)
    partial = destination.with_name(destination.name + ".part")
    # A file or link left at that name (a crash, or planted) is removed, never written
    # through: O_EXCL | O_NOFOLLOW create a new file, ours, readable by its owner only.
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        with _plain_problems(source):
            src = sqlite3.connect(sqlite_uri(source, at_rest=at_rest), uri=True, timeout=5)
        with contextlib.closing(src):
            with _plain_problems(destination):
                dst = sqlite3.connect(sqlite_uri(partial, read_only=False), uri=True)
            with contextlib.closing(dst), _plain_problems(source, writing=destination):
                dst.execute("PRAGMA synchronous=FULL")

                def progress(_status: int, remaining: int, total: int) -> None:
                    if on_step is not None:
                        on_step(total - remaining, total)

                src.backup(dst, pages=PAGES_PER_STEP, progress=progress)
                dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, destination)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return destination


@contextlib.contextmanager
def _plain_problems(reading: Path, *, writing: Path | None = None) -> Iterator[None]:
    """The environment's faults as a :class:`~app.models.errors.DatabaseProblem` naming the file.

    Which file, SQLite's code says: writing fails on the destination's disk (full, read-only,
    I/O error), everything else while reading the source. Our bugs stay as they are.
    """
    try:
        yield
    except sqlite3.Error as exc:
        failed_writing = writing is not None and sqlite_code(exc) in WRITE_FAILURES
        problem = classify_driver_error(exc, str(writing if failed_writing else reading))
        if problem is None:
            raise
        raise problem from exc


def copy_private(source: Path, destination: Path) -> Path:
    """Copy a finished backup file (mode 0600, through ``.part`` and a rename)."""
    _private_folder(destination.parent)
    partial = destination.with_name(destination.name + ".part")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, destination)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return destination


def backup_name(database: Path, reason: str, now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
    return f"{database.stem}-{stamp}-{reason}.sqlite"


def backup_beside(
    database: Path,
    reason: str,
    now: dt.datetime | None = None,
    on_step: StepCallback | None = None,
) -> Path:
    """Back up into the ``backups/`` folder beside the database, named by time and reason.

    Beside the real file when ``database`` is a symbolic link (as every backup of it is)."""
    database = real_path(database)
    return backup_into(database, database.parent / BACKUP_FOLDER, reason, now, on_step)


def backup_into(
    database: Path,
    folder: Path,
    reason: str,
    now: dt.datetime | None = None,
    on_step: StepCallback | None = None,
) -> Path:
    """Back up into ``folder``; a second backup in the same second gets a ``-2`` suffix."""
    name = backup_name(database, reason, now)
    destination = folder / name
    n = 2
    while destination.exists():
        destination = folder / name.replace(".sqlite", f"-{n}.sqlite")
        n += 1
    return sqlite_backup(database, destination, on_step)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime
    reason: str

    @property
    def rotated(self) -> bool:
        return self.reason in ROTATED_REASONS


_NAME = re.compile(r"-(\d{8}-\d{6})-([a-z0-9_.-]+?)(?:-\d+)?\.sqlite")


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database called ``stem`` in ``folder``, newest first."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{glob_escape(stem)}-*.sqlite"):
        match = _NAME.fullmatch(path.name[len(stem) :])
        if match is None:
            continue
        try:
            taken = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
        except ValueError:
            continue
        found.append(BackupFile(path, taken, match.group(2)))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def backups_to_keep(
    backups: Iterable[BackupFile], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> set[Path]:
    """Which backups survive: in each routine series (``daily``, ``manual``) the newest of each
    of the last ``keep_daily`` days that have one, and the newest of each of the last
    ``keep_weekly`` ISO weeks (restic's ``--keep-daily``/``--keep-weekly``). The series are
    apart so that a manual copy never pushes out the day's start-up copy (which would then be
    taken again at the next start). Backups that are not routine are always kept."""
    ordered = sorted(backups, key=lambda b: (b.taken, b.path.name), reverse=True)
    keep = {b.path for b in ordered if not b.rotated}
    for reason in ROTATED_REASONS:
        series = [b for b in ordered if b.reason == reason]
        for bucket, count in (
            (lambda b: b.taken.date(), keep_daily),
            (lambda b: b.taken.isocalendar()[:2], keep_weekly),
        ):
            seen: set[object] = set()
            for backup in series:
                key = bucket(backup)
                if key in seen:
                    continue
                if len(seen) == count:
                    break
                seen.add(key)
                keep.add(backup.path)
    return keep


def rotate(
    folder: Path, stem: str, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[Path]:
    """Delete the routine backups of ``stem`` in ``folder`` that the policy does not keep."""
    backups = list_backups(folder, stem)
    keep = backups_to_keep(backups, keep_daily, keep_weekly)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def has_backup_on(folder: Path, stem: str, day: dt.date, reason: str = DAILY) -> bool:
    return any(b.reason == reason and b.taken.date() == day for b in list_backups(folder, stem))
