"""Accessibility helpers: naming, announcements and the in-process audit (ACCESSIBILITY.md)."""

from __future__ import annotations

from app.a11y.announce import announce
from app.a11y.audit import Finding, assert_accessible, audit
from app.a11y.names import (
    buddy,
    clean_name,
    icon_button,
    identify,
    name,
    set_tab_order,
    status_label,
)

__all__ = [
    "Finding",
    "announce",
    "assert_accessible",
    "audit",
    "buddy",
    "clean_name",
    "icon_button",
    "identify",
    "name",
    "set_tab_order",
    "status_label",
]
