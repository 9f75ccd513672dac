"""The built-in drill library: content, drawings, mirroring and look-ups."""

from __future__ import annotations

import copy
import tomllib
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.drills import (
    REGIONS,
    Dosage,
    DrawingFacts,
    Drill,
    blue_side,
    drawing_facts,
    drills_for_measurement,
    drills_for_pattern,
    find_drill,
    illustration_legend,
    illustration_path,
    legend_text,
    load_builtin_drills,
    mirror_drill,
    mirror_text,
    parse_library,
    seed_program_keys,
)
from app.resources import resource_path

CATALOG_KEYS = frozenset(
    {
        "ankle_df_lunge_cm",
        "ankle_df_lunge_deg",
        "hip_ir_deg",
        "hip_er_deg",
        "thoracic_rot_deg",
        "foot_posture_index",
        "ybt_anterior_cm",
        "single_hop_cm",
        "calf_raise_reps",
        "single_leg_bridge_reps",
        "side_plank_s",
        "adduction_drop_test",
    }
)
SEED_NAMES = [
    "Left Sucker Punch Rockback",
    "90-90 with Left Hip Shift",
    "Alternating Chest Press",
    "Split Squat Rotation",
    "Staggered Stance Hinge with Asymmetric Arms",
]
MIRRORED_SEED_NAMES = [
    "Right Sucker Punch Rockback",
    "90-90 with Right Hip Shift",
    "Alternating Chest Press",
    "Split Squat Rotation",
    "Staggered Stance Hinge with Asymmetric Arms",
]
LIBRARY = load_builtin_drills()
ILLUSTRATIONS = sorted(resource_path("illustrations").glob("*.svg"))


def by_key(key: str) -> Drill:
    return next(d for d in LIBRARY if d.key == key)


# --- content -----------------------------------------------------------------------------------


def test_library_is_big_enough_with_unique_keys():
    assert len(LIBRARY) >= 11
    keys = [d.key for d in LIBRARY]
    assert len(set(keys)) == len(keys)
    mirrored = {mirror_text(k) for k in keys if mirror_text(k) != k}
    assert not mirrored & set(keys), "a built-in is the mirror of another built-in"


@pytest.mark.parametrize("drill", LIBRARY, ids=lambda d: d.key)
def test_every_field_is_filled_and_valid(drill: Drill):
    for f in fields(Drill):
        value = getattr(drill, f.name)
        if isinstance(value, str):
            assert value.strip(), f"{drill.key}.{f.name} is empty"
        elif isinstance(value, tuple):
            assert value, f"{drill.key}.{f.name} is empty"
            assert all(isinstance(v, str) and v.strip() for v in value), f.name
    assert drill.region in REGIONS
    assert drill.side in ("left", "right", "both")
    assert set(drill.targets) <= CATALOG_KEYS
    assert drill.illustration == f"{drill.key}.svg"
    assert illustration_path(drill).is_file()
    assert drill.builtin and not drill.mirrored
    dosage = drill.dosage
    assert dosage.unit in ("breaths", "reps", "s")
    assert dosage.sets and dosage.amount and "-" not in dosage.sets + dosage.amount
    assert 1 <= dosage.per_week <= 7
    for step in drill.steps:
        assert not step[0].isdigit(), "steps are numbered by the app"
    # mirroring must be able to do its job: a one-sided drill says which side
    if drill.side != "both":
        text = " ".join((drill.name, drill.setup, *drill.steps)).lower()
        assert drill.side in text.split() or f"{drill.side}-" in drill.key


def test_seed_drills_have_the_dosage_of_the_source():
    dosages = [by_key(k).dosage.text() for k in seed_program_keys()]
    assert dosages == [
        "3–4 rounds × 4–5 breaths, 5×/week",
        "3–4 rounds × 4–5 breaths, 5×/week",
        "2–3 × 8–10 reps each side, 3×/week",
        "2–3 × 6–8 reps each side, 3×/week",
        "2–3 × 6–8 reps each side, 3×/week",
    ]


def test_dosage_text():
    assert Dosage("3", "30", "s", True, 5).text() == "3 × 30 s each side, 5×/week"
    assert Dosage("3–4", "4–5", "breaths", False, 7).text() == "3–4 rounds × 4–5 breaths, 7×/week"
    assert Dosage("2–3", "8–10", "reps", False, 3).text() == "2–3 × 8–10 reps, 3×/week"


