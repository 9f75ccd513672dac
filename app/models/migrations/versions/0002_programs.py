"""Drill library, programs, program items and adherence.

Revision ID: 0002_programs
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_programs"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aim", sa.Text(), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("setup", sa.Text(), nullable=False),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("feel", sa.Text(), nullable=False),
        sa.Column("mistakes", sa.Text(), nullable=False),
        sa.Column("dosage", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("targets", sa.Text(), nullable=False),
        sa.Column("illustration", sa.String(length=200), nullable=True),
        sa.Column("image", sa.LargeBinary(), nullable=True),
        sa.Column("image_type", sa.String(length=10), nullable=True),
        sa.Column("builtin", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("program_order", sa.Integer(), nullable=True),
        sa.Column("retired", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drills")),
        sa.UniqueConstraint("key", name=op.f("uq_drills_key")),
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("pattern", sa.String(length=10), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_programs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    op.create_index(op.f("ix_programs_athlete_id"), "programs", ["athlete_id"])
    op.create_table(
        "program_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("drill_key", sa.String(length=100), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("dosage", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_items_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_items")),
    )
    op.create_index(op.f("ix_program_items_program_id"), "program_items", ["program_id"])
    op.create_table(
        "adherence_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["program_items.id"],
            name=op.f("fk_adherence_entries_item_id_program_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adherence_entries")),
        sa.UniqueConstraint("item_id", "date", name="uq_adherence_item_date"),
    )
    op.create_index(op.f("ix_adherence_entries_item_id"), "adherence_entries", ["item_id"])


def downgrade() -> None:
    op.drop_table("adherence_entries")
    op.drop_table("program_items")
    op.drop_table("programs")
    op.drop_table("drills")
