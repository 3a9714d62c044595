"""Splitter sizes remembered per user: ``layout.ini`` (QSettings, INI format) in the user's
config folder (``AppPaths.user_config_dir``; ``HOJO_DATA_DIR`` moves it in tests). Machine-wide
locations are never written. A splitter's state is restored when it is registered and saved
whenever the user moves its handle (mouse, or the keyboard through the handle's own keys)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter

__all__ = ["LAYOUT_FILE", "remember_splitter", "rows_height"]

LAYOUT_FILE = "layout.ini"


def _settings(config_dir: Path) -> QSettings:
    return QSettings(str(config_dir / LAYOUT_FILE), QSettings.Format.IniFormat)


def remember_splitter(splitter: QSplitter, config_dir: Path | None, key: str) -> bool:
    """Restore ``splitter`` from the user's layout file and save it on every move; True when
    a saved state was restored (else the caller's default sizes stand)."""
    if config_dir is None:
        return False
    name = f"splitters/{key}"
    restored = False
    saved = _settings(config_dir).value(name)
    if isinstance(saved, QByteArray | bytes):
        state = QByteArray(saved)
        restored = not state.isEmpty() and splitter.restoreState(state)

    def save(_pos: int, _index: int) -> None:
        settings = _settings(config_dir)
        settings.setValue(name, splitter.saveState())
        settings.sync()

    splitter.splitterMoved.connect(save)
    return restored


def rows_height(view: QAbstractItemView, rows: int, header: QHeaderView | None = None) -> int:
    """Height for ``rows`` rows of ``view`` at its current font, with its header and frame."""
    metrics = view.fontMetrics()
    row = max(metrics.height() + 8, view.sizeHintForRow(0) if view.model() else 0)
    if header is not None and not header.isHidden():
        extra = max(header.sizeHint().height(), metrics.height() + 8)
    else:
        extra = 0
    return rows * row + extra + 2 * view.frameWidth() + 4
