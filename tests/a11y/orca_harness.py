"""The Orca side of the accessibility harness, for any keyboard-only task: Orca 43 with speech
off and its speech log read back, one Orca + client per test module (a fresh one for a retry),
transcripts of probe steps with the app's announcements beside them (normalised and compared
with the golden files by ``golden.py``), a task rerun once in a fresh Orca + client when a
step did not happen in time (``run_once_more``), and the client's demo
server asked directly through its API with this launch's demo credential. Used by
``test_orca_transcripts.py`` and ``test_orca_expenditure.py`` (their ``sessions`` fixture is in
``conftest.py``); the races it avoids (keys held by Qt for Orca overtaken by IME commits, a
replayed Alt press opening the menu bar, timed announcements, events between commands) are in
docs/accessibility.md §1.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.a11y.golden import normalise
from tests.a11y.harness import SYSTEM_PYTHON, TOOLS, Hojo, Probe, announcements, start_client

MAIN_WINDOW = "xfocus:호조 데스크"
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*?)'\s*(\{'established.*)?$", re.MULTILINE)
T = TypeVar("T")
FOCUS_MARK = re.compile(r"^ORCA HARNESS: focus (done|skipped) (.*)$", re.MULTILINE)
DEMO_SERVER = re.compile(r"데모 서버 시작: (http://127\.0\.0\.1:\d+) \(pid (\d+)\)")


class Orca:
    """Orca with speech off, its utterances read from its line-buffered debug log."""

    def __init__(self, tmp: Path) -> None:
        self.log = tmp / "orca-debug.log"
        self._out = (tmp / "orca.out").open("wb")
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(TOOLS / "orca_speech_log.py"), str(self.log), str(tmp / "prefs")],
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.log.exists() and "Startup complete" in self.log.read_text(errors="replace"):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("Orca did not start: " + (tmp / "orca.out").read_text(errors="replace"))

    def utterances(self) -> list[str]:
        text = self.log.read_text(errors="replace")
        return [m.group(1).strip() for m in SPEECH.finditer(text)]

    def focus_marks(self) -> list[tuple[str, str]]:
        """(``done`` or ``skipped``, id or name) for each focus-in event Orca took, in order
        (tools/a11y/orca_speech_log.py writes them)."""
        text = self.log.read_text(errors="replace")
        return [(m.group(1), m.group(2).strip()) for m in FOCUS_MARK.finditer(text)]

    def wait_focus_taken(
        self, event: dict[str, Any], since: int, limit: float = 10.0
    ) -> dict[str, Any] | None:
        """Wait until Orca has taken (presented, or decided to skip) the client's focus-in
        ``event``, among its focus marks from index ``since`` on; a STEP-ERROR event when it
        did not within ``limit`` seconds.

        Orca 43 drops a focus event when a newer one of another object is already queued
        (``Script.skipObjectEvent``); a key that moves the focus again before Orca got to the
        last one would silence that control in the transcript, so each key waits for this."""
        source = event.get("source") or {}
        names = {str(source.get("id") or ""), str(source.get("name") or "")} - {""}
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if any(who in names for _, who in self.focus_marks()[since:]):
                return None
            time.sleep(0.02)
        error = f"Orca did not take the focus on {sorted(names)} within {limit} s"
        return {"type": "STEP-ERROR", "error": error}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGTERM can sit 10 s in Orca 43's shutdown watchdog
            self.proc.wait()
        self._out.close()


@dataclass
class Session:
    """Orca, the client and its probe; ``done`` lists the tasks completed in this client."""

    tmp: Path
    orca: Orca
    hojo: Hojo
    probe: Probe
    clients: Generator[tuple[Hojo, Probe], None, None]
    done: list[str] = field(default_factory=list)

    def close(self) -> None:
        try:
            self.clients.close()  # start_client's finally: probe, client, input method
        finally:
            self.orca.stop()


class Sessions:
    """One Orca + client for the module, replaced by a fresh one when a task is retried."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.current: Session | None = None
        self.count = 0

    def get(self, fresh: bool = False) -> Session:
        if self.current is not None and not fresh:
            return self.current
        self.close()
        self.count += 1
        tmp = self.factory.mktemp(f"orca{self.count}-")
        orca = Orca(tmp)
        try:
            clients = start_client(tmp)
            hojo, probe = next(clients)
        except BaseException:
            orca.stop()
            raise
        self.current = Session(tmp, orca, hojo, probe, clients)
        return self.current

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
            self.current = None


