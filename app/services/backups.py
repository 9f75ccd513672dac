"""Backups and restore, for the command line and the window alike.

Only SQLite files are backed up here: a PostgreSQL server is backed up by its own tools, and a
``--demo`` database is thrown away anyway. A restore is the step taken when things already went
wrong, so it never needs the current database to be readable, and it never deletes it: the
current file is moved aside under a timestamped name before the chosen backup takes its place.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.messages import message_of, msg, trimmed
from app.models import backup as files
from app.models.access import AccessLock, in_use_message, real_path, shared_access
from app.models.db import (
    Database,
    check_database_file,
    check_nobody_writes,
    is_writable,
    make_database_folder,
    sqlite_path,
)
from app.models.errors import (
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseProblem,
)
from app.services.errors import ServiceError
from app.services.progress import SILENT, Progress

log = logging.getLogger(__name__)
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's companions of a database file


class BackupFailed(ServiceError):
    """A backup or restore could not be written; the database itself is unchanged.

    ``environment``: the machine's fault (full disk, read-only or locked file), not a refused
    choice such as an output file that already exists.
    """

    def __init__(self, message: str, *, environment: bool = False) -> None:
        super().__init__(message)
        self.environment = environment


class DatabaseDamaged(BackupFailed):
    """The whole-file check (``PRAGMA quick_check``) found damage in the open database.

    Raised before a backup is written, so a damaged file never takes a good copy's place in
    the rotation; the window says so in one plain sentence after its first paint.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, environment=True)


@dataclass(frozen=True)
class BackupResult:
    files: list[Path]  # the copies written, the one beside the database first
    problems: list[str] = field(default_factory=list)  # folders that could not be written
    removed: list[Path] = field(default_factory=list)  # old copies deleted by the rotation


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    restored_from: Path
    revision: str  # the restored file's schema; an older one is upgraded on next open
    moved_aside: Path | None  # where the replaced database now is (None: there was none)
    safety_copy: Path | None  # the consistent copy taken first (None: the old file was bad)


def _server_refusal(what: str) -> ServiceError:
    return ServiceError(
        msg(
            "{what} works on SQLite files only: back up a PostgreSQL server with its own tools "
            "(pg_dump / pg_restore).",
            what=what,
        )
    )


def _file_of(db: Database, what: str) -> Path:
    """The real file behind ``db`` (links followed): its backups live beside it, whichever
    name opened it, so every copy of one database is found in one place."""
    if db.path is None:
        raise _server_refusal(what)
    return real_path(db.path)


def _steps(progress: Progress, text: str) -> files.StepCallback:
    return lambda done, total: progress.step(done, total, text)


def backup_folders(database: Path, settings_folder: str = "") -> list[Path]:
    """Where copies of ``database`` go: ``backups/`` beside it, then the settings' folder."""
    folders = [database.parent / files.BACKUP_FOLDER]
    if settings_folder.strip():
        extra = Path(settings_folder.strip()).expanduser().absolute()
        if extra not in folders:
            folders.append(extra)
    return folders


def _settings_folder(db: Database) -> str:
    from app.services.settings import get_settings

    try:
        return get_settings(db).backup_folder
    except Exception:  # settings unreadable: the copy beside the database still matters
        log.warning("could not read the backup folder setting", exc_info=True)
        return ""


def _backup_everywhere(
    db: Database,
    reason: str,
    progress: Progress,
    now: dt.datetime | None,
    settings_folder: str | None,
    check: bool = True,
) -> BackupResult:
    """The whole file checked, then one consistent copy with the backup API, then plain
    copies of that file elsewhere."""
    path = _file_of(db, "Backup")
    if check:
        progress.step(0, 0, msg("Checking the database…"))
        check_whole_file(db)
    folder = settings_folder if settings_folder is not None else _settings_folder(db)
    folders = backup_folders(path, folder)
    written: list[Path] = []
    problems: list[str] = []
    removed: list[Path] = []
    first: Path | None = None
    for target in folders:
        try:
            if first is None:
                first = files.backup_into(
                    path, target, reason, now, _steps(progress, f"Copying {path.name}…")
                )
                written.append(first)
            else:
                copy = files.copy_private(first, target / first.name)
                written.append(copy)
            removed += files.rotate(target, path.stem)
        except OSError as exc:
            log.warning("backup into %s failed", target, exc_info=True)
            problems.append(msg("{what}: {problem}", what=target, problem=exc.strerror or exc))
        except DatabaseProblem as exc:  # a full disk there, or the database locked
            log.warning("backup into %s failed", target, exc_info=True)
            problems.append(msg("{what}: {problem}", what=target, problem=message_of(exc)))
    if not written:
        raise BackupFailed(msg(
            "No backup could be written ({join}).",
            join='; '.join(problems),
        ), environment=True)
    return BackupResult(written, problems, removed)


