"""What Orca says while a 사업담당 writes a 지출결의 by keyboard alone (issue 5), compared with
``golden/orca_expenditure.txt``; then the demo server is asked whether exactly one 지출결의 with
the right amount, withholding, 채주 and evidence exists.

Before the recorded task, the demo 재무관 (the test's other person, through the API) makes a
지출원인행위 of 1,000,000원 on the 사업담당's line "동 행정복지센터 운영 201-02": a 결의 is
written under an open 원인행위. The task, by keys only: 데모 역할 → 사업담당, the 지출 page
through the 작업 목록, 예산 찾기 "행정복지 201-02" (세부사업 and 통계목), the line's 배정,
집행 and 잔액 (Ctrl+Shift+I), 채주 찾기 (none yet), 새 채주 (name, 사업자등록번호 checked as
typed, bank, account, holder, 채주 추가), F6 to 문서 작성: 지출결의 under the 원인행위, 적요,
금액 500,000, 소득 구분 사업소득 (withholding and 실지급액 heard), 증빙 강의 확인서, Ctrl+Enter.

Same harness as ``test_orca_transcripts.py`` (``tests/a11y/orca_harness.py``): a step that
does not happen in time reruns the task once in a fresh Orca + client; a changed transcript
fails with a diff and is never retried; ``HOJO_UPDATE_GOLDEN=1`` rewrites the golden file.
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

PROGRAM, OBJECT = "동 행정복지센터 운영", "201-02"
OBLIGATION_TITLE = "주민 교육 강사 위촉"
PAYEE, NUMBER = "한빛교육연구소", "220-81-62517"
TITLE = "3월 주민 교육 강사료"
AMOUNT, WITHHELD, NET = 500_000, 16_500, 483_500  # 사업소득 3.3 %: 15,000 + 1,500

EXPENDITURE = [
    # 데모 역할 by keyboard: from 작업 목록 Tab to the switcher, Up: 사업담당
    MAIN_WINDOW, "focus:navigationList", "key:Tab", "waitfocus:demoRoleSwitcher",
    "key:Up", "waitevent:object:announcement|바꿨습니다", MAIN_WINDOW,
    # the page loads while the arrows pass over it: its lines are said before Enter
    "page:expenditurePage", "heard:object:announcement|집행할 수 있는 예산",
    "waitfocus:executionLineFilter",
    # 예산 찾기: 세부사업 and 통계목 (words ANDed), the count said once after the typing
    "type:행정복지 201-02", "waitevent:object:announcement|예산 1줄",
    "key:Tab", "waitfocus:executionLines",
    "key:ctrl+shift+i", "waitevent:object:announcement|배정 잔액",  # 배정, 집행, 잔액
    # 채주 찾기: not there yet, so a new 채주
    "key:Tab", "waitfocus:payeeSearch", "type:한빛", "key:Return",
    "waitevent:object:announcement|채주 0명",
    "tabto:payeeName", "type:" + PAYEE,
    "key:Tab", "waitfocus:payeeBusinessNumber", "type:" + NUMBER,
    "waitevent:object:announcement|올바른 사업자등록번호",
    "key:Tab", "waitfocus:payeeResidentNumber",
    "key:Tab", "waitfocus:payeeBank", "type:국민은행",
    "key:Tab", "waitfocus:payeeAccount", "type:123456-01-234567",
    "key:Tab", "waitfocus:payeeHolder", "type:" + PAYEE,
    "key:Tab", "waitfocus:payeeAdd", "key:space",
    "waitevent:object:announcement|채주를 등록했습니다", "waitfocus:payeeResults",
    # 문서 작성 (F6): 지출결의 under the 재무관's 원인행위
    "key:F6", "waitfocus:documentKind",
    "key:Tab", "waitfocus:documentObligation",
    "key:Tab", "waitfocus:documentTitle", "type:" + TITLE,
    "key:Tab", "waitfocus:documentAmount", "type:500000",
    "waitevent:object:property-change:accessible-description|실지급액 500,000원",
    "key:Tab", "waitfocus:documentIncome",
    "key:End", "waitevent:object:announcement|실지급액 483,500원",  # 사업소득
    "key:Tab", "waitfocus:documentWithholding",  # the computed withholding and net, read
    "tabto:evidence6", "key:space",  # 강의 확인서 (keys arrive in order)
    "key:ctrl+Return", "waitevent:object:announcement|보냈습니다",
]  # fmt: skip


def staff_line(api: DemoApi) -> dict[str, Any]:
    """The 사업담당's line 동 행정복지센터 운영 201-02 in this year's 성립 budget."""
    versions = [v for v in api.call("GET", "/api/v1/budget-versions") if v["state"] == "성립"]
    version = max(versions, key=lambda v: (v["fiscal_year"], v["created_at"]))
    me = api.call("GET", "/api/v1/auth/me")
    programs = api.items(f"/api/v1/programs?year={version['fiscal_year']}")
    own = {p["id"] for p in programs if p["department_id"] == me["department_id"]}
    lines = api.items(f"/api/v1/execution/lines?version_id={version['id']}")
    ours = [
        x for x in lines
        if x["program_id"] in own and x["program_name"] == PROGRAM and x["object_code"] == OBJECT
    ]  # fmt: skip
    assert len(ours) == 1, ours
    return ours[0]


def obligate(session: Session) -> dict[str, Any]:
    """The 재무관's 지출원인행위 on the line (the precondition of a 결의), through the API."""
    data = session.tmp / "data"
    line = staff_line(DemoApi(session.hojo, "demo-dept-staff", data))
    finance = DemoApi(session.hojo, "demo-finance-officer", data)
    body = {"line_id": line["line_id"], "amount": 1_000_000, "title": OBLIGATION_TITLE}
    doc: dict[str, Any] = finance.call("POST", "/api/v1/execution/obligations", body, key=True)
    return doc


