import dataclasses
import json
import struct
import zlib

import pytest
from sqlalchemy import select

from app.domain.drills import Dosage, Drill, find_drill, load_builtin_drills, mirror_drill
from app.models import Drill as DrillRow
from app.services.drills import (
    IMAGE_MAX_BYTES,
    ImageProblem,
    add_custom_drill,
    check_image,
    drill_image,
    drill_library,
    drill_matches,
    drill_records,
    get_drill,
    get_drill_record,
    restore_builtin,
    retire_drill,
    save_drill,
    slug,
)
from app.services.errors import Conflict, ServiceError, ValidationError


def test_a_new_database_holds_a_copy_of_every_builtin_drill(db):
    builtins = load_builtin_drills()
    with db.read() as s:
        rows = s.scalars(select(DrillRow).order_by(DrillRow.id)).all()
    assert [r.key for r in rows] == [d.key for d in builtins]
    assert [r.program_order for r in rows[:5]] == [1, 2, 3, 4, 5]
    assert drill_library(db) == list(builtins)


def test_an_edited_builtin_is_read_back_and_can_be_restored(db):
    with db.transaction() as s:
        row = s.scalars(select(DrillRow).where(DrillRow.key == "left-side-plank")).one()
        row.name = "Side plank (our clinic's way)"
        row.steps = json.dumps(["Only one step."])
    edited = get_drill(db, "left-side-plank")
    assert edited.name == "Side plank (our clinic's way)" and edited.steps == ("Only one step.",)
    original = restore_builtin(db, "left-side-plank")
    assert get_drill(db, "left-side-plank") == original


def test_builtins_missing_from_an_older_database_still_appear(db):
    with db.transaction() as s:
        s.delete(s.scalars(select(DrillRow).where(DrillRow.key == "left-hop-and-stick")).one())
    keys = [d.key for d in drill_library(db)]
    assert "left-hop-and-stick" in keys and len(keys) == len(load_builtin_drills())


# --- editing, custom drills and their pictures ---------------------------------------------------


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real, complete PNG (grey pixels), written by hand so the test needs no Qt."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    raw = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(qapp, width: int = 40, height: int = 30) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ab0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPG")
    return bytes(data)


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    b'<circle cx="50" cy="50" r="40" fill="#333"/></svg>'
)


def custom(name: str = "Wall Calf Stretch", **changes) -> Drill:
    base = Drill(
        key="",
        name=name,
        aim="Lengthen the calf of the stiffer ankle.",
        region="ankle",
        setup="Stand facing a wall, hands on it, the left foot back.",
        steps=("1. Keep the left heel down.", "", "2) Lean in until the calf pulls."),
        feel="A stretch in the left calf.",
        mistakes=("Lifting the heel.",),
        dosage=Dosage(sets="3-4", amount="30", unit="s", each_side=False, per_week=5),
        side="left",
        targets=("ankle_df_lunge_cm",),
        illustration="",
        builtin=False,
    )
    return dataclasses.replace(base, **changes)


def snapshot(db):
    with db.read() as s:
        return [
            (r.key, r.name, r.steps, r.version, r.retired, r.image)
            for r in s.scalars(select(DrillRow).order_by(DrillRow.id))
        ]


def test_a_custom_drill_with_a_png_round_trips(db, tmp_path):
    picture = tmp_path / "calf.png"
    picture.write_bytes(png_bytes(4, 3))
    added = add_custom_drill(db, custom(), picture)
    assert added.key == "wall-calf-stretch" and not added.builtin
    stored = get_drill_record(db, added.key)
    # numbering and blank lines typed by the user are cleaned; the range gets its en dash
    assert stored.drill.steps == ("Keep the left heel down.", "Lean in until the calf pulls.")
    assert stored.drill.dosage.sets == "3–4"
    assert stored.image_type == "png" and stored.version == 1
    assert drill_image(db, "wall-calf-stretch") == (picture.read_bytes(), "png")
    # the mirrored version finds the same picture (drawn flipped by the view)
    left = add_custom_drill(db, custom("Left Heel Drop"), picture)
    mirrored = mirror_drill(left)
    assert mirrored.key == "right-heel-drop"
    assert drill_image(db, mirrored.key) == (picture.read_bytes(), "png")
    assert find_drill(mirrored.key, drill_library(db), mirrored=True) == mirrored
    assert drill_image(db, "left-side-plank") is None  # built-ins use illustration_path


