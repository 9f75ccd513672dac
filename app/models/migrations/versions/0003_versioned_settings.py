"""Version columns on settings and custom measurement definitions (optimistic locking).

Two desks of a clinic database edited these without a version, so the second save silently
overwrote the first. Existing rows start at version 1, like a newly inserted row.

Revision ID: 0003_versioned_settings
Revises: 0002_programs
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_versioned_settings"
down_revision = "0002_programs"
branch_labels = None
depends_on = None

TABLES = ("settings", "measurement_definitions")


def upgrade() -> None:
    # A plain ADD COLUMN on both engines (SQLite allows NOT NULL with a constant default), so
    # no table is rebuilt and the rows keep their place.
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
