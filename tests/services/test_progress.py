"""``throttled``: reports by the clock, steps (and so cancel checks) as often as the work likes."""

import pytest

from app.services import progress as progress_module
from app.services.progress import Cancelled, Progress, throttled


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: now[0])
    return now


def test_reports_pass_at_most_once_per_interval(clock):
    seen: list[int] = []
    report = throttled(lambda done, total, text: seen.append(done), interval=0.1)
    for done in range(1, 50):
        report(done, 100, "")
        clock[0] += 0.01  # a step every 10 ms
    assert seen == [1, 11, 21, 31, 41]


def test_the_start_of_a_phase_and_the_end_always_pass(clock):
    seen: list[tuple[int, int]] = []
    report = throttled(lambda done, total, text: seen.append((done, total)), interval=0.1)
    report(1, 10, "")
    report(2, 10, "")
    report(10, 10, "")
    report(0, 0, "next phase")
    assert seen == [(1, 10), (10, 10), (0, 0)]


def test_a_step_that_is_not_reported_still_cancels(clock):
    seen: list[int] = []
    progress = Progress(throttled(lambda done, total, text: seen.append(done), interval=10))
    progress.step(1, 100)
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.step(2, 100)
    assert seen == [1]
