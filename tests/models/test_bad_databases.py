"""Bad database files (DATA SAFETY point 2), each made for real in the test.

Random bytes, a foreign SQLite file, a corrupted page and a newer schema are covered in
tests/models/test_db.py; here: a truncated copy, a byte-flipped page header, a file locked by
another process, a read-only file, a failing migration — and the command line's exit code 2
for every case. Each test checks the message says which problem it is and that the file's
bytes are unchanged.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

import app.models.db as dbmod
from app.domain.records import AthleteData
from app.models import Athlete
from app.models.db import make_engine, open_database, upgrade
from app.models.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    MigrationFailed,
)
from app.models.schema import HEAD, REVISIONS
from app.services.athletes import create_athlete, list_athletes

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_good(path: Path, athletes: int = 150) -> Path:
    """A real Untwist database with enough rows to span many pages, checkpointed."""
    db = open_database(str(path), create=True)
    for i in range(athletes):
        create_athlete(db, AthleteData(name=f"Athlete {i:03d}", notes="n" * 300))
    db.dispose()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


def make_truncated(path: Path) -> Path:
    data = make_good(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def make_flipped(path: Path) -> Path:
    """Flip every bit of one b-tree page header in the middle of the file."""
    data = bytearray(make_good(path).read_bytes())
    page = len(data) // PAGE // 2
    start = page * PAGE
    for i in range(start, start + 12):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def make_flipped_schema(path: Path) -> Path:
    """Flip the first page's b-tree header (the schema table): reading it raises."""
    data = bytearray(make_good(path, athletes=5).read_bytes())
    for i in range(100, 108):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def make_newer(path: Path) -> Path:
    db = open_database(str(make_good(path, athletes=2)), create=False)
    with db.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()
    return path


@contextlib.contextmanager
def held_lock(path: Path) -> Iterator[subprocess.Popen]:
    """Another process holds the database exclusively until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "c.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        if holder.stdin:
            holder.stdin.close()
        holder.wait(timeout=10)


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "LOCK_WAIT_S", 0.2)


def test_a_truncated_copy_is_reported_as_truncated(tmp_path):
    path = make_truncated(tmp_path / "half.sqlite")
    before = digest(path)
    for create in (True, False):
        with pytest.raises(DatabaseCorrupt, match=r"incomplete \(truncated: \d+ of \d+ bytes\)"):
            open_database(str(path), create=create)
    assert digest(path) == before


def test_a_file_cut_inside_its_header_is_truncated(tmp_path):
    path = tmp_path / "stub.sqlite"
    path.write_bytes(make_good(tmp_path / "good.sqlite", 1).read_bytes()[:60])
    with pytest.raises(DatabaseCorrupt, match="truncated: only 60 bytes"):
        open_database(str(path), create=True)
    assert path.stat().st_size == 60


def test_a_byte_flipped_page_fails_quick_check(tmp_path):
    path = make_flipped(tmp_path / "flipped.sqlite")
    before = digest(path)
    with pytest.raises(DatabaseCorrupt, match="is damaged") as caught:
        open_database(str(path), create=True)
    assert "Restore it from a backup" in str(caught.value)
    assert digest(path) == before


def test_a_damaged_schema_page_makes_quick_check_raise(tmp_path):
    path = make_flipped_schema(tmp_path / "schema.sqlite")
    before = digest(path)
    with pytest.raises(DatabaseCorrupt, match="damaged"):
        open_database(str(path), create=False)
    assert digest(path) == before


def test_a_file_locked_by_another_process(tmp_path, short_lock_wait):
    path = make_good(tmp_path / "locked.sqlite", 3)
    before = digest(path)
    with held_lock(path):
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            open_database(str(path), create=True)
        assert digest(path) == before
    db = open_database(str(path), create=False)  # the lock is gone: it opens again
    assert [a.name for a in list_athletes(db)][:1] == ["Athlete 000"]
    db.dispose()


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make a file unwritable even for root.

    Tests run as root, which ignores mode 0444. ``chattr +i`` (immutable) is refused to root as
    well, so SQLite meets a real read-only file and ``os.access`` reports it: nothing simulated.
    On file systems without attributes (overlayfs, tmpfs) the detection is simulated instead,
    while SQLite's ``mode=ro`` refusal stays real. The test says which was used.
    """
    made: list[Path] = []

    def protect(path: Path) -> str:
        if shutil.which("chattr"):
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if done.returncode == 0 and not os.access(path, os.W_OK):
                made.append(path)
                return "immutable"
        real = dbmod.is_writable
        monkeypatch.setattr(dbmod, "is_writable", lambda p: p != path and real(p))
        return "simulated"

    yield protect
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_file_opens_read_only_and_refuses_writes(tmp_path, read_only):
    path = make_good(tmp_path / "ro.sqlite", 3)
    before = digest(path)
    how = read_only(path)
    db = open_database(str(path), create=True)
    try:
        assert db.read_only, how
        assert len(list_athletes(db)) == 3  # reading works
        with pytest.raises(DatabaseReadOnly, match="read-only: changes cannot be saved"):
            create_athlete(db, AthleteData(name="New"))
        # Behind the service check, SQLite itself refuses: the connection really is read-only.
        with pytest.raises(OperationalError, match="readonly"), db.sessions.begin() as s:
            s.add(Athlete(name="Sneaky"))
        with db.read() as s:
            assert "Sneaky" not in s.scalars(select(Athlete.name)).all()
    finally:
        db.dispose()
    assert digest(path) == before


