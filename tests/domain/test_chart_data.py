import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.asymmetry import Flag, compare, round_side
from app.domain.catalog import Catalog
from app.domain.chart_data import (
    Band,
    DateRange,
    PanelKind,
    RangeChoice,
    build_trend,
    build_trends,
    date_to_x,
    months_before,
    range_for,
    x_to_date,
)
from app.domain.records import HistoryPoint

CATALOG = Catalog()
D0 = dt.date(2026, 1, 5)


def history(*values: tuple[float | None, float | None], step: int = 14) -> list[HistoryPoint]:
    return [
        HistoryPoint(i + 1, D0 + dt.timedelta(days=step * i), left, right)
        for i, (left, right) in enumerate(values)
    ]


def test_dates_map_to_utc_midnight_seconds_and_back():
    assert date_to_x(dt.date(1970, 1, 2)) == 86_400.0
    assert date_to_x(D0) == dt.datetime(2026, 1, 5, tzinfo=dt.UTC).timestamp()
    assert x_to_date(date_to_x(D0)) == D0
    assert x_to_date(date_to_x(D0) + 3600) == D0  # a nudge within the day stays on the day


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 25), 3, dt.date(2026, 8, 25)),
        (dt.date(2026, 2, 15), 12, dt.date(2025, 2, 15)),
        (dt.date(2026, 5, 31), 3, dt.date(2026, 2, 28)),  # clamped to the month's end
        (dt.date(2024, 5, 31), 3, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 31), 1, dt.date(2025, 12, 31)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


def test_range_choices():
    today = dt.date(2026, 11, 25)
    assert range_for(RangeChoice.ALL, today) == DateRange()
    assert range_for(RangeChoice.MONTHS_3, today) == DateRange(dt.date(2026, 8, 25), None)
    assert range_for(RangeChoice.MONTHS_12, today).start == dt.date(2025, 11, 25)
    a, b = dt.date(2026, 3, 1), dt.date(2026, 1, 1)
    assert range_for(RangeChoice.CUSTOM, today, a, b) == DateRange(b, a)  # given backwards
    assert D0 in DateRange(D0, D0)
    assert D0 not in DateRange(D0 + dt.timedelta(days=1), None)


def test_diff_trend_has_both_series_a_signed_lower_panel_and_a_threshold_band():
    hip = CATALOG["hip_ir_deg"]
    trend = build_trend(hip, history((24, 40), (30, 39), (35, 39)))
    assert trend.panel is PanelKind.DIFF
    assert trend.values("left") == [24, 30, 35]
    assert trend.values("right") == [40, 39, 39]
    assert trend.asymmetry_values() == [16, 9, 4]  # R − L
    assert trend.threshold_band == Band(-10.0, 10.0)
    assert [p.flag for p in trend.points] == [Flag.ASYMMETRIC, Flag.WATCH, Flag.OK]
    assert trend.latest_flag is Flag.OK
    assert trend.panel_label() == "R − L (deg)"
    assert trend.xs == [date_to_x(D0 + dt.timedelta(days=14 * i)) for i in range(3)]


def test_flags_are_the_ones_compare_gives():
    calf = CATALOG["calf_raise_reps"]
    points = [(30, 20), (30, 27), (28, 30), (None, 25)]
    trend = build_trend(calf, history(*points), involved="right")
    assert [p.flag for p in trend.points] == [
        compare(calf, left, right, "right").flag for left, right in points
    ]
    assert trend.points[1].lsi == pytest.approx(90.0)


@given(
    st.sampled_from(sorted(CATALOG.keys())),
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(min_value=0, max_value=300)),
            st.one_of(st.none(), st.floats(min_value=0, max_value=300)),
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([None, "left", "right"]),
)
def test_every_point_has_the_figures_compare_gives(key, values, involved):
    definition = CATALOG[key]
    trend = build_trend(definition, history(*values), involved=involved)
    for point, (left, right) in zip(trend.points, values, strict=True):
        c = compare(definition, left, right, involved)
        assert (point.flag, point.diff, point.lsi) == (c.flag, c.diff, c.lsi)


