"""Who may use a database file: every user shares it, a restore or an upgrade needs it alone.

Every Untwist process that opens a database file (the window, every command, a read-only second
window) holds a *shared* lock on it for as long as the database is open; a restore (which moves
the file aside and puts another in its place) and a schema upgrade (which rewrites tables) take
the lock *exclusively* and are refused at once, never kept waiting, while anyone else holds it.
Without this a window or a running ``untwist import`` keeps writing into the file a restore has
just moved aside, and its saves silently land in the old copy.

The lock is ``flock(2)`` on a small file beside the database, named from the **resolved** path
(``untwist.sqlite.in-use`` beside the real file), so a window opened through a symbolic link and
a command given the real path meet on the same lock. ``flock`` locks belong to the open file and
vanish when the process ends, crashed or killed, so a lock is never left stale. The lock file is
removed by the last holder (one that can take it exclusively); whoever takes a lock checks
afterwards that the file it locked is still the one at that name (it may have been removed in
between) and tries again if not. Nothing is written into the file.

Where the lock file cannot be made (a read-only folder or medium: nobody can restore or upgrade
there either) the database is used without it. On Windows there is no ``fcntl``: ``msvcrt``
byte-range locks have no shared mode, so the rule is not enforced there (a restore still refuses
a file another program is writing, by SQLite's own lock; see ``check_nobody_writes``).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from app.domain.messages import msg
from app.models.errors import DatabaseInUse, UnusableTarget

try:
    import fcntl
except ImportError:  # Windows: see the module's docstring
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".in-use"
# How long opening waits for a restore or an upgrade another process is running (it holds the
# lock exclusively): both take seconds. Longer than that means something is wrong: say so.
SHARED_WAIT_S = 10.0
POLL_S = 0.05
SHARED, EXCLUSIVE = "shared", "exclusive"


def real_path(path: Path) -> Path:
    """The file ``path`` names once every symbolic link is followed (it need not exist yet).

    A link that leads back to itself raises :class:`UnusableTarget`, a plain message, instead
    of Python's ``RuntimeError``/``OSError`` (ELOOP).
    """
    path = Path(path).expanduser().absolute()
    try:
        return path.resolve()
    except RuntimeError:  # Python < 3.13 says "Symlink loop from ..."
        raise UnusableTarget(_loop_message(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnusableTarget(_loop_message(path)) from None
        raise UnusableTarget(
            msg(
                "{path} cannot be followed to a file ({value}): name the database file itself.",
                path=path,
                value=exc.strerror or exc,
            )
        ) from None


def _loop_message(path: Path) -> str:
    return (
        msg(
            "{path} is a symbolic link that leads back to itself (a loop): name the database file"
            " itself.",
            path=path,
        )
    )


def lock_file(database: Path) -> Path:
    """The lock file of ``database``: beside the real file, named after it."""
    real = real_path(database)
    return real.with_name(real.name + LOCK_SUFFIX)


def in_use_message(label: str) -> str:
    return msg(
        "{label} is in use by another Untwist (window or command); close it and try again.",
        label=label,
    )


class AccessLock:
    """This process's claim on one database file (see the module's docstring).

    :meth:`share` while using it, :meth:`exclusive` to replace or upgrade it (from nothing or
    from shared), :meth:`share` again afterwards, :meth:`release` when done. ``held`` is
    ``None`` when nothing is held, including where locking is not possible (``enforced`` is
    then ``False``).
    """

    def __init__(self, database: Path, label: str | None = None) -> None:
        self.database = real_path(database)
        self.label = label or str(database)
        self.path = self.database.with_name(self.database.name + LOCK_SUFFIX)
        self.held: str | None = None
        self.enforced = fcntl is not None
        self._fd: int | None = None
        self._mutex = threading.Lock()

    def share(self, wait: float | None = None) -> None:
        """Take (or go back to) the shared lock, waiting up to ``wait`` seconds (default
        :data:`SHARED_WAIT_S`) for a restore or upgrade in another process to finish."""
        with self._mutex:
            if self.held == SHARED:
                return
            if self.held == EXCLUSIVE:
                assert fcntl is not None and self._fd is not None
                try:  # a downgrade: nobody else holds anything, so it cannot conflict
                    fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    self.held = SHARED
                    return
                except OSError:
                    self._close()
            self._take(SHARED, SHARED_WAIT_S if wait is None else wait)

    def exclusive(self) -> None:
        """Take the lock alone, or raise :class:`DatabaseInUse` at once.

        From shared, the conversion is not atomic everywhere (``flock(2)``): when it fails the
        shared lock may be gone too, so this lock then holds nothing.
        """
        with self._mutex:
            if self.held == EXCLUSIVE:
                return
            if self.held == SHARED:
                assert fcntl is not None and self._fd is not None
                try:
                    fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    self._close()
                    raise DatabaseInUse(in_use_message(self.label)) from None
                self.held = EXCLUSIVE
                return
            self._take(EXCLUSIVE, 0.0)

    def release(self) -> None:
        """Let go; the last holder removes the lock file (nothing is left beside the database)."""
        with self._mutex:
            if self._fd is None:
                return
            assert fcntl is not None
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if anyone else
                if self._still_there(self._fd):
                    self.path.unlink()
            self._close()

    def _take(self, mode: str, wait: float) -> None:
        if fcntl is None:
            return
        operation = fcntl.LOCK_SH if mode == SHARED else fcntl.LOCK_EX
        deadline = time.monotonic() + wait
        while True:
            fd = self._open()
            if fd is None:
                return
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    if mode == SHARED:
                        raise DatabaseInUse(
                            msg(
                                "{label} is being restored or upgraded by another Untwist; try "
                                "again when it has finished.",
                                label=self.label,
                            )
                        ) from None
                    raise DatabaseInUse(in_use_message(self.label)) from None
                time.sleep(POLL_S)
                continue
            except OSError as exc:  # e.g. ENOLCK: a network share without locks
                os.close(fd)
                self._not_enforced(exc)
                return
            if self._still_there(fd):
                self._fd, self.held = fd, mode
                return
            os.close(fd)  # the last holder removed it meanwhile: lock the new one

    def _open(self) -> int | None:
        flags = os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | flags, 0o644)
        except OSError as exc:
            try:  # it exists but is not ours to write: a read-only descriptor locks as well
                return os.open(self.path, os.O_RDONLY | flags)
            except OSError:
                self._not_enforced(exc)
                return None

    def _not_enforced(self, exc: OSError) -> None:
        """No lock file here (a read-only folder, a network share without locks): go on
        without one. Nobody can restore or upgrade a file in a folder that cannot be written."""
        if self.enforced:
            log.info("no access lock for %s: %s", self.database, exc.strerror or exc)
        self.enforced = False

    def _still_there(self, fd: int) -> bool:
        try:
            here = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd, self.held = None, None


@contextlib.contextmanager
def shared_access(database: Path, label: str | None = None) -> Iterator[AccessLock]:
    """Hold the shared lock of ``database`` for the block (a command that reads it)."""
    lock = AccessLock(database, label)
    lock.share()
    try:
        yield lock
    finally:
        lock.release()
