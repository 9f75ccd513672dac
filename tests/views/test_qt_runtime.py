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
