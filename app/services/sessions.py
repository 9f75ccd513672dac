"""Assessment sessions: record, edit, delete (with undo), list, and one measurement's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.domain.asymmetry import MAX_TRIALS, result_of_trials
from app.domain.catalog import Catalog, InvalidValue
from app.domain.dates import date_problem
from app.domain.messages import message_of, msg, trimmed
from app.domain.records import (
    SIDES,
    HistoryPoint,
    MeasurementInput,
    MeasurementRecord,
    PhotoMeasurement,
    SessionHistory,
    SessionRecord,
)
from app.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    PAIN_MAX,
    PAIN_MIN,
    Invalid,
    as_number,
    parse_number,
    sentence,
    text_problem,
)
from app.models import Assessment, Measurement
from app.models.db import Database
from app.models.tables import MeasurementPhoto
from app.services.errors import FieldError, NotFound, ValidationError
from app.services.versioning import expect_version, versioned_transaction

TEXT_MAX = NOTES_MAX


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_measurements(
    catalog: Catalog, measurements: Sequence[MeasurementInput]
) -> list[MeasurementRecord]:
    """Check every value of a session; raise one :class:`ValidationError` listing all problems."""
    errors: list[FieldError] = []
    records: list[MeasurementRecord] = []
    seen: set[str] = set()
    for m in measurements:
        definition = catalog.get(m.key)
        if definition is None:
            errors.append(FieldError(m.key, msg("{key!r} is not a known measurement.", key=m.key)))
            continue
        if m.key in seen:
            errors.append(FieldError(m.key, msg(
                "{label} is entered twice.",
                label=definition.label,
            )))
            continue
        seen.add(m.key)
        trials: dict[str, tuple[float, ...]] = {}
        for side in SIDES:
            raw = [v for v in getattr(m, side) if not _blank(v)]
            if len(raw) > MAX_TRIALS:
                errors.append(
                    FieldError(
                        f"{m.key}.{side}",
                        msg(
                            "{label} {side}: at most {max_trials} trials.",
                            label=definition.label,
                            side=side,
                            max_trials=MAX_TRIALS,
                        ),
                    )
                )
                raw = raw[:MAX_TRIALS]
            values: list[float] = []
            for number, value in enumerate(raw, start=1):
                try:
                    values.append(definition.validate(value))
                except InvalidValue as exc:
                    where = msg(" trial {number}", number=number) if len(raw) > 1 else ""
                    said = msg(
                        "{side}{where}: {problem}",
                        side=msg("Left") if side == "left" else msg("Right"),
                        where=where,
                        problem=message_of(exc),
                    )
                    errors.append(FieldError(f"{m.key}.{side}.{number}", said))
            trials[side] = tuple(values)
        pains: dict[str, int | None] = {}
        for side in SIDES:
            raw_pain = getattr(m, f"pain_{side}")
            pains[side] = None
            if _blank(raw_pain):
                continue
            pain = _pain(raw_pain)
            if pain is None:
                errors.append(
                    FieldError(
                        f"{m.key}.pain_{side}",
                        msg(
                            "{label} {side} pain: a whole number 0–10.",
                            label=definition.label,
                            side=side,
                        ),
                    )
                )
            pains[side] = pain
        if m.notes:
            problem = text_problem(m.notes, TEXT_MAX, msg("the notes"), multiline=True)
            if problem:
                said = msg("{label}: {problem}.", label=definition.label, problem=problem)
                errors.append(FieldError(f"{m.key}.notes", said))
        if not trials["left"] and not trials["right"]:
            continue  # an untouched row (or its bad value is already reported): not stored
        photos: tuple[PhotoMeasurement, ...] | None = None
        if m.photos is not None:
            photos = tuple(p for p in m.photos if p.trial <= len(trials.get(p.side, ())))
            for photo in photos:
                problem = photo_problem(photo)
                if problem:
                    errors.append(
                        FieldError(
                            f"{m.key}.{photo.side}.{photo.trial}",
                            msg(
                                "{label} {side} trial {trial}: {problem}.",
                                label=definition.label,
                                side=photo.side,
                                trial=photo.trial,
                                problem=problem,
                            ),
                        )
                    )
        records.append(
            MeasurementRecord(
                key=m.key,
                left_trials=trials["left"],
                right_trials=trials["right"],
                left=result_of_trials(trials["left"], definition.result),
                right=result_of_trials(trials["right"], definition.result),
                pain_left=pains["left"],
                pain_right=pains["right"],
                notes=(m.notes or "").strip() or None,
                photos=photos or (),  # None: update_session keeps the stored ones
            )
        )
    if not errors and not records:
        errors.append(FieldError("session", msg("The session has no values: enter at least one.")))
    if errors:
        raise ValidationError(errors)
    return records


def photo_problem(photo: PhotoMeasurement) -> str | None:
    """Why a photo cannot be stored with its measurement (the picture check, the size as
    stored, the points and the angle: app.domain.goniometer), or ``None``."""
    from app.domain.goniometer import STORED_MAX_SIDE, photo_problems, points_text
    from app.domain.pictures import RASTER_KINDS, PictureProblem, check_picture

    try:
        picture = check_picture(photo.image, msg("the photo"), kinds=RASTER_KINDS)
    except PictureProblem as exc:
        return trimmed(message_of(exc))
    if (picture.width, picture.height) != (photo.width, photo.height) or picture.kind != (
        photo.image_type
    ):
        return msg("the photo is not the picture its size and type say")
    if max(photo.width, photo.height) > STORED_MAX_SIDE:
        return msg(
            "a stored photo is at most {stored_max_side} pixels a side",
            stored_max_side=STORED_MAX_SIDE,
        )
    problems = photo_problems(
        photo.side,
        photo.trial,
        photo.width,
        photo.height,
        points_text(photo.points),
        None if photo.plumb is None else points_text(photo.plumb),
        photo.angle,
    )
    return problems[0] if problems else None


def _photo_row(photo: PhotoMeasurement) -> MeasurementPhoto:
    from app.domain.goniometer import points_text

    return MeasurementPhoto(
        side=photo.side,
        trial=photo.trial,
        image=photo.image,
        image_type=photo.image_type,
        width=photo.width,
        height=photo.height,
        points=points_text(photo.points),
        plumb=None if photo.plumb is None else points_text(photo.plumb),
        angle=photo.angle,
    )


def photo_record(row: MeasurementPhoto) -> PhotoMeasurement:
    from app.domain.goniometer import parse_points

    points, _ = parse_points(row.points)
    plumb = parse_points(row.plumb)[0] if row.plumb is not None else None
    return PhotoMeasurement(
        side="left" if row.side == "left" else "right",
        trial=row.trial,
        image=row.image,
        image_type=row.image_type,
        width=row.width,
        height=row.height,
        points=tuple(points or ()),
        plumb=None if plumb is None else tuple(plumb),
        angle=row.angle,
    )


def _pain(raw: object) -> int | None:
    """A pain score as typed or stored: a whole number 0–10 (ASCII digits), else ``None``."""
    try:
        number = parse_number(raw) if isinstance(raw, str) else as_number(raw)
    except Invalid:
        return None
    if number != int(number) or not PAIN_MIN <= number <= PAIN_MAX:
        return None
    return int(number)


def _validate_header(date: object, clinician: str | None, notes: str | None) -> None:
    """The session's date (1900 to today, DOMAIN.md §6), clinician and notes."""
    errors = []
    problem = date_problem(date, dt.date.today(), msg("the session date"))
    if problem:
        errors.append(FieldError("date", sentence(problem)))
    if clinician:
        problem = text_problem(clinician, NAME_MAX, msg("the clinician's name"))
        if problem:
            errors.append(FieldError("clinician", sentence(problem)))
    if notes:
        problem = text_problem(notes, TEXT_MAX, msg("the session notes"), multiline=True)
        if problem:
            errors.append(FieldError("notes", sentence(problem)))
    if errors:
        raise ValidationError(errors)


