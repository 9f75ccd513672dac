"""The plain-text summary table (``untwist summary``): deterministic, no paths or timestamps.

People's text (names, keys, sides) is shown through :func:`~app.domain.text.visible`: a name
holding an escape sequence prints as ``\x1b[2J``, it does not clear the reader's terminal.
"""

from __future__ import annotations

from app.domain.asymmetry import Comparison
from app.domain.catalog import Rule
from app.domain.patterns import Pattern, Vote
from app.domain.summary import AthleteSummary
from app.domain.text import visible


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}"


def _plain(c: Comparison, value: float | None) -> str:
    if value is None:
        return "—"
    return c.definition.format_value(value) if c.definition.is_passfail else f"{value:.1f}"


def metric_text(c: Comparison) -> str:
    """'12.5 %' (% asymmetry) or 'LSI 94.3 %' — the figure the flag is judged on."""
    if c.definition.rule is Rule.PASSFAIL:
        return "—"
    value = c.metric
    if value is None:
        return "—"
    return f"LSI {value:.1f} %" if c.definition.rule is Rule.LSI else f"{value:.1f} %"


def format_summary(summary: AthleteSummary) -> str:
    a = summary.athlete
    lines = [f"{visible(a.name)} (id {a.id})"]
    if summary.latest is None:
        lines.append("No sessions recorded yet.")
        return "\n".join(lines) + "\n"
    s = summary.latest.session
    lines.append(f"Latest session: {s.date.isoformat()} ({summary.session_count} sessions)")
    if a.dominant_side or a.involved_side:
        lines.append(
            f"Dominant side: {visible(a.dominant_side or '—')}; "
            f"involved side: {visible(a.involved_side or '—')}"
        )
    lines.append("")
    header = ("key", "left", "right", "diff", "asym/LSI", "flag")
    rows = [header]
    for finding in summary.latest.findings:
        c = finding.comparison
        diff = "—" if c.definition.is_passfail else _signed(c.diff)
        rows.append(
            (
                visible(c.key),
                _plain(c, c.left),
                _plain(c, c.right),
                diff,
                metric_text(c),
                c.flag.value,
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
    pattern = summary.latest.pattern
    lines.append("")
    lines.append(f"Pattern: {pattern.pattern.value} — {pattern.pattern.description}")
    lines.append(
        f"Indicators: {pattern.left_count} for the left pattern, {pattern.mirror_count} for "
        "the mirror"
    )
    for indicator in pattern.indicators:
        vote = indicator.vote
        shown = {
            Vote.LEFT: "left pattern",
            Vote.MIRROR: "mirror pattern",
            Vote.BOTH: "both patterns",
            Vote.NEITHER: "neither",
            Vote.NOT_MEASURED: "not measured",
        }[vote]
        lines.append(f"  {indicator.name}: {shown} (left pattern: {indicator.left_sign})")
    if pattern.pattern is not Pattern.NONE:
        lines.append("A suggestion for the clinician to review, not a diagnosis.")
    return "\n".join(lines) + "\n"