def test_jpeg_and_svg_pictures_are_accepted_by_content(db, tmp_path, qapp):
    jpg = tmp_path / "photo.png"  # wrong extension: the content decides
    jpg.write_bytes(jpeg_bytes(qapp))
    assert check_image(jpg.read_bytes()).image_type == "jpeg"
    assert (check_image(jpg.read_bytes()).width, check_image(jpg.read_bytes()).height) == (40, 30)
    add_custom_drill(db, custom("Photo Drill"), jpg)
    assert drill_image(db, "photo-drill")[1] == "jpeg"
    svg = tmp_path / "drawing.svg"
    svg.write_bytes(SVG)
    add_custom_drill(db, custom("Drawn Drill"), svg)
    # what is stored is the checked drawing, rebuilt: the same shapes, not the file's bytes
    assert drill_image(db, "drawn-drill") == (check_image(SVG).data, "svg")
    assert b'<circle cx="50" cy="50" r="40" fill="#333"/>' in check_image(SVG).data


def _oversized_png(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(png_bytes(4001, 2))
    return path


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("random.png", bytes(range(256)) * 40, "is not a PNG, JPG or SVG picture"),
        ("cut.png", png_bytes(64, 64)[:-20], "damaged or incomplete PNG"),
        ("notes.svg", b"just some notes\nnot a drawing", "not a PNG, JPG or SVG"),
        ("notes2.svg", b"<html><body>hi</body></html>", "not an SVG drawing"),
        ("broken.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "not well-formed"),
        ("empty.jpg", b"", "is empty"),
        ("wide.png", png_bytes(4001, 2), "4001×2 pixels"),
        ("big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * IMAGE_MAX_BYTES, "at most 5 MB"),
    ],
)
def test_a_bad_picture_is_refused_with_a_message_and_nothing_is_written(
    db, tmp_path, filename, content, message
):
    path = tmp_path / filename
    path.write_bytes(content)
    before = snapshot(db)
    with pytest.raises(ImageProblem) as caught:
        add_custom_drill(db, custom(), path)
    assert message in str(caught.value) and filename in str(caught.value)
    assert snapshot(db) == before


def test_a_truncated_jpeg_and_a_missing_file_are_refused(db, tmp_path, qapp):
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg_bytes(qapp)[:-40])
    before = snapshot(db)
    with pytest.raises(ImageProblem, match="damaged or incomplete JPG"):
        add_custom_drill(db, custom(), cut)
    with pytest.raises(ImageProblem, match="does not exist"):
        add_custom_drill(db, custom(), tmp_path / "gone.png")
    with pytest.raises(ImageProblem, match="declares XML entities"):
        check_image(b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "bomb.svg")
    assert snapshot(db) == before


def test_invalid_fields_are_all_reported_and_nothing_is_written(db):
    bad = custom(
        "  ",
        aim="",
        steps=("",),
        region="elbow",
        targets=("no_such_measure",),
        dosage=Dosage(sets="4-3", amount="lots", unit="km", each_side=False, per_week=0),
    )
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        add_custom_drill(db, bad, None)
    fields = {e.field for e in caught.value.errors}
    assert fields == {
        "name",
        "aim",
        "steps",
        "region",
        "targets",
        "dosage.sets",
        "dosage.amount",
        "dosage.unit",
        "dosage.per_week",
    }
    assert "no_such_measure" in str(caught.value)
    assert snapshot(db) == before


def test_duplicate_names_are_refused_including_mirrors_and_retired_drills(db):
    add_custom_drill(db, custom("Wall Calf Stretch"), None)
    with pytest.raises(ValidationError, match="already exists"):
        add_custom_drill(db, custom("wall calf   STRETCH!"), None)
    with pytest.raises(ValidationError, match="already exists"):
        add_custom_drill(db, custom("Left Side Plank"), None)  # a built-in's name
    with pytest.raises(ValidationError, match="other side"):
        add_custom_drill(db, custom("Right Side Plank"), None)  # mirror of a built-in
    retire_drill(db, "wall-calf-stretch")
    with pytest.raises(ValidationError, match="retired"):
        add_custom_drill(db, custom("Wall Calf Stretch"), None)
    assert slug("Ünïcode Übung (bent knee)") == "unicode-ubung-bent-knee"
    assert slug("伸展").startswith("drill-")


