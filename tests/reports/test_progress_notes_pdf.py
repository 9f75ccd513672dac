"""The longest assessment and plan the dialog and the database take print whole: every word,
in order, across as many pages as they need, with line breaks as typed."""

from __future__ import annotations

from pypdf import PdfReader

from app.domain.progress_notes import NOTE_MAX
from app.services.catalog import load_catalog
from app.services.progress_notes import save_progress_notes
from app.services.reports import write_progress_report
from app.services.settings import get_settings


def longest(tag: str) -> str:
    """Numbered words with a line break now and then, exactly NOTE_MAX characters long."""
    words, n = [], 0
    while sum(len(w) + 1 for w in words) < NOTE_MAX:
        n += 1
        words.append(f"{tag}{n:04d}" + ("\n" if n % 40 == 0 else ""))
    text = " ".join(words)[:NOTE_MAX]
    return text.rstrip()


def test_the_longest_stored_texts_print_whole(db, athlete, tmp_path):
    assessment, plan = longest("as"), longest("pl")
    assert len(assessment) >= NOTE_MAX - 1
    save_progress_notes(db, athlete.id, assessment, plan, 0)
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        write_progress_report(db, load_catalog(db), get_settings(db), athlete.id, out,
                              paper=paper)  # fmt: skip
        text = " ".join(page.extract_text() for page in PdfReader(out).pages).split()
        for tag, typed in (("as", assessment), ("pl", plan)):
            expected = [w for w in typed.split() if len(w) == 6]  # a cut last word aside
            printed = [w for w in text if w.startswith(tag) and len(w) == 6]
            assert printed == expected, f"{paper}: {tag} words missing or out of order"
