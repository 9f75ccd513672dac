"""The drill library as this database holds it.

Built-in drills are copied into the ``drills`` table when a database is created, so a clinic
can edit their text; "restore" copies the original back from ``resources/``. Built-ins added by
a later version of Untwist appear from ``resources/`` until they are first edited.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.drills import Dosage, Drill, load_builtin_drills
from app.models import Drill as DrillRow
from app.models.db import Database
from app.models.seed import drill_row_values
from app.services.errors import NotFound


def drill_from_row(row: DrillRow) -> Drill:
    return Drill(
        key=row.key,
        name=row.name,
        aim=row.aim,
        region=row.region,
        setup=row.setup,
        steps=tuple(json.loads(row.steps)),
        feel=row.feel,
        mistakes=tuple(json.loads(row.mistakes)),
        dosage=Dosage(**json.loads(row.dosage)),
        side=row.side,  # type: ignore[arg-type]
        targets=tuple(json.loads(row.targets)),
        illustration=row.illustration or "",
        builtin=row.builtin,
    )


def _rows(session: Session) -> list[DrillRow]:
    return list(session.scalars(select(DrillRow).order_by(DrillRow.id)))


def drill_library(db: Database, *, include_retired: bool = False) -> list[Drill]:
    """Every drill of this database (edited built-ins, custom drills), library order."""
    with db.read() as session:
        rows = _rows(session)
    stored = {r.key for r in rows}
    drills = [drill_from_row(r) for r in rows if include_retired or not r.retired]
    drills += [d for d in load_builtin_drills() if d.key not in stored]
    return drills


def get_drill(db: Database, key: str) -> Drill:
    for d in drill_library(db, include_retired=True):
        if d.key == key:
            return d
    raise NotFound(f"No drill {key!r}.")


def restore_builtin(db: Database, key: str) -> Drill:
    """Put a built-in drill's original text back (undoing a clinic's edits)."""
    original = next((d for d in load_builtin_drills() if d.key == key), None)
    if original is None:
        raise NotFound(f"{key!r} is not a built-in drill.")
    with db.transaction() as session:
        row = session.scalars(select(DrillRow).where(DrillRow.key == key)).one_or_none()
        if row is None:
            session.add(DrillRow(**drill_row_values(original)))
        else:
            for name, value in drill_row_values(original).items():
                setattr(row, name, value)
    return original
