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
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
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

from app.domain.asymmetry import Comparison, Flag
from app.domain.chart_data import MeasurementTrend
from app.domain.language import Language, language
from app.domain.pictures import RASTER_KINDS
from app.domain.programs import program_days, program_end
from app.domain.report_words import (
    aim_paragraph,
    flag_word,
    measurement_texts,
    patient_sentence,
    short_change_text,
    value_text,
    vote_sentences,
)
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
    HeadingWithNext,
    fit_words,
    longest_word,
    one_line,
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


# ---------------------------------------------------------------------------------------------
# Page furniture


_one_line = one_line  # the footer's names, cut to its line


def numbered_canvas(
    footer_left: str, printed: dt.date, pages: list[int], disclaimer: str, lang: Language
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
            right = lang.t(
                "Printed {date}  ·  page {page} of {total}",
                date=lang.date(printed),
                page=self._pageNumber,
                total=total,
            )
            room = width - 2 * MARGIN - stringWidth(right, FONT, 7.5) - 12
            self.drawString(MARGIN, y + 2, _one_line(footer_left, FONT, 7.5, room))
            self.drawRightString(width - MARGIN, y + 2, right)
            size = 7.5  # a longer language's disclaimer shrinks a little before it is cut
            while size > 6 and stringWidth(disclaimer, FONT, size) > width - 2 * MARGIN:
                size -= 0.25
            self.setFont(FONT, size)
            self.drawString(MARGIN, y - 7, _one_line(disclaimer, FONT, size, width - 2 * MARGIN))
            self.restoreState()

    return NumberedCanvas


# ---------------------------------------------------------------------------------------------
# Page 1: findings


def header(
    clinic_name: str, logo_png: bytes | None, printed: dt.date, lang: Language, width: float
) -> list:
    s = styles()
    left: list = []
    if logo_png:
        # checked like any picture first; a refused or damaged logo prints no logo
        logo = raster(logo_png, 45 * mm, 16 * mm, RASTER_KINDS)
        if logo is not None:
            logo.hAlign = "LEFT"
            left.append(logo)
    after: list = []
    if clinic_name:
        name = Paragraph(text(clinic_name), s["clinic"])
        if name.wrap(width * 0.7, PAGE_SIZES["a4"][1])[1] <= HEADER_NAME_MAX:
            left.append(name)
        else:  # a very long name runs below the rule, where it may split across pages
            after.append(Paragraph(text(clinic_name), s["clinic"]))
    right = Paragraph(text(lang.date(printed)), s["subtitle"])
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


def _bullets(lines: list[str]) -> list:
    s = styles()
    return [Paragraph(text(line), s["bullet"], bulletText="•") for line in lines]


def _order(c: Comparison) -> tuple[int, int]:
    """Painful first (DOMAIN.md §4), then clear differences, worth watching, the rest."""
    rank = {"asymmetric": 0, "watch": 1, "ok": 2, "incomplete": 3}[c.flag.value]
    return (0 if c.pain_limited else 1, rank)


def _findings_table(h: Handout, lang: Language, width: float) -> Table:
    """The numbers behind the sentences, with the patient's names for the tests. Plain-string
    cells styled by the table (a dozen rows of numbers need no line breaking)."""
    s = styles()
    findings = h.findings
    assert findings is not None
    left, right = _side_heads(h.athlete.involved_side, lang)
    head = [lang.t("Test"), left, right, lang.t("Result"), lang.t("Since your first visit")]
    rows: list[list] = [[Paragraph(text(h), s["cell_head"]) for h in head]]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("FONT", (0, 1), (-1, -1), FONT, 8.8),
        ("FONT", (3, 1), (3, -1), FONT_BOLD, 8.8),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (2, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    widths = [w * width for w in (0.3, 0.12, 0.12, 0.24, 0.22)]
    ordered = sorted(findings.findings, key=lambda f: _order(f.comparison))
    for n, f in enumerate(ordered, start=1):
        c = f.comparison
        flag = c.flag.value
        name = measurement_texts(c.definition, lang).patient_name
        status = f"{FLAG_SYMBOL[flag]}\u00a0{flag_word(c.flag, lang)}"
        if c.within_error:
            status += "\n" + lang.t("within measurement error")
        if c.both_low:
            status += "\n" + lang.t("both sides low")
        if c.pain_limited:
            status += "\n" + lang.t("pain-limited")
        change = f.asymmetry_change
        since = "—"
        if h.session_count > 1 and change is not None and change.verdict is not None:
            since = short_change_text(change, lang, h.length_unit)
        rows.append(
            [
                Paragraph(text(name), s["cell"]),
                value_text(c.definition, c.left, lang, h.length_unit),
                value_text(c.definition, c.right, lang, h.length_unit),
                Paragraph(text(status), _flag_style(flag)),
                Paragraph(text(since), s["cell"]),
            ]
        )
        style.append(("TEXTCOLOR", (3, n), (3, n), FLAG_COLORS[flag]))
        if n % 2 == 0:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#F6F6F6")))
    # no split inside a row: its cells are a few lines, and a row split under a repeated
    # heading printed that heading again in the middle of the page
    table = Table(rows, colWidths=fit_words(rows, widths, 6), repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _flag_style(flag: str) -> ParagraphStyle:
    """A table cell in the flag's colour, bold, wrapping inside its column."""
    return ParagraphStyle(f"flag_{flag}", parent=styles()["cell_bold"], textColor=FLAG_COLORS[flag])


def _side_heads(involved: str | None, lang: Language) -> tuple[str, str]:
    """'Left' / 'Right', with '(involved)' on a second line where the athlete has one."""
    left, right = lang.t("Left"), lang.t("Right")
    if involved == "left":
        return f"{left}\n{lang.t('(involved)')}", f"{right}\n{lang.t('(uninvolved)')}"
    if involved == "right":
        return f"{left}\n{lang.t('(uninvolved)')}", f"{right}\n{lang.t('(involved)')}"
    return left, right


def charted(trends: tuple[MeasurementTrend, ...]) -> tuple[MeasurementTrend, ...]:
    """The trends worth a chart: two sessions or more (one dot is no history)."""
    return tuple(t for t in trends if len(t.points) > 1)


def _charts(h: Handout, lang: Language, width: float, title: str) -> list:
    s = styles()
    shown = charted(h.trends)
    trends = shown[:MAX_CHARTS]
    if not trends:
        return []
    per_row = 2 if len(trends) <= 4 else 3
    gap = 5 * mm
    w = (width - gap * (per_row - 1)) / per_row
    chart_h = 40 * mm if per_row == 2 else 37 * mm
    cells = [trend_chart(t, w, chart_h, lang, h.length_unit) for t in trends]
    rows = []
    for i in range(0, len(cells), per_row):
        row = cells[i : i + per_row]
        row += [""] * (per_row - len(row))
        rows.append(row)
    col_widths = [w + (gap if i < per_row - 1 else 0) for i in range(per_row)]
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
    if len(shown) > len(trends):
        title = lang.t(
            "{title} (the {count} clearest of {total})",
            title=title,
            count=len(trends),
            total=len(shown),
        )
    return [KeepTogether([Paragraph(text(title), s["h2"]), grid, *legend(width, trends, lang)])]


def _first_page(h: Handout, width: float) -> list:
    s = styles()
    lang = language(h.language)
    story = header(h.clinic_name, h.logo_png, h.printed, lang, width)
    story.append(
        Paragraph(text(lang.t("Exercise program for {name}", name=h.athlete.name)), s["title"])
    )
    end = program_end(h.start_date, h.weeks)
    sub = " · ".join(
        [
            lang.n("{count} exercise", "{count} exercises", len(h.drills)),
            lang.t("{start} to {end}", start=lang.date(h.start_date), end=lang.date(end)),
            lang.n("{count} week", "{count} weeks", h.weeks),
        ]
        + ([lang.t("suggested")] if h.suggested else [])
    )
    story.append(Paragraph(text(sub), s["subtitle"]))
    if h.findings is None:
        story.append(Paragraph(text(lang.t("No measurements are recorded yet.")), s["body"]))
        return story
    findings = h.findings
    day = lang.date(findings.session.date)
    heading = (
        lang.t("What you measured on {date}", date=day)
        if h.solo
        else lang.t("What we found on {date}", date=day)
    )
    story.append(Paragraph(text(heading), s["h2"]))
    if h.session_count <= 1:
        story.append(
            Paragraph(
                text(
                    lang.t(
                        "This is your starting point: your next measurements will be compared "
                        "with these."
                    )
                ),
                s["body"],
            )
        )
        story.append(Spacer(1, 3))
    ordered = sorted(findings.findings, key=lambda f: _order(f.comparison))
    sentences = [
        patient_sentence(f.comparison, lang, h.length_unit, h.solo)
        for f in ordered
        if f.comparison.flag is not Flag.INCOMPLETE
        or f.comparison.left is not None
        or f.comparison.right is not None
    ]
    story += _bullets(sentences)
    story.append(Paragraph(text(lang.t("What the program aims at")), s["h2"]))
    story.append(Paragraph(text(aim_paragraph(findings, lang, h.solo)), s["body"]))
    votes = vote_sentences(findings.pattern, lang, h.length_unit)
    if votes:
        story.append(Spacer(1, 3))
        story.append(Paragraph(text(lang.t("The signs that point the same way:")), s["body"]))
        story += _bullets(votes)
    if h.first_session and h.session_count > 1:
        story.append(Spacer(1, 3))
        story.append(Paragraph(text(_since_first(h, lang)), s["body"]))
    story.append(Spacer(1, 6))
    story.append(_findings_table(h, lang, width))
    story.append(
        Paragraph(
            text(
                lang.t(
                    "▲ clear difference: larger than measurement error. ◐ worth watching: "
                    "past the usual limit but within measurement error, or close to the limit. "
                    "✓ no clear difference."
                )
            ),
            s["small"],
        )
    )
    story += _charts(h, lang, width, lang.t("How your results have changed"))
    if h.photos:  # chosen by the clinician; off by default
        from app.reports.photos import photo_pair

        story += photo_pair(h.photos, width, lang)
    return story


def _since_first(h: Handout, lang: Language) -> str:
    """Which side-to-side differences changed beyond the error of a change (√2 × E)."""
    findings = h.findings
    assert findings is not None and h.first_session is not None
    changes = findings.changes()
    names = {
        verdict: [
            measurement_texts(c.definition, lang).patient_name
            for c, ch in changes
            if ch.verdict == verdict
        ]
        for verdict in ("reduced", "grew")
    }
    first = lang.date(h.first_session)
    if not names["reduced"] and not names["grew"]:
        return lang.t(
            "Since your first session ({date}), no difference between your sides has changed "
            "by more than measurement error yet.",
            date=first,
        )
    parts = []
    if names["reduced"]:
        parts.append(
            lang.t(
                "Since your first session ({date}), the difference between your sides has become "
                "smaller, by more than measurement error: {names}.",
                date=first,
                names=", ".join(names["reduced"]),
            )
        )
    if names["grew"]:
        parts.append(
            lang.t(
                "It has grown, by more than measurement error: {names}.",
                names=", ".join(names["grew"]),
            )
            if parts
            else lang.t(
                "Since your first session ({date}), the difference between your sides has grown, "
                "by more than measurement error: {names}.",
                date=first,
                names=", ".join(names["grew"]),
            )
        )
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# Last page: tick sheet and notes


def tick_days(h: Handout) -> list[dt.date]:
    """The days the tick sheet prints: from the print date to the program's end (the past
    cannot be ticked on paper any more), or the whole program when asked for. A program that
    has not started yet, or has ended, prints whole."""
    days = program_days(h.start_date, h.weeks)
    if h.ticks == "whole":
        return days
    left = [d for d in days if d >= h.printed]
    return left if left else days


def _tick_sheet(h: Handout, width: float) -> list:
    s = styles()
    lang = language(h.language)
    days = tick_days(h)
    end = program_end(h.start_date, h.weeks)
    intro = lang.t(
        "Tick a box each day you do an exercise: {start} to {end}.",
        start=lang.date(days[0]),
        end=lang.date(days[-1]),
    )
    if days[0] > h.start_date:
        intro += " " + lang.t(
            "The program started on {date}; the days before this print are left out.",
            date=lang.date(h.start_date),
        )
    a = h.adherence
    if a is not None and a.percent is not None:
        intro += " " + lang.t(
            "Done so far: {percent} of the sessions due by {date}.",
            percent=lang.percent(a.percent, 0),
            date=lang.date(min(h.printed, end)),
        )
    story: list = [
        Paragraph(text(lang.t("Tick sheet")), s["drill_title"]),
        Paragraph(text(intro), s["body"]),
        Spacer(1, 6),
    ]
    # every week's grid the same: the day columns as wide as the widest date of the sheet
    # ("23. Sept."), "per week" as its longest word ("semana"); the names give way
    bold = partial(longest_word, font=FONT_BOLD, size=7.5)
    often_w = max(width * 0.07, bold(lang.t("per\nweek")) + 3.5)
    day_w = max(
        [(width - width * 0.37 - often_w) / 7]
        + [bold(f"{lang.weekday(d)}\n{lang.short_date(d)}") + 3.5 for d in days]
    )
    label_w = width - often_w - 7 * day_w
    labels = [
        Paragraph(f"{n}. {text(hd.drill.name)}", s["grid"]) for n, hd in enumerate(h.drills, 1)
    ]
    # weeks of the program, as the patient counts them; a sheet from today starts mid-week
    weeks: dict[int, list[dt.date]] = {}
    for d in days:
        weeks.setdefault((d - h.start_date).days // 7, []).append(d)
    for week, week_days in sorted(weeks.items()):
        rows: list[list] = [
            [
                Paragraph(
                    "<b>" + text(lang.t("Week {number}", number=week + 1)) + "</b>", s["grid"]
                ),
                lang.t("per\nweek"),
                *(f"{lang.weekday(d)}\n{lang.short_date(d)}" for d in week_days),
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
        table = Table(rows, colWidths=[label_w, often_w] + [day_w] * len(week_days))
        table.setStyle(TableStyle(style))
        table.hAlign = "LEFT"
        story.append(KeepTogether([table, Spacer(1, 5)]))
    notes = [Paragraph("<b>" + text(lang.t("Notes")) + "</b>", s["body"])]
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
    lang = language(h.language)
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
        title=lang.t("Exercise program for {name}", name=h.athlete.name),
        author=h.clinic_name or "Untwist",
        subject=lang.t("Exercise program handout"),
        creator="Untwist",
        invariant=False,
    )
    doc.keepTogetherClass = HeadingWithNext  # a heading stays with what follows it
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
        story += drill_page(hd, n, total, width, height - 6, lang)
    story.append(PageBreak())
    story += _tick_sheet(h, width)
    pages: list[int] = []
    footer_left = f"{h.athlete.name}  ·  {h.clinic_name}" if h.clinic_name else h.athlete.name
    disclaimer = lang.t(SOLO_DISCLAIMER if h.solo else DISCLAIMER)
    doc.build(story, canvasmaker=numbered_canvas(footer_left, h.printed, pages, disclaimer, lang))
    return pages[-1] if pages else 0