def test_a_missing_side_is_a_gap_never_a_zero():
    trend = build_trend(CATALOG["single_hop_cm"], history((150, 140), (152, None), (155, 150)))
    assert trend.values("right") == [140, None, 150]
    middle = trend.points[1]
    assert middle.diff is None and middle.lsi is None and middle.asymmetry is None
    assert middle.flag is Flag.INCOMPLETE
    assert middle.right_beyond_mdc is None


def test_lsi_band_runs_from_the_cutoff_to_100_or_higher():
    hop = CATALOG["single_hop_cm"]
    assert build_trend(hop, history((150, 140))).threshold_band == Band(90.0, 100.0)
    # The involved side outperforming the other gives LSI > 100 %: still inside the band.
    trend = build_trend(hop, history((120, 126)), involved="right")
    assert trend.threshold_band == Band(90.0, pytest.approx(105.0))
    assert trend.panel is PanelKind.LSI and trend.panel_label() == "LSI (%)"


def test_threshold_overrides_from_the_clinic_reach_the_band():
    catalog = Catalog(thresholds={"hip_ir_deg": 8.0})
    assert build_trend(catalog["hip_ir_deg"], history((30, 35))).threshold_band == Band(-8, 8)


def test_inches_convert_values_band_and_mdc_but_not_flags():
    lunge = CATALOG["ankle_df_lunge_cm"]
    cm = build_trend(lunge, history((12.7, 10.16)))
    inch = build_trend(lunge, history((12.7, 10.16)), length_unit="in")
    assert inch.unit == "in"
    assert inch.values("left") == [pytest.approx(5.0)]
    # each side is rounded as the catalog shows it (10.16 cm → 10.2 cm) before converting
    assert inch.values("right") == [pytest.approx(10.2 / 2.54)]
    assert inch.threshold_band.high == pytest.approx(2.0 / 2.54)
    assert inch.mdc == pytest.approx(1.9 / 2.54)
    assert inch.points[0].flag is cm.points[0].flag is Flag.ASYMMETRIC
    assert inch.panel_label() == "R − L (in)"


def test_real_change_is_judged_against_each_sides_first_value():
    hip = CATALOG["hip_ir_deg"]  # MDC 5.4°
    trend = build_trend(hip, history((None, 40), (24, 41), (29, 42), (30, 46)))
    assert trend.left_reference == 24 and trend.right_reference == 40
    assert [p.left_beyond_mdc for p in trend.points] == [None, False, False, True]
    assert [p.right_beyond_mdc for p in trend.points] == [False, False, False, True]
    assert trend.mdc_band("left") == Band(24 - 5.4, 24 + 5.4)


def test_without_a_published_mdc_nothing_is_called_a_real_change():
    from dataclasses import replace

    no_error = replace(CATALOG["calf_raise_reps"], mdc=None)  # a clinic's, without an error
    trend = build_trend(no_error, history((20, 30), (40, 30)))
    assert trend.mdc is None and trend.mdc_band("left") is None
    assert {p.left_beyond_mdc for p in trend.points} == {None}


def test_the_date_range_drops_old_points_and_moves_the_reference():
    hip = CATALOG["hip_ir_deg"]
    points = history((20, 40), (24, 40), (28, 40), (31, 40), step=30)
    start = D0 + dt.timedelta(days=45)
    trend = build_trend(hip, points, date_range=DateRange(start, None))
    assert [p.date for p in trend.points] == [D0 + dt.timedelta(days=d) for d in (60, 90)]
    assert trend.left_reference == 28
    assert build_trend(hip, points, date_range=DateRange(None, D0)).values("left") == [20]


