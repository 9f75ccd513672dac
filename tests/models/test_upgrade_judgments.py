"""Revision 0004 brings the built-in drill texts of an existing database up to the judgments
of issue 17 (no "habitual turn", no clinician in a solo handout, the pattern drills' targets),
in place and on both engines, keeping a clinic's own edits and every stored program as it
was."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Connection, text

from app.domain.drills import load_builtin_drills
from app.models.db import open_database
from app.models.schema import HEAD, REVISIONS
from app.models.seed import drill_row_values
from app.services.drills import drill_library
from app.services.programs import latest_program
from tests.models.upgrades import ENGINES, database_at

PREVIOUS = REVISIONS[REVISIONS.index("0004_judgments") - 1]
OLD_AIM = (
    "Turn the pelvis back from its habitual turn to the right, and teach the left hip to take "
    "the weight, using the back of the thighs and the breath."
)
OLD_HOP_SETUP = (
    "Stand on your left leg in shoes, with plenty of clear, non-slippery floor in front of you. "
    "Start this drill only once your clinician is happy with your single-leg balance and "
    "strength."
)
EDITED_SETUP = "Our clinic's own words for the rockback."
REASONS = ["Findings consistent with the common left-pattern asymmetry: 4 of 6 indicators agree."]


def _old_rows() -> list[dict[str, object]]:
    """The built-in drills as the previous version copied them into a new database."""
    rows = []
    for drill in load_builtin_drills():
        if drill.key == "left-foot-roll-in-mobility":
            continue  # new in this version
        row = {**drill_row_values(drill), "version": 1}
        if row["key"] == "90-90-left-hip-shift":
            row["aim"] = OLD_AIM
            row["targets"] = json.dumps(["hip_ir_deg", "adduction_drop_test"])
        elif row["key"] == "left-hop-and-stick":
            row["setup"] = OLD_HOP_SETUP
        elif row["key"] == "left-sucker-punch-rockback":
            row["targets"] = json.dumps(["adduction_drop_test", "hip_ir_deg"])
            row["setup"] = EDITED_SETUP  # a clinic's edit: kept
        elif row["key"] == "split-squat-rotation":
            row["targets"] = json.dumps(["hip_ir_deg", "hip_er_deg", "foot_posture_index"])
        rows.append(row)
    return rows


@pytest.fixture(params=ENGINES)
def old_target(request, tmp_path) -> str:
    def fill(connection: Connection) -> None:
        columns = list(_old_rows()[0])
        insert = text(
            f"INSERT INTO drills ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)})"
        )
        connection.execute(insert, _old_rows())
        connection.execute(text("INSERT INTO athletes (name, archived, version) "
                                "VALUES ('Old Athlete', false, 1)"))  # fmt: skip
        connection.execute(
            text(
                "INSERT INTO programs (athlete_id, start_date, weeks, pattern, reasons, "
                "notes, version) VALUES (1, '2026-01-05', 6, 'left', :reasons, 'as it "
                "was', 1)"
            ),
            {"reasons": json.dumps(REASONS)},
        )
        connection.execute(
            text(
                "INSERT INTO program_items (program_id, position, drill_key, side, "
                "dosage, notes) VALUES (1, 0, '90-90-left-hip-shift', 'left', :dosage, "
                "'old note')"
            ),
            {
                "dosage": json.dumps(
                    {
                        "sets": "3",
                        "amount": "5",
                        "unit": "breaths",
                        "each_side": False,
                        "per_week": 5,
                    }
                )
            },
        )

    return database_at(request, tmp_path, PREVIOUS, fill)


def test_old_drill_texts_are_updated_in_place_and_edits_and_programs_are_kept(old_target):
    db = open_database(old_target, create=False)
    try:
        with db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar() == HEAD
        drills = {d.key: d for d in drill_library(db)}
        hip_shift = drills["90-90-left-hip-shift"]
        assert "habitual" not in hip_shift.aim
        assert hip_shift.targets == ("hip_ir_deg", "adduction_drop_test", "hip_er_deg")
        assert "clinician" not in drills["left-hop-and-stick"].setup
        rockback = drills["left-sucker-punch-rockback"]
        assert rockback.setup == EDITED_SETUP  # the clinic's edit stays
        assert rockback.targets == ("adduction_drop_test", "hip_ir_deg", "thoracic_rot_deg")
        # a row whose targets a clinic changed is not touched
        assert drills["split-squat-rotation"].targets == (
            "hip_ir_deg",
            "hip_er_deg",
            "foot_posture_index",
        )
        assert "left-foot-roll-in-mobility" in drills  # the new built-in shows from resources
        program = latest_program(db, 1)
        assert program is not None
        assert (program.pattern, list(program.reasons), program.notes, program.weeks) == (
            "left",
            REASONS,
            "as it was",
            6,
        )
        assert [(i.drill_key, i.side, i.notes) for i in program.items] == [
            ("90-90-left-hip-shift", "left", "old note")
        ]
    finally:
        db.dispose()