def test_every_catalog_key_is_targeted():
    targeted = {t for d in LIBRARY for t in d.targets}
    assert targeted == CATALOG_KEYS


# --- loader validation -------------------------------------------------------------------------


def _raw_library() -> dict:
    with resource_path("drills.toml").open("rb") as f:
        return tomllib.load(f)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("region", "neck"),
        ("side", "up"),
        ("targets", ["hip_ir_deg", "no_such_key"]),
        ("targets", []),
        ("steps", []),
        ("steps", ["1. Do this"]),
        ("mistakes", [""]),
        (
            "dosage",
            {"sets": "4–3", "amount": "5", "unit": "reps", "each_side": True, "per_week": 3},
        ),
        ("dosage", {"sets": "3", "amount": "5", "unit": "min", "each_side": True, "per_week": 3}),
        ("illustration", "missing.svg"),
        ("colour", "red"),
        ("moves", "yes"),
        ("rotation", 1),
    ],
)
def test_loader_names_drill_and_field(field, value):
    data = copy.deepcopy(_raw_library())
    data["drill"][1][field] = value
    key = data["drill"][1]["key"]
    names = [p.name for p in ILLUSTRATIONS]
    with pytest.raises(ValueError) as err:
        parse_library(data, illustrations=names)
    message = str(err.value)
    assert key in message
    assert (field if field != "colour" else "unknown") in message


def test_loader_refuses_a_turn_without_a_movement():
    data = copy.deepcopy(_raw_library())
    data["drill"][1].update(moves=False, rotation=True)
    with pytest.raises(ValueError, match="rotation"):
        parse_library(data)


def test_loader_rejects_duplicate_and_mirrored_keys():
    data = copy.deepcopy(_raw_library())
    data["drill"][2]["key"] = "90-90-right-hip-shift"
    with pytest.raises(ValueError, match="90-90-right-hip-shift"):
        parse_library(data)


def test_loader_accepts_hyphen_ranges_and_stores_en_dash():
    data = copy.deepcopy(_raw_library())
    data["drill"][0]["dosage"]["sets"] = "3-4"
    lib = parse_library(data)
    assert lib.drills[0].dosage.sets == "3–4"


# --- illustrations -----------------------------------------------------------------------------


def test_every_illustration_belongs_to_a_drill():
    assert {p.name for p in ILLUSTRATIONS} == {d.illustration for d in LIBRARY}


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda p: p.stem)
def test_illustration_is_plain_self_contained_svg(path):
    text = path.read_text(encoding="utf-8")
    for banned in ("href", "<style", "class=", "filter", "<text", "<image", "marker", "<script"):
        assert banned not in text, f"{path.name} uses {banned}"
    assert 'viewBox="0 0 400 300"' in text


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda p: p.stem)
def test_illustration_renders_in_qt(qapp, path):
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    size = renderer.defaultSize()
    assert not size.isEmpty()
    image = QImage(200, 150, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    dark = sum(
        1
        for x in range(0, 200, 2)
        for y in range(0, 150, 2)
        if QColor(image.pixel(x, y)).lightness() < 120
    )
    assert dark > 50, "nothing visible was drawn"


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda p: p.stem)
def test_illustration_renders_in_reportlab(path):
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(str(path))
    assert drawing is not None
    assert drawing.width > 0 and drawing.height > 0
    pdf = renderPDF.drawToString(drawing)
    assert pdf.startswith(b"%PDF")


# --- mirroring ---------------------------------------------------------------------------------


@pytest.mark.parametrize("drill", LIBRARY, ids=lambda d: d.key)
def test_mirroring_twice_gives_the_original(drill: Drill):
    once = mirror_drill(drill)
    assert once.mirrored and once.illustration == drill.illustration
    assert once.side == {"left": "right", "right": "left", "both": "both"}[drill.side]
    assert once.targets == drill.targets and once.dosage == drill.dosage
    assert mirror_drill(once) == drill


