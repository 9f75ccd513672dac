"""`db copy`: every row and id from one engine to the other, refusals, all or nothing."""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.domain.progress_notes import NOTE_MAX
from app.domain.records import AthleteData
from app.models import Base, Drill
from app.models.db import open_database
from app.models.errors import DatabaseMissing
from app.models.tables import NOT_DATA
from app.services.athletes import create_athlete
from app.services.catalog import load_catalog
from app.services.db_copy import copy_database, copy_tables
from app.services.demo import create_demo
from app.services.errors import ServiceError
from app.services.interchange import NotEmpty
from app.services.progress import Cancelled, Progress
from app.services.progress_notes import save_progress_notes
from app.services.settings import get_settings, save_settings
from tests.services.test_drills import png_bytes

DAY = dt.date(2026, 11, 25)


def dump(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, by primary key (what "identical" means here)."""
    db = open_database(target, create=False)
    try:
        with db.engine.connect() as conn:
            return {
                t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in copy_tables()
            }
    finally:
        db.dispose()


@pytest.fixture
def other(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A target on the other engine than the parametrised source ``db``."""
    if "[sqlite" in request.node.nodeid:
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "copy.sqlite")


def fill(db) -> None:
    """The demo, plus what it lacks: settings, an edited drill with an image, odd text."""
    create_demo(db, load_catalog(db), today=DAY)
    zoe = create_athlete(db, AthleteData(name="Zoë “Quotes” O'Neil\nsecond line", notes="é ° ✓"))
    save_progress_notes(db, zoe.id, "Assessment ° ✓\n\tindented", "x" * NOTE_MAX, 0)
    save_settings(db, get_settings(db))
    with db.engine.begin() as conn:
        conn.execute(
            update(Drill).where(Drill.id == 1).values(image=png_bytes(), image_type="png")
        )


def test_a_copy_to_the_other_engine_holds_every_row_and_id(db, other):
    fill(db)
    steps: list[tuple[int, int]] = []
    result = copy_database(
        db.url, other, Progress(lambda done, total, _: steps.append((done, total)))
    )
    assert dump(other) == dump(db.url)
    assert result.rows == {name: len(rows) for name, rows in dump(db.url).items()}
    assert result.rows["assessments"] > 0 and result.rows["drills"] > 0
    assert result.rows["progress_notes"] == 1
    assert "counts verified" in result.summary()
    assert steps[-1][0] == steps[-1][1] > 0


def test_new_rows_in_the_copy_get_fresh_ids(db, other):
    fill(db)
    copy_database(db.url, other)
    highest = max(r[0] for r in dump(other)["athletes"])
    copied = open_database(other, create=False)
    try:
        assert create_athlete(copied, AthleteData(name="After the move")).id == highest + 1
    finally:
        copied.dispose()


def test_a_target_holding_data_is_refused_and_left_as_it_was(db, other):
    fill(db)
    target = open_database(other, create=True)
    create_athlete(target, AthleteData(name="Already here"))
    target.dispose()
    before = dump(other)
    with pytest.raises(NotEmpty, match="already holds data"):
        copy_database(db.url, other)
    assert dump(other) == before


def test_an_empty_untwist_target_is_filled(db, other):
    """A database created but never used (only the seeded drills) counts as empty."""
    fill(db)
    open_database(other, create=True).dispose()
    copy_database(db.url, other)
    assert dump(other) == dump(db.url)


def test_a_missing_source_creates_nothing(tmp_path, other):
    with pytest.raises(DatabaseMissing):
        copy_database(str(tmp_path / "nowhere.sqlite"), other)
    if "://" not in other:
        assert not Path(other).exists()


def test_copying_a_database_onto_itself_is_refused(db):
    with pytest.raises(ServiceError, match="same database"):
        copy_database(db.url, db.url)


def test_a_cancelled_copy_leaves_no_target_behind(db, other):
    fill(db)
    progress = Progress(lambda done, total, _: progress.cancel() if done > 100 else None)
    with pytest.raises(Cancelled):
        copy_database(db.url, other, progress)
    if "://" in other:  # the server database stays, empty: the transaction rolled back
        assert sum(len(rows) for name, rows in dump(other).items() if name != "drills") == 0
    else:
        assert not list(Path(other).parent.glob(Path(other).name + "*"))


def test_every_table_is_copied():
    names = [t.name for t in copy_tables()]
    assert set(names) == set(Base.metadata.tables) - NOT_DATA
    assert names.index("athletes") < names.index("assessments") < names.index("measurements")


def test_a_folder_setting_stays_behind(db, other, tmp_path):
    """A path names a place on the computer that wrote it: the copy never takes it (the same
    rule as a JSON import), and everything else arrives."""
    fill(db)
    settings = get_settings(db)
    settings.backup_folder = str(tmp_path / "elsewhere")
    settings.clinic_name = "Copied clinic"
    save_settings(db, settings)
    copy_database(db.url, other)
    copied = open_database(other, create=False)
    try:
        assert get_settings(copied).backup_folder == ""
        assert get_settings(copied).clinic_name == "Copied clinic"
    finally:
        copied.dispose()
    source, target = dump(db.url), dump(other)
    assert [r for r in source["settings"] if r[0] != "backup_folder"] == target["settings"]
    assert {k: v for k, v in source.items() if k != "settings"} == {
        k: v for k, v in target.items() if k != "settings"
    }