def _row(record: MeasurementRecord) -> Measurement:
    lt = (*record.left_trials, None, None, None)
    rt = (*record.right_trials, None, None, None)
    return Measurement(
        key=record.key,
        left_1=lt[0],
        left_2=lt[1],
        left_3=lt[2],
        right_1=rt[0],
        right_2=rt[1],
        right_3=rt[2],
        left=record.left,
        right=record.right,
        pain_left=record.pain_left,
        pain_right=record.pain_right,
        notes=record.notes,
        photos=[_photo_row(p) for p in record.photos],
    )


def _record(row: Measurement) -> MeasurementRecord:
    return MeasurementRecord(
        key=row.key,
        left_trials=tuple(v for v in (row.left_1, row.left_2, row.left_3) if v is not None),
        right_trials=tuple(v for v in (row.right_1, row.right_2, row.right_3) if v is not None),
        left=row.left,
        right=row.right,
        pain_left=row.pain_left,
        pain_right=row.pain_right,
        notes=row.notes,
        photos=tuple(photo_record(p) for p in row.photos),
    )


def _keep_photos(
    records: list[MeasurementRecord], stored: Sequence[Measurement], keep: set[str]
) -> list[MeasurementRecord]:
    """Records of ``keep`` (photos not given) take the stored ones (of trials still there)."""
    before = {m.key: m for m in stored}
    out = []
    for record in records:
        old = before.get(record.key)
        if record.key in keep and old is not None:
            counts = {"left": len(record.left_trials), "right": len(record.right_trials)}
            kept = tuple(
                photo_record(p) for p in old.photos if p.trial <= counts.get(p.side, 0)
            )
            record = record._replace(photos=kept)
        out.append(record)
    return out


