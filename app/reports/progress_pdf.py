"""The progress report PDF for the referrer or insurer (reportlab platypus).

Page 1: clinic, athlete, the first and latest sessions, every measurement first against latest
with each side's change and the change of asymmetry judged against their errors, the flags and
the pattern with its evidence. Then vector charts of what was measured more than once, the
program with its adherence (when there is one), the clinician's assessment and plan, and a
signature line. Every word goes through the report's :class:`~app.domain.language.Language`;
imported only when a PDF is made.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.asymmetry import Comparison, Flag
from app.domain.language import Language, language
from app.domain.patterns import Pattern
from app.domain.report_words import (
    asymmetry_change_text,
    dose_words,
    error_text,
    evidence_text,
    indicator_text,
    measurement_texts,
    pattern_text,
    percent_text,
    side_change_text,
    status_text,
    value_text,
)
from app.reports.charts import legend, trend_chart
from app.reports.pdf import BOTTOM, header, numbered_canvas
from app.reports.progress import ProgressReport
from app.reports.styles import (
    FLAG_COLORS,
    FLAG_SYMBOL,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN,
    MUTED,
    PAGE_SIZES,
    RULE,
    HeadingWithNext,
    fit_words,
    register_fonts,
    styles,
    text,
)

DISCLAIMER = (
    "Errors are the measurement error (MDC95) of each test from its cited source, or a labelled "
    "estimate. Findings, not a diagnosis."
)


def _p(value: str, style: str = "body") -> Paragraph:
    return Paragraph(text(value), styles()[style])


def _athlete_lines(r: ProgressReport, lang: Language) -> list[str]:
    a = r.athlete
    lines = []
    facts = []
    if a.birth_date is not None:
        facts.append(lang.t("born {date}", date=lang.date(a.birth_date)))
    if a.involved_side in ("left", "right"):
        facts.append(
            lang.t("involved side: left") if a.involved_side == "left"
            else lang.t("involved side: right")
        )  # fmt: skip
    if facts:
        lines.append(" · ".join(facts))
    if r.first_session is None or r.latest_session is None:
        lines.append(lang.t("No sessions are recorded yet."))
    elif r.session_count == 1:
        lines.append(
            lang.t(
                "One session, on {date}: the starting point; no change can be judged yet.",
                date=lang.date(r.latest_session),
            )
        )
    else:
        lines.append(
            lang.t(
                "{count} sessions: first on {first}, latest on {latest}.",
                count=r.session_count,
                first=lang.date(r.first_session),
                latest=lang.date(r.latest_session),
            )
        )
    return lines


def _cell(value: str, style: str = "cell_small") -> Paragraph:
    return Paragraph(text(value), styles_small()[style])


_SMALL: dict = {}


def styles_small() -> dict:
    """Smaller cell styles: the first-against-latest table has seven columns."""
    if not _SMALL:
        from reportlab.lib.styles import ParagraphStyle

        _SMALL["cell_small"] = ParagraphStyle(
            "cell_small", fontName=FONT, fontSize=7.6, leading=9.4, textColor=INK
        )
        _SMALL["cell_small_bold"] = ParagraphStyle(
            "cell_small_bold", fontName=FONT_BOLD, fontSize=7.6, leading=9.4, textColor=INK
        )
        _SMALL["head"] = ParagraphStyle(
            "head_small", fontName=FONT_BOLD, fontSize=7.2, leading=8.8, textColor=MUTED
        )
    return _SMALL


def _sides(c: Comparison | None, r: ProgressReport, lang: Language) -> str:
    if c is None:
        return "—"
    d = c.definition
    return lang.t(
        "L {left}\nR {right}",
        left=value_text(d, c.left, lang, r.length_unit),
        right=value_text(d, c.right, lang, r.length_unit),
    )


def _table(r: ProgressReport, lang: Language, width: float) -> Table:
    """First against latest, each side's change and the change of asymmetry, each judged
    against its error; a single session shows its values and differences only."""
    many = r.session_count > 1
    if many:
        head = [
            lang.t("Test (error)"),
            lang.t("First"),
            lang.t("Latest"),
            lang.t("Change left"),
            lang.t("Change right"),
            lang.t("Side-to-side difference"),
            lang.t("Latest result"),
        ]
        fractions: tuple[float, ...] = (0.18, 0.13, 0.13, 0.12, 0.12, 0.17, 0.15)
    else:
        head = [
            lang.t("Test (error)"),
            lang.t("Values"),
            lang.t("Side-to-side difference"),
            lang.t("Result"),
        ]
        fractions = (0.34, 0.2, 0.22, 0.24)
    rows: list[list] = [[_cell(h, "head") for h in head]]
    style: list[tuple] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for n, row in enumerate(r.rows, start=1):
        d = row.definition
        name = measurement_texts(d, lang).name
        if not d.is_passfail:  # a pass/fail test has no error: its sides differ or not
            name += f" ({error_text(d, lang, r.length_unit)})"
        c = row.latest
        status = "—"
        if c is not None:
            status = f"{FLAG_SYMBOL[c.flag.value]} {status_text(c, lang)}"
            if d.rule.value == "lsi" and c.metric is not None:
                status += "\n" + percent_text(c, lang)
        if many:
            cells = [
                _cell(name),
                _cell(_sides(row.first, r, lang)),
                _cell(_sides(row.latest, r, lang)),
                _cell(side_change_text(d, row.left_change, lang, r.length_unit)),
                _cell(side_change_text(d, row.right_change, lang, r.length_unit)),
                _cell(asymmetry_change_text(row.asymmetry, lang, r.length_unit)),
                _status_cell(status, c),
            ]
        else:
            difference = "—"
            if c is not None and c.diff is not None and not d.is_passfail:
                difference = _diff(c, r, lang)
            cells = [
                _cell(name),
                _cell(_sides(c, r, lang)),
                _cell(difference),
                _status_cell(status, c),
            ]
        rows.append(cells)
        if n % 2 == 0:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor("#F6F6F6")))
    # every column holds its longest word; no split inside a row (a few lines each): a row
    # split under the repeated heading printed that heading in the middle of the page
    widths = fit_words(rows, [f * width for f in fractions], 5)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _status_cell(status: str, c: Comparison | None) -> Paragraph:
    from reportlab.lib.styles import ParagraphStyle

    color = FLAG_COLORS[c.flag.value] if c is not None else MUTED
    style = ParagraphStyle("status", fontName=FONT_BOLD, fontSize=7.6, leading=9.4,
                           textColor=color)  # fmt: skip
    return Paragraph(text(status), style)


def _diff(c: Comparison, r: ProgressReport, lang: Language) -> str:
    from app.domain.report_words import size_text

    assert c.diff is not None
    return size_text(c.definition, abs(c.diff), lang, r.length_unit)


def _flags(r: ProgressReport, lang: Language) -> list:
    latest = [row.latest for row in r.rows if row.latest is not None]
    shown = [
        c for c in latest if c.pain_limited or c.flag in (Flag.ASYMMETRIC, Flag.WATCH) or c.both_low
    ]
    shown.sort(key=lambda c: (not c.pain_limited, -c.flag.severity))
    story: list = [_p(lang.t("Flags at the latest session"), "h2")]
    if not shown:
        story.append(
            _p(lang.t("No test shows a side-to-side difference beyond its measurement error."))
        )
        return story
    for c in shown:
        name = measurement_texts(c.definition, lang).name
        line = f"{name}: {status_text(c, lang)} ({evidence_text(c, lang, r.length_unit)})"
        story.append(Paragraph(text(line), styles()["bullet"], bulletText="•"))
    return story


def _pattern(r: ProgressReport, lang: Language) -> list:
    result = r.pattern_latest
    if result is None:
        return []
    story: list = [_p(lang.t("Pattern indicators (latest session)"), "h2")]
    line = pattern_text(result.pattern, lang) + "."
    if result.pattern in (Pattern.LEFT, Pattern.MIRROR):
        line += " " + lang.t(
            "{count} of {total} indicators agree, each beyond its measurement error; this "
            "is a finding, not a diagnosis.",
            count=len(result.agreeing()),
            total=len(result.indicators),
        )
    if r.pattern_first is not None and r.pattern_first.pattern is not result.pattern:
        line += " " + lang.t(
            "At the first session: {pattern}.", pattern=pattern_text(r.pattern_first.pattern, lang)
        )
    story.append(_p(line))
    for i in result.indicators:
        story.append(
            Paragraph(text(indicator_text(i, lang, r.length_unit)), styles()["bullet"],
                      bulletText="•")
        )  # fmt: skip
    if result.supporting:
        names = ", ".join(measurement_texts(c.definition, lang).name for c in result.supporting)
        story.append(_p(lang.t("Supporting finding (no vote): {names}.", names=names), "small"))
    return story


def _changes(r: ProgressReport, lang: Language) -> list:
    if r.session_count < 2:
        return []
    verdicts: dict[str, list[str]] = {"reduced": [], "grew": [], "unchanged": []}
    for row in r.rows:
        if row.asymmetry is not None and row.asymmetry.verdict in verdicts:
            verdicts[str(row.asymmetry.verdict)].append(
                measurement_texts(row.definition, lang).name
            )
    story: list = [_p(lang.t("Change of asymmetry since the first session"), "h2")]
    for verdict, message in (
        ("reduced", "Reduced beyond the error of a change: {names}."),
        ("grew", "Grew beyond the error of a change: {names}."),
        ("unchanged", "No change beyond the error of a change: {names}."),
    ):
        if verdicts[verdict]:
            story.append(_p(lang.t(message, names=", ".join(verdicts[verdict]))))
    story.append(
        _p(
            lang.t(
                "A change of asymmetry compares two differences, each with the test's error E, "
                "so it counts only beyond √2 × E."
            ),
            "small",
        )
    )
    return story


def _charts(r: ProgressReport, lang: Language, width: float) -> list:
    if not r.trends:
        return []
    per_row = 2
    gap = 5 * mm
    w = (width - gap) / per_row
    cells = [trend_chart(t, w, 44 * mm, lang, r.length_unit, patient=False) for t in r.trends]
    style = TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    # one table per row of charts, so a page break falls between rows; the heading stays
    # with the first row and the legend with the last
    grids = []
    for i in range(0, len(cells), per_row):
        row = cells[i : i + per_row] + [""] * (per_row - len(cells[i : i + per_row]))
        grid = Table([row], colWidths=[w + gap, w])
        grid.setStyle(style)
        grids.append(grid)
    heading = _p(lang.t("Measurements over time"), "h2")
    key = legend(width, r.trends, lang, patient=False)
    if len(grids) == 1:
        return [KeepTogether([heading, grids[0], *key])]
    return [
        KeepTogether([heading, grids[0]]),
        *grids[1:-1],
        KeepTogether([grids[-1], *key]),
    ]


def _program(r: ProgressReport, lang: Language, width: float) -> list:
    story: list = [CondPageBreak(40 * mm), _p(lang.t("Program and adherence"), "h2")]
    p = r.program
    if p is None:
        story.append(_p(lang.t("No exercise program has been saved for this athlete.")))
        return story
    line = lang.t(
        "{start} to {end} ({weeks}).",
        start=lang.date(p.start),
        end=lang.date(p.end),
        weeks=lang.n("{count} week", "{count} weeks", p.weeks),
    )
    if p.versions > 1:
        line += " " + lang.t(
            "{count} program versions since {date}.", count=p.versions,
            date=lang.date(p.first_start),
        )  # fmt: skip
    if p.adherence is None:
        line += " " + lang.t("The program has not started yet: no adherence to report.")
    else:
        line += " " + lang.t(
            "Adherence so far: {percent} of the sessions due by {date}, as ticked by the athlete.",
            percent=lang.percent(p.adherence, 0),
            date=lang.date(min(r.printed, p.end)),
        )
    story.append(_p(line))
    rows: list[list] = [
        [_cell(lang.t("Exercise"), "head"), _cell(lang.t("Dose"), "head"),
         _cell(lang.t("Done"), "head")]
    ]  # fmt: skip
    for drill in p.drills:
        main, often = dose_words(
            drill.dosage.sets,
            drill.dosage.amount,
            drill.dosage.unit,
            drill.dosage.each_side,
            drill.dosage.per_week,
            lang,
        )
        done = "—" if drill.adherence is None else lang.percent(drill.adherence, 0)
        rows.append([_cell(drill.name), _cell(f"{main}, {often}"), _cell(done)])
    widths = fit_words(rows, [width * 0.45, width * 0.43, width * 0.12], 5)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    story += [Spacer(1, 3), table]
    return story


def _free_text(title: str, value: str, width: float) -> list:
    """A box with the clinician's text, or ruled lines to write on when it is empty."""
    s = styles()
    inner: list = [Paragraph(f"<b>{text(title)}</b>", s["body"])]
    if value:
        inner.append(Spacer(1, 2))
        inner += [Paragraph(text(part), s["body"]) for part in value.split("\n\n")]
        box = Table([[inner]], colWidths=[width], splitInRow=1)
    else:
        box = Table([[inner]], colWidths=[width], rowHeights=[32 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, MUTED),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [Spacer(1, 6), box if value else KeepTogether([box])]


def _signature(lang: Language, width: float) -> list:
    row = [["", "", ""], [lang.t("Signature"), "", lang.t("Date")]]
    table = Table(
        row, colWidths=[width * 0.55, width * 0.1, width * 0.35], rowHeights=[14 * mm, 16]
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
                ("FONT", (0, 1), (-1, 1), FONT, 8),
                ("TEXTCOLOR", (0, 1), (-1, 1), MUTED),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 4),  # the label clear of the line above
                ("VALIGN", (0, 1), (-1, 1), "TOP"),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 10), table])]


