"""The PDF handout the patient takes home (reportlab platypus).

Page 1: clinic, athlete, date, what was found in plain words (side-to-side table with change
since the first session) and vector trend charts of the flagged measurements. Then one page
per drill, and last a tick sheet (drills × days of the program) with a notes box. Every page
carries its number, the date and a "not a diagnosis" line.

All text that a user or a clinic typed (names, notes, drill text) goes through
:func:`app.reports.styles.text`, so ``<b>Zoë & "Ann"</b>`` prints exactly like that. This
module is imported only when a PDF is made: reportlab costs start-up time the window does not
need to pay.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.asymmetry import (
    Comparison,
    Flag,
    display_text,
    display_unit,
    side_labels,
    to_display,
)
from app.domain.catalog import Rule
from app.domain.patterns import Pattern, vote_text
from app.domain.pictures import RASTER_KINDS
from app.domain.programs import program_days, program_end
from app.domain.summary import Finding
from app.domain.text import counted
from app.reports.charts import legend, trend_chart
from app.reports.drill_pages import drill_page, raster
from app.reports.handout import Handout
from app.reports.styles import (
    ACCENT,
    FLAG_COLORS,
    FLAG_SYMBOL,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN,
    MUTED,
    PAGE_SIZES,
    RULE,
    SHADE,
    register_fonts,
    styles,
    text,
)

log = logging.getLogger(__name__)
BOTTOM = 16 * mm  # the footer sits in the bottom margin
MAX_CHARTS = 6
HEADER_NAME_MAX = 60  # points: a clinic name taller than this leaves the header row
DISCLAIMER = (
    "A program from your clinician's findings, not a diagnosis. "
    "Stop an exercise that causes pain and tell your clinician."
)
SOLO_DISCLAIMER = (  # solo mode: nobody else measured, so no clinician is named
    "A program from your own measurements, not a diagnosis. "
    "Stop an exercise that causes pain and ask a health professional."
)


def _date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _short_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')}"


# ---------------------------------------------------------------------------------------------
# Page furniture


def _one_line(value: str, font: str, size: float, room: float) -> str:
    """``value`` cut with "…" to fit ``room`` points (the footer repeats names printed in
    full on the first page, so cutting them here loses nothing)."""
    value = " ".join(value.split())
    if stringWidth(value, font, size) <= room:
        return value
    low, high = 0, len(value)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(value[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"


def _numbered_canvas(
    footer_left: str, printed: str, pages: list[int], disclaimer: str = DISCLAIMER
) -> type[Canvas]:
    """A canvas that knows the page count when it draws the footers ("page 2 of 7")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            pages.append(total)
            for state in self._saved:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = BOTTOM * 0.5
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 11, width - MARGIN, y + 11)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            right = f"Printed {printed}  ·  page {self._pageNumber} of {total}"
            room = width - 2 * MARGIN - stringWidth(right, FONT, 7.5) - 12
            self.drawString(MARGIN, y + 2, _one_line(footer_left, FONT, 7.5, room))
            self.drawRightString(width - MARGIN, y + 2, right)
            self.drawString(MARGIN, y - 7, disclaimer)
            self.restoreState()

    return NumberedCanvas


# ---------------------------------------------------------------------------------------------
# Page 1: findings


