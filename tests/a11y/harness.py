"""Harness of the AT-SPI suite: the real ``hojo`` (demo mode) as its own process, read by the
out-of-process probe (tools/a11y/atspi_probe.py, Debian's python3 + pyatspi) the way Orca
reads it, and keys pressed through XTEST (xdotool).

Everything runs inside ``tools/a11y/with_a11y_session.sh`` (Xvfb, private session D-Bus,
``QT_QPA_PLATFORM=xcb``, ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``, private XDG dirs). Outside it
the suite is skipped with the reason, except when ``HOJO_A11Y_REQUIRED=1`` (the ``dev.py``
stage, CI), where a missing piece is a failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Generator
from pathlib import Path
from typing import IO, Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS = PROJECT_ROOT / "tools" / "a11y"
PROBE = TOOLS / "atspi_probe.py"
TEST_IME = TOOLS / "test_ime.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's: python3-pyatspi is not on PyPI
APP_NAME = "Hojo Desk"
REQUIRED = os.environ.get("HOJO_A11Y_REQUIRED") == "1"

Node = dict[str, Any]


def unavailable_reason(orca: bool = False) -> str | None:
    """Why the AT-SPI suite cannot run here, or None."""
    if os.environ.get("QT_LINUX_ACCESSIBILITY_ALWAYS_ON") != "1":
        return "not inside tools/a11y/with_a11y_session.sh (run `python3 dev.py test`)"
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        return "needs QT_QPA_PLATFORM=xcb on an X display"
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "needs a session D-Bus"
    check = "import pyatspi" + ("; import orca.orca" if orca else "")
    if subprocess.run([SYSTEM_PYTHON, "-c", check], capture_output=True).returncode != 0:
        return "python3-pyatspi" + (" or orca" if orca else "") + " is not installed (apt)"
    if not shutil.which("xdotool"):
        return "xdotool is not installed (apt)"
    return None


def require_session(orca: bool = False) -> None:
    reason = unavailable_reason(orca)
    if reason is None:
        return
    if REQUIRED:
        pytest.fail(f"accessibility suite cannot run but HOJO_A11Y_REQUIRED=1: {reason}")
    pytest.skip(reason)


def hojo_command() -> list[str]:
    script = Path(sys.executable).parent / "hojo"
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def hojo_env(data_dir: Path) -> dict[str, str]:
    """The client's environment: demo mode over a private data folder, no server configured."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(data_dir)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env["PYTHONUNBUFFERED"] = "1"
    # Qt's ibus input context, through the IBus portal on the session bus: the stand-in IME
    # (tools/a11y/test_ime.py) commits Korean text the way ibus-hangul does.
    env["QT_IM_MODULE"] = "ibus"
    env["IBUS_USE_PORTAL"] = "1"
    return env


class StandInIme:
    """The stand-in input method (tools/a11y/test_ime.py); must own its bus name before the
    client starts, or Qt falls back to no input method."""

    def __init__(self, tmp: Path) -> None:
        self._log: IO[bytes] = (tmp / "test-ime.log").open("wb")
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(TEST_IME)], stdout=subprocess.PIPE, stderr=self._log
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if line.strip() != b"ready":
            self.stop()
            log = (tmp / "test-ime.log").read_text(errors="replace")
            raise RuntimeError(f"the stand-in input method did not start: {log}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=5)
        self._log.close()


class Hojo:
    """The client process; its output goes to a log file shown when a test fails."""

    def __init__(self, tmp: Path) -> None:
        self.log_path = tmp / "hojo.log"
        self._log: IO[bytes] = self.log_path.open("wb")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            hojo_command(),
            cwd=tmp,
            env=hojo_env(tmp / "data"),
            stdin=subprocess.PIPE,  # the demo server child watches our stdin
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


class Probe:
    """A long-lived probe process (``--serve``): one JSON command in, one JSON answer out."""

    def __init__(self, app_name: str = APP_NAME, timeout: float = 30) -> None:
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(PROBE), "--app", app_name, "--serve", "--timeout", str(timeout)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.ready = self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise RuntimeError(f"AT-SPI probe ended: {err}")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"AT-SPI probe: {answer['error']}")
        return answer

    def ask(self, **cmd: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        answer = self._read()
        note_alt_menu(answer.get("events", []))
        return answer

    def tree(self, root: str | None = None) -> dict[str, Any]:
        return self.ask(op="tree", root=root, showing=True)

    def steps(self, *steps: str, delay_ms: int = 150) -> list[dict[str, Any]]:
        answer = self.ask(op="steps", steps=list(steps), delay_ms=delay_ms)
        events: list[dict[str, Any]] = answer["events"]
        errors = [e for e in events if e["type"] == "STEP-ERROR"]
        assert not errors, f"probe step failed: {errors} after {events[-12:]}"
        return events

    def focused(self) -> Node | None:
        node: Node | None = self.ask(op="focused")["focused"]
        return node

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                self.ask(op="quit")
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_client(tmp: Path) -> Generator[tuple[Hojo, Probe], None, None]:
    """Start hojo, wait until its main window is on the bus with the 예산편성 page loaded."""
    ime = StandInIme(tmp)
    try:
        hojo = Hojo(tmp)
    except BaseException:
        ime.stop()
        raise
    probe: Probe | None = None
    try:
        probe = Probe()
        probe.steps(
            "waitid:mainWindow",
            "waitid:budgetPage",
            "waitevent:object:property-change:accessible-name|programCount",
            "sleep:300",
        )
        sys.stderr.write(
            f"[a11y] hojo ready on AT-SPI in {time.monotonic() - hojo.started:.1f} s\n"
        )
        yield hojo, probe
    except Exception:
        sys.stderr.write(f"[a11y] hojo log:\n{hojo.log_tail()}\n")
        raise
    finally:
        if probe is not None:
            probe.close()
        hojo.stop()
        ime.stop()


def note_alt_menu(events: list[dict[str, Any]]) -> int:
    """Log each Alt chord after which a menu had the focus (the probe's ``ALT-MENU`` event:
    Qt saw Alt pressed and released alone, tools/a11y/probe_keys.py); how many."""
    hits = [e for e in events if e["type"] == "ALT-MENU"]
    for e in hits:
        keys = "+".join(k.capitalize() for k in str(e["keys"]).split("+"))
        sys.stderr.write(f"[a11y] {keys} ended in the menu bar (focus on {e['focus']})\n")
    return len(hits)


def focus_names(events: list[dict[str, Any]]) -> list[str]:
    """What gained focus, in order (``object:state-changed:focused`` with detail1 = 1)."""
    out = []
    for e in events:
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1:
            src = e["source"] or {}
            out.append(f"{src.get('role')} {src.get('name')!r}")
    return out


def announcements(events: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [
        (str(e["any_data"]), e["detail1"]) for e in events if e["type"] == "object:announcement"
    ]
