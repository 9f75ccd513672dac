"""The clinic benchmark's cached database is keyed by what it depends on (issue 21)."""

from bench import clinicdb


def test_the_cache_key_follows_the_schema_head(monkeypatch):
    """A new revision (0010 today) must build a new file: the old one no longer opens."""
    from app.models import schema

    before = clinicdb.cached_path().name
    assert schema.HEAD in before
    monkeypatch.setattr(schema, "HEAD", "0099_later")
    after = clinicdb.cached_path().name
    assert "0099_later" in after and after != before


def test_the_cache_key_follows_the_models(monkeypatch):
    """A model changed before its revision is written changes the key too."""
    before = clinicdb.cache_key()
    from sqlalchemy import Column, Integer, Table

    from app.models import Base

    extra = Table("bench_key_probe", Base.metadata, Column("id", Integer, primary_key=True))
    try:
        assert clinicdb.cache_key() != before
    finally:
        Base.metadata.remove(extra)
    assert clinicdb.cache_key() == before


def test_files_under_an_older_key_are_removed(tmp_path):
    keep = tmp_path / "clinic-v4-0010_x-abcd1234.sqlite"
    for name in ("clinic-v4-0007_indexes.sqlite", "clinic-v4-0007_indexes.sqlite-wal", keep.name,
                 f"{keep.name}-wal", "other.txt"):
        (tmp_path / name).write_text("")
    clinicdb._remove_stale(keep)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [keep.name, f"{keep.name}-wal", "other.txt"]
    )
