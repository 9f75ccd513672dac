"""The plain-text summary table (``untwist summary``): deterministic, no paths or timestamps.

People's text (names, keys, sides) is shown through :func:`~app.domain.text.visible`: a name
holding an escape sequence prints as ``\x1b[2J``, it does not clear the reader's terminal.
"""

from __future__ import annotations

from app.domain.asymmetry import Comparison, fpi_class, side_labels
from app.domain.catalog import Rule
from app.domain.patterns import MIN_MEASURED, MIN_VOTES, Pattern, evidence, indicator_line
from app.domain.summary import AthleteSummary
from app.domain.text import counted, visible


def _signed(c: Comparison, value: float | None) -> str:
    return "—" if value is None else f"{value:+.{c.definition.places}f}"


def _plain(c: Comparison, value: float | None) -> str:
    if value is None:
        return "—"
    d = c.definition
    return d.format_value(value) if d.is_passfail else f"{value:.{d.places}f}"


def with_unit(c: Comparison, text: str) -> str:
    """A value as the table prints it with its unit: ``28.0°``, ``9.0 cm``, ``31 reps``,
    ``45 s``; a score (the FPI), pass/fail and a missing side stay bare."""
    d = c.definition
    if text == "—" or d.is_passfail or d.unit == "score" or not d.unit:
        return text
    return f"{text}°" if d.unit == "deg" else f"{text} {d.unit}"


def metric_text(c: Comparison) -> str:
    """'12.5 %' (% asymmetry) or 'LSI 94.3 %' — none for a score such as the FPI."""
    if c.definition.rule is Rule.PASSFAIL:
        return "—"
    value = c.metric
    if value is None:
        return "—"
    return f"LSI {value:.1f} %" if c.definition.rule is Rule.LSI else f"{value:.1f} %"


def score_line(c: Comparison) -> str:
    """The FPI as a score around a norm (DOMAIN.md §3): each side classified, the difference
    in points, no % and no LSI; which foot a drill is for."""
    if c.key != "foot_posture_index" or c.left is None or c.right is None:
        return ""
    points = abs(c.diff or 0)
    line = (
        f"Foot posture: left {_plain(c, c.left)} ({fpi_class(c.left)}), right "
        f"{_plain(c, c.right)} ({fpi_class(c.right)}); difference {points:.0f} "
        f"point{'' if points == 1 else 's'}"
    )
    found = c.foot_direction
    if found is not None and c.flag.value == "asymmetric":
        side, direction = found
        drill = "arch control" if direction == "pronated" else "mobility"
        line += f"; the {side} foot is the more {direction} one ({drill})"
    return line


def format_summary(summary: AthleteSummary) -> str:
    a = summary.athlete
    lines = [f"{visible(a.name)} (id {a.id})"]
    if summary.latest is None:
        lines.append("No sessions recorded yet.")
        return "\n".join(lines) + "\n"
    s = summary.latest.session
    sessions = counted(summary.session_count, "session")
    lines.append(f"Latest session: {s.date.isoformat()} ({sessions})")
    if a.dominant_side or a.involved_side:
        lines.append(
            f"Dominant side: {visible(a.dominant_side or '—')}; "
            f"involved side: {visible(a.involved_side or '—')}"
        )
    if a.involved_side in ("left", "right"):
        left, right = side_labels(a.involved_side)
        lines.append(f"Sides: {left}, {right}")
    painful = summary.latest.pain_limited()
    if painful:
        lines.append("Pain-limited (assess before loading):")
        for c in painful:
            lines.append(f"  {visible(c.key)}: {c.pain_text}")
    lines.append("")
    header = ("key", "left", "right", "diff", "asym/LSI", "flag")
    rows = [header]
    # pain-limited measurements first (DOMAIN.md §4), then the catalog's order
    findings = sorted(summary.latest.findings, key=lambda f: not f.comparison.pain_limited)
    for finding in findings:
        c = finding.comparison
        diff = "—" if c.definition.is_passfail else _signed(c, c.diff)
        rows.append(
            (
                visible(c.key),  # first, bare: scripts read the table by its key
                with_unit(c, _plain(c, c.left)),
                with_unit(c, _plain(c, c.right)),
                with_unit(c, diff),
                metric_text(c),
                c.status,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for row in rows:
        cells = (
            [row[0].ljust(widths[0])]
            + [cell.rjust(widths[i]) for i, cell in enumerate(row[1:-1], start=1)]
            + [row[-1]]
        )
        lines.append("  ".join(cells).rstrip())
    for f in summary.latest.findings:
        line = score_line(f.comparison)
        if line:
            lines.append(line)
    low = [f.comparison for f in summary.latest.findings if f.comparison.both_low]
    for c in low:
        ref = c.reference
        assert ref is not None
        lines.append(
            f"Both sides low: {visible(c.key)} (left {_plain(c, c.left)}, right "
            f"{_plain(c, c.right)}; reference {ref.mean:g}, lower limit {ref.lower:g}: "
            f"{ref.rule}; {ref.source})"
        )
    pattern = summary.latest.pattern
    lines.append("")
    lines.append(f"Pattern: {pattern.pattern.value} — {pattern.pattern.description}")
    lines.append(
        f"Indicators: {pattern.left_count} for the left pattern, {pattern.mirror_count} for "
        f"the mirror; {pattern.measured_count} of {len(pattern.indicators)} measured (a "
        f"pattern needs {MIN_MEASURED} measured and {MIN_VOTES} votes beyond the error)"
    )
    for indicator in pattern.indicators:
        lines.append(f"  {indicator_line(indicator)}")
    for c in pattern.supporting:
        lines.append(f"Supporting finding (no vote): {visible(c.key)} asymmetric ({evidence(c)})")
    changes = summary.latest.changes()
    baseline = next((f.baseline for f in summary.latest.findings if f.baseline), None)
    if changes and baseline is not None:
        lines.append(f"Change of asymmetry since {baseline.isoformat()}:")
        for c, change in changes:
            lines.append(f"  {visible(c.key)}: {change.text()}")
    if pattern.pattern is not Pattern.NONE:
        lines.append("A suggestion for the clinician to review, not a diagnosis.")
    return "\n".join(lines) + "\n"
