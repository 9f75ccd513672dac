"""Schema revisions known to this build, readable without importing Alembic.

Start-up compares the database's ``alembic_version`` row with :data:`HEAD` using plain SQL;
Alembic itself is imported only when an upgrade is actually due (it costs start-up time).
"""

REVISIONS: tuple[str, ...] = (
    "0001_core",
    "0002_programs",
    "0003_versioned_settings",
    "0004_judgments",
    "0005_photos",
    "0007_indexes",
    "0008_languages",
    "0009_folded_names",
    "0010_progress_notes",
)
HEAD = REVISIONS[-1]
