"""BudgetLinesModel: formatted cells, spoken money, headers, in-model sort/filter, updates."""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication

from app.i18n import install_translators, remove_translators
from app.models import BudgetLinesModel, LineColumn, Roles
from domain.contracts.budget import ExpenditureLineOut
from tests.app.models.factories import VERSION_ID, line, revenue_line

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
NAMES = {"201-01": "사무관리비", "202-01": "국내여비", "307-02": "민간경상사업보조"}
FUNDING = {"nation": "국비", "city": "시비"}
PROGRAM = uuid.UUID(int=1)

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot


def sample() -> list[ExpenditureLineOut]:
    return [
        line("201-01", 1234, base=1000, requested=1234, position=0),
        line("202-01", 300, base=500, position=1, funding={"city": 300}),
        line(
            "307-02",
            50000,
            base=40000,
            requested=52000,
            adjusted=50000,
            position=2,
            funding={"nation": 30000, "city": 20000},
        ),
    ]


def make(lines: list[ExpenditureLineOut] | None = None, **kwargs: object) -> BudgetLinesModel:
    return BudgetLinesModel(
        sample() if lines is None else lines,
        object_names=NAMES,
        funding_names=FUNDING,
        account_names={"100": "일반회계"},
        states={PROGRAM: "요구"},
        **kwargs,  # type: ignore[arg-type]
    )


def cell(model: BudgetLinesModel, row: int, column: LineColumn, role: int = 0) -> object:
    return model.index(row, model.column_of(column)).data(role)


def test_modeltester(qtmodeltester: ModelTester) -> None:
    model = make()
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.sort(model.column_of(LineColumn.AMOUNT), Qt.SortOrder.DescendingOrder)
    model.set_filter("보조")
    qtmodeltester.check(model)


