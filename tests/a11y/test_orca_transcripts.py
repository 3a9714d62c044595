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
changed transcript is never retried. The Orca side of the harness (Orca with its speech log,
sessions, transcripts, golden files, the demo server's API) is ``tests/a11y/orca_harness.py``.
"""

from __future__ import annotations

from typing import Any

from tests.a11y.golden import check_golden
from tests.a11y.orca_harness import (
    MAIN_WINDOW,
    DemoApi,
    Session,
    Sessions,
    run_once_more,
    transcript,
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

    def attempt(session: Session) -> str:
        for before in needs:
            if before not in session.done:
                transcript(session.orca, session.probe, TASKS[before])
                session.done.append(before)
        partial = session.tmp / f"{name}.partial.txt"
        text = transcript(session.orca, session.probe, TASKS[name], partial)
        session.done.append(name)
        return text

    return run_once_more(sessions, name, attempt)


def expenditure_lines(api: DemoApi) -> list[dict[str, Any]]:
    """Every 세출 line of every budget version, with its 산출근거."""
    return [
        line
        for version in api.call("GET", "/api/v1/budget-versions")
        for line in api.items(
            f"/api/v1/budget-versions/{version['id']}/expenditure-lines?include=basis"
        )
    ]


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
    lines = expenditure_lines(DemoApi(session.hojo, "demo-budget-office", session.tmp / "data"))
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
