"""What Orca would say during two keyboard-only tasks, compared with golden transcripts.

Orca 43 (Debian 12) runs with speech and braille off and logs every utterance
(tools/a11y/orca_speech_log.py); the keys go through XTEST (xdotool) from the probe, which
also waits for the client's events so the transcript does not depend on timing. Volatile
parts (clock times, minutes left, dates, ids) are normalised. When what Orca says changes on
purpose, rewrite the files with ``HOJO_UPDATE_GOLDEN=1`` and review the diff: the golden
files are meant to be read by a person (one utterance a line, ``## key`` lines between,
``[announcement]`` lines for what the app announced).

(a) 부서 예산담당 writes a 산출근거 line and submits the 세부사업's request; (b) in the same
client the user switches to 예산부서 with the keyboard and adjusts THAT line with a reason;
the demo server is then asked (its API, with this launch's demo credential) whether the right
line got the amount and the reason. A step that does not happen in time (Orca 43 can be slow
to answer Qt's key events) reruns the whole task once in a fresh Orca + client, never more; a
changed transcript is never retried.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.a11y.harness import (
    SYSTEM_PYTHON,
    TOOLS,
    Hojo,
    Probe,
    announcements,
    require_session,
    start_client,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("HOJO_UPDATE_GOLDEN") == "1"
MAIN_WINDOW = "xfocus:호조 데스크"
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*?)'\s*(\{'established.*)?$", re.MULTILINE)
VOLATILE = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"), "<일시>"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "<날짜>"),
    (re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"), "<시각>"),
    (re.compile(r"\d+분 남음"), "<n>분 남음"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<id>"),
]
NAV_COUNT = re.compile(r"List with \d+ items?\.")
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
    clients: Iterator[tuple[Hojo, Probe]]
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


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sessions]:
    require_session(orca=True)
    pool = Sessions(tmp_path_factory)
    try:
        yield pool
    finally:
        pool.close()


def normalise(lines: list[str]) -> list[str]:
    out = []
    for i, line in enumerate(lines):
        if i and lines[i - 1] == "작업 목록(W):" and NAV_COUNT.fullmatch(line):
            # how many pages the 작업 목록 has changes with every new page; the entries
            # themselves are checked by test_navigation_entries_for_the_role
            line = "List with <n> items."
        for pattern, repl in VOLATILE:
            line = pattern.sub(repl, line)
        out.append(line)
    return out


class StepFailed(AssertionError):
    """A probe step did not happen in time (a wait ran out); the partial transcript is kept."""


def transcript(orca: Orca, probe: Probe, steps: list[str], partial: Path | None = None) -> str:
    """Run the steps; what Orca said after each key, under a ``## key`` line.

    Each action runs with the waits that follow it (one probe call, so a wait sees the
    events its action caused). After each action: until Orca has been quiet for a moment.
    """
    groups: list[list[str]] = []
    for step in steps:
        if groups and step.startswith(("wait", "sleep", "xfocus")):
            groups[-1].append(step)
        else:
            groups.append([step])
    lines: list[str] = []
    for group in expand_pages(probe, groups):
        before = len(orca.utterances())
        answer = probe.ask(op="steps", steps=group, delay_ms=120)
        events: list[dict[str, Any]] = answer["events"]
        quiet_until(orca)
        events += probe.ask(op="events", seconds=0.1)["events"]  # while Orca spoke
        said = orca.utterances()[before:]
        if not group[0].startswith("xfocus"):
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


def expand_pages(probe: Probe, groups: list[list[str]]) -> Iterator[list[str]]:
    """``page:<id>`` as the keys a user presses, each heard on its own: Alt+W (작업 목록),
    Home, Down until the page with that accessible id shows, Enter. The list's order and
    Ctrl+N numbers are not built in; the keys pressed are in the transcript."""
    for group in groups:
        if not group[0].startswith("page:"):
            yield group
            continue
        ident = group[0].removeprefix("page:")
        yield ["key:alt+w", "waitfocus:navigationList"]
        yield ["key:Home", "sleep:300"]
        for _ in range(12):
            if probe.ask(op="showing", id=ident)["showing"]:
                break
            yield ["key:Down", "waitevent:object:state-changed:focused"]
        else:
            raise StepFailed(f"page {ident!r} is not in the 작업 목록")
        yield ["key:Return", *group[1:]]


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


def check_golden(name: str, text: str, actual_dir: Path) -> None:
    path = GOLDEN / name
    (actual_dir / name).write_text(text, encoding="utf-8")
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden transcript {path} was missing; written — review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True),
                f"golden/{name}", f"this run ({actual_dir / name})",
            )
        )  # fmt: skip
        pytest.fail(
            f"what Orca says changed ({name}); if intended, rerun with HOJO_UPDATE_GOLDEN=1 and "
            f"review the diff:\n{diff}",
            pytrace=False,
        )


BUDGET_REQUEST = [
    # the client starts on 예산편성 with focus in 작업 목록; Tab: 데모 역할, Tab: 사업 찾기
    MAIN_WINDOW, "key:Tab", "waitfocus:demoRoleSwitcher", "key:Tab", "waitfocus:programFilter",
    "type:긴급복지", "waitevent:object:announcement|사업 3개",
    "key:Tab", "waitfocus:programTree", "key:End",         # 사업 목록: the 세부사업
    "key:ctrl+shift+n", "waitfocus:lineAccount",           # 새 편성 줄 dialog: 회계
    "key:Tab", "waitfocus:lineObjectSearch",
    "type:201-01", "waitevent:object:announcement|통계목 1개",
    "key:Tab", "waitfocus:lineObjectList",                 # the one 통계목 left
    "key:Tab", "waitfocus:lineFunding", "key:End",         # 재원: 자체재원
    "key:Return", "waitevent:object:announcement|새 줄을 만들었습니다",
    MAIN_WINDOW, "waitfocus:basisLabel",
    # a pause after each burst of typing: the line is saved on this PC and that is said once
    "type:○ 교통비", "waitevent:object:announcement|임시 저장했습니다",
    "key:Tab", "waitfocus:basisFormula", "type:25,000원*4회",
    "waitevent:object:property-change:accessible-name|100,000원",
    "waitevent:object:announcement|임시 저장했습니다",
    "tabto:funding_03", "type:100", "waitevent:object:announcement|임시 저장했습니다",
    "key:ctrl+shift+i", "waitevent:object:announcement|요구액",  # before a save: the editor's
    "key:ctrl+shift+s", "waitevent:object:announcement|요구했습니다",
    "key:ctrl+shift+i", "waitevent:object:announcement|상태 요구",  # focus kept: keys work
]  # fmt: skip

ADJUST_LINE = [
    # 데모 역할 by keyboard: from 작업 목록 Tab to the switcher, Down: 예산부서
    MAIN_WINDOW, "focus:navigationList", "key:Tab", "waitfocus:demoRoleSwitcher",
    "key:Down", "waitevent:object:announcement|바꿨습니다", MAIN_WINDOW,
    "page:page.adjust", "waitfocus:adjust.version", "sleep:800",
    # 찾기: the words are ANDed (세부사업, 통계목 ...): only the line task (a) requested
    "tabto:adjust.filter", "type:긴급복지 지원 201-01",
    "waitevent:object:announcement|조회 결과 1건",  # once, after a typing pause
    "tabto:adjust.lines", "key:Down",
    "key:ctrl+shift+i", "waitevent:object:announcement|요구액",  # which line: its summary
    "tabto:adjust.amount", "key:ctrl+a", "type:90",
    "key:Tab", "waitfocus:adjust.reason", "type:여비 단가 조정",
    "key:Tab", "waitfocus:adjust.apply", "key:space",
    "waitevent:object:announcement|조정했습니다",
    "key:ctrl+shift+i", "waitevent:object:announcement|조정액",  # the line's summary, aloud
]  # fmt: skip

TASKS = {"budget_request": BUDGET_REQUEST, "adjust_line": ADJUST_LINE}
REASON = "여비 단가 조정"


def run_task(sessions: Sessions, name: str, needs: list[str]) -> tuple[str, Session]:
    """The transcript of task ``name`` after the tasks ``needs`` (done unrecorded in the
    client when it has not done them yet); a step that fails reruns it all once, in a fresh
    Orca + client."""
    for attempt in (1, 2):
        session = sessions.get(fresh=attempt == 2)
        try:
            for before in needs:
                if before not in session.done:
                    transcript(session.orca, session.probe, TASKS[before])
                    session.done.append(before)
            partial = session.tmp / f"{name}.partial.txt"
            text = transcript(session.orca, session.probe, TASKS[name], partial)
        except StepFailed as failed:
            if attempt == 2:
                raise
            print(f"[a11y] {name}: a step did not happen in time; once more, fresh: {failed}")
            continue
        session.done.append(name)
        return text, session
    raise AssertionError("unreachable")


class DemoApi:
    """The client's demo server, asked directly: its address from the client's log (its
    output, or its log file under the data folder), the launch's credential from the server
    process's environment (the test's own grandchild)."""

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

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data, method=method)
        for key, value in {**self.headers, "Content-Type": "application/json"}.items():
            request.add_header(key, value)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def expenditure_lines(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for version in self.call("GET", "/api/v1/budget-versions"):
            cursor = ""
            while True:
                page = self.call(
                    "GET",
                    f"/api/v1/budget-versions/{version['id']}/expenditure-lines?include=basis"
                    + (f"&cursor={cursor}" if cursor else ""),
                )
                out += page["items"]
                cursor = page.get("next_cursor") or ""
                if not cursor:
                    break
        return out


def texts_of(items: list[dict[str, Any]]) -> list[str]:
    """Labels and formulas of a 산출근거 tree."""
    return [t for i in items for t in (i["label"], i["formula"] or "", *texts_of(i["children"]))]


def test_orca_writing_a_basis_line_and_submitting(sessions: Sessions) -> None:
    text, session = run_task(sessions, "budget_request", [])
    check_golden("orca_budget_request.txt", text, session.tmp)
    assert "[announcement] 긴급복지 지원을(를) 요구했습니다" in text  # complete: submitted


def test_orca_adjusting_a_requested_line_with_reason(sessions: Sessions) -> None:
    text, session = run_task(sessions, "adjust_line", ["budget_request"])
    # the RIGHT line, asked of the server: the one task (a) wrote (○ 교통비, 25,000원*4회),
    # requested at 100천원, now adjusted to 90천원 with the reason; no other line has it
    lines = DemoApi(session.hojo, "demo-budget-office", session.tmp / "data").expenditure_lines()
    ours = [ln for ln in lines if "○ 교통비" in texts_of(ln["basis"] or [])]
    assert len(ours) == 1, ours
    line = ours[0]
    assert texts_of(line["basis"]) == ["○ 교통비", "25,000원*4회"], line["basis"]
    assert (line["object_code"], line["requested_amount"]) == ("201-01", 100), line
    assert (line["adjusted_amount"], line["adjust_reason"]) == (90, REASON), line
    others = [ln for ln in lines if ln["adjust_reason"] == REASON and ln["id"] != line["id"]]
    assert others == [], f"another line got the adjustment: {others}"
    check_golden("orca_adjust_line.txt", text, session.tmp)
    assert "조정액" in text and "조정 사유" in text  # the fields were heard
    assert "[announcement] 조회 결과 1건" in text  # the requested line, not another one
    assert "[announcement] 조정했습니다: 90천원" in text
