"""Start Orca (Debian's, run with /usr/bin/python3) with speech and braille
disabled and every utterance written to a log as "SPEECH OUTPUT: '...'".

The utterances come from Orca's own output logger for regression tests (the
"speech" log of orca/logger.py), not from its debug log: at debug level ALL,
Orca 43 formats every queued event (each a D-Bus round trip for the source's
name and role) and, during an event flood such as a list filtered by typing,
re-logs the whole queue for each event -- it fell minutes behind and the
transcript missed everything after the first filtered list. Only SEVERE debug
lines (errors, tracebacks) go to the same file.

Bypasses /usr/bin/orca's launcher, whose `pgrep -u $UID -x orca` check refuses to
start (or, with --replace, kills) ANY other Orca of the same user on the machine.
usage: python3 orca_speech_log.py LOG PREFS_DIR
"""

import logging
import sys

from gi.repository import GLib
from orca import debug

LOG = open(sys.argv[1], "w", buffering=1)  # noqa: SIM115  (line-buffered: tests tail it)
debug.debugLevel = debug.LEVEL_SEVERE
debug.eventDebugLevel = debug.LEVEL_OFF
debug.debugFile = LOG

from orca import orca, speech  # noqa: E402,F401  (speech creates the "speech" log)

handler = logging.StreamHandler(LOG)
handler.setFormatter(logging.Formatter("%(message)s"))
logging.getLogger("speech").addHandler(handler)

# Focus marks for the harness (tests/a11y/orca_harness.py). Orca 43 skips a focus event when
# a newer one of another object was queued before it got to it (Script.skipObjectEvent: "more
# recent event of the same type in a different object"), so a Tab sent before Orca presented
# the previous focus silences that field. The harness waits for "focus done <who>" (presented,
# skipped or ignored) before the next key; "focus skipped" shows such a race in the log.
from orca import event_manager  # noqa: E402
from orca import script as orca_script  # noqa: E402

FOCUS = "object:state-changed:focused"


def _who(acc: object) -> str:
    try:
        return str(getattr(acc, "accessibleId", "") or getattr(acc, "name", ""))
    except Exception:
        return "?"


def _mark(kind: str, event: object) -> None:
    if getattr(event, "type", "").startswith(FOCUS) and getattr(event, "detail1", 0) == 1:
        LOG.write(f"ORCA HARNESS: focus {kind} {_who(getattr(event, 'source', None))}\n")


def _hook(cls: type, method: str, after: object) -> None:
    original = getattr(cls, method)

    def hooked(self: object, event: object) -> object:
        result = original(self, event)
        after(event, result)  # type: ignore[operator]
        return result

    setattr(cls, method, hooked)


_hook(orca_script.Script, "skipObjectEvent", lambda e, skip: skip and _mark("skipped", e))
_hook(event_manager.EventManager, "_ignore", lambda e, ignored: ignored and _mark("done", e))
_hook(event_manager.EventManager, "_processObjectEvent", lambda e, _r: _mark("done", e))


def started() -> bool:
    LOG.write("ORCA HARNESS: Startup complete (main loop running)\n")
    return False


GLib.idle_add(started)

manager = orca.getSettingsManager()
manager.activate(
    sys.argv[2],
    {
        "enableSpeech": False,
        "enableBraille": False,
        # no key/character echo: the transcript is what Orca says about the application
        # (focus, names, states, announcements), not "tab", "left shift", each typed letter
        "enableKeyEcho": False,
        "enableEchoByCharacter": False,
        "enableEchoByWord": False,
    },
)
sys.path.insert(0, manager.getPrefsDir())
sys.exit(orca.main())
