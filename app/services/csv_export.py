"""Export measurement results as a spreadsheet CSV (DOMAIN.md §6), fit to be imported again.

One row per measurement with its result (one value per side), in a stable order: athlete name,
athlete id, date, session (oldest first), catalog order. ``athlete_id`` is included so that
re-importing the file is unambiguous when two athletes share a name. When an athlete has two
sessions on one date (before and after treatment), a last ``session`` column numbers that
day's sessions 1, 2, … in the order they were recorded, so the file re-imports into the same
sessions; without such a day the file has exactly the columns it always had. The file starts
with a UTF-8 BOM because that is what makes spreadsheets read accents correctly; the importer
accepts it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from sqlalchemy import Connection, String, case, exists, func, select, type_coerce

from app.domain.catalog import PASS, Catalog
from app.domain.messages import msg, msg_n
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database
from app.services.csv_import import COLUMNS, SESSION_COLUMN
from app.services.interchange import escape_formula, private_atomic_file
from app.services.progress import SILENT, Progress

BOM = "\ufeff"  # what makes spreadsheets read the file as UTF-8 (the importer accepts it)
STEP = 2000  # rows written between two progress reports (each a chance to cancel)
ATHLETES_PER_READ = 200  # athletes whose rows one statement reads (≈ 50,000 rows at a clinic)
_CELL_CACHE = 100_000  # number cells remembered (a clinic's values repeat: 40, 12.5, pass)


@dataclass(frozen=True)
class ExportResult:
    measurements: int
    athletes: int

    def summary(self) -> str:
        return msg(
            "exported {measurements} for {athletes}",
            measurements=msg_n("{count} measurement", "{count} measurements", self.measurements),
            athletes=msg_n("{count} athlete", "{count} athletes", self.athletes),
        )


def format_number(value: float) -> str:
    """Plain number text: whole numbers without ``.0``, others exactly (shortest repr) and
    never in exponent form (``1.016e-07`` is not a number the CSV import or a spreadsheet in
    every locale reads back)."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _cell(definition_passfail: bool | None, value: float | None) -> str:
    if value is None:
        return ""
    if definition_passfail:
        return "pass" if value >= PASS else "fail"
    return format_number(value)


def session_labels(sessions: Iterable[tuple[int, dt.date, int]]) -> dict[int, str]:
    """``1``, ``2``, … for the sessions of days on which an athlete has more than one.

    ``sessions`` are (athlete id, date, session id); a day's sessions are numbered in the
    order they were recorded (by id). Empty when no athlete has two sessions on one date.
    """
    by_day: dict[tuple[int, dt.date], set[int]] = {}
    for athlete_id, date, session_id in sessions:
        by_day.setdefault((athlete_id, date), set()).add(session_id)
    return {
        session_id: str(number)
        for ids in by_day.values()
        if len(ids) > 1
        for number, session_id in enumerate(sorted(ids), 1)
    }


def export_csv(
    db: Database,
    catalog: Catalog,
    path: str | os.PathLike[str],
    athlete_id: int | None = None,
    progress: Progress = SILENT,
) -> ExportResult:
    """Write the CSV to ``path`` (all athletes, or one); nothing is left behind if cancelled.

    Streamed, so a clinic's 1.2 M results take bounded memory and never hold the GIL for
    long (the window's progress dialog keeps painting): the athletes are put in order in
    Python (``casefold``: SQLite's and PostgreSQL's ``lower()`` differ for accents), then
    their rows are read a group of athletes at a time, each athlete's sessions in the order
    of the ``(athlete_id, date, id)`` index, and written as they come. One snapshot, so the
    header (with or without a ``session`` column) and the rows agree.
    """
    progress.step(0, 0, msg("Reading measurements…"))
    with db.snapshot() as conn:
        athletes = select(Athlete.id, Athlete.name)
        counted_rows = (
            select(func.count())
            .select_from(Measurement)
            .join(Assessment, Assessment.id == Measurement.assessment_id)
        )
        if athlete_id is not None:
            athletes = athletes.where(Athlete.id == athlete_id)
            counted_rows = counted_rows.where(Assessment.athlete_id == athlete_id)
        # 5,000 short names: milliseconds, and the only sort that is not the index's
        ranked = sorted(conn.execute(athletes).all(), key=lambda r: (r[1].casefold(), r[0]))
        total = conn.execute(counted_rows).scalar_one()
        labelled = _has_two_sessions_a_day(conn, athlete_id)
        writer = _Writer(catalog, progress, total)
        # within a session in catalog order (a sort of 12 rows in SQL); unknown keys last, by
        # code point as Python compares text (PostgreSQL's "C" collation)
        key = Measurement.key.collate("C") if conn.dialect.name == "postgresql" else Measurement.key
        ranks = {d.key: catalog.order(d.key) for d in catalog}
        in_catalog = (
            (case(ranks, value=Measurement.key, else_=len(ranks)), key) if ranks else (key,)
        )
        with private_atomic_file(path, encoding="utf-8", newline="") as fh:
            writer.start(fh, labelled)
            for start in range(0, len(ranked), ATHLETES_PER_READ):
                group = ranked[start : start + ATHLETES_PER_READ]
                rows: dict[int, list[Any]] = {aid: [] for aid, _ in group}
                query = (
                    select(
                        Assessment.athlete_id,
                        type_coerce(Assessment.date, String),  # ISO text as stored (SQLite)
                        Assessment.id,
                        Measurement.key,
                        Measurement.left,
                        Measurement.right,
                        Measurement.notes,
                    )
                    .join(Measurement, Measurement.assessment_id == Assessment.id)
                    .where(Assessment.athlete_id.in_([aid for aid, _ in group]))
                    .order_by(Assessment.athlete_id, Assessment.date, Assessment.id, *in_catalog)
                )
                for batch in conn.execute(query.execution_options(yield_per=STEP)).partitions():
                    for row in batch:
                        rows[row[0]].append(row)
                for aid, name in group:
                    if rows[aid]:
                        writer.athlete(name, aid, rows.pop(aid))
            writer.finish()
    return ExportResult(measurements=writer.written, athletes=writer.athletes)


