"""Photos of measurements (the photo goniometer): the picture, its points, its plumb line and
the angle, per measurement side and trial.

A new table only: existing rows are untouched, and a database upgraded from 0003 holds no
photos. The upgrade runs after the safety backup like every other (app/models/db.py).

Revision ID: 0005_photos
Revises: 0004_judgments
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_photos"
down_revision = "0004_judgments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measurement_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("trial", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("image_type", sa.String(length=10), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("plumb", sa.Text(), nullable=True),
        sa.Column("angle", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["measurements.id"],
            name=op.f("fk_measurement_photos_measurement_id_measurements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement_photos")),
        sa.UniqueConstraint("measurement_id", "side", "trial", name="uq_measurement_photos_trial"),
    )
    op.create_index(
        op.f("ix_measurement_photos_measurement_id"), "measurement_photos", ["measurement_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_measurement_photos_measurement_id"), table_name="measurement_photos")
    op.drop_table("measurement_photos")
