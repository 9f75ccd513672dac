"""The database tables. Plain SQLAlchemy 2.0 typed mappings: no Qt, no business rules.

Values are stored in canonical units (degrees, cm, reps, seconds, score; pass = 1, fail = 0).
A side that was not measured is NULL, never 0.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.domain.drills import Side
from app.domain.text import FOLDED_NAME_MAX, folded_name
from app.models.base import Base


def _folded_default(context: DefaultExecutionContext) -> str:
    """``folded_name`` for an INSERT that does not give it (each row of an executemany)."""
    name = context.get_current_parameters().get("name")
    return folded_name(name) if isinstance(name, str) else ""


class Athlete(Base):
    __tablename__ = "athletes"
    # The athlete list's order and search, read a page at a time (revision 0009), on both
    # engines: a plain column, so the index needs no function of ours (SQLite's lower() is
    # the app's Unicode function, and an index built with it looked damaged to any
    # connection without it: integrity_check, the sqlite3 shell).
    __table_args__ = (Index("ix_athletes_folded_name", "folded_name", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    # The name case folded and without accents (app.domain.text.folded_name): what a search
    # and the list's order compare. Derived, so never exported: every insert computes it
    # from the name (the default below, Core and ORM alike) and every rename through the
    # ORM (the validator below); the imports and copies check it (app.domain.rows).
    folded_name: Mapped[str] = mapped_column(
        String(FOLDED_NAME_MAX), default=_folded_default, nullable=False
    )
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(20))
    sport: Mapped[str | None] = mapped_column(String(100))
    dominant_side: Mapped[str | None] = mapped_column(String(5))
    involved_side: Mapped[str | None] = mapped_column(String(5))
    injury_date: Mapped[dt.date | None] = mapped_column(Date)
    injury_notes: Mapped[str | None] = mapped_column(Text)
    leg_length_left_cm: Mapped[float | None] = mapped_column(Float)
    leg_length_right_cm: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)
    # the language of the athlete's handout (en, de, es); None: the app's language
    handout_language: Mapped[str | None] = mapped_column(String(5))
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="athlete", cascade="all, delete-orphan", passive_deletes=True
    )
    programs: Mapped[list[Program]] = relationship(
        back_populates="athlete", cascade="all, delete-orphan", passive_deletes=True
    )
    progress_notes: Mapped[list[ProgressNote]] = relationship(
        back_populates="athlete", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @validates("name")
    def _fold_name(self, _key: str, name: str) -> str:
        """A rename keeps the folded name in step (an insert's default would too, but not an
        update: its parameters need not hold the name)."""
        if isinstance(name, str):
            self.folded_name = folded_name(name)
        return name


class Assessment(Base):
    """One assessment session: the measurements taken on one day."""

    __tablename__ = "assessments"
    # an athlete's sessions in date order without a sort (revision 0007)
    __table_args__ = (Index("ix_assessments_athlete_date", "athlete_id", "date", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    clinician: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    athlete: Mapped[Athlete] = relationship(back_populates="assessments")
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Measurement.id",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Measurement(Base):
    __tablename__ = "measurements"
    __table_args__ = (UniqueConstraint("assessment_id", "key", name="uq_measurements_session_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(64), index=True)
    left_1: Mapped[float | None] = mapped_column(Float)
    left_2: Mapped[float | None] = mapped_column(Float)
    left_3: Mapped[float | None] = mapped_column(Float)
    right_1: Mapped[float | None] = mapped_column(Float)
    right_2: Mapped[float | None] = mapped_column(Float)
    right_3: Mapped[float | None] = mapped_column(Float)
    left: Mapped[float | None] = mapped_column(Float)
    right: Mapped[float | None] = mapped_column(Float)
    pain_left: Mapped[int | None] = mapped_column(Integer)
    pain_right: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="measurements")
    photos: Mapped[list[MeasurementPhoto]] = relationship(
        back_populates="measurement",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MeasurementPhoto.id",
        lazy="selectin",
    )


class MeasurementPhoto(Base):
    """A photo an angle was measured on (DOMAIN.md §8), kept with its measurement's side and
    trial: the picture as stored (re-encoded, no metadata), its points and plumb line as JSON
    ``[[x, y], …]`` in the stored picture's pixels, and the angle they give."""

    __tablename__ = "measurement_photos"
    __table_args__ = (
        UniqueConstraint("measurement_id", "side", "trial", name="uq_measurement_photos_trial"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("measurements.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(5))
    trial: Mapped[int] = mapped_column(Integer)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    image_type: Mapped[str] = mapped_column(String(10))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    points: Mapped[str] = mapped_column(Text)
    plumb: Mapped[str | None] = mapped_column(Text)
    angle: Mapped[float] = mapped_column(Float)

    measurement: Mapped[Measurement] = relationship(back_populates="photos")


class MeasurementDefinition(Base):
    """A clinic's own measurement; the built-ins live in resources/ and are not stored."""

    __tablename__ = "measurement_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    rule: Mapped[str] = mapped_column(String(10))
    min: Mapped[float | None] = mapped_column(Float)
    max: Mapped[float | None] = mapped_column(Float)
    threshold: Mapped[float | None] = mapped_column(Float)
    strict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    mdc: Mapped[float | None] = mapped_column(Float)
    result: Mapped[str] = mapped_column(String(10), default="mean")
    higher: Mapped[str] = mapped_column(String(10), default="better")
    protocol: Mapped[str | None] = mapped_column(Text)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # server default: rows stored before revision 0003 added the column start at 1
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Setting(Base):
    """Clinic-wide settings as JSON values, so they travel with backups and the shared DB.

    Each key is its own versioned record (see ``app.services.settings``).
    """

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    # one version per key: two desks changing different keys never conflict
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Drill(Base):
    """A drill of the library: built-ins are copied in at creation so a clinic can edit them."""

    __tablename__ = "drills"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    aim: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(40), default="")
    setup: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    feel: Mapped[str] = mapped_column(Text, default="")
    mistakes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of strings
    dosage: Mapped[str] = mapped_column(Text, default="{}")  # JSON object (domain Dosage)
    side: Mapped[Side] = mapped_column(String(5), default="both")  # checked on the way in
    targets: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of catalog keys
    illustration: Mapped[str | None] = mapped_column(String(200))
    image: Mapped[bytes | None] = mapped_column(LargeBinary)
    image_type: Mapped[str | None] = mapped_column(String(10))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    program_order: Mapped[int | None] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the language of this row's texts (None: English, as every built-in is copied)
    language: Mapped[str | None] = mapped_column(String(5))
    # a clinic's edits of the texts in other languages: JSON {code: {name, aim, setup, steps,
    # feel, mistakes}}; a language without one shows the built-in translation (or, for the
    # clinic's own drill, its texts as written)
    language_texts: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Program(Base):
    """A dated program version; earlier versions stay for the record."""

    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(Integer, default=4)
    pattern: Mapped[str | None] = mapped_column(String(10))
    reasons: Mapped[str | None] = mapped_column(Text)  # JSON list of strings
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    athlete: Mapped[Athlete] = relationship(back_populates="programs")
    items: Mapped[list[ProgramItem]] = relationship(
        back_populates="program",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ProgramItem.position",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ProgramItem(Base):
    __tablename__ = "program_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    drill_key: Mapped[str] = mapped_column(String(100))
    side: Mapped[Side] = mapped_column(String(5), default="both")  # checked on the way in
    dosage: Mapped[str] = mapped_column(Text, default="{}")  # JSON object (domain Dosage)
    notes: Mapped[str | None] = mapped_column(Text)

    program: Mapped[Program] = relationship(back_populates="items")
    adherence: Mapped[list[AdherenceEntry]] = relationship(
        back_populates="item", cascade="all, delete-orphan", passive_deletes=True
    )


class AdherenceEntry(Base):
    __tablename__ = "adherence_entries"
    __table_args__ = (UniqueConstraint("item_id", "date", name="uq_adherence_item_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("program_items.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=True)

    item: Mapped[ProgramItem] = relationship(back_populates="adherence")


class ProgressNote(Base):
    """The clinician's assessment and plan for the athlete's progress report (revision 0010).

    One current note per athlete (unique ``athlete_id``): what the last report printed, so the
    next one starts from it; ``updated_at`` says when, ``version`` guards two desks editing it.
    """

    __tablename__ = "progress_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athletes.id", ondelete="CASCADE"), unique=True
    )
    assessment: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    athlete: Mapped[Athlete] = relationship(back_populates="progress_notes")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ChangeCounter(Base):
    """How many units of work have changed each kind of record: the freshness poll's token.

    Every commit of :meth:`Database.transaction` / :meth:`Database.bulk` raises the counter of
    each kind it wrote, in the same transaction, so another desk sees a change by reading
    these few rows, whatever the size of the clinic (revision 0007). Not user data: neither
    exported nor copied.
    """

    __tablename__ = "change_counters"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)


# Tables that hold bookkeeping, not the clinic's data: never exported, imported or copied.
NOT_DATA = frozenset({"alembic_version", "change_counters"})

# Columns derived from others in their row (and kept in step by every write): never exported
# (a file holds what a person entered; an older Untwist would refuse the unknown field).
DERIVED: dict[str, frozenset[str]] = {"athletes": frozenset({"folded_name"})}

# Which kind of record (app.domain.changes.KINDS) each table holds: a write to the table is a
# change of that kind for the window's pages and the freshness poll.
CHANGE_KINDS: dict[str, str] = {
    "athletes": "athletes",
    "assessments": "sessions",
    "measurements": "sessions",
    "measurement_photos": "sessions",
    "measurement_definitions": "settings",
    "settings": "settings",
    "drills": "drills",
    "programs": "programs",
    "program_items": "programs",
    "adherence_entries": "adherence",
    # the assessment and plan are part of the athlete's record, like the athlete's notes
    "progress_notes": "athletes",
}
