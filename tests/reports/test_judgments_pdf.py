"""What the handout says about the judgments, read back with pypdf (DOMAIN.md §4–§5)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from app.domain.records import AthleteData, MeasurementInput
from app.services.athletes import create_athlete
from app.services.programs import write_handout
from app.services.sessions import record_session
from app.services.settings import ClinicSettings
from tests.conftest import TODAY, session_inputs

LEFT = dict(
    hip_ir_deg=(28, 41),
    hip_er_deg=(45, 33),
    thoracic_rot_deg=(55, 42),
    foot_posture_index=(6, 1),
    adduction_drop_test=("fail", "pass"),
)


def _text(path) -> str:
    return "\n".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_the_solo_handout_names_no_clinician(db, catalog, tmp_path):
    athlete = create_athlete(db, AthleteData(name="Solo Sam"))
    inputs = session_inputs(**LEFT, single_hop_cm=(160, 130))
    inputs.append(MeasurementInput("calf_raise_reps", (30,), (15,), pain_right=6))
    record_session(db, catalog, athlete.id, TODAY, inputs)
    out = tmp_path / "solo.pdf"
    solo = ClinicSettings(mode="solo", solo_athlete_id=athlete.id)
    write_handout(db, catalog, solo, athlete.id, out, "suggested", today=TODAY)
    text = _text(out)
    assert "clinician" not in text.lower()
    assert "ask a health professional" in text
    assert "Some tests hurt (Heel raises)" in text
    assert "a health professional should assess them" in text
    # and the same findings in clinic mode do name the clinician
    clinic = tmp_path / "clinic.pdf"
    write_handout(db, catalog, ClinicSettings(), athlete.id, clinic, "suggested", today=TODAY)
    assert "your clinician should assess them" in _text(clinic)


def test_a_pattern_is_printed_with_the_votes_that_carry_it(db, catalog, tmp_path):
    athlete = create_athlete(db, AthleteData(name="Vera Votes"))
    record_session(db, catalog, athlete.id, TODAY - dt.timedelta(days=60), session_inputs(**LEFT))
    record_session(db, catalog, athlete.id, TODAY, session_inputs(**LEFT))
    out = tmp_path / "votes.pdf"
    write_handout(db, catalog, ClinicSettings(), athlete.id, out, "suggested", today=TODAY)
    first = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages[:2])
    assert "Findings consistent with the common left pattern: 5 of the 5 signs" in first
    # each vote in plain words with its numbers
    assert (
        "Your left hip turns inwards less than your right: 28.0° on the left, 41.0° on the "
        "right." in first
    )
    assert (
        "Your left foot rolls in (flattens) more than your right: foot posture score 6 on the "
        "left, 1 on the right." in first
    )
    assert "no difference between your sides has changed by more than measurement error" in first
