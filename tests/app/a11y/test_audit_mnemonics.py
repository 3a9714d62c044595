"""The ``duplicate-mnemonic`` rule bites on deliberately bad forms and passes their fixes:
two mnemonics live in one window at once (labels with buddies, buttons, group boxes, tab
titles, menu bar titles, Alt+letter actions and shortcuts), or two items of one popup menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.a11y.audit import Finding, audit
from app.a11y.audit_mnemonics import letter_of, window_mnemonics
from app.a11y.names import buddy, name
from tests.app.a11y.test_audit_rules import form

CODE = "duplicate-mnemonic"


def mnemonic_findings(root: QWidget) -> list[Finding]:
    return [f for f in audit(root, tab_order=False) if f.code == CODE]


def field(text: str, ident: str) -> tuple[QLabel, QLineEdit]:
    label, edit = QLabel(text), QLineEdit()
    buddy(label, edit, identifier=ident)
    return label, edit


def test_letter_of_reads_the_letter_qt_binds() -> None:
    assert letter_of("작업 목록(&W):") == "W"
    assert letter_of("&save") == "S"
    assert letter_of("Descrip&tion") == "T"
    assert letter_of("R&&D") == ""
    assert letter_of("원천징수와 실지급액") == ""


def test_two_labels_with_one_letter_are_a_finding_naming_both(qtbot: QtBot) -> None:
    work_label, work_list = QLabel("작업 목록(&W):"), QListView()
    buddy(work_label, work_list, identifier="navigationList")
    withholding = field("원천징수와 실지급액(&w)", "documentWithholding")  # case-insensitive
    dialog = form(qtbot, work_label, work_list, *withholding)
    found = mnemonic_findings(dialog)
    assert len(found) == 1
    message = found[0].message
    assert "Alt+W" in message
    assert "작업 목록(&W):" in message and "QListView#navigationList" in message
    assert "원천징수와 실지급액(&w)" in message and "QLineEdit#documentWithholding" in message
    withholding[0].setText("원천징수와 실지급액")  # the fix: no mnemonic (or a free letter)
    assert mnemonic_findings(dialog) == []
    assert audit(dialog, tab_order=False) == []


def test_buttons_group_boxes_and_tab_titles_take_letters_too(qtbot: QtBot) -> None:
    send = name(QPushButton("지금 보내기(&N)"), "지금 보내기", identifier="sendNow")
    send.setEnabled(False)  # disabled now, enabled later: its key is still taken
    box = QGroupBox("새 채주(&N)")
    QVBoxLayout(box).addWidget(QLabel("상호를 적습니다"))
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "보낼 문서(&Q)")
    tabs.addTab(QWidget(), "받은 문서(&Q)")
    dialog = form(qtbot, send, box, tabs)
    texts = {f.message for f in mnemonic_findings(dialog)}
    assert any("Alt+N" in t and "지금 보내기(&N)" in t and "새 채주(&N)" in t for t in texts)
    assert any("Alt+Q" in t and "받은 문서(&Q)" in t for t in texts)
    box.setTitle("새 채주")
    tabs.setTabText(1, "받은 문서(&R)")
    assert mnemonic_findings(dialog) == []


def test_hidden_stack_pages_are_not_live(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    pages = []
    for ident in ("first", "second"):
        page = QWidget()
        layout = QVBoxLayout(page)
        for widget in field("금액(&M)", f"{ident}Amount"):
            layout.addWidget(widget)
        stack.addWidget(page)
        pages.append(page)
    dialog = form(qtbot, stack)
    assert mnemonic_findings(dialog) == []
    assert [m.letter for m in window_mnemonics(dialog)] == ["M"]  # the current page only
    extra = field("메모(&M)", "memo")  # shown beside the stack: clashes with the current page
    outer = dialog.layout()
    assert outer is not None
    outer.addWidget(extra[0])
    outer.addWidget(extra[1])
    assert len(mnemonic_findings(dialog)) == 1


def main_window(qtbot: QtBot, central: QWidget) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("메뉴 시험 — 호조 데스크")
    file_menu = window.menuBar().addMenu("파일(&F)")
    file_menu.setObjectName("fileMenu")
    file_menu.addAction("로그인(&L)")
    file_menu.addAction("저장(&S)")
    window.menuBar().addMenu("도구(&T)")
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    return window


def test_menu_bar_titles_count_menu_items_only_within_their_menu(qtbot: QtBot) -> None:
    central = QWidget()
    layout = QVBoxLayout(central)
    find_label, find_edit = field("예산 찾기(&F)", "lineFilter")  # clashes with 파일(&F)
    name_label, name_edit = field("이름(&S)", "payeeName")  # 저장(&S) is inside 파일: no clash
    for widget in (find_label, find_edit, name_label, name_edit):
        layout.addWidget(widget)
    window = main_window(qtbot, central)
    found = mnemonic_findings(window)
    assert len(found) == 1 and "Alt+F" in found[0].message and "파일(&F)" in found[0].message
    find_label.setText("예산 찾기(&J)")
    assert mnemonic_findings(window) == []

    menu = window.findChild(QMenu, "fileMenu")
    assert menu is not None
    menu.addAction("로그아웃(&L)")  # two items of one menu: a finding on that menu
    found = mnemonic_findings(window)
    assert len(found) == 1
    assert found[0].path.endswith("QMenu#fileMenu")
    assert "로그인(&L)" in found[0].message and "로그아웃(&L)" in found[0].message


def test_alt_letter_actions_and_shortcuts_are_live_mnemonics(qtbot: QtBot) -> None:
    label, edit = field("성명(&N):", "personName")
    button = name(QPushButton("보내기(&Q)"), "보내기", identifier="send")
    dialog = form(qtbot, label, edit, button)
    action = QAction("새 줄", dialog)
    action.setShortcut(QKeySequence("Alt+N"))
    dialog.addAction(action)
    shortcut = QShortcut(QKeySequence("Alt+Q"), dialog)
    shortcut.setObjectName("quickSend")
    QShortcut(QKeySequence("Ctrl+Q"), dialog)  # not a mnemonic's key
    texts = [f.message for f in mnemonic_findings(dialog)]
    assert len(texts) == 2
    assert any("Alt+N" in t and "새 줄 (Alt+N)" in t and "성명(&N):" in t for t in texts)
    assert any("Alt+Q" in t and "quickSend (Alt+Q)" in t for t in texts)
    action.setShortcut(QKeySequence("Alt+Shift+N"))
    shortcut.setKey(QKeySequence("Ctrl+Shift+Q"))
    assert mnemonic_findings(dialog) == []


def test_a_page_is_checked_against_the_rest_of_its_window(qtbot: QtBot) -> None:
    """Auditing only the page (as the page tests do) still finds its clash with the window's
    작업 목록(&W), and a clash elsewhere in the window is not the page's."""
    outer = QDialog()
    outer.setWindowTitle("창 시험 — 호조 데스크")
    nav_label, nav_list = QLabel("작업 목록(&W):"), QListView()
    buddy(nav_label, nav_list, identifier="navigationList")
    other = [*field("메모(&K)", "otherMemo"), *field("은행(&K)", "otherBank")]
    page = QWidget()
    page.setObjectName("page")
    page_layout = QVBoxLayout(page)
    withholding = field("원천징수와 실지급액(&W)", "documentWithholding")
    for widget in withholding:
        page_layout.addWidget(widget)
    layout = QVBoxLayout(outer)
    for shown in (nav_label, nav_list, *other, page):
        layout.addWidget(shown)
    qtbot.addWidget(outer)
    found = mnemonic_findings(page)
    assert len(found) == 1 and "Alt+W" in found[0].message
    assert found[0].path == "QWidget#page/QLabel"  # reported on the page's own label
    assert len(mnemonic_findings(outer)) == 2  # the window sees both clashes
    withholding[0].setText("원천징수와 실지급액")
    assert mnemonic_findings(page) == []
