"""The progress report's assessment and plan, stored per athlete (one current note each).

The dialog reads the stored note to start from and saves what it prints; ``untwist report
--kind progress`` prints the stored note when ``--assessment``/``--plan`` are not given (and
stores given text only with ``--save-notes``). Saving is versioned like every record two desks
may edit (:mod:`app.services.versioning`): the dialog names the version it loaded, and a note
another desk saved meanwhile raises :class:`Conflict` carrying the stored note.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.messages import msg
from app.domain.progress_notes import ProgressNotes, note_problem
from app.domain.validation import sentence
from app.models.db import Database
from app.models.tables import Athlete, ProgressNote
from app.services.errors import Conflict, FieldError, NotFound, ValidationError
from app.services.versioning import expect_version, versioned_transaction


def _record(row: ProgressNote) -> ProgressNotes:
    return ProgressNotes(
        athlete_id=row.athlete_id,
        assessment=row.assessment,
        plan=row.plan,
        updated_at=row.updated_at,
        version=row.version,
    )


def _stored(session: Session, athlete_id: int) -> ProgressNote | None:
    return session.scalars(
        select(ProgressNote).where(ProgressNote.athlete_id == athlete_id)
    ).one_or_none()


def get_progress_notes(db: Database, athlete_id: int) -> ProgressNotes:
    """The stored assessment and plan; empty (version 0) when none was saved yet."""
    with db.read() as session:
        row = _stored(session, athlete_id)
        return _record(row) if row is not None else ProgressNotes(athlete_id)


def checked_notes(assessment: str, plan: str) -> tuple[str, str]:
    """Both texts as they are stored and printed (stripped), or :class:`ValidationError`."""
    errors: list[FieldError] = []
    for field, value, what in (
        ("assessment", assessment, msg("the assessment")),
        ("plan", plan, msg("the plan")),
    ):
        problem = note_problem(value, what)
        if problem:
            errors.append(FieldError(field, sentence(problem)))
    if errors:
        raise ValidationError(errors)
    return assessment.strip(), plan.strip()


def save_progress_notes(
    db: Database,
    athlete_id: int,
    assessment: str,
    plan: str,
    version: int | None,
    *,
    now: dt.datetime | None = None,
) -> ProgressNotes:
    """Store the athlete's assessment and plan over the note of ``version`` (0: none stored
    yet; ``None``: overwrite knowingly). Unchanged texts write nothing."""
    assessment, plan = checked_notes(assessment, plan)
    what = "The assessment and plan"
    try:
        with versioned_transaction(db, what, lambda: get_progress_notes(db, athlete_id)) as session:
            if session.get(Athlete, athlete_id) is None:
                raise NotFound(msg("No athlete with id {athlete_id}.", athlete_id=athlete_id))
            row = _stored(session, athlete_id)
            expect_version(
                row.version if row is not None else 0,
                version,
                what,
                lambda: _record(row) if row is not None else ProgressNotes(athlete_id),
            )
            if row is not None and (row.assessment, row.plan) == (assessment, plan):
                return _record(row)
            if row is None:
                row = ProgressNote(athlete_id=athlete_id)
                session.add(row)
            row.assessment, row.plan = assessment, plan
            row.updated_at = (now or dt.datetime.now()).replace(microsecond=0)
            session.flush()
            return _record(row)
    except IntegrityError:
        # another desk stored the athlete's first note between our read and our insert
        raise Conflict(what, get_progress_notes(db, athlete_id)) from None