def run_once_more(
    sessions: Sessions, name: str, attempt: Callable[[Session], T]
) -> tuple[T, Session]:
    """``attempt(session)`` in the module's Orca + client; when a step did not happen in time
    (``StepFailed``), once more in a fresh one — never more; a changed transcript is not a
    ``StepFailed`` and is never retried."""
    for number in (1, 2):
        session = sessions.get(fresh=number == 2)
        try:
            return attempt(session), session
        except StepFailed as failed:
            if number == 2:
                raise
            print(f"[a11y] {name}: a step did not happen in time; once more, fresh: {failed}")
    raise AssertionError("unreachable")


class StepFailed(AssertionError):
    """A probe step did not happen in time (a wait ran out); the partial transcript is kept."""


def transcript(orca: Orca, probe: Probe, steps: list[str], partial: Path | None = None) -> str:
    """Run the steps; what Orca said after each key, under a ``## key`` line.

    Each action runs with the waits that follow it (one probe call, so a wait sees the
    events its action caused). After each action: until Orca has been quiet for a moment.
    ``heard:<event type>|<text>`` waits (here, not in the probe) for an event since the last
    action *including* those already answered with it: for a page step it waits after the
    arrow that showed the page (the page loads while the 작업 목록's arrows pass over it).
    """
    groups: list[list[str]] = []
    for step in steps:
        if groups and step.startswith(("wait", "sleep", "xfocus", "heard")):
            groups[-1].append(step)
        else:
            groups.append([step])
    lines: list[str] = []
    since_action: list[dict[str, Any]] = []
    for group in expand_pages(probe, groups):
        before = len(orca.utterances())
        marks = len(orca.focus_marks())
        actions = [s for s in group if not s.startswith("heard:")]
        events: list[dict[str, Any]] = []
        if actions and actions[0].startswith("tabto:"):
            events = tab_to(orca, probe, actions[0].removeprefix("tabto:"))
            if actions[1:] and not failed(events):
                events += probe.ask(op="steps", steps=actions[1:], delay_ms=120)["events"]
            since_action = []
        elif actions:
            events = probe.ask(op="steps", steps=actions, delay_ms=120)["events"]
            since_action = []
        since_action += events
        for step in group:
            if step.startswith("heard:") and not failed(events):
                events += wait_heard(probe, since_action, step.removeprefix("heard:"))
        last_focus = focus_in(events)
        if last_focus is not None and not failed(events):
            late_orca = orca.wait_focus_taken(last_focus, marks)  # before the next key
            events += [late_orca] if late_orca else []
        for kind, who in orca.focus_marks()[marks:]:
            if kind == "skipped":  # Orca's choice (a newer focus came first): in its log
                sys.stderr.write(f"[a11y] Orca skipped the focus on {who} in {group}\n")
        quiet_until(orca)
        late = probe.ask(op="events", seconds=0.1)["events"]  # while Orca spoke
        events += late
        since_action += late
        if partial is not None:  # the probe's events beside the transcript, for a failure
            with partial.with_suffix(".events.jsonl").open("a", encoding="utf-8") as log:
                log.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        said = orca.utterances()[before:]
        if actions and not group[0].startswith("xfocus"):
            lines.append(f"## {group[0]}")
        lines.extend(normalise(said))
        # Orca 43 does not listen to object:announcement (Orca 45+, NVDA and JAWS speak
        # them); the app's announcements are kept in the transcript, marked as such.
        lines.extend(normalise([f"[announcement] {text}" for text, _ in announcements(events)]))
        errors = [e for e in events if e["type"] == "STEP-ERROR"]
        if errors:
            text = "\n".join(lines) + "\n"
            if partial is not None:
                partial.write_text(text, encoding="utf-8")
            raise StepFailed(f"{errors[0]['error']} in {group}; transcript so far:\n{text}")
    return "\n".join(lines) + "\n"


def failed(events: list[dict[str, Any]]) -> bool:
    return any(e["type"] == "STEP-ERROR" for e in events)