def test_mirrored_seed_drills_read_correctly():
    rockback = mirror_drill(by_key("left-sucker-punch-rockback"))
    assert rockback.name == "Right Sucker Punch Rockback"
    assert rockback.key == "right-sucker-punch-rockback"
    assert rockback.side == "right"
    assert any("right hand forward" in s for s in rockback.steps)
    assert any("right back ribs and your left front ribs" in s for s in rockback.steps)
    shift = mirror_drill(by_key("90-90-left-hip-shift"))
    assert shift.name == "90-90 with Right Hip Shift"
    assert shift.key == "90-90-right-hip-shift"
    assert any("a little to the right: your right knee" in s for s in shift.steps)


def test_mirror_text_examples():
    assert mirror_text("Left hip, RIGHT knee, left-hip") == "Right hip, LEFT knee, right-hip"
    assert mirror_text("leftover bright righteous lefty") == "leftover bright righteous lefty"
    assert mirror_text("turn left, then right.") == "turn right, then left."
    assert mirror_text("lEft stays") == "lEft stays"


SIDE_WORDS = ["left", "Left", "LEFT", "right", "Right", "RIGHT"]
OTHER_WORDS = ["leftover", "bright", "lEft", "rIGHT", "hip", "90-90", "-", " ", "\n", "’s", "_left"]


@given(st.lists(st.one_of(st.sampled_from(SIDE_WORDS + OTHER_WORDS), st.text(max_size=4))))
def test_mirror_text_is_its_own_inverse(parts):
    text = "".join(parts)
    assert mirror_text(mirror_text(text)) == text


@given(st.lists(st.sampled_from([*SIDE_WORDS, "hip", "knee", "leftover", "bright"]), max_size=12))
def test_mirror_text_swaps_whole_words(words):
    swap = dict(zip(SIDE_WORDS, ["right", "Right", "RIGHT", "left", "Left", "LEFT"], strict=True))
    assert mirror_text(" ".join(words)) == " ".join(swap.get(w, w) for w in words)


# --- programs and look-ups ---------------------------------------------------------------------


def test_left_pattern_gives_the_five_seed_drills_in_order():
    program = drills_for_pattern("left", LIBRARY)
    assert [p.drill.name for p in program] == SEED_NAMES
    assert all(not p.drill.mirrored for p in program)
    assert [p.side for p in program] == ["left"] * 5
    assert [p.dosage for p in program] == [p.drill.dosage for p in program]
    assert all(p.reason for p in program)


def test_mirror_pattern_gives_the_mirrored_seed_drills_in_the_same_order():
    program = drills_for_pattern("mirror", LIBRARY)
    assert [p.drill.name for p in program] == MIRRORED_SEED_NAMES
    assert all(p.drill.mirrored for p in program)
    assert [p.side for p in program] == ["right"] * 5
    left = drills_for_pattern("left", LIBRARY)
    assert [mirror_drill(p.drill) for p in program] == [p.drill for p in left]


@pytest.mark.parametrize("pattern", ["none", "mixed", ""])
def test_no_program_without_a_pattern(pattern):
    assert drills_for_pattern(pattern, LIBRARY) == []


@pytest.mark.parametrize("key", sorted(CATALOG_KEYS))
@pytest.mark.parametrize("limited", ["left", "right"])
def test_every_measurement_gets_a_drill_for_the_limited_side(key, limited):
    prescriptions = drills_for_measurement(key, limited, LIBRARY)
    assert prescriptions
    for p in prescriptions:
        assert key in p.drill.targets
        assert p.side == p.drill.side
        assert p.side == limited or p.drill.side == "both"
        assert p.reason
    identities = [(p.drill.key, p.drill.mirrored) for p in prescriptions]
    assert len(identities) == len(set(identities))


