"""Import measurements from a spreadsheet's CSV (DOMAIN.md §6): all rows or nothing.

The file is streamed (a 200 MB file is never held in memory as text) and written with bulk
``executemany`` inserts inside one transaction, flushed every few thousand rows. Validation
goes on to the last row even after the first error, so the user gets every bad line at once;
from the first error on nothing more is inserted and the transaction is rolled back at the end.

Matching rules, chosen so that importing the same file twice adds nothing:
* athletes by name (case and spacing ignored), or by ``athlete_id`` when the row has one;
* all rows of one athlete and date belong to one session, unless a ``session`` column tells
  that day's sessions apart (any short label); see :meth:`_Importer.session_of` for how they meet
  the sessions already stored. An existing session gets the measurements it lacks; a
  measurement already stored with the same values (and notes) is left alone; one stored with
  other values is an error, since silently picking one is wrong.

Parsing is strict (RFC 4180 quoting): a quoted field must be closed on its row or a later one,
and an unterminated quote is an error on the line where it opened, never a row that silently
swallows the rest of the file. A control character other than tab, line feed and carriage
return (which are whitespace, and line breaks inside quoted notes) is an error of its row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sqlalchemy import Connection, Table, func, insert, select

from app.domain.catalog import Catalog, InvalidValue, MeasurementDef
from app.domain.dates import date_problem
from app.domain.messages import joined, message_of, msg, msg_n
from app.domain.text import (
    CONTROL_EXCEPT_LINE_BREAKS,
    control_character,
    counted,
    describe_character,
)
from app.domain.validation import clean_name, id_problem, name_key
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database
from app.services.interchange import (
    MAX_IMPORT_BYTES,
    ImportFileError,
    ImportRejected,
    RowError,
    check_import_file,
    foreign_encoding,
    open_import_file,
    reset_id_sequence,
    too_large,
    unescape_formula,
)
from app.services.progress import SILENT, Progress
from app.services.sessions import TEXT_MAX

REQUIRED_COLUMNS = ("athlete", "date", "measurement", "left", "right", "notes")
SESSION_COLUMN = "session"
OPTIONAL_COLUMNS = ("unit", "athlete_id", SESSION_COLUMN)
# What an export writes (plus ``session`` when an athlete has two sessions on one date).
COLUMNS = (*REQUIRED_COLUMNS, "unit", "athlete_id")
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
SESSION_LABEL_MAX = 20
MAX_LINE_BYTES = 1024 * 1024  # a physical line; a row's longest field (notes) is far shorter
CONVERSIONS: dict[tuple[str, str], float] = {("cm", "in"): 2.54}  # (catalog unit, file unit)
NAME_MAX = 200
CHUNK = 5000
_MEASUREMENT_COLUMNS = ("assessment_id", "key", "left_1", "right_1", "left", "right", "notes")
_MeasurementRow = tuple[  # the values of _MEASUREMENT_COLUMNS
    int, str, float | None, float | None, float | None, float | None, str | None
]
PREVIEW_ROWS = 20
_CACHE_MAX = 200_000  # cells remembered per kind (bounded memory for odd files)

# ASCII digits only (DOMAIN.md §6): \d alone also matches Arabic-Indic and full-width digits,
# which float() reads
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_COMMA_NUMBER = re.compile(r"[+-]?\d+,\d+", re.ASCII)
_LINE_END = re.compile(r"(\r\n|\r|\n)")
_QUOTE_NOT_CLOSED = msg(
    "a quoted field opened on this line is not closed before the end of the file: a closing "
    'quote (") is missing'
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INT = re.compile(r"\d{1,18}", re.ASCII)


@dataclass(frozen=True)
class ImportResult:
    measurements: int  # added
    sessions: int  # sessions that received measurements (new or existing)
    athletes: int  # athletes who received measurements
    new_athletes: int
    unchanged: int = 0  # rows already stored with the same values
    rows: int = 0  # data rows read (blank lines not counted)

    def summary(self) -> str:
        """One line for the CLI (English) and the window (``Message.text``)."""
        return msg(
            "imported {measurements} in {sessions} for {athletes} ({new} new)",
            measurements=msg_n("{count} measurement", "{count} measurements", self.measurements),
            sessions=msg_n("{count} session", "{count} sessions", self.sessions),
            athletes=msg_n("{count} athlete", "{count} athletes", self.athletes),
            new=self.new_athletes,
        )


@dataclass(frozen=True)
class CsvPreview:
    """The first rows of a file and how its columns are understood (for the import dialog)."""

    header: list[str]
    mapping: list[str | None]  # per file column: the column it fills, or None if unknown
    rows: list[list[str]]
    size: int
    problem: str | None = None  # why the file cannot be imported as a whole, if it cannot


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open_binary(path: str | os.PathLike[str]) -> io.BufferedReader:
    """The file, opened as bytes: a regular file of allowed size in UTF-8 (not UTF-16/32)."""
    fh = open_import_file(path)
    try:
        encoding = foreign_encoding(fh.peek(16)[:16])
    except OSError as exc:
        fh.close()
        raise ImportFileError(msg(
            "{path} cannot be read ({value}).",
            path=path,
            value=exc.strerror or exc,
        )) from None
    if encoding:
        fh.close()
        raise ImportFileError(
            msg(
                "{path} is {encoding} text; save it as UTF-8 CSV (in a spreadsheet: 'CSV UTF-8').",
                path=path,
                encoding=encoding,
            )
        )
    return fh


class _Lines:
    """Lines of strict UTF-8 text, split like ``newline=""`` does (``\n``, ``\r\n``, ``\r``).

    Decoded line by line rather than by a text wrapper, so a bad byte is reported on its own
    line. Reading is bounded: at most :data:`MAX_IMPORT_BYTES` in all (a file that grows while
    it is read is still refused) and :data:`MAX_LINE_BYTES` per line, so no input can fill the
    memory. The lines of the record being parsed are kept (``record``, from ``record_start``)
    until :meth:`mark`, to tell where an unclosed quote opened.
    """

    def __init__(self, fh: BinaryIO, path: object) -> None:
        self.fh = fh
        self.path = path
        self.line = 0  # lines handed out
        self.bytes = 0  # bytes read (for progress)
        self.record: list[str] = []
        self.record_start = 1
        self.control = False  # whether the record's lines hold a control character

    def mark(self) -> None:
        """The record parsed so far is done: the next one starts on the next line."""
        self.record.clear()
        self.record_start = self.line + 1
        self.control = False

    def __iter__(self) -> Iterator[str]:
        # One generator (not a __next__ method): the reader's hot loop resumes it in C.
        readline, record, path = self.fh.readline, self.record, self.path
        control = CONTROL_EXCEPT_LINE_BREAKS.search
        line = total = 0
        carry = b""
        first = True
        while True:
            raw = readline(MAX_LINE_BYTES)
            if carry:
                raw, carry = carry + raw, b""
            if not raw:
                return
            if len(raw) >= MAX_LINE_BYTES and not raw.endswith(b"\n"):
                cut = raw.rfind(b"\r", 0, len(raw) - 1)  # lines ended by CR alone
                if cut < 0:
                    raise ImportFileError(
                        msg(
                            "{path}: line {value} is longer than {value2} MB, which no row of "
                            "measurements is: this is not a measurements CSV.",
                            path=path,
                            value=line + 1,
                            value2=MAX_LINE_BYTES // 1024 // 1024,
                        )
                    )
                raw, carry = raw[: cut + 1], raw[cut + 1 :]
            total += len(raw)
            self.bytes = total
            if total > MAX_IMPORT_BYTES:
                raise too_large(path)
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                before = raw[: exc.start].replace(b"\r\n", b"\n")
                raise _not_utf8(path, line + 1 + before.count(b"\r")) from None
            if "\r" in text and not (text.endswith("\r\n") and text.count("\r") == 1):
                parts = _LINE_END.split(text)
                pieces = [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)]
                if parts[-1]:
                    pieces.append(parts[-1])
            else:
                pieces = [text]
            for piece in pieces:
                line += 1
                self.line = line
                record.append(piece)
                if control(piece):
                    self.control = True
                yield piece

    def quote_opened_on(self) -> int | None:
        """The line where the record's still-open quoted field began (``None``: none is open).

        Only asked after the strict parser stopped inside this record (at the end of the file,
        or at the field size limit), so every earlier quote in it was well formed.
        """
        start, unquoted, quoted, after = 0, 1, 2, 3
        state, opened = start, None
        for number, text in enumerate(self.record, self.record_start):
            i, end = 0, len(text)
            while i < end:
                if state == quoted:
                    j = text.find('"', i)
                    if j < 0:
                        break
                    if text.startswith('"', j + 1):
                        i = j + 2
                    else:
                        state, i = after, j + 1
                elif state == start:
                    if text[i] == '"':
                        state, opened, i = quoted, number, i + 1
                    elif text[i] in "\r\n":
                        i = end
                    else:
                        state = unquoted
                else:  # unquoted or after a closing quote: up to the next separator
                    j = text.find(",", i)
                    state, i = (start, j + 1) if j >= 0 else (start, end)
            if state in (unquoted, after):
                state = start
        return opened if state == quoted else None


def _csv_problem(exc: csv.Error, lines: _Lines) -> tuple[int, str, bool]:
    """(line, reason, whether reading can go on) for an error of the strict CSV parser."""
    text = str(exc)
    opened = lines.quote_opened_on()
    if text.startswith("unexpected end of data") and opened is not None:
        return opened, _QUOTE_NOT_CLOSED, False
    if text.startswith("field larger than field limit"):
        limit = csv.field_size_limit()
        if opened is not None:  # the rest of the file is out of step: stop here
            return (
                opened,
                msg(
                    "a quoted field opened on this line runs on for more than {limit:,} "
                    'characters: a closing quote (") is missing',
                    limit=limit,
                ),
                False,
            )
        return lines.line, msg("a field is longer than {limit:,} characters", limit=limit), True
    if "expected after" in text:
        return (
            lines.line,
            msg('text follows a closing quote: inside a quoted field, write a quote as two ("")'),
            True,
        )
    return lines.line, msg("this is not valid CSV ({text})", text=text), True


def _not_utf8(path: object, line: int) -> ImportFileError:
    return ImportFileError(
        msg(
            "{path} is not UTF-8 text (line {line}); save it as UTF-8 CSV (in a spreadsheet: 'CSV"
            " UTF-8').",
            path=path,
            line=line,
        )
    )


def _map_header(cells: list[str], raw_line: str) -> tuple[dict[str, int], list[str | None]]:
    """Column positions by name, or an :class:`ImportFileError` naming what is wrong."""
    mapping: list[str | None] = []
    positions: dict[str, int] = {}
    unknown: list[str] = []
    duplicate: list[str] = []
    for i, cell in enumerate(cells):
        name = cell.strip().lower()
        if name in KNOWN_COLUMNS:
            if name in positions:
                duplicate.append(name)
            positions.setdefault(name, i)
            mapping.append(name)
        else:
            mapping.append(None)
            if name:
                unknown.append(cell.strip())
    expected = msg(
        "the header must be {required} (plus optional {optional})",
        required=",".join(REQUIRED_COLUMNS),
        optional=", ".join(OPTIONAL_COLUMNS),
    )
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        hint = ""
        for sep, label in ((";", msg("semicolons")), ("\t", msg("tabs"))):
            if sep in raw_line and "," not in raw_line:
                hint = msg(
                    "; the file is separated by {label}: save it as comma-separated CSV",
                    label=label,
                )
        raise ImportFileError(
            msg_n(
                "missing column {join}: {expected}{hint}.",
                "missing columns {join}: {expected}{hint}.",
                len(missing),
                join=", ".join(missing),
                expected=expected,
                hint=hint,
            )
        )
    if duplicate:
        raise ImportFileError(msg(
            "column {value} appears twice in the header.",
            value=duplicate[0],
        ))
    if unknown:
        raise ImportFileError(
            msg_n(
                "unknown column {join}: {expected}.",
                "unknown columns {join}: {expected}.",
                len(unknown),
                join=", ".join(repr(_short(u)) for u in unknown),
                expected=expected,
            )
        )
    return positions, mapping


def read_preview(path: str | os.PathLike[str], limit: int = PREVIEW_ROWS) -> CsvPreview:
    """Read only the header and the first ``limit`` rows: cheap even for a 200 MB file."""
    try:
        size = check_import_file(path)
        fh = _open_binary(path)
    except ImportFileError as exc:
        return CsvPreview([], [], [], 0, exc.message)
    header: list[str] = []
    mapping: list[str | None] = []
    rows: list[list[str]] = []
    problem: str | None = None
    with fh:
        lines = _Lines(fh, path)
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, [])
            if not header:
                empty = msg("{path} is empty (no header row).", path=path)
                return CsvPreview([], [], [], size, empty)
            raw = ",".join(header)
            try:
                _, mapping = _map_header(header, raw)
            except ImportFileError as exc:
                problem = exc.message
                mapping = [
                    h.strip().lower() if h.strip().lower() in KNOWN_COLUMNS else None
                    for h in header
                ]
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                rows.append([_short(c, 200) for c in cells])
                if len(rows) >= limit:
                    break
        except ImportFileError as exc:
            problem = exc.message
        except csv.Error as exc:
            line, reason, _ = _csv_problem(exc, lines)
            problem = msg("line {line}: {reason}.", line=line, reason=reason)
    return CsvPreview(header, mapping, rows, size, problem)


@dataclass
class _Day:
    """An existing session of an athlete: where new measurements go, what is stored."""

    session_id: int
    stored: dict[str, tuple[float | None, float | None, str | None]] = field(default_factory=dict)


class _Importer:
    def __init__(self, conn: Connection, catalog: Catalog, progress: Progress) -> None:
        self.conn = conn
        self.catalog = catalog
        self.progress = progress
        self._pos: dict[str, int] | None = None  # the header's positions, as row() reads them
        self._at: tuple[int, ...] = ()
        self.errors: list[RowError] = []
        self.by_name: dict[str, list[int]] = {}
        self.name_of: dict[int, str] = {}
        for athlete_id, name in conn.execute(select(Athlete.id, Athlete.name)):
            key = name_key(name)  # NFC: a name typed in NFD matches the same athlete
            self.by_name.setdefault(key, []).append(athlete_id)
            self.name_of[athlete_id] = name
        # Athletes and sessions created by this import get provisional negative ids until
        # they are inserted; ``real`` maps them to the database's ids.
        self.next_ref = -1
        self.real: dict[int, int] = {}
        self.athlete_refs: dict[tuple[str, int | None], int | str] = {}
        # Athletes this file creates, by name: a row without an athlete_id finds the one an
        # earlier row with an id created (and the other way round), instead of a second one.
        self.created_by_name: dict[str, list[int]] = {}
        self.days: dict[int, dict[dt.date, list[_Day]]] = {}
        # The file's sessions: (athlete, date, label) → the stored session it matched (None:
        # a new one, whose ref is in ``session_refs``); the labels of each day in file order;
        # the first line that adds a measurement to each day.
        self.groups: dict[tuple[int, dt.date, str], _Day | None] = {}
        self.day_labels: dict[tuple[int, dt.date], list[str]] = {}
        self.day_adds: dict[tuple[int, dt.date], int] = {}
        self.session_refs: dict[tuple[int, dt.date, str], int] = {}
        self.seen: dict[tuple[int, dt.date, str, str], int] = {}
        self.athlete_cells: dict[tuple[str, str], tuple[int | None, str, str | None]] = {}
        self.date_cells: dict[str, dt.date | str] = {}
        self.measurement_cells: dict[
            tuple[str, str], tuple[MeasurementDef | None, float | None, str | None]
        ] = {}
        self.value_cells: dict[tuple[str, float, str], float | str | None] = {}
        self.new_athletes: list[tuple[int, str]] = []
        self.new_sessions: list[tuple[int, int, dt.date]] = []
        self.new_measurements: list[_MeasurementRow] = []  # in _MEASUREMENT_COLUMNS order
        self.added = 0
        self.unchanged = 0
        self.touched_sessions: set[int] = set()
        self.touched_athletes: set[int] = set()
        self.created_athletes = 0

    # -- athletes -------------------------------------------------------------------------

    def _new_ref(self) -> int:
        ref = self.next_ref
        self.next_ref -= 1
        return ref

    def athlete(self, name: str, raw_id: str) -> int:
        """The athlete a row names (an id, or a provisional ref); raises ValueError why not."""
        raw_id = raw_id.strip()
        file_id: int | None = None
        if raw_id:
            if not _INT.fullmatch(raw_id) or int(raw_id) == 0:
                raise ValueError(msg(
                    "athlete_id {short!r} is not a positive whole number",
                    short=_short(raw_id),
                ))
            file_id = int(raw_id)
            problem = id_problem(file_id, "athlete_id")  # what PostgreSQL's integer holds
            if problem:
                raise ValueError(problem)
        key = (name.lower(), file_id)
        found = self.athlete_refs.get(key)
        if found is None:
            found = self._resolve(name, file_id)
            self.athlete_refs[key] = found
        if isinstance(found, str):
            raise ValueError(found)
        return found

    def _resolve(self, name: str, file_id: int | None) -> int | str:
        """Match a row's athlete; an athlete who is not here yet is created.

        A new athlete keeps the file's ``athlete_id`` when it is free, so that an export
        imported into an empty database has the same ids, and re-importing the file still
        matches every row to the right athlete (even two athletes with one name).
        """
        if file_id is not None and file_id in self.name_of:
            stored = self.name_of[file_id]
            if name_key(stored) == name.lower():
                return file_id
            return msg(
                "athlete_id {id} is {stored!r} in this database, not {name!r} (without "
                "the athlete_id column, rows are matched by name)",
                id=file_id,
                stored=stored,
                name=name,
            )
        same_name = self.by_name.get(name.lower(), [])
        if len(same_name) == 1:
            return same_name[0]
        if len(same_name) > 1:
            ids = ", ".join(str(i) for i in same_name)
            if file_id is not None:
                return msg(
                    "athlete_id {id} is not in this database and {count} "
                    "athletes are named {name!r} (ids {ids})",
                    id=file_id,
                    count=len(same_name),
                    name=name,
                    ids=ids,
                )
            return msg(
                "{count} athletes are named {name!r} (ids {ids}): add an athlete_id "
                "column to say which",
                count=len(same_name),
                name=name,
                ids=ids,
            )
        created = self.created_by_name.setdefault(name.lower(), [])
        without_id = [ref for ref in created if ref < 0]
        if file_id is None and len(created) == 1:
            return created[0]
        if file_id is None and created:
            return msg(
                "this file names {count} new athletes {name!r} by athlete_id: give "
                "this row its athlete_id too",
                count=len(created),
                name=name,
            )
        if file_id is not None and len(without_id) == 1 and len(created) == 1:
            return without_id[0]  # the same new athlete, named once without and once with id
        if len(name) > NAME_MAX:
            return msg("the athlete's name is longer than {limit} characters", limit=NAME_MAX)
        self.created_athletes += 1
        if file_id is not None:
            self.name_of[file_id] = name  # taken from now on
            self.days[file_id] = {}  # nothing stored yet
            self.new_athletes.append((file_id, name))
            created.append(file_id)
            return file_id
        ref = self._new_ref()
        self.new_athletes.append((ref, name))
        created.append(ref)
        return ref

    def _stored_days(self, athlete_id: int) -> dict[dt.date, list[_Day]]:
        """The athlete's existing sessions by date, oldest first (one query, on first use)."""
        days = self.days.get(athlete_id)
        if days is None:
            days = {}
            if athlete_id > 0:
                query = (
                    select(
                        Assessment.id,
                        Assessment.date,
                        Measurement.key,
                        Measurement.left,
                        Measurement.right,
                        Measurement.notes,
                    )
                    .outerjoin(Measurement, Measurement.assessment_id == Assessment.id)
                    .where(Assessment.athlete_id == athlete_id)
                    .order_by(Assessment.id)
                )
                for sid, date, key, left, right, notes in self.conn.execute(query):
                    sessions = days.setdefault(date, [])
                    if not sessions or sessions[-1].session_id != sid:
                        sessions.append(_Day(sid))
                    if key is not None:
                        sessions[-1].stored.setdefault(key, (left, right, notes))
            self.days[athlete_id] = days
        return days

    def _candidates(self, athlete_id: int, date: dt.date) -> list[_Day]:
        """The stored sessions of a day that the file's sessions of that day are matched to:
        those holding measurements (an empty one is not exported, so it cannot be matched),
        or the first one if none does (it receives the rows, as a form would)."""
        sessions = self._stored_days(athlete_id).get(date, [])
        return [d for d in sessions if d.stored] or sessions[:1]

    def session_of(self, athlete_id: int, date: dt.date, label: str) -> _Day | None:
        """The stored session a file's session (athlete, date, label) fills; ``None``: a new one.

        Nothing stores a label, so a day's sessions are matched in order: the file's first
        label of that day (in file order) to the day's first stored session, and so on; one
        left over becomes a new session. An export writes each day's sessions in the order
        they were recorded and labels them 1, 2, …, so exporting and re-importing, or
        importing a file twice, meets the same sessions. A file that gives fewer sessions for
        a day than are stored cannot say which it means: :meth:`finish` refuses it when it
        would add anything.
        """
        group = (athlete_id, date, label)
        try:
            return self.groups[group]
        except KeyError:
            pass
        labels = self.day_labels.setdefault((athlete_id, date), [])
        stored = self._candidates(athlete_id, date)
        found = stored[len(labels)] if len(labels) < len(stored) else None
        labels.append(label)
        self.groups[group] = found
        return found

    def finish(self) -> None:
        """After the last row: refuse days where the file's sessions cannot be matched."""
        for (athlete_id, date), line in self.day_adds.items():
            given = len(self.day_labels[(athlete_id, date)])
            stored = len(self._candidates(athlete_id, date))
            if stored >= 2 and given < stored:
                name = self.name_of.get(athlete_id, "")
                self.errors.append(
                    RowError(
                        line,
                        msg(
                            "{name} has {stored} sessions on {date} in this database and this "
                            "file gives {given}: tell them apart with a session column (a label "
                            "per session, in the order they were recorded)",
                            name=name,
                            stored=stored,
                            date=date,
                            given=given,
                        ),
                    )
                )

    # -- rows -----------------------------------------------------------------------------

    def row(self, line: int, cells: list[str], pos: dict[str, int]) -> None:
        """Check one row and queue what it adds. Look-ups are cached by the cell's text, since
        names, dates and values repeat a lot in real files (this is the import's hot loop)."""
        if pos is not self._pos:  # once per file: the columns' places as plain numbers
            self._pos, self._at = pos, _positions(pos)
        at_name, at_id, at_date, at_key, at_unit, at_left, at_right, at_notes, at_label = self._at
        problems: list[str] = []
        raw_id = cells[at_id] if at_id >= 0 else ""
        athlete, name, problem = self._athlete_cell(cells[at_name], raw_id)
        if problem:
            problems.append(problem)
        date = self.date_cells.get(cells[at_date]) or self._date_cell(cells[at_date])
        if isinstance(date, str):  # a problem (a Message), not a date
            problems.append(date)
        unit = cells[at_unit] if at_unit >= 0 else ""
        definition, factor, problem = self.measurement_cells.get(
            (cells[at_key], unit)
        ) or self._measurement_cell(cells[at_key], unit)
        if problem:
            problems.append(problem)
        left = right = None
        if definition is not None:
            left_text, right_text = cells[at_left], cells[at_right]
            if factor is not None:
                values = self.value_cells
                left = values.get((definition.key, factor, left_text), _UNSEEN)
                if left is _UNSEEN:
                    left = self._value_cell(definition, factor, left_text)
                if isinstance(left, str):  # a problem (a Message), not a value
                    problems.append(msg("left: {problem}", problem=left))
                right = values.get((definition.key, factor, right_text), _UNSEEN)
                if right is _UNSEEN:
                    right = self._value_cell(definition, factor, right_text)
                if isinstance(right, str):
                    problems.append(msg("right: {problem}", problem=right))
            if not (left_text + right_text).strip():  # both sides blank
                problems.append(msg("left and right are both empty: at least one side is needed"))
        label = ""
        if at_label >= 0:
            label = " ".join(cells[at_label].split()).lower()
            if len(label) > SESSION_LABEL_MAX:
                problems.append(msg(
                    "the session label is longer than {session_label_max} characters",
                    session_label_max=SESSION_LABEL_MAX,
                ))
        notes: str | None = cells[at_notes].strip()
        if notes:
            if notes[0] == "'":
                notes = unescape_formula(notes)
            if len(notes) > TEXT_MAX:
                problems.append(msg(
                    "notes are longer than {text_max} characters",
                    text_max=TEXT_MAX,
                ))
        else:
            notes = None
        if problems or athlete is None or definition is None or not isinstance(date, dt.date):
            self.errors.append(RowError(line, joined(problems)))
            return
        assert not isinstance(left, str) and not isinstance(right, str)
        key = definition.key
        seen_key = (athlete, date, label, key)
        first = self.seen.get(seen_key)
        if first is not None:
            where = f" (session {label!r})" if label else ""
            self.errors.append(
                RowError(line, msg(
                    "{key} for {name} on {date}{where} is already on line {first}",
                    key=key,
                    name=name,
                    date=date,
                    where=where,
                    first=first,
                ))
            )
            return
        self.seen[seen_key] = line
        day = self.session_of(athlete, date, label)
        if day is not None and key in day.stored:
            s_left, s_right, s_notes = day.stored[key]
            # notes compared as a cell carries them (a JSON import may have kept the spaces
            # around a note, which a CSV cell loses): the database's own export re-imports
            if (s_left, s_right, (s_notes or "").strip() or None) == (left, right, notes):
                self.unchanged += 1
                return
            what = "values" if (s_left, s_right) != (left, right) else "notes"
            self.errors.append(
                RowError(
                    line,
                    msg(
                        "{key} for {name} on {date} is already stored with other {what} "
                        "(left {left}, right {right}{notes}): change or delete it in Untwist "
                        "first, or fix this row",
                        key=key,
                        name=name,
                        date=date,
                        what=msg("values") if what == "values" else msg("notes"),
                        left=definition.format_value(s_left),
                        right=definition.format_value(s_right),
                        notes=(
                            msg(", notes {shown!r}", shown=_short(s_notes or ""))
                            if what == "notes"
                            else ""
                        ),
                    ),
                )
            )
            return
        self.day_adds.setdefault((athlete, date), line)
        if self.errors:
            return  # the import will be rolled back: only keep checking
        if day is not None:
            session = day.session_id
        else:
            ref = self.session_refs.get((athlete, date, label))
            if ref is None:
                ref = self._new_ref()
                self.session_refs[(athlete, date, label)] = ref
                self.new_sessions.append((ref, athlete, date))
            session = ref
        self.new_measurements.append((session, key, left, right, left, right, notes))
        self.added += 1
        self.touched_sessions.add(session)
        self.touched_athletes.add(athlete)

    def _athlete_cell(self, cell: str, raw_id: str) -> tuple[int | None, str, str | None]:
        cache_key = (cell, raw_id)
        found = self.athlete_cells.get(cache_key)
        if found is None:
            name = clean_name(unescape_formula(cell.strip()))
            if not name:
                found = (None, name, msg("the athlete's name is empty"))
            else:
                try:
                    found = (self.athlete(name, raw_id), name, None)
                except ValueError as exc:
                    found = (None, name, message_of(exc))
            self.athlete_cells[cache_key] = found
        return found

    def _date_cell(self, cell: str) -> dt.date | str:
        found = self.date_cells.get(cell)
        if found is None:
            text = cell.strip()
            if not _DATE.fullmatch(text):
                found = msg("date {shown!r} is not a date like 2026-03-31", shown=_short(text))
            else:
                try:
                    found = dt.date.fromisoformat(text)
                except ValueError:
                    found = msg("date {shown!r} does not exist", shown=text)
                else:
                    found = date_problem(found, dt.date.today(), msg("date")) or found
            if len(self.date_cells) < _CACHE_MAX:
                self.date_cells[cell] = found
        return found

    def _measurement_cell(
        self, cell: str, unit_cell: str
    ) -> tuple[MeasurementDef | None, float | None, str | None]:
        cache_key = (cell, unit_cell)
        found = self.measurement_cells.get(cache_key)
        if found is None:
            key = cell.strip().lower()
            definition = self.catalog.get(key)
            if definition is None:
                problem = (
                    msg("unknown measurement {shown!r}", shown=_short(key))
                    if key
                    else msg("the measurement is empty")
                )
                found = (None, None, problem)
            else:
                problems: list[str] = []
                factor = self._unit_factor(definition, unit_cell.strip().lower(), problems)
                found = (definition, factor, problems[0] if problems else None)
            if len(self.measurement_cells) < _CACHE_MAX:
                self.measurement_cells[cache_key] = found
        return found

    def _value_cell(
        self, definition: MeasurementDef, factor: float, cell: str
    ) -> float | str | None:
        """The canonical value of a side's cell, ``None`` if empty, or why it is invalid."""
        cache_key = (definition.key, factor, cell)
        try:
            return self.value_cells[cache_key]
        except KeyError:
            pass
        found = self._value(definition, cell, factor)
        if len(self.value_cells) < _CACHE_MAX:
            self.value_cells[cache_key] = found
        return found

    @staticmethod
    def _unit_factor(definition: MeasurementDef, unit: str, problems: list[str]) -> float | None:
        if not unit or unit == definition.unit.lower():
            return 1.0
        factor = CONVERSIONS.get((definition.unit.lower(), unit))
        if factor is None:
            others = [u for (to, u) in CONVERSIONS if to == definition.unit.lower()]
            allowed = " or ".join([definition.unit, *others])
            problems.append(msg(
                "unit {short!r} does not fit {key} (use {allowed})",
                short=_short(unit),
                key=definition.key,
                allowed=allowed,
            ))
        return factor

    @staticmethod
    def _value(definition: MeasurementDef, cell: str, factor: float) -> float | str | None:
        text = cell.strip()
        if not text:
            return None
        try:
            if definition.is_passfail:
                return definition.validate(text)
            if not _NUMBER.fullmatch(text):
                if _COMMA_NUMBER.fullmatch(text):
                    return msg("{shown!r} has a comma: use . as the decimal mark", shown=text)
                return msg("{shown!r} is not a number", shown=_short(text))
            return definition.validate(float(text) * factor)
        except InvalidValue as exc:
            return message_of(exc)

    # -- writing --------------------------------------------------------------------------

    def flush(self) -> None:
        """Insert what the checked rows so far add (bulk, inside the one transaction)."""
        if self.errors:
            self.new_athletes.clear()
            self.new_sessions.clear()
            self.new_measurements.clear()
            return
        if self.new_athletes:
            # Athletes that keep their file id first, so an automatic id cannot take theirs.
            table = Athlete.__table__
            fixed = [{"id": ref, "name": name} for ref, name in self.new_athletes if ref > 0]
            auto = [(ref, name) for ref, name in self.new_athletes if ref < 0]
            if fixed:
                self.conn.execute(insert(table).values(archived=False, version=1), fixed)
                reset_id_sequence(self.conn, table)
            if auto:
                ids = self.conn.execute(
                    insert(table)
                    .values(archived=False, version=1)
                    .returning(table.c.id, sort_by_parameter_order=True),
                    [{"name": name} for _, name in auto],
                ).scalars()
                for (ref, name), real in zip(auto, ids, strict=True):
                    self.real[ref] = real
                    self.name_of[real] = name  # a later row's athlete_id may name it
            self.new_athletes.clear()
        if self.new_sessions:
            table = Assessment.__table__
            if self.conn.dialect.name == "sqlite":
                # the ids SQLite would give (the largest plus one; the write lock is held since
                # BEGIN IMMEDIATE), in one executemany: RETURNING in parameter order made it
                # insert one session per statement (10,000 statements for 100k rows)
                top = self.conn.execute(select(func.max(table.c.id))).scalar() or 0
                given: Iterable[int] = range(top + 1, top + 1 + len(self.new_sessions))
                _bulk_insert(
                    self.conn,
                    table,
                    ("id", "athlete_id", "date", "version"),
                    [
                        (real, self.real.get(a, a), d.isoformat(), 1)
                        for real, (_, a, d) in zip(given, self.new_sessions, strict=True)
                    ],
                )
            else:
                given = self.conn.execute(
                    insert(table).returning(table.c.id, sort_by_parameter_order=True),
                    [
                        {"athlete_id": self.real.get(a, a), "date": d, "version": 1}
                        for _, a, d in self.new_sessions
                    ],
                ).scalars()
            for (ref, _, _), real in zip(self.new_sessions, given, strict=True):
                self.real[ref] = real
            self.new_sessions.clear()
        if self.new_measurements:
            real = self.real
            rows: list[tuple[object, ...]] = [
                (real.get(m[0], m[0]), *m[1:]) for m in self.new_measurements
            ]
            _bulk_insert(self.conn, Measurement.__table__, _MEASUREMENT_COLUMNS, rows)
            self.new_measurements.clear()