def test_read_only_on_request_sees_the_other_windows_writes(db, db_path, athlete):
    """The second window's read-only view: a real `mode=ro` connection beside a writer."""
    viewer = open_database(str(db_path), create=False, read_only=True)
    try:
        assert viewer.read_only
        create_athlete(db, AthleteData(name="Added by the first window"))
        assert "Added by the first window" in [a.name for a in list_athletes(viewer)]
        with pytest.raises(DatabaseReadOnly):
            create_athlete(viewer, AthleteData(name="x"))
    finally:
        viewer.dispose()


def test_a_read_only_file_that_needs_an_upgrade_is_refused(tmp_path, read_only):
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, REVISIONS[0])
    engine.dispose()
    before = digest(path)
    read_only(path)
    with pytest.raises(MigrationFailed, match=r"read-only .* needs an upgrade"):
        open_database(str(path), create=False)
    assert digest(path) == before


BROKEN_REVISION = '''"""A revision that fails half-way (test only).

Revision ID: 0099_broken
Revises: {down}
"""

import sqlalchemy as sa
from alembic import op

revision = "0099_broken"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("athletes") as batch:
        batch.add_column(sa.Column("half_done", sa.Integer(), nullable=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    raise RuntimeError("revision 0099 fails on purpose")


def downgrade() -> None:
    pass
'''


def test_a_failing_migration_leaves_the_old_file_intact(tmp_path, monkeypatch):
    """Upgrading 0001 → 0002 → (broken): nothing of 0002 nor of the broken one may remain."""
    migrations = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0099_broken.py").write_text(
        BROKEN_REVISION.format(down=REVISIONS[-1])
    )
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(dbmod, "REVISIONS", (*REVISIONS, "0099_broken"))
    monkeypatch.setattr(dbmod, "HEAD", "0099_broken")

    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")  # WAL, like every database the app writes
    upgrade(engine, REVISIONS[0])
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO athletes (name, archived, version) VALUES ('Old', 0, 1)")
    engine.dispose()
    before = digest(path)

    with pytest.raises(MigrationFailed) as caught:
        open_database(str(path), create=False)
    message = str(caught.value)
    assert "fails on purpose" in message
    assert f"left as it was (still schema {REVISIONS[0]})" in message
    assert "A copy from before the upgrade is at" in message
    assert digest(path) == before

    check = create_engine(f"sqlite:///{path}")
    with check.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == REVISIONS[0]
        tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "drills" not in tables and "half_done" not in tables  # 0002 rolled back too
        assert c.execute(text("SELECT name FROM athletes")).scalars().all() == ["Old"]
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    check.dispose()
    copies = list((tmp_path / "backups").glob("old-*-before-upgrade-0001_core.sqlite"))
    assert len(copies) == 1


def test_the_real_upgrade_still_completes_in_one_transaction(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, REVISIONS[0])
    engine.dispose()
    db = open_database(str(path), create=False)
    with db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on after it
    db.dispose()


# The command line: every case exits 2 with one plain line and leaves the file alone.


def untwist(*args: str, wrapper: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{wrapper}\nimport sys\nfrom app.__main__ import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


READ = ("summary", "--athlete", "X")
WRITE = ("demo",)  # a command that creates or fills a database


@pytest.mark.parametrize(
    "make, message, commands",
    [
        (lambda p: (p.write_bytes(os.urandom(9000)), p)[1], "not an SQLite file", (READ, WRITE)),
        (make_truncated, "truncated", (READ, WRITE)),
        (make_flipped, "damaged", (WRITE,)),
        (make_newer, "newer version of Untwist", (READ,)),
    ],
    ids=["random-bytes", "truncated", "flipped-page", "newer-schema"],
)
def test_cli_bad_file_exits_2(tmp_path, make, message, commands):
    path = make(tmp_path / "bad.sqlite")
    before = digest(path)
    for command in commands:
        result = untwist(*command, "--db", str(path))
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert digest(path) == before


def test_cli_locked_file_exits_2(tmp_path):
    path = make_good(tmp_path / "locked.sqlite", 3)
    before = digest(path)
    with held_lock(path):
        result = untwist(
            "summary", "--db", str(path), "--athlete", "Athlete 000",
            wrapper="import app.models.db as d; d.LOCK_WAIT_S = 0.2",
        )  # fmt: skip
    assert result.returncode == 2 and "locked by another program" in result.stderr
    assert digest(path) == before


def test_cli_read_only_file_reads_but_refuses_writes(tmp_path, read_only):
    reader, empty = tmp_path / "reader.sqlite", tmp_path / "empty.sqlite"
    db = open_database(str(reader), create=True)
    create_athlete(db, AthleteData(name="Reader"))
    db.dispose()
    open_database(str(empty), create=True).dispose()  # no athletes: `demo` would fill it
    before = {p: digest(p) for p in (reader, empty)}
    hows = {read_only(p) for p in (reader, empty)}
    wrapper = ""
    if "simulated" in hows:  # the subprocess cannot see the monkeypatch: do it there too
        wrapper = (
            "import app.models.db as d\n"
            "d.is_writable = lambda p, real=d.is_writable: "
            f"str(p) not in {[str(reader), str(empty)]!r} and real(p)"
        )
    read = untwist("summary", "--db", str(reader), "--athlete", "Reader", wrapper=wrapper)
    assert read.returncode == 0, read.stderr
    assert "Reader" in read.stdout
    write = untwist("demo", "--db", str(empty), wrapper=wrapper)
    assert write.returncode == 2, write.stderr
    assert "read-only" in write.stderr and "Traceback" not in write.stderr
    assert len(write.stderr.strip().splitlines()) == 1
    assert {p: digest(p) for p in (reader, empty)} == before
