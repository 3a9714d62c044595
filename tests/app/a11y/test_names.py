"""Naming helpers: clean names, buddies, identifiers, icon buttons, tab order, announcements."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QIcon, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.a11y.announce import announce, recording
from app.a11y.names import buddy, clean_name, has_decoration, icon_button, name, set_tab_order

Text = QAccessible.Text


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("성명(&N):", "성명"),
        ("회계 구분 (&A)", "회계 구분"),
        ("&Save", "Save"),
        ("R&&D 예산", "R&D 예산"),
        ("금액(원):", "금액(원)"),
        ("저장", "저장"),
        ("세출 예산：", "세출 예산"),
    ],
)
def test_clean_name(text: str, clean: str) -> None:
    assert clean_name(text) == clean
    assert not has_decoration(clean_name(text))


def test_has_decoration() -> None:
    for bad in ("성명(N):", "조회(S)", "저장(&S)", "성명:"):
        assert has_decoration(bad), bad
    for good in ("성명", "금액(원)", "R&D", "제1회(1)"):
        assert not has_decoration(good), good


def test_name_sets_name_description_identifier(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    assert name(field, "메모(&M):", "자유롭게 적습니다", "memoEdit") is field
    iface = QAccessible.queryAccessibleInterface(field)
    assert iface.text(Text.Name) == "메모"
    assert iface.text(Text.Description) == "자유롭게 적습니다"
    assert field.accessibleIdentifier() == "memoEdit"
    assert field.objectName() == "memoEdit"
    assert iface.text(Text.Identifier) == "memoEdit"


def test_identifier_defaults_to_object_name(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setObjectName("amountEdit")
    name(field, "금액")
    assert field.accessibleIdentifier() == "amountEdit"


def test_buddy_binds_label_and_names_field(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    label = QLabel("회계 구분(&A):", form)
    combo = QComboBox(form)
    combo.addItems(["일반회계", "기타특별회계"])
    buddy(label, combo, identifier="fundCombo")
    assert label.buddy() is combo
    assert combo.accessibleName() == "회계 구분"
    iface = QAccessible.queryAccessibleInterface(combo)
    labels = [
        o.text(Text.Name) for o, rel in iface.relations() if rel & QAccessible.RelationFlag.Label
    ]
    assert labels and clean_name(labels[0]) == "회계 구분"


def test_icon_button_gets_name_and_tooltip(qtbot: QtBot) -> None:
    button = QToolButton()
    qtbot.addWidget(button)
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.black)
    button.setIcon(QIcon(pixmap))
    icon_button(button, "줄 추가(&A)", "addLineButton")
    assert QAccessible.queryAccessibleInterface(button).text(Text.Name) == "줄 추가"
    assert button.toolTip() == "줄 추가"
    assert button.accessibleIdentifier() == "addLineButton"


def test_set_tab_order(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    first, second, third = (QLineEdit(form) for _ in range(3))
    set_tab_order([third, first, second])
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    third.setFocus()
    qtbot.waitUntil(third.hasFocus)
    order = []
    for _ in range(3):
        focused = QApplication.focusWidget()
        assert focused is not None
        order.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    assert order == [third, first, second]


def test_announce_reaches_listeners(qtbot: QtBot) -> None:
    button = QToolButton()
    qtbot.addWidget(button)
    button.setAccessibleIdentifier("saveButton")
    with recording() as said:
        announce(button, "저장했습니다")
        announce(button, "  ")
        announce(button, "금액이 배정액을 넘습니다", assertive=True)
    announce(button, "기록되지 않음")
    assert [(a.text, a.assertive, a.source) for a in said] == [
        ("저장했습니다", False, "saveButton"),
        ("금액이 배정액을 넘습니다", True, "saveButton"),
    ]