def run(sessions: Sessions) -> tuple[str, Session, dict[str, Any]]:
    """The 원인행위 through the API, then the recorded task (both once more in a fresh Orca +
    client when a step did not happen in time)."""

    def attempt(session: Session) -> tuple[str, dict[str, Any]]:
        obligation = obligate(session)
        partial = session.tmp / "expenditure.partial.txt"
        return transcript(session.orca, session.probe, EXPENDITURE, partial), obligation

    (text, obligation), session = run_once_more(sessions, "expenditure", attempt)
    return text, session, obligation


def test_orca_writing_a_resolution_by_keyboard(sessions: Sessions) -> None:
    text, session, obligation = run(sessions)
    # exactly one 지출결의, the right one, asked of the server
    api = DemoApi(session.hojo, "demo-finance-officer", session.tmp / "data")
    resolutions = api.items("/api/v1/execution/documents?kind=resolution")
    assert len(resolutions) == 1, resolutions
    doc = resolutions[0]
    assert (doc["parent_id"], doc["line_id"]) == (obligation["id"], obligation["line_id"]), doc
    assert (doc["amount"], doc["withheld"], doc["net"]) == (AMOUNT, WITHHELD, NET), doc
    assert (doc["income_type"], doc["title"]) == ("business", TITLE), doc
    assert doc["evidence"] == ["강의 확인서"], doc
    assert doc["author_login"] == "demo-dept-staff", doc
    payee = api.call("GET", f"/api/v1/execution/payees/{doc['payee_id']}")
    assert (payee["name"], payee["business_number"]) == (PAYEE, NUMBER), payee
    assert [p["name"] for p in api.items("/api/v1/execution/payees")] == [PAYEE]  # added once
    check_golden("orca_expenditure.txt", text, session.tmp)
    assert "[announcement] 예산 1줄" in text  # the line found by 세부사업 and 통계목
    assert "실지급액 483,500원" in text  # the withholding and the net were heard
    assert "[announcement] 지출결의을(를) 보냈습니다: 500,000원" in text
