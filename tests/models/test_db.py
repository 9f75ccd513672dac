import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError

from app.models import Assessment, Athlete, Measurement
from app.models.base import Base
from app.models.db import open_database, upgrade
from app.models.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    NotADatabase,
    NotUntwistDatabase,
    SchemaTooNew,
)
from app.models.schema import HEAD, REVISIONS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_wal_and_at_head(db, db_path):
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD


def test_round_trip_and_uniqueness_per_session_and_key(db):
    with db.transaction() as s:
        a = Athlete(name="Zoë")
        a.assessments.append(
            Assessment(
                date=dt.date(2026, 1, 2),
                measurements=[Measurement(key="hip_ir_deg", left_1=28, left=28, right=None)],
            )
        )
        s.add(a)
    with db.read() as s:
        m = s.scalars(select(Measurement)).one()
        assert (m.key, m.left, m.right) == ("hip_ir_deg", 28, None)  # NULL, never 0
        assessment_id = m.assessment_id
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(Measurement(assessment_id=assessment_id, key="hip_ir_deg", left=30))


def test_deleting_an_athlete_cascades(db):
    with db.transaction() as s:
        a = Athlete(name="X")
        a.assessments.append(
            Assessment(
                date=dt.date(2026, 1, 2), measurements=[Measurement(key="hip_ir_deg", left=3)]
            )
        )
        s.add(a)
    with db.transaction() as s:
        s.delete(s.scalars(select(Athlete)).one())
    with db.read() as s:
        assert s.scalars(select(Measurement)).all() == []


def test_alembic_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    upgrade(engine)
    with engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []


def test_upgrade_from_an_old_revision_backs_up_first_and_keeps_data(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, REVISIONS[0])
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO athletes (name, archived, version) VALUES ('Old', 0, 1)")
    engine.dispose()
    db = open_database(str(path), create=False)
    try:
        with db.read() as s:
            assert s.scalars(select(Athlete.name)).all() == ["Old"]
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
    finally:
        db.dispose()
    backups = list((tmp_path / "backups").glob("old-*-before-upgrade-*.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == REVISIONS[0]
    assert copy.execute("SELECT name FROM athletes").fetchall() == [("Old",)]
    copy.close()


def test_random_bytes_are_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "random.sqlite"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    for create in (True, False):
        with pytest.raises(NotADatabase):
            open_database(str(path), create=create)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["random.sqlite"]


def test_a_foreign_sqlite_database_is_not_ours(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotUntwistDatabase):
        open_database(str(path), create=True)
    assert digest(path) == before


def test_a_newer_schema_is_refused(db_path, db):
    with db.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()
    before = digest(db_path)
    with pytest.raises(SchemaTooNew, match="newer version"):
        open_database(str(db_path), create=False)
    assert digest(db_path) == before


def test_a_corrupt_file_is_reported(tmp_path, db_path, db):
    with db.transaction() as s:
        s.add_all(Athlete(name=f"A{i}", notes="x" * 500) for i in range(200))
    db.dispose()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 200] = os.urandom(200)  # damage a page in the middle
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseCorrupt):
        open_database(str(db_path), create=False)
    assert digest(db_path) == before


def test_missing_file_is_not_created_by_readers(tmp_path):
    path = tmp_path / "nope.sqlite"
    with pytest.raises(DatabaseMissing):
        open_database(str(path), create=False)
    assert not path.exists()
