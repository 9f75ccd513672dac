import pytest

from app.domain.patterns import Pattern
from app.services.athletes import list_athletes
from app.services.demo import SESSIONS, create_demo
from app.services.errors import ServiceError
from app.services.summary import latest_summary
from tests.conftest import TODAY


def test_demo_tells_its_three_stories(db, catalog):
    create_demo(db, catalog, today=TODAY)
    athletes = list_athletes(db)
    assert [a.name for a in athletes] == ["Ava Lindqvist", "Ben Okafor", "Chloé Martin"]
    patterns = []
    for a in athletes:
        summary = latest_summary(db, catalog, a.id)
        assert summary.session_count == SESSIONS >= 12
        patterns.append(summary.latest.pattern.pattern)
    assert patterns == [Pattern.LEFT, Pattern.MIRROR, Pattern.NONE]
    # Ava improves: her hip IR difference shrinks beyond the MDC since the first session.
    ava = latest_summary(db, catalog, athletes[0].id).latest
    ir = next(f for f in ava.findings if f.comparison.key == "hip_ir_deg")
    assert ir.left_since_first.real is True and ir.left_since_first.delta > 5
    assert abs(ir.comparison.diff) < 10


def test_demo_refuses_a_database_with_athletes(db, catalog, athlete):
    with pytest.raises(ServiceError):
        create_demo(db, catalog)
