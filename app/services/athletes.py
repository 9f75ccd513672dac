"""Athletes: create, edit, archive, delete, find."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, literal, select, tuple_
from sqlalchemy.orm import Session

from app.domain.messages import msg
from app.domain.records import AthleteData, AthleteInfo
from app.domain.text import folded_name
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
    """The list's order (``folded_name, id``) of an athlete shown, for keyset paging."""
    return tuple_(literal(folded_name(athlete.name), Athlete.folded_name.type), literal(athlete.id))


def list_athletes(
    db: Database,
    *,
    include_archived: bool = False,
    search: str = "",
    after: AthleteInfo | None = None,
    limit: int | None = None,
    through: int | None = None,
) -> list[AthleteInfo]:
    """Athletes by name (ignoring case and accents), then id; a part of them for the list.

    Ordered and searched by the stored ``folded_name`` and its ``(folded_name, id)`` index
    on both engines: a page and a search keystroke read the index in order and stop after
    ``limit`` rows, instead of sorting a clinic's 5,000 names each time (SQLite sorted them
    through the app's Python ``lower()``: 15–40 ms a keystroke). "chloe" finds "Chloé".
    ``after``/``limit``: the next page after an athlete already shown (keyset paging, so
    page 25 costs what page 1 does). ``through``: every athlete up to and including the one
    with that id (one statement, to show a selection that lies beyond the pages read so far;
    an id that is gone adds nothing). Plain Core rows, not ORM objects.
    """
    order = (Athlete.folded_name, Athlete.id)
    query = select(*_INFO_COLUMNS).order_by(*order)
    if not include_archived:
        query = query.where(Athlete.archived.is_(False))
    wanted = folded_name(name_key(search.strip()))
    if wanted:
        query = query.where(Athlete.folded_name.contains(wanted, autoescape=True))
    if after is not None:
        query = query.where(tuple_(*order) > _sort_key(after))
    if through is not None:
        target = Athlete.__table__.alias("target")
        name = select(target.c.folded_name).where(target.c.id == through)
        query = query.where(tuple_(*order) <= tuple_(name.scalar_subquery(), literal(through)))
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [_info(r) for r in session.execute(query)]


_INFO_COLUMNS = [c for c in Athlete.__table__.columns if c.name != "folded_name"]
SUGGESTIONS = 3  # names a "did you mean" offers


def find_athlete(
    db: Database, name: str | None = None, athlete_id: int | None = None
) -> AthleteInfo:
    """The one athlete a command names: by id, or by name, as a person types it.

    The first of these that finds anyone decides: the exact name; the name ignoring case
    and accents ("chloe martin" for "Chloé Martin"); a part of it, as the window's search
    finds it ("ava"). One athlete is the answer; several, or none, is :class:`NotFound`
    or :class:`AmbiguousAthlete` naming the nearest names, so the next try can succeed.
    """
    if athlete_id is not None:
        return get_athlete(db, athlete_id)
    typed = name or ""
    wanted = name_key(typed)  # NFC: a name typed in NFD finds the same athlete
    folded = folded_name(wanted)
    by_id = Athlete.id
    tiers = (
        Athlete.name == clean_name(typed),
        func.lower(Athlete.name) == wanted,  # the match before folded names (same case rule)
        Athlete.folded_name == folded,
        Athlete.folded_name.contains(folded, autoescape=True),
    )
    with db.read() as session:
        for where in tiers if folded else ():
            rows = session.execute(
                select(*_INFO_COLUMNS).where(where).order_by(by_id).limit(MAX_LISTED + 1)
            ).all()
            if len(rows) == 1:
                return _info(rows[0])
            if rows:
                more = session.scalar(select(func.count()).select_from(Athlete).where(where))
                raise AmbiguousAthlete(typed, [(r.id, r.name) for r in rows[:MAX_LISTED]], more)
        names = session.execute(select(Athlete.folded_name, Athlete.name)).all()
    raise NotFound(_not_found(typed, folded, names))


MAX_LISTED = 5  # athletes a "did you mean" lists when a name matches several


def _not_found(typed: str, folded: str, names: Sequence[Any]) -> str:
    """ "No athlete named 'X': did you mean 'A', 'B' or 'C'?" (difflib's nearest names)."""
    if not names:
        return f"No athlete named {typed!r}: the database has no athletes yet."
    by_fold: dict[str, list[str]] = {}
    for fold_of, shown in names:
        by_fold.setdefault(fold_of, []).append(shown)
    near = difflib.get_close_matches(folded, list(by_fold), n=SUGGESTIONS, cutoff=0.0)
    offered = list(dict.fromkeys(n for f in near for n in sorted(by_fold[f])))[:SUGGESTIONS]
    return f"No athlete named {typed!r}: did you mean {_either(offered)}?"


def _either(names: list[str]) -> str:
    quoted = [repr(n) for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _get(session: Session, athlete_id: int) -> Athlete:
    row = session.get(Athlete, athlete_id)
    if row is None:
        raise NotFound(msg("No athlete with id {athlete_id}.", athlete_id=athlete_id))
    return row
