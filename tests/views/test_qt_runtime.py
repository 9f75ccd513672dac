"""Guards against Qt-binding bugs that would crash a long session."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)


def test_emitting_signals_does_not_leak_references_to_true():
    # PySide6 6.12.0 returned a borrowed True from emit(): every emit (pyqtgraph emits on every
    # paint) dropped True's reference count by one, and Python aborted once it reached zero.
    emitter = Emitter()
    emitter.plain.connect(lambda: None)
    emitter.with_value.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.plain.emit()
        emitter.with_value.emit(1)
    assert sys.getrefcount(True) >= before - 5


def test_repainting_charts_does_not_leak_references_to_none(qtbot):
    import pyqtgraph as pg

    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    qtbot.addWidget(plot)
    plot.plot([1.0, 2.0, 3.0], [3.0, 1.0, 2.0], symbol="o")
    plot.resize(300, 200)
    plot.show()
    plot.grab()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50):
        plot.grab()
    assert sys.getrefcount(None) >= none_before - 20
    assert sys.getrefcount(True) >= true_before - 20
