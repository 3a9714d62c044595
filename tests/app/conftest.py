"""Client tests run offscreen; this is set before anything imports Qt. ``restore``: the
application's font, palette, style and theme state put back after a test that changes them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest


@pytest.fixture
def restore(qapp: object) -> Iterator[object]:
    """The ``qapp``; afterwards its font, palette and style as they were, the theme no longer
    following the platform's contrast preference, its theme properties cleared."""
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from app.a11y.theme import stop_following

    assert isinstance(qapp, QApplication)
    font, pal, style = QFont(qapp.font()), QPalette(qapp.palette()), qapp.style().name()
    yield qapp
    stop_following(qapp)
    qapp.setProperty("hojo_base_font", None)
    qapp.setProperty("hojo_high_contrast", None)
    qapp.setFont(font)
    qapp.setPalette(pal)
    old = QStyleFactory.create(style)
    if old is not None:
        qapp.setStyle(old)
