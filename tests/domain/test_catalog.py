import math

import pytest

from app.domain.catalog import BUILTIN_KEYS, Catalog, InvalidValue, Kind, Rule, builtin_definitions

EXPECTED = {  # key: (unit, min, max, rule, threshold, mdc) from DOMAIN.md §3
    "ankle_df_lunge_cm": ("cm", 0, 25, Rule.DIFF, 2.0, 1.9),
    "ankle_df_lunge_deg": ("deg", 0, 70, Rule.DIFF, 6.5, 4.7),
    "hip_ir_deg": ("deg", 0, 90, Rule.DIFF, 10, 5.4),
    "hip_er_deg": ("deg", 0, 90, Rule.DIFF, 10, 8.6),
    "thoracic_rot_deg": ("deg", 0, 110, Rule.DIFF, 10, 6.3),
    "foot_posture_index": ("score", -12, 12, Rule.DIFF, 4, 3),
    "ybt_anterior_cm": ("cm", 0, 150, Rule.DIFF, 4, 8.6),
    "single_hop_cm": ("cm", 0, 400, Rule.LSI, 90, None),
    "calf_raise_reps": ("reps", 0, 150, Rule.LSI, 90, 6),
    "single_leg_bridge_reps": ("reps", 0, 150, Rule.LSI, 90, 4),
    "side_plank_s": ("s", 0, 600, Rule.LSI, 90, 10),
}


def test_every_builtin_has_an_error_with_its_source_or_the_label_estimate():
    """DOMAIN.md §3: every built-in carries an error (MDC95) with its source, or "estimate";
    a source names its year and says what it was measured on."""
    import re

    for d in builtin_definitions():
        if d.is_passfail:
            continue
        assert d.error is not None, d.key
        if d.mdc_estimate:
            assert "estimate" in d.error_text(), d.key
        else:
            assert re.search(r"[A-Z][a-zé-]+ (19|20)\d\d \(", d.mdc_source), d.key
        assert d.threshold_source, d.key


def test_a_threshold_below_the_error_is_named():
    defs = {d.key: d for d in builtin_definitions()}
    assert defs["ybt_anterior_cm"].threshold_below_error()  # 4 cm < 8.6 cm (Shaffer 2013)
    assert not defs["hip_ir_deg"].threshold_below_error()
    assert defs["hip_ir_deg"].threshold_below_error(5.0)
    assert not defs["single_hop_cm"].threshold_below_error()  # 100 − 90 = the 10-point error
    assert defs["single_hop_cm"].threshold_below_error(95)


def test_all_twelve_builtins_with_the_contract_values():
    defs = {d.key: d for d in builtin_definitions()}
    assert tuple(defs) == BUILTIN_KEYS
    for key, (unit, low, high, rule, threshold, mdc) in EXPECTED.items():
        d = defs[key]
        assert (d.unit, d.min, d.max, d.rule, d.threshold, d.mdc) == (
            unit,
            low,
            high,
            rule,
            threshold,
            mdc,
        )
        assert d.protocol and d.name and d.threshold_source
    assert defs["ybt_anterior_cm"].strict
    assert defs["adduction_drop_test"].kind is Kind.PASSFAIL
    assert defs["foot_posture_index"].kind is Kind.INTEGER
    assert defs["single_hop_cm"].result.value == "best"
    assert defs["hip_ir_deg"].result.value == "mean"


@pytest.mark.parametrize("bad", ["abc", "", "nan", "inf", "-inf", math.nan, math.inf, 91, -1, True])
def test_invalid_values_are_refused_with_the_range(bad):
    with pytest.raises(InvalidValue) as err:
        Catalog()["hip_ir_deg"].validate(bad)
    assert "Hip IR" in str(err.value)


def test_out_of_range_message_names_the_valid_range():
    with pytest.raises(InvalidValue, match="0 to 90 deg"):
        Catalog()["hip_ir_deg"].validate("95")


def test_integer_and_pass_fail_values():
    c = Catalog()
    assert c["foot_posture_index"].validate("-3") == -3
    with pytest.raises(InvalidValue, match="whole number"):
        c["calf_raise_reps"].validate(12.5)
    assert c["adduction_drop_test"].validate("Pass") == 1.0
    assert c["adduction_drop_test"].validate("fail") == 0.0
    with pytest.raises(InvalidValue):
        c["adduction_drop_test"].validate("maybe")


def test_threshold_overrides_keep_the_default_for_reset():
    c = Catalog(thresholds={"hip_ir_deg": 8})
    assert c["hip_ir_deg"].threshold == 8
    assert c["hip_ir_deg"].default_threshold == 10