def backup_now(
    db: Database,
    progress: Progress = SILENT,
    now: dt.datetime | None = None,
    settings_folder: str | None = None,
) -> BackupResult:
    """File → Backup now: a copy beside the database and in the settings' backup folder."""
    return _backup_everywhere(db, files.MANUAL, progress, now, settings_folder)


def check_whole_file(db: Database) -> None:
    """``PRAGMA quick_check`` over the open database file, on a read-only connection of its own
    (safe in a worker thread while the window reads and writes). Raises
    :class:`DatabaseDamaged` with the one plain sentence the user sees; nothing for a server.

    Opening skips this check where its cost would show (the window's first paint, the
    read-only reports): it grows with the file, 0.5 s for ten years of a busy clinic.
    """
    if db.path is None:
        return
    try:
        check_database_file(db.path)
    except DatabaseCorrupt as exc:
        raise DatabaseDamaged(message_of(exc)) from None


def startup_checks(
    db: Database,
    *,
    demo: bool = False,
    progress: Progress = SILENT,
    now: dt.datetime | None = None,
    settings_folder: str | None = None,
) -> BackupResult | None:
    """What the window runs in the background after its first paint: the whole-file check
    (also for a read-only file), then the daily copy when it is due. ``None``: no copy."""
    if demo or db.path is None:
        return None
    progress.step(0, 0, msg("Checking the database…"))
    check_whole_file(db)
    return startup_backup(db, progress=progress, now=now, settings_folder=settings_folder,
                          checked=True)  # fmt: skip


def startup_backup(
    db: Database,
    *,
    demo: bool = False,
    progress: Progress = SILENT,
    now: dt.datetime | None = None,
    settings_folder: str | None = None,
    checked: bool = False,
) -> BackupResult | None:
    """The daily copy taken when the app starts; ``None`` when none is due.

    None is due for a demo or server database, a read-only one (the window that has it
    writable takes care of it), or when today's copy already exists beside the database.
    """
    if demo or db.path is None or db.read_only:
        return None
    today = (now or dt.datetime.now()).date()
    beside = db.path.parent / files.BACKUP_FOLDER
    if files.has_backup_on(beside, db.path.stem, today, files.DAILY):
        return None
    return _backup_everywhere(db, files.DAILY, progress, now, settings_folder, check=not checked)


def backup_to_file(target: str, output: Path, progress: Progress = SILENT) -> Path:
    """``untwist backup -o FILE``: a verified database copied to a new file (never overwrites)."""
    path = sqlite_path(target)
    if path is None:
        raise _server_refusal("untwist backup")
    output = Path(output).expanduser().absolute()
    if output.exists() or output.is_symlink():  # a link, even to nothing, is not replaced
        raise BackupFailed(msg("{output} already exists: choose a new file name.", output=output))
    progress.step(0, 0, msg("Checking the database…"))
    with shared_access(path):  # a restore elsewhere must not swap the file mid-copy
        check_database_file(path)
        try:
            return files.sqlite_backup(path, output, _steps(progress, f"Copying {path.name}…"))
        except OSError as exc:
            raise BackupFailed(
                msg(
                    "Cannot write {output}: {value}.",
                    output=output,
                    value=exc.strerror or exc,
                ), environment=True
            ) from None


def list_restore_candidates(database: Path, settings_folder: str = "") -> list[files.BackupFile]:
    """Backups of ``database`` found in its backup folders, newest first (unchecked)."""
    found: list[files.BackupFile] = []
    database = real_path(database)  # where _file_of and restore put them
    for folder in backup_folders(database, settings_folder):
        found += files.list_backups(folder, database.stem)
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def verify_backup(file: Path) -> str:
    """Refuse anything but an intact Untwist database; return its schema revision."""
    file = Path(file).expanduser().absolute()
    try:
        return check_database_file(file, thorough=True, at_rest=True)
    except DatabaseMissing:
        raise BackupFailed(msg(
            "Nothing was restored: there is no file at {file}.",
            file=file,
        )) from None
    except DatabaseProblem as exc:
        raise BackupFailed(msg("Nothing was restored: {what}", what=exc.what)) from None