def test_editing_a_builtin_uses_the_version_and_restore_brings_the_original_back(db):
    record = get_drill_record(db, "left-side-plank")
    assert record.version == 1 and not record.edited
    edited = dataclasses.replace(record.drill, name="Side Plank, Our Way", steps=("Lift.", "Hold."))
    saved = save_drill(db, edited, record.version)
    assert saved.version == 2 and saved.edited and saved.drill.name == "Side Plank, Our Way"
    assert saved.drill.key == "left-side-plank" and saved.drill.illustration
    # a second desk still holding version 1 is refused, and nothing changes
    before = snapshot(db)
    with pytest.raises(Conflict):
        save_drill(db, dataclasses.replace(record.drill, name="Stale"), record.version)
    with pytest.raises(Conflict):
        restore_builtin(db, "left-side-plank", version=record.version)
    assert snapshot(db) == before
    restore_builtin(db, "left-side-plank", version=saved.version)
    restored = get_drill_record(db, "left-side-plank")
    assert restored.drill == record.drill and not restored.edited


def test_saving_a_mirrored_drill_stores_the_written_side(db):
    record = get_drill_record(db, "left-side-plank")
    shown = mirror_drill(record.drill)  # the user previewed the right side, then edited it
    save_drill(db, dataclasses.replace(shown, feel="Right side working."), record.version)
    assert get_drill(db, "left-side-plank").feel == "Left side working."


def test_an_invalid_edit_writes_nothing(db):
    record = get_drill_record(db, "left-side-plank")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="The name is empty"):
        save_drill(db, dataclasses.replace(record.drill, name=""), record.version)
    with pytest.raises(ValidationError, match="Write at least one step"):
        save_drill(db, dataclasses.replace(record.drill, steps=("  ", "1. ")), record.version)
    assert snapshot(db) == before


def test_a_custom_drill_picture_can_be_replaced_but_a_bad_one_changes_nothing(db, tmp_path):
    first, second, bad = tmp_path / "a.svg", tmp_path / "b.png", tmp_path / "c.png"
    first.write_bytes(SVG)
    second.write_bytes(png_bytes())
    bad.write_bytes(b"not a picture")
    add_custom_drill(db, custom(), first)
    record = get_drill_record(db, "wall-calf-stretch")
    before = snapshot(db)
    with pytest.raises(ImageProblem):
        save_drill(db, dataclasses.replace(record.drill, name="Renamed"), 1, image_path=bad)
    assert snapshot(db) == before
    saved = save_drill(db, dataclasses.replace(record.drill, name="Renamed"), 1, image_path=second)
    assert saved.drill.key == "wall-calf-stretch"  # a rename keeps the key programs store
    assert drill_image(db, "wall-calf-stretch") == (second.read_bytes(), "png")
    with pytest.raises(ValidationError, match="Built-in drills keep their drawing"):
        save_drill(db, get_drill(db, "left-side-plank"), 1, image_path=second)


def test_retiring_hides_a_custom_drill_but_never_a_builtin(db):
    add_custom_drill(db, custom(), None)
    retire_drill(db, "wall-calf-stretch")
    assert "wall-calf-stretch" not in [d.key for d in drill_library(db)]
    assert get_drill_record(db, "wall-calf-stretch").retired
    assert "wall-calf-stretch" in [r.key for r in drill_records(db, include_retired=True)]
    retire_drill(db, "wall-calf-stretch", retired=False)
    assert "wall-calf-stretch" in [d.key for d in drill_library(db)]
    with pytest.raises(ServiceError, match="cannot be retired"):
        retire_drill(db, "left-side-plank")


def test_search_matches_every_word_over_name_aim_region_and_targets():
    plank = next(d for d in load_builtin_drills() if d.key == "left-side-plank")
    names = {"side_plank_s": "Side plank hold"}
    assert drill_matches(plank, "")
    assert drill_matches(plank, "PLANK")
    assert drill_matches(plank, "plank hold", names=names)
    assert drill_matches(plank, "side plank s")  # the key, underscores as spaces
    assert not drill_matches(plank, "plank breathing")
    assert drill_matches(plank, region=plank.region)
    assert not drill_matches(plank, region="breathing")
    assert drill_matches(plank, target="side_plank_s")
    assert not drill_matches(plank, target="hip_ir_deg")
