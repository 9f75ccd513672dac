"""Programs: suggest one from the findings, save dated versions, tick adherence, print.

Every save makes a new dated version; earlier versions stay for the record (and their start
dates are the markers on the trend charts). Two desks editing the same athlete's program are
caught by optimistic locking on the version chain: a save names the newest version its editor
was based on, and is refused with :class:`Conflict` if someone saved another one since.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.domain.asymmetry import Flag
from app.domain.catalog import Catalog
from app.domain.dates import date_problem
from app.domain.drills import Dosage, Drill
from app.domain.language import DEFAULT_LANGUAGE, known_language
from app.domain.language import language as language_of
from app.domain.messages import msg
from app.domain.phrases import Joined, from_json, phrase, to_json, worded, worded_all
from app.domain.programs import (
    DEFAULT_WEEKS,
    MAX_ITEMS,
    MAX_WEEKS,
    NOTES_MAX,
    Adherence,
    ProgramData,
    ProgramItem,
    ProgramRecord,
    ProgramVersion,
    Suggestion,
    adherence_for,
    normalise_dosage,
    program_end,
    resolve_item_drill,
    suggest_program,
    validate_dosage,
)
from app.domain.records import AthleteInfo
from app.domain.validation import sentence, text_problem
from app.models import AdherenceEntry, Athlete
from app.models import Program as ProgramRow
from app.models import ProgramItem as ItemRow
from app.models.db import Database
from app.services.drills import drill_library, drills_for
from app.services.errors import FieldError, NotFound, ServiceError, ValidationError
from app.services.interchange import output_file
from app.services.progress import SILENT, Progress
from app.services.settings import ClinicSettings
from app.services.summary import latest_summary
from app.services.versioning import expect_version

if TYPE_CHECKING:
    from app.reports.handout import Handout, HandoutPhoto

# "latest" saved program, the "suggested" one, a saved version, or an editor's unsaved fields
ProgramChoice = Literal["latest", "suggested"] | ProgramRecord | ProgramData


class NothingToPrint(ServiceError):
    """No program to print: nothing to suggest, or no saved program."""


# ---------------------------------------------------------------------------------------------
# Suggestion


def suggest(db: Database, catalog: Catalog, athlete_id: int) -> Suggestion:
    """What "Suggest from findings" proposes for the athlete's latest session."""
    summary = latest_summary(db, catalog, athlete_id)
    if summary.latest is None:
        return Suggestion(
            "none",
            (),
            (),
            message=phrase("Nothing to suggest: no session is recorded yet. Record one first."),
        )
    findings = summary.latest
    return suggest_program(
        findings.comparisons(),
        findings.pattern,
        drill_library(db),
        order=sorted(findings.comparisons(), key=catalog.order),
    )


