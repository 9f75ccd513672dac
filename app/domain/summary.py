"""A session's findings: each measurement compared side to side and against earlier sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.asymmetry import Comparison, Side, compare, is_real_change
from app.domain.catalog import Catalog, Rule
from app.domain.patterns import PatternResult, detect_pattern
from app.domain.records import AthleteInfo, SessionRecord


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
    asymmetry_since_first: Change  # abs diff (diff rules) or LSI (LSI rules)


@dataclass(frozen=True)
class SessionFindings:
    session: SessionRecord
    findings: tuple[Finding, ...]
    pattern: PatternResult

    def comparisons(self) -> dict[str, Comparison]:
        return {f.comparison.key: f.comparison for f in self.findings}


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


def _asymmetry_figure(c: Comparison | None) -> float | None:
    if c is None:
        return None
    if c.definition.rule is Rule.LSI:
        return c.lsi
    return None if c.diff is None else abs(c.diff)


def session_comparisons(
    catalog: Catalog, session: SessionRecord, involved: Side | None = None
) -> dict[str, Comparison]:
    return {
        m.key: compare(catalog[m.key], m.left, m.right, involved)
        for m in session.measurements
        if m.key in catalog
    }


def findings_for(
    catalog: Catalog,
    sessions_newest_first: Sequence[SessionRecord],
    index: int = 0,
    involved: Side | None = None,
) -> SessionFindings:
    """Findings of ``sessions_newest_first[index]`` with changes since the one before it and
    since the athlete's first session."""
    session = sessions_newest_first[index]
    previous = sessions_newest_first[index + 1] if index + 1 < len(sessions_newest_first) else None
    first = sessions_newest_first[-1] if len(sessions_newest_first) > index + 1 else None
    now = session_comparisons(catalog, session, involved)
    before = session_comparisons(catalog, previous, involved) if previous else {}
    start = session_comparisons(catalog, first, involved) if first else {}
    findings = []
    for key, c in now.items():
        d = catalog[key]
        mdc = d.mdc
        p, f = before.get(key), start.get(key)
        asym_mdc = d.mdc_lsi if d.rule is Rule.LSI else None
        findings.append(
            Finding(
                comparison=c,
                left_since_previous=_change(p.left if p else None, c.left, mdc),
                right_since_previous=_change(p.right if p else None, c.right, mdc),
                left_since_first=_change(f.left if f else None, c.left, mdc),
                right_since_first=_change(f.right if f else None, c.right, mdc),
                asymmetry_since_first=_change(_asymmetry_figure(f), _asymmetry_figure(c), asym_mdc),
            )
        )
    return SessionFindings(session, tuple(findings), detect_pattern(now))
