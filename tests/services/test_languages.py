"""Languages in the data: each athlete's handout language, and drill texts per language (a
built-in prints in the reader's language until the clinic edits it in that language; an edit
applies to the language it was made in), on both engines, through JSON and ``db copy``."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.domain.drills import find_drill, load_builtin_drills, mirror_drill
from app.domain.records import AthleteData
from app.models.db import Database, open_database
from app.services.athletes import create_athlete, get_athlete, handout_language, update_athlete
from app.services.db_copy import copy_database
from app.services.drills import (
    add_custom_drill,
    drill_library,
    drills_for,
    get_drill,
    get_drill_record,
    restore_builtin,
    save_drill,
)
from app.services.errors import ValidationError
from app.services.json_io import export_json, import_json
from app.services.programs import program_drills

KEY = "left-sucker-punch-rockback"
BUILTIN = {code: {d.key: d for d in load_builtin_drills(code)} for code in ("en", "de", "es")}
GERMAN_AIM = "Unsere eigenen Worte: den linken Brustkorb weiten."
SPANISH_AIM = "Nuestras propias palabras para el balanceo."


def _edit(db: Database, language: str, **changes: object):
    record = get_drill_record(db, KEY, language)
    return save_drill(db, dataclasses.replace(record.drill, **changes), record.version)


# -- the handout language -----------------------------------------------------------------------


def test_an_athlete_s_handout_language_is_theirs_else_the_app_s(db, monkeypatch):
    ana = create_athlete(db, AthleteData(name="Ana", handout_language="es"))
    ben = create_athlete(db, AthleteData(name="Ben"))
    assert get_athlete(db, ana.id).handout_language == "es"
    assert handout_language(get_athlete(db, ana.id)) == "es"
    assert handout_language(get_athlete(db, ben.id)) == "en"
    monkeypatch.setenv("UNTWIST_LANG", "de")
    assert handout_language(get_athlete(db, ben.id)) == "de"
    assert handout_language(get_athlete(db, ana.id)) == "es"  # the athlete's choice wins
    monkeypatch.delenv("UNTWIST_LANG")
    monkeypatch.setenv("LANG", "C")
    assert handout_language(ben, desk="es") == "es"  # a window passes its desk's setting
    changed = update_athlete(db, ben.id, dataclasses.replace(ben.data(), handout_language="de"),
                             ben.version)  # fmt: skip
    assert changed.handout_language == "de"


def test_an_unknown_handout_language_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        create_athlete(db, AthleteData(name="Chloé", handout_language="fr"))
    assert caught.value.errors[0].field == "handout_language"
    assert "de, en, es" in str(caught.value) or "en, de, es" in str(caught.value)


# -- drills by language -------------------------------------------------------------------------


def test_an_unedited_built_in_reads_in_every_language(db):
    for code in ("en", "de", "es"):
        library = {d.key: d for d in drill_library(db, language=code)}
        assert library[KEY] == BUILTIN[code][KEY]
        assert not get_drill_record(db, KEY, code).edited
    assert drills_for(db, "de") == drill_library(db, include_retired=True, language="de")


def test_an_edit_applies_to_the_language_it_was_made_in(db):
    _edit(db, "de", aim=GERMAN_AIM)
    assert get_drill(db, KEY, "de").aim == GERMAN_AIM
    assert get_drill_record(db, KEY, "de").edited
    for code in ("en", "es"):  # the others keep the built-in translation
        assert get_drill(db, KEY, code) == BUILTIN[code][KEY]
        assert not get_drill_record(db, KEY, code).edited
    _edit(db, "es", aim=SPANISH_AIM)  # edited too: both edits are kept
    assert get_drill(db, KEY, "de").aim == GERMAN_AIM
    assert get_drill(db, KEY, "es").aim == SPANISH_AIM
    assert get_drill(db, KEY, "es").name == BUILTIN["es"][KEY].name
    assert get_drill(db, KEY, "en") == BUILTIN["en"][KEY]
    # restoring the German text leaves the Spanish edit
    restore_builtin(db, KEY, get_drill_record(db, KEY, "de").version, "de")
    assert get_drill(db, KEY, "de") == BUILTIN["de"][KEY]
    assert get_drill(db, KEY, "es").aim == SPANISH_AIM


def test_dosage_side_and_targets_are_shared_by_every_language(db):
    dosage = dataclasses.replace(BUILTIN["en"][KEY].dosage, per_week=2)
    _edit(db, "de", dosage=dosage)
    for code in ("en", "de", "es"):
        drill = get_drill(db, KEY, code)
        assert drill.dosage.per_week == 2
        # only the dosage changed: the texts are still the built-in's in that language
        assert drill.aim == BUILTIN[code][KEY].aim
    assert get_drill_record(db, KEY, "es").edited  # the dosage is the clinic's now


def test_an_english_edit_stays_english(db):
    _edit(db, "en", aim="Our English words.")
    assert get_drill(db, KEY, "en").aim == "Our English words."
    assert get_drill(db, KEY, "de") == BUILTIN["de"][KEY]


def test_a_handout_s_mirrored_drill_is_mirrored_in_its_language(db):
    _edit(db, "de", aim=GERMAN_AIM)
    library = drills_for(db, "de")
    mirrored = find_drill("right-sucker-punch-rockback", library, mirrored=True)
    assert mirrored.aim == "Unsere eigenen Worte: den rechten Brustkorb weiten."
    assert mirrored.name == "Rockback mit Armschub rechts"
    from app.domain.programs import ProgramItem

    item = ProgramItem(drill_key=KEY, side="right", dosage=mirrored.dosage)
    (drill,) = program_drills(db, [item], library)
    assert (drill.name, drill.side) == ("Rockback mit Armschub rechts", "right")


def test_a_clinic_s_own_drill_keeps_its_language(db):
    base = BUILTIN["de"]["left-single-leg-calf-raise"]
    own = dataclasses.replace(base, name="Wadendehnung links an der Wand", builtin=False)
    add_custom_drill(db, own, None)
    key = "wadendehnung-links-an-der-wand"
    stored = get_drill(db, key, "es")  # no Spanish text: the clinic's German words
    assert (stored.name, stored.language) == ("Wadendehnung links an der Wand", "de")
    assert mirror_drill(stored).name == "Wadendehnung rechts an der Wand"
    record = get_drill_record(db, key, "es")
    save_drill(db, dataclasses.replace(record.drill, language="es", name="Estiramiento izquierdo"),
               record.version)  # fmt: skip
    assert get_drill(db, key, "es").name == "Estiramiento izquierdo"
    assert get_drill(db, key, "de").name == "Wadendehnung links an der Wand"
    assert get_drill(db, key, "en").name == "Wadendehnung links an der Wand"


# -- ways out and back in -----------------------------------------------------------------------


def _languages_in(db: Database) -> tuple[object, ...]:
    athletes = sorted((a.name, a.handout_language) for a in _all_athletes(db))
    return (
        athletes,
        get_drill(db, KEY, "de").aim,
        get_drill(db, KEY, "es").aim,
        get_drill(db, KEY, "en").aim,
        get_drill(db, "mein-dehnen", "de").language,
    )


def _all_athletes(db: Database):
    from app.services.athletes import list_athletes

    return list_athletes(db, include_archived=True)


def _fill(db: Database) -> None:
    create_athlete(db, AthleteData(name="Ana", handout_language="es"))
    create_athlete(db, AthleteData(name="Ben"))
    _edit(db, "de", aim=GERMAN_AIM)
    _edit(db, "es", aim=SPANISH_AIM)
    own = dataclasses.replace(BUILTIN["de"][KEY], name="Mein Dehnen", builtin=False)
    add_custom_drill(db, own, None)


def test_json_export_and_import_carry_the_languages(db, tmp_path):
    _fill(db)
    path = tmp_path / "all.json"
    export_json(db, path)
    document = json.loads(path.read_text("utf-8"))
    ana = next(a for a in document["tables"]["athletes"] if a["name"] == "Ana")
    assert ana["handout_language"] == "es"
    target = open_database(str(tmp_path / "copy.sqlite"), create=True)
    try:
        import_json(target, path)
        assert _languages_in(target) == _languages_in(db)
    finally:
        target.dispose()


def test_an_older_export_without_the_language_fields_still_imports(db, tmp_path):
    _fill(db)
    path = tmp_path / "old.json"
    export_json(db, path)
    document = json.loads(path.read_text("utf-8"))
    document["format_version"] = 2
    for athlete in document["tables"]["athletes"]:
        del athlete["handout_language"]
    for drill in document["tables"]["drills"]:
        del drill["language"], drill["language_texts"]
    path.write_text(json.dumps(document), "utf-8")
    target = open_database(str(tmp_path / "old-copy.sqlite"), create=True)
    try:
        import_json(target, path)
        assert {a.handout_language for a in _all_athletes(target)} == {None}
        assert get_drill(target, KEY, "de") == BUILTIN["de"][KEY]  # no German edit in the file
        assert get_drill(target, "mein-dehnen", "de").language == "en"
    finally:
        target.dispose()


@pytest.mark.parametrize(
    ("table", "field", "value", "said"),
    [
        ("athletes", "handout_language", "fr", "the handout language"),
        ("drills", "language", "xx", "the language"),
        ("drills", "language_texts", '{"fr": {}}', "language_texts 'fr'"),
        ("drills", "language_texts", '{"de": {"name": "x"}}', "exactly the fields"),
        ("drills", "language_texts", "[1]", "not an object"),
    ],
)
def test_a_file_with_a_bad_language_field_is_refused(db, tmp_path, table, field, value, said):
    _fill(db)
    path = tmp_path / "bad.json"
    export_json(db, path)
    document = json.loads(path.read_text("utf-8"))
    document["tables"][table][-1][field] = value
    path.write_text(json.dumps(document), "utf-8")
    target = open_database(str(tmp_path / "bad.sqlite"), create=True)
    try:
        with pytest.raises(Exception) as caught:
            import_json(target, path)
        assert said in str(caught.value) or any(
            said in str(e) for e in getattr(caught.value, "errors", [])
        )
    finally:
        target.dispose()


def test_db_copy_carries_the_languages(db, tmp_path):
    _fill(db)
    target = str(tmp_path / "copied.sqlite")
    copy_database(db.url, target)
    copied = open_database(target, create=False)
    try:
        assert _languages_in(copied) == _languages_in(db)
    finally:
        copied.dispose()


# -- the handout --------------------------------------------------------------------------------


def test_the_handout_s_drills_are_in_the_athlete_s_handout_language(db, catalog):
    import datetime as dt

    from app.services.programs import handout_for
    from app.services.sessions import record_session
    from app.services.settings import ClinicSettings
    from tests.conftest import TODAY, session_inputs

    athlete = create_athlete(db, AthleteData(name="Jana", handout_language="de"))
    mirror = dict(hip_ir_deg=(40, 26), hip_er_deg=(32, 45), thoracic_rot_deg=(41, 55),
                  foot_posture_index=(1, 6))  # fmt: skip
    for day in (TODAY - dt.timedelta(days=28), TODAY):
        record_session(db, catalog, athlete.id, day, session_inputs(**mirror))
    _edit(db, "de", aim=GERMAN_AIM)
    handout = handout_for(db, catalog, ClinicSettings(), athlete.id, "suggested", today=TODAY)
    names = [h.drill.name for h in handout.drills]
    assert names[:2] == ["Rockback mit Armschub rechts", "90-90 mit Beckenverschiebung nach rechts"]
    assert handout.drills[0].drill.aim == "Unsere eigenen Worte: den rechten Brustkorb weiten."
    english = handout_for(db, catalog, ClinicSettings(), athlete.id, "suggested", today=TODAY,
                          language="en")  # fmt: skip
    assert english.drills[0].drill.name == "Right Sucker Punch Rockback"
