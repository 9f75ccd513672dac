"""Suggestion rules (DOMAIN.md §5), item resolution, dosage checks and adherence."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.asymmetry import compare
from app.domain.catalog import Catalog
from app.domain.drills import Dosage, load_builtin_drills, seed_program_keys
from app.domain.patterns import detect_pattern
from app.domain.programs import (
    MIRROR_NOTE,
    ProgramItem,
    adherence_for,
    resolve_item_drill,
    suggest_program,
    validate_dosage,
)

CATALOG = Catalog()
LIBRARY = load_builtin_drills()


def draft_for(**values: tuple[float, float]):
    comparisons = {k: compare(CATALOG[k], left, right) for k, (left, right) in values.items()}
    return suggest_program(comparisons, detect_pattern(comparisons), LIBRARY)


LEFT_FINDINGS = {
    "hip_ir_deg": (26.0, 40.0),
    "hip_er_deg": (45.0, 32.0),
    "thoracic_rot_deg": (55.0, 41.0),
    "foot_posture_index": (6.0, 1.0),
    "calf_raise_reps": (30.0, 29.0),
}


def test_left_pattern_suggests_the_five_drills_in_order_with_reasons():
    draft = draft_for(**LEFT_FINDINGS)
    assert draft.pattern == "left"
    assert [i.drill_key for i in draft.items] == list(seed_program_keys())
    assert all(i.side == "left" for i in draft.items)
    assert draft.items[0].dosage == LIBRARY[0].dosage
    assert "4 of 5 indicators vote for it" in draft.reasons[0]
    assert any(
        r.startswith("Hip internal rotation: left pattern (left 26.0°, right 40.0°; "
                     "difference 14.0°, beyond the 5.4° error")
        for r in draft.reasons
    )  # fmt: skip
    assert any(r.startswith("Adduction drop test: not measured") for r in draft.reasons)
    assert not draft.note


def test_mirror_pattern_suggests_the_mirrored_five_with_the_note():
    mirrored = {k: (right, left) for k, (left, right) in LEFT_FINDINGS.items()}
    draft = draft_for(**mirrored)
    assert draft.pattern == "mirror"
    assert len(draft.items) == 5
    assert all(i.side == "right" for i in draft.items)
    assert draft.items[0].drill_key == "right-sucker-punch-rockback"
    assert draft.note == MIRROR_NOTE
    assert any(r.startswith("Hip internal rotation: mirror pattern (") for r in draft.reasons)


def test_no_pattern_gives_one_drill_per_asymmetric_measurement_for_the_limited_side():
    draft = draft_for(
        calf_raise_reps=(30.0, 20.0),  # asymmetric, right limited
        side_plank_s=(40.0, 60.0),  # asymmetric, left limited
        ybt_anterior_cm=(60.0, 63.5),  # watch (3.5 of 4 cm): listed, no drill
    )
    assert draft.pattern == "none"
    assert [(i.drill_key, i.side) for i in draft.items] == [
        ("right-single-leg-calf-raise", "right"),
        ("left-side-plank", "left"),
    ]
    assert "limited" in draft.items[0].reason
    assert len(draft.watch) == 1 and "Y-Balance" in draft.watch[0]


def test_nothing_flagged_means_nothing_to_suggest_said_plainly():
    draft = draft_for(hip_ir_deg=(38.0, 39.0), ybt_anterior_cm=(60.0, 63.5))
    assert draft.empty
    assert draft.message.startswith("Nothing to suggest")
    assert "Keep an eye on" in draft.message


def test_a_drill_that_covers_two_flags_is_listed_once():
    # both ankle measurements point to the same ankle drill
    draft = draft_for(ankle_df_lunge_cm=(12.0, 8.0), ankle_df_lunge_deg=(43.0, 30.0))
    keys = [(i.drill_key, i.side) for i in draft.items]
    assert len(keys) == len(set(keys))


def test_items_resolve_by_key_and_side_even_when_the_mirror_shares_the_key():
    chest = resolve_item_drill("alternating-chest-press", "right", LIBRARY)
    assert chest.mirrored and chest.side == "right"
    assert "left chest wall" in chest.aim  # the text is mirrored too
    same = resolve_item_drill("alternating-chest-press", "left", LIBRARY)
    assert not same.mirrored
    rockback = resolve_item_drill("right-sucker-punch-rockback", "right", LIBRARY)
    assert rockback.mirrored and rockback.name == "Right Sucker Punch Rockback"
    with pytest.raises(KeyError):
        resolve_item_drill("no-such-drill", "left", LIBRARY)


def test_dosage_checks():
    good = Dosage("3–4", "8", "reps", True, 3)
    assert validate_dosage(good) == []
    assert validate_dosage(Dosage("4-3", "8", "reps", True, 3))  # range backwards
    assert validate_dosage(Dosage("three", "8", "reps", True, 3))
    assert validate_dosage(Dosage("3", "8", "laps", True, 3))
    assert validate_dosage(Dosage("3", "8", "reps", True, 15))


def test_adherence_counts_sessions_due_so_far_without_credit_for_extras():
    start = dt.date(2026, 1, 5)
    five = Dosage("3", "5", "breaths", False, 5)
    three = Dosage("2", "8", "reps", True, 3)
    items = [ProgramItem("a", "left", five, id=1), ProgramItem("b", "left", three, id=2)]
    done = {
        1: [start + dt.timedelta(days=d) for d in range(7)],  # 7 done, 5 due: capped at 5
        2: [start, start + dt.timedelta(days=2), start + dt.timedelta(days=30)],  # last: outside
    }
    result = adherence_for(items, start, 2, done, today=start + dt.timedelta(days=6))
    assert result.expected == pytest.approx(8.0)
    assert result.completed == pytest.approx(7.0)  # 5 + 2
    assert result.percent == pytest.approx(87.5)
    assert result.is_done(2, start) and not result.is_done(2, start + dt.timedelta(days=30))
    before = adherence_for(items, start, 2, done, today=start - dt.timedelta(days=1))
    assert before.percent is None


# ---------------------------------------------------------------------------------------------
# Suggestion v2 (DOMAIN.md §5)


def draft_with_pain(pain: dict[str, tuple[int | None, int | None]], **values):
    comparisons = {
        k: compare(CATALOG[k], left, right, pain_left=pain.get(k, (None, None))[0],
                   pain_right=pain.get(k, (None, None))[1])
        for k, (left, right) in values.items()
    }  # fmt: skip
    return suggest_program(comparisons, detect_pattern(comparisons), LIBRARY)


def test_a_pattern_program_gets_a_drill_for_each_asymmetry_its_drills_do_not_target():
    draft = draft_for(
        **LEFT_FINDINGS,
        ankle_df_lunge_cm=(12.0, 8.5),  # supporting finding, and a drill of its own
        single_hop_cm=(160.0, 130.0),  # LSI 81 %: asymmetric, right limited
    )
    assert draft.pattern == "left"
    keys = [i.drill_key for i in draft.items]
    assert keys[:5] == list(seed_program_keys())
    assert keys[5:] == ["right-knee-to-wall-ankle-mobilisation", "right-hop-and-stick"]
    assert any(r.startswith("Supporting finding (no vote): Ankle DF lunge") for r in draft.reasons)


def test_a_sprained_ankle_gets_drills_for_its_flags_not_breathing_drills():
    """The issue's case: six flagged tests and three weak (within-error) indicators."""
    draft = draft_for(
        hip_ir_deg=(36.0, 40.0),  # within 5.4°
        hip_er_deg=(44.0, 38.0),  # within 8.6°
        thoracic_rot_deg=(52.0, 47.0),  # within 6.3°
        ankle_df_lunge_cm=(12.0, 6.0),
        ankle_df_lunge_deg=(44.0, 30.0),
        ybt_anterior_cm=(64.0, 52.0),
        single_hop_cm=(160.0, 110.0),
        calf_raise_reps=(30.0, 15.0),
        side_plank_s=(70.0, 50.0),
    )
    assert draft.pattern == "none"
    keys = [i.drill_key for i in draft.items]
    assert "right-sucker-punch-rockback" not in keys and "left-sucker-punch-rockback" not in keys
    assert keys == [
        "right-knee-to-wall-ankle-mobilisation",
        "right-single-leg-balance-reach",
        "right-hop-and-stick",
        "right-single-leg-calf-raise",
        "right-side-plank",
    ]
    assert any("Ankle DF angle" in r for r in draft.reasons)  # covered by the same drill


