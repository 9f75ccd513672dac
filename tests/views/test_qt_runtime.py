"""Guards against Qt-binding bugs that would crash a long session.

A binding that loses a reference shows up as a reference count that falls with every call, until
Python frees an object still in use (PySide6 6.12.0: ``Signal.emit()`` returned ``True`` without
a reference, and Python aborted in ``bool_dealloc`` after a few thousand emits; repainting a
chart lost references to ``None`` the same way).

Since Python 3.12 (PEP 683) ``True``, ``False`` and ``None`` are immortal: a reference lost on
them cannot free them, and their count means nothing — it stays put, or drifts either way when an
extension built for older Pythons touches it (PySide6 6.11 does). So the checks watch fresh
objects on the heap, whose count is exact on every Python, and watch ``True`` / ``None`` only on
the Pythons where their count is meaningful.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal

CALLS = 200
SINGLETONS_COUNTED = sys.version_info < (3, 12)  # PEP 683 made True, False and None immortal
IMMORTAL = (
    f"True and None are immortal on Python {sys.version_info.major}.{sys.version_info.minor} "
    "(PEP 683): a reference lost on them can neither be seen nor free them"
)


class Payload:
    """A heap object: its reference count moves on every Python."""


class Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)
    with_two = Signal(object, object)


class Receiver(QObject):
    def __init__(self, result: object) -> None:
        super().__init__()
        self.result = result
        self.calls = 0

    def slot(self, *values: object) -> object:
        self.calls += 1
        return self.result


def count_is_observable(obj: object) -> bool:
    """Whether holding more references to ``obj`` shows in ``sys.getrefcount`` (not immortal)."""
    before = sys.getrefcount(obj)
    held = [obj] * 100
    moved = sys.getrefcount(obj) - before
    del held
    return moved == 100


def drift(watched: dict[str, object], action: Callable[[], object], calls: int) -> dict[str, int]:
    """How far each watched object's reference count moved over ``calls`` actions."""
    action()  # caches and lazily built wrappers settle on the first call
    gc.collect()
    before = {name: sys.getrefcount(obj) for name, obj in watched.items()}
    for _ in range(calls):
        action()
    gc.collect()
    return {name: sys.getrefcount(obj) - before[name] for name, obj in watched.items()}


def test_a_lost_reference_would_be_seen():
    """The helpers themselves: a count that falls by one per call is reported as such."""
    victim = Payload()
    keep = [victim] * (CALLS + 1)
    assert count_is_observable(victim)
    assert drift({"victim": victim}, keep.pop, CALLS) == {"victim": -CALLS}


@pytest.mark.parametrize("signal", ["plain", "with_value", "with_two"])
def test_emitting_signals_keeps_reference_counts_of_heap_objects(qtbot, signal):
    emitter = Emitter()
    result = Payload()
    receiver = Receiver(result)
    first, second = Payload(), Payload()
    args = {"plain": (), "with_value": (first,), "with_two": (first, second)}[signal]
    bound = getattr(emitter, signal)
    bound.connect(receiver.slot)
    bound.connect(lambda *values: result)
    watched = {
        "emitter": emitter,
        "receiver": receiver,
        "slot result": result,
        "first argument": first,
        "second argument": second,
    }
    assert all(count_is_observable(obj) for obj in watched.values())
    moved = drift(watched, lambda: bound.emit(*args), CALLS)
    assert receiver.calls == CALLS + 1
    assert all(abs(delta) <= 2 for delta in moved.values()), moved


def test_emitting_signals_does_not_leak_references_to_what_emit_returns(qtbot):
    # The 6.12.0 bug: emit() handed back True without a reference of its own.
    emitter = Emitter()
    emitter.plain.connect(lambda: None)
    emitter.with_value.connect(lambda value: None)
    returned = emitter.plain.emit()
    assert returned is True
    if not SINGLETONS_COUNTED:
        pytest.skip(IMMORTAL + "; the heap-object checks above still run")

    def emit_both() -> None:
        emitter.plain.emit()
        emitter.with_value.emit(Payload())

    moved = drift({"returned": returned}, emit_both, CALLS)
    assert moved["returned"] >= -5, f"{returned!r} lost {-moved['returned']} references"


def test_repainting_charts_keeps_reference_counts(qtbot):
    import numpy as np
    import pyqtgraph as pg

    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    qtbot.addWidget(plot)
    x, y = np.array([1.0, 2.0, 3.0]), np.array([3.0, 1.0, 2.0])
    pen = pg.mkPen("b")
    curve = plot.plot(x, y, symbol="o", pen=pen)
    plot.resize(300, 200)
    plot.show()
    watched: dict[str, object] = {
        "plot": plot,
        "curve": curve,
        "view box": plot.getViewBox(),
        "pen": pen,
    }
    if SINGLETONS_COUNTED:
        watched |= {"None": None, "True": True}
    moved = drift(watched, plot.grab, 50)
    assert all(delta >= -20 for delta in moved.values()), moved