def _bulk_insert(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[object, ...]]
) -> None:
    """One ``executemany`` of plain tuples, SQL compiled by SQLAlchemy for the engine in use.

    ``conn.execute(insert(table), dicts)`` spends more time building parameters than SQLite
    spends storing 100k rows; handing the driver ready tuples halves the import. Only for
    columns whose values the driver takes as they are (numbers and text, no dates).
    """
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup or ()]
        if order != list(range(len(columns))):
            rows = [tuple(r[i] for i in order) for r in rows]
        conn.exec_driver_sql(str(compiled), rows)
    else:
        conn.exec_driver_sql(str(compiled), [dict(zip(columns, r, strict=True)) for r in rows])


_UNSEEN: Any = object()  # a cell not looked up before (None is a cached empty cell)


def _positions(pos: dict[str, int]) -> tuple[int, ...]:
    """The places :meth:`_Importer.row` reads, ``-1`` for an optional column not in the file."""
    return tuple(
        pos.get(name, -1)
        for name in (
            "athlete", "athlete_id", "date", "measurement", "unit", "left", "right", "notes",
            SESSION_COLUMN,
        )
    )  # fmt: skip


def _control_problem(cells: list[str], mapping: list[str | None]) -> str | None:
    """Why a row holds a control character (tab, LF and CR are whitespace), or ``None``."""
    for i, cell in enumerate(cells):
        char = control_character(cell, allow_line_breaks=True)
        if char is not None:
            column = (mapping[i] if i < len(mapping) else None) or msg(
                "column {number}", number=i + 1
            )
            return msg(
                "{column} holds a control character ({describe_character}): remove it",
                column=column,
                describe_character=describe_character(char),
            )
    return None