def test_cells_are_formatted_and_money_is_spoken_in_won() -> None:
    model = make()
    assert cell(model, 0, LineColumn.ACCOUNT) == "100 일반회계"
    assert cell(model, 0, LineColumn.OBJECT) == "201-01 사무관리비"
    assert cell(model, 0, LineColumn.AMOUNT) == "1,234천원"
    assert cell(model, 0, LineColumn.AMOUNT, ACCESSIBLE) == "1,234,000원"
    assert cell(model, 1, LineColumn.CHANGE) == "-200천원"
    assert cell(model, 1, LineColumn.CHANGE, ACCESSIBLE) == "마이너스 200,000원"
    assert cell(model, 1, LineColumn.AMOUNT) == "300천원"  # not yet requested: the draft
    assert cell(model, 1, LineColumn.ADJUSTED) == ""
    assert cell(model, 1, LineColumn.ADJUSTED, ACCESSIBLE) == "없음"
    assert cell(model, 2, LineColumn.AMOUNT) == "52,000천원"
    assert cell(model, 2, LineColumn.ADJUSTED) == "50,000천원"
    assert cell(model, 2, LineColumn.FUNDING) == "국비 30,000 / 시비 20,000"
    assert cell(model, 2, LineColumn.FUNDING, ACCESSIBLE) == "국비 30,000,000원, 시비 20,000,000원"
    assert cell(model, 1, LineColumn.FUNDING) == "시비"
    assert cell(model, 0, LineColumn.STATE) == "요구"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell(model, 0, LineColumn.BASE, Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell(model, 2, LineColumn.ADJUSTED, Roles.VALUE) == 50000


def test_headers_have_spoken_text_and_tooltips() -> None:
    model = make()
    h = Qt.Orientation.Horizontal
    headers = [model.headerData(c, h) for c in range(model.columnCount())]
    assert headers == [
        "회계",
        "통계목",
        "재원",
        "기정액",
        "요구액",
        "증감",
        "조정액",
        "의결액",
        "상태",
    ]
    amount = model.column_of(LineColumn.AMOUNT)
    assert model.headerData(amount, h, ACCESSIBLE) == "요구액, 천원"
    assert model.headerData(amount, h, Qt.ItemDataRole.ToolTipRole)
    # Row headers name the line (read by screen readers with each cell), never "1, 2, 3".
    row_header = model.headerData(0, Qt.Orientation.Vertical)
    assert row_header and not str(row_header).strip().isdigit()
    assert str(row_header) in model.index(0, model.column_of(LineColumn.OBJECT)).data()
    supplementary = make(supplementary=True)
    assert supplementary.headerData(amount, h) == "경정액"
    assert cell(supplementary, 2, LineColumn.AMOUNT) == "50,000천원"


def test_revenue_lines() -> None:
    model = BudgetLinesModel([revenue_line()], revenue=True, object_names={"22101": "사용료"})
    assert LineColumn.FUNDING not in model.columns
    assert model.headerData(model.column_of(LineColumn.OBJECT), Qt.Orientation.Horizontal) == (
        "세입 목"
    )
    assert cell(model, 0, LineColumn.OBJECT) == "22101 사용료"
    assert cell(model, 0, LineColumn.CHANGE) == "100천원"


def test_id_and_version_roles() -> None:
    lines = sample()
    model = make(lines)
    index = model.index(2, 0)
    assert index.data(Roles.LINE_ID) == lines[2].id
    assert index.data(Roles.VERSION) == 1
    assert index.data(Roles.VERSION_ID) == VERSION_ID
    assert model.row_of(lines[1].id) == 1


def test_sort_by_every_column_keeps_the_current_line() -> None:
    lines = sample()
    model = make(lines)
    current = QPersistentModelIndex(model.index(0, 1))  # 201-01
    amount = model.column_of(LineColumn.AMOUNT)
    model.sort(amount, Qt.SortOrder.DescendingOrder)
    assert [cell(model, r, LineColumn.AMOUNT, Roles.VALUE) for r in range(3)] == [52000, 1234, 300]
    assert current.row() == 1 and current.data() == "201-01 사무관리비"
    model.sort(model.column_of(LineColumn.ADJUSTED))  # empty amounts first, stable
    assert [model.line(r).id for r in range(3)] == [lines[0].id, lines[1].id, lines[2].id]
    model.sort(model.column_of(LineColumn.OBJECT), Qt.SortOrder.DescendingOrder)
    assert cell(model, 0, LineColumn.OBJECT) == "307-02 민간경상사업보조"
    for column in range(model.columnCount()):
        model.sort(column)
        keys = [model.index(r, column).data(Roles.SORT) for r in range(3)]
        assert keys == sorted(keys)


def test_filter_in_the_model() -> None:
    model = make()
    model.set_filter("국비")
    assert model.rowCount() == 1
    model.set_filter("사무 관리")  # spaces ignored
    assert [model.index(r, 1).data(Roles.VALUE) for r in range(model.rowCount())] == ["201-01"]
    model.set_filter("")
    assert model.rowCount() == 3
    assert model.total(LineColumn.AMOUNT) == 1234 + 300 + 52000


def test_replace_line_repaints_only_its_row(qtbot: QtBot) -> None:
    lines = sample()
    model = make(lines)
    updated = lines[1].model_copy(update={"amount": 900, "version": 2, "funding": {"city": 900}})
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    assert model.replace_line(updated) == 1
    assert changed == [(1, 0, 1, model.columnCount() - 1)]
    assert resets == []
    assert cell(model, 1, LineColumn.AMOUNT) == "900천원"
    assert model.index(1, 0).data(Roles.VERSION) == 2
    new = line("201-01", 7, position=9)
    with qtbot.waitSignal(model.rowsInserted):
        assert model.replace_line(new) == 3
    assert model.remove_line(new.id)
    assert model.rowCount() == 3


def test_sixteen_thousand_lines_sort_and_filter_in_the_model() -> None:
    codes = list(NAMES)
    lines = [
        line(
            codes[i % 3],
            (i * 7919) % 100_000,
            base=(i * 104729) % 100_000,
            position=i,
            program_id=uuid.UUID(int=i % 900),
        )
        for i in range(16_000)
    ]
    start = time.perf_counter()
    model = make(lines)
    built = time.perf_counter() - start
    assert model.rowCount() == 16_000
    amount = model.column_of(LineColumn.AMOUNT)
    start = time.perf_counter()
    model.sort(amount, Qt.SortOrder.DescendingOrder)
    sorted_in = time.perf_counter() - start
    values = [model.index(r, amount).data(Roles.VALUE) for r in range(0, 16_000, 97)]
    assert values == sorted(values, reverse=True)
    start = time.perf_counter()
    for text in ("민", "민간", "민간경", "민간경상"):
        model.set_filter(text)
    per_key = (time.perf_counter() - start) / 4
    assert model.rowCount() == len([i for i in range(16_000) if i % 3 == 2])
    assert model.index(0, amount).data(Roles.VALUE) >= model.index(1, amount).data(Roles.VALUE)
    # generous bounds: the benchmark prints the real figures
    assert built < 10 and sorted_in < 1.0 and per_key < 0.2, (built, sorted_in, per_key)


def test_english_headers_and_spoken_money(qapp: QApplication) -> None:
    installed = install_translators(qapp, "en")
    try:
        model = make()
        amount = model.column_of(LineColumn.AMOUNT)
        assert model.headerData(amount, Qt.Orientation.Horizontal) == "Requested amount"
        assert cell(model, 0, LineColumn.AMOUNT) == "KRW 1,234 thousand"
        assert cell(model, 0, LineColumn.AMOUNT, ACCESSIBLE) == "KRW 1,234,000"
        assert cell(model, 1, LineColumn.CHANGE, ACCESSIBLE) == "minus KRW 200,000"
        assert cell(model, 0, LineColumn.STATE) == "Requested"
    finally:
        remove_translators(qapp, installed)


def test_filter_words_are_anded_and_each_matches_any_column_or_the_department(
    qtbot: QtBot,
) -> None:
    welfare, roads = uuid.UUID(int=11), uuid.UUID(int=12)
    lines = [
        line("201-01", 5304, program_id=welfare, position=0),
        line("202-01", 300, program_id=welfare, position=1),
        line("201-01", 90, program_id=roads, position=2),
    ]
    model = make(
        lines,
        columns=(LineColumn.PROGRAM, *DEFAULT_COLUMNS_FOR_FILTER),
        program_names={welfare: "긴급복지 지원", roads: "도로 유지"},
        department_names={uuid.UUID(int=2): "복지정책과"},
    )
    model.set_filter("긴급복지 지원 201-01")  # 세부사업 words + 통계목 code, in two columns
    assert [model.line(r).amount for r in range(model.rowCount())] == [5304]
    model.set_filter("201-01 사무관리비")  # 통계목 code and name
    assert model.rowCount() == 2
    model.set_filter("복지정책과 국내여비")  # 부서 (not a column) and a 통계목 name
    assert [model.line(r).amount for r in range(model.rowCount())] == [300]
    model.set_filter("복지정책과 307-02")  # every word must match
    assert model.rowCount() == 0
    model.set_filter("  ")
    assert model.rowCount() == 3
    model.set_filter("201-01")
    model.set_filter("201-01 도로")  # narrowing keeps working with several words
    assert [model.line(r).amount for r in range(model.rowCount())] == [90]
    assert model.replace_line(line("202-01", 1, program_id=roads)) == -1  # new, filtered out


DEFAULT_COLUMNS_FOR_FILTER = (LineColumn.ACCOUNT, LineColumn.OBJECT, LineColumn.FUNDING)
