"""The clinician's assessment and plan for the progress report, kept with the athlete.

A new table only (one current note per athlete, versioned like the other shared records):
existing rows are untouched, and an upgraded database holds no notes. The upgrade runs after
the safety backup like every other (app/models/db.py).

Revision ID: 0010_progress_notes
Revises: 0009_folded_names
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_progress_notes"
down_revision = "0009_folded_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "progress_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("assessment", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_progress_notes_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_notes")),
        sa.UniqueConstraint("athlete_id", name=op.f("uq_progress_notes_athlete_id")),
    )


def downgrade() -> None:
    op.drop_table("progress_notes")
