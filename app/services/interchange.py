"""What CSV and JSON import/export share: errors, file checks, formula safety, safe writing.

Import problems come in two kinds, kept apart because the user fixes them differently:
a file that cannot be read at all (:class:`ImportFileError`: wrong encoding, missing column,
too big) and a readable file with bad rows (:class:`ImportRejected`, every bad row with its
line number). Both mean nothing was written.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Integer, Table, text

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
        return f"line {self.line}: {self.reason}" if self.line > 0 else self.reason


class ImportRejected(ServiceError):
    """Some rows are invalid: nothing was written; ``errors`` lists every bad row."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = sorted(errors, key=lambda e: e.line)
        n = len(self.errors)
        super().__init__(f"{n} invalid row{'s' if n != 1 else ''}; nothing was imported.")


class NotEmpty(ServiceError):
    """A full (JSON) import needs an empty database unless it is told to merge."""


def check_import_file(path: str | os.PathLike[str]) -> int:
    """Return the file's size, or raise :class:`ImportFileError` saying why it cannot be read.

    Checked before a database is opened or created, so a typo in the file name does not leave
    an empty database behind.
    """
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise ImportFileError(f"{p}: no such file.") from None
    except OSError as exc:
        raise ImportFileError(f"{p} cannot be read ({exc.strerror or exc}).") from None
    if p.is_dir():
        raise ImportFileError(f"{p} is a folder, not a file.")
    if info.st_size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            f"{p} is too large ({info.st_size / 1024 / 1024:.1f} MB); files up to "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB can be imported: split it into smaller files."
        )
    if not os.access(p, os.R_OK):
        raise ImportFileError(f"{p} cannot be read (no permission).")
    return info.st_size


def file_format(path: str | os.PathLike[str]) -> str:
    """``json`` or ``csv``: from the file name, else from the first character (``{``)."""
    name = str(path).lower()
    if name.endswith((".json", ".csv")):
        return name.rsplit(".", 1)[1]
    try:
        with open(path, "rb") as fh:
            start = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
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
        raise ValueError(str(exc).rstrip(".")) from None
    return info.image_type, data


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
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
            f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
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


@contextlib.contextmanager
def private_atomic_file(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Write ``path`` through a temporary file renamed into place only when the block succeeds.

    A cancelled or failed export therefore never leaves a partial file; the file is created
    readable by its owner only (mode 0600), since it holds patient data.
    """
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ServiceError(f"{target} cannot be written ({exc.strerror or exc}).") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise ServiceError(f"{target} cannot be written ({exc.strerror or exc}).") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
