"""Naming helpers: every control gets a clean accessible name, a description and an identifier.

Screen readers read "성명(&N):" as "성명 N 콜론" (ACCESSIBILITY.md §3, pitfalls 2–4), so names
are stored without the mnemonic decoration; labels stay buddies of their fields so Alt+N and
the "labelled by" relation keep working. Identifiers are stable test handles (AT-SPI
``accessible_id``, UIA AutomationId) that screen readers do not read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)

_MNEMONIC_GROUP = re.compile(r"\s*[(（]&[^)）]+[)）]")  # "저장(&S)", "성명 (&N)"
_SPOKEN_MNEMONIC = re.compile(r"\s*[(（][A-Za-z][)）]")  # "성명(N)" as Qt reports a label
_TRAILING_COLON = re.compile(r"\s*[:：]\s*$")


def clean_name(text: str) -> str:
    """ "성명(&N):" → "성명"; "&Save" → "Save"; "R&&D" → "R&D"; trailing colon removed."""
    text = _MNEMONIC_GROUP.sub("", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = _SPOKEN_MNEMONIC.sub("", text)
    return _TRAILING_COLON.sub("", text).strip()


def has_decoration(name: str) -> bool:
    """True if a name still carries a mnemonic ("(N)", "(&N)") or a trailing colon.

    A lone '&' is allowed: in an accessible name it is literal text ("R&D").
    """
    return bool(
        _MNEMONIC_GROUP.search(name)
        or _SPOKEN_MNEMONIC.search(name)
        or _TRAILING_COLON.search(name)
    )


def name(widget: W, text: str, description: str | None = None, identifier: str | None = None) -> W:
    """Set the accessible name (cleaned), description and identifier; returns the widget.

    Without ``identifier`` the widget's objectName becomes its identifier when it has one.
    """
    widget.setAccessibleName(clean_name(text))
    if description is not None:
        widget.setAccessibleDescription(description)
    identify(widget, identifier)
    return widget


def identify(widget: W, identifier: str | None = None) -> W:
    """Give a stable accessibleIdentifier (and objectName, if it has none)."""
    ident = identifier or widget.objectName()
    if ident:
        widget.setAccessibleIdentifier(ident)
        if not widget.objectName():
            widget.setObjectName(ident)
    return widget


def buddy(
    label: QLabel,
    field: W,
    description: str | None = None,
    identifier: str | None = None,
) -> W:
    """Make ``label`` the buddy label of ``field`` and name the field from the label's text.

    The label keeps its mnemonic (Alt+N moves to the field); the field's name has none.
    """
    label.setBuddy(field)
    return name(field, label.text(), description, identifier)


def status_label(identifier: str, text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label whose text changes (status, result, count): objectName and a stable
    accessibleIdentifier, so tests and AT scripts find it (audit rule ``label-no-identifier``)."""
    label = QLabel(text, parent)
    return identify(label, identifier)


def icon_button(button: W, text: str, identifier: str, description: str | None = None) -> W:
    """Name an icon-only button; the tooltip shows sighted users the same words."""
    name(button, text, description, identifier)
    button.setToolTip(clean_name(text))
    return button


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (write the order down; never rely on creation)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
