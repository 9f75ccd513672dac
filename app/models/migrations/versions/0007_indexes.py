"""Indexes for a clinic-sized database (issue 21: 5,000 athletes, 100,000 sessions).

- ``ix_athletes_name_lower`` on ``(lower(name), id)``, PostgreSQL only: the athlete list's
  order. The window reads the list a page at a time (keyset paging after the last name
  shown); without it every page and every search keystroke scans and sorts the whole table.
  Not on SQLite: there ``lower()`` is the app's own Unicode function, and an index built with
  it looks damaged to any connection without it (``integrity_check``, the sqlite3 shell).
- ``ix_assessments_athlete_date`` on ``(athlete_id, date, id)``: an athlete's sessions in date
  order (history, trends, summary) straight from the index, without a sort.

- ``change_counters``: one row per kind of record, raised by every unit of work that writes
  that kind (``app.models.db``). The freshness poll reads these few rows instead of counting
  and summing whole tables (a scan of 100,000 sessions on every poll of every desk).

Plain CREATE INDEX / CREATE TABLE on both engines: no table is rebuilt.

Revision ID: 0007_indexes
Revises: 0005_photos
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_indexes"
down_revision = "0005_photos"
branch_labels = None
depends_on = None


KINDS = ("athletes", "sessions", "programs", "adherence", "drills", "settings")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_athletes_name_lower", "athletes", [sa.text("lower(name)"), "id"])
    op.create_index("ix_assessments_athlete_date", "assessments", ["athlete_id", "date", "id"])
    counters = op.create_table(
        "change_counters",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("counter", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind"),
    )
    op.bulk_insert(counters, [{"kind": kind, "counter": 0} for kind in KINDS])


def downgrade() -> None:
    op.drop_table("change_counters")
    op.drop_index("ix_assessments_athlete_date", table_name="assessments")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_athletes_name_lower", table_name="athletes")