def _has_two_sessions_a_day(conn: Connection, athlete_id: int | None) -> bool:
    """Whether the file needs the ``session`` column: an athlete with two sessions (that hold
    measurements) on one date. Read before the first row, from the ``(athlete_id, date)``
    index, so the header is known before anything is written."""
    holds = exists(select(Measurement.id).where(Measurement.assessment_id == Assessment.id))
    query = select(Assessment.athlete_id).where(holds)
    if athlete_id is not None:
        query = query.where(Assessment.athlete_id == athlete_id)
    query = query.group_by(Assessment.athlete_id, Assessment.date).having(func.count() > 1).limit(1)
    return conn.execute(query).first() is not None


class _Writer:
    """Rows out, STEP at a time, with progress (and so a chance to cancel) after each step.

    Each chunk is formatted into memory and written with one call: the file's encoder then
    runs once per chunk, not once per row.
    """

    def __init__(self, catalog: Catalog, progress: Progress, total: int) -> None:
        self.catalog = catalog
        self.progress = progress
        self.total = total
        self.written = 0
        self.athletes = 0
        self.labelled = False
        self._pending: list[tuple[str, ...]] = []
        self._keys: dict[str, tuple[str, dict[float | None, str], str]] = {}
        # a number's cell, by kind of measurement (a clinic's values repeat: 40, 12.5, pass)
        self._numbers: dict[float | None, str] = {None: ""}
        self._passfail: dict[float | None, str] = {None: ""}
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\r\n")

    def start(self, fh: IO[str], labelled: bool) -> None:
        self._fh = fh
        self.labelled = labelled
        fh.write(BOM)
        self._csv.writerow((*COLUMNS, SESSION_COLUMN) if labelled else COLUMNS)

    def _key(self, key: str) -> tuple[str, dict[float | None, str], str]:
        """The key's cell, its cells for numbers, its unit's cell (worked out once per key)."""
        known = self._keys.get(key)
        if known is None:
            definition = self.catalog.get(key)
            passfail = definition is not None and definition.is_passfail
            known = self._keys[key] = (
                escape_formula(key),
                self._passfail if passfail else self._numbers,
                escape_formula(definition.unit) if definition else "",
            )
        return known

    def _cell(self, cells: dict[float | None, str], value: float) -> str:
        if len(cells) > _CELL_CACHE:
            cells.clear()
            cells[None] = ""
        text = cells[value] = _cell(cells is self._passfail, value)
        return text

    def athlete(self, name: str, athlete_id: int, rows: list[Any]) -> None:
        """One athlete's rows, in the file's order (date, session, catalog order)."""
        labels = session_labels((athlete_id, r[1], r[2]) for r in rows) if self.labelled else {}
        name_cell, id_cell = escape_formula(name), str(athlete_id)
        pending, key_of, labelled = self._pending, self._key, self.labelled
        day, day_cell = None, ""
        for _, date, session_id, key, left, right, notes in rows:
            key_cell, cells, unit = key_of(key)
            if date != day:  # a session's rows share it: worked out once per session
                day, day_cell = date, date if isinstance(date, str) else date.isoformat()
            left_cell = cells.get(left)
            if left_cell is None:
                left_cell = self._cell(cells, left)
            right_cell = cells.get(right)
            if right_cell is None:
                right_cell = self._cell(cells, right)
            out = (
                name_cell,
                day_cell,
                key_cell,
                left_cell,
                right_cell,
                escape_formula(notes) if notes else "",
                unit,
                id_cell,
            )
            pending.append((*out, labels.get(session_id, "")) if labelled else out)
            if len(pending) >= STEP:
                self._flush()
        self.athletes += 1

    def _flush(self) -> None:
        self._csv.writerows(self._pending)
        self._fh.write(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()
        self.written += len(self._pending)
        self._pending.clear()
        self.progress.step(
            self.written, self.total, msg(
                "{written:,} of {total:,} rows written",
                written=self.written,
                total=self.total,
            )
        )

    def finish(self) -> None:
        if self._pending or self._buffer.tell():
            self._flush()
        self.progress.step(self.total, self.total, msg("{total:,} rows written", total=self.total))
