"""The keyboard helpers under their old import path; they live in ``tests/app/keyboard.py``."""

from tests.app.keyboard import ALT, CTRL, NONE, SHIFT, Key, focused, key, tab_to, type_text

__all__ = ["ALT", "CTRL", "NONE", "SHIFT", "Key", "focused", "key", "tab_to", "type_text"]