def _header(h: Handout, width: float) -> list:
    s = styles()
    left: list = []
    if h.logo_png:
        # checked like any picture first; a refused or damaged logo prints no logo
        logo = raster(h.logo_png, 45 * mm, 16 * mm, RASTER_KINDS)
        if logo is not None:
            logo.hAlign = "LEFT"
            left.append(logo)
    after: list = []
    if h.clinic_name:
        name = Paragraph(text(h.clinic_name), s["clinic"])
        if name.wrap(width * 0.7, PAGE_SIZES["a4"][1])[1] <= HEADER_NAME_MAX:
            left.append(name)
        else:  # a very long name runs below the rule, where it may split across pages
            after.append(Paragraph(text(h.clinic_name), s["clinic"]))
    right = Paragraph(text(_date(h.printed)), s["subtitle"])
    table = Table([[left or "", right]], colWidths=[width * 0.7, width * 0.3], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [table, *after, Spacer(1, 8)]


def _fmt(c: Comparison, value: float | None, unit_system: str) -> str:
    d = c.definition
    if value is None:
        return "—"
    if d.is_passfail:
        return d.format_value(value)
    unit = display_unit(d.unit, unit_system)
    suffix = "°" if unit == "deg" else "" if unit == "score" else f" {unit}"
    return display_text(d, value, unit_system) + suffix


def _signed(c: Comparison, value: float | None, unit_system: str) -> str:
    if value is None or c.definition.is_passfail:
        return "—"
    shown = to_display(value, c.definition.unit, unit_system)
    assert shown is not None
    return f"{shown:+.{c.definition.places}f}".replace("-", "−")


def _metric(c: Comparison) -> str:
    """No % and no LSI for a score (the FPI); the LSI with the decimal it is judged on."""
    if c.definition.rule is Rule.PASSFAIL or c.metric is None:
        return "—"
    if c.definition.rule is Rule.LSI:
        return f"LSI {c.metric:.1f} %"
    return f"{c.metric:.0f} %"


def _asymmetry_cell(f: Finding, unit_system: str) -> str:
    """'18° → 10° reduced' / '16° → 12° within error' — the change of asymmetry since the
    first session, judged against √2 × E."""
    change = f.asymmetry_change
    if change is None or change.verdict is None:
        return "—"
    cell = change.short(unit_system)
    return cell + "*" if change.verdict in ("reduced", "grew") else cell


def _list(labels: list[str]) -> str:
    return ", ".join(labels)


def _plain_summary(h: Handout) -> list[str]:
    """What the findings mean, in plain words; never a pattern without the votes behind it."""
    findings = h.findings
    assert findings is not None
    comps = [f.comparison for f in findings.findings]
    painful = [c for c in comps if c.pain_limited]
    asym = [c.definition.label for c in comps if c.flag is Flag.ASYMMETRIC and not c.pain_limited]
    within = [c.definition.label for c in comps if c.within_error and not c.pain_limited]
    watch = [
        c.definition.label
        for c in comps
        if c.flag is Flag.WATCH and not c.within_error and not c.pain_limited
    ]
    low = [c.definition.label for c in comps if c.both_low]
    measured = [c for c in comps if c.flag is not Flag.INCOMPLETE]
    lines = []
    if painful:
        who = "a health professional" if h.solo else "your clinician"
        lines.append(
            f"Painful when tested (pain 3/10 or more): "
            f"{_list([f'{c.definition.label} ({c.pain_text})' for c in painful])}. No exercise "
            f"is added because of it: {who} should assess it before loading."
        )
    if asym:
        lines.append(
            f"Of {counted(len(measured), 'measurement')} compared side to side, {len(asym)} "
            f"{'shows' if len(asym) == 1 else 'show'} a clear difference between your left "
            f"and right side, larger than measurement error: {_list(asym)}."
        )
    else:
        lines.append(
            f"None of the {counted(len(measured), 'measurement')} compared side to side shows "
            "a clear difference between your left and right side (larger than measurement error"
            + (", leaving out the painful ones)." if painful else ").")
        )
    if within:
        lines.append(
            f"Past the usual limit but within measurement error, so worth measuring again: "
            f"{_list(within)}."
        )
    if watch:
        lines.append(f"Worth keeping an eye on: {_list(watch)}.")
    if low:
        lines.append(
            f"Both sides below the reference value for your age and sex: {_list(low)}. A "
            "symmetric result can still be low on both sides."
        )
    result = findings.pattern
    if result.pattern in (Pattern.LEFT, Pattern.MIRROR):
        votes = [
            f"{i.name.lower()} ({vote_text(i.comparison)})"
            for i in result.agreeing()
            if i.comparison is not None
        ]
        lines.append(
            f"{result.pattern.description}: {len(votes)} of {len(result.indicators)} signs "
            f"point the same way, each by more than measurement error: {_list(votes)}. The "
            "exercises work on it from the top down: breathing and ribcage first, then the "
            "pelvis, then whole-body strength."
        )
        if result.supporting:
            lines.append(
                "Ankle bend (dorsiflexion) also differs between your sides: "
                f"{_list([c.definition.label for c in result.supporting])}."
            )
    if h.first_session and h.session_count > 1:
        changes = findings.changes()
        reduced = [c.definition.label for c, ch in changes if ch.verdict == "reduced"]
        grew = [c.definition.label for c, ch in changes if ch.verdict == "grew"]
        since = f"Since your first session ({_date(h.first_session)})"
        if not reduced and not grew:
            lines.append(
                f"{since}, no side-to-side difference has changed by more than measurement "
                "error yet."
            )
        else:
            parts = []
            if reduced:
                parts.append(f"the difference between your sides has reduced for {_list(reduced)}")
            if grew:
                parts.append(f"it has grown for {_list(grew)}")
            lines.append(
                f"{since}, {' and '.join(parts)}, by more than measurement error (marked * below)."
            )
    return lines


def _findings_table(h: Handout, width: float) -> Table:
    """The side-to-side table. Plain-string cells styled by the table (not one Paragraph
    each): a dozen rows of numbers do not need line breaking, and this halves the time."""
    s = styles()
    findings = h.findings
    assert findings is not None
    left, right = side_labels(h.athlete.involved_side)
    head = [  # "Left (involved)" on two lines, so the number columns stay narrow
        "Measurement",
        left.capitalize().replace(" (", "\n("),
        right.capitalize().replace(" (", "\n("),
        "R − L",
        "% / LSI",
        "Flag",
        "Asymmetry since first",
    ]
    rows: list[list] = [head]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("FONT", (0, 1), (-1, -1), FONT, 8.8),
        ("FONT", (5, 1), (5, -1), FONT_BOLD, 8.8),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (4, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    widths = [w * width for w in (0.17, 0.1, 0.1, 0.07, 0.11, 0.19, 0.26)]
    # pain-limited measurements first (DOMAIN.md §4)
    ordered = sorted(findings.findings, key=lambda f: not f.comparison.pain_limited)
    for n, f in enumerate(ordered, start=1):
        c = f.comparison
        flag = c.flag.value
        label = c.definition.label
        # a clinic's own long measurement name wraps (a Paragraph); the usual short one not
        name_cell: object = label
        if stringWidth(label, FONT, 8.8) > widths[0] - 6:
            name_cell = Paragraph(text(label), s["cell"])
        status = f"{FLAG_SYMBOL[flag]} {flag}"
        if c.within_error:
            status += " (in error)"
        if c.both_low:
            status += " · both low"
        if c.pain_limited:  # beside the flag, on its own line
            status += "\npain-limited"
        rows.append(
            [
                name_cell,
                _fmt(c, c.left, h.length_unit),
                _fmt(c, c.right, h.length_unit),
                _signed(c, c.diff, h.length_unit),
                _metric(c),
                status,
                _asymmetry_cell(f, h.length_unit),
            ]
        )
        style.append(("TEXTCOLOR", (5, n), (5, n), FLAG_COLORS[flag]))
        if n % 2 == 0:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#F6F6F6")))
    # splitInRow: a clinic's very long measurement name may split between pages
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def _charts(h: Handout, width: float) -> list:
    s = styles()
    trends = h.trends[:MAX_CHARTS]
    if not trends:
        return []
    per_row = 2 if len(trends) <= 4 else 3
    gap = 5 * mm
    w = (width - gap * (per_row - 1)) / per_row
    chart_h = 38 * mm if per_row == 2 else 36 * mm
    cells = [trend_chart(t, w, chart_h) for t in trends]
    rows = []
    for i in range(0, len(cells), per_row):
        row = cells[i : i + per_row]
        row += [""] * (per_row - len(row))
        rows.append(row)
    col_widths = []
    for i in range(per_row):
        col_widths.append(w + (gap if i < per_row - 1 else 0))
    grid = Table(rows, colWidths=col_widths)
    grid.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    title = "How the flagged measurements have changed"
    more = len(h.trends) - len(trends)
    note = f" (the {len(trends)} clearest of {len(h.trends)})" if more > 0 else ""
    return [
        KeepTogether(
            [
                Paragraph(text(title + note), s["h2"]),
                grid,
                legend(width),
            ]
        )
    ]


def _first_page(h: Handout, width: float) -> list:
    s = styles()
    story = _header(h, width)
    story.append(Paragraph(f"Exercise program for {text(h.athlete.name)}", s["title"]))
    end = program_end(h.start_date, h.weeks)
    sub = (
        f"{counted(len(h.drills), 'exercise')} · {_date(h.start_date)} to {_date(end)} "
        f"({h.weeks} week{'s' if h.weeks != 1 else ''})"
    )
    if h.suggested:
        sub += " · suggested"
    story.append(Paragraph(text(sub), s["subtitle"]))
    if h.findings is None:
        story.append(Paragraph("No measurements are recorded yet.", s["body"]))
        return story
    session_day = h.findings.session.date
    story.append(Paragraph(f"What we found on {text(_date(session_day))}", s["h2"]))
    for line in _plain_summary(h):
        story.append(Paragraph(text(line), s["body"]))
        story.append(Spacer(1, 3))
    story.append(Spacer(1, 4))
    story.append(_findings_table(h, width))
    story.append(
        Paragraph(
            "R − L: right minus left. % asymmetry compares the sides; LSI (limb symmetry "
            "index) is the weaker side as a percentage of the stronger (the involved side "
            "of the uninvolved one, when there is one); the foot posture score is compared "
            "in points. ▲ a clear difference, beyond measurement error; ◐ worth watching "
            "(in error: within measurement error, measure again); ✓ fine. "
            "* the difference between the sides changed by more than the error of a change.",
            s["small"],
        )
    )
    story += _charts(h, width)
    if h.photos:  # chosen by the clinician; off by default
        from app.reports.photos import photo_pair

        story += photo_pair(h.photos, width)
    return story


# ---------------------------------------------------------------------------------------------
# Last page: tick sheet and notes


def _tick_sheet(h: Handout, width: float) -> list:
    s = styles()
    end = program_end(h.start_date, h.weeks)
    intro = f"Tick a box each day you do an exercise: {_date(h.start_date)} to {_date(end)}."
    a = h.adherence
    if a is not None and a.percent is not None:
        intro += (
            f" Done so far: {a.percent:.0f} % of the sessions due by "
            f"{_date(min(h.printed, end))} (the ticks below)."
        )
    story: list = [Paragraph("Tick sheet", s["drill_title"]), Paragraph(text(intro), s["body"])]
    story.append(Spacer(1, 6))
    days = program_days(h.start_date, h.weeks)
    label_w = width * 0.37
    often_w = width * 0.07
    day_w = (width - label_w - often_w) / 7
    labels = [
        Paragraph(f"{n}. {text(hd.drill.name)}", s["grid"]) for n, hd in enumerate(h.drills, 1)
    ]
    for week in range(h.weeks):
        week_days = days[week * 7 : week * 7 + 7]
        rows: list[list] = [
            [
                Paragraph(f"<b>Week {week + 1}</b>", s["grid"]),
                "per\nweek",
                *(f"{d.strftime('%a')}\n{_short_date(d)}" for d in week_days),
            ]
        ]
        style: list[tuple] = [
            ("FONT", (1, 0), (-1, 0), FONT_BOLD, 7.5, 9),
            ("TEXTCOLOR", (1, 0), (-1, 0), MUTED),
            ("FONT", (1, 1), (1, -1), FONT_BOLD, 8),
            ("TEXTCOLOR", (1, 1), (1, -1), MUTED),
            ("FONT", (2, 1), (-1, -1), FONT_BOLD, 13),
            ("TEXTCOLOR", (2, 1), (-1, -1), ACCENT),
            ("GRID", (2, 0), (-1, -1), 0.5, RULE),
            ("LINEBELOW", (0, 0), (1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, 0), 2),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
            ("TOPPADDING", (0, 1), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 3.5),
            ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (1, 0), (-1, -1), 1.5),
        ]
        for r, hd in enumerate(h.drills):
            ticks = [
                "✓" if a is not None and hd.item_id is not None and a.is_done(hd.item_id, d) else []
                for d in week_days
            ]
            rows.append([labels[r], f"{hd.dosage.per_week}×", *ticks])
        table = Table(rows, colWidths=[label_w, often_w] + [day_w] * 7)
        table.setStyle(TableStyle(style))
        story.append(KeepTogether([table, Spacer(1, 5)]))
    notes = [Paragraph("<b>Notes</b>", s["body"])]
    if h.program_notes:
        notes.append(Paragraph(text(h.program_notes), s["body"]))
    # at least 28 mm to write in; longer notes make the box grow and split across pages
    written = sum(n.wrap(width - 12, PAGE_SIZES["a4"][1])[1] for n in notes) + 10
    box = Table(
        [[notes]],
        colWidths=[width],
        rowHeights=[28 * mm] if written < 28 * mm else None,
        splitInRow=1,
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story.append(KeepTogether([Spacer(1, 4), box]) if written < 28 * mm else box)
    return story


# ---------------------------------------------------------------------------------------------


def render_handout(h: Handout, out: BinaryIO) -> int:
    """Draw the handout into ``out``; returns the number of pages."""
    register_fonts()
    page_w, page_h = PAGE_SIZES.get(h.paper, PAGE_SIZES["a4"])
    width = page_w - 2 * MARGIN
    height = page_h - MARGIN - BOTTOM
    doc = BaseDocTemplate(
        out,
        pagesize=(page_w, page_h),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        title=f"Exercise program — {h.athlete.name}",
        author=h.clinic_name or "Untwist",
        subject="Exercise program handout",
        creator="Untwist",
        invariant=False,
    )
    frame = Frame(
        MARGIN,
        BOTTOM,
        width,
        height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = _first_page(h, width)
    total = len(h.drills)
    # frame height less a little: platypus needs some slack to place the last flowable
    for n, hd in enumerate(h.drills, start=1):
        story.append(PageBreak())
        story += drill_page(hd, n, total, width, height - 6)
    story.append(PageBreak())
    story += _tick_sheet(h, width)
    pages: list[int] = []
    footer_left = f"{h.athlete.name}  ·  {h.clinic_name}" if h.clinic_name else h.athlete.name
    disclaimer = SOLO_DISCLAIMER if h.solo else DISCLAIMER
    doc.build(story, canvasmaker=_numbered_canvas(footer_left, _date(h.printed), pages, disclaimer))
    return pages[-1] if pages else 0
