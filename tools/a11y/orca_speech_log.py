"""Start Orca (Debian's, run with /usr/bin/python3) with speech and braille
disabled and every utterance written to a debug log as "SPEECH OUTPUT: '...'".

Bypasses /usr/bin/orca's launcher, whose `pgrep -u $UID -x orca` check refuses to
start (or, with --replace, kills) ANY other Orca of the same user on the machine.
usage: python3 orca_speech_log.py DEBUG_LOG PREFS_DIR
"""

import sys

from orca import debug

debug.debugLevel = debug.LEVEL_ALL
debug.eventDebugLevel = debug.LEVEL_OFF
debug.debugFile = open(sys.argv[1], "w", buffering=1)  # noqa: SIM115  (line-buffered: tests tail it)

from orca import orca  # noqa: E402

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
