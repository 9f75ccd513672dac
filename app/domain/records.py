"""Plain records that services hand to views, the CLI and reports (never ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

SideName = Literal["left", "right"]
SIDES: tuple[SideName, ...] = ("left", "right")


@dataclass(frozen=True)
class AthleteData:
    """What a user enters about an athlete (create and edit)."""

    name: str
    birth_date: dt.date | None = None
    sex: str | None = None
    sport: str | None = None
    dominant_side: SideName | None = None
    involved_side: SideName | None = None
    injury_date: dt.date | None = None
    injury_notes: str | None = None
    leg_length_left_cm: float | None = None
    leg_length_right_cm: float | None = None
    notes: str | None = None
    # the language of the athlete's handout ("de"); None: the app's language, whichever it is
    # when printing (see ``app.services.athletes.handout_language``)
    handout_language: str | None = None


@dataclass(frozen=True)
class AthleteInfo(AthleteData):
    id: int = 0
    archived: bool = False
    version: int = 1

    def data(self) -> AthleteData:
        return AthleteData(**{f: getattr(self, f) for f in AthleteData.__dataclass_fields__})


@dataclass(frozen=True)
class PhotoMeasurement:
    """An angle measured on a photo, kept with one side and trial of a measurement
    (DOMAIN.md §8): the stored picture (re-encoded, no metadata), its points and optional
    plumb line in that picture's pixels, and the angle they give."""

    side: SideName
    trial: int  # 1–3: the trial's place among the side's values
    image: bytes
    image_type: str  # "jpeg" (or "png" from an import)
    width: int
    height: int
    points: tuple[tuple[float, float], ...]
    plumb: tuple[tuple[float, float], ...] | None
    angle: float


@dataclass(frozen=True)
class MeasurementInput:
    """One measurement as typed: up to three trials per side, raw (validated by services).

    ``photos``: the photos the form holds for it (each for a trial that has a value), or
    ``None`` to keep what is stored: a caller that never showed the photos cannot drop them.
    """

    key: str
    left: tuple[object, ...] = ()
    right: tuple[object, ...] = ()
    pain_left: object = None
    pain_right: object = None
    notes: str | None = None
    photos: tuple[PhotoMeasurement, ...] | None = None


class MeasurementRecord(NamedTuple):
    """One stored measurement of a session: trials, results, pain and notes.

    A named tuple rather than a frozen dataclass: an athlete with 500 sessions brings 6,000 of
    them each time the Sessions page shows them, and tuples are built four times faster.
    """

    key: str
    left_trials: tuple[float, ...]
    right_trials: tuple[float, ...]
    left: float | None
    right: float | None
    pain_left: int | None = None
    pain_right: int | None = None
    notes: str | None = None
    photos: tuple[PhotoMeasurement, ...] = ()  # read with the session (not by list_sessions)

    def as_input(self) -> MeasurementInput:
        return MeasurementInput(
            self.key,
            self.left_trials,
            self.right_trials,
            self.pain_left,
            self.pain_right,
            self.notes,
            self.photos or None,  # none shown: keep what is stored
        )

    def photo(self, side: str, trial: int) -> PhotoMeasurement | None:
        return next((p for p in self.photos if p.side == side and p.trial == trial), None)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    athlete_id: int
    date: dt.date
    clinician: str | None
    notes: str | None
    version: int
    measurements: tuple[MeasurementRecord, ...] = field(default=())

    def measurement(self, key: str) -> MeasurementRecord | None:
        return next((m for m in self.measurements if m.key == key), None)


@dataclass(frozen=True)
class SessionHistory:
    """The newest sessions of an athlete (a page), the first one, and how many there are.

    What the Sessions page shows for an athlete without reading a long history whole: the
    newest page fills the visible rows and names the usual measurements, the first session is
    the baseline of "since first", and the count heads the page. Older pages are read when the
    history scrolls near its end (:func:`app.services.sessions.older_sessions`).
    """

    newest: tuple[SessionRecord, ...]  # newest first
    first: SessionRecord | None  # the oldest session (also in ``newest`` when all fit)
    count: int

    @property
    def more(self) -> bool:
        """Sessions older than the page (read on demand)."""
        return len(self.newest) < self.count


class HistoryPoint(NamedTuple):
    """One session's result for one measurement (a point of a trend chart).

    A named tuple, like :class:`MeasurementRecord`: charts read thousands of them at a time.
    """

    session_id: int
    date: dt.date
    left: float | None
    right: float | None
    pain_limited: bool = False  # pain ≥ 3/10 on a side (DOMAIN.md §4)
