"""Keys and text for the AT-SPI probe (tools/a11y/atspi_probe.py), sent so that the client
takes them in the order a person presses them.

Run inside the probe (Debian's /usr/bin/python3, pyatspi); not a script of its own.

**Alt chords.** ``xdotool key alt+w`` sends Alt down, W down, Alt up, W up a few ms apart.
In the client, Qt's AT-SPI bridge (``QSpiApplicationAdaptor``) holds every key event that
reaches a widget until the AT-SPI registry has asked the screen reader's key listeners
(``NotifyListenersSync``, 100 ms timeout) and then *replays* it to the window — and a replayed
Alt press goes through Qt's shortcut handling again: its ShortcutOverride re-arms QMenuBar's
"Alt alone" state. W is taken by its shortcut (작업 목록(&W)) on its first pass, before the
bridge, and never held. So when the registry answers the Alt press later than W arrives (a
busy machine; any screen reader that is slow to answer), W's shortcut moves the focus to the
작업 목록, then the replayed Alt press re-arms QMenuBar, and the Alt release opens the menu
bar: 파일(F) takes the focus. Reproduced every time (15 of 15) with a key listener that
answers after 30 ms, also from a push button, whose keys skip the input method. (The input
method is another asynchronous stage — Qt's ibus plugin delivers a key whose answer is already
in at once, possibly ahead of earlier keys; a few keys in a hundred here — but not this one.)
A person holds Alt for a moment before pressing W and lets go after the app reacted;
:meth:`Keys.key` does the same for every Alt chord: Alt down, a pause longer than the bridge's
hold and a call the client's GUI thread answers (:meth:`Keys.settle`), the key, the client's
reaction (or a quiet moment), settle, Alt up. Ctrl chords are sent in one go (Ctrl has no
"alone" meaning).

``A11Y_CHORD=plain`` sends Alt chords the old way (one ``xdotool key``), to measure the flake.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time

import pyatspi
from gi.repository import GLib

CHORD = os.environ.get("A11Y_CHORD", "held")  # "plain": one xdotool call per chord (the old way)
SETTLE_S = 0.05
HOLD_S = 0.15  # longer than Qt holds a key for AT-SPI key listeners (100 ms D-Bus timeout)
MENU_ROLES = ("menu", "menu bar", "menu item")


def pump(seconds):
    """Let GLib deliver AT-SPI events for ``seconds``."""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while ctx.pending():
            ctx.iteration(False)
        if time.monotonic() >= end:
            return
        time.sleep(0.01)


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True)


def press(keys):
    """One key or chord as one ``xdotool key`` (no modifier left down before it)."""
    xdotool("key", "--clearmodifiers", keys)


def alt_chord(keys):
    """``alt+w`` -> (``alt``, ``w``); None when ``keys`` holds no Alt (Ctrl chords have no
    "alone" meaning in Qt: their order cannot open a menu)."""
    *mods, key = keys.split("+")
    if not key or "alt" not in [m.lower() for m in mods]:
        return None
    return "+".join(mods), key


def runs(text):
    """Split into runs of ASCII (keys on the keyboard) and non-ASCII (IME commits)."""
    out = []
    for ch in text:
        if out and out[-1].isascii() == ch.isascii():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def ime_commit(text):
    """Ask the stand-in IBus (tools/a11y/test_ime.py) to commit ``text`` to the focused field."""
    from gi.repository import Gio

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync(
        "org.freedesktop.portal.IBus", "/org/hojo/TestIme", "org.hojo.TestIme", "Commit",
        GLib.Variant("(s)", (text,)), None, Gio.DBusCallFlags.NONE, 5000, None,
    )  # fmt: skip


class Keys:
    """Mixed into the probe: uses its ``app``, ``events``, ``last_focus``, ``wait``,
    ``wait_quiet`` and ``_seen``/``_has``/``_focused_is``/``_focus_role``."""

    def settle(self, pause=SETTLE_S):
        """Let the client take what was sent: a pause, then a call its GUI thread answers (a
        D-Bus call reaches it as a posted event, behind the keys replayed before it)."""
        pump(pause)
        with contextlib.suppress(Exception):  # the window is going away: nothing to wait for
            self.app.getChildAtIndex(0).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)

    def key(self, keys, done=None, what="the client to take the key"):
        """Press ``keys``; wait for ``done()`` when given. Alt chords are held (module doc)."""
        chord = alt_chord(keys)
        if chord is None or CHORD == "plain":
            press(keys)
            if done is not None:
                self.wait(done, what)
            if chord is not None:
                self.wait_quiet(0.2, 2)
                self.note_menu(keys)
            return
        held, key = chord
        xdotool("keydown", held)
        try:
            self.settle(HOLD_S)  # the client has replayed the Alt press before the key comes
            xdotool("key", key)
            if done is not None:
                self.wait(done, what)
            else:
                self.wait_quiet(0.15, 2)
            self.settle()
        finally:
            xdotool("keyup", held)
        self.wait_quiet(0.2, 2)
        self.note_menu(keys)

    def note_menu(self, keys):
        """An Alt chord that ended with a menu focused is answered as an ``ALT-MENU`` event
        (the harness logs it: the old flake, counted)."""
        if self.focus_in_menu():
            self.events.append({"type": "ALT-MENU", "keys": keys, "focus": self.focus_brief()})

    def focus_in_menu(self):
        try:
            return self.last_focus is not None and self.last_focus.getRoleName() in MENU_ROLES
        except Exception:
            return False

    def focus_brief(self):
        try:
            return f"{self.last_focus.getRoleName()} {self.last_focus.name!r}"
        except Exception:
            return None

    def type_text(self, text):
        """Type as a Korean user does: ASCII as real key presses (XTEST), everything else as
        input-method commits (tools/a11y/test_ime.py), each confirmed by its text insert."""
        for chunk in runs(text):
            if chunk.isascii():
                mark = len(self.events)
                per_char = os.environ.get("A11Y_TYPE_DELAY", "20")
                xdotool("type", "--delay", per_char, chunk)
                self.wait_delivered(mark, chunk)
                continue
            mark = len(self.events)
            ime_commit(chunk)
            self.wait(
                lambda m=mark, c=chunk: self._seen(m, "object:text-changed:insert", c),
                f"the input method's commit of {chunk!r} to reach the focused text",
            )

    def wait_delivered(self, mark, chunk):
        """Wait until the keys just typed reached the client, before anything else is sent.

        With a screen reader listening, Qt holds every key until the screen reader answers
        (``QSpiApplicationAdaptor``: it forwards keys to AT-SPI listeners and delivers them on
        the reply or its timeout), while an input-method commit comes straight through: without
        this wait "25,000원*4회" arrived as "25,0원00*4회". Into an editable text: until as many
        characters were inserted as typed; elsewhere (type-ahead in a list): until the client
        has been quiet for 300 ms.
        """
        acc = self.last_focus
        try:
            editable = acc is not None and acc.getState().contains(pyatspi.STATE_EDITABLE)
        except Exception:
            editable = False
        if editable:
            self.wait(
                lambda: self._inserted(mark) >= len(chunk),
                f"the typed {chunk!r} to reach the focused text (Qt holds keys for the screen "
                "reader)",
            )
        else:
            self.wait_quiet(0.3)

    def _inserted(self, mark):
        return sum(
            len(str(e["any_data"]))
            for e in self.events[mark:]
            if e["type"].startswith("object:text-changed:insert")
        )

    def open_page(self, ident):
        """Open the page with accessible id ``ident`` the way a keyboard user does: Alt+W (작업
        목록), Home, Down until that page shows (the list shows each page as the arrows move
        over it), Enter (focus goes to the page's first control). Independent of the order of
        the list and of Ctrl+N numbers (which change when pages are added or hidden)."""
        self.key(
            "alt+w",
            lambda: (
                self._focused_is("navigationList")
                or self._focus_role("list item")
                or self.focus_in_menu()
            ),
            "focus in the 작업 목록 after Alt+W",
        )
        if self.focus_in_menu():
            raise RuntimeError(f"Alt+W ended in the menu bar (focus on {self.focus_brief()})")
        press("Home")
        self.wait_quiet(0.3, 3)
        for _ in range(20):
            if self._has(ident):
                break
            mark = len(self.events)
            press("Down")
            try:
                self.wait(
                    lambda m=mark: (
                        self._seen(m, "object:state-changed:focused", "")
                        or self._seen(m, "object:active-descendant-changed", "")
                    ),
                    "the next entry of 작업 목록",
                )
            except TimeoutError:
                raise TimeoutError(f"page {ident!r} is not in the 작업 목록") from None
        else:
            raise TimeoutError(f"page {ident!r} is not in the 작업 목록")
        mark = len(self.events)
        press("Return")
        self.wait(
            lambda: self._seen(mark, "object:state-changed:focused", ""),
            f"focus into {ident} after Enter",
        )
