#!/usr/bin/python3
"""A stand-in input method for the AT-SPI suite: commits text the way IBus does.

Korean users type through an input method (IME): the keys they press are ASCII keys on a
QWERTY keyboard and the IME *commits* the composed syllables to the focused widget. Qt
receives a commit as a ``QInputMethodEvent`` — the widget inserts the text at the caret and
emits ``textEdited``; AT-SPI clients (Orca) see one ``object:text-changed:insert``.

Sending Hangul as X key events instead (``xdotool type 한글``) is not what happens on a real
desktop and breaks Orca 43: xdotool remaps a spare keycode to a keysym per character, Orca's
``input_event.KeyboardEvent`` gets ``event_string`` None and raises ``TypeError``, and Orca
stops speaking for the rest of the session. AT-SPI ``EditableText.insertText`` is not
faithful either: Qt's QLineEdit implements it with ``setText`` (no ``textEdited``, the whole
text deleted and re-inserted, caret moved to the end).

This process speaks the IBus *portal* protocol on the session D-Bus
(``org.freedesktop.portal.IBus``, what Qt's ibus plugin uses with ``IBUS_USE_PORTAL=1`` and
``QT_IM_MODULE=ibus``), so Qt's own ibus platform input context connects to it. It passes
every key through unchanged (``ProcessKeyEvent`` → false) and, when asked over D-Bus
(``org.hojo.TestIme.Commit(s)`` on ``/org/hojo/TestIme``), emits ``CommitText`` on the input
context that has focus — exactly the signal a real IBus engine (ibus-hangul) sends.

Run with Debian's /usr/bin/python3 (python3-gi) inside tools/a11y/with_a11y_session.sh,
before the client starts; prints "ready" on stdout once it owns the bus name.
usage: python3 test_ime.py
"""

from __future__ import annotations

import sys

from gi.repository import Gio, GLib

SERVICE = "org.freedesktop.portal.IBus"
PORTAL_PATH = "/org/freedesktop/IBus"
CONTROL_PATH = "/org/hojo/TestIme"
NODE_XML = """
<node>
  <interface name="org.freedesktop.IBus.Portal">
    <method name="CreateInputContext">
      <arg direction="in" type="s" name="client_name"/>
      <arg direction="out" type="o" name="object_path"/>
    </method>
  </interface>
  <interface name="org.freedesktop.IBus.InputContext">
    <method name="ProcessKeyEvent">
      <arg direction="in" type="u"/><arg direction="in" type="u"/>
      <arg direction="in" type="u"/><arg direction="out" type="b"/>
    </method>
    <method name="SetCursorLocation">
      <arg direction="in" type="i"/><arg direction="in" type="i"/>
      <arg direction="in" type="i"/><arg direction="in" type="i"/>
    </method>
    <method name="SetCursorLocationRelative">
      <arg direction="in" type="i"/><arg direction="in" type="i"/>
      <arg direction="in" type="i"/><arg direction="in" type="i"/>
    </method>
    <method name="FocusIn"/>
    <method name="FocusOut"/>
    <method name="Reset"/>
    <method name="SetCapabilities"><arg direction="in" type="u"/></method>
    <method name="SetSurroundingText">
      <arg direction="in" type="v"/><arg direction="in" type="u"/><arg direction="in" type="u"/>
    </method>
    <method name="Destroy"/>
    <signal name="CommitText"><arg type="v"/></signal>
    <signal name="ForwardKeyEvent"><arg type="u"/><arg type="u"/><arg type="u"/></signal>
    <signal name="UpdatePreeditText"><arg type="v"/><arg type="u"/><arg type="b"/></signal>
    <signal name="HidePreeditText"/>
    <signal name="ShowPreeditText"/>
    <signal name="DeleteSurroundingText"><arg type="i"/><arg type="u"/></signal>
    <signal name="RequireSurroundingText"/>
  </interface>
  <interface name="org.hojo.TestIme">
    <method name="Commit">
      <arg direction="in" type="s" name="text"/>
      <arg direction="out" type="s" name="context"/>
    </method>
  </interface>
</node>
"""
INFO = Gio.DBusNodeInfo.new_for_xml(NODE_XML)
PORTAL, CONTEXT, CONTROL = (INFO.lookup_interface(n) for n in (
    "org.freedesktop.IBus.Portal", "org.freedesktop.IBus.InputContext", "org.hojo.TestIme",
))  # fmt: skip


def ibus_text(text: str) -> GLib.Variant:
    """An IBusText as IBus serialises it: ("IBusText", {}, text, <("IBusAttrList", {}, [])>)."""
    attrs = GLib.Variant("(sa{sv}av)", ("IBusAttrList", {}, []))
    return GLib.Variant("(sa{sv}sv)", ("IBusText", {}, text, attrs))


class TestIme:
    def __init__(self, conn: Gio.DBusConnection) -> None:
        self.conn = conn
        self.contexts: dict[str, str] = {}  # object path -> the client's unique bus name
        self.focused: str | None = None
        self.serial = 0
        conn.register_object(PORTAL_PATH, PORTAL, self.on_portal_call, None, None)
        conn.register_object(CONTROL_PATH, CONTROL, self.on_control_call, None, None)

    def on_portal_call(self, conn, sender, path, iface, method, params, invocation) -> None:
        self.serial += 1
        ctx_path = f"/org/freedesktop/IBus/InputContext_{self.serial}"
        conn.register_object(ctx_path, CONTEXT, self.on_context_call, None, None)
        self.contexts[ctx_path] = sender
        invocation.return_value(GLib.Variant("(o)", (ctx_path,)))

    def on_context_call(self, conn, sender, path, iface, method, params, invocation) -> None:
        # The context last focused or last given a key is the one a real IBus commits to
        # (Qt has one per application). FocusOut is not honoured: Qt sends it whenever a
        # window loses activation (a dialog closing), and its FocusIn may be skipped after.
        if method in ("FocusIn", "ProcessKeyEvent"):
            self.focused = path
        if method == "ProcessKeyEvent":
            invocation.return_value(GLib.Variant("(b)", (False,)))  # keys pass through
            return
        invocation.return_value(None)

    def on_control_call(self, conn, sender, path, iface, method, params, invocation) -> None:
        (text,) = params.unpack()
        ctx = self.focused
        if ctx is None:
            invocation.return_dbus_error(
                "org.hojo.TestIme.NoFocus", "no input context was focused yet"
            )
            return
        conn.emit_signal(
            self.contexts[ctx], ctx, "org.freedesktop.IBus.InputContext", "CommitText",
            GLib.Variant("(v)", (ibus_text(text),)),
        )  # fmt: skip
        invocation.return_value(GLib.Variant("(s)", (ctx,)))


def main() -> None:
    loop = GLib.MainLoop()
    conn = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    ime = TestIme(conn)

    def acquired(*_args: object) -> None:
        print("ready", flush=True)

    def lost(*_args: object) -> None:
        sys.stderr.write(f"test_ime: could not own {SERVICE}\n")
        loop.quit()

    Gio.bus_own_name_on_connection(conn, SERVICE, Gio.BusNameOwnerFlags.NONE, acquired, lost)
    loop.run()  # ime's objects stay registered while the loop runs
    del ime
    sys.exit(1)


if __name__ == "__main__":
    main()
