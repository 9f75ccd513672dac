"""What CSV and JSON import/export share: errors, file checks, formula safety, safe writing.

Import problems come in two kinds, kept apart because the user fixes them differently:
a file that cannot be read at all (:class:`ImportFileError`: wrong encoding, missing column,
too big) and a readable file with bad rows (:class:`ImportRejected`, every bad row with its
line number). Both mean nothing was written.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Integer, Table, text

from app.domain.messages import message_of, msg, msg_n, trimmed
from app.models.access import real_path
from app.models.db import Database, open_database, sqlite_path
from app.models.errors import DatabaseProblem, DatabaseReadOnly, DiskError, DiskFull
from app.services.errors import ServiceError

MAX_IMPORT_BYTES = 200 * 1024 * 1024
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


class ImportFileError(ServiceError):
    """The file cannot be imported as a whole (unreadable, not UTF-8, wrong header, too big)."""


class InvalidFile(ImportFileError):
    """The file was read, but what it holds is refused as a whole (not valid JSON, nested too
    deeply, not an Untwist export): refused input, like a bad row (the CLI exits 1), where
    :class:`ImportFileError` itself is a file that cannot be read at all (exit 2)."""


@dataclass(frozen=True)
class RowError:
    line: int  # the file's line number; the header is line 1 (0: no line, e.g. in JSON)
    reason: str

    def __str__(self) -> str:
        return str(self.message)

    @property
    def message(self) -> str:
        """The row's problem as a translatable Message (``str()`` of it is the English)."""
        if self.line > 0:
            return msg("line {line}: {reason}", line=self.line, reason=self.reason)
        return self.reason


class ImportRejected(ServiceError):
    """Some rows are invalid: nothing was written; ``errors`` lists every bad row."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = sorted(errors, key=lambda e: e.line)
        n = len(self.errors)
        super().__init__(
            msg_n(
                "{count} invalid row; nothing was imported.",
                "{count} invalid rows; nothing was imported.",
                n,
            )
        )


class NotEmpty(ServiceError):
    """A full (JSON) import needs an empty database unless it is told to merge."""


def check_import_file(path: str | os.PathLike[str]) -> int:
    """Return the file's size, or raise :class:`ImportFileError` saying why it cannot be read.

    Checked before a database is opened or created, so a typo in the file name does not leave
    an empty database behind. Only a regular file is accepted: a named pipe would block the
    reader forever and a device such as ``/dev/zero`` never ends.
    """
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise ImportFileError(msg("{p}: no such file.", p=p)) from None
    except OSError as exc:
        raise ImportFileError(msg(
            "{p} cannot be read ({value}).",
            p=p,
            value=exc.strerror or exc,
        )) from None
    _check_stat(p, info)
    if not os.access(p, os.R_OK):
        raise ImportFileError(msg("{p} cannot be read (no permission).", p=p))
    return info.st_size


def _check_stat(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(msg("{path} is a folder, not a file.", path=path))
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a named pipe"
            if stat.S_ISFIFO(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "a device"
        )
        raise ImportFileError(
            msg(
                "{path} is {kind}, not a regular file: save the data to a file and import that.",
                path=path,
                kind=kind,
            )
        )
    if info.st_size > MAX_IMPORT_BYTES:
        raise too_large(path, info.st_size)


def too_large(path: object, size: int | None = None) -> ImportFileError:
    """The refusal of a file over :data:`MAX_IMPORT_BYTES` (``size`` when it is known)."""
    limit = MAX_IMPORT_BYTES // 1024 // 1024
    measured = f" ({size / 1024 / 1024:.1f} MB)" if size is not None else ""
    return ImportFileError(
        msg(
            "{path} is too large{measured}; files up to {limit} MB can be imported: split it into"
            " smaller files.",
            path=path,
            measured=measured,
            limit=limit,
        )
    )


def open_import_file(path: str | os.PathLike[str]) -> io.BufferedReader:
    """Open ``path`` for reading as bytes, refusing anything but a regular file of allowed size.

    The check is made on the opened descriptor (``fstat``), so a file swapped for a pipe after
    :func:`check_import_file` is still refused; the open itself does not wait for a pipe's
    writer (``O_NONBLOCK``, which means nothing for a regular file).
    """
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ImportFileError(msg("{p}: no such file.", p=p)) from None
    except IsADirectoryError:
        raise ImportFileError(msg("{p} is a folder, not a file.", p=p)) from None
    except OSError as exc:
        raise ImportFileError(msg(
            "{p} cannot be read ({value}).",
            p=p,
            value=exc.strerror or exc,
        )) from None
    try:
        _check_stat(p, os.fstat(fd))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# Byte order marks, longest first: UTF-32-LE's mark starts with UTF-16-LE's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def foreign_encoding(head: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when a file's first bytes say it is such text, else ``None``.

    Told by the byte order mark, or without one by the zero bytes that every ASCII character
    of such text carries (UTF-8 text, which is all an import reads, has none).
    """
    for mark, name in _BOMS:
        if head.startswith(mark):
            return name
    sample = head[:16]  # a header row starts with ASCII: one byte and one, or three, zeros
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    words = [sample[i : i + 4] for i in range(0, len(sample) - 3, 4)]
    if all(w[1:] == b"\x00\x00\x00" for w in words) or all(w[:3] == b"\x00\x00\x00" for w in words):
        return "UTF-32"
    if not any(sample[1::2]) or not any(sample[0::2]):
        return "UTF-16"
    return None


def file_format(path: str | os.PathLike[str]) -> str:
    """``json`` or ``csv``: from the file name, else from the first character (``{``).

    Reading the first bytes never waits: a pipe or device is left for the importer to refuse.
    """
    name = str(path).lower()
    if name.endswith((".json", ".csv")):
        return name.rsplit(".", 1)[1]
    try:
        with open_import_file(path) as fh:
            start = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except ImportFileError:
        return "csv"  # the CSV reader then reports the problem
    return "json" if start.startswith(b"{") else "csv"


