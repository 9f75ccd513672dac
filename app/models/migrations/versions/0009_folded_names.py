"""The athletes' folded names: the list's order and its search as you type, indexed.

- ``athletes.folded_name``: the name case folded and without accents
  (``app.domain.text.folded_name``), filled here for every athlete, then NOT NULL.
- ``ix_athletes_folded_name`` on ``(folded_name, id)``, on both engines: a page of the list
  and each search keystroke read the index in order instead of sorting 5,000 names by the
  app's Python ``lower()`` (SQLite) on every page.
- ``ix_athletes_name_lower`` (PostgreSQL only, revision 0007) goes: nothing orders by
  ``lower(name)`` any more.

Revision ID: 0009_folded_names
Revises: 0007_indexes
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009_folded_names"
down_revision = "0008_languages"
branch_labels = None
depends_on = None

BATCH = 2000
FOLDED_NAME_MAX = 400


def folded_name(name: str) -> str:
    """``app.domain.text.folded_name`` as of this revision (a revision keeps what it did)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))[:FOLDED_NAME_MAX]


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("athletes", sa.Column("folded_name", sa.String(FOLDED_NAME_MAX), nullable=True))
    athletes = sa.table(
        "athletes", sa.column("id", sa.Integer), sa.column("name"), sa.column("folded_name")
    )
    rows = bind.execute(sa.select(athletes.c.id, athletes.c.name)).all()
    update = (
        sa.update(athletes)
        .where(athletes.c.id == sa.bindparam("athlete"))
        .values(folded_name=sa.bindparam("folded"))
    )
    for start in range(0, len(rows), BATCH):
        bind.execute(
            update,
            [{"athlete": i, "folded": folded_name(n)} for i, n in rows[start : start + BATCH]],
        )
    with op.batch_alter_table("athletes") as batch:
        batch.alter_column("folded_name", existing_type=sa.String(FOLDED_NAME_MAX), nullable=False)
    op.create_index("ix_athletes_folded_name", "athletes", ["folded_name", "id"])
    if bind.dialect.name == "postgresql":
        op.drop_index("ix_athletes_name_lower", table_name="athletes")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_athletes_name_lower", "athletes", [sa.text("lower(name)"), "id"])
    op.drop_index("ix_athletes_folded_name", table_name="athletes")
    with op.batch_alter_table("athletes") as batch:
        batch.drop_column("folded_name")
