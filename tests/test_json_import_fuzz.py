"""Mutated JSON exports: every import refuses cleanly or leaves a database every command reads.

Issue 16, "Done when". The seed is a real export of the demo database, with what the demo
lacks (a clinic's own measurement and its values, a custom drill with a picture, settings).
Hypothesis mutates it: types, ranges, enums, lengths, NUL and lone surrogates, huge numbers,
raw JSON text (deep nesting, 400-digit integers, repeated fields), deletions and duplications
of fields, rows and tables, broken references, and the JSON held inside text columns (drill
steps, dosages, setting values). Each document is imported into an empty database, or merged
into the demo, and then:

* refused: exit 1 or 2, no traceback, the last line ``untwist import: …``, and the database
  file has the same bytes as before;
* accepted: ``summary`` for each athlete, ``report`` and ``export`` succeed; the export
  imports again into an empty database; for a sample, the window renders ``--screenshot``.

The CLI runs in-process (``app.cli``, the same code ``untwist`` runs, minus the interpreter
start), the window as a real process for the sample. Deterministic for CI (``derandomize``);
``UNTWIST_FUZZ_EXAMPLES=2000`` runs a longer search, ``UNTWIST_FUZZ_SEED=N`` another one,
``UNTWIST_FUZZ_SCREENSHOTS`` shoots more windows.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from app.cli import parse, run_command
from app.domain.records import AthleteData, MeasurementInput
from app.models.db import open_database
from app.services.athletes import create_athlete
from app.services.catalog import CustomMeasurement, load_catalog, save_custom_measurement
from app.services.demo import create_demo
from app.services.json_io import export_json
from app.services.sessions import record_session
from app.services.settings import get_settings, save_settings
from tests.services.test_drills import png_bytes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("UNTWIST_FUZZ_EXAMPLES", "60"))
SEED = os.environ.get("UNTWIST_FUZZ_SEED")  # another fixed search than CI's
SCREENSHOTS = int(os.environ.get("UNTWIST_FUZZ_SCREENSHOTS", "2"))
SESSIONS_KEPT = 4  # per athlete: a smaller seed keeps each example fast; every kind stays

HOSTILE: list[Any] = [
    None, True, False, 0, -1, 1, 11, 2**31 - 1, 2**31, 2**63, 10**30, 0.5, -1e308, 1e308,
    "", " ", "x", "x" * 101, "x" * 201, "x" * 5001, "\x00", "a\x00b", "\x1b[31m", "\ud800",
    "١٢", "１２", "up", "weird", "left", "both", "png", "svg", "mean", "lsi", "passfail",
    "9999-12-31", "0001-01-01", "1899-12-31", "2026-02-30", "20260101", "2026-W01-1",
    "2026-01-01T00:00:00+05:00", "[]", "{}", "[1", '{"sets": 3}', "5", '"a4"', "null",
    '["hip_ir_deg", "hip_ir_deg"]', '{"hip_ir_deg": -1}', '{"hip_ir_deg": "x"}',
    [], {}, [1, 2], {"a": 1}, "AAAA", "not base64!", "iVBORw0KGgo=",
]  # fmt: skip
RAW: list[str] = [
    "[" * 100_000 + "]" * 100_000, "9" * 400, "-" + "9" * 5000, "1e400", "-1e400", "NaN",
    "Infinity", '"\\u0000"', '"\\ud800"', '{"a": 1, "a": 2}', "[" * 500 + "]" * 500,
    "1.7976931348623157e308", "-0", "0.1e-400",
]  # fmt: skip
JSON_TEXT_FIELDS = {
    ("drills", "steps"), ("drills", "mistakes"), ("drills", "targets"), ("drills", "dosage"),
    ("program_items", "dosage"), ("programs", "reasons"), ("settings", "value"),
}  # fmt: skip
REFERENCES = {
    ("assessments", "athlete_id"): "athletes", ("measurements", "assessment_id"): "assessments",
    ("programs", "athlete_id"): "athletes", ("program_items", "program_id"): "programs",
    ("adherence_entries", "item_id"): "program_items",
}  # fmt: skip
RAW_MARK = "@@raw@@"


# -- the seed ------------------------------------------------------------------------------------


def _enrich(db) -> None:
    """What the demo lacks: a clinic's own measurement with values, a custom drill with a
    picture, and every setting stored."""
    from app.domain.drills import Dosage, Drill
    from app.services.drills import add_custom_drill

    catalog = load_catalog(db)
    create_demo(db, catalog)
    save_custom_measurement(
        db,
        CustomMeasurement(key="grip_kg", name="Grip", unit="kg", kind="number", rule="lsi",
                          min=0, max=120, threshold=90, mdc=2.5, protocol="Dynamometer."),
    )  # fmt: skip
    catalog = load_catalog(db)
    zoe = create_athlete(db, AthleteData(name="Zoë “Q” O'Neil", sex="female", sport="Climbing"))
    record_session(
        db, catalog, zoe.id, dt.date.today() - dt.timedelta(days=3),
        [MeasurementInput("grip_kg", ("41", "42"), ("38",), pain_left="2", notes="trials"),
         MeasurementInput("hip_ir_deg", ("30",), ("39",))],
    )  # fmt: skip
    picture = Path(db.path).with_name("drill.png")
    picture.write_bytes(png_bytes(8, 6))
    add_custom_drill(
        db,
        Drill(key="", name="Grip squeeze", aim="Squeeze.", region="strength", setup="Sit.",
              steps=("Squeeze", "Let go"), feel="Forearm.", mistakes=("Shrugging",),
              dosage=Dosage("3", "8–10", "reps", True, 3), side="both",
              targets=("grip_kg",), illustration="", builtin=False),
        picture,
    )  # fmt: skip
    settings = get_settings(db)
    settings = dataclasses.replace(
        settings, clinic_name="Clinique Saint-Éloi", paper="letter", length_unit="in",
        thresholds={"hip_ir_deg": 8.0, "grip_kg": 85.0}, mode="clinician",
        default_measurements=["hip_ir_deg", "grip_kg"],
        logo_png_b64=__import__("base64").b64encode(png_bytes(4, 4)).decode(),
    )  # fmt: skip
    save_settings(db, settings)


def _trim(document: dict) -> dict:
    """The newest sessions of each athlete and what belongs to them."""
    tables = document["tables"]
    by_athlete: dict[int, list[dict]] = {}
    for s in tables["assessments"]:
        by_athlete.setdefault(s["athlete_id"], []).append(s)
    kept = {
        s["id"]
        for sessions in by_athlete.values()
        for s in sorted(sessions, key=lambda s: s["date"])[-SESSIONS_KEPT:]
    }
    tables["assessments"] = [s for s in tables["assessments"] if s["id"] in kept]
    tables["measurements"] = [m for m in tables["measurements"] if m["assessment_id"] in kept]
    tables["adherence_entries"] = tables["adherence_entries"][:20]
    return document


def _checkpointed_copy(source: Path, target: Path) -> Path:
    """A copy holding everything in the main file (no -wal beside it), so bytes compare."""
    with contextlib.closing(sqlite3.connect(source)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, target)
    return target


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("fuzz-seed")
    demo = folder / "demo.sqlite"
    db = open_database(str(demo), create=True)
    try:
        _enrich(db)
        export_json(db, folder / "seed.json")
    finally:
        db.dispose()
    empty = folder / "empty.sqlite"
    open_database(str(empty), create=True).dispose()
    document = _trim(json.loads((folder / "seed.json").read_text(encoding="utf-8")))
    return {
        "document": document,
        "demo": _checkpointed_copy(demo, folder / "demo-template.sqlite"),
        "empty": _checkpointed_copy(empty, folder / "empty-template.sqlite"),
        "folder": folder,
    }


# -- mutations ------------------------------------------------------------------------------------


def _pick(data: st.DataObject, items: list, label: str) -> Any:
    return items[data.draw(st.integers(0, len(items) - 1), label=label)]


def _mutate(data: st.DataObject, document: dict, raw: list[str]) -> str:
    """One mutation of ``document`` (in place); returns what it did, for the failure report."""
    tables = document.get("tables")
    if not isinstance(tables, dict):
        return "no tables left to mutate"
    filled = sorted(n for n, rows in tables.items() if isinstance(rows, list) and rows)
    op = data.draw(
        st.sampled_from(
            # Hypothesis tries the first entries most in a short run: the sharpest come first
            ["raw", "dup-key", "set", "inner", "benign", "number", "reference", "dup-row",
             "drop-field", "drop-row", "set", "set", "table", "top"]
        ),
        label="op",
    )  # fmt: skip
    if op == "top":
        key = data.draw(st.sampled_from(["format", "format_version", "tables", "schema"]))
        document[key] = data.draw(st.sampled_from(HOSTILE))
        return f"top {key}"
    if op == "table":
        name = data.draw(st.sampled_from([*sorted(tables), "alembic_version", "nope"]))
        kind = data.draw(st.sampled_from(["delete", "garbage", "empty"]))
        if kind == "delete":
            tables.pop(name, None)
        else:
            tables[name] = [] if kind == "empty" else data.draw(st.sampled_from(HOSTILE))
        return f"table {name} {kind}"
    if not filled:
        return "nothing to mutate"
    name = data.draw(st.sampled_from(filled), label="table")
    rows: list = tables[name]
    index = data.draw(st.integers(0, len(rows) - 1), label="row")
    row = rows[index]
    if not isinstance(row, dict) or not row:
        rows[index] = data.draw(st.sampled_from(HOSTILE))
        return f"{name}[{index}] replaced"
    field = data.draw(st.sampled_from(sorted(row)), label="field")
    where = f"{name}[{index}].{field}"
    if op == "set":
        row[field] = data.draw(st.sampled_from(HOSTILE), label="value")
    elif op == "number":
        value = row[field]
        if isinstance(value, int | float) and not isinstance(value, bool):
            factor = data.draw(st.sampled_from([-1, 0, 2, 10, 1000, 1e300, 0.5]))
            row[field] = value * factor
        else:
            row[field] = data.draw(st.sampled_from([-5, 7, 1e6, 151.0, 0.25]))
    elif op == "inner":
        json_fields = [f for f in row if (name, f) in JSON_TEXT_FIELDS]
        if json_fields:
            field = data.draw(st.sampled_from(sorted(json_fields)))
            where = f"{name}[{index}].{field} (inner)"
            row[field] = _mutate_inner(data, row[field])
        else:
            row[field] = data.draw(st.sampled_from(HOSTILE))
    elif op == "drop-field":
        del row[field]
    elif op == "drop-row":
        del rows[index]
        where = f"{name}[{index}]"
    elif op == "dup-row":
        rows.append(copy.deepcopy(row))
        where = f"{name}[{index}] twice"
    elif op == "dup-key":  # a new id, the same unique columns (a drill's key, a session's key)
        twin = copy.deepcopy(row)
        if isinstance(twin.get("id"), int):
            twin["id"] = max(r.get("id", 0) for r in rows if isinstance(r, dict)
                             and isinstance(r.get("id"), int)) + 1  # fmt: skip
        rows.append(twin)
        where = f"{name}[{index}] with a new id"
    elif op == "reference":
        refs = [c for (t, c) in REFERENCES if t == name and c in row]
        if refs:
            column = refs[0]
            parents = [r.get("id") for r in tables.get(REFERENCES[(name, column)], [])
                       if isinstance(r, dict)]  # fmt: skip
            row[column] = data.draw(st.sampled_from([*parents[:5], 0, 99_999, -3, 2**31 + 1]))
            where = f"{name}[{index}].{column}"
        else:
            row[field] = 99_999
    elif op == "raw":
        row[field] = RAW_MARK
        raw.append(data.draw(st.sampled_from(RAW), label="raw"))
    elif op == "benign":  # a change every check should accept (the accepted path gets exercised)
        value = row[field]
        if isinstance(value, str) and field in ("notes", "clinician", "injury_notes", "sport"):
            row[field] = "Ça va ✓ — line\nnext"
        elif field == "pain_left":
            row[field] = 4
        elif field == "notes":
            row[field] = "fine"
        else:
            return f"{where} (benign: untouched)"
    return f"{op} {where}"


def _mutate_inner(data: st.DataObject, text: Any) -> Any:
    try:
        inner = json.loads(text)
    except (TypeError, ValueError):
        return data.draw(st.sampled_from(HOSTILE))
    hostile = data.draw(st.sampled_from(HOSTILE), label="inner value")
    if isinstance(inner, dict) and inner:
        key = data.draw(st.sampled_from(sorted(inner)))
        if data.draw(st.booleans()):
            inner[key] = hostile
        else:
            del inner[key]
    elif isinstance(inner, list):
        if inner and data.draw(st.booleans()):
            inner[data.draw(st.integers(0, len(inner) - 1))] = hostile
        else:
            inner.append(hostile)
    else:
        inner = hostile
    return json.dumps(inner, ensure_ascii=False)


def _serialise(document: dict, raw: list[str]) -> str:
    text = json.dumps(document, ensure_ascii=False)
    for piece in raw:
        text = text.replace(json.dumps(RAW_MARK), piece, 1)
    return text


# -- running the commands -------------------------------------------------------------------------


def cli(*args: object) -> tuple[int, str, str]:
    """``untwist ARGS`` in this process: (exit code, stdout, stderr). An exception escaping
    the command is a traceback a user would see, so it fails the test as it is."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_command(parse([str(a) for a in args]))
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    h = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            h.update(part.read_bytes())
    return h.hexdigest()


