"""Point 6 of issue 16: any text length the forms allow prints, split across pages, every
character of it (read back with pypdf), long unbroken words included."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader

from app.domain.programs import NOTES_MAX, ProgramData, ProgramItem
from app.domain.records import AthleteData
from app.domain.validation import NAME_MAX as ATHLETE_NAME_MAX
from app.services.athletes import create_athlete
from app.services.drills import LIST_MAX, NAME_MAX, TEXT_MAX, add_custom_drill, get_drill
from app.services.programs import save_program, write_handout
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from tests.conftest import TODAY, session_inputs
from tests.reports.test_pdf import FIRST, LATEST
from tests.services.test_drills import custom

FOOTER = 16 * 2.8346  # points: the footer's band (BOTTOM in pdf.py); its names are cut
CLINIC_NAME_MAX = 32767  # no service limit: the settings form's QLineEdit allows this many


def long_text(length: int, seed: str) -> str:
    """``length`` characters: words, accents, markup characters and a long unbroken word,
    so a missing or reordered piece shows. Starts with a letter (steps lose a typed "1.")."""
    word = seed + "x" * 300 + "y"  # wider than any column: reportlab must split it
    parts = [word]
    n = 0
    while sum(len(p) + 1 for p in parts) < length:
        n += 1
        parts.append(f'{seed}{n} Zoë<b>&amp;"°≥–')
    return " ".join(parts)[:length].strip()


def body_text(path) -> str:
    """The text of every page above the footer band, all white space removed (wrapping
    adds line breaks where the text had spaces, or none)."""
    reader = PdfReader(path)
    out = []
    for page in reader.pages:
        parts: list[str] = []

        def visit(text, cm, tm, font, size, parts=parts):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y > FOOTER:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        out.append("".join(parts))
    return re.sub(r"\s+", "", "".join(out))


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


@pytest.fixture
def longest(db, catalog):
    """An athlete, a custom drill and a program with every text at the longest allowed."""
    name = long_text(ATHLETE_NAME_MAX, "Athlete")
    athlete = create_athlete(db, AthleteData(name=name, dominant_side="right"))
    record_session(db, catalog, athlete.id, TODAY - dt.timedelta(days=56), session_inputs(**FIRST))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(**LATEST))
    drill = custom(
        long_text(NAME_MAX, "Name"),
        aim=long_text(TEXT_MAX, "Aim"),
        setup=long_text(TEXT_MAX, "Setup"),
        feel=long_text(TEXT_MAX, "Feel"),
        steps=tuple(long_text(TEXT_MAX, f"Step{n}s") for n in range(LIST_MAX)),
        mistakes=tuple(long_text(TEXT_MAX, f"Mistake{n}m") for n in range(LIST_MAX)),
    )
    added = add_custom_drill(db, drill, None)
    stored = get_drill(db, added.key)
    note = long_text(NOTES_MAX, "Note")
    items = (
        ProgramItem(added.key, "left", added.dosage, notes=note),
        ProgramItem("left-side-plank", "left", get_drill(db, "left-side-plank").dosage, note),
    )
    data = ProgramData(TODAY, items, weeks=2, notes=long_text(NOTES_MAX, "Program"))
    save_program(db, athlete.id, data, None)
    return athlete, stored, note, data.notes


def test_every_text_at_its_longest_prints_whole(db, catalog, longest, tmp_path):
    athlete, drill, note, program_notes = longest
    clinic = long_text(CLINIC_NAME_MAX, "Clinic")
    out = tmp_path / "longest.pdf"
    written = write_handout(
        db, catalog, ClinicSettings(clinic_name=clinic), athlete.id, out, today=TODAY
    )
    assert written.pages > 10
    printed = body_text(out)
    expected = {
        "athlete name": athlete.name,
        "clinic name": clinic,
        "drill name": drill.name,
        "aim": drill.aim,
        "setup": drill.setup,
        "what to feel": drill.feel,
        "clinician's note": note,
        "program notes": program_notes,
        **{f"step {n}": step for n, step in enumerate(drill.steps, 1)},
        **{f"mistake {n}": m for n, m in enumerate(drill.mistakes, 1)},
    }
    for label, value in expected.items():
        assert squeeze(value) in printed, f"the {label} is not printed whole"


@pytest.mark.parametrize("length", [1100, NOTES_MAX])
def test_a_long_drill_note_prints_on_the_standard_drills(db, catalog, length, tmp_path):
    # the example of the issue: a note of about 1,100 characters broke every handout
    athlete = create_athlete(db, AthleteData(name="Ann Example"))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(**LATEST))
    note = long_text(length, "Note")
    plank = get_drill(db, "left-side-plank")
    data = ProgramData(TODAY, (ProgramItem(plank.key, "left", plank.dosage, notes=note),))
    save_program(db, athlete.id, data, None)
    out = tmp_path / "note.pdf"
    write_handout(db, catalog, ClinicSettings(), athlete.id, out, today=TODAY)
    assert squeeze(note) in body_text(out)


def test_a_short_note_still_sits_in_the_dose_box_beside_the_picture(db, catalog, tmp_path):
    from app.reports.drill_pages import drill_page
    from app.reports.handout import HandoutDrill

    plank = get_drill(db, "left-side-plank")
    short = HandoutDrill(plank, plank.dosage, notes="Keep the hips high.")
    page = drill_page(short, 1, 1, 500, 700)
    flowables = page[0]._content if hasattr(page[0], "_content") else page
    top = next(f for f in flowables if len(getattr(f, "_cellvalues", [[]])[0]) == 2)
    beside = top._cellvalues[0][1]
    assert any("Keep the hips high." in str(getattr(c, "_cellvalues", "")) for c in beside)


def test_the_footer_cuts_long_names_to_its_line():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.reports.pdf import _one_line
    from app.reports.styles import FONT, register_fonts

    register_fonts()
    cut = _one_line("W" * 5000, FONT, 7.5, 300)
    assert cut.endswith("…") and stringWidth(cut, FONT, 7.5) <= 300
    assert _one_line("Ann  ·  Clinic", FONT, 7.5, 300) == "Ann · Clinic"
