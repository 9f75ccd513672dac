"""Rows a new database starts with: the built-in drills, copied so a clinic can edit them."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy.engine import Connection

from app.domain.drills import Drill, load_builtin_drills, seed_program_keys
from app.models.tables import Drill as DrillRow


def drill_row_values(d: Drill) -> dict[str, Any]:
    program = seed_program_keys()
    return {
        "key": d.key,
        "name": d.name,
        "aim": d.aim,
        "region": d.region,
        "setup": d.setup,
        "steps": json.dumps(list(d.steps), ensure_ascii=False),
        "feel": d.feel,
        "mistakes": json.dumps(list(d.mistakes), ensure_ascii=False),
        "dosage": json.dumps(dataclasses.asdict(d.dosage), ensure_ascii=False),
        "side": d.side,
        "targets": json.dumps(list(d.targets)),
        "illustration": d.illustration or None,
        "builtin": d.builtin,
        "program_order": program.index(d.key) + 1 if d.key in program else None,
        "retired": False,
    }


def seed_builtin_drills(connection: Connection) -> None:
    connection.execute(
        DrillRow.__table__.insert(),
        [{**drill_row_values(d), "version": 1} for d in load_builtin_drills()],
    )