def session_record(row: Assessment, catalog: Catalog | None = None) -> SessionRecord:
    measurements = [_record(m) for m in row.measurements]
    if catalog is not None:
        measurements.sort(key=lambda m: catalog.order(m.key))
    return SessionRecord(
        id=row.id,
        athlete_id=row.athlete_id,
        date=row.date,
        clinician=row.clinician,
        notes=row.notes,
        version=row.version,
        measurements=tuple(measurements),
    )


def record_session(
    db: Database,
    catalog: Catalog,
    athlete_id: int,
    date: dt.date,
    measurements: Sequence[MeasurementInput],
    clinician: str | None = None,
    notes: str | None = None,
) -> SessionRecord:
    """Save a whole session in one transaction: every measurement, or nothing."""
    _validate_header(date, clinician, notes)
    records = validate_measurements(catalog, measurements)
    with db.transaction() as session:
        _require_athlete(session, athlete_id)
        row = Assessment(
            athlete_id=athlete_id,
            date=date,
            clinician=(clinician or "").strip() or None,
            notes=(notes or "").strip() or None,
            measurements=[_row(r) for r in records],
        )
        session.add(row)
        session.flush()
        return session_record(row, catalog)


def update_session(
    db: Database,
    catalog: Catalog,
    session_id: int,
    version: int | None,
    date: dt.date,
    measurements: Sequence[MeasurementInput],
    clinician: str | None = None,
    notes: str | None = None,
) -> SessionRecord:
    """Replace a session's values; refused if someone else saved it since ``version``."""
    _validate_header(date, clinician, notes)
    records = validate_measurements(catalog, measurements)

    def stored() -> SessionRecord:
        return get_session(db, session_id, catalog)

    with versioned_transaction(db, "This session", stored) as session:
        row = _get(session, session_id)
        expect_version(row.version, version, "This session", lambda: session_record(row, catalog))
        row.date = date
        row.clinician = (clinician or "").strip() or None
        row.notes = (notes or "").strip() or None
        keep = {m.key for m in measurements if m.photos is None}
        records = _keep_photos(records, row.measurements, keep)
        row.measurements.clear()
        session.flush()
        row.measurements.extend(_row(r) for r in records)
        flag_modified(row, "date")  # the session changed even if only its values did
        session.flush()
        return session_record(row, catalog)