def focus_in(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The last focus-in event (``object:state-changed:focused``, detail1 = 1), or None."""
    ins = [e for e in events if e["type"] == "object:state-changed:focused" and e["detail1"] == 1]
    return ins[-1] if ins else None


def tab_to(orca: Orca, probe: Probe, target: str, presses: int = 40) -> list[dict[str, Any]]:
    """``tabto:<id or name>`` as a person tabs with a screen reader: Tab, the client's focus
    event on the next control, Orca has taken it, and only then the next Tab (a Tab sent
    while Orca had not got to the last focus made Orca 43 skip that control: the 재원 fields
    of transcript (a) under load). The events of all the Tabs; a STEP-ERROR event when
    ``target`` was not reached."""
    events: list[dict[str, Any]] = []
    focused = probe.ask(op="focused")["focused"] or {}
    for _ in range(presses):
        if target in (focused.get("id"), focused.get("name")):
            return events
        marks = len(orca.focus_marks())
        got = probe.ask(op="steps", steps=["tab:"], delay_ms=0)["events"]
        events += got
        event = focus_in(got)
        if failed(got) or event is None:
            return events
        late_orca = orca.wait_focus_taken(event, marks)
        if late_orca is not None:
            return [*events, late_orca]
        focused = event.get("source") or {}
    events.append({"type": "STEP-ERROR", "error": f"Tab never reached {target}"})
    return events


def _seen(events: list[dict[str, Any]], etype: str, text: str) -> bool:
    for e in events:
        if not e["type"].startswith(etype):
            continue
        hay = [str(e.get("any_data"))]
        if isinstance(e.get("source"), dict):
            hay += [str(e["source"].get("name")), str(e["source"].get("id"))]
        if not text or any(text in h for h in hay):
            return True
    return False


def wait_heard(
    probe: Probe, seen: list[dict[str, Any]], what: str, limit: float = 10.0
) -> list[dict[str, Any]]:
    """The events that came until ``<type>|<text>`` is among ``seen`` + them (a STEP-ERROR
    event when it did not come within ``limit`` seconds)."""
    etype, _, text = what.partition("|")
    new: list[dict[str, Any]] = []
    end = time.monotonic() + limit
    while not _seen(seen + new, etype, text):
        if time.monotonic() > end:
            new.append({"type": "STEP-ERROR", "error": f"waited {limit} s for event {what}"})
            break
        new += probe.ask(op="events", seconds=0.1)["events"]
        time.sleep(0.05)
    return new


def expand_pages(probe: Probe, groups: list[list[str]]) -> Iterator[list[str]]:
    """``page:<id>`` as the keys a user presses, each heard on its own: Alt+W (작업 목록),
    Home, Down until the page with that accessible id shows, Enter. The page group's
    ``heard:`` steps wait after the key that showed the page, its other steps after Enter."""
    for group in groups:
        if not group[0].startswith("page:"):
            yield group
            continue
        ident = group[0].removeprefix("page:")
        heard = [s for s in group[1:] if s.startswith("heard:")]
        yield ["key:alt+w", "waitfocus:navigationList"]
        yield ["key:Home", "sleep:300"]
        for _ in range(12):
            if probe.ask(op="showing", id=ident)["showing"]:
                break
            yield ["key:Down", "waitevent:object:state-changed:focused"]
        else:
            raise StepFailed(f"page {ident!r} is not in the 작업 목록")
        if heard:
            yield heard
        yield ["key:Return", *[s for s in group[1:] if not s.startswith("heard:")]]


def quiet_until(orca: Orca, quiet: float = 0.6, limit: float = 8.0) -> None:
    """Wait until Orca has said nothing new for ``quiet`` seconds."""
    end = time.monotonic() + limit
    count = len(orca.utterances())
    still_since = time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.05)
        now = len(orca.utterances())
        if now != count:
            count, still_since = now, time.monotonic()
        elif time.monotonic() - still_since >= quiet:
            return


class DemoApi:
    """The client's demo server, asked directly: its address from the client's log (its
    output, or its log file under the data folder), the launch's credential from the server
    process's environment (the test's own grandchild), signed in as the demo user ``login``."""

    def __init__(self, hojo: Hojo, login: str, data_dir: Path) -> None:
        logs = [hojo.log_path, data_dir / "logs" / "hojo.log"]
        text = "\n".join(p.read_text(errors="replace") for p in logs if p.exists())
        started = DEMO_SERVER.findall(text)
        assert started, f"the client did not log its demo server's address in {logs}"
        self.url, pid = started[-1][0], int(started[-1][1])
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        values = dict(v.decode().split("=", 1) for v in environ if b"=" in v)
        self.headers = {"X-Hojo-Demo-Credential": values["HOJO_DEMO_CREDENTIAL"]}
        token = self.call("POST", "/api/v1/auth/demo", {"login": login})
        self.headers["Authorization"] = f"Bearer {token['access_token']}"

    def call(
        self, method: str, path: str, body: dict[str, Any] | None = None, *, key: bool = False
    ) -> Any:
        """One request; ``key``: with a new Idempotency-Key (money-moving POSTs need one)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data, method=method)
        headers = {**self.headers, "Content-Type": "application/json"}
        if key:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        for name, value in headers.items():
            request.add_header(name, value)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def items(self, path: str) -> list[dict[str, Any]]:
        """Every item of a paged list (``items`` and ``next_cursor``)."""
        out: list[dict[str, Any]] = []
        cursor = ""
        sep = "&" if "?" in path else "?"
        while True:
            page = self.call("GET", path + (f"{sep}cursor={cursor}" if cursor else ""))
            out += page["items"]
            cursor = page.get("next_cursor") or ""
            if not cursor:
                return out
