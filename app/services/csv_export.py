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
import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain.catalog import PASS, Catalog
from app.domain.text import counted
from app.models import Assessment, Athlete, Measurement
from app.models.db import Database
from app.services.csv_import import COLUMNS, SESSION_COLUMN
from app.services.interchange import escape_formula, private_atomic_file
from app.services.progress import SILENT, Progress

STEP = 2000


@dataclass(frozen=True)
class ExportResult:
    measurements: int
    athletes: int

    def summary(self) -> str:
        return (
            f"exported {counted(self.measurements, 'measurement')} "
            f"for {counted(self.athletes, 'athlete')}"
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
    """Write the CSV to ``path`` (all athletes, or one); nothing is left behind if cancelled."""
    query = (
        select(
            Athlete.id,
            Athlete.name,
            Assessment.date,
            Assessment.id,
            Measurement.key,
            Measurement.left,
            Measurement.right,
            Measurement.notes,
        )
        .join(Assessment, Assessment.athlete_id == Athlete.id)
        .join(Measurement, Measurement.assessment_id == Assessment.id)
    )
    if athlete_id is not None:
        query = query.where(Athlete.id == athlete_id)
    progress.step(0, 0, "Reading measurements…")
    with db.read() as session:
        rows = list(session.execute(query).all())
    # Sorted here, not in SQL: lower() differs between SQLite and PostgreSQL for accents.
    rows.sort(key=lambda r: (r[1].casefold(), r[0], r[2], r[3], catalog.order(r[4]), r[4]))
    labels = session_labels((aid, date, sid) for aid, _, date, sid, *_ in rows)
    total = len(rows)
    with private_atomic_file(path, encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow((*COLUMNS, SESSION_COLUMN) if labels else COLUMNS)
        for n, (aid, name, date, sid, key, left, right, notes) in enumerate(rows):
            if n % STEP == 0:
                progress.step(n, total, f"{n:,} of {total:,} rows written")
            definition = catalog.get(key)
            passfail = definition.is_passfail if definition else None
            writer.writerow(
                (
                    escape_formula(name),
                    date.isoformat(),
                    escape_formula(key),
                    _cell(passfail, left),
                    _cell(passfail, right),
                    escape_formula(notes or ""),
                    escape_formula(definition.unit) if definition else "",
                    str(aid),
                    *((labels.get(sid, ""),) if labels else ()),
                )
            )
        progress.step(total, total, f"{total:,} rows written")
    return ExportResult(measurements=total, athletes=len({r[0] for r in rows}))
