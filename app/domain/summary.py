"""A session's findings: each measurement compared side to side and against earlier sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.asymmetry import (
    AsymmetryChange,
    Comparison,
    Side,
    asymmetry_change,
    compare,
    is_real_change,
)
from app.domain.catalog import Catalog, MeasurementDef, ReferenceValue, reference_for
from app.domain.patterns import PatternResult, detect_pattern
from app.domain.records import AthleteData, AthleteInfo, SessionRecord


@dataclass(frozen=True)
class Change:
    """Change of one figure between two sessions, judged against measurement error."""

    delta: float | None
    real: bool | None  # beyond the MDC; None when no MDC is known or a value is missing


@dataclass(frozen=True)
class Finding:
    comparison: Comparison
    left_since_previous: Change
    right_since_previous: Change
    left_since_first: Change
    right_since_first: Change
    # the asymmetry of the baseline session (the first, or a chosen one) against this one,
    # judged against √2 × E (DOMAIN.md §4); None without a baseline holding both sides
    asymmetry_change: AsymmetryChange | None = None
    baseline: dt.date | None = None


@dataclass(frozen=True)
class SessionFindings:
    session: SessionRecord
    findings: tuple[Finding, ...]
    pattern: PatternResult

    def comparisons(self) -> dict[str, Comparison]:
        return {f.comparison.key: f.comparison for f in self.findings}

    def pain_limited(self) -> list[Comparison]:
        """Painful measurements, listed first for the clinician (DOMAIN.md §4)."""
        return [f.comparison for f in self.findings if f.comparison.pain_limited]

    def changes(self) -> list[tuple[Comparison, AsymmetryChange]]:
        """Measurements whose asymmetry can be compared with the baseline."""
        return [
            (f.comparison, f.asymmetry_change)
            for f in self.findings
            if f.asymmetry_change is not None and f.asymmetry_change.verdict is not None
        ]


@dataclass(frozen=True)
class AthleteSummary:
    """An athlete's latest findings: what ``untwist summary`` prints and the window shows.

    Here rather than in the service that builds it, so the text report can format it without
    depending on the layer that reads the database.
    """

    athlete: AthleteInfo
    session_count: int
    latest: SessionFindings | None


def _change(before: float | None, after: float | None, mdc: float | None) -> Change:
    if before is None or after is None:
        return Change(None, None)
    return Change(after - before, is_real_change(before, after, mdc))


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    """Whole years of age on ``day``."""
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def athlete_reference(
    definition: MeasurementDef, athlete: AthleteData | None, day: dt.date
) -> ReferenceValue | None:
    """The reference value for this athlete on ``day`` (age and sex where the source has
    them), or None."""
    if not definition.reference_values:
        return None
    age = age_on(athlete.birth_date, day) if athlete is not None else None
    sex = athlete.sex if athlete is not None else None
    return reference_for(definition.reference_values, age, sex)


def session_comparisons(
    catalog: Catalog,
    session: SessionRecord,
    involved: Side | None = None,
    athlete: AthleteData | None = None,
) -> dict[str, Comparison]:
    """Every measurement of ``session`` judged (rounded sides, error gate, pain, both low)."""
    result = {}
    for m in session.measurements:
        d = catalog.get(m.key)
        if d is None:
            continue
        result[m.key] = compare(
            d,
            m.left,
            m.right,
            involved,
            pain_left=m.pain_left,
            pain_right=m.pain_right,
            reference=athlete_reference(d, athlete, session.date),
        )
    return result


def findings_for(
    catalog: Catalog,
    sessions_newest_first: Sequence[SessionRecord],
    index: int = 0,
    involved: Side | None = None,
    *,
    athlete: AthleteData | None = None,
    baseline: int | None = None,
) -> SessionFindings:
    """Findings of ``sessions_newest_first[index]`` with changes since the one before it and
    since the athlete's first session, and the change of asymmetry since ``baseline`` (an
    index in the same list; default: the first session)."""
    if athlete is not None and involved is None:
        involved = athlete.involved_side
    session = sessions_newest_first[index]
    previous = sessions_newest_first[index + 1] if index + 1 < len(sessions_newest_first) else None
    first = sessions_newest_first[-1] if len(sessions_newest_first) > index + 1 else None
    base = first
    if baseline is not None and index < baseline < len(sessions_newest_first):
        base = sessions_newest_first[baseline]
    now = session_comparisons(catalog, session, involved, athlete)
    before = session_comparisons(catalog, previous, involved) if previous else {}
    start = session_comparisons(catalog, first, involved) if first else {}
    base_comps = (
        start if base is first else session_comparisons(catalog, base, involved) if base else {}
    )
    findings = []
    for key, c in now.items():
        d = catalog[key]
        mdc = d.mdc
        p, f = before.get(key), start.get(key)
        findings.append(
            Finding(
                comparison=c,
                left_since_previous=_change(p.left if p else None, c.left, mdc),
                right_since_previous=_change(p.right if p else None, c.right, mdc),
                left_since_first=_change(f.left if f else None, c.left, mdc),
                right_since_first=_change(f.right if f else None, c.right, mdc),
                asymmetry_change=asymmetry_change(base_comps.get(key), c),
                baseline=base.date if base is not None else None,
            )
        )
    return SessionFindings(session, tuple(findings), detect_pattern(now))
