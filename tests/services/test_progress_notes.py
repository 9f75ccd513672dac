"""The progress report's assessment and plan, stored with the athlete (revision 0010), on both
engines: one current note per athlete, versioned like every record two desks may edit, gone
with the athlete, and printed when the report is not given other text."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.domain.changes import Changes
from app.domain.progress_notes import NOTE_MAX
from app.models.db import Database, open_database
from app.models.tables import ProgressNote
from app.services.athletes import delete_athlete
from app.services.catalog import load_catalog
from app.services.errors import Conflict, ValidationError
from app.services.progress_notes import get_progress_notes, save_progress_notes
from app.services.reports import write_progress_report
from app.services.settings import get_settings

NOW = dt.datetime(2026, 11, 25, 9, 30)


@pytest.fixture
def other(db: Database) -> Database:
    """A second desk on the same database."""
    desk = open_database(db.url, create=False)
    yield desk
    desk.dispose()


def test_nothing_stored_reads_empty_then_the_saved_text_comes_back(db, athlete):
    empty = get_progress_notes(db, athlete.id)
    assert (empty.assessment, empty.plan, empty.version, empty.stored) == ("", "", 0, False)
    saved = save_progress_notes(db, athlete.id, "  Hop LSI 86 %.\n", "Re-test\tin 6 weeks.", 0,
                                now=NOW)  # fmt: skip
    assert (saved.assessment, saved.plan) == ("Hop LSI 86 %.", "Re-test\tin 6 weeks.")
    assert saved.version == 1 and saved.updated_at == NOW
    assert get_progress_notes(db, athlete.id) == saved
    again = save_progress_notes(db, athlete.id, "Better.", "Discharge.", 1, now=NOW)
    assert again.version == 2 and get_progress_notes(db, athlete.id).plan == "Discharge."
    # the same texts again write nothing (no new version, no change for the other desks)
    seen: list[Changes] = []
    db.subscribe(seen.append)
    assert save_progress_notes(db, athlete.id, "Better.", "Discharge.", 2).version == 2
    assert seen == []


def test_a_save_is_a_change_of_the_athlete_for_the_window_and_the_other_desks(db, athlete):
    seen: list[Changes] = []
    db.subscribe(seen.append)
    save_progress_notes(db, athlete.id, "a", "b", 0)
    assert seen == [Changes(athletes=True)]


def test_another_desks_note_is_a_conflict_carrying_it(db, other, athlete):
    mine = get_progress_notes(db, athlete.id)
    theirs = save_progress_notes(other, athlete.id, "Their assessment.", "Their plan.", 0)
    with pytest.raises(Conflict) as caught:
        save_progress_notes(db, athlete.id, "Mine.", "My plan.", mine.version)
    assert caught.value.current == theirs
    assert "changed elsewhere" in str(caught.value)
    # overwriting knowingly, over the version shown
    assert save_progress_notes(db, athlete.id, "Mine.", "My plan.", theirs.version).version == 2
    with pytest.raises(Conflict):
        save_progress_notes(other, athlete.id, "Late.", "", theirs.version)
    assert get_progress_notes(other, athlete.id).assessment == "Mine."


def test_the_form_limits_are_the_stored_limits(db, athlete):
    longest = "x" * NOTE_MAX
    assert save_progress_notes(db, athlete.id, longest, longest, 0).assessment == longest
    with pytest.raises(ValidationError) as caught:
        save_progress_notes(db, athlete.id, longest + "x", "bell\x07", 1)
    messages = [e.message for e in caught.value.errors]
    assert messages == [
        f"The assessment is longer than {NOTE_MAX} characters.",
        "The plan contains a control character (U+0007).",
    ]
    assert get_progress_notes(db, athlete.id).assessment == longest  # nothing written


def test_deleting_the_athlete_deletes_the_note(db, athlete):
    save_progress_notes(db, athlete.id, "Private words.", "", 0)
    delete_athlete(db, athlete.id)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ProgressNote)) == 0


def test_the_report_prints_the_stored_text_unless_given_other(db, athlete, tmp_path):
    catalog, settings = load_catalog(db), get_settings(db)
    save_progress_notes(db, athlete.id, "Stored assessment words.", "Stored plan words.", 0)
    stored = tmp_path / "stored.pdf"
    write_progress_report(db, catalog, settings, athlete.id, stored)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(stored).pages)
    assert "Stored assessment words." in text and "Stored plan words." in text
    given = tmp_path / "given.pdf"
    write_progress_report(db, catalog, settings, athlete.id, given, plan="Given plan words.")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(given).pages)
    assert "Stored assessment words." in text and "Given plan words." in text
    assert "Stored plan words." not in text
    # printing stores nothing
    assert get_progress_notes(db, athlete.id).plan == "Stored plan words."


def test_a_json_file_carries_the_note_and_a_bad_one_is_refused(db, athlete, tmp_path):
    import json

    from app.services.interchange import ImportRejected
    from app.services.json_io import export_json, import_json

    save_progress_notes(db, athlete.id, "Exported assessment.", "Exported plan.", 0, now=NOW)
    path = tmp_path / "all.json"
    export_json(db, path)
    copy = open_database(str(tmp_path / "copy.sqlite"), create=True)
    try:
        import_json(copy, path)
        assert get_progress_notes(copy, athlete.id) == get_progress_notes(db, athlete.id)
        # a merge keeps this database's differing note and says so
        save_progress_notes(copy, athlete.id, "Here.", "Here.", 1)
        result = import_json(copy, path, merge=True)
        assert result.conflicts == [
            f"assessment and plan of {athlete.name}: differ; kept this database's"
        ]
        assert get_progress_notes(copy, athlete.id).assessment == "Here."
    finally:
        copy.dispose()
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"]["progress_notes"][0]["plan"] = "x" * (NOTE_MAX + 1)
    document["tables"]["progress_notes"].append({**document["tables"]["progress_notes"][0],
                                                 "id": 2, "plan": "fine"})  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")
    refused = open_database(str(tmp_path / "refused.sqlite"), create=True)
    try:
        with pytest.raises(ImportRejected) as caught:
            import_json(refused, path)
        messages = [str(e) for e in caught.value.errors]
        assert any(f"the plan is longer than {NOTE_MAX} characters" in m for m in messages)
        assert any("athlete_id" in m and "repeats" in m for m in messages)
    finally:
        refused.dispose()
