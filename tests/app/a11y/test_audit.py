"""The audit catches each defect on a deliberately bad form and passes a good one."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.a11y.audit import AccessibilityAuditError, Finding, assert_accessible, audit
from app.a11y.delegates import NamedDelegate
from app.a11y.names import buddy, icon_button, name, set_tab_order

W = TypeVar("W", bound=QWidget)


def obj(widget: W, object_name: str) -> W:
    widget.setObjectName(object_name)
    return widget


def icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.darkBlue)
    return QIcon(pixmap)


def table_model(headers: list[str]) -> QStandardItemModel:
    model = QStandardItemModel(3, len(headers))
    if any(headers):
        model.setHorizontalHeaderLabels(headers)
    return model


class GoodForm(QDialog):
    """A small budget-line form built with the helpers: the audit must pass it."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("세출 예산 줄 — 호조 데스크")
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.fund_combo = QComboBox()
        self.fund_combo.addItems(["일반회계", "기타특별회계"])
        self.amount_spin = QSpinBox()
        self.amount_spin.setRange(0, 1_000_000)
        self.memo_edit = QPlainTextEdit()
        self.memo_edit.setTabChangesFocus(True)
        for text, field, ident in (
            ("세부사업(&N):", self.name_edit, "programEdit"),
            ("회계(&A):", self.fund_combo, "fundCombo"),
            ("금액(천원)(&M):", self.amount_spin, "amountSpin"),
            ("메모(&O):", self.memo_edit, "memoEdit"),
        ):
            label = QLabel(text)
            buddy(label, field, identifier=ident)
            form.addRow(label, field)
        self.table = QTableView()
        self.table.setModel(table_model(["통계목", "금액(원)"]))
        self.table.model().setVerticalHeaderLabels(["인건비", "운영비", "여비"])  # type: ignore[attr-defined]
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegate(NamedDelegate(self.table))  # F2 editors carry their cell
        name(self.table, "산출근거", identifier="basisTable")
        self.tree = QTreeView()
        tree_model = QStandardItemModel(2, 1)
        self.tree.setModel(tree_model)
        self.tree.setHeaderHidden(True)  # one column: the tree's own name is enough
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setTabKeyNavigation(False)
        name(self.tree, "사업 구조", identifier="programTree")
        self.add_button = QToolButton()
        self.add_button.setIcon(icon())
        icon_button(self.add_button, "줄 추가", "addLineButton")
        self.save_button = QPushButton("저장(&S)")
        name(self.save_button, self.save_button.text(), identifier="saveButton")
        self.status = QLabel("저장하지 않은 변경이 없습니다")  # a status text, not a field label
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.table, self.tree, self.add_button, self.save_button, self.status):
            layout.addWidget(widget)
        set_tab_order(
            [
                self.name_edit,
                self.fund_combo,
                self.amount_spin,
                self.memo_edit,
                self.table,
                self.tree,
                self.add_button,
                self.save_button,
            ]
        )


class BadForm(QWidget):
    """One defect per rule, each on its own widget."""

    def __init__(self) -> None:
        super().__init__()  # no window title
        layout = QVBoxLayout(self)
        self.unnamed_edit = obj(QLineEdit(), "unnamedEdit")
        self.unnamed_edit.setPlaceholderText("메모")  # a placeholder is not a name
        self.unnamed_edit.setAccessibleIdentifier("unnamedEdit")
        self.decorated_edit = obj(QLineEdit(), "decoratedEdit")
        self.decorated_label = QLabel("성명(&N):")
        self.decorated_label.setBuddy(self.decorated_edit)  # name "성명(N):" from the label
        self.decorated_edit.setAccessibleIdentifier("decoratedEdit")
        self.no_id_edit = obj(QLineEdit(), "noIdEdit")
        self.no_id_edit.setAccessibleName("금액")
        self.lonely_label = obj(QLabel("회계 구분:"), "lonelyLabel")
        self.icon_button = obj(QToolButton(), "iconButton")
        self.icon_button.setIcon(icon())
        self.icon_button.setToolTip("줄 추가")  # a tooltip is only a description
        self.icon_button.setAccessibleIdentifier("iconButton")
        self.trap_table = obj(QTableView(), "trapTable")
        self.trap_table.setModel(table_model(["통계목", "금액"]))
        name(self.trap_table, "예산 내역", identifier="trapTable")  # tabKeyNavigation left on
        self.headless_table = obj(QTableView(), "headlessTable")
        self.headless_table.setModel(table_model(["", ""]))
        self.headless_table.setTabKeyNavigation(False)
        name(self.headless_table, "집행 내역", identifier="headlessTable")
        self.hidden_header_tree = obj(QTreeView(), "hiddenHeaderTree")
        self.hidden_header_tree.setModel(table_model(["사업", "금액"]))
        self.hidden_header_tree.setHeaderHidden(True)
        self.hidden_header_tree.setTabKeyNavigation(False)
        name(self.hidden_header_tree, "사업 구조", identifier="hiddenHeaderTree")
        self.tab_eating_edit = obj(QPlainTextEdit(), "tabEatingEdit")
        name(self.tab_eating_edit, "산출근거 메모", identifier="tabEatingEdit")
        self.unnamed_combo = obj(QComboBox(), "unnamedCombo")
        self.unnamed_combo.addItems(["일반회계"])  # Linux would read the item as its name
        self.unnamed_combo.setAccessibleIdentifier("unnamedCombo")
        for widget in (
            self.unnamed_edit, self.decorated_label, self.decorated_edit, self.no_id_edit,
            self.lonely_label, self.icon_button, self.trap_table, self.headless_table,
            self.hidden_header_tree, self.tab_eating_edit, self.unnamed_combo,
        ):  # fmt: skip
            layout.addWidget(widget)