def _athletes(path: Path) -> list[int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM athletes ORDER BY id")]


def _everything_reads(db: Path, work: Path, outcome: Counter) -> None:
    for athlete in _athletes(db):
        code, out, err = cli("summary", "--db", db, "--athlete-id", athlete)
        assert code == 0 and out, (athlete, err)
    athletes = _athletes(db)
    if athletes:
        code, _, err = cli("report", "--db", db, "--athlete-id", athletes[0],
                           "--program", "suggested", "-o", work / "r.pdf")  # fmt: skip
        # nothing to suggest is an answer, not a failure; anything else must print
        assert code == 0 or "Nothing to suggest" in err, err
    exported = work / "again.json"
    code, _, err = cli("export", "--db", db, "-o", exported)
    assert code == 0, err
    again = work / "again.sqlite"
    code, _, err = cli("import", exported, "--db", again)
    assert code == 0, ("the export of an accepted import must import again", err)
    if outcome["screenshots"] < SCREENSHOTS:
        outcome["screenshots"] += 1
        _screenshot(db, work)


def _screenshot(db: Path, work: Path) -> None:
    data = work / "gui-data"
    shot = work / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "--screenshot", str(shot),
         "--view", "trends"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(data),
             "XDG_CONFIG_HOME": str(work / "gui-config")},
    )  # fmt: skip
    assert result.returncode == 0 and shot.stat().st_size > 0, result.stderr[-3000:]
    log = data / "untwist" / "logs" / "untwist.log"
    assert not log.exists() or "uncaught exception" not in log.read_text(), log.read_text()


