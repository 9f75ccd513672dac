"""What the progress report shows, as plain records: the services fill it, ``progress_pdf.py``
draws it.

The progress report is the clinician's letter to the referring doctor or insurer: who, when,
every measurement first against latest with its change judged against its error, the change of
asymmetry, the flags, the pattern with its evidence, the program with its adherence (when there
is one: the report never needs a saved program), and the clinician's own assessment and plan.
Kept apart from the drawing so that building it never imports reportlab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.asymmetry import AsymmetryChange, Comparison
from app.domain.catalog import MeasurementDef
from app.domain.chart_data import MeasurementTrend
from app.domain.drills import Dosage
from app.domain.patterns import PatternResult
from app.domain.progress_notes import NOTE_MAX
from app.domain.records import AthleteInfo
from app.domain.summary import Change

ASSESSMENT_MAX = NOTE_MAX  # characters of the assessment, and of the plan (the domain's limit)


@dataclass(frozen=True)
class ProgressRow:
    """One measurement: the first session it was measured in against the latest session."""

    definition: MeasurementDef
    first: Comparison | None  # the athlete's first session
    latest: Comparison | None  # the latest session
    left_change: Change
    right_change: Change
    asymmetry: AsymmetryChange | None


@dataclass(frozen=True)
class ProgressDrill:
    name: str
    dosage: Dosage
    adherence: float | None  # percent of the sessions due so far; None before the start


@dataclass(frozen=True)
class ProgressProgram:
    start: dt.date
    end: dt.date
    weeks: int
    drills: tuple[ProgressDrill, ...]
    adherence: float | None  # percent of every item's sessions due by the print date
    versions: int  # saved versions of the athlete's program (the earliest started first)
    first_start: dt.date


@dataclass(frozen=True)
class ProgressReport:
    clinic_name: str
    logo_png: bytes | None
    athlete: AthleteInfo
    printed: dt.date
    first_session: dt.date | None
    latest_session: dt.date | None
    session_count: int
    rows: tuple[ProgressRow, ...]
    pattern_first: PatternResult | None
    pattern_latest: PatternResult | None
    trends: tuple[MeasurementTrend, ...]  # measured at least twice; flagged first
    program: ProgressProgram | None
    assessment: str = ""
    plan: str = ""
    language: str = "en"
    paper: str = "a4"
    length_unit: str = "cm"
    solo: bool = False
