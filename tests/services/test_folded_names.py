"""Every way an athlete's name is written keeps ``folded_name`` in step (revision 0009): the
list's order and its search as you type read only that column, so a path that forgot it
would hide an athlete from every search."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import create_engine, select, text, update

from app.domain.records import AthleteData
from app.domain.text import fold, folded_name
from app.models import Athlete
from app.models.db import open_database, upgrade
from app.services.athletes import create_athlete, get_athlete, list_athletes, update_athlete
from app.services.catalog import load_catalog
from app.services.csv_import import import_csv
from app.services.db_copy import copy_database
from app.services.json_io import export_json, import_json
from app.services.sessions import record_session
from tests.conftest import session_inputs

NAMES = ("Chloé Martin", "ZOË Ångström", "Straße Weiß", "Łukasz Nowak", "ﬁona Ǆuro")


def folded_everywhere(db) -> dict[str, str]:
    """name → stored folded name, after checking each one is the name's fold."""
    with db.read() as s:
        rows = s.execute(select(Athlete.name, Athlete.folded_name)).all()
    assert rows
    for name, stored in rows:
        assert stored == folded_name(name), name
    return dict(rows)


def test_fold_ignores_case_and_accents():
    assert fold("Chloé") == "chloe" and fold("ZOË Ångström") == "zoe angstrom"
    assert fold("Straße") == "strasse" and fold("ﬁona") == "fiona"
    assert folded_name("é" * 300) == "e" * 300 and len(folded_name("ﷺ" * 200)) == 400


def test_create_and_rename_keep_it(db):
    athletes = [create_athlete(db, AthleteData(name=n)) for n in NAMES]
    assert folded_everywhere(db)["Chloé Martin"] == "chloe martin"
    renamed = update_athlete(db, athletes[0].id, AthleteData(name="Éloïse Dubois"), 1)
    assert folded_everywhere(db)["Éloïse Dubois"] == "eloise dubois"
    assert [a.id for a in list_athletes(db, search="eloise")] == [renamed.id]
    assert list_athletes(db, search="chloe") == []


def test_csv_import_keeps_it(db, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "athlete,date,measurement,left,right,notes\n"
        + "".join(f"{n},2026-03-02,hip_ir_deg,30,35,\n" for n in NAMES),
        encoding="utf-8",
    )
    import_csv(db, load_catalog(db), path)
    assert len(folded_everywhere(db)) == len(NAMES)
    assert [a.name for a in list_athletes(db, search="zoe")] == ["ZOË Ångström"]


def test_json_import_merge_and_copy_keep_it_and_the_file_never_holds_it(db, tmp_path):
    for name in NAMES:
        athlete = create_athlete(db, AthleteData(name=name))
        record_session(
            db,
            load_catalog(db),
            athlete.id,
            dt.date(2026, 3, 2),
            session_inputs(hip_ir_deg=(30, 35)),
        )
    path = tmp_path / "all.json"
    export_json(db, path)
    rows = json.loads(path.read_text(encoding="utf-8"))["tables"]["athletes"]
    assert rows and all("folded_name" not in r for r in rows)  # derived: not in the file

    whole = open_database(str(tmp_path / "whole.sqlite"), create=True)
    merged = open_database(str(tmp_path / "merged.sqlite"), create=True)
    try:
        import_json(whole, path)
        assert folded_everywhere(whole) == folded_everywhere(db)
        create_athlete(merged, AthleteData(name="Ava Berg"))
        result = import_json(merged, path, merge=True)
        assert result.conflicts == []
        assert len(folded_everywhere(merged)) == len(NAMES) + 1
    finally:
        whole.dispose()
        merged.dispose()

    with db.transaction() as s:  # a damaged source: the copy still stores the true fold
        s.execute(update(Athlete).values(folded_name="stale"))
    copy_database(db.url if not db.is_sqlite else str(db.path), str(tmp_path / "copy.sqlite"))
    copied = open_database(str(tmp_path / "copy.sqlite"), create=False)
    try:
        assert len(folded_everywhere(copied)) == len(NAMES)
    finally:
        copied.dispose()


def test_a_file_that_says_a_folded_name_gets_the_true_one(db, tmp_path):
    create_athlete(db, AthleteData(name="Chloé Martin"))
    path = tmp_path / "all.json"
    export_json(db, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"]["athletes"][0]["folded_name"] = "somebody else"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = open_database(str(tmp_path / "t.sqlite"), create=True)
    try:
        import_json(target, path)  # taken as a column, but computed again from the name
        assert folded_everywhere(target) == {"Chloé Martin": "chloe martin"}
    finally:
        target.dispose()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_upgrade_fills_the_folded_names(request, tmp_path, engine):
    if engine == "sqlite":
        target = str(tmp_path / "old.sqlite")
        url = f"sqlite:///{target}"
    else:
        target = url = request.getfixturevalue("pg_url")
    old = create_engine(url)
    try:
        upgrade(old, "0007_indexes")
        with old.begin() as conn:
            for n, name in enumerate(NAMES, start=1):
                conn.execute(
                    text(
                        "INSERT INTO athletes (id, name, archived, version) VALUES (:i, :n, :f, 1)"
                    ),
                    {"i": n, "n": name, "f": False},
                )
    finally:
        old.dispose()
    db = open_database(target, create=False)
    try:
        assert len(folded_everywhere(db)) == len(NAMES)
        assert get_athlete(db, 1).name == "Chloé Martin"
        assert [a.name for a in list_athletes(db, search="zoe")] == ["ZOË Ångström"]
    finally:
        db.dispose()
