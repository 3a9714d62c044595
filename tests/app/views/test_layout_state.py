"""Splitter sizes persist per user (layout.ini in the user's config folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QSplitter
from pytestqt.qtbot import QtBot

from app.views.layout_state import LAYOUT_FILE, remember_splitter


def make(qtbot: QtBot) -> QSplitter:
    splitter = QSplitter()
    splitter.addWidget(QLabel("a"))
    splitter.addWidget(QLabel("b"))
    qtbot.addWidget(splitter)
    splitter.resize(600, 200)
    splitter.show()
    return splitter


def test_sizes_are_saved_on_a_move_and_restored(qtbot: QtBot, tmp_path: Path) -> None:
    first = make(qtbot)
    assert not remember_splitter(first, tmp_path, "test/split")
    first.setSizes([150, 450])
    first.splitterMoved.emit(150, 1)  # what a handle drag emits
    assert (tmp_path / LAYOUT_FILE).exists()
    second = make(qtbot)
    assert remember_splitter(second, tmp_path, "test/split")
    assert second.sizes() == first.sizes() and first.sizes()[0] < 200
    assert not remember_splitter(make(qtbot), None, "test/split")  # nowhere to keep it