def import_csv(
    db: Database,
    catalog: Catalog,
    path: str | os.PathLike[str],
    progress: Progress = SILENT,
) -> ImportResult:
    """Import a measurements CSV in one transaction.

    Raises :class:`ImportFileError` for a file that cannot be read as a whole,
    :class:`ImportRejected` listing every bad row, ``Cancelled``, or a
    :class:`~app.models.errors.DatabaseProblem` (read-only or locked file, full disk, server
    gone: :meth:`Database.bulk` guards the transaction); in each case nothing is written.
    """
    size = check_import_file(path)
    fh = _open_binary(path)
    rows = 0
    with fh, db.bulk() as conn:
        lines = _Lines(fh, path)
        reader = csv.reader(lines, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            line, reason, _ = _csv_problem(exc, lines)
            raise ImportFileError(msg(
                "line {line} (the header): {reason}.",
                line=line,
                reason=reason,
            )) from None
        if not header:
            raise ImportFileError(msg("{path} is empty (no header row).", path=path))
        lines.mark()
        pos, mapping = _map_header(header, ",".join(header))
        width = len(header)
        importer = _Importer(conn, catalog, progress)
        progress.step(0, size, msg("Checking rows…"))
        while True:
            start = lines.record_start
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line, reason, go_on = _csv_problem(exc, lines)
                importer.errors.append(RowError(line, reason))
                if not go_on:
                    break
                lines.mark()
                continue
            has_control = lines.control
            lines.mark()
            if len(cells) != width:
                if not any(c.strip() for c in cells):
                    continue  # a blank line (or only separators)
                if len(cells) < width or any(c.strip() for c in cells[width:]):
                    importer.errors.append(
                        RowError(
                            start, msg(
                                "{counted} where the header has {width}",
                                counted=counted(len(cells), 'field'),
                                width=width,
                            )
                        )
                    )
                    continue
            elif not "".join(cells).strip():  # C speed: no generator per row
                continue
            rows += 1
            if has_control:  # rare: which cell, and which character, only then
                control = _control_problem(cells, mapping)
                if control:
                    importer.errors.append(RowError(start, control))
                    continue
            importer.row(start, cells, pos)
            if rows % CHUNK == 0:
                importer.flush()
                progress.step(min(lines.bytes, size), size, msg("{rows:,} rows checked", rows=rows))
        importer.finish()
        if importer.errors:
            raise ImportRejected(importer.errors)
        importer.flush()
        progress.step(size, size, msg("{rows:,} rows checked", rows=rows))
    return ImportResult(
        measurements=importer.added,
        sessions=len(importer.touched_sessions),
        athletes=len(importer.touched_athletes),
        new_athletes=importer.created_athletes,
        unchanged=importer.unchanged,
        rows=rows,
    )
