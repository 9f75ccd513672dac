"""Indexes for a clinic-sized database (issue 21: 5,000 athletes, 100,000 sessions).

- ``ix_athletes_name_lower`` on ``(lower(name), id)``: the athlete list's order. The window
  reads the list a page at a time (keyset paging after the last name shown); without it every
  page and every search keystroke scanned and sorted the whole table.
- ``ix_assessments_athlete_date`` on ``(athlete_id, date, id)``: an athlete's sessions in date
  order (history, trends, summary) straight from the index, without a sort.

Plain CREATE INDEX on both engines: no table is rebuilt.

Revision ID: 0007_indexes
Revises: 0003_versioned_settings
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_indexes"
down_revision = "0003_versioned_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_athletes_name_lower", "athletes", [sa.text("lower(name)"), "id"])
    op.create_index("ix_assessments_athlete_date", "assessments", ["athlete_id", "date", "id"])


def downgrade() -> None:
    op.drop_index("ix_assessments_athlete_date", table_name="assessments")
    op.drop_index("ix_athletes_name_lower", table_name="athletes")
