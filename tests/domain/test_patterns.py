"""Pattern v2 (DOMAIN.md §5): five indicators, votes beyond the error and without pain, ankle
as a supporting finding, 4 of 5 measured, at least 3 votes and more than the other side."""

from hypothesis import given
from hypothesis import strategies as st

from app.domain.asymmetry import compare
from app.domain.catalog import FAIL, PASS, Catalog
from app.domain.patterns import (
    MIN_MEASURED,
    MIN_VOTES,
    Pattern,
    Vote,
    decide,
    detect_pattern,
    indicator_line,
)

CATALOG = Catalog()


def comparisons(pain=None, **values):
    pain = pain or {}
    return {
        k: compare(
            CATALOG[k],
            left,
            right,
            pain_left=pain.get(k, (None, None))[0],
            pain_right=pain.get(k, (None, None))[1],
        )
        for k, (left, right) in values.items()
    }


LEFT_SESSION = dict(  # the common pattern of DOMAIN.md §2, every difference beyond its error
    hip_ir_deg=(28, 41),  # left IR < right: 13° > 5.4°
    hip_er_deg=(45, 33),  # right ER < left: 12° > 8.6°
    foot_posture_index=(6, 1),  # left more pronated: 5 points > 3
    thoracic_rot_deg=(55, 42),  # rotation to the right < to the left: 13° > 6.3°
    adduction_drop_test=(FAIL, PASS),  # failed on the left only
    ankle_df_lunge_cm=(12, 9),  # asymmetric: a supporting finding, no vote
)


def test_hand_built_left_pattern():
    result = detect_pattern(comparisons(**LEFT_SESSION))
    assert result.pattern is Pattern.LEFT
    assert (result.left_count, result.mirror_count) == (5, 0)
    assert len(result.agreeing()) == 5
    assert [c.key for c in result.supporting] == ["ankle_df_lunge_cm"]


def test_hand_built_mirror_pattern():
    mirrored = {k: (right, left) for k, (left, right) in LEFT_SESSION.items()}
    result = detect_pattern(comparisons(**mirrored))
    assert result.pattern is Pattern.MIRROR
    assert (result.left_count, result.mirror_count) == (0, 5)


def test_ankle_asymmetry_never_votes():
    """The old rule let ankle asymmetry vote for both patterns; now two indicator votes plus
    an asymmetric ankle are no pattern."""
    result = detect_pattern(
        comparisons(
            hip_ir_deg=(28, 41),
            hip_er_deg=(45, 33),
            foot_posture_index=(3, 3),
            thoracic_rot_deg=(50, 50),
            ankle_df_lunge_cm=(12, 8),
        )
    )
    assert (result.left_count, result.mirror_count) == (2, 0)
    assert result.pattern is Pattern.NONE
    assert result.supporting


def test_a_difference_within_the_error_is_not_clear_and_does_not_vote():
    values = dict(LEFT_SESSION)
    values["hip_ir_deg"] = (36, 41)  # 5° within the 5.4° error
    values["hip_er_deg"] = (40, 33)  # 7° within 8.6°
    values["thoracic_rot_deg"] = (50, 44)  # 6° within 6.3°
    result = detect_pattern(comparisons(**values))
    votes = {i.key: i.vote for i in result.indicators}
    assert votes["hip_ir_deg"] is Vote.NOT_CLEAR
    assert votes["hip_er_deg"] is Vote.NOT_CLEAR
    assert votes["thoracic_rot_deg"] is Vote.NOT_CLEAR
    assert result.pattern is Pattern.NONE  # 2 votes left
    line = indicator_line(result.indicators[0])
    assert line.startswith("Hip internal rotation: not clear (")
    assert "within the 5.4° error" in line


def test_a_painful_indicator_is_measured_but_does_not_vote():
    pain = {"hip_ir_deg": (7, 0), "thoracic_rot_deg": (0, 3)}
    result = detect_pattern(comparisons(pain=pain, **LEFT_SESSION))
    votes = {i.key: i.vote for i in result.indicators}
    assert votes["hip_ir_deg"] is Vote.PAIN_LIMITED
    assert votes["thoracic_rot_deg"] is Vote.PAIN_LIMITED
    assert result.measured_count == 5
    assert result.left_count == 3
    assert result.pattern is Pattern.LEFT  # carried by the other three votes
    assert "pain-limited" in indicator_line(result.indicators[0])
    assert "pain left 7/10" in indicator_line(result.indicators[0])


def test_pain_below_three_is_not_pain_limited():
    result = detect_pattern(comparisons(pain={"hip_ir_deg": (2, 2)}, **LEFT_SESSION))
    assert result.indicators[0].vote is Vote.LEFT


def test_three_votes_need_four_measured():
    values = {k: LEFT_SESSION[k] for k in ("hip_ir_deg", "hip_er_deg", "foot_posture_index")}
    assert detect_pattern(comparisons(**values)).pattern is Pattern.NONE
    values["thoracic_rot_deg"] = (50, 50)  # measured, not clear
    assert detect_pattern(comparisons(**values)).pattern is Pattern.LEFT


def test_fewer_than_three_is_no_pattern_and_unmeasured_are_listed():
    result = detect_pattern(comparisons(hip_ir_deg=(28, 41), hip_er_deg=(45, 33)))
    assert result.pattern is Pattern.NONE
    assert {i.name for i in result.not_measured()} == {
        "Foot posture",
        "Thoracic rotation",
        "Adduction drop test",
    }


def test_an_indicator_needs_both_sides():
    result = detect_pattern(comparisons(hip_ir_deg=(28, None)))
    assert result.indicators[0].vote is Vote.NOT_MEASURED


def test_drop_test_failed_on_both_sides_is_not_clear():
    result = detect_pattern(comparisons(adduction_drop_test=(FAIL, FAIL)))
    assert result.indicators[-1].vote is Vote.NOT_CLEAR


@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_the_decision_rule_on_counts(left, mirror, measured):
    if left + mirror > measured:
        return
    pattern = decide(left, mirror, measured)
    if measured < MIN_MEASURED or max(left, mirror) < MIN_VOTES:
        assert pattern is Pattern.NONE
    elif left > mirror:
        assert pattern is Pattern.LEFT
    elif mirror > left:
        assert pattern is Pattern.MIRROR
    else:
        assert pattern is Pattern.MIXED


def test_mixed_needs_three_votes_each_so_five_indicators_never_mix():
    assert decide(3, 3, 6) is Pattern.MIXED  # the rule as written
    assert all(
        decide(left, mirror, 5) is not Pattern.MIXED
        for left in range(6)
        for mirror in range(6 - left)
    )


@given(
    st.sampled_from(["hip_ir_deg", "hip_er_deg", "thoracic_rot_deg", "foot_posture_index"]),
    st.floats(0, 60, allow_nan=False),
    st.floats(-12, 12, allow_nan=False),
)
def test_a_vote_always_rests_on_a_difference_beyond_the_error(key, base, delta):
    d = CATALOG[key]
    if d.kind.value == "integer":
        base, delta = round(min(base, 12) - 6), round(delta)
    left, right = base, min(max(base + delta, d.min or 0), d.max or 0)
    left = min(max(left, d.min or 0), d.max or 0)
    c = compare(d, left, right)
    result = detect_pattern({key: c})
    vote = next(i.vote for i in result.indicators if i.key == key)
    assert c.diff is not None and d.error is not None
    if vote in (Vote.LEFT, Vote.MIRROR):
        assert abs(c.diff) > d.error
    else:
        assert vote is Vote.NOT_CLEAR
        assert abs(c.diff) <= d.error
