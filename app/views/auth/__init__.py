"""Sign-in, session warning and password dialogs; shared helpers for titles and field errors."""

from __future__ import annotations

from app.i18n import tr


def window_title(text: str, demo: bool = False) -> str:
    """ "<text> — 호조 데스크", with "데모" in it whenever the demo server is in use."""
    if demo:
        return tr("{title} — 호조 데스크 (데모)").format(title=text)
    return tr("{title} — 호조 데스크").format(title=text)
