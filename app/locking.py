"""One window per database: a lock file beside it, and a local socket to wake the first window.

The first ``untwist`` on a database takes ``<database>.lock`` beside the real file (symbolic
links followed; :class:`QLockFile`: the holder's
pid, host and app are written in it, and a lock left by a crashed process is recognised as stale
and taken over) and listens on a local socket whose name is derived from the database path. A
second ``untwist`` on the same file finds the lock taken and may ask the first to come to the
front through that socket, or open the file read-only (SQLite's ``mode=ro``: it sees the first
window's saves and cannot write, so nothing can be corrupted either way).

This lock is about windows only: one writable window per database. Whether anyone at all (a
window, a command) is using the file is the access lock's business (``app.models.access``),
which every open database holds and a restore or upgrade needs alone. ``untwist restore`` also
takes this lock, so a window that is showing the "cannot open" dialog (no database open yet)
is respected. Not a view: the CLI never imports ``app.views``. It uses QtCore and QtNetwork
only, which need no display.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
ACTIVATE = b"activate\n"
ACK = b"ok\n"


def _real(database: Path) -> Path:
    """The file itself, symbolic links followed: a window opened through a link and one
    opened on the file are the same database. A link that loops is left as named (opening it
    says what is wrong)."""
    path = Path(database).expanduser().absolute()
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def lock_path(database: Path) -> Path:
    real = _real(database)
    return real.with_name(real.name + ".lock")


def server_name(database: Path) -> str:
    """A socket name that is the same for every process opening this file (and no other)."""
    key = str(_real(database))
    return "untwist-" + hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class LockHolder:
    pid: int
    hostname: str
    app: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.hostname}" if self.hostname else f"process {self.pid}"


class InstanceLock(QObject):
    """The lock of one database, held by this process while its window is open."""

    activation_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self._lock = QLockFile(str(lock_path(self.database)))
        self._lock.setStaleLockTime(0)  # stale only if the holder is gone, never by age
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the lock if no live process holds it. ``False``: see :meth:`held_by_another`.

        ``listen=False`` (the command line's restore) holds the lock without answering a
        second window's request to come to the front: there is no window to bring.
        """
        if not self._lock.tryLock(0):
            return False
        if listen:
            self._listen()
        return True

    def held_by_another(self) -> bool:
        """After a failed :meth:`acquire`: another process has it (not a permission problem)."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def holder(self) -> LockHolder | None:
        info = self._lock.getLockInfo()
        if not info or not info[0]:
            return None
        pid, hostname, app = info
        return LockHolder(int(pid), hostname, app)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        name = server_name(self.database)
        QLocalServer.removeServer(name)  # a socket file left by a crash; we hold the lock now
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("cannot listen on %s: %s", name, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == ACTIVATE:
            socket.write(ACK)
            socket.flush()
            self.activation_requested.emit()
        socket.disconnectFromServer()


def request_activation(database: Path, timeout_ms: int = 3000) -> bool:
    """Ask the window that holds ``database`` to come to the front; ``True`` if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(ACTIVATE)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(timeout_ms):
                return False
        return bytes(socket.readLine().data()) == ACK
    finally:
        socket.abort()