def test_program_starts_outside_the_range_are_left_out():
    starts = [D0 + dt.timedelta(days=30), D0 - dt.timedelta(days=30), D0 + dt.timedelta(days=30)]
    trend = build_trend(
        CATALOG["hip_ir_deg"],
        history((20, 40)),
        date_range=DateRange(D0, None),
        program_starts=starts,
    )
    assert trend.program_starts == (D0 + dt.timedelta(days=30),)


def test_passfail_has_no_lower_panel():
    trend = build_trend(CATALOG["adduction_drop_test"], history((0.0, 1.0), (1.0, 1.0)))
    assert trend.panel is PanelKind.PASSFAIL and trend.threshold_band is None
    assert [p.flag for p in trend.points] == [Flag.ASYMMETRIC, Flag.OK]
    assert trend.asymmetry_values() == [None, None]


def test_nearest_point_in_time():
    trend = build_trend(CATALOG["hip_ir_deg"], history((20, 40), (24, 40), (28, 40)))
    xs = trend.xs
    assert trend.nearest(xs[0] - 1e6).session_id == 1
    assert trend.nearest(xs[1] + 0.4 * (xs[2] - xs[1])).session_id == 2
    assert trend.nearest(xs[1] + 0.6 * (xs[2] - xs[1])).session_id == 3
    assert trend.nearest(xs[2] + 1e9).session_id == 3
    assert build_trend(CATALOG["hip_ir_deg"], []).nearest(0) is None


def test_overview_puts_flagged_measurements_first_and_skips_unknown_keys():
    data = {
        "hip_ir_deg": history((35, 36)),  # ok
        "hip_er_deg": history((40, 31)),  # watch (9 ≥ 7.5)
        "calf_raise_reps": history((30, 20)),  # asymmetric
        "single_hop_cm": history((150, None)),  # incomplete
        "thoracic_rot_deg": history((50, 62)),  # asymmetric, later in the catalog
        "retired_key": history((1, 2)),
        "side_plank_s": [],
    }
    trends = build_trends(CATALOG, data)
    assert [t.key for t in trends] == [
        "thoracic_rot_deg",
        "calf_raise_reps",
        "hip_er_deg",
        "hip_ir_deg",
        "single_hop_cm",
    ]


def test_overview_keeps_a_measurement_with_no_points_in_range():
    data = {"hip_ir_deg": history((35, 36)), "hip_er_deg": history((40, 31), step=1)}
    trends = build_trends(CATALOG, data, date_range=DateRange(D0 + dt.timedelta(days=1), None))
    assert {t.key: len(t.points) for t in trends} == {"hip_ir_deg": 0, "hip_er_deg": 0}


sides = st.one_of(st.none(), st.floats(0, 90, allow_nan=False))


@given(st.lists(st.tuples(sides, sides), max_size=30))
def test_series_keep_every_session_in_order_and_gaps_as_none(values):
    trend = build_trend(CATALOG["hip_ir_deg"], history(*values))
    shown = [(round_side(left, 1), round_side(right, 1)) for left, right in values]
    assert trend.values("left") == [left for left, _ in shown]
    assert trend.values("right") == [right for _, right in shown]
    assert trend.xs == sorted(trend.xs)
    for point in trend.points:
        if point.left is None or point.right is None:
            assert point.asymmetry is None and point.flag is Flag.INCOMPLETE
        else:
            assert math.isclose(point.asymmetry, point.right - point.left, abs_tol=1e-9)


def test_a_trend_carries_the_change_of_asymmetry_against_root_two_errors():
    hip = CATALOG["hip_ir_deg"]  # E 5.4°: a change of asymmetry needs more than 7.6°
    trend = build_trend(hip, history((22, 40), (None, 41), (30, 40)))
    assert trend.change is not None and trend.change.verdict == "reduced"
    assert trend.change.text() == (
        "asymmetry reduced from 18° to 10° (beyond the 7.6° error of a change)"
    )
    assert build_trend(hip, history((22, 40))).change is None  # one session: nothing to compare