def draft_data(
    draft: Suggestion,
    start_date: dt.date,
    weeks: int = DEFAULT_WEEKS,
    notes: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> ProgramData:
    """A suggestion as the fields to save (reasons kept, so the record says why).

    The reasons stay phrases (stored as template and values, worded when shown, in the
    reader's language); a drill's caution line becomes the clinician's note, editable text,
    so it is written out in ``language``, the language the editor shows it in."""
    reasons: list[str] = [*draft.reasons]
    reasons += [phrase("Pain-limited: {line}", line=line) for line in draft.painful]
    if draft.note:
        reasons.append(draft.note)
    if draft.watch:
        reasons.append(phrase("Keep an eye on: {watch}.", watch=Joined(draft.watch)))
    lang = language_of(language)
    items = tuple(replace(i, notes=worded(i.notes, lang)) for i in draft.items)
    return ProgramData(start_date, items, weeks, draft.pattern, tuple(reasons), notes)


# ---------------------------------------------------------------------------------------------
# Reading


def _item(row: ItemRow) -> ProgramItem:
    raw = json.loads(row.dosage or "{}")
    return ProgramItem(
        drill_key=row.drill_key,
        side=row.side,
        dosage=Dosage(**raw),
        notes=row.notes or "",
        id=row.id,
    )


def _record(row: ProgramRow) -> ProgramRecord:
    return ProgramRecord(
        start_date=row.start_date,
        items=tuple(_item(i) for i in row.items),
        weeks=row.weeks,
        pattern=row.pattern,
        reasons=_reasons(row.reasons),
        notes=row.notes or "",
        id=row.id,
        athlete_id=row.athlete_id,
        version=row.version,
        created_at=row.created_at,
    )


def _reasons(raw: str | None) -> tuple[str, ...]:
    """A stored program's reasons: phrases (worded when shown), or the plain strings a program
    saved before reasons were structured holds, as stored."""
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return (raw or "",)
    if not isinstance(value, list):
        return ()
    return tuple(from_json(v) for v in value)


def _newest_first(athlete_id: int) -> Select[ProgramRow]:
    return (
        select(ProgramRow)
        .where(ProgramRow.athlete_id == athlete_id)
        .order_by(ProgramRow.start_date.desc(), ProgramRow.id.desc())
    )


def list_versions(db: Database, athlete_id: int) -> list[ProgramVersion]:
    """Every saved version, newest start date first (the first one is the current program)."""
    counts = (
        select(ItemRow.program_id, func.count(ItemRow.id).label("n"))
        .group_by(ItemRow.program_id)
        .subquery()
    )
    query = (
        select(
            ProgramRow.id,
            ProgramRow.start_date,
            ProgramRow.weeks,
            func.coalesce(counts.c.n, 0),
            ProgramRow.created_at,
        )
        .outerjoin(counts, counts.c.program_id == ProgramRow.id)
        .where(ProgramRow.athlete_id == athlete_id)
        .order_by(ProgramRow.start_date.desc(), ProgramRow.id.desc())
    )
    with db.read() as session:
        return [ProgramVersion(*row) for row in session.execute(query)]


def get_program(db: Database, program_id: int) -> ProgramRecord:
    with db.read() as session:
        row = session.get(ProgramRow, program_id, options=[selectinload(ProgramRow.items)])
        if row is None:
            raise NotFound(msg(
                "No program with id {program_id} (deleted elsewhere?).",
                program_id=program_id,
            ))
        return _record(row)


def latest_program(db: Database, athlete_id: int) -> ProgramRecord | None:
    """The current program: the version with the newest start date (last saved on a tie)."""
    with db.read() as session:
        row = session.scalars(
            _newest_first(athlete_id).options(selectinload(ProgramRow.items)).limit(1)
        ).first()
        return None if row is None else _record(row)


# ---------------------------------------------------------------------------------------------
# Saving


def _validate(data: ProgramData, library: Sequence[Drill]) -> ProgramData:
    errors: list[FieldError] = []
    # 1900 to five years ahead (app.domain.dates), as for every date that gets in
    problem = date_problem(data.start_date, dt.date.today(), msg("the start date"), ahead=True)
    if problem:
        errors.append(FieldError("start_date", sentence(problem)))
    if not isinstance(data.weeks, int) or not 1 <= data.weeks <= MAX_WEEKS:
        errors.append(FieldError("weeks", msg(
            "A program lasts 1 to {max_weeks} weeks.",
            max_weeks=MAX_WEEKS,
        )))
    if not data.items:
        errors.append(FieldError("items", msg("Add at least one drill to the program.")))
    if len(data.items) > MAX_ITEMS:
        errors.append(FieldError("items", msg(
            "A program has at most {max_items} drills.",
            max_items=MAX_ITEMS,
        )))
    if problem := text_problem(data.notes or "", NOTES_MAX, msg("the notes"), multiline=True):
        errors.append(FieldError("notes", sentence(problem)))
    items = []
    for n, item in enumerate(data.items, start=1):
        where = f"items.{n}"
        try:
            drill = resolve_item_drill(item.drill_key, item.side, library)
        except KeyError:
            errors.append(
                FieldError(where, msg(
                    "Drill {n}: {drill_key!r} is not in the library.",
                    n=n,
                    drill_key=item.drill_key,
                ))
            )
            continue
        if item.side not in ("left", "right", "both"):
            errors.append(FieldError(f"{where}.side", msg(
                "{name}: choose left, right or both.",
                name=drill.name,
            )))
        for problem in validate_dosage(item.dosage):
            errors.append(
                FieldError(
                    f"{where}.dosage", msg("{name}: {problem}.", name=drill.name, problem=problem)
                )
            )
        if problem := text_problem(item.notes or "", NOTES_MAX, msg("the note"), multiline=True):
            errors.append(
                FieldError(
                    f"{where}.notes", msg("{name}: {problem}.", name=drill.name, problem=problem)
                )
            )
        items.append(
            replace(
                item,
                drill_key=drill.key,
                side=drill.side if item.side != "both" else "both",
                dosage=normalise_dosage(item.dosage),
                notes=(item.notes or "").strip(),
                id=None,
            )
        )
    if errors:
        raise ValidationError(errors)
    return replace(data, items=tuple(items), notes=(data.notes or "").strip())


def _newest_id(session: Session, athlete_id: int) -> int | None:
    return session.scalar(
        select(func.max(ProgramRow.id)).where(ProgramRow.athlete_id == athlete_id)
    )


def save_program(
    db: Database,
    athlete_id: int,
    data: ProgramData,
    based_on: int | None,
    *,
    overwrite: bool = False,
) -> ProgramRecord:
    """Save ``data`` as a new dated version of the athlete's program.

    ``based_on``: the id of the newest version the editor knew (``None`` if there was none).
    If another version was saved since, :class:`Conflict` is raised and nothing is written,
    unless ``overwrite`` (the user chose to save anyway; the other version stays on record).
    """
    data = _validate(data, drill_library(db, include_retired=True))
    with db.transaction() as session:
        # The athlete's row is locked (PostgreSQL) until the commit, so two desks saving at
        # once take turns and the second one sees the first one's version.
        if session.get(Athlete, athlete_id, with_for_update=True) is None:
            raise NotFound(msg(
                "No athlete with id {athlete_id} (deleted elsewhere?).",
                athlete_id=athlete_id,
            ))
        # The program's "version" is the id of its newest saved version (0: none yet); rows
        # are only ever added, so there is no UPDATE to race and no StaleDataError to catch.
        newest = _newest_id(session, athlete_id) or 0

        def theirs() -> ProgramRecord | None:
            row = session.get(ProgramRow, newest) if newest else None
            return _record(row) if row is not None else None

        expect_version(newest, None if overwrite else based_on or 0, "The program", theirs)
        row = ProgramRow(
            athlete_id=athlete_id,
            start_date=data.start_date,
            weeks=data.weeks,
            pattern=data.pattern,
            reasons=json.dumps([to_json(r) for r in data.reasons], ensure_ascii=False),
            notes=data.notes or None,
            items=[
                ItemRow(
                    position=n,
                    drill_key=item.drill_key,
                    side=item.side,
                    dosage=json.dumps(item.dosage.__dict__, ensure_ascii=False, sort_keys=True),
                    notes=item.notes or None,
                )
                for n, item in enumerate(data.items, start=1)
            ],
        )
        session.add(row)
        session.flush()
        return _record(row)


def newest_program_id(db: Database, athlete_id: int) -> int | None:
    """The id to pass as ``based_on`` when an editor opens (the last version saved)."""
    with db.read() as session:
        return _newest_id(session, athlete_id)


# ---------------------------------------------------------------------------------------------
# Adherence


def set_done(
    db: Database, item_id: int, day: dt.date, done: bool, today: dt.date | None = None
) -> None:
    """Tick (or untick) one drill as done on ``day``; ticking twice is harmless."""
    today = today or dt.date.today()
    with db.transaction() as session:
        item = session.get(ItemRow, item_id)
        if item is None:
            raise NotFound(msg("This program was deleted elsewhere."))
        program = item.program
        if not program.start_date <= day <= program_end(program.start_date, program.weeks):
            raise ValidationError.one("date", msg(
                "{date} is outside this program.",
                date=day.isoformat(),
            ))
        if day > today:
            raise ValidationError.one("date", msg("A day that has not come yet cannot be ticked."))
        existing = session.scalars(
            select(AdherenceEntry).where(
                AdherenceEntry.item_id == item_id, AdherenceEntry.date == day
            )
        ).first()
        if done and existing is None:
            session.add(AdherenceEntry(item_id=item_id, date=day, done=True))
        elif done and existing is not None:
            existing.done = True
        elif existing is not None:
            session.delete(existing)
        try:
            session.flush()
        except IntegrityError:  # another desk ticked the same day a moment ago: same result
            session.rollback()


def mark_days_done(db: Database, days_by_item: Mapping[int, Iterable[dt.date]]) -> int:
    """Tick many days at once, in one transaction (demo data, imports); returns rows added.

    Days already ticked are skipped; days outside an item's program are refused.
    """
    added = 0
    with db.transaction() as session:
        for item_id, days in days_by_item.items():
            item = session.get(ItemRow, item_id)
            if item is None:
                raise NotFound(msg("No program item with id {item_id}.", item_id=item_id))
            program = item.program
            end = program_end(program.start_date, program.weeks)
            have = set(
                session.scalars(
                    select(AdherenceEntry.date).where(AdherenceEntry.item_id == item_id)
                )
            )
            for day in sorted(set(days) - have):
                if not program.start_date <= day <= end:
                    raise ValidationError.one("date", msg(
                        "{date} is outside the program.",
                        date=day.isoformat(),
                    ))
                session.add(AdherenceEntry(item_id=item_id, date=day, done=True))
                added += 1
    return added


def done_days(db: Database, program: ProgramRecord) -> dict[int, list[dt.date]]:
    ids = [i.id for i in program.items if i.id is not None]
    query = select(AdherenceEntry.item_id, AdherenceEntry.date).where(
        AdherenceEntry.item_id.in_(ids), AdherenceEntry.done.is_(True)
    )
    result: dict[int, list[dt.date]] = {i: [] for i in ids}
    with db.read() as session:
        for item_id, day in session.execute(query):
            result[item_id].append(day)
    return result


def adherence(db: Database, program: ProgramRecord, today: dt.date | None = None) -> Adherence:
    """Sessions done / prescribed so far, see :func:`app.domain.programs.adherence_for`."""
    return adherence_for(
        program.items,
        program.start_date,
        program.weeks,
        done_days(db, program),
        today or dt.date.today(),
    )


# ---------------------------------------------------------------------------------------------
# Drills of a program, and the handout


def program_drills(
    db: Database, items: Iterable[ProgramItem], library: Sequence[Drill] | None = None
) -> list[Drill]:
    """Each item's drill as it is to be done (retired drills still resolve)."""
    library = library if library is not None else drill_library(db, include_retired=True)
    drills = []
    for item in items:
        try:
            drills.append(resolve_item_drill(item.drill_key, item.side, library))
        except KeyError:
            raise NotFound(
                msg(
                    "The program names a drill that is no longer in the library: {drill_key}.",
                    drill_key=item.drill_key,
                )
            ) from None
    return drills


def _image(db: Database, key: str) -> tuple[bytes | None, str]:
    try:
        from app.services.drills import drill_image
    except ImportError:  # a library without custom pictures
        return None, ""
    found = drill_image(db, key)
    return (found[0], found[1]) if found else (None, "")


def handout_for(
    db: Database,
    catalog: Catalog,
    settings: ClinicSettings,
    athlete_id: int,
    program: ProgramChoice = "latest",
    *,
    paper: str | None = None,
    today: dt.date | None = None,
    photos: Sequence[int] = (),
    language: str | None = None,
    ticks: str = "from-today",
) -> Handout:
    """Everything the PDF handout shows (see :class:`app.reports.handout.Handout`).

    ``photos``: ids of at most two kept photos to print (a pair the clinician chose; none by
    default: a patient's photo is printed only when asked for). ``language``: the handout's
    language (``--lang``); None: the athlete's handout language
    (:func:`app.services.athletes.handout_language`). The drills print in it: a built-in the
    clinic has not edited in that language in its shipped translation. ``ticks``: "from-today"
    (the tick sheet starts at the print date) or "whole".

    Raises :class:`NothingToPrint` when there is nothing to suggest (``"suggested"``), no
    saved program (``"latest"``) or no drill in the given program.
    """
    import base64

    from app.reports.handout import TICKS, Handout, HandoutDrill
    from app.services.trends import load_trend_data

    today = today or dt.date.today()
    summary = latest_summary(db, catalog, athlete_id)
    athlete = summary.athlete
    lang = known_language(language) if language else report_language(athlete)
    record: ProgramRecord | None
    if isinstance(program, ProgramRecord):  # a saved version (an earlier one, say)
        record, data = program, program.data()
    elif isinstance(program, ProgramData):  # what an editor shows, not saved yet
        if not program.items:
            raise NothingToPrint(msg("The program has no drills yet."))
        record, data = None, program
    elif program == "suggested":
        draft = suggest(db, catalog, athlete_id)
        if draft.empty:
            said = worded(draft.message, language_of(lang))
            raise NothingToPrint(said or msg("Nothing to suggest."))
        data = draft_data(draft, today, language=lang)
        record = None
    else:
        record = latest_program(db, athlete_id)
        if record is None:
            raise NothingToPrint(
                msg(
                    "{name} has no saved program yet: save one on the Program page, or print the "
                    "suggestion (--program suggested).",
                    name=athlete.name,
                )
            )
        data = record.data()
    library = drills_for(db, lang)
    drills = program_drills(db, data.items, library)
    handout_drills = []
    for item, drill in zip(data.items, drills, strict=True):
        image, image_type = _image(db, drill.key) if not drill.builtin else (None, "")
        handout_drills.append(
            HandoutDrill(drill, item.dosage, item.notes, item.id, image, image_type)
        )
    trends = []
    first_session = None
    if summary.latest is not None:
        comparisons = summary.latest.comparisons()
        flagged = sorted(
            (k for k, c in comparisons.items() if c.flag in (Flag.ASYMMETRIC, Flag.WATCH)),
            key=lambda k: (-comparisons[k].flag.severity, catalog.order(k)),
        )
        trend_data = load_trend_data(db, athlete_id)
        for key in flagged:
            trend = trend_data.trend(catalog, key, settings.length_unit)
            if trend is not None and trend.points:
                trends.append(trend)
        dates = [p.date for points in trend_data.history.values() for p in points]
        first_session = min(dates) if dates else None
    logo = None
    if settings.logo_png_b64:
        try:
            logo = base64.b64decode(settings.logo_png_b64, validate=True)
        except ValueError:
            logo = None  # a damaged logo setting prints no logo rather than failing
    return Handout(
        clinic_name=settings.clinic_name,
        logo_png=logo,
        athlete=athlete,
        printed=today,
        findings=summary.latest,
        first_session=first_session,
        session_count=summary.session_count,
        trends=tuple(trends),
        drills=tuple(handout_drills),
        start_date=data.start_date,
        weeks=data.weeks,
        program_notes=data.notes,
        reasons=worded_all(data.reasons, language_of(lang)),
        suggested=record is None,
        adherence=adherence(db, record, today) if record is not None else None,
        length_unit=settings.length_unit,
        paper=paper or settings.paper,
        photos=_handout_photos(db, catalog, athlete_id, photos, lang),
        solo=settings.mode == "solo",
        language=lang,
        ticks=ticks if ticks in TICKS else "from-today",
    )


def _handout_photos(
    db: Database, catalog: Catalog, athlete_id: int, ids: Sequence[int], code: str = "en"
) -> tuple[HandoutPhoto, ...]:
    """The chosen photos of this athlete (at most two), captioned in the handout's language;
    others are ignored."""
    from app.domain.language import language
    from app.domain.report_words import measurement_texts
    from app.reports.handout import HandoutPhoto
    from app.services.photos import load_photo, photo_marks

    if not ids:
        return ()
    marks = {m.photo_id: m for m in photo_marks(db, athlete_id)}
    lang = language(code)
    out = []
    for photo_id in list(ids)[:2]:
        mark = marks.get(photo_id)
        if mark is None:
            continue
        definition = catalog.get(mark.key)
        name = measurement_texts(definition, lang).name if definition is not None else mark.key
        caption = lang.t(
            "{name}, {side} (trial {trial}), {date}: {angle}",
            name=name,
            side=lang.t(mark.side),
            trial=mark.trial,
            date=lang.date(mark.date),
            angle=lang.quantity(mark.angle, "°", 1),
        )
        out.append(HandoutPhoto(caption, load_photo(db, photo_id)))
    return tuple(out)


@dataclass(frozen=True)
class WrittenPdf:
    path: Path
    pages: int
    seconds: float  # time spent drawing (not reading the database)


def write_handout(
    db: Database,
    catalog: Catalog,
    settings: ClinicSettings,
    athlete_id: int,
    path: Path | str,
    program: ProgramChoice = "latest",
    *,
    paper: str | None = None,
    progress: Progress = SILENT,
    today: dt.date | None = None,
    photos: Sequence[int] = (),
    language: str | None = None,
    ticks: str = "from-today",
) -> WrittenPdf:
    """Write the handout PDF to ``path``: whole or not at all (temp file, then rename)."""
    from app.reports.pdf import render_handout

    if language:
        known_language(language)  # an unknown code is refused before anything is read
    path = output_file(path)
    progress.step(0, 3, msg("Reading the findings and the program…"))
    handout = handout_for(
        db,
        catalog,
        settings,
        athlete_id,
        program,
        paper=paper,
        today=today,
        photos=photos,
        language=language,
        ticks=ticks,
    )
    return write_pdf(path, lambda out: render_handout(handout, out), progress)


def report_language(athlete: AthleteInfo) -> str:
    """The language a report for ``athlete`` is printed in when none is asked for: the
    athlete's handout language (:func:`app.services.athletes.handout_language`)."""
    from app.services.athletes import handout_language

    return handout_language(athlete)


def write_pdf(
    path: Path, render: Callable[[BinaryIO], int], progress: Progress = SILENT
) -> WrittenPdf:
    """Draw a PDF into ``path`` whole or not at all: a temporary file beside it, synced, made
    readable by its owner only (patient data), then renamed over the target."""
    import time

    progress.step(1, 3, msg("Drawing the pages…"))
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".untwist-", suffix=".pdf.tmp", dir=folder)
    except OSError as exc:
        raise ServiceError(msg(
            "Cannot write {path}: {value}.",
            path=path,
            value=exc.strerror or exc,
        )) from None
    tmp = Path(tmp_name)
    try:
        started = time.perf_counter()
        with os.fdopen(fd, "wb") as out:
            pages = render(out)
            out.flush()
            os.fsync(out.fileno())
        seconds = time.perf_counter() - started
        progress.step(2, 3, msg("Saving the file…"))
        os.chmod(tmp, 0o600)  # patient data: like the database, readable by its owner only
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError(msg(
            "Cannot write {path}: {value}.",
            path=path,
            value=exc.strerror or exc,
        )) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    progress.step(3, 3, "")
    return WrittenPdf(path, pages, seconds)


@dataclass(frozen=True)
class HandoutBytes:
    data: bytes
    pages: int


def handout_pdf(
    db: Database,
    catalog: Catalog,
    settings: ClinicSettings,
    athlete_id: int,
    program: ProgramChoice = "latest",
    *,
    progress: Progress = SILENT,
    today: dt.date | None = None,
    photos: Sequence[int] = (),
) -> HandoutBytes:
    """The handout PDF in memory, for printing: the same pages as :func:`write_handout`,
    without a copy of the patient's data left in a temporary file."""
    import io

    from app.reports.pdf import render_handout

    progress.step(0, 2, msg("Reading the findings and the program…"))
    handout = handout_for(db, catalog, settings, athlete_id, program, today=today, photos=photos)
    progress.step(1, 2, msg("Drawing the pages…"))
    out = io.BytesIO()
    pages = render_handout(handout, out)
    progress.step(2, 2, "")
    return HandoutBytes(out.getvalue(), pages)
