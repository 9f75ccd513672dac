"""Programs on a real database: suggest, dated versions with optimistic locking, adherence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.domain.drills import Dosage
from app.domain.programs import ProgramData, ProgramItem
from app.services.errors import Conflict, ServiceError, ValidationError
from app.services.programs import (
    NothingToPrint,
    adherence,
    draft_data,
    get_program,
    handout_for,
    latest_program,
    list_versions,
    mark_days_done,
    newest_program_id,
    save_program,
    set_done,
    suggest,
    write_handout,
)
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from app.services.trends import load_trend_data
from tests.conftest import TODAY, session_inputs

LEFT = dict(
    hip_ir_deg=(26, 40),
    hip_er_deg=(45, 32),
    thoracic_rot_deg=(55, 41),
    foot_posture_index=(6, 1),
    side_plank_s=(70, 50),
)


@pytest.fixture
def left_athlete(db, catalog, athlete):
    record_session(db, catalog, athlete.id, TODAY - dt.timedelta(days=28), session_inputs(**LEFT))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(**LEFT))
    return athlete


def test_suggest_reads_the_latest_session(db, catalog, left_athlete):
    draft = suggest(db, catalog, left_athlete.id)
    # the five drills of the pattern, plus one for the asymmetric side plank (DOMAIN.md §5)
    assert draft.pattern == "left" and len(draft.items) == 6
    assert draft.items[-1].drill_key == "right-side-plank"


def test_suggest_without_sessions_says_so(db, catalog, athlete):
    draft = suggest(db, catalog, athlete.id)
    assert draft.empty and "no session" in draft.message


def test_saving_makes_dated_versions_and_refuses_a_stale_editor(db, catalog, left_athlete):
    draft = suggest(db, catalog, left_athlete.id)
    first = save_program(db, left_athlete.id, draft_data(draft, TODAY - dt.timedelta(days=7)), None)
    assert first.items[0].id is not None and first.reasons[0].startswith("Findings consistent")
    second_data = replace(first.data(), start_date=TODAY, weeks=6, notes="Keep it easy")
    second = save_program(db, left_athlete.id, second_data, first.id)
    assert [v.id for v in list_versions(db, left_athlete.id)] == [second.id, first.id]
    assert latest_program(db, left_athlete.id) == second
    assert get_program(db, first.id).start_date == TODAY - dt.timedelta(days=7)
    starts = load_trend_data(db, left_athlete.id).program_starts  # the one start-dates query
    assert starts == (TODAY - dt.timedelta(days=7), TODAY)
    # another desk still based on the first version
    with pytest.raises(Conflict):
        save_program(db, left_athlete.id, second_data, first.id)
    assert len(list_versions(db, left_athlete.id)) == 2
    third = save_program(db, left_athlete.id, second_data, first.id, overwrite=True)
    assert newest_program_id(db, left_athlete.id) == third.id


def test_invalid_programs_write_nothing(db, left_athlete):
    bad_drill = ProgramItem("no-such-drill", "left", Dosage("3", "8", "reps", False, 3))
    bad_dose = ProgramItem("left-side-plank", "left", Dosage("8-3", "30", "s", True, 3))
    for items in ((), (bad_drill,), (bad_dose,)):
        with pytest.raises(ValidationError):
            save_program(db, left_athlete.id, ProgramData(TODAY, items), None)
    assert list_versions(db, left_athlete.id) == []


def test_changing_the_side_stores_the_mirrored_drill(db, left_athlete):
    item = ProgramItem("left-side-plank", "right", Dosage("3", "30", "s", False, 3))
    saved = save_program(db, left_athlete.id, ProgramData(TODAY, (item,)), None)
    assert (saved.items[0].drill_key, saved.items[0].side) == ("right-side-plank", "right")


def test_ticks_count_towards_adherence(db, catalog, left_athlete):
    start = TODAY - dt.timedelta(days=6)
    program = save_program(
        db, left_athlete.id, draft_data(suggest(db, catalog, left_athlete.id), start), None
    )
    first = program.items[0]
    assert first.id is not None
    set_done(db, first.id, start, True, today=TODAY)
    set_done(db, first.id, start, True, today=TODAY)  # twice: still one day
    set_done(db, first.id, start + dt.timedelta(days=1), True, today=TODAY)
    set_done(db, first.id, start + dt.timedelta(days=1), False, today=TODAY)
    with pytest.raises(ValidationError):
        set_done(db, first.id, TODAY + dt.timedelta(days=1), True, today=TODAY)
    with pytest.raises(ValidationError):
        set_done(db, first.id, start - dt.timedelta(days=1), True, today=TODAY)
    result = adherence(db, program, TODAY)
    assert result.done[first.id] == frozenset({start})
    due = sum(i.dosage.per_week for i in program.items)  # one whole week has passed
    assert result.percent == pytest.approx(100 / due)
    other = program.items[1]
    assert other.id is not None
    assert mark_days_done(db, {other.id: [start, start, TODAY]}) == 2
    assert adherence(db, program, TODAY).percent == pytest.approx(300 / due)


def test_handout_data_for_the_latest_program_carries_adherence(db, catalog, left_athlete):
    with pytest.raises(NothingToPrint, match="no saved program"):
        handout_for(db, catalog, ClinicSettings(), left_athlete.id, "latest", today=TODAY)
    draft = suggest(db, catalog, left_athlete.id)
    save_program(db, left_athlete.id, draft_data(draft, TODAY - dt.timedelta(days=3)), None)
    h = handout_for(db, catalog, ClinicSettings(), left_athlete.id, "latest", today=TODAY)
    assert not h.suggested and h.adherence is not None
    assert h.drills[0].drill.name == "Left Sucker Punch Rockback"
    assert h.trends[0].key in {"hip_ir_deg", "hip_er_deg", "thoracic_rot_deg"}
    assert h.trends[0].program_starts == (TODAY - dt.timedelta(days=3),)


def test_nothing_to_suggest_writes_no_file(db, catalog, athlete, tmp_path):
    record_session(db, catalog, athlete.id, TODAY, session_inputs(hip_ir_deg=(38, 39)))
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(NothingToPrint, match="Nothing to suggest"):
        write_handout(db, catalog, ClinicSettings(), athlete.id, folder / "x.pdf", "suggested")
    assert list(folder.iterdir()) == []


def test_an_unwritable_path_leaves_nothing_behind(db, catalog, left_athlete, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "handout.pdf").mkdir()  # a folder where the file should go
    with pytest.raises(ServiceError, match="not a regular file"):
        write_handout(
            db, catalog, ClinicSettings(), left_athlete.id, folder / "handout.pdf", "suggested"
        )
    assert [p.name for p in folder.iterdir()] == ["handout.pdf"]
    with pytest.raises(ServiceError, match="Cannot write"):
        write_handout(
            db, catalog, ClinicSettings(), left_athlete.id, tmp_path / "no" / "x.pdf", "suggested"
        )


def test_a_saved_program_stores_reasons_as_phrases_and_words_them_for_each_reader(
    db, catalog, left_athlete
):
    import json

    from sqlalchemy import text

    from app.domain.language import language
    from app.domain.phrases import worded

    draft = suggest(db, catalog, left_athlete.id)
    saved = save_program(db, left_athlete.id, draft_data(draft, TODAY), None)
    with db.read() as s:
        raw = json.loads(s.execute(text("SELECT reasons FROM programs")).scalar_one())
    # each reason is its English template and its values, not an English sentence
    assert raw and all(isinstance(r, dict) and set(r) == {"msg", "args"} for r in raw)
    back = get_program(db, saved.id)
    assert back.reasons == saved.reasons and back.reasons[0].startswith("Findings consistent")
    german = worded(back.reasons[0], language("de"))
    assert german.startswith("Befunde vereinbar mit dem häufigen Linksmuster: 4 von 5")


def test_a_program_saved_with_plain_string_reasons_reads_them_as_stored(db, left_athlete):
    from sqlalchemy import text

    from app.domain.language import language
    from app.domain.phrases import worded_all

    with db.transaction() as s:
        s.execute(
            text(
                "INSERT INTO programs (athlete_id, start_date, weeks, pattern, reasons, version) "
                "VALUES (:a, :d, 4, 'left', :r, 1)"
            ),
            {"a": left_athlete.id, "d": TODAY, "r": '["Old reason, as saved."]'},
        )
    record = latest_program(db, left_athlete.id)
    assert record.reasons == ("Old reason, as saved.",)
    assert worded_all(record.reasons, language("es")) == ("Old reason, as saved.",)


def test_a_suggested_handout_words_reasons_and_caution_notes_in_its_language(
    db, catalog, left_athlete
):
    from app.domain.asymmetry import compare
    from app.domain.drills import load_builtin_drills
    from app.domain.patterns import detect_pattern
    from app.domain.programs import suggest_program

    data = handout_for(db, catalog, ClinicSettings(), left_athlete.id, "suggested", language="de")
    assert data.reasons and data.reasons[0].startswith("Befunde vereinbar")
    # a caution line becomes the clinician's editable note: written out in the editor's language
    values = {**LEFT, "hip_er_deg": (45, 32)}
    comps = {
        k: compare(catalog[k], float(lt), float(rt), pain_left=5 if k == "hip_er_deg" else None)
        for k, (lt, rt) in values.items()
    }
    draft = suggest_program(comps, detect_pattern(comps), load_builtin_drills())
    notes = [i.notes for i in draft_data(draft, TODAY, language="es").items if i.notes]
    assert notes and all(n.startswith("Precaución:") and type(n) is str for n in notes)
