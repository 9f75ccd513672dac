from app.domain.asymmetry import compare
from app.domain.catalog import FAIL, PASS, Catalog
from app.domain.patterns import Pattern, Vote, detect_pattern

CATALOG = Catalog()


def comparisons(**values):
    return {k: compare(CATALOG[k], left, right) for k, (left, right) in values.items()}


LEFT_SESSION = dict(  # the common pattern of DOMAIN.md §2
    hip_ir_deg=(28, 41),  # left IR < right
    hip_er_deg=(45, 33),  # right ER < left
    foot_posture_index=(6, 1),  # left more pronated
    thoracic_rot_deg=(55, 42),  # rotation to the right < to the left
    adduction_drop_test=(FAIL, PASS),  # failed on the left
    ankle_df_lunge_cm=(12, 9),  # asymmetric (≥ 1.5 cm): counts for both
)


def test_hand_built_left_pattern():
    result = detect_pattern(comparisons(**LEFT_SESSION))
    assert result.pattern is Pattern.LEFT
    assert (result.left_count, result.mirror_count) == (6, 1)
    assert len(result.agreeing()) == 6


def test_hand_built_mirror_pattern():
    mirrored = {k: (right, left) for k, (left, right) in LEFT_SESSION.items()}
    result = detect_pattern(comparisons(**mirrored))
    assert result.pattern is Pattern.MIRROR
    assert (result.left_count, result.mirror_count) == (1, 6)


def test_a_tie_at_three_is_mixed():
    result = detect_pattern(
        comparisons(
            hip_ir_deg=(28, 41),  # left
            hip_er_deg=(45, 33),  # left
            foot_posture_index=(1, 6),  # mirror
            thoracic_rot_deg=(42, 55),  # mirror
            ankle_df_lunge_cm=(12, 9),  # both
        )
    )
    assert (result.left_count, result.mirror_count) == (3, 3)
    assert result.pattern is Pattern.MIXED


def test_fewer_than_three_is_no_pattern_and_unmeasured_are_listed():
    result = detect_pattern(comparisons(hip_ir_deg=(28, 41), hip_er_deg=(45, 33)))
    assert result.pattern is Pattern.NONE
    assert {i.name for i in result.not_measured()} == {
        "Foot posture",
        "Thoracic rotation",
        "Adduction drop test",
        "Ankle dorsiflexion",
    }


def test_an_indicator_needs_both_sides():
    result = detect_pattern(comparisons(hip_ir_deg=(28, None)))
    assert result.indicators[0].vote is Vote.NOT_MEASURED


def test_ankle_watch_does_not_count():
    result = detect_pattern(comparisons(ankle_df_lunge_cm=(12, 10.8)))  # 1.2 cm: watch only
    assert result.indicators[-1].vote is Vote.NEITHER
