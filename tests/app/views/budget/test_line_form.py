"""통계목 찾기 in the new-line form: typing filters once after a pause, inside one model reset,
keeps the current 통계목 while it is shown and announces the count once — the old row-by-row
rebuild sent ~1,000 selection events for "201-01" and silenced Orca (accessibility.md §7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.budget.line_form import FILTER_PAUSE_MS, LineForm
from domain.contracts.structure import CodeOut


def code(value: str, name: str) -> CodeOut:
    return CodeOut(code=value, name=name, level="통계목", parent=None, verified=True)


def codes() -> list[CodeOut]:
    made = [code("201-01", "사무관리비"), code("201-02", "공공운영비")]
    return made + [code(f"4{i:03d}-99", f"보조 {i}") for i in range(300)]


def test_typing_filters_once_keeps_the_current_code_and_says_the_count(qtbot: QtBot) -> None:
    form = LineForm("긴급복지 지원", {"100": "일반회계"}, codes(), {"city": "시비"})
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.list_model.rowCount() == 302 and form.objects.currentIndex().row() == 0
    assert_accessible(form)
    resets: list[int] = []
    currents: list[int] = []
    form.list_model.modelReset.connect(lambda: resets.append(1))
    selection = form.objects.selectionModel()
    selection.currentChanged.connect(lambda *_: currents.append(1))

    form.search.setFocus()
    with recording() as said:
        QTest.keyClicks(form.search, "201-0")
        assert resets == []  # nothing until the pause
        qtbot.waitUntil(lambda: len(said) > 0, timeout=FILTER_PAUSE_MS * 10)
        qtbot.wait(FILTER_PAUSE_MS * 2)
    assert len(resets) == 1 and len(currents) <= 1
    assert [a.text for a in said] == ["통계목 2개"]
    assert form.list_model.rowCount() == 2

    form.objects.setCurrentIndex(form.list_model.index(1, 0))  # 201-02
    with recording() as said:
        QTest.keyClick(form.search, Qt.Key.Key_2)  # "201-02": 201-02 still shown
        qtbot.waitUntil(lambda: len(said) > 0, timeout=FILTER_PAUSE_MS * 10)
    assert form.object_code() == "201-02"
    assert [a.text for a in said] == ["통계목 1개"]

    form.search.setText("사무관리")  # (Hangul: an IME commit; QTest types Latin-1 only)
    assert form.object_code() == "201-01"  # a pending filter is applied before it is read
    QTest.keyClick(form.search, Qt.Key.Key_Return)  # one 통계목 shown: Enter accepts
    assert form.result() == LineForm.DialogCode.Accepted
