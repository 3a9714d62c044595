"""The 예산편성 page against a real server process: open, audit, keyboard-only line creation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.budget.budget_page import BudgetPage
from tests.app.keyboard import ALT, CTRL, SHIFT, Key, focused, key, show_page, tab_to, type_text


def open_page(qtbot: QtBot, ctx: Any) -> BudgetPage:
    page = show_page(qtbot, BudgetPage(ctx))
    first = page.first_focus()
    assert first is not None
    first.setFocus()
    return page


def test_page_opens_with_the_demo_and_passes_the_audit(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    page = open_page(qtbot, make_ctx())
    assert page.data is not None and page.data.version is not None
    assert page.data.version.state == "작성중"
    assert page.programs.model.match_count() == len(page.data.programs)
    assert page.lines.model.rowCount() == len(page.data.lines)
    assert_accessible(page)
    with recording() as said:
        page.programs.filter.setFocus()
        type_text(qtbot, "긴급")
        qtbot.waitUntil(lambda: any("사업" in a.text for a in said), timeout=2000)
    assert page.programs.model.match_count() >= 1


def test_keyboard_only_line_with_three_level_basis_submitted_and_read_back(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    ctx = make_ctx()
    page = open_page(qtbot, ctx)
    type_text(qtbot, "긴급복지")
    key(qtbot, Key.Key_Tab)
    assert focused() is page.programs.tree
    key(qtbot, Key.Key_End)  # the 세부사업 is the last row of the filtered branch
    program = page.program
    assert program is not None and program.name == "긴급복지 지원" and program.level == "세부"
    before = {line.id for line in page.data.lines if line.program_id == program.id}  # type: ignore[union-attr]

    key(qtbot, Key.Key_N, CTRL | SHIFT)  # 새 줄
    form = page.commands.dialog
    assert form is not None and form.isVisible()
    qtbot.waitUntil(form.isActiveWindow, timeout=3000)
    assert_accessible(form)
    tab_to(qtbot, "lineObjectSearch")
    type_text(qtbot, "201-01")
    tab_to(qtbot, "lineFunding")
    key(qtbot, Key.Key_End)  # 자체재원
    key(qtbot, Key.Key_Return)
    assert page.commands.dialog is None
    page.activateWindow()  # what the window manager does when a dialog closes (offscreen: not)
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    assert focused() is page.editor.label_edit

    # ○ 여비 / - 국내여비 / · 교통비, · 숙박비 ; - 교육비 (outdented back to level 2)
    type_text(qtbot, "○ 여비")
    key(qtbot, Key.Key_Return, CTRL | SHIFT)
    type_text(qtbot, "- 국내여비")
    key(qtbot, Key.Key_Return, CTRL | SHIFT)
    type_text(qtbot, "· 교통비")
    key(qtbot, Key.Key_Tab)
    assert focused() is page.editor.formula_edit
    type_text(qtbot, "25,000원*4회")
    assert "100,000원" in page.editor.result.text()
    key(qtbot, Key.Key_Return, CTRL)
    type_text(qtbot, "· 숙박비")
    key(qtbot, Key.Key_Tab)
    type_text(qtbot, "60,000원*2박×")
    assert "오류" in page.editor.result.text() and "글자" in page.editor.result.text()
    assert "오류" in page.editor.formula_edit.accessibleDescription()
    key(qtbot, Key.Key_Backspace)
    assert "120,000원" in page.editor.result.text()
    key(qtbot, Key.Key_Return, CTRL)
    key(qtbot, Key.Key_Left, ALT | SHIFT)  # 내어쓰기
    assert page.editor.current_path() == (0, 1)
    type_text(qtbot, "- 교육비")
    key(qtbot, Key.Key_Tab)
    type_text(qtbot, "333,333원")
    assert page.editor.line_amount() == 100 + 120 + 334
    assert page.editor.undo_stack().undoText() == "산출근거 수정"

    tab_to(qtbot, "funding_03")
    type_text(qtbot, "554")
    assert "같습니다" in page.editor.funding.status.text()
    assert_accessible(page)

    key(qtbot, Key.Key_S, CTRL | SHIFT)  # 세부사업 요구 제출 (saves the draft first)
    assert ctx.drafts.load_all() == []
    state = ctx.api.request_state(page.data.version.id, program.id)  # type: ignore[union-attr]
    assert state.state == "요구"

    lines = ctx.api.expenditure_lines(page.data.version.id, program_id=program.id, with_basis=True)  # type: ignore[union-attr]
    new = [line for line in lines if line.id not in before]
    assert len(new) == 1
    line = new[0]
    assert (line.account_code, line.object_code, line.amount) == ("100", "201-01", 554)
    assert line.funding == {"03": 554}
    assert line.basis is not None

    def shape(items: list[Any]) -> list[Any]:
        return [(i.label, i.formula, i.amount, shape(i.children)) for i in items]

    assert shape(line.basis) == [
        ("○ 여비", None, 554, [
            ("- 국내여비", None, 220, [
                ("· 교통비", "25,000원*4회", 100, []),
                ("· 숙박비", "60,000원*2박", 120, []),
            ]),
            ("- 교육비", "333,333원", 334, []),
        ]),
    ]  # fmt: skip


def _open_program_line(qtbot: QtBot, ctx: Any, name: str = "긴급복지 지원") -> BudgetPage:
    """The page with an editable line of the user's own 세부사업 open in the editor."""
    page = open_page(qtbot, ctx)
    data = page.data
    assert data is not None and data.user is not None
    program = next(
        p for p in data.programs
        if p.name == name and p.level == "세부" and p.department_id == data.user.department_id
    )  # fmt: skip
    page.programs.select(program.id)
    qtbot.waitUntil(lambda: page.editor.isEnabled() and page.editing.line is not None)
    return page


