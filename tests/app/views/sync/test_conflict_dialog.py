"""A stale save opens the conflict dialog; per-row choices (and all-mine / all-theirs) leave the
server and the local cache in agreement. Real server process, second session as "them"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.operations.budget import basis_total
from app.services.api.errors import NotFound
from app.services.cache.rows import ReadCache
from app.services.sync.conflicts import Choice
from app.views.budget.budget_page import BudgetPage
from domain.contracts.budget import ExpenditureLineCreate, ExpenditureLineUpdate
from tests.app.views.budget.keys import ALT, Key

PROGRAM = "동 행정복지센터 운영"


def make_program_editable(ctx: Any, page: BudgetPage, program_id: Any) -> None:
    """Lines imported by seed-demo have no 요구 state on the server, and a PUT on them answers
    404 until the 세부사업 has one; creating a line through the API makes it (server issue,
    reported). Done once per program."""
    data = page.data
    assert data is not None and data.version is not None
    try:
        ctx.api.request_state(data.version.id, program_id)
    except NotFound:
        body = ExpenditureLineCreate.model_validate(
            {"account_code": "100", "program_id": str(program_id), "object_code": "202-01",
             "basis": [{"label": "○ 여비", "formula": "10,000원"}], "funding": {"03": 10}}
        )  # fmt: skip
        ctx.api.create_expenditure_line(data.version.id, body)


def open_line(qtbot: QtBot, ctx: Any) -> BudgetPage:
    page = BudgetPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    page.activate()
    data = page.data
    assert data is not None and data.user is not None
    program = next(
        p for p in data.programs
        if p.name == PROGRAM and p.level == "세부" and p.department_id == data.user.department_id
    )  # fmt: skip
    make_program_editable(ctx, page, program.id)
    page.reload()
    assert page.programs.select(program.id)
    page.lines.table.setCurrentIndex(page.lines.model.index(0, 0))
    assert page.editing.line is not None and page.editor.isEnabled()
    return page


@pytest.mark.parametrize("how", ["per-row", "all-mine", "all-theirs"])
def test_stale_save_opens_the_dialog_and_server_and_cache_agree(
    qtbot: QtBot, make_ctx: Callable[..., Any], how: str
) -> None:
    ctx = make_ctx()
    page = open_line(qtbot, ctx)
    line = page.editing.line
    assert line is not None and line.basis
    first = line.basis[0]
    # mine: change the first item and add a second one; the single 재원 follows the amount
    page.editor.formula_edit.setFocus()
    qtbot.keyClicks(page.editor.formula_edit, "*2")
    page.editor.add_item()
    qtbot.keyClicks(page.editor.label_edit, "extra")
    page.editor.formula_edit.setFocus()
    qtbot.keyClicks(page.editor.formula_edit, "50,000")
    page.editor.funding.fit()
    mine_formula = page.editor.basis()[0]["formula"]

    # them: another session changes the first item's formula first (the rest unchanged)
    other = make_ctx(ctx.paths.data_dir.parent / "other")
    theirs_formula = {"per-row": "410,000원*12월", "all-mine": "420,000원*12월"}.get(
        how, "430,000원*12월"
    )
    rest = [{"id": str(i.id), "label": i.label, "formula": i.formula} for i in line.basis[1:]]
    their_basis = [{"id": str(first.id), "label": first.label, "formula": theirs_formula}, *rest]
    amount = basis_total(their_basis)
    body = ExpenditureLineUpdate.model_validate(
        {"basis": their_basis, "funding": {code: amount for code in line.funding}}
    )
    other.api.update_expenditure_line(line.id, body, line.version)
    original = [i.formula for i in line.basis]

    page.commands.save()
    dialog = page.editing.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert_accessible(dialog)
    keys = [row.key for row in dialog.rows]
    assert keys[0] == f"basis:{first.id}" and any(k.startswith("basis:new") for k in keys)
    dialog.table.setFocus()
    qtbot.keyClick(dialog, Key.Key_A, ALT)  # 적용 with a row open: refused, says which
    assert dialog.isVisible() and "고르지 않은" in dialog.status.text()
    if how == "per-row":
        for row in dialog.rows:
            qtbot.keyClick(dialog.table, Key.Key_T if row.key == keys[0] else Key.Key_M)
    else:
        (dialog.all_mine if how == "all-mine" else dialog.all_theirs).click()
    choices = dialog.choices()
    qtbot.keyClick(dialog, Key.Key_A, ALT)
    qtbot.waitUntil(lambda: page.editing.conflict_dialog is None, timeout=3000)

    server = ctx.api.expenditure_line(line.id)
    assert server.basis is not None
    formulas = [item.formula for item in server.basis]
    if how == "per-row":
        assert choices[keys[0]] is Choice.THEIRS
        assert formulas == [theirs_formula, *original[1:], "50,000"]
    elif how == "all-mine":
        assert formulas == [mine_formula, *original[1:], "50,000"]
    else:
        assert formulas == [theirs_formula, *original[1:]]
    assert sum(server.funding.values()) == server.amount
    # the cache agrees: no draft left, the read cache holds the server's line as it is
    assert ctx.drafts.load_all() == []
    cached = {c.id: c for c in ReadCache(ctx.drafts.db).expenditure_lines(line.version_id)}
    assert cached[line.id].version == server.version
    assert cached[line.id].amount == server.amount
    assert [item["formula"] for item in page.editor.basis()] == formulas
