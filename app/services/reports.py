"""The progress report for the referrer or insurer: read the athlete's history, draw the PDF.

It never needs a saved program (the program and its adherence are shown when there is one).
The clinician's assessment and plan are passed in (the dialog, ``--assessment``/``--plan``) or,
when not given, read from the athlete's stored note (:mod:`app.services.progress_notes`).
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.asymmetry import Comparison, Flag, asymmetry_change, is_real_change
from app.domain.catalog import Catalog
from app.domain.language import known_language
from app.domain.messages import msg
from app.domain.patterns import PatternResult, detect_pattern
from app.domain.progress_notes import NOTE_MAX, note_problem
from app.domain.summary import Change, session_comparisons
from app.domain.validation import sentence
from app.models.db import Database
from app.services.drills import drills_for
from app.services.errors import ServiceError
from app.services.interchange import ImportFileError, open_import_file, output_file
from app.services.programs import (
    WrittenPdf,
    adherence,
    latest_program,
    list_versions,
    program_drills,
    report_language,
    write_pdf,
)
from app.services.progress import SILENT, Progress
from app.services.progress_notes import get_progress_notes
from app.services.sessions import list_sessions
from app.services.settings import ClinicSettings
from app.services.summary import latest_summary

if TYPE_CHECKING:
    from app.reports.progress import ProgressReport

MAX_CHARTS = 8


class InvalidText(ServiceError):
    """An assessment or plan that cannot be printed (too long, control characters)."""


def checked_text(value: str, what: str) -> str:
    """The assessment or plan as typed, refused with a plain message when it cannot print."""
    problem = note_problem(value, what)
    if problem:
        raise InvalidText(sentence(problem))
    return value.strip()


def read_text_file(path: str, what: str) -> str:
    """``--assessment @FILE``: a UTF-8 text file (a regular file, at most a few pages)."""
    try:
        with open_import_file(path) as handle:
            data = handle.read(NOTE_MAX * 4 + 4)
    except ImportFileError as exc:
        raise InvalidText(exc.message) from None
    try:
        value = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidText(msg("{path}: {what} is not UTF-8 text.", path=path, what=what)) from None
    return checked_text(value, what)


def progress_report_for(
    db: Database,
    catalog: Catalog,
    settings: ClinicSettings,
    athlete_id: int,
    *,
    paper: str | None = None,
    language: str | None = None,
    assessment: str | None = None,
    plan: str | None = None,
    today: dt.date | None = None,
) -> ProgressReport:
    """Everything the progress report shows (see :class:`app.reports.progress.ProgressReport`).

    ``assessment``/``plan``: the text to print; ``None`` prints the athlete's stored one.
    """
    from app.reports.progress import ProgressDrill, ProgressProgram, ProgressReport, ProgressRow
    from app.services.trends import load_trend_data

    today = today or dt.date.today()
    if assessment is None or plan is None:
        stored = get_progress_notes(db, athlete_id)
        assessment = stored.assessment if assessment is None else assessment
        plan = stored.plan if plan is None else plan
    assessment = checked_text(assessment, "the assessment")
    plan = checked_text(plan, "the plan")
    summary = latest_summary(db, catalog, athlete_id)
    athlete = summary.athlete
    sessions = list_sessions(db, athlete_id, catalog)  # newest first
    rows = []
    trends = []
    pattern_first = None
    findings = summary.latest
    if sessions and findings is not None:
        first = session_comparisons(catalog, sessions[-1], athlete.involved_side, athlete)
        latest = findings.comparisons()
        many = len(sessions) > 1
        pattern_first = _pattern(first) if many else None
        keys = sorted(set(first) | set(latest), key=catalog.order)
        for key in keys:
            f = first.get(key) if many else None
            c = latest.get(key)
            d = catalog[key]
            rows.append(
                ProgressRow(
                    definition=d,
                    first=f,
                    latest=c,
                    left_change=_change(f.left if f else None, c.left if c else None, d.mdc)
                    if many
                    else Change(None, None),
                    right_change=_change(f.right if f else None, c.right if c else None, d.mdc)
                    if many
                    else Change(None, None),
                    asymmetry=asymmetry_change(f, c) if many else None,
                )
            )
        if many:
            data = load_trend_data(db, athlete_id)
            flagged = {k for k, c in latest.items() if c.flag in (Flag.ASYMMETRIC, Flag.WATCH)}
            for key in sorted(keys, key=lambda k: (k not in flagged, catalog.order(k))):
                trend = data.trend(catalog, key, settings.length_unit)
                if trend is not None and len(trend.points) > 1:
                    trends.append(trend)
    lang = known_language(language) if language else report_language(athlete)
    program = None
    record = latest_program(db, athlete_id)
    if record is not None:
        drills = program_drills(db, record.items, drills_for(db, lang))
        done = adherence(db, record, today)
        versions = list_versions(db, athlete_id)
        program = ProgressProgram(
            start=record.start_date,
            end=record.end_date,
            weeks=record.weeks,
            drills=tuple(
                ProgressDrill(
                    drill.name,
                    item.dosage,
                    done.per_item.get(item.id) if item.id is not None else None,
                )
                for item, drill in zip(record.items, drills, strict=True)
            ),
            adherence=done.percent,
            versions=len(versions),
            first_start=min(v.start_date for v in versions) if versions else record.start_date,
        )
    logo = None
    if settings.logo_png_b64:
        try:
            logo = base64.b64decode(settings.logo_png_b64, validate=True)
        except ValueError:
            logo = None
    return ProgressReport(
        clinic_name=settings.clinic_name,
        logo_png=logo,
        athlete=athlete,
        printed=today,
        first_session=sessions[-1].date if sessions else None,
        latest_session=sessions[0].date if sessions else None,
        session_count=len(sessions),
        rows=tuple(rows),
        pattern_first=pattern_first,
        pattern_latest=findings.pattern if findings is not None else None,
        trends=tuple(trends[:MAX_CHARTS]),
        program=program,
        assessment=assessment,
        plan=plan,
        language=lang,
        paper=paper or settings.paper,
        length_unit=settings.length_unit,
        solo=settings.mode == "solo",
    )


def _change(before: float | None, after: float | None, mdc: float | None) -> Change:
    delta = None if before is None or after is None else after - before
    return Change(delta, is_real_change(before, after, mdc))


def _pattern(comparisons: dict[str, Comparison]) -> PatternResult:
    return detect_pattern(comparisons)


def write_progress_report(
    db: Database,
    catalog: Catalog,
    settings: ClinicSettings,
    athlete_id: int,
    path: Path | str,
    *,
    paper: str | None = None,
    language: str | None = None,
    assessment: str | None = None,
    plan: str | None = None,
    progress: Progress = SILENT,
    today: dt.date | None = None,
) -> WrittenPdf:
    """Write the progress report to ``path``: whole or not at all. ``assessment``/``plan``
    ``None``: the athlete's stored text."""
    from app.reports.progress_pdf import render_progress

    if language:
        known_language(language)
    path = output_file(path)
    progress.step(0, 3, msg("Reading the history…"))
    report = progress_report_for(
        db,
        catalog,
        settings,
        athlete_id,
        paper=paper,
        language=language,
        assessment=assessment,
        plan=plan,
        today=today,
    )
    return write_pdf(path, lambda out: render_progress(report, out), progress)
