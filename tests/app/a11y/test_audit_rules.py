"""Each of the audit's later rules catches a deliberately bad widget, and its fix clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.a11y.audit import Finding, audit
from app.a11y.delegates import NamedDelegate, editor_name
from app.a11y.names import buddy, name


def codes(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.path.rsplit("/", 1)[-1], f.code) for f in findings}


def form(qtbot: QtBot, *widgets: QWidget, title: str = "규칙 시험") -> QDialog:
    dialog = QDialog()
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(dialog)
    return dialog


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


class ClickableBox(QWidget):
    """A home-made 'button': focusable, named, but a plain widget to screen readers."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        name(self, "확정", identifier="clickableBox")


class TabEater(QLineEdit):
    """Keeps Tab for itself: a keyboard trap."""

    def event(self, event):  # type: ignore[no-untyped-def]
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Tab:
            return True
        return super().event(event)


def test_wrong_role(qtbot: QtBot) -> None:
    box = ClickableBox()
    assert ("ClickableBox#clickableBox", "wrong-role") in codes(audit(form(qtbot, box)))
    fixed = name(QPushButton("확정"), "확정", identifier="confirm")
    assert audit(form(qtbot, fixed)) == []


def test_label_shown_but_not_related(qtbot: QtBot) -> None:
    label = QLabel("세부사업")
    label.setObjectName("programLabel")
    edit = name(QLineEdit(), "세부사업", identifier="program")  # named, but not tied
    assert ("QLabel#programLabel", "label-not-related") in codes(audit(form(qtbot, label, edit)))
    label2, edit2 = QLabel("세부사업"), QLineEdit()
    buddy(label2, edit2, identifier="program")
    assert audit(form(qtbot, label2, edit2)) == []


def test_editable_combo_names_its_line_edit(qtbot: QtBot) -> None:
    label, combo = QLabel("통계목(&O)"), QComboBox()
    combo.setEditable(True)
    combo.addItems(["201-01 사무관리비", "202-01 국내여비"])
    buddy(label, combo, identifier="objectCombo")
    combo.lineEdit().setAccessibleName("")
    dialog = form(qtbot, label, combo)
    found = codes(audit(dialog))
    assert ("QComboBox#objectCombo", "combo-edit-unnamed") in found
    edit = combo.lineEdit()
    assert edit is not None
    name(edit, "통계목", identifier="objectComboEdit")
    assert audit(dialog) == []


def test_state_by_colour_or_icon_only(qtbot: QtBot) -> None:
    model = QStandardItemModel(2, 2)
    model.setHorizontalHeaderLabels(["통계목", "상태"])
    model.setVerticalHeaderLabels(["사무관리비", "국내여비"])
    for row in range(2):
        model.setItem(row, 0, QStandardItem(["사무관리비", "국내여비"][row]))
        dot = QStandardItem()
        dot.setData(QColor("red"), Qt.ItemDataRole.BackgroundRole)  # red = 반려, but no text
        model.setItem(row, 1, dot)
    table = QTableView()
    table.setModel(model)
    table.setTabKeyNavigation(False)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    name(table, "편성 목록", identifier="lines")
    picture = QLabel()
    picture.setObjectName("stateIcon")
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor("green"))
    picture.setPixmap(pixmap)
    dialog = form(qtbot, table, picture)
    found = codes(audit(dialog))
    assert ("QTableView#lines", "colour-only") in found
    assert ("QLabel#stateIcon", "colour-only") in found
    for row in range(2):
        item = model.item(row, 1)
        assert item is not None
        item.setData("반려", Qt.ItemDataRole.AccessibleTextRole)
    picture.setAccessibleName("요구 완료")
    assert audit(dialog) == []


def test_delegate_editor_carries_column_and_row(qtbot: QtBot) -> None:
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["통계목", "금액"])
    model.setItem(0, 0, QStandardItem("201-01 사무관리비"))
    model.setItem(0, 1, QStandardItem("1,200"))
    table = QTableView()
    table.setModel(model)
    table.setTabKeyNavigation(False)
    name(table, "편성 목록", identifier="lines")
    table.verticalHeader().hide()
    model.setVerticalHeaderLabels(["201-01 사무관리비"])
    dialog = form(qtbot, table)
    assert ("QTableView#lines", "editor-unnamed") in codes(audit(dialog))
    table.setItemDelegate(NamedDelegate(table))
    assert audit(dialog) == []
    assert editor_name(model.index(0, 1)) == "금액, 201-01 사무관리비"

    shown(qtbot, dialog)  # F2 opens the named editor
    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.accessibleName() == "금액, 201-01 사무관리비"