def codes_by_widget(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.path.rsplit("#", 1)[-1] if "#" in f.path else f.path, f.code) for f in findings}


@pytest.fixture(params=[False, True], ids=["not-shown", "shown"])
def shown(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_good_form_passes(qtbot: QtBot, shown: bool) -> None:
    form = GoodForm()
    qtbot.addWidget(form)
    if shown:
        form.show()
        qtbot.waitExposed(form)
    assert audit(form) == []
    assert_accessible(form)


def test_bad_form_every_defect_is_found(qtbot: QtBot, shown: bool) -> None:
    form = BadForm()
    qtbot.addWidget(form)
    if shown:
        form.show()
        qtbot.waitExposed(form)
    found = codes_by_widget(audit(form))
    expected = {
        ("BadForm", "untitled-window"),
        ("unnamedEdit", "unnamed"),
        ("decoratedEdit", "decorated-name"),
        ("noIdEdit", "no-identifier"),
        ("lonelyLabel", "label-without-buddy"),
        ("lonelyLabel", "label-no-identifier"),
        ("iconButton", "icon-button-unnamed"),
        ("trapTable", "tab-trap"),
        ("headlessTable", "no-column-headers"),
        ("hiddenHeaderTree", "no-column-headers"),
        ("tabEatingEdit", "tab-trap"),
        ("unnamedCombo", "unnamed"),
        ("unnamedCombo", "combo-without-label"),
        ("trapTable", "editor-unnamed"),
        ("trapTable", "numbered-row-headers"),
        ("headlessTable", "editor-unnamed"),
        ("headlessTable", "numbered-row-headers"),
        ("hiddenHeaderTree", "editor-unnamed"),
    }
    if shown:  # the Tab walk: the trap table keeps Tab, nothing after it is reached
        expected |= {
            ("BadForm", "tab-no-return"),
            ("headlessTable", "tab-unreached"),
            ("hiddenHeaderTree", "tab-unreached"),
            ("tabEatingEdit", "tab-unreached"),
            ("unnamedCombo", "tab-unreached"),
        }
    assert found == expected


def test_assert_accessible_lists_findings_with_paths(qtbot: QtBot) -> None:
    form = BadForm()
    qtbot.addWidget(form)
    with pytest.raises(AccessibilityAuditError) as raised:
        assert_accessible(form)
    message = str(raised.value)
    assert "BadForm/QLineEdit#unnamedEdit: [unnamed]" in message
    # 11 defects of the first rules (the headless table has two columns), 7 of the later ones
    assert len(raised.value.findings) == 19
    assert_accessible(form, ignore=frozenset(f.code for f in raised.value.findings))


def test_each_fix_clears_its_finding(qtbot: QtBot) -> None:
    form = BadForm()
    qtbot.addWidget(form)
    form.setWindowTitle("고친 양식")
    name(form.unnamed_edit, "메모")
    name(form.decorated_edit, form.decorated_label.text())
    form.no_id_edit.setAccessibleIdentifier("noIdEdit")
    fund_edit = QLineEdit(form)
    buddy(form.lonely_label, fund_edit, identifier="fundEdit")
    form.lonely_label.setAccessibleIdentifier("lonelyLabel")
    layout = form.layout()
    assert layout is not None
    layout.addWidget(fund_edit)
    icon_button(form.icon_button, "줄 추가", "iconButton")
    form.trap_table.setTabKeyNavigation(False)
    model = form.headless_table.model()
    assert isinstance(model, QStandardItemModel)
    model.setHorizontalHeaderLabels(["일자", "금액"])
    form.hidden_header_tree.setHeaderHidden(False)
    for view in (form.trap_table, form.headless_table, form.hidden_header_tree):
        view.setItemDelegate(NamedDelegate(view))
    for table in (form.trap_table, form.headless_table):
        rows = table.model()
        assert isinstance(rows, QStandardItemModel)
        rows.setVerticalHeaderLabels(["인건비", "운영비", "여비"])  # hiding is not enough
    form.tab_eating_edit.setTabChangesFocus(True)
    buddy(QLabel("회계(&A):", form), form.unnamed_combo, identifier="unnamedCombo")
    assert audit(form) == []


def test_hidden_and_internal_widgets_are_skipped(qtbot: QtBot) -> None:
    form = GoodForm()
    qtbot.addWidget(form)
    hidden = QLineEdit(form)  # unnamed, but hidden
    hidden.hide()
    assert audit(form) == []


def test_a_list_widget_can_be_audited(qtbot) -> None:  # type: ignore[no-untyped-def]
    """QListWidget's model cannot answer columnCount() without an index in PySide6."""
    from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

    from app.a11y.audit import audit
    from app.a11y.names import name

    root = QWidget()
    root.setWindowTitle("목록")
    qtbot.addWidget(root)
    items = QListWidget(root)
    items.addItems(["가", "나"])
    name(items, "항목 목록", identifier="itemList")
    QVBoxLayout(root).addWidget(items)
    root.show()
    assert [f for f in audit(root) if "itemList" in f.path] == []
