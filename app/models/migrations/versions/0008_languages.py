"""Languages (issue 18): a handout language per athlete, and the language of a drill's texts.

- ``athletes.handout_language``: the language the athlete's handout is printed in (``en``,
  ``de``, ``es``); NULL: the app's language (``app.config.app_language()``).
- ``drills.language``: the language the row's own texts are written in. NULL (every row written
  before this revision, and the built-ins, copied in English): English. A clinic's own drill
  keeps the language it was written in, so it mirrors with that language's words for left and
  right.
- ``drills.language_texts``: a clinic's edits of the texts in other languages, JSON
  ``{"de": {"name": …, "aim": …, "setup": …, "steps": […], "feel": …, "mistakes": […]}}``. A
  built-in drill prints in the reader's language from ``resources/locales`` until the clinic
  edits it in that language; an edit made in one language leaves the others as they were.

Nullable columns added in place on both engines; existing rows mean what they meant (English).

Revision ID: 0008_languages
Revises: 0007_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_languages"
down_revision = "0007_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("athletes", sa.Column("handout_language", sa.String(length=5), nullable=True))
    op.add_column("drills", sa.Column("language", sa.String(length=5), nullable=True))
    op.add_column("drills", sa.Column("language_texts", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drills") as batch:
        batch.drop_column("language_texts")
        batch.drop_column("language")
    with op.batch_alter_table("athletes") as batch:
        batch.drop_column("handout_language")