@pytest.mark.parametrize(
    ("key", "primary"),
    [
        ("ankle_df_lunge_cm", "left-knee-to-wall-ankle-mobilisation"),
        ("ankle_df_lunge_deg", "left-knee-to-wall-ankle-mobilisation"),
        ("hip_ir_deg", "left-hip-internal-rotation-lift-offs"),
        ("hip_er_deg", "left-figure-4-hip-stretch"),
        ("thoracic_rot_deg", "open-book-right-rotation"),
        ("foot_posture_index", "left-short-foot-arch-lift"),
        ("ybt_anterior_cm", "left-single-leg-balance-reach"),
        ("single_hop_cm", "left-hop-and-stick"),
        ("calf_raise_reps", "left-single-leg-calf-raise"),
        ("single_leg_bridge_reps", "left-single-leg-bridge"),
        ("side_plank_s", "left-side-plank"),
        ("adduction_drop_test", "left-side-lying-hip-control"),
    ],
)
def test_a_dedicated_drill_comes_first(key, primary):
    first = drills_for_measurement(key, "left", LIBRARY)[0].drill
    assert first.key == mirror_text(primary) if first.mirrored else first.key == primary
    mirrored_first = drills_for_measurement(key, "right", LIBRARY)[0].drill
    assert mirror_text(mirrored_first.key) == primary or mirrored_first.key == primary


def test_right_limited_side_gives_mirrored_drills():
    first = drills_for_measurement("ankle_df_lunge_cm", "right", LIBRARY)[0]
    assert first.drill.name == "Right Knee-to-Wall Ankle Mobilisation"
    assert first.drill.mirrored and first.side == "right"
    rotation = drills_for_measurement("thoracic_rot_deg", "left", LIBRARY)[0]
    assert rotation.drill.name == "Open Book Rotation to the Left"


def test_drill_for_both_sides_is_not_mirrored():
    switch = [p for p in drills_for_measurement("hip_er_deg", "right", LIBRARY) if p.side == "both"]
    assert switch and not switch[0].drill.mirrored


def test_library_with_mirrored_copies_lists_each_drill_once():
    doubled = list(LIBRARY) + [mirror_drill(d) for d in LIBRARY]
    single = drills_for_measurement("hip_ir_deg", "left", LIBRARY)
    assert drills_for_measurement("hip_ir_deg", "left", doubled) == single


def test_find_drill_resolves_mirrored_versions():
    shift = by_key("90-90-left-hip-shift")
    assert find_drill("90-90-left-hip-shift", LIBRARY) == shift
    assert find_drill("90-90-right-hip-shift", LIBRARY, mirrored=True) == mirror_drill(shift)
    press = by_key("alternating-chest-press")
    assert find_drill("alternating-chest-press", LIBRARY, mirrored=True) == mirror_drill(press)
    with pytest.raises(KeyError):
        find_drill("90-90-right-hip-shift", LIBRARY)
    with pytest.raises(KeyError):
        find_drill("no-such-drill", LIBRARY)


# --- drawings that show the movement (issue 18, point 2) ----------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
MOTION = "#d9621c"  # the movement arrows' colour (packaging/draw_illustrations.py)
PALE_COLOURS = {"#c6c6c6", "#a6c8e0", "#dddddd"}
SOLID_COLOURS = {"#333333", "#2a7ab0", "#8c8c8c"}
# the drills whose drawing has a round top-view inset: the ones that turn the pelvis, trunk
# or thigh
TURNING = {
    "90-90-left-hip-shift",
    "split-squat-rotation",
    "left-hip-internal-rotation-lift-offs",
    "open-book-right-rotation",
    "90-90-hip-switch",
}


def groups(drill: Drill) -> dict[str, list]:
    """The drawing's top-level groups by id, each as the list of shapes it holds."""
    import xml.etree.ElementTree as ET

    root = ET.parse(illustration_path(drill)).getroot()
    found = {}
    for g in root.findall(f"{SVG}g"):
        found[g.get("id")] = list(g.iter())[1:]
    return found


def colours(shapes: list) -> set[str]:
    return {s.get(a) for s in shapes for a in ("stroke", "fill") if s.get(a) not in (None, "none")}


def test_every_built_in_drawing_is_described_in_the_file():
    facts = {d.key: drawing_facts(d) for d in LIBRARY}
    assert all(f is not None for f in facts.values())
    # every built-in moves, the breathing and pelvis drills included (issue 18)
    assert all(f.moves for f in facts.values() if f is not None)
    assert {k for k, f in facts.items() if f is not None and f.rotation} == TURNING


