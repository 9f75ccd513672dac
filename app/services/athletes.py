"""Athletes: create, edit, archive, delete, find."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import func, literal, select, tuple_
from sqlalchemy.orm import Session

from app.domain.records import AthleteData, AthleteInfo
from app.domain.validation import athlete_problems, clean_name, name_key, sentence
from app.models import Athlete
from app.models.db import Database
from app.services.errors import AmbiguousAthlete, FieldError, NotFound, ValidationError
from app.services.versioning import expect_version, versioned_transaction

_DATA_FIELDS = [f.name for f in dataclasses.fields(AthleteData)]


def _info(row: Any) -> AthleteInfo:
    """An ORM ``Athlete`` or a Core row of the athletes table."""
    return AthleteInfo(
        **{f: getattr(row, f) for f in _DATA_FIELDS},
        id=row.id,
        archived=row.archived,
        version=row.version,
    )


def handout_language(athlete: AthleteData, *, desk: str | None = None) -> str:
    """The language ``athlete``'s handout prints in: the athlete's own choice, else the app's
    (``UNTWIST_LANG``, this desk's setting ``desk`` when a window asks, the system locale,
    English). The report code, the CLI (``report`` without ``--lang``) and the window all ask
    this one function, so they cannot disagree. A stored code this build does not ship (a
    newer version's file) falls back to the app's language too."""
    from app.config import app_language
    from app.domain.language import LANGUAGES

    chosen = athlete.handout_language
    if chosen is not None and chosen in LANGUAGES:
        return chosen
    return app_language(desk)


def validate_athlete(data: AthleteData) -> AthleteData:
    """The athlete as stored (name in NFC, spaces collapsed), or every problem at once.

    The rules are the domain's (:func:`app.domain.validation.athlete_problems`), shared with
    the JSON import and ``db copy``.
    """
    problems = athlete_problems(dataclasses.asdict(data), dt.date.today())
    if problems:
        raise ValidationError([FieldError(field, sentence(p)) for field, p in problems])
    return dataclasses.replace(data, name=clean_name(data.name))


def create_athlete(db: Database, data: AthleteData) -> AthleteInfo:
    data = validate_athlete(data)
    with db.transaction() as session:
        row = Athlete(**dataclasses.asdict(data))
        session.add(row)
        session.flush()
        return _info(row)


def update_athlete(
    db: Database, athlete_id: int, data: AthleteData, version: int | None
) -> AthleteInfo:
    """Save an edit; ``version`` is the one the form loaded (``None`` overwrites knowingly)."""
    data = validate_athlete(data)
    what = f"Athlete {data.name}"
    with versioned_transaction(db, what, lambda: get_athlete(db, athlete_id)) as session:
        row = _get(session, athlete_id)
        expect_version(row.version, version, what, lambda: _info(row))
        for name, value in dataclasses.asdict(data).items():
            setattr(row, name, value)
        session.flush()
        return _info(row)


def set_archived(db: Database, athlete_id: int, archived: bool) -> AthleteInfo:
    with db.transaction() as session:
        row = _get(session, athlete_id)
        row.archived = archived
        session.flush()
        return _info(row)


def delete_athlete(db: Database, athlete_id: int) -> None:
    """Delete permanently, with every session and program (the UI confirms first)."""
    with db.transaction() as session:
        session.delete(_get(session, athlete_id))


def get_athlete(db: Database, athlete_id: int) -> AthleteInfo:
    with db.read() as session:
        return _info(_get(session, athlete_id))


ATHLETE_PAGE = 200
"""Athletes the window's list reads at a time: more than a screen holds, far fewer than a
clinic has (5,000 in ten years)."""


def _sort_key(athlete: AthleteInfo) -> Any:
    """The list's order (``lower(name), id``) as the database computes it, for keyset paging."""
    return tuple_(func.lower(literal(athlete.name, Athlete.name.type)), literal(athlete.id))


def list_athletes(
    db: Database,
    *,
    include_archived: bool = False,
    search: str = "",
    after: AthleteInfo | None = None,
    limit: int | None = None,
    through: int | None = None,
) -> list[AthleteInfo]:
    """Athletes by name (case-insensitive), then id; a part of them for the window's list.

    ``after``/``limit``: the next page after an athlete already shown (keyset paging; on
    PostgreSQL on the ``lower(name), id`` index, so page 25 costs what page 1 does; SQLite
    sorts the names, a few milliseconds for a clinic's 5,000). ``through``: every athlete
    up to and including the one with that id (one statement, to show a selection that lies
    beyond the pages read so far; an id that is gone adds nothing). Plain Core rows,
    not ORM objects: a page of 200 in about a millisecond.
    """
    order = (func.lower(Athlete.name), Athlete.id)
    query = select(*Athlete.__table__.columns).order_by(*order)
    if not include_archived:
        query = query.where(Athlete.archived.is_(False))
    if search.strip():
        query = query.where(
            func.lower(Athlete.name).contains(search.strip().lower(), autoescape=True)
        )
    if after is not None:
        query = query.where(tuple_(*order) > _sort_key(after))
    if through is not None:
        target = Athlete.__table__.alias("target")
        name = select(func.lower(target.c.name)).where(target.c.id == through)
        query = query.where(tuple_(*order) <= tuple_(name.scalar_subquery(), literal(through)))
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [_info(r) for r in session.execute(query)]


def find_athlete(
    db: Database, name: str | None = None, athlete_id: int | None = None
) -> AthleteInfo:
    """The one athlete a command names: by id, or by exact (case-insensitive) name."""
    if athlete_id is not None:
        return get_athlete(db, athlete_id)
    wanted = name_key(name or "")  # NFC: a name typed in NFD finds the same athlete
    with db.read() as session:
        rows = session.scalars(
            select(Athlete).where(func.lower(Athlete.name) == wanted).order_by(Athlete.id)
        ).all()
        if not rows:
            raise NotFound(f"No athlete named {name!r}.")
        if len(rows) > 1:
            raise AmbiguousAthlete(name or "", [r.id for r in rows])
        return _info(rows[0])


def _get(session: Session, athlete_id: int) -> Athlete:
    row = session.get(Athlete, athlete_id)
    if row is None:
        raise NotFound(f"No athlete with id {athlete_id}.")
    return row
