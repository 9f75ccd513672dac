import math
from dataclasses import replace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.asymmetry import (
    Flag,
    abs_diff,
    cm_to_in,
    compare,
    display_unit,
    flag_for_difference,
    flag_for_lsi,
    flag_of,
    from_display,
    in_to_cm,
    is_real_change,
    limb_symmetry_index,
    mdc95,
    percent_asymmetry,
    result_of_trials,
    signed_diff,
    to_display,
)
from app.domain.catalog import Catalog, ResultRule

values = st.floats(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
CATALOG = Catalog()


@given(values, values)
def test_swapping_sides_mirrors_signed_difference_and_keeps_percent(left, right):
    assert signed_diff(left, right) == -signed_diff(right, left)
    assert percent_asymmetry(left, right) == percent_asymmetry(right, left)
    assert abs_diff(left, right) == abs_diff(right, left)


@given(values, values)
def test_percent_asymmetry_is_between_0_and_100(left, right):
    assert 0 <= percent_asymmetry(left, right) <= 100


@given(st.one_of(st.none(), values))
def test_a_missing_side_is_undefined_never_zero(value):
    for fn in (signed_diff, abs_diff, percent_asymmetry, limb_symmetry_index):
        assert fn(None, value) is None
        assert fn(value, None) is None
    assert compare(CATALOG["hip_ir_deg"], value, None).flag is Flag.INCOMPLETE


@given(positive, positive, st.floats(min_value=0.1, max_value=100))
def test_difference_flags_are_monotone(a, b, threshold):
    low, high = sorted((a, b))
    assert (
        flag_for_difference(low, threshold).severity
        <= flag_for_difference(high, threshold).severity
    )
    assert (
        flag_for_difference(low, threshold, strict=True).severity
        <= flag_for_difference(high, threshold, strict=True).severity
    )


@given(
    st.floats(min_value=0, max_value=150),
    st.floats(min_value=0, max_value=150),
    st.floats(min_value=50, max_value=99),
)
def test_lsi_flags_are_monotone(a, b, cutoff):
    low, high = sorted((a, b))
    assert flag_for_lsi(low, cutoff).severity >= flag_for_lsi(high, cutoff).severity


@given(positive, positive)
def test_symmetry_index_is_at_most_100(left, right):
    lsi = limb_symmetry_index(left, right)
    assume(lsi is not None)
    assert 0 <= lsi <= 100


def test_hand_computed_hip_internal_rotation():
    # Hip IR L 28°, R 41°: R − L = +13; |R − L| = 13; % asym = 13 / 41 × 100 = 31.707…;
    # threshold 10° (≥) → asymmetric. Symmetry index = 28 / 41 × 100 = 68.29…
    c = compare(CATALOG["hip_ir_deg"], 28, 41)
    assert c.diff == 13
    assert c.percent == pytest.approx(31.7073, abs=1e-4)
    assert c.lsi == pytest.approx(68.2927, abs=1e-4)
    assert c.flag is Flag.ASYMMETRIC
    assert c.limited_side == "left"


@pytest.mark.parametrize(
    ("left", "right", "flag"),
    [
        (30, 37.4, Flag.OK),  # 7.4 < 7.5 (75 % of 10)
        (30, 37.5, Flag.WATCH),  # watch from 7.5
        (30, 39.9, Flag.WATCH),
        (30, 40, Flag.ASYMMETRIC),  # at the threshold
        (40, 30, Flag.ASYMMETRIC),  # either direction
    ],
)
def test_difference_rule_boundaries(left, right, flag):
    assert compare(CATALOG["hip_ir_deg"], left, right).flag is flag


def test_strict_threshold_flags_only_past_it():
    # > 4 cm, strictly (Plisky 2006); an error below the threshold so the gate stays out
    ybt = replace(CATALOG["ybt_anterior_cm"], mdc=1.0)
    assert compare(ybt, 60, 64).flag is Flag.WATCH  # exactly 4: not past it
    assert compare(ybt, 60, 64.1).flag is Flag.ASYMMETRIC
    assert compare(ybt, 60, 62.9).flag is Flag.OK  # 2.9 < 3 (75 % of 4)
    assert compare(ybt, 60, 63).flag is Flag.WATCH


def test_lsi_rule_boundaries():
    hop = CATALOG["single_hop_cm"]  # LSI < 90 %; watch below 92.5 %
    assert compare(hop, 89.9, 100).flag is Flag.ASYMMETRIC
    assert compare(hop, 90, 100).flag is Flag.WATCH
    assert compare(hop, 92.4, 100).flag is Flag.WATCH
    assert compare(hop, 92.5, 100).flag is Flag.OK
    assert compare(hop, 100, 92.5).flag is Flag.OK  # weaker / stronger without involved side


def test_lsi_uses_the_involved_side_when_there_is_one():
    # Involved left: 150 / 120 × 100 = 125 % (the involved side hops further: no flag)
    assert limb_symmetry_index(150, 120, "left") == pytest.approx(125)
    assert limb_symmetry_index(150, 120, "right") == pytest.approx(80)
    assert compare(CATALOG["single_hop_cm"], 150, 120, involved="right").flag is Flag.ASYMMETRIC


def test_percent_asymmetry_of_two_zeros_is_zero_and_lsi_is_symmetric():
    assert percent_asymmetry(0, 0) == 0
    assert limb_symmetry_index(0, 0) == 100
    assert limb_symmetry_index(0, 5, "right") is None


def test_pass_fail_flags_when_sides_differ_and_never_watch():
    drop = CATALOG["adduction_drop_test"]
    assert compare(drop, 0.0, 1.0).flag is Flag.ASYMMETRIC
    assert compare(drop, 1.0, 1.0).flag is Flag.OK
    assert compare(drop, 0.0, 0.0).flag is Flag.OK
    assert compare(drop, None, 0.0).flag is Flag.INCOMPLETE


def test_result_of_trials_best_for_performance_mean_otherwise():
    assert result_of_trials([150, 162, 158], ResultRule.BEST) == 162
    assert result_of_trials([30, 33, 36], ResultRule.MEAN) == 33
    assert result_of_trials([41], ResultRule.MEAN) == 41
    assert result_of_trials([], ResultRule.BEST) is None
    with pytest.raises(ValueError):
        result_of_trials([1, 2, 3, 4], ResultRule.MEAN)


def test_mdc95_formula_and_real_change():
    # SD 5, ICC 0.9: SEM = 5 × √0.1 = 1.5811; MDC95 = 1.5811 × 1.96 × √2 = 4.3827
    assert mdc95(5, 0.9) == pytest.approx(4.3827, abs=1e-4)
    assert is_real_change(30, 35.5, 5.4) is True
    assert is_real_change(30, 35.4, 5.4) is False  # |Δ| must exceed the MDC
    assert is_real_change(30, 35.4, None) is None
    assert is_real_change(None, 35.4, 5.4) is None


@given(st.floats(min_value=0, max_value=400))
def test_cm_inch_conversion_round_trips(cm):
    assert in_to_cm(cm_to_in(cm)) == pytest.approx(cm)
    assert from_display(to_display(cm, "cm", "in"), "cm", "in") == pytest.approx(cm)


def test_display_conversion_only_touches_centimetres():
    assert to_display(25.4, "cm", "in") == pytest.approx(10)
    assert to_display(30, "deg", "in") == 30
    assert to_display(25.4, "cm", "cm") == 25.4
    assert display_unit("cm", "in") == "in" and display_unit("deg", "in") == "deg"
    assert math.isclose(cm_to_in(2.54), 1)


@given(
    st.sampled_from(sorted(CATALOG.keys())),
    st.one_of(st.none(), positive),
    st.one_of(st.none(), positive),
    st.sampled_from([None, "left", "right"]),
)
def test_flag_of_is_the_flag_compare_gives(key, left, right, involved):
    definition = CATALOG[key]
    assert (
        flag_of(definition, left, right, involved)
        is compare(definition, left, right, involved).flag
    )


# ---------------------------------------------------------------------------------------------
# Round first, then judge; nothing within the error is a finding (DOMAIN.md §4)

DIFF_KEYS = [d.key for d in CATALOG if d.rule.value == "diff"]


@given(
    st.sampled_from(DIFF_KEYS),
    st.floats(min_value=0, max_value=25, allow_nan=False),
    st.floats(min_value=0, max_value=25, allow_nan=False),
)
def test_a_side_is_judged_as_it_is_shown(key, left, right):
    """Rounding first: the raw values and the values as displayed get the same flag."""
    d = CATALOG[key]
    if d.kind.value == "integer":
        left, right = round(left) - 12, round(right) - 12
    shown_left = float(f"{left:.{d.places}f}")
    shown_right = float(f"{right:.{d.places}f}")
    assert compare(d, left, right).flag is compare(d, shown_left, shown_right).flag
    assert flag_of(d, left, right) is compare(d, left, right).flag


@given(st.sampled_from(DIFF_KEYS), st.floats(min_value=0, max_value=12, allow_nan=False))
def test_asymmetric_needs_the_threshold_and_the_error(key, base):
    d = CATALOG[key]
    assert d.threshold is not None and d.error is not None
    if d.kind.value == "integer":
        base = round(base)
    for step in range(0, 200):
        diff = step / 10 if d.places else float(step)
        if diff > 30:
            break
        c = compare(d, base, base + diff)
        assert c.diff is not None
        past = abs(c.diff) > d.threshold if d.strict else abs(c.diff) >= d.threshold
        beyond = abs(c.diff) > d.error
        if c.flag is Flag.ASYMMETRIC:
            assert past and beyond
        elif past:  # past the threshold but within the error: watch, measure again
            assert c.flag is Flag.WATCH and c.within_error
        else:
            assert not c.within_error


def test_a_value_shown_as_the_threshold_behaves_as_the_threshold():
    lunge = CATALOG["ankle_df_lunge_cm"]  # ≥ 2.0 cm, error 1.9 cm
    # 10.04 and 12.04 show as 10.0 and 12.0: a difference of exactly 2.0, asymmetric, even
    # though the raw difference is 2.0000000000000018 or 1.99…
    assert compare(lunge, 10.04, 12.04).flag is Flag.ASYMMETRIC
    assert compare(lunge, 10.049, 12.0).flag is Flag.ASYMMETRIC  # shown 10.0 and 12.0
    assert compare(lunge, 10.051, 12.0).flag is Flag.WATCH  # shown 10.1: 1.9
    hop = CATALOG["single_hop_cm"]
    assert compare(hop, 89.96, 100).flag is Flag.WATCH  # LSI shown 90.0 %: not below 90


def test_past_the_threshold_within_the_error_is_watch_measure_again():
    ybt = CATALOG["ybt_anterior_cm"]  # > 4 cm, error 8.6 cm
    c = compare(ybt, 60, 66)
    assert c.flag is Flag.WATCH and c.within_error
    assert "within error" in c.status
    assert compare(ybt, 60, 68.7).flag is Flag.ASYMMETRIC


def test_lsi_with_an_error_in_reps_needs_the_gap_beyond_it():
    calf = CATALOG["calf_raise_reps"]  # LSI < 90 %, error 6 reps
    assert compare(calf, 20, 25).flag is Flag.WATCH  # LSI 80 %, but 5 reps ≤ 6
    assert compare(calf, 20, 27).flag is Flag.ASYMMETRIC


def test_pain_of_three_or_more_on_a_side_is_pain_limited():
    hip = CATALOG["hip_ir_deg"]
    assert not compare(hip, 30, 40, pain_left=2, pain_right=2).pain_limited
    c = compare(hip, 30, 40, pain_right=3)
    assert c.pain_limited and c.flag is Flag.ASYMMETRIC
    assert c.status == "pain-limited asymmetric"


def test_fpi_is_a_score_with_no_percent_and_no_lsi():
    fpi = CATALOG["foot_posture_index"]
    c = compare(fpi, -2, 2)
    assert c.percent is None and c.lsi is None
    assert c.diff == 4 and c.flag is Flag.ASYMMETRIC
    assert c.foot_direction == ("left", "supinated")  # −2 is the foot outside normal
    assert compare(fpi, 8, 2).foot_direction == ("left", "pronated")
    assert compare(fpi, 2, 8).foot_direction == ("right", "pronated")
    assert compare(fpi, 0, -6).foot_direction == ("right", "supinated")


@pytest.mark.parametrize(
    ("score", "klass"),
    [(-12, "highly supinated"), (-5, "highly supinated"), (-4, "supinated"), (-1, "supinated"),
     (0, "normal"), (5, "normal"), (6, "pronated"), (9, "pronated"), (10, "highly pronated")],
)  # fmt: skip
def test_fpi_classes_follow_the_manual(score, klass):
    from app.domain.asymmetry import fpi_class

    assert fpi_class(score) == klass


def test_both_sides_low_against_the_reference():
    from app.domain.catalog import reference_for

    calf = CATALOG["calf_raise_reps"]
    woman_25 = reference_for(calf.reference_values, 25, "female")
    assert woman_25 is not None and woman_25.mean == 30 and woman_25.lower == 24
    assert compare(calf, 22, 23, reference=woman_25).both_low  # symmetric but weak
    assert not compare(calf, 22, 25, reference=woman_25).both_low
    man_35 = reference_for(calf.reference_values, 35, "male")  # nearest band: 40–49
    assert man_35 is not None and man_35.mean == 28
    man_80 = reference_for(calf.reference_values, 80, "male")  # outside: the nearest band
    assert man_80 is not None and man_80.mean == 19
    assert reference_for(calf.reference_values, None, "male") is None  # age unknown
    unknown_sex = reference_for(calf.reference_values, 25, None)
    assert unknown_sex is not None and unknown_sex.mean == 30  # the lower of the two
    hip = CATALOG["hip_ir_deg"]
    ref = reference_for(hip.reference_values, None, None)
    assert ref is not None and ref.lower == pytest.approx(30.4)


def test_change_of_asymmetry_is_judged_against_root_two_times_the_error():
    from app.domain.asymmetry import asymmetry_change

    hip = CATALOG["hip_ir_deg"]  # E 5.4°: a change of asymmetry needs > 7.64°
    change = asymmetry_change(compare(hip, 24, 37), compare(hip, 35, 39))
    assert change is not None and change.verdict == "reduced"
    assert change.text() == "asymmetry reduced from 13° to 4° (beyond the 7.6° error of a change)"
    small = asymmetry_change(compare(hip, 30, 38), compare(hip, 35, 39))  # 8° → 4°
    assert small is not None and small.verdict == "unchanged"
    assert "within the 7.6° error of a change" in small.text()
    grew = asymmetry_change(compare(hip, 35, 39), compare(hip, 24, 37))
    assert grew is not None and grew.verdict == "grew"