def _aside_name(path: Path, now: dt.datetime) -> Path:
    stamp = now.strftime(files.STAMP_FORMAT)
    candidate = path.with_name(f"{path.stem}-replaced-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-replaced-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def restore(
    target: str,
    file: Path,
    progress: Progress = SILENT,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Put the backup ``file`` in place of the database ``target``.

    1. ``file`` must be an intact Untwist database (``integrity_check``, known schema, every
       table and column of it).
    2. The database is taken alone (:meth:`~app.models.access.AccessLock.exclusive`): refused at
       once while another Untwist, window or command, has it open, since its saves would land
       in the file moved aside. The lock is on the real file, so a symbolic link is no way
       around it, and the real file is the one replaced (the link stays a link).
    3. If the current database is intact, a consistent copy goes to ``backups/`` first.
    4. ``file`` is copied next to the database (``.restoring``), complete before anything moves.
    5. The current file and its ``-wal``/``-shm``/``-journal`` are renamed to
       ``<stem>-replaced-<time>`` (a WAL left behind would be replayed into the restored file).
    6. The copy is renamed into place.
    The caller must have closed its own connections to ``target`` first (disposed its
    :class:`Database`); a damaged current database is no obstacle, since it is never opened,
    only renamed.
    """
    path = sqlite_path(target)
    if path is None:
        raise _server_refusal("Restore")
    file = Path(file).expanduser().absolute()
    now = now or dt.datetime.now()
    try:
        real = real_path(path)
    except DatabaseProblem as exc:
        raise BackupFailed(msg("Nothing was restored: {exc}", exc=exc), environment=True) from None
    if file in (path, real) or (real.exists() and file.exists() and os.path.samefile(file, real)):
        raise BackupFailed(msg("{file} is the database itself: choose a backup file.", file=file))
    progress.step(0, 0, msg("Checking {name}…", name=file.name))
    revision = verify_backup(file)
    try:
        make_database_folder(real.parent, str(path))
        access = AccessLock(real, str(path))
        access.exclusive()
    except DatabaseInUse:
        raise BackupFailed(
            msg(
                "Nothing was restored: {in_use_message}",
                in_use_message=in_use_message(str(path)),
            ), environment=True
        ) from None
    except DatabaseProblem as exc:
        raise BackupFailed(msg("Nothing was restored: {exc}", exc=exc), environment=True) from None
    try:
        aside, safety = _replace(path, real, file, progress, now)
    finally:
        access.release()
    return RestoreResult(path, file, revision, aside, safety)


def _replace(
    path: Path, real: Path, file: Path, progress: Progress, now: dt.datetime
) -> tuple[Path | None, Path | None]:
    """Steps 3 to 6 of :func:`restore` on the real file ``real`` (``path`` names it in
    messages); returns where the old file went and its safety copy."""
    safety: Path | None = None
    if real.exists():
        if not is_writable(real):
            raise BackupFailed(
                msg(
                    "Nothing was restored: {path} is read-only, so it cannot be replaced. Make it"
                    " writable first.",
                    path=path,
                ),
                environment=True,
            )
        try:
            check_database_file(real)
            check_nobody_writes(real)  # another program (not Untwist) writing it
        except DatabaseLocked as exc:
            raise BackupFailed(
                msg("Nothing was restored: {what} Close it first.", what=exc.what), environment=True
            ) from None
        except DatabaseProblem as exc:
            log.info("no safety copy before restore: %s", exc)
        else:
            progress.step(0, 0, msg("Copying the current {name} to backups…", name=path.name))
            try:
                safety = files.backup_beside(
                    real, "before-restore", now, _steps(progress, "Saving the current database…")
                )
            except (OSError, DatabaseProblem) as exc:
                raise BackupFailed(
                    msg(
                        "Nothing was restored: the current database could not be saved first "
                        "({reason}).",
                        reason=_reason(exc),
                    ),
                    environment=True,
                ) from None
    incoming = real.with_name(real.name + ".restoring")
    try:
        files.sqlite_backup(file, incoming, _steps(progress, f"Copying {file.name}…"), at_rest=True)
    except (OSError, DatabaseProblem) as exc:
        raise BackupFailed(
            msg(
                "Nothing was restored: cannot write {incoming} ({reason}).",
                incoming=incoming,
                reason=_reason(exc),
            ), environment=True
        ) from None
    # From here on: no more cancelling, only renames within one folder.
    aside = _aside_name(real, now) if real.exists() else None
    try:
        if aside is not None:
            _move_with_companions(real, aside)
        os.replace(incoming, real)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        if aside is not None and aside.exists() and not real.exists():
            try:
                _move_with_companions(aside, real)
                where = " The database was left as it was."
            except OSError:
                where = f" The previous database is at {aside}."
        else:
            where = ""
        raise BackupFailed(
            msg(
                "Restoring failed: {value}.{where}",
                value=exc.strerror or exc,
                where=where,
            ), environment=True
        ) from None
    return aside, safety


def _reason(exc: OSError | DatabaseProblem) -> str:
    """Why a copy failed, in a few words (a full disk, a locked file: no traceback)."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return trimmed(message_of(exc))


def _move_with_companions(source: Path, destination: Path) -> None:
    """Rename a database file together with its journal files (they belong to it)."""
    os.rename(source, destination)
    for suffix in SIDE_FILES:
        companion = source.with_name(source.name + suffix)
        if companion.exists():
            os.rename(companion, destination.with_name(destination.name + suffix))
