"""A chosen photo pair on the handout (issue 19), read back with pypdf: printed only when
chosen, with its captions; the pictures printed are the stored copies."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from app.domain.language import language
from app.domain.records import AthleteData, MeasurementInput
from app.services.athletes import create_athlete
from app.services.photos import photo_marks
from app.services.programs import write_handout
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from tests.conftest import TODAY, session_inputs
from tests.photos import photo_measurement


def _images(reader: PdfReader) -> list[tuple[int, int]]:
    """The size of every raster picture on every page."""
    return [image.image.size for page in reader.pages for image in page.images]


def test_a_photo_pair_is_printed_only_when_chosen(db, catalog, tmp_path):
    athlete = create_athlete(db, AthleteData(name="Pat Photo"))
    left, right = photo_measurement("left", 1, seed=8), photo_measurement("right", 1, seed=9)
    record_session(db, catalog, athlete.id, TODAY - dt.timedelta(days=40),
                   session_inputs(hip_ir_deg=(24, 40), hip_er_deg=(46, 31)))  # fmt: skip
    record_session(db, catalog, athlete.id, TODAY, [
        MeasurementInput("hip_ir_deg", (left.angle,), (right.angle,), photos=(left, right)),
        *session_inputs(hip_er_deg=(45, 33)),
    ])  # fmt: skip
    settings = ClinicSettings()
    plain = tmp_path / "plain.pdf"
    write_handout(db, catalog, settings, athlete.id, plain, "suggested", today=TODAY)
    chosen = tmp_path / "photos.pdf"
    ids = [m.photo_id for m in photo_marks(db, athlete.id)]
    write_handout(db, catalog, settings, athlete.id, chosen, "suggested", today=TODAY, photos=ids)
    without, withphotos = PdfReader(plain), PdfReader(chosen)
    first_plain = " ".join(" ".join(p.extract_text().split()) for p in without.pages[:2])
    first = " ".join(" ".join(p.extract_text().split()) for p in withphotos.pages[:2])
    assert "Photos" not in first_plain and _images(without) == []
    assert "Photos" in first
    day = language("en").date(TODAY)  # the handout's language writes the date
    assert f"left (trial 1), {day}: {left.angle:.1f}°" in first
    assert f"right (trial 1), {day}: {right.angle:.1f}°" in first
    # the stored copies, at their stored size
    assert _images(withphotos) == [(left.width, left.height), (right.width, right.height)]
    assert (
        len(withphotos.pages) == len(without.pages)
        or len(withphotos.pages) == len(without.pages) + 1
    )