def test_draft_save_is_announced_once_per_editing_burst_not_per_keystroke(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    from app.views.budget import editing

    ctx = make_ctx()
    page = _open_program_line(qtbot, ctx)
    saved = "임시 저장했습니다 (이 PC)"
    with recording() as said:
        page.editor.formula_edit.setFocus()
        key(qtbot, Key.Key_End)
        type_text(qtbot, "*2*1")  # four keystrokes, four drafts written to the cache
        qtbot.waitUntil(lambda: page.editing.saver.idle)
        assert ctx.drafts.get(f"세출:{page.editing.line.id}") is not None  # type: ignore[union-attr]
        assert page.status.text() == saved  # the status line updates silently
        assert [a.text for a in said if a.text == saved] == []
        # the editing burst ends when focus leaves the editor: said once
        page.lines.table.setFocus()
        assert [a.text for a in said if a.text == saved] == [saved]
        page.lines.table.setFocus()
    assert [a.text for a in said if a.text == saved] == [saved]

    with recording() as said:  # …or after a pause in typing (the focus stays in the field)
        page.editor.formula_edit.setFocus()
        key(qtbot, Key.Key_End)
        type_text(qtbot, "*1")
        qtbot.wait(editing.SAVE_PAUSE_MS // 2)
        assert [a.text for a in said if a.text == saved] == []
        qtbot.waitUntil(lambda: any(a.text == saved for a in said), timeout=5000)
        qtbot.wait(editing.SAVE_PAUSE_MS + 200)
    assert [a.text for a in said if a.text == saved] == [saved]
    assert_accessible(page)


def test_formula_error_is_announced_after_a_pause_or_on_leaving_the_field(
    qtbot: QtBot, make_ctx: Callable[..., Any]
) -> None:
    from app.views.budget import basis_editor

    page = _open_program_line(qtbot, make_ctx())
    formula = page.editor.formula_edit
    formula.setFocus()
    formula.selectAll()
    key(qtbot, Key.Key_Delete)
    with recording() as said:
        type_text(qtbot, "2*")  # on the way to "2*3": an error, not spoken yet
        description = formula.accessibleDescription()
        assert "오류" in description and "글자" in description  # …but readable on demand
        assert [a for a in said if "오류" in a.text] == []
        type_text(qtbot, "*")
        assert [a for a in said if "오류" in a.text] == []
        key(qtbot, Key.Key_Backspace)
        qtbot.waitUntil(lambda: any("오류" in a.text for a in said), timeout=3000)
    errors = [a for a in said if "오류" in a.text]
    assert len(errors) == 1 and errors[0].assertive
    assert errors[0].text == formula.accessibleDescription()
    assert basis_editor.ERROR_PAUSE_MS <= 1000

    with recording() as said:  # fixed before the pause: nothing is said
        type_text(qtbot, "3")
        qtbot.wait(basis_editor.ERROR_PAUSE_MS + 200)
        assert [a for a in said if "오류" in a.text] == []
        type_text(qtbot, "×")  # a new error, then Tab leaves the field at once
        key(qtbot, Key.Key_Tab)
        assert [a.text for a in said if "오류" in a.text] == [formula.accessibleDescription()]
        qtbot.wait(basis_editor.ERROR_PAUSE_MS + 200)
    assert len([a for a in said if "오류" in a.text]) == 1
    assert_accessible(page)