@pytest.mark.parametrize("drill", LIBRARY, ids=lambda d: d.key)
def test_a_drill_that_moves_shows_start_end_and_an_arrow(drill: Drill):
    facts = drawing_facts(drill)
    assert facts is not None and facts.moves
    parts = groups(drill)
    start, end, motion = parts.get("start"), parts.get("end"), parts.get("motion")
    assert start and end and motion, f"{drill.key}: {sorted(parts)}"
    # the start pose is pale, the end pose solid: two poses a reader can tell apart
    assert colours(start) <= PALE_COLOURS | {"#ffffff"}, colours(start) - PALE_COLOURS
    assert colours(end) & SOLID_COLOURS
    # an arrow: a line and a head, in the movement colour (never blue: blue is the side)
    assert any(s.tag == f"{SVG}polygon" and s.get("fill") == MOTION for s in motion)
    assert any(s.get("stroke") == MOTION for s in motion)


@pytest.mark.parametrize("drill", LIBRARY, ids=lambda d: d.key)
def test_a_drill_that_turns_has_a_top_view_inset(drill: Drill):
    facts = drawing_facts(drill)
    assert facts is not None
    inset = groups(drill).get("inset")
    if not facts.rotation:
        assert inset is None
        return
    assert inset, drill.key
    frame = inset[0]
    assert frame.tag == f"{SVG}circle" and float(frame.get("r")) >= 45
    # pale and solid bar or thighs, the named half blue, and a turning arrow
    assert colours(inset) >= {"#a6c8e0", "#2a7ab0", "#333333", MOTION}
    assert any(s.tag == f"{SVG}polygon" and s.get("fill") == MOTION for s in inset)
    cx, cy, r = (float(frame.get(a)) for a in ("cx", "cy", "r"))
    assert r <= cx <= 400 - r and r <= cy <= 300 - r, "the inset is cut by the picture's edge"


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda p: p.stem)
def test_no_writing_that_a_mirror_would_reverse(path):
    text = path.read_text(encoding="utf-8")
    for banned in ("<text", "<tspan", "<textArea", "<textPath", "font"):
        assert banned not in text


def test_legend_names_the_blue_side_and_follows_the_mirror():
    rockback = by_key("left-sucker-punch-rockback")
    assert illustration_legend(rockback) == "Blue: your left side · pale: start"
    assert illustration_legend(mirror_drill(rockback)) == "Blue: your right side · pale: start"
    book = by_key("open-book-right-rotation")
    assert illustration_legend(book) == (
        "Blue: your right side · pale: start · circle: view from above"
    )
    assert illustration_legend(mirror_drill(book)).startswith("Blue: your left side")
    # a drill for both sides is drawn with the left in blue; the flipped drawing, the right
    switch = by_key("90-90-hip-switch")
    assert blue_side(switch) == "left" and blue_side(mirror_drill(switch)) == "right"
    assert illustration_legend(switch).startswith("Blue: your left side")


def test_legend_follows_the_drawing_not_an_edited_side():
    from dataclasses import replace

    calf = by_key("left-single-leg-calf-raise")
    edited = replace(calf, side="right", name="Calf raise")  # a clinic's edit: same drawing
    assert blue_side(edited) == "left"
    own = replace(calf, key="own-drill", illustration="", builtin=False)
    assert illustration_legend(own) is None and blue_side(own) is None


def test_legend_says_only_what_the_drawing_shows():
    assert legend_text(DrawingFacts("left", False, False), "left") == "Blue: your left side"
    assert legend_text(DrawingFacts("left", True, False), "right") == (
        "Blue: your right side · pale: start"
    )


def test_parsed_drawing_facts_default_to_a_still_picture():
    data = copy.deepcopy(_raw_library())
    for raw in data["drill"]:
        raw.pop("moves", None)
        raw.pop("rotation", None)
    lib = parse_library(data)
    first = lib.drills[0]
    assert lib.drawings[first.illustration] == DrawingFacts(first.side, False, False)


@pytest.mark.parametrize("path", ILLUSTRATIONS, ids=lambda p: p.stem)
def test_the_picture_check_keeps_every_shape_of_a_drawing(path):
    import xml.etree.ElementTree as ET

    from app.domain.pictures import check_picture

    data = path.read_bytes()
    checked = check_picture(data, "A drill picture")
    before = [e.tag for e in ET.fromstring(data).iter()]
    after = [e.tag for e in ET.fromstring(checked.data).iter()]
    assert after == before  # what Qt and reportlab draw is the whole drawing
