"""Demo data: three athletes whose numbers tell the stories the app is built to show.

* Ava Lindqvist — the common left pattern (DOMAIN.md §2), improving over six months of work:
  her hip IR and thoracic rotation asymmetries shrink by more than the error of a change, and
  four indicators still vote for the pattern at the end.
* Ben Okafor — the mirror pattern (every indicator beyond its error), barely changing.
* Chloé Martin — near symmetric, with measurement noise only: no pattern, nothing to suggest.
The numbers are deterministic (seeded), so the demo looks the same each time it is made.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from app.domain.catalog import Catalog, ResultRule
from app.domain.messages import msg
from app.domain.records import AthleteData, MeasurementInput
from app.models.db import Database
from app.services.athletes import create_athlete, list_athletes
from app.services.errors import ServiceError
from app.services.sessions import record_session

SESSIONS = 14
DAYS_BETWEEN = 14

# key: (left at start, right at start, left at end, right at end) for the left pattern.
LEFT_PATTERN: dict[str, tuple[float, float, float, float]] = {
    "ankle_df_lunge_cm": (12.0, 8.5, 12.5, 11.5),
    "ankle_df_lunge_deg": (43.0, 31.0, 45.0, 41.5),
    # the five indicators (DOMAIN.md §5): at the end four still vote beyond their error, so
    # Ava keeps the left pattern while her asymmetries shrink (hip IR and thoracic rotation by
    # more than the error of a change)
    "hip_ir_deg": (22.0, 40.0, 30.0, 39.0),
    "hip_er_deg": (48.0, 30.0, 46.0, 35.0),
    "thoracic_rot_deg": (56.0, 38.0, 55.0, 47.0),
    "foot_posture_index": (7.0, 0.0, 6.0, 2.0),
    "ybt_anterior_cm": (63.0, 56.0, 64.0, 62.0),
    "single_hop_cm": (162.0, 139.0, 168.0, 160.0),
    "calf_raise_reps": (29.0, 21.0, 31.0, 28.0),
    "single_leg_bridge_reps": (25.0, 19.0, 27.0, 25.0),
    "side_plank_s": (72.0, 52.0, 78.0, 71.0),
}
INDICATORS = ("hip_ir_deg", "hip_er_deg", "thoracic_rot_deg", "foot_posture_index")
NOISE = {"deg": 0.8, "cm": 0.4, "score": 0.0, "reps": 1.0, "s": 2.0}


def _trials(rng: random.Random, value: float, best: bool, decimals: int) -> tuple[float, ...]:
    if not best:
        return (round(value, decimals),)
    others = [round(value - abs(rng.gauss(0.6, 0.4)), decimals) for _ in range(2)]
    return (*others, round(value, decimals))


def _athlete_sessions(
    db: Database,
    catalog: Catalog,
    athlete_id: int,
    seed: int,
    values: Callable[[str, float], tuple[float, float]],
    today: dt.date,
    passes: Callable[[float], tuple[bool, bool]],
) -> None:
    rng = random.Random(seed)
    first_day = today - dt.timedelta(days=DAYS_BETWEEN * (SESSIONS - 1))
    for n in range(SESSIONS):
        progress = n / (SESSIONS - 1)
        inputs = []
        for key in LEFT_PATTERN:
            definition = catalog[key]
            if key == "ankle_df_lunge_deg" and n % 3 == 1:
                continue  # the inclinometer was not at hand: a gap in the chart
            left, right = values(key, progress)
            decimals = 0 if definition.kind.value == "integer" else 1
            if decimals:
                noise = NOISE.get(definition.unit, 0.5)
                left += rng.gauss(0, noise) * (1 - 0.5 * progress)
                right += rng.gauss(0, noise) * (1 - 0.5 * progress)
            best = definition.result is ResultRule.BEST
            left_trials = _trials(rng, left, best, decimals)
            right_trials = _trials(rng, right, best, decimals)
            if key == "single_hop_cm" and n == 2:
                right_trials = ()  # not hopped on the right that day (sore)
            inputs.append(
                MeasurementInput(
                    key,
                    left_trials,
                    right_trials,
                    pain_right=2 if key == "single_hop_cm" and n == 2 else None,
                )
            )
        left_pass, right_pass = passes(progress)
        inputs.append(
            MeasurementInput(
                "adduction_drop_test",
                ("pass" if left_pass else "fail",),
                ("pass" if right_pass else "fail",),
            )
        )
        record_session(
            db,
            catalog,
            athlete_id,
            first_day + dt.timedelta(days=DAYS_BETWEEN * n),
            inputs,
            clinician="Dr. Sam Reyes",
        )


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def create_demo(db: Database, catalog: Catalog, today: dt.date | None = None) -> None:
    """Fill an empty database with the demo athletes; refuses a database that has athletes."""
    if list_athletes(db, include_archived=True):
        raise ServiceError(msg("The database already has athletes; the demo needs an empty one."))
    today = today or dt.date.today()

    ava = create_athlete(
        db,
        AthleteData(
            name="Ava Lindqvist",
            birth_date=dt.date(1994, 3, 12),
            sex="female",
            sport="Trail running",
            dominant_side="right",
            leg_length_left_cm=88.5,
            leg_length_right_cm=88.0,
            notes="Recurring right Achilles tightness; left groin niggles.",
        ),
    )

    def ava_values(key: str, t: float) -> tuple[float, float]:
        l0, r0, l1, r1 = LEFT_PATTERN[key]
        ease = 1 - (1 - t) ** 2  # most change in the first weeks, then it settles
        return _lerp(l0, l1, ease), _lerp(r0, r1, ease)

    _athlete_sessions(db, catalog, ava.id, 1, ava_values, today, lambda t: (t > 0.55, True))

    ben = create_athlete(
        db,
        AthleteData(
            name="Ben Okafor",
            birth_date=dt.date(1988, 9, 2),
            sex="male",
            sport="Football",
            dominant_side="left",
            leg_length_left_cm=95.0,
            leg_length_right_cm=95.5,
            notes="Mirror-pattern findings; program started late.",
        ),
    )

    def ben_values(key: str, t: float) -> tuple[float, float]:
        l0, r0, l1, r1 = LEFT_PATTERN[key]
        if key not in INDICATORS:  # the mirror pattern alone: the rest near symmetric
            middle = (l1 + r1) / 2
            return middle + 0.4, middle
        return _lerp(r0, r0 + (r1 - r0) * 0.25, t), _lerp(l0, l0 + (l1 - l0) * 0.25, t)

    _athlete_sessions(db, catalog, ben.id, 2, ben_values, today, lambda t: (True, False))

    chloe = create_athlete(
        db,
        AthleteData(
            name="Chloé Martin",
            birth_date=dt.date(2001, 6, 30),
            sex="female",
            sport="Triathlon",
            dominant_side="right",
            leg_length_left_cm=84.0,
            leg_length_right_cm=84.0,
        ),
    )

    # Small side differences pointing both ways, so no pattern emerges (as in most people).
    chloe_offsets = {
        "hip_ir_deg": -1.5,
        "hip_er_deg": -1.5,
        "thoracic_rot_deg": 1.5,
        "foot_posture_index": 0.0,
    }

    def chloe_values(key: str, t: float) -> tuple[float, float]:
        *_, l1, r1 = LEFT_PATTERN[key]
        middle = (l1 + r1) / 2
        return middle, middle + chloe_offsets.get(key, 0.3)

    _athlete_sessions(db, catalog, chloe.id, 3, chloe_values, today, lambda t: (True, True))
    _demo_program(db, catalog, ava.id, today)


def _demo_program(db: Database, catalog: Catalog, athlete_id: int, today: dt.date) -> None:
    """Ava's program, started ten weeks ago, mostly kept: a marker on the trend charts and an
    adherence figure on the handout."""
    from app.services.programs import draft_data, mark_days_done, save_program, suggest

    start = today - dt.timedelta(weeks=10)
    draft = suggest(db, catalog, athlete_id)
    program = save_program(db, athlete_id, draft_data(draft, start, weeks=12), None)
    rng = random.Random(4)
    ticks: dict[int, list[dt.date]] = {}
    for item in program.items:
        assert item.id is not None
        days = []
        for week in range(10):
            monday = start + dt.timedelta(weeks=week)
            kept = min(7, max(0, item.dosage.per_week - (1 if rng.random() < 0.4 else 0)))
            days += [monday + dt.timedelta(days=d) for d in sorted(rng.sample(range(7), kept))]
        ticks[item.id] = [d for d in days if d <= today]
    mark_days_done(db, ticks)
