"""Guards the pinned Qt binding against a fault that would crash a long session.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
returns nothing (setFocus, setText, ...) and to True on every signal emit. CPython 3.11 aborts
once None's count reaches zero: a few thousand clicks into a session. 6.11.3 does not.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal()


def test_void_calls_and_signals_keep_reference_counts(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("y")
        label.setFocus()
        emitter.fired.emit()
    assert sys.getrefcount(None) - none_before > -50
    assert sys.getrefcount(True) - true_before > -50
