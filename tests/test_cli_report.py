"""`untwist report`, run as a user runs it: a real process, real files."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.cli import untwist


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "demo.sqlite"
    result = untwist("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    return path


def pdf_text(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_the_demo_program_prints_with_adherence(demo_db, tmp_path):
    out = tmp_path / "ava.pdf"
    result = untwist("report", "--db", str(demo_db), "--athlete", "Ava Lindqvist", "-o", str(out))
    assert result.returncode == 0, result.stderr
    pages = pdf_text(out)
    assert result.stdout.strip() == f"wrote {len(pages)} pages to {out}"
    assert "Exercise program for Ava Lindqvist" in pages[0]
    # the charts of the flagged measurements may take a page of their own before the drills
    first_drill = next(p for p in pages if "Exercise 1 of" in p)
    assert "Left Sucker Punch Rockback" in first_drill
    # her story: the left pattern, carried by votes beyond error, and asymmetries that shrank
    assert "Findings consistent with the common left pattern" in " ".join(pages[:2])
    assert (
        "the difference between your sides has become smaller, by more than measurement "
        "error: Hip turning inwards" in " ".join(pages[:2])
    )
    assert any("Done so far:" in p for p in pages)  # the demo's ticks
    assert any("✓" in p for p in pages)
    assert oct(out.stat().st_mode & 0o777) == "0o600"  # patient data, like the database


def test_suggested_mirror_program_on_letter(demo_db, tmp_path):
    out = tmp_path / "ben.pdf"
    result = untwist(
        "report",
        "--db",
        str(demo_db),
        "--athlete",
        "Ben Okafor",
        "-o",
        str(out),
        "--program",
        "suggested",
        "--paper",
        "letter",
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    pages = pdf_text(out)
    first_drill = next(p for p in pages if "Exercise 1 of" in p)
    assert "Right Sucker Punch Rockback" in first_drill
    assert "Findings consistent with the mirror pattern" in " ".join(pages[:2])


@pytest.mark.parametrize(
    ("athlete", "program", "target", "message"),
    [
        ("Nobody Known", "latest", "x.pdf", "No athlete named"),
        ("Chloé Martin", "suggested", "x.pdf", "Nothing to suggest"),
        ("Ben Okafor", "latest", "x.pdf", "no saved program"),
        ("Ava Lindqvist", "latest", "missing/x.pdf", "Cannot write"),
    ],
)
def test_refusals_exit_2_with_one_line_and_no_file(
    demo_db, tmp_path, athlete, program, target, message
):
    folder = tmp_path / "out"
    folder.mkdir()
    result = untwist(
        "report",
        "--db",
        str(demo_db),
        "--athlete",
        athlete,
        "-o",
        str(folder / target),
        "--program",
        program,
    )
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_a_missing_database_is_not_created(tmp_path):
    db = tmp_path / "none.sqlite"
    result = untwist("report", "--db", str(db), "--athlete", "A", "-o", str(tmp_path / "a.pdf"))
    assert result.returncode == 2 and not db.exists()


def test_an_unknown_language_exits_2_listing_the_known_ones_and_writes_nothing(
    demo_db, tmp_path
):
    out = tmp_path / "x.pdf"
    for kind in ("handout", "progress"):
        result = untwist(
            "report", "--db", demo_db, "--athlete", "Ava Lindqvist", "-o", out,
            "--kind", kind, "--lang", "fr",
        )  # fmt: skip
        assert result.returncode == 2
        assert result.stderr == "untwist report: unknown language 'fr': use one of de, en, es\n"
        assert not out.exists()


def test_the_handout_in_german_on_letter_with_the_whole_tick_sheet(demo_db, tmp_path):
    out = tmp_path / "ava-de.pdf"
    result = untwist(
        "report", "--db", demo_db, "--athlete", "Ava Lindqvist", "-o", out,
        "--lang", "de", "--paper", "letter", "--ticks", "whole",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = pdf_text(out)
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612
    assert "Übungsprogramm für Ava Lindqvist" in pages[0]
    assert "Was wir am" in pages[0] and "festgestellt haben" in pages[0]
    start = next(i for i, p in enumerate(pages) if "Abhakliste" in p)
    sheet = " ".join(pages[start:])
    assert "Woche 1 " in sheet and "Woche 12" in sheet  # the whole program, asked for


def test_the_progress_report_needs_no_saved_program(demo_db, tmp_path):
    out = tmp_path / "chloe.pdf"
    plan = tmp_path / "plan.txt"
    plan.write_text("Re-test in six weeks.\n\nNo restrictions.", encoding="utf-8")
    result = untwist(
        "report", "--db", demo_db, "--athlete", "Chloé Martin", "-o", out, "--kind",
        "progress", "--lang", "es", "--assessment", "Sin hallazgos relevantes.",
        "--plan", f"@{plan}",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pages = pdf_text(out)
    assert result.stdout.strip() == f"wrote {len(pages)} pages to {out}"
    text = " ".join(pages)
    assert "Informe de evolución: Chloé Martin" in text
    assert "No hay ningún programa de ejercicios guardado para esta persona." in text
    assert "Sin hallazgos relevantes." in text
    assert "Re-test in six weeks." in text and "No restrictions." in text
    assert "Firma" in text


def test_program_is_the_handouts_choice_and_does_not_stop_a_progress_report(demo_db, tmp_path):
    out = tmp_path / "ava-progress.pdf"
    result = untwist(
        "report", "--db", demo_db, "--athlete", "Ava Lindqvist", "-o", out, "--kind",
        "progress", "--program", "suggested",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "--program applies to the handout only" in result.stderr
    text = " ".join(pdf_text(out))
    assert "Program and adherence" in text and "Adherence so far:" in text
    assert "Left Sucker Punch Rockback" in text  # her saved program


def test_the_progress_report_prints_the_stored_notes_and_stores_only_when_asked(tmp_path):
    """``--assessment``/``--plan`` print without being stored; ``--save-notes`` stores them
    for the next report (the dialog's and the command's); without either, the stored text
    prints."""
    db = tmp_path / "demo.sqlite"
    assert untwist("demo", "--db", db).returncode == 0
    report = ("report", "--db", db, "--athlete", "Ben Okafor", "--kind", "progress", "-o")
    once = untwist(*report, tmp_path / "once.pdf", "--assessment", "Printed once only.")
    assert once.returncode == 0, once.stderr
    assert "Printed once only." in " ".join(pdf_text(tmp_path / "once.pdf"))
    plain = untwist(*report, tmp_path / "plain.pdf")
    assert plain.returncode == 0, plain.stderr
    assert "Printed once only." not in " ".join(pdf_text(tmp_path / "plain.pdf"))

    plan = tmp_path / "plan.txt"
    plan.write_text("Stored plan: re-test\nin six weeks.", encoding="utf-8")
    saved = untwist(*report, tmp_path / "saved.pdf", "--assessment", "Stored assessment.",
                    "--plan", f"@{plan}", "--save-notes")  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    later = untwist(*report, tmp_path / "later.pdf")
    assert later.returncode == 0, later.stderr
    text = " ".join(pdf_text(tmp_path / "later.pdf"))
    assert "Stored assessment." in text and "Stored plan: re-test in six weeks." in text
    # one given, one stored: --save-notes keeps the other as it was
    plan_only = untwist(*report, tmp_path / "p.pdf", "--plan", "Discharge.", "--save-notes")
    assert plan_only.returncode == 0, plan_only.stderr
    text = " ".join(pdf_text(tmp_path / "p.pdf"))
    assert "Stored assessment." in text and "Discharge." in text and "six weeks" not in text

    nothing = untwist(*report, tmp_path / "n.pdf", "--save-notes")
    assert nothing.returncode == 2 and not (tmp_path / "n.pdf").exists()
    assert nothing.stderr.strip() == (
        "untwist report: --save-notes stores --assessment and --plan: give one of them"
    )
    handout = untwist("report", "--db", db, "--athlete", "Ava Lindqvist", "-o",
                      tmp_path / "h.pdf", "--save-notes")  # fmt: skip
    assert handout.returncode == 0, handout.stderr
    assert "--save-notes apply to the progress report only" in handout.stderr
