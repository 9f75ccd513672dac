"""Core tables: athletes, assessments, measurements, custom definitions, settings.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=20), nullable=True),
        sa.Column("sport", sa.String(length=100), nullable=True),
        sa.Column("dominant_side", sa.String(length=5), nullable=True),
        sa.Column("involved_side", sa.String(length=5), nullable=True),
        sa.Column("injury_date", sa.Date(), nullable=True),
        sa.Column("injury_notes", sa.Text(), nullable=True),
        sa.Column("leg_length_left_cm", sa.Float(), nullable=True),
        sa.Column("leg_length_right_cm", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
    )
    op.create_index(op.f("ix_athletes_name"), "athletes", ["name"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("clinician", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_assessments_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index(op.f("ix_assessments_athlete_id"), "assessments", ["athlete_id"])
    op.create_index(op.f("ix_assessments_date"), "assessments", ["date"])
    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        *(
            sa.Column(f"{side}_{n}", sa.Float(), nullable=True)
            for side in ("left", "right")
            for n in (1, 2, 3)
        ),
        sa.Column("left", sa.Float(), nullable=True),
        sa.Column("right", sa.Float(), nullable=True),
        sa.Column("pain_left", sa.Integer(), nullable=True),
        sa.Column("pain_right", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_measurements_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
        sa.UniqueConstraint("assessment_id", "key", name="uq_measurements_session_key"),
    )
    op.create_index(op.f("ix_measurements_assessment_id"), "measurements", ["assessment_id"])
    op.create_index(op.f("ix_measurements_key"), "measurements", ["key"])
    op.create_table(
        "measurement_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("rule", sa.String(length=10), nullable=False),
        sa.Column("min", sa.Float(), nullable=True),
        sa.Column("max", sa.Float(), nullable=True),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("strict", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("mdc", sa.Float(), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("higher", sa.String(length=10), nullable=False),
        sa.Column("protocol", sa.Text(), nullable=True),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement_definitions")),
        sa.UniqueConstraint("key", name=op.f("uq_measurement_definitions_key")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_table("measurement_definitions")
    op.drop_table("measurements")
    op.drop_table("assessments")
    op.drop_table("athletes")
