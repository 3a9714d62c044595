"""What Orca would say during two keyboard-only tasks, compared with golden transcripts.

Orca 43 (Debian 12) runs with speech and braille off and logs every utterance
(tools/a11y/orca_speech_log.py); the keys go through XTEST (xdotool) from the probe, which
also waits for the client's events so the transcript does not depend on timing. Volatile
parts (clock times, minutes left, dates, ids) are normalised. When what Orca says changes on
purpose, rewrite the files with ``HOJO_UPDATE_GOLDEN=1`` and review the diff: the golden
files are meant to be read by a person (one utterance a line, ``## key`` lines between).

Task (b) adjusts the line that task (a) submitted, in the same client (switching the demo
role with the keyboard), so the two tests run in file order.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="module")
def orca_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Orca, Probe]]:
    require_session(orca=True)
    tmp = tmp_path_factory.mktemp("orca")
    orca = Orca(tmp)
    try:
        hojo: Hojo
        for hojo, probe in start_client(tmp):
            yield orca, probe
            del hojo
    finally:
        orca.stop()


def normalise(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        for pattern, repl in VOLATILE:
            line = pattern.sub(repl, line)
        out.append(line)
    return out


def transcript(orca: Orca, probe: Probe, steps: list[str]) -> str:
    """Run the steps; what Orca said after each key, under a ``## key`` line.

    Each action runs with the waits that follow it (one probe call, so a wait sees the
    events its action caused).
    """
    groups: list[list[str]] = []
    for step in steps:
        if groups and step.startswith(("wait", "sleep", "xfocus")):
            groups[-1].append(step)
        else:
            groups.append([step])
    lines: list[str] = []
    for group in groups:
        before = len(orca.utterances())
        events = probe.steps(*group, delay_ms=120)
        quiet_until(orca)
        said = orca.utterances()[before:]
        if not group[0].startswith("xfocus"):
            lines.append(f"## {group[0]}")
        lines.extend(normalise(said))
        # Orca 43 does not listen to object:announcement (Orca 45+, NVDA and JAWS speak
        # them); the app's announcements are kept in the transcript, marked as such.
        lines.extend(normalise([f"[announcement] {text}" for text, _ in announcements(events)]))
    return "\n".join(lines) + "\n"


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


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden transcript {path} was missing; written — review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"what Orca says changed ({name}); if intended: HOJO_UPDATE_GOLDEN=1 and review the diff"
    )


BUDGET_REQUEST = [
    MAIN_WINDOW, "key:Tab", "key:Tab",  # 작업 목록 → 데모 역할 → 사업 찾기
    "type:긴급복지", "waitevent:object:announcement|사업 3개",
    "key:Tab", "key:End",                                  # 사업 목록: the 세부사업
    "key:ctrl+shift+n", "waitfocus:lineAccount",           # 새 줄 dialog
    # 통계목 by type-ahead in the list, not the 찾기 filter: each key in the filter rebuilds
    # the list and floods Orca 43 (docs/accessibility.md §7), which then falls silent
    "key:Tab", "key:Tab", "type:201-01", "sleep:300",       # 통계목 찾기, 통계목 목록
    "key:Tab", "key:End", "key:Return",                    # 재원: 자체재원, OK
    "waitevent:object:announcement|새 줄을 만들었습니다", MAIN_WINDOW, "waitfocus:basisLabel",
    "type:○ 교통비", "key:Tab", "type:25,000원*4회", "sleep:300",
    "tabto:funding_03", "type:100",
    "key:ctrl+shift+s", "waitevent:object:announcement|요구했습니다",
]  # fmt: skip

ADJUST_LINE = [
    MAIN_WINDOW, "key:ctrl+1", "waitid:budgetPage", "focus:navigationList",
    "key:Tab", "key:Down",                                 # 데모 역할: 예산부서
    "waitevent:object:announcement|바꿨습니다", MAIN_WINDOW,
    "key:ctrl+3", "waitid:page.adjust", "sleep:800",
    # the line task (a) requested: the filter matches 사업 and 통계목 ("○ 교통비" is its basis)
    "tabto:adjust.filter", "type:긴급복지 지원 201-01",
    "waitevent:object:announcement|조회 결과 1건",
    "key:Tab", "key:Down",
    "tabto:adjust.amount", "key:ctrl+a", "type:90",
    "key:Tab", "type:여비 단가 조정", "key:Tab", "key:space",
    "waitevent:object:announcement|조정",
]  # fmt: skip


NOT_YET = (
    "Orca 43 stalls intermittently on this client (QSpiApplication keyEventError NoReply: Qt waits "
    "on Orca for each key): the submit is sometimes not announced within 10 s, and the 조정 filter "
    "does not yet find the line task (a) requested; golden files not yet reviewed as complete "
    "(docs/accessibility.md §7)"
)


@pytest.mark.xfail(strict=False, reason=NOT_YET)
def test_orca_writing_a_basis_line_and_submitting(orca_client: tuple[Orca, Probe]) -> None:
    orca, probe = orca_client
    text = transcript(orca, probe, BUDGET_REQUEST)
    check_golden("orca_budget_request.txt", text)
    assert "[announcement] 긴급복지 지원을(를) 요구했습니다" in text  # complete: submitted


@pytest.mark.xfail(strict=False, reason=NOT_YET)
def test_orca_adjusting_a_requested_line_with_reason(orca_client: tuple[Orca, Probe]) -> None:
    orca, probe = orca_client
    text = transcript(orca, probe, ADJUST_LINE)
    check_golden("orca_adjust_line.txt", text)
    assert "조정액" in text and "조정 사유" in text  # the fields were heard
    assert "[announcement] 조회 결과 1건" in text  # the requested line, not another one
    assert "[announcement] 조정했습니다: 90천원" in text