def render_progress(r: ProgressReport, out: BinaryIO) -> int:
    """Draw the progress report into ``out``; returns the number of pages."""
    register_fonts()
    lang = language(r.language)
    s = styles()
    page_w, page_h = PAGE_SIZES.get(r.paper, PAGE_SIZES["a4"])
    width = page_w - 2 * MARGIN
    height = page_h - MARGIN - BOTTOM
    title = lang.t("Progress report: {name}", name=r.athlete.name)
    doc = BaseDocTemplate(
        out,
        pagesize=(page_w, page_h),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        title=title,
        author=r.clinic_name or "Untwist",
        subject=lang.t("Progress report"),
        creator="Untwist",
        invariant=False,
    )
    doc.keepTogetherClass = HeadingWithNext  # a heading stays with what follows it
    frame = Frame(MARGIN, BOTTOM, width, height, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = header(r.clinic_name, r.logo_png, r.printed, lang, width)
    story.append(Paragraph(text(title), s["title"]))
    for line in _athlete_lines(r, lang):
        story.append(Paragraph(text(line), s["subtitle"]))
    if r.rows:
        heading = (
            lang.t("Every measurement, first and latest session")
            if r.session_count > 1
            else lang.t("Measurements")
        )
        story.append(_p(heading, "h2"))
        story.append(_table(r, lang, width))
        story.append(
            _p(
                lang.t(
                    "A side's change is real only beyond the test's error; a side-to-side "
                    "difference is a finding only beyond it, and its change only beyond √2 × "
                    "the error. Within the error nothing is called a change."
                ),
                "small",
            )
        )
        story += _changes(r, lang)
        story += _flags(r, lang)
        story += _pattern(r, lang)
        story += _charts(r, lang, width)
    story += _program(r, lang, width)
    story.append(CondPageBreak(80 * mm))
    story += _free_text(lang.t("Assessment"), r.assessment, width)
    plan = _free_text(lang.t("Plan"), r.plan, width)
    if r.plan:
        story += plan + _signature(lang, width)
    else:  # the empty box to write in goes with the signature: never the signature alone
        story.append(KeepTogether(plan + _signature(lang, width)))
    pages: list[int] = []
    footer_left = f"{r.athlete.name}  ·  {r.clinic_name}" if r.clinic_name else r.athlete.name
    doc.build(
        story,
        canvasmaker=numbered_canvas(footer_left, r.printed, pages, lang.t(DISCLAIMER), lang),
    )
    return pages[-1] if pages else 0
