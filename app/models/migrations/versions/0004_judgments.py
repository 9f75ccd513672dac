"""Built-in drill texts and targets brought up to the judgments of issue 17, in place.

Built-in drills are copied into a database when it is created, so a database made by the
previous version still holds the old wording: an aim that asserted a "habitual turn" of the
pelvis nobody measured, and a hop drill that named a clinician (the solo handout prints it
too). The pattern drills also gain the indicators they work on (thoracic rotation, hip external
rotation), which the suggestion reads to decide what the program already covers.

Only a row still holding the exact old text is changed: a clinic's own edit is kept. Programs
and every other table are left as they were.

Revision ID: 0004_judgments
Revises: 0003_versioned_settings
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_judgments"
down_revision = "0003_versioned_settings"
branch_labels = None
depends_on = None

# (drill key, column, old value, new value)
CHANGES = (
    (
        "90-90-left-hip-shift",
        "aim",
        "Turn the pelvis back from its habitual turn to the right, and teach the left hip to "
        "take the weight, using the back of the thighs and the breath.",
        "Practise turning the pelvis a little to the left and letting the left hip take the "
        "weight, using the back of the thighs and the breath.",
    ),
    (
        "left-hop-and-stick",
        "setup",
        "Stand on your left leg in shoes, with plenty of clear, non-slippery floor in front of "
        "you. Start this drill only once your clinician is happy with your single-leg balance "
        "and strength.",
        "Stand on your left leg in shoes, with plenty of clear, non-slippery floor in front of "
        "you. Start this drill only once you can stand on your left leg for 30 seconds and do "
        "slow single-leg squats without pain.",
    ),
    (
        "left-sucker-punch-rockback",
        "targets",
        '["adduction_drop_test", "hip_ir_deg"]',
        '["adduction_drop_test", "hip_ir_deg", "thoracic_rot_deg"]',
    ),
    (
        "90-90-left-hip-shift",
        "targets",
        '["hip_ir_deg", "adduction_drop_test"]',
        '["hip_ir_deg", "adduction_drop_test", "hip_er_deg"]',
    ),
    (
        "split-squat-rotation",
        "targets",
        '["hip_ir_deg"]',
        '["hip_ir_deg", "hip_er_deg"]',
    ),
)

drills = sa.table(
    "drills",
    sa.column("key", sa.String),
    sa.column("aim", sa.Text),
    sa.column("setup", sa.Text),
    sa.column("targets", sa.Text),
)


def _apply(changes: tuple[tuple[str, str, str, str], ...]) -> None:
    for key, column, old, new in changes:
        op.execute(
            drills.update()
            .where(drills.c.key == key, drills.c[column] == old)
            .values({column: new})
        )


def upgrade() -> None:
    _apply(CHANGES)


def downgrade() -> None:
    _apply(tuple((key, column, new, old) for key, column, old, new in CHANGES))
