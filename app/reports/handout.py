"""What the PDF handout shows, as plain records: the services fill it, ``pdf.py`` draws it.

Kept apart from ``pdf.py`` so that building the data never imports reportlab (start-up time),
and so a test can check what goes on paper without parsing a PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.chart_data import MeasurementTrend
from app.domain.drills import Dosage, Drill
from app.domain.programs import Adherence
from app.domain.records import AthleteInfo, PhotoMeasurement
from app.domain.summary import SessionFindings

PAPERS = ("a4", "letter")
TICKS = ("from-today", "whole")  # the tick sheet: from the print date on, or every day


@dataclass(frozen=True)
class HandoutDrill:
    """One drill as the athlete is to do it: already turned to its side."""

    drill: Drill
    dosage: Dosage
    notes: str = ""
    item_id: int | None = None
    image: bytes | None = None  # a clinic's own picture instead of the built-in drawing
    image_type: str = ""  # "png", "jpeg" or "svg"


@dataclass(frozen=True)
class HandoutPhoto:
    """A photo the clinician chose to print, with its caption (test, date, side, angle)."""

    caption: str
    measurement: PhotoMeasurement


@dataclass(frozen=True)
class Handout:
    clinic_name: str
    logo_png: bytes | None
    athlete: AthleteInfo
    printed: dt.date
    findings: SessionFindings | None
    first_session: dt.date | None
    session_count: int
    trends: tuple[MeasurementTrend, ...]  # charts of the flagged measurements
    drills: tuple[HandoutDrill, ...]
    start_date: dt.date
    weeks: int
    program_notes: str = ""
    reasons: tuple[str, ...] = ()
    suggested: bool = False  # a suggestion not saved yet (no adherence)
    adherence: Adherence | None = None
    length_unit: str = "cm"
    paper: str = "a4"
    photos: tuple[HandoutPhoto, ...] = ()  # printed only when chosen (off by default)
    solo: bool = False  # an athlete tracking themselves: the handout names no clinician
    language: str = "en"  # the reader's language code (app.domain.language)
    ticks: str = "from-today"  # one of TICKS