def test_a_painful_measurement_brings_no_drill_and_is_listed():
    draft = draft_with_pain(
        {"calf_raise_reps": (None, 6)}, calf_raise_reps=(30.0, 15.0), side_plank_s=(70.0, 50.0)
    )
    assert [i.drill_key for i in draft.items] == ["right-side-plank"]
    assert draft.painful == (
        "Calf raises (left 30 reps, right 15 reps; pain right 6/10): painful: assess before "
        "loading.",
    )


def test_only_painful_flags_mean_nothing_to_suggest_with_the_reason():
    draft = draft_with_pain({"calf_raise_reps": (3, None)}, calf_raise_reps=(30.0, 15.0))
    assert draft.empty
    assert "Painful: assess before loading: Calf raises." in draft.message


def test_a_pattern_carried_by_other_votes_cautions_the_drills_that_target_the_pain():
    draft = draft_with_pain({"hip_ir_deg": (7, None)}, **LEFT_FINDINGS, adduction_drop_test=(0, 1))
    assert draft.pattern == "left"
    cautioned = [i.drill_key for i in draft.items if "Caution: Hip IR is painful" in i.notes]
    targets_hip_ir = [
        i.drill_key
        for i in draft.items
        if "hip_ir_deg" in resolve_item_drill(i.drill_key, i.side, LIBRARY).targets
    ]
    assert cautioned == targets_hip_ir and len(cautioned) >= 4
    assert "pain left 7/10" in draft.items[0].notes or "pain left 7/10" in draft.items[1].notes


def test_the_foot_drill_follows_the_direction():
    supinated = draft_for(foot_posture_index=(-4, 2))  # left supinated, right normal
    assert [(i.drill_key, i.side) for i in supinated.items] == [
        ("left-foot-roll-in-mobility", "left")
    ]
    pronated = draft_for(foot_posture_index=(3, 9))  # right pronated
    assert [(i.drill_key, i.side) for i in pronated.items] == [
        ("right-short-foot-arch-lift", "right")
    ]
    assert "more pronated" in pronated.items[0].reason
