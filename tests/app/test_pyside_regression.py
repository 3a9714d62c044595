"""ARCHITECTURE.md §8: PySide6 6.12.0 drops a reference to None on every void method call and
aborts Python 3.11 ("none_dealloc"). We pin 6.11.3; this test keeps an upgrade honest."""

from __future__ import annotations

import sys
from importlib.metadata import version

import PySide6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

CALLS = 10_000
TOLERANCE = 50  # other threads or caches may hold a few; the bug loses one per call


def test_pinned_pyside6_version() -> None:
    assert PySide6.__version__ == "6.11.3"
    assert version("PySide6-Essentials") == "6.11.3"


def test_void_calls_keep_none_refcount(qapp: QApplication, qtbot: QtBot) -> None:
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, CALLS)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        QCoreApplication.processEvents()
        spin.setValue(i)
    after = sys.getrefcount(None)
    assert abs(after - before) < TOLERANCE, f"None refcount {before} -> {after}"
    assert spin.value() == CALLS - 1
