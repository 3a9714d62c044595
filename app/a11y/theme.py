"""Colours and font size: a fixed palette that passes WCAG contrast, a high-contrast theme, and
font scaling up to 200 % (ACCESSIBILITY.md §2, §3 pitfall 12; WCAG 1.4.3, 1.4.4, 1.4.11).

Both palettes are checked by tests from the colours themselves (:func:`contrast`):

- text on its background (window, field, button, tool tip, selection, placeholder,
  disabled text) at least 4.5:1 (:data:`TEXT_PAIRS`);
- the focus frame and the selection (Fusion draws both in ``Highlight``) at least 3:1
  against the window and field backgrounds (:data:`NON_TEXT_PAIRS`).

:func:`apply_config` is called at start-up with the settings ``high_contrast`` and
``font_scale`` (app/config.py) and again when the settings dialog changes them. The Fusion
style is used so the palette is drawn the same way on Windows and Linux.

``high_contrast`` is 자동 (``auto``, the default), 켬 (``on``) or 끔 (``off``). 자동 follows the
platform's contrast preference (Qt 6.10+ ``QStyleHints.accessibility().contrastPreference()``,
e.g. a Windows high-contrast theme): :func:`wants_high_contrast` decides, and a change of the
preference while the client runs applies the theme again (:class:`_PlatformContrast`). The
platform's colour scheme (dark/light) is deliberately not followed: a dark scheme is not a
high-contrast request, and the client has no dark theme of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessibilityHints, QColor, QFont, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStyleFactory, QWidget
from shiboken6 import isValid

__all__ = [
    "CONTRAST_AUTO",
    "CONTRAST_OFF",
    "CONTRAST_ON",
    "NON_TEXT_PAIRS",
    "TEXT_PAIRS",
    "Theme",
    "apply_theme",
    "contrast",
    "is_high_contrast",
    "low_contrast",
    "palette",
    "platform_contrast",
    "scaled_font",
    "stop_following",
    "wants_high_contrast",
]

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

MIN_SCALE, MAX_SCALE = 100, 200
TEXT_RATIO, NON_TEXT_RATIO = 4.5, 3.0

# (foreground, background) pairs that carry text: 4.5:1.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.BrightText, Role.Window),
    (Role.Link, Role.Base),
)
# (indicator, background) pairs of non-text UI: focus frame and selection, 3:1.
NON_TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (Role.Highlight, Role.Window),
    (Role.Highlight, Role.Base),
    (Role.Highlight, Role.Button),
)


@dataclass(frozen=True)
class Theme:
    name: str
    colours: dict[QPalette.ColorRole, str]
    disabled_text: str


# Normal: near-black text on white/light grey, a dark blue selection (white text 7.6:1).
NORMAL = Theme(
    "normal",
    {
        Role.Window: "#f3f3f3",
        Role.WindowText: "#1a1a1a",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#eef2f6",
        Role.Text: "#1a1a1a",
        Role.Button: "#e8e8e8",
        Role.ButtonText: "#1a1a1a",
        Role.Highlight: "#1d5f8a",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#595959",
        Role.ToolTipBase: "#ffffe1",
        Role.ToolTipText: "#1a1a1a",
        Role.BrightText: "#a30000",
        Role.Link: "#0b4f8a",
        Role.LinkVisited: "#5a2a82",
        Role.Light: "#ffffff",
        Role.Midlight: "#d6d6d6",
        Role.Mid: "#8a8a8a",
        Role.Dark: "#5c5c5c",
        Role.Shadow: "#2b2b2b",
    },
    disabled_text="#616161",
)
# High contrast: white/yellow on black, selection in yellow with black text.
HIGH_CONTRAST = Theme(
    "high_contrast",
    {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a",
        Role.Text: "#ffffff",
        Role.Button: "#000000",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#ffff00",
        Role.HighlightedText: "#000000",
        Role.PlaceholderText: "#c8c8c8",
        Role.ToolTipBase: "#000000",
        Role.ToolTipText: "#ffff00",
        Role.BrightText: "#ff8080",
        Role.Link: "#80c0ff",
        Role.LinkVisited: "#d0a0ff",
        Role.Light: "#ffffff",
        Role.Midlight: "#c0c0c0",
        Role.Mid: "#ffffff",
        Role.Dark: "#ffffff",
        Role.Shadow: "#ffffff",
    },
    disabled_text="#b0b0b0",
)


def palette(high_contrast: bool = False) -> QPalette:
    """The project's palette; every colour group gets the same colours (an inactive window
    must stay readable), disabled text keeps 4.5:1 too."""
    theme = HIGH_CONTRAST if high_contrast else NORMAL
    result = QPalette()
    for role, colour in theme.colours.items():
        result.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        result.setColor(Group.Disabled, role, QColor(theme.disabled_text))
    result.setColor(
        Group.Disabled, Role.HighlightedText, QColor(theme.colours[Role.HighlightedText])
    )
    result.setColor(Group.Disabled, Role.Highlight, QColor(theme.colours[Role.Highlight]))
    return result


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def _over(foreground: QColor, background: QColor) -> QColor:
    """A translucent colour composited over an opaque background."""
    a = foreground.alphaF()
    return QColor(
        round(foreground.red() * a + background.red() * (1 - a)),
        round(foreground.green() * a + background.green() * (1 - a)),
        round(foreground.blue() * a + background.blue() * (1 - a)),
    )


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio, 1.0 to 21.0."""
    lighter, darker = sorted(
        (_luminance(_over(foreground, background)), _luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast(pal: QPalette) -> list[tuple[str, str, str, float]]:
    """(foreground, background, group, ratio) of every pair below its minimum."""
    low: list[tuple[str, str, str, float]] = []
    checks = [(p, TEXT_RATIO) for p in TEXT_PAIRS] + [(p, NON_TEXT_RATIO) for p in NON_TEXT_PAIRS]
    for (fg, bg), minimum in checks:
        for group in (Group.Active, Group.Inactive):
            ratio = contrast(pal.color(group, fg), pal.color(group, bg))
            if ratio < minimum:
                low.append((fg.name, bg.name, group.name, round(ratio, 2)))
    for fg, bg in ((Role.WindowText, Role.Window), (Role.Text, Role.Base)):
        ratio = contrast(pal.color(Group.Disabled, fg), pal.color(Group.Disabled, bg))
        if ratio < TEXT_RATIO:
            low.append((fg.name, bg.name, "Disabled", round(ratio, 2)))
    return low


def clamp_scale(percent: int) -> int:
    return max(MIN_SCALE, min(MAX_SCALE, int(percent)))


def scaled_font(base: QFont, percent: int) -> QFont:
    """``base`` at ``percent`` % (100–200) of its size."""
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * clamp_scale(percent) / 100)
    else:
        font.setPixelSize(max(1, round(base.pixelSize() * clamp_scale(percent) / 100)))
    return font


_BASE_FONT = "hojo_base_font"


def apply_theme(app: QApplication, *, high_contrast: bool = False, font_scale: int = 100) -> None:
    """Fusion style, the palette and the scaled font for the whole application.

    The unscaled font is remembered on the application, so applying again (the settings
    dialog) scales from the original size, never from an already scaled one.
    """
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
        app.setStyle(fusion)
    app.setPalette(palette(high_contrast))
    base = app.property(_BASE_FONT)
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty(_BASE_FONT, base)
    app.setFont(scaled_font(base, font_scale))


CONTRAST_AUTO, CONTRAST_ON, CONTRAST_OFF = "auto", "on", "off"  # app/config.py high_contrast
Preference = Qt.ContrastPreference
_HIGH = "hojo_high_contrast"  # the decision last applied, on the application
_FOLLOWER = "hojoPlatformContrast"


def wants_high_contrast(setting: str, preference: Qt.ContrastPreference) -> bool:
    """The decision: 켬 → high contrast, 끔 → normal, 자동 → what the platform prefers."""
    if setting == CONTRAST_ON:
        return True
    if setting == CONTRAST_OFF:
        return False
    return preference == Preference.HighContrast


def _accessibility_hints() -> tuple[QStyleHints, QAccessibilityHints]:
    """The style hints and their accessibility hints, both held by the caller.

    PySide6 6.11 ties the ``accessibility()`` wrapper to the ``styleHints()`` wrapper it came
    from: in a one-line chain (``styleHints().accessibility().contrastPreference()``) the
    temporary style hints wrapper is released first and the call fails with "Internal C++
    object (QAccessibilityHints) already deleted". Keeping both wrappers avoids that.
    """
    hints = QGuiApplication.styleHints()
    return hints, hints.accessibility()


def platform_contrast() -> Qt.ContrastPreference:
    """The platform's contrast preference now (NoPreference where the platform has none)."""
    _hints, accessibility = _accessibility_hints()
    return accessibility.contrastPreference()


class _Settings(Protocol):
    def text(self, name: str) -> str: ...
    def number(self, name: str) -> int: ...


class _PlatformContrast(QObject):
    """Applies the theme again when the platform's contrast preference changes (자동 only
    changes the palette; 켬 and 끔 decide the same way whatever the preference)."""

    def __init__(self, app: QApplication, config: _Settings) -> None:
        super().__init__(app)
        self.setObjectName(_FOLLOWER)
        self.app = app
        self.config = config
        self.hints, self.accessibility = _accessibility_hints()
        self.accessibility.contrastPreferenceChanged.connect(self.changed)

    def changed(self, preference: Qt.ContrastPreference) -> None:
        """The signal's value decides (it is the new preference)."""
        apply_config(self.app, self.config, preference)


_followers: dict[int, _PlatformContrast] = {}  # id(app) → its follower (kept alive here)


def _follow(app: QApplication, config: _Settings) -> None:
    follower = _followers.get(id(app))
    if follower is None or not isValid(follower) or follower.app is not app:
        _followers[id(app)] = _PlatformContrast(app, config)
    else:
        follower.config = config  # the settings last applied decide on the next change


def stop_following(app: QApplication) -> None:
    """Stop reacting to the platform's contrast preference (tests restoring the application)."""
    follower = _followers.pop(id(app), None)
    if follower is not None and isValid(follower):
        follower.accessibility.contrastPreferenceChanged.disconnect(follower.changed)
        follower.setParent(None)


def apply_config(
    app: QApplication, config: _Settings, preference: Qt.ContrastPreference | None = None
) -> None:
    """The theme from the settings ``high_contrast`` and ``font_scale``; ``preference`` is the
    platform's contrast preference (read from Qt when not given), used when the setting is 자동.
    From then on a change of the preference applies the theme again."""
    if preference is None:
        preference = platform_contrast()
    high = wants_high_contrast(config.text("high_contrast"), preference)
    apply_theme(app, high_contrast=high, font_scale=config.number("font_scale"))
    app.setProperty(_HIGH, high)
    _follow(app, config)


def is_high_contrast(app: QApplication) -> bool:
    """Whether the theme last applied by :func:`apply_config` is the high-contrast one."""
    return app.property(_HIGH) is True


def reapply_config(app: QApplication | None, config: _Settings) -> bool:
    """After the settings changed: apply again if the application was themed at start-up."""
    if app is None or not isinstance(app.property(_BASE_FONT), QFont):
        return False
    apply_config(app, config)
    return True


def scroll_pane(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: at 200 % font a pane that no longer fits its
    splitter scrolls instead of squeezing (clipping) its labels and buttons. The area takes
    no focus itself (no extra, unnamed Tab stop); Qt scrolls a focused child into view."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'pane'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    return area
