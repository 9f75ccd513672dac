"""Import measurements from a spreadsheet's CSV (DOMAIN.md §6): all rows or nothing.

The file is streamed (a 200 MB file is never held in memory as text) and written with bulk
``executemany`` inserts inside one transaction, flushed every few thousand rows. Validation
goes on to the last row even after the first error, so the user gets every bad line at once;
from the first error on nothing more is inserted and the transaction is rolled back at the end.

Matching rules, chosen so that importing the same file twice adds nothing:
* athletes by name (case and spacing ignored), or by ``athlete_id`` when the row has one;
* all rows of one athlete and date belong to one session: an existing session of that day gets
  the measurements it lacks; a measurement already stored with the same values (and notes) is
  left alone; one stored with other values is an error, since silently picking one is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from sqlalchemy import Connection, Table, insert, select

from app.domain.catalog import Catalog, InvalidValue, MeasurementDef
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database
from app.services.interchange import (
    ImportFileError,
    ImportRejected,
    RowError,
    check_import_file,
    reset_id_sequence,
    unescape_formula,
)
from app.services.progress import SILENT, Progress
from app.services.sessions import TEXT_MAX

REQUIRED_COLUMNS = ("athlete", "date", "measurement", "left", "right", "notes")
OPTIONAL_COLUMNS = ("unit", "athlete_id")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
CONVERSIONS: dict[tuple[str, str], float] = {("cm", "in"): 2.54}  # (catalog unit, file unit)
NAME_MAX = 200
CHUNK = 5000
_MEASUREMENT_COLUMNS = ("assessment_id", "key", "left_1", "right_1", "left", "right", "notes")
_MeasurementRow = tuple[  # the values of _MEASUREMENT_COLUMNS
    int, str, float | None, float | None, float | None, float | None, str | None
]
PREVIEW_ROWS = 20
_CACHE_MAX = 200_000  # cells remembered per kind (bounded memory for odd files)

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_COMMA_NUMBER = re.compile(r"[+-]?\d+,\d+")
_LINE_END = re.compile(r"(\r\n|\r|\n)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"\d{1,18}")


@dataclass(frozen=True)
class ImportResult:
    measurements: int  # added
    sessions: int  # sessions that received measurements (new or existing)
    athletes: int  # athletes who received measurements
    new_athletes: int
    unchanged: int = 0  # rows already stored with the same values
    rows: int = 0  # data rows read (blank lines not counted)

    def summary(self) -> str:
        return (
            f"imported {self.measurements} measurements in {self.sessions} sessions "
            f"for {self.athletes} athletes ({self.new_athletes} new)"
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


def _open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller's ``with``
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    if fh.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
        fh.close()
        raise ImportFileError(
            f"{path} is UTF-16 text; save it as UTF-8 CSV (in a spreadsheet: 'CSV UTF-8')."
        )
    return fh


def _text_lines(fh: BinaryIO, path: object, count: list[int]) -> Iterator[str]:
    """Lines of strict UTF-8 text, split like ``newline=""`` does (``\n``, ``\r\n``, ``\r``).

    Decoded line by line rather than by a text wrapper, so a bad byte is reported on its own
    line; ``count`` accumulates the bytes read (for progress).
    """
    line = 0
    first = True
    for raw in fh:
        count[0] += len(raw)
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
            line += len(pieces)
            yield from pieces
        else:
            line += 1
            yield text


def _not_utf8(path: object, line: int) -> ImportFileError:
    return ImportFileError(
        f"{path} is not UTF-8 text (line {line}); save it as UTF-8 CSV "
        "(in a spreadsheet: 'CSV UTF-8')."
    )


def _map_header(cells: list[str], raw_line: str) -> tuple[dict[str, int], list[str | None]]:
    """Column positions by name, or an :class:`ImportFileError` naming what is wrong."""
    mapping: list[str | None] = []
    positions: dict[str, int] = {}
    unknown: list[str] = []
    duplicate: list[str] = []
    for i, cell in enumerate(cells):
        name = cell.strip().lower()
        if name in COLUMNS:
            if name in positions:
                duplicate.append(name)
            positions.setdefault(name, i)
            mapping.append(name)
        else:
            mapping.append(None)
            if name:
                unknown.append(cell.strip())
    expected = f"the header must be {','.join(REQUIRED_COLUMNS)} (plus optional unit, athlete_id)"
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        hint = ""
        for sep, label in ((";", "semicolons"), ("\t", "tabs")):
            if sep in raw_line and "," not in raw_line:
                hint = f"; the file is separated by {label}: save it as comma-separated CSV"
        raise ImportFileError(
            f"missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}: {expected}{hint}."
        )
    if duplicate:
        raise ImportFileError(f"column {duplicate[0]} appears twice in the header.")
    if unknown:
        raise ImportFileError(
            f"unknown column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(_short(u)) for u in unknown)}: {expected}."
        )
    return positions, mapping


def read_preview(path: str | os.PathLike[str], limit: int = PREVIEW_ROWS) -> CsvPreview:
    """Read only the header and the first ``limit`` rows: cheap even for a 200 MB file."""
    try:
        size = check_import_file(path)
        fh = _open_binary(path)
    except ImportFileError as exc:
        return CsvPreview([], [], [], 0, str(exc))
    header: list[str] = []
    mapping: list[str | None] = []
    rows: list[list[str]] = []
    problem: str | None = None
    with fh:
        reader = csv.reader(_text_lines(fh, path, [0]))
        try:
            header = next(reader, [])
            if not header:
                return CsvPreview([], [], [], size, f"{path} is empty (no header row).")
            raw = ",".join(header)
            try:
                _, mapping = _map_header(header, raw)
            except ImportFileError as exc:
                problem = str(exc)
                mapping = [
                    h.strip().lower() if h.strip().lower() in COLUMNS else None for h in header
                ]
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                rows.append([_short(c, 200) for c in cells])
                if len(rows) >= limit:
                    break
        except ImportFileError as exc:
            problem = str(exc)
        except csv.Error as exc:
            problem = f"line {reader.line_num}: the file is not valid CSV ({exc})."
    return CsvPreview(header, mapping, rows, size, problem)


@dataclass
class _Day:
    """An existing session date of an athlete: where new measurements go, what is stored."""

    session_id: int
    stored: dict[str, tuple[float | None, float | None, str | None]] = field(default_factory=dict)


class _Importer:
    def __init__(self, conn: Connection, catalog: Catalog, progress: Progress) -> None:
        self.conn = conn
        self.catalog = catalog
        self.progress = progress
        self.errors: list[RowError] = []
        self.by_name: dict[str, list[int]] = {}
        self.name_of: dict[int, str] = {}
        for athlete_id, name in conn.execute(select(Athlete.id, Athlete.name)):
            key = " ".join(name.split()).lower()
            self.by_name.setdefault(key, []).append(athlete_id)
            self.name_of[athlete_id] = name
        # Athletes and sessions created by this import get provisional negative ids until
        # they are inserted; ``real`` maps them to the database's ids.
        self.next_ref = -1
        self.real: dict[int, int] = {}
        self.athlete_refs: dict[tuple[str, int | None], int | str] = {}
        self.days: dict[int, dict[dt.date, _Day]] = {}
        self.session_refs: dict[tuple[int, dt.date], int] = {}
        self.seen: dict[tuple[int, dt.date, str], int] = {}
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
                raise ValueError(f"athlete_id {_short(raw_id)!r} is not a positive whole number")
            file_id = int(raw_id)
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
            if " ".join(stored.split()).lower() == name.lower():
                return file_id
            return (
                f"athlete_id {file_id} is {stored!r} in this database, not {name!r} (without "
                "the athlete_id column, rows are matched by name)"
            )
        same_name = self.by_name.get(name.lower(), [])
        if len(same_name) == 1:
            return same_name[0]
        if len(same_name) > 1:
            ids = ", ".join(str(i) for i in same_name)
            if file_id is not None:
                return (
                    f"athlete_id {file_id} is not in this database and {len(same_name)} "
                    f"athletes are named {name!r} (ids {ids})"
                )
            return (
                f"{len(same_name)} athletes are named {name!r} (ids {ids}): add an athlete_id "
                "column to say which"
            )
        if len(name) > NAME_MAX:
            return f"the athlete's name is longer than {NAME_MAX} characters"
        self.created_athletes += 1
        if file_id is not None:
            self.name_of[file_id] = name  # taken from now on
            self.days[file_id] = {}  # nothing stored yet
            self.new_athletes.append((file_id, name))
            return file_id
        ref = self._new_ref()
        self.new_athletes.append((ref, name))
        return ref

    def _stored_days(self, athlete_id: int) -> dict[dt.date, _Day]:
        """The athlete's existing sessions by date (one query per athlete, on first use)."""
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
                    day = days.setdefault(date, _Day(sid))
                    if key is not None:
                        day.stored.setdefault(key, (left, right, notes))
            self.days[athlete_id] = days
        return days

    # -- rows -----------------------------------------------------------------------------

    def row(self, line: int, cells: list[str], pos: dict[str, int]) -> None:
        """Check one row and queue what it adds. Look-ups are cached by the cell's text, since
        names, dates and values repeat a lot in real files (this is the import's hot loop)."""
        problems: list[str] = []
        raw_id = cells[pos["athlete_id"]] if "athlete_id" in pos else ""
        athlete, name, problem = self._athlete_cell(cells[pos["athlete"]], raw_id)
        if problem:
            problems.append(problem)
        date = self._date_cell(cells[pos["date"]])
        if isinstance(date, str):
            problems.append(date)
        unit = cells[pos["unit"]] if "unit" in pos else ""
        definition, factor, problem = self._measurement_cell(cells[pos["measurement"]], unit)
        if problem:
            problems.append(problem)
        left = right = None
        if definition is not None:
            left_text, right_text = cells[pos["left"]], cells[pos["right"]]
            if factor is not None:
                left = self._value_cell(definition, factor, left_text)
                if isinstance(left, str):
                    problems.append("left: " + left)
                right = self._value_cell(definition, factor, right_text)
                if isinstance(right, str):
                    problems.append("right: " + right)
            if not left_text.strip() and not right_text.strip():
                problems.append("left and right are both empty: at least one side is needed")
        notes: str | None = cells[pos["notes"]].strip()
        if notes:
            if notes[0] == "'":
                notes = unescape_formula(notes)
            if len(notes) > TEXT_MAX:
                problems.append(f"notes are longer than {TEXT_MAX} characters")
        else:
            notes = None
        if problems or athlete is None or definition is None or not isinstance(date, dt.date):
            self.errors.append(RowError(line, "; ".join(problems)))
            return
        assert not isinstance(left, str) and not isinstance(right, str)
        key = definition.key
        seen_key = (athlete, date, key)
        first = self.seen.get(seen_key)
        if first is not None:
            self.errors.append(
                RowError(line, f"{key} for {name} on {date} is already on line {first}")
            )
            return
        self.seen[seen_key] = line
        day = self._stored_days(athlete).get(date)
        if day is not None and key in day.stored:
            s_left, s_right, s_notes = day.stored[key]
            if (s_left, s_right, s_notes or None) == (left, right, notes):
                self.unchanged += 1
                return
            what = "values" if (s_left, s_right) != (left, right) else "notes"
            self.errors.append(
                RowError(
                    line,
                    f"{key} for {name} on {date} is already stored with other {what} "
                    f"(left {definition.format_value(s_left)}, right "
                    f"{definition.format_value(s_right)}"
                    + (f", notes {_short(s_notes or '')!r}" if what == "notes" else "")
                    + "): change or delete it in Untwist first, or fix this row",
                )
            )
            return
        if self.errors:
            return  # the import will be rolled back: only keep checking
        if day is not None:
            session = day.session_id
        else:
            ref = self.session_refs.get((athlete, date))
            if ref is None:
                ref = self._new_ref()
                self.session_refs[(athlete, date)] = ref
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
            name = " ".join(unescape_formula(cell.strip()).split())
            if not name:
                found = (None, name, "the athlete's name is empty")
            else:
                try:
                    found = (self.athlete(name, raw_id), name, None)
                except ValueError as exc:
                    found = (None, name, str(exc))
            self.athlete_cells[cache_key] = found
        return found

    def _date_cell(self, cell: str) -> dt.date | str:
        found = self.date_cells.get(cell)
        if found is None:
            text = cell.strip()
            if not _DATE.fullmatch(text):
                found = f"date {_short(text)!r} is not a date like 2026-03-31"
            else:
                try:
                    found = dt.date.fromisoformat(text)
                except ValueError:
                    found = f"date {text!r} does not exist"
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
                    f"unknown measurement {_short(key)!r}" if key else "the measurement is empty"
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
            problems.append(f"unit {_short(unit)!r} does not fit {definition.key} (use {allowed})")
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
                    return f"{text!r} has a comma: use . as the decimal mark"
                return f"{_short(text)!r} is not a number"
            return definition.validate(float(text) * factor)
        except InvalidValue as exc:
            return str(exc)

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
            ids = self.conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [
                    {"athlete_id": self.real.get(a, a), "date": d, "version": 1}
                    for _, a, d in self.new_sessions
                ],
            ).scalars()
            for (ref, _, _), real in zip(self.new_sessions, ids, strict=True):
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
    count = [0]
    rows = 0
    with fh, db.bulk() as conn:
        reader = csv.reader(_text_lines(fh, path, count))
        line = 0
        try:
            header = next(reader, None)
            if not header:
                raise ImportFileError(f"{path} is empty (no header row).")
            line = reader.line_num
            pos, _ = _map_header(header, ",".join(header))
            width = len(header)
            importer = _Importer(conn, catalog, progress)
            progress.step(0, size, "Checking rows…")
            for cells in reader:
                start, line = line + 1, reader.line_num
                if len(cells) != width:
                    if not any(c.strip() for c in cells):
                        continue  # a blank line (or only separators)
                    if len(cells) < width or any(c.strip() for c in cells[width:]):
                        importer.errors.append(
                            RowError(start, f"{len(cells)} fields where the header has {width}")
                        )
                        continue
                elif not any(cells) or not any(c.strip() for c in cells):
                    continue
                rows += 1
                importer.row(start, cells, pos)
                if rows % CHUNK == 0:
                    importer.flush()
                    progress.step(min(count[0], size), size, f"{rows:,} rows checked")
        except csv.Error as exc:
            raise ImportFileError(f"line {line + 1}: the file is not valid CSV ({exc}).") from None
        if importer.errors:
            raise ImportRejected(importer.errors)
        importer.flush()
        progress.step(size, size, f"{rows:,} rows checked")
    return ImportResult(
        measurements=importer.added,
        sessions=len(importer.touched_sessions),
        athletes=len(importer.touched_athletes),
        new_athletes=importer.created_athletes,
        unchanged=importer.unchanged,
        rows=rows,
    )
