"""The real client as a screen reader sees it: AT-SPI read from another process.

One ``hojo`` (demo mode, 부서 예산담당) for the whole module; the tests run in file order and
the later ones continue where the earlier left the client (the 예산편성 task leaves a
requested line that the table test reads).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.a11y.harness import Hojo, Node, Probe, announcements, focus_names

Client = tuple[Hojo, Probe]
MAIN_WINDOW = "xfocus:호조 데스크"  # what a window manager does: the main window gets X focus
INTERACTIVE = {
    "text", "password text", "push button", "check box", "radio button", "spin button",
    "combo box", "table", "tree", "tree table", "list", "page tab", "toggle button", "menu item",
}  # fmt: skip


def by_id(tree: list[Node], ident: str) -> Node:
    found = [n for n in tree if n["id"] == ident]
    assert found, f"no accessible with id {ident!r} is showing"
    return found[0]


def unnamed_focusable(tree: list[Node]) -> list[str]:
    return [
        f"{n['role']} {n['id']}"
        for n in tree
        if n["role"] in INTERACTIVE
        and {"focusable", "showing"} <= set(n["states"])
        and not n["name"].strip()
    ]


def page_tree(probe: Probe, page_id: str) -> list[Node]:
    """Open the page through the 작업 목록 by keyboard, found by its accessible id (not by its
    Ctrl+N number, which moves when pages are added or hidden for a role). Alt+W is held as a
    person holds it (tools/a11y/probe_keys.py: a replayed Alt press used to open the menu bar);
    if the menu bar still takes the focus the step fails with "Alt+W ended in the menu bar"."""
    probe.steps(MAIN_WINDOW, f"page:{page_id}", f"waitid:{page_id}", "sleep:400")
    answer = probe.tree(page_id)
    tree: list[Node] = answer["tree"]
    assert unnamed_focusable(tree) == []
    assert answer["problems"] == []
    return tree


def navigation_entries(probe: Probe) -> list[str]:
    tree: list[Node] = probe.tree("navigationList")["tree"]
    return [n["name"] for n in tree if n["role"] == "list item"]


def test_main_window_budget_page_tree(client: Client) -> None:
    _hojo, probe = client
    answer = probe.tree()
    tree: list[Node] = answer["tree"]
    window = by_id(tree, "mainWindow")
    assert window["role"] == "frame"
    assert window["name"] == "데모 부서 예산담당 — 호조 데스크 (데모)"
    assert unnamed_focusable(tree) == []
    assert answer["problems"] == []

    roles = {n["id"]: (n["role"], n["name"]) for n in tree}
    assert roles["navigationList"] == ("list", "작업 목록")
    assert roles["programFilter"] == ("text", "사업 찾기")
    assert roles["programTree"] == ("tree", "사업 목록")
    assert roles["linesTable"] == ("table", "편성 목록")
    assert roles["basisTree"] == ("tree", "산출근거")
    assert roles["basisFormula"] == ("text", "산출근거식")
    assert roles["budgetSubmitProgram"] == ("push button", "세부사업 요구 제출")

    # Qt on Linux names a combo box by its current item; the label comes as a relation.
    combo = by_id(tree, "demoRoleSwitcher")
    assert (combo["role"], combo["name"]) == ("combo box", "부서 예산담당")
    assert combo["relations"]["labelled by"] == ["데모 역할(R):"]

    # tables and trees carry column headers
    assert by_id(tree, "linesTable")["table"]["column_headers"] == [
        "회계", "통계목", "재원", "기정액", "요구액", "증감", "상태",
    ]  # fmt: skip
    assert by_id(tree, "basisTree")["table"]["column_headers"] == [
        "항목", "산출근거식", "금액(원)", "금액(천원)", "오류 및 안내",
    ]  # fmt: skip
    assert by_id(tree, "programTree")["table"]["column_headers"] == ["사업"]


def test_navigation_entries_for_the_role(client: Client) -> None:
    """부서 예산담당 sees every page but 사용자 관리 (관리자 only: hidden, its Ctrl+N off);
    pages added later may follow (the Orca transcripts walk to 조정·의결 from the top)."""
    _hojo, probe = client
    entries = navigation_entries(probe)
    assert entries[:5] == ["예산편성", "세입", "조정·의결", "지출", "보고서"], entries
    assert "사용자 관리" not in entries
    # every item of the list, showing or not, is one of those: Orca counts them all ("List
    # with 6 items" while 사용자 관리 was a hidden row)
    every = probe.ask(op="tree", root="navigationList", showing=False)["tree"]
    assert [n["name"] for n in every if n["role"] == "list item"] == entries


@pytest.mark.parametrize(
    ("page_id", "title"),
    [("page.revenue", "세입"), ("page.adjust", "조정·의결"), ("expenditurePage", "지출"),
     ("page.reports", "보고서")],
)  # fmt: skip
def test_other_pages_tree(client: Client, page_id: str, title: str) -> None:
    _hojo, probe = client
    tree = page_tree(probe, page_id)
    page = tree[0]
    assert (page["role"], page["name"]) == ("filler", title)
    for node in tree:
        if node["role"] in ("table", "tree", "tree table") and "table" in node:
            assert all(node["table"]["column_headers"]), node


def test_budget_task_by_keyboard_focus_and_announcements(client: Client) -> None:
    """예산편성 by keyboard: pick a 세부사업, open a new line, write a 산출근거 formula, submit."""
    _hojo, probe = client
    events = probe.steps(
        MAIN_WINDOW, "page:budgetPage", "waitfocus:programFilter", "sleep:300",
        "focus:programFilter", "type:긴급복지", "waitevent:object:announcement|사업 3개",
        "key:Tab", "key:End",
        "key:ctrl+shift+n", "waitfocus:lineAccount",
        "key:Tab", "type:201-01", "waitevent:object:announcement|통계목 1개",
        "key:Tab", "key:Tab", "key:End", "key:Return",
        "waitevent:object:announcement|새 줄을 만들었습니다", MAIN_WINDOW,
        "waitfocus:basisLabel", "type:○ 교통비", "key:Tab", "type:25,000원*4회",
        "sleep:300", "tabto:funding_03", "type:100",
        "key:ctrl+shift+s", "waitevent:object:announcement|요구했습니다",
    )  # fmt: skip
    focus = focus_names(events)
    expected_path = [
        "text '사업 찾기'",
        "tree '사업 목록'",
        "table cell '세부사업 긴급복지 지원'",
        "combo box '100 일반회계'",
        "text '통계목 찾기'",
        "list '통계목 목록'",
        "combo box '국고보조금'",
        "text '항목'",
        "text '산출근거식'",
        "push button '줄 추가'",
    ]
    it = iter(focus)
    missing = [f for f in expected_path if f not in it]  # in this order, others may come between
    assert missing == [], focus
    assert focus[-1] == "text '자체재원'"

    said = [text for text, _politeness in announcements(events)]
    assert "사업 3개" in said
    assert "통계목 1개" in said
    assert "새 줄을 만들었습니다. 산출근거를 입력하세요." in said
    submit = ["요구 제출 중…", "서버에 저장했습니다", "긴급복지 지원을(를) 요구했습니다"]
    rest = iter(said)
    assert [a for a in submit if a not in rest] == [], said[-6:]  # in this order
    # (the hidden 조정 page also announces its version summary after the submit: reported)
    # the evaluated amount reached the formula field's description or the result label
    texts = [str(e["any_data"]) for e in events if e["type"].startswith("object:property-change")]
    assert any("100,000원" in t for t in texts), texts[-20:]


def test_focus_after_submit(client: Client) -> None:
    """After the submit of the task above, focus is still on a live control of the page: the
    재원 field the user typed in (it is no longer destroyed by the reload), and the page keys
    work there — Ctrl+Shift+I reads the submitted line."""
    _hojo, probe = client
    focused = probe.focused()
    assert focused is not None and "defunct" not in focused["states"], focused
    assert focused["role"] != "frame", focused
    assert (focused["role"], focused["id"], focused["name"]) == ("text", "funding_03", "자체재원")
    events = probe.steps("key:ctrl+shift+i", "waitevent:object:announcement|요구액")
    said = [text for text, _ in announcements(events)]
    line = "100 일반회계 201-01 사무관리비: 요구액 100,000원,"
    assert any(t.startswith(line) for t in said), said
    assert any(t.endswith("상태 요구") for t in said), said


def test_table_headers_read_on_cells(client: Client) -> None:
    """The line just requested, found by the line filter and read cell by cell."""
    _hojo, probe = client
    events = probe.steps(
        MAIN_WINDOW, "focus:lineFilter", "type:201-01", "waitevent:object:announcement|1줄",
        "key:Tab", "key:Right",
    )  # fmt: skip
    assert any(text.startswith("1줄") for text, _ in announcements(events))
    cell: dict[str, Any] | None = probe.focused()
    assert cell is not None and cell["role"] == "table cell", cell
    assert cell["cell"].get("column_headers") == ["통계목"], cell
    assert cell["name"].startswith("201-01")
    probe.steps("key:End")
    cell = probe.focused()
    assert cell is not None and cell["cell"].get("column_headers") == ["상태"], cell
    assert cell["name"] == "요구"


def test_adjust_table_headers_after_switching_to_revenue(client: Client) -> None:
    """조정·의결, 구분 세출 → 세입 by keyboard: the table has the 7 세입 columns, each with its
    header (not the 9 of 세출, two of them empty); back to 세출: 9 again."""
    _hojo, probe = client
    events = probe.steps(
        MAIN_WINDOW, "page:page.adjust", "waitfocus:adjust.version", "sleep:300",
        "tabto:adjust.kind", "key:End", "sleep:600",
    )  # fmt: skip
    table = by_id(probe.tree("page.adjust")["tree"], "adjust.lines")["table"]
    assert table["column_headers"] == [
        "회계", "세입 목", "기정액", "요구액", "증감", "조정액", "의결액",
    ], (table, focus_names(events))  # fmt: skip
    probe.steps("key:Home", "sleep:600")
    table = by_id(probe.tree("page.adjust")["tree"], "adjust.lines")["table"]
    assert len(table["column_headers"]) == 9 and all(table["column_headers"]), table


def test_admin_page_tree_after_a_role_switch(client: Client) -> None:
    """관리자 (the demo role switcher by keyboard) gets 사용자 관리; back to 부서 예산담당."""
    _hojo, probe = client
    events = probe.steps(
        MAIN_WINDOW, "focus:navigationList", "key:Tab", "waitfocus:demoRoleSwitcher", "key:End",
        "waitevent:object:announcement|바꿨습니다", "sleep:300",
    )  # fmt: skip
    assert "데모 관리자(으)로 바꿨습니다." in [text for text, _ in announcements(events)]
    assert "사용자 관리" in navigation_entries(probe)
    tree = page_tree(probe, "page.admin")
    assert (tree[0]["role"], tree[0]["name"]) == ("filler", "사용자 관리")
    probe.steps(
        MAIN_WINDOW, "focus:navigationList", "key:Tab", "waitfocus:demoRoleSwitcher",
        "key:Home", "waitevent:object:announcement|바꿨습니다", "key:Down",
        "waitevent:object:announcement|부서 예산담당(으)로 바꿨습니다", "sleep:300",
    )  # fmt: skip
    assert "사용자 관리" not in navigation_entries(probe)
