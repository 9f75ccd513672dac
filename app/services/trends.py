"""Everything the trend charts of one athlete need, fetched in four small queries.

The Trends page redraws a dozen charts whenever the athlete changes, so this reads all
measurement results of the athlete at once (one query, no ORM objects) instead of one query per
measurement. Charts and the PDF report then build their series with
:mod:`app.domain.chart_data`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain.asymmetry import Side, is_pain_limited
from app.domain.catalog import Catalog
from app.domain.chart_data import DateRange, MeasurementTrend, build_trend, build_trends
from app.domain.messages import msg
from app.domain.records import HistoryPoint
from app.models import Assessment, Athlete, Measurement, Program
from app.models.db import Database
from app.services.errors import NotFound


@dataclass(frozen=True)
class AthleteTrendData:
    """An athlete's measurement history by catalog key (oldest first) and program starts."""

    athlete_id: int
    name: str
    involved: Side | None
    history: Mapping[str, tuple[HistoryPoint, ...]] = field(default_factory=dict)
    program_starts: tuple[dt.date, ...] = ()

    @property
    def session_count(self) -> int:
        return len({p.session_id for points in self.history.values() for p in points})

    def trends(
        self, catalog: Catalog, length_unit: str, date_range: DateRange | None = None
    ) -> list[MeasurementTrend]:
        """Small-multiples data (flagged first), see :func:`build_trends`."""
        return build_trends(
            catalog,
            self.history,
            involved=self.involved,
            length_unit=length_unit,
            date_range=date_range,
            program_starts=self.program_starts,
        )

    def trend(
        self, catalog: Catalog, key: str, length_unit: str, date_range: DateRange | None = None
    ) -> MeasurementTrend | None:
        """One measurement's chart data; ``None`` when it is unknown or never measured."""
        if key not in catalog or not self.history.get(key):
            return None
        return build_trend(
            catalog[key],
            self.history[key],
            involved=self.involved,
            length_unit=length_unit,
            date_range=date_range,
            program_starts=self.program_starts,
        )


def load_trend_data(db: Database, athlete_id: int) -> AthleteTrendData:
    """All measurement results of an athlete, grouped by key, plus their program start dates."""
    # Dates come with the sessions (500 rows), not with every measurement (6,000): turning
    # SQLite's date text into dates is most of the cost of reading a row.
    dates = select(Assessment.id, Assessment.date).where(Assessment.athlete_id == athlete_id)
    results = (
        select(
            Measurement.key,
            Measurement.assessment_id,
            Measurement.left,
            Measurement.right,
            Measurement.pain_left,
            Measurement.pain_right,
        )
        .join(Assessment, Measurement.assessment_id == Assessment.id)
        .where(Assessment.athlete_id == athlete_id)
        .order_by(Assessment.date, Assessment.id)
    )
    starts = (  # the one query for program start dates (markers on the charts)
        select(Program.start_date)
        .where(Program.athlete_id == athlete_id)
        .distinct()
        .order_by(Program.start_date)
    )
    with db.read() as session:
        connection = session.connection()  # Core rows, without the ORM's row wrapping
        athlete = connection.execute(
            select(Athlete.name, Athlete.involved_side).where(Athlete.id == athlete_id)
        ).one_or_none()
        if athlete is None:
            raise NotFound(
                msg("No athlete with id {athlete_id} (deleted elsewhere?).", athlete_id=athlete_id)
            )
        rows = connection.execute(results).all()
        date_of = dict(connection.execute(dates).all())
        grouped: dict[str, list[HistoryPoint]] = {}
        for key, session_id, left, right, pain_left, pain_right in rows:
            date = date_of.get(session_id)
            if date is not None:  # None: deleted elsewhere between the two reads
                painful = is_pain_limited(pain_left, pain_right)
                grouped.setdefault(key, []).append(
                    HistoryPoint(session_id, date, left, right, painful)
                )
        program_starts = tuple(connection.scalars(starts))
    involved = athlete.involved_side if athlete.involved_side in ("left", "right") else None
    return AthleteTrendData(
        athlete_id=athlete_id,
        name=athlete.name,
        involved=involved,
        history={key: tuple(points) for key, points in grouped.items()},
        program_starts=program_starts,
    )