# -- the test ------------------------------------------------------------------------------------


def test_every_mutated_import_refuses_cleanly_or_leaves_a_readable_database(seed, tmp_path):
    outcome: Counter = Counter()
    examples = [0]

    @hypothesis_seed(int(SEED or 0))
    @settings(
        max_examples=EXAMPLES,
        derandomize=SEED is None,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data(), merge=st.booleans())
    def check(data: st.DataObject, merge: bool) -> None:
        examples[0] += 1
        work = tmp_path / f"x{examples[0]}"
        work.mkdir()
        document = copy.deepcopy(seed["document"])
        raw: list[str] = []
        count = data.draw(st.integers(1, 3), label="mutations")
        done = [_mutate(data, document, raw) for _ in range(count)]
        note(f"merge={merge} {done}")
        path = work / "in.json"
        path.write_text(_serialise(document, raw), encoding="utf-8", errors="surrogatepass")
        target = work / "db.sqlite"
        shutil.copyfile(seed["demo" if merge else "empty"], target)
        before = digest(target)
        code, out, err = cli("import", path, "--db", target, *(["--merge"] if merge else []))
        note(f"exit {code}: {err[-500:]}")
        assert "Traceback" not in err
        if code == 0:
            outcome["accepted"] += 1
            _everything_reads(target, work, outcome)
        else:
            outcome["refused"] += 1
            assert code in (1, 2), (code, err)
            lines = err.splitlines()
            assert out == "" and lines and lines[-1].startswith("untwist import: "), err
            assert all(line.strip() and len(line) < 2000 for line in lines)
            assert digest(target) == before, "a refused import changed the database"
        shutil.rmtree(work, ignore_errors=True)

    check()
    print(f"fuzz outcomes over {examples[0]} examples: {dict(outcome)}")
    assert outcome["accepted"] and outcome["refused"], outcome  # both paths were exercised
