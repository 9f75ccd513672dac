import math

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
    ybt = CATALOG["ybt_anterior_cm"]  # > 4 cm, strictly (Plisky 2006)
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
