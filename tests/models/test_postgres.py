"""The same models and migrations on a real PostgreSQL server."""

from sqlalchemy import create_engine, select

from app.models import Athlete
from app.models.base import Base
from app.models.db import open_database, upgrade
from app.models.schema import HEAD


def test_a_new_postgres_database_is_created_at_head(pg_url):
    db = open_database(pg_url, create=True)
    try:
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        with db.transaction() as s:
            s.add(Athlete(name="Zoë"))
        with db.read() as s:
            assert s.scalars(select(Athlete.name)).all() == ["Zoë"]
    finally:
        db.dispose()


def test_alembic_migrations_match_the_models_on_postgres(pg_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(pg_url)
    upgrade(engine)
    with engine.connect() as c:
        assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
    engine.dispose()