def checked_picture(data: bytes) -> tuple[str, bytes]:
    """``png``/``jpeg``/``svg`` and the bytes to store, for a picture in a file or a database
    row, or ``ValueError`` saying why it is refused: the same check as a picture chosen in the
    drill editor (:func:`app.services.drills.check_image`)."""
    from app.services.drills import ImageProblem, check_image

    try:
        info = check_image(data, "it")
    except ImageProblem as exc:
        raise ValueError(trimmed(message_of(exc))) from None
    return info.image_type, info.data  # checked: metadata stripped, an SVG rebuilt


def reset_id_sequence(conn: Connection, table: Table) -> None:
    """After rows were inserted with explicit ids, make the next automatic id follow them.

    SQLite needs nothing (a new rowid is the largest plus one); PostgreSQL's sequence does not
    see explicit ids and would hand out one that is taken.
    """
    if conn.dialect.name != "postgresql":
        return
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or not isinstance(pk[0].type, Integer):
        return
    name, column = table.name, pk[0].name
    # "the largest, already used" rather than "the largest plus one, unused": the largest id
    # a column holds (2³¹−1) has no plus one, and setval refused it with a traceback
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
            f"COALESCE((SELECT MAX({column}) FROM {name}), 1), "
            f"(SELECT MAX({column}) FROM {name}) IS NOT NULL)"
        )
    )


def escape_formula(text: str) -> str:
    """Make a text cell inert in a spreadsheet: prefix ``'`` when it could run as a formula.

    Text that already looks escaped (``'`` + a formula start) gets one more ``'``, so
    :func:`unescape_formula` gives back exactly the original text.
    """
    if text.startswith(FORMULA_START) or _ESCAPED.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula` (a re-imported export gets its original text back)."""
    if _ESCAPED.match(text):
        return text[1:]
    return text


def output_file(path: str | os.PathLike[str]) -> Path:
    """Where a file the user named (``-o FILE``, Save as…) is written: through a symbolic link
    to the file it names (the link stays), never over a pipe, a device or a folder.

    Writing a temporary file and renaming it into place would otherwise replace the link
    itself, or turn ``/dev/full`` (as root) into a regular file.
    """
    target = real_path(Path(path))
    if target.exists() and not target.is_file():
        raise ServiceError(
            msg(
                "{path} is not a regular file (a folder, a pipe or a device): choose a file name.",
                path=path,
            )
        )
    return target


@contextlib.contextmanager
def private_atomic_file(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Write ``path`` through a temporary file renamed into place only when the block succeeds.

    A cancelled or failed export therefore never leaves a partial file; the file is created
    readable by its owner only (mode 0600), since it holds patient data.
    """
    target = output_file(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ServiceError(msg(
            "{target} cannot be written ({value}).",
            target=target,
            value=exc.strerror or exc,
        )) from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise ServiceError(msg(
            "{target} cannot be written ({value}).",
            target=target,
            value=exc.strerror or exc,
        )) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def database_for_import(target: str) -> Iterator[Database]:
    """Open ``target`` for an import that creates it when it is a file that does not exist yet.

    A new file is built beside the target under a temporary name and linked into place only
    when the block succeeds: an import refused for any reason (encoding, header, bad rows,
    interruption) leaves no empty database behind, nor folders it made for one. The link
    refuses to replace a file that another program created meanwhile (nothing is lost then:
    the message says to run the import again). An existing file or a server is opened as is.
    """
    path = sqlite_path(target)
    if path is None or path.exists() or path.is_symlink():
        db = open_database(target, create=True)
        try:
            yield db
        finally:
            db.dispose()
        return
    made = _make_folders(path.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".importing", dir=path.parent)
    except OSError as exc:
        _remove_folders(made)
        raise _cannot_create(path, exc) from None
    os.close(fd)
    temp = Path(name)
    done = False
    try:
        db = open_database(str(temp), create=True)
        try:
            yield db
        finally:
            db.dispose()
        _link_into_place(temp, path)
        done = True
    finally:
        for leftover in (temp, *(temp.with_name(temp.name + s) for s in _SQLITE_SIDE_FILES)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        if not done:
            _remove_folders(made)


_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and missing parents (owner only: they hold patient data), deepest last."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    for new in reversed(missing):
        try:
            new.mkdir(mode=0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            _remove_folders(made)
            raise _cannot_create(new, exc) from None
        made.append(new)
    return made


def _remove_folders(made: list[Path]) -> None:
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if still empty


def _cannot_create(path: Path, exc: OSError) -> DatabaseProblem:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        return DiskFull(msg(
            "{path} cannot be created: the disk is full.",
            path=path,
        ), msg("Free some space."))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DatabaseReadOnly(
            msg(
                "{path} cannot be created ({reason}).",
                path=path,
                reason=reason,
            ), msg("Choose a folder you may write to.")
        )
    return DiskError(msg("{path} cannot be created ({reason}).", path=path, reason=reason))


def _link_into_place(temp: Path, path: Path) -> None:
    """Give the finished file its name, never over a file that appeared meanwhile."""
    taken = ServiceError(
        msg(
            "{path} was created by another program during the import, so nothing was imported "
            "into it: run the import again.",
            path=path,
        )
    )
    try:
        os.link(temp, path)
    except FileExistsError:
        raise taken from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise _cannot_create(path, exc) from None
        # A file system without hard links: the check and the rename are two steps.
        if path.exists():
            raise taken from None
        try:
            os.replace(temp, path)
        except OSError as again:
            raise _cannot_create(path, again) from None