def test_duplicate_window_titles(qtbot: QtBot) -> None:
    first = shown(qtbot, form(qtbot, title="예산편성 — 호조 데스크"))
    second = shown(qtbot, form(qtbot, title="예산편성 — 호조 데스크"))
    assert ("QDialog", "duplicate-window-title") in codes(audit(second))
    second.setWindowTitle("새 편성 줄 — 호조 데스크")
    assert audit(second) == []
    first.close()


def test_tab_walk_finds_a_trap_and_unreached_controls(qtbot: QtBot) -> None:
    edits = [name(QLineEdit(), f"칸 {i}", identifier=f"field{i}") for i in range(3)]
    eater = name(TabEater(), "메모", identifier="memo")
    dialog = shown(qtbot, form(qtbot, edits[0], eater, edits[1], edits[2]))
    found = codes(audit(dialog))
    assert ("QDialog", "tab-no-return") in found
    assert ("QLineEdit#field1", "tab-unreached") in found
    assert ("QLineEdit#field2", "tab-unreached") in found
    fields = [name(QLineEdit(), f"칸 {i}", identifier=f"f{i}") for i in range(3)]
    good = shown(qtbot, form(qtbot, *fields, title="고친 양식"))
    assert audit(good) == []


def test_long_work_announces_milestones(qtbot: QtBot) -> None:
    from app.a11y.announce import recording
    from app.tasks import TaskState
    from app.views.adjust.common import ProgressRow

    row = ProgressRow("test")
    qtbot.addWidget(row)
    state = TaskState()
    row.start(state)
    with recording() as said:
        for step in range(11):
            row.progress(step / 10, "줄 복사")
    assert [a.text for a in said] == ["25% 진행: 줄 복사", "50% 진행: 줄 복사", "75% 진행: 줄 복사"]


def test_label_no_identifier_catches_a_status_label_known_only_by_object_name(
    qtbot: QtBot,
) -> None:
    from app.a11y.names import status_label

    status = QLabel("저장했습니다")
    status.setObjectName("someStatus")  # read and written by code, but no stable identifier
    dialog = form(qtbot, status)
    assert ("QLabel#someStatus", "label-no-identifier") in codes(audit(dialog, tab_order=False))
    fixed = status_label("someStatus2", "저장했습니다")
    assert fixed.objectName() == fixed.accessibleIdentifier() == "someStatus2"
    dialog = form(qtbot, fixed, title="규칙 시험 2")
    assert not [f for f in audit(dialog, tab_order=False) if f.code == "label-no-identifier"]


def test_budget_page_status_labels_have_stable_identifiers(qtbot: QtBot) -> None:
    from app.views.budget.basis_editor import BasisEditor
    from app.views.budget.lines_panel import LinesPanel
    from app.views.budget.program_panel import ProgramPanel

    editor, lines, programs = BasisEditor(), LinesPanel(), ProgramPanel()
    for widget in (editor, lines, programs):
        qtbot.addWidget(widget)
    for label, ident in (
        (editor.result, "basisResult"),
        (editor.amount, "basisLineAmount"),
        (lines.summary, "linesSummary"),
        (programs.count, "programCount"),
    ):
        assert label.accessibleIdentifier() == ident == label.objectName()


def test_cancel_past_the_point_of_no_return_is_said_not_silent(qtbot: QtBot) -> None:
    from app.a11y.announce import recording
    from app.tasks import TaskState
    from app.views.adjust.common import ProgressRow

    row = ProgressRow("test")
    qtbot.addWidget(row)
    state = TaskState()
    row.start(state)
    state.point_of_no_return()  # the worker sent the request the server carries out whole
    with recording() as said:
        row.cancel.click()
    assert not state.is_cancelled
    assert [a.text for a in said] == [
        "서버가 이미 처리하고 있어 취소할 수 없습니다. 끝나면 알려 드립니다."
    ]
    assert said[0].assertive
    assert row.cancel.isEnabled()  # it stays where the focus is
    assert "취소할 수 없습니다" in row.cancel.accessibleDescription()