def delete_session(db: Database, session_id: int) -> SessionRecord:
    """Delete a session and return what it held, so the caller can offer undo."""
    with db.transaction() as session:
        row = _get(session, session_id)
        snapshot = session_record(row)
        session.delete(row)
        return snapshot


def restore_session(db: Database, snapshot: SessionRecord) -> SessionRecord:
    """Undo a delete: put the session back as it was (a new id)."""
    with db.transaction() as session:
        _require_athlete(session, snapshot.athlete_id)
        row = Assessment(
            athlete_id=snapshot.athlete_id,
            date=snapshot.date,
            clinician=snapshot.clinician,
            notes=snapshot.notes,
            measurements=[_row(m) for m in snapshot.measurements],
        )
        session.add(row)
        session.flush()
        return session_record(row)


def get_session(db: Database, session_id: int, catalog: Catalog | None = None) -> SessionRecord:
    with db.read() as session:
        return session_record(_get(session, session_id), catalog)


def _trials(first: float | None, second: float | None, third: float | None) -> tuple[float, ...]:
    """The trials stored in a row's three columns, without the empty ones."""
    if second is None and third is None:  # the usual case: one trial or none
        return () if first is None else (first,)
    return tuple(v for v in (first, second, third) if v is not None)


_MEASUREMENT_COLUMNS = (
    Measurement.assessment_id,
    Measurement.key,
    Measurement.left_1,
    Measurement.left_2,
    Measurement.left_3,
    Measurement.right_1,
    Measurement.right_2,
    Measurement.right_3,
    Measurement.left,
    Measurement.right,
    Measurement.pain_left,
    Measurement.pain_right,
    Measurement.notes,
)


def list_sessions(
    db: Database, athlete_id: int, catalog: Catalog | None = None
) -> list[SessionRecord]:
    """All sessions of an athlete, newest first, with their measurements (two queries).

    Plain rows, no ORM objects. For reports and the summary, which use the whole history; the
    window reads a page at a time (:func:`session_history`, :func:`older_sessions`).
    """
    with db.read() as session:
        connection = session.connection()  # Core rows: the ORM's row wrapping costs 30 %
        headers = connection.execute(
            _HEADERS.where(Assessment.athlete_id == athlete_id).order_by(*_NEWEST_FIRST)
        ).all()
        rows = connection.execute(
            select(*_MEASUREMENT_COLUMNS)
            .join(Assessment, Measurement.assessment_id == Assessment.id)
            .where(Assessment.athlete_id == athlete_id)
            .order_by(Measurement.id)
        ).all()
    return _records(headers, rows, catalog)


_HEADERS = select(
    Assessment.id,
    Assessment.athlete_id,
    Assessment.date,
    Assessment.clinician,
    Assessment.notes,
    Assessment.version,
)
_NEWEST_FIRST = (Assessment.date.desc(), Assessment.id.desc())


def _records(
    headers: Sequence[Any], rows: Sequence[Any], catalog: Catalog | None
) -> list[SessionRecord]:
    """Session records from header rows (in their order) and measurement rows (by id)."""
    by_session: dict[int, list[MeasurementRecord]] = {}
    for sid, key, l1, l2, l3, r1, r2, r3, left, right, pain_l, pain_r, notes in rows:
        by_session.setdefault(sid, []).append(
            MeasurementRecord(
                key, _trials(l1, l2, l3), _trials(r1, r2, r3), left, right, pain_l, pain_r, notes
            )
        )
    records = []
    for sid, owner, date, clinician, notes, version in headers:
        measurements = by_session.get(sid, [])
        if catalog is not None:
            measurements.sort(key=lambda m: catalog.order(m.key))
        records.append(
            SessionRecord(
                id=sid,
                athlete_id=owner,
                date=date,
                clinician=clinician,
                notes=notes,
                version=version,
                measurements=tuple(measurements),
            )
        )
    return records


def _measurements_of(connection: Connection, ids: Sequence[int]) -> Sequence[Any]:
    """The measurement rows of these sessions, one statement (over the assessment_id index)."""
    if not ids:
        return []
    query = (
        select(*_MEASUREMENT_COLUMNS)
        .where(Measurement.assessment_id.in_(list(ids)))
        .order_by(Measurement.id)
    )
    return connection.execute(query).all()


def session_history(
    db: Database,
    athlete_id: int,
    catalog: Catalog | None = None,
    *,
    limit: int = 100,
    through: int | None = None,
) -> SessionHistory:
    """The newest ``limit`` sessions, the first session and the count: four statements.

    Each walks the ``(athlete_id, date, id)`` index and stops, so an athlete with 500 sessions
    costs what one with 100 does. ``through``: a session that must be in the page (one the
    window is about to select, however old): the page then reaches down to it (one statement
    more; two statements in all).
    """
    own = Assessment.athlete_id == athlete_id
    with db.read() as session:
        connection = session.connection()
        count = connection.execute(select(func.count()).select_from(Assessment).where(own))
        total = int(count.scalar_one())
        if through is not None:
            day = (
                select(Assessment.date)
                .where(own, Assessment.id == through)
                .scalar_subquery()
            )
            newer = connection.execute(
                select(func.count())
                .select_from(Assessment)
                .where(
                    own,
                    or_(
                        Assessment.date > day,
                        and_(Assessment.date == day, Assessment.id >= through),
                    ),
                )
            ).scalar_one()
            limit = max(limit, int(newer) + 1)  # and its previous session
        headers = connection.execute(
            _HEADERS.where(own).order_by(*_NEWEST_FIRST).limit(limit)
        ).all()
        # read even when the page holds it: the same statements for every history length
        first_header = connection.execute(
            _HEADERS.where(own).order_by(Assessment.date, Assessment.id).limit(1)
        ).first()
        if first_header is not None and len(headers) == total:
            first_header = None  # the page's last session
        ids = [h[0] for h in headers] + ([first_header[0]] if first_header else [])
        rows = _measurements_of(connection, ids)
    records = _records([*headers, *([first_header] if first_header else [])], rows, catalog)
    newest = tuple(records[: len(headers)])
    first = records[-1] if records else None
    return SessionHistory(newest=newest, first=first, count=total)


def older_sessions(
    db: Database,
    athlete_id: int,
    after: SessionRecord,
    catalog: Catalog | None = None,
    *,
    limit: int = 100,
) -> list[SessionRecord]:
    """The ``limit`` sessions just older than ``after``, newest first (keyset: date, id).

    Two statements whatever the page's depth: no OFFSET, which would walk every newer row.
    """
    older = or_(
        Assessment.date < after.date,
        and_(Assessment.date == after.date, Assessment.id < after.id),
    )
    with db.read() as session:
        connection = session.connection()
        headers = connection.execute(
            _HEADERS.where(Assessment.athlete_id == athlete_id, older)
            .order_by(*_NEWEST_FIRST)
            .limit(limit)
        ).all()
        rows = _measurements_of(connection, [h[0] for h in headers])
    return _records(headers, rows, catalog)


def measurement_history(db: Database, athlete_id: int, key: str) -> list[HistoryPoint]:
    """One measurement over time, oldest first (the points of a trend chart)."""
    query = (
        select(Assessment.id, Assessment.date, Measurement.left, Measurement.right)
        .join(Measurement, Measurement.assessment_id == Assessment.id)
        .where(Assessment.athlete_id == athlete_id, Measurement.key == key)
        .order_by(Assessment.date, Assessment.id)
    )
    with db.read() as session:
        return [HistoryPoint(*row) for row in session.execute(query)]


def _get(session: Session, session_id: int) -> Assessment:
    row = session.get(Assessment, session_id)
    if row is None:
        raise NotFound(msg(
            "No session with id {session_id} (deleted elsewhere?).",
            session_id=session_id,
        ))
    return row


def _require_athlete(session: Session, athlete_id: int) -> None:
    from app.models import Athlete

    if session.get(Athlete, athlete_id) is None:
        raise NotFound(msg(
            "No athlete with id {athlete_id} (deleted elsewhere?).",
            athlete_id=athlete_id,
        ))
