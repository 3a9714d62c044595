"""Menus, their actions and shortcuts (파일 / 편집 / 보기 / 도구 / 도움말).

Korean menu texts keep the Windows convention of a Latin mnemonic in brackets ("끝내기(&X)"),
the only kind Alt can reach on a Korean keyboard layout. The window connects the actions; this
module only creates them, so the list of shortcuts is in one place (도움말 → 바로 가기 키).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import tr


def _action(
    window: QMainWindow,
    text: str,
    ident: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(ident)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


@dataclass
class Actions:
    sign_in: QAction
    sign_out: QAction
    change_password: QAction
    extend_session: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    focus_navigation: QAction
    focus_page: QAction
    read_status: QAction
    settings: QAction
    check_server: QAction
    shortcuts: QAction
    about: QAction
    menus: dict[str, QMenu] = field(default_factory=dict)
    report_problem: QAction | None = None  # 문제 신고/진단 (app.operations.diagnose)

    def all(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction)]


def build_actions(window: QMainWindow, page_actions: list[QAction]) -> Actions:
    Key = QKeySequence.StandardKey
    actions = Actions(
        sign_in=_action(window, tr("로그인(&L)…"), "actionSignIn"),
        sign_out=_action(window, tr("로그아웃(&O)"), "actionSignOut"),
        change_password=_action(window, tr("비밀번호 변경(&P)…"), "actionChangePassword"),
        extend_session=_action(
            window,
            tr("세션 연장(&E)"),
            "actionExtendSession",
            "Ctrl+Shift+E",
            tr("로그인 세션을 지금 연장합니다."),
        ),
        quit=_action(window, tr("끝내기(&X)"), "actionQuit", "Ctrl+Q"),
        undo=_action(window, tr("실행 취소(&U)"), "actionUndo", Key.Undo),
        redo=_action(window, tr("다시 실행(&R)"), "actionRedo", Key.Redo),
        focus_navigation=_action(
            window,
            tr("다음 영역으로 이동(&W)"),
            "actionFocusNavigation",
            "F6",
            tr("작업 목록과 화면의 영역을 차례로 옮겨 다닙니다."),
        ),
        focus_page=_action(
            window,
            tr("이전 영역으로 이동(&M)"),
            "actionFocusPage",
            "Shift+F6",
            tr("영역을 거꾸로 옮겨 다닙니다."),
        ),
        read_status=_action(
            window,
            tr("상태 표시줄 읽기(&B)"),
            "actionReadStatus",
            "Ctrl+Shift+B",
            tr("연결, 사용자, 저장 상태와 화면의 상태 줄을 읽어 줍니다."),
        ),
        settings=_action(window, tr("설정(&S)…"), "actionSettings", "Ctrl+,"),
        check_server=_action(window, tr("서버 연결 확인(&C)"), "actionCheckServer"),
        shortcuts=_action(window, tr("바로 가기 키와 메뉴(&K)"), "actionShortcuts", "F1"),
        about=_action(window, tr("호조 데스크 정보(&A)"), "actionAbout"),
    )
    actions.undo.setEnabled(False)
    actions.redo.setEnabled(False)
    bar = window.menuBar()
    menus = actions.menus
    menus["file"] = bar.addMenu(tr("파일(&F)"))
    menus["file"].addActions(
        [actions.sign_in, actions.sign_out, actions.change_password, actions.extend_session]
    )
    menus["file"].addSeparator()
    menus["file"].addAction(actions.quit)
    menus["edit"] = bar.addMenu(tr("편집(&E)"))
    menus["edit"].addActions([actions.undo, actions.redo])
    menus["view"] = bar.addMenu(tr("보기(&V)"))
    menus["view"].addActions([actions.focus_navigation, actions.focus_page, actions.read_status])
    if page_actions:
        menus["view"].addSeparator()
        menus["view"].addActions(page_actions)
    menus["tools"] = bar.addMenu(tr("도구(&T)"))
    menus["tools"].addActions([actions.settings, actions.check_server])
    menus["help"] = bar.addMenu(tr("도움말(&H)"))
    menus["help"].addActions([actions.shortcuts, actions.about])
    actions.report_problem = _action(
        window,
        tr("문제 신고/진단(&D)…"),
        "actionReportProblem",
        "Ctrl+Shift+F12",
        tr("담당자에게 보낼 진단 자료를 파일로 만듭니다 (비밀번호·토큰 제외)."),
    )
    actions.report_problem.triggered.connect(lambda: _report_problem(window))
    menus["help"].addAction(actions.report_problem)
    for key, menu in menus.items():
        menu.setObjectName(f"menu_{key}")
    return actions


def _report_problem(window: QMainWindow) -> None:
    """Write the diagnostics archive and tell where it is (help desk asks for this file)."""
    from PySide6.QtWidgets import QMessageBox

    from app.a11y import announce
    from app.operations.diagnose import write_diagnostics

    def done(path: object) -> None:
        text = tr("진단 자료를 만들었습니다. 이 파일을 담당자에게 보내 주세요:\n{path}")
        announce(window, text.format(path=path))
        QMessageBox.information(window, tr("문제 신고/진단"), text.format(path=path))

    def failed(error: BaseException) -> None:
        text = tr("진단 자료를 만들지 못했습니다: {error}").format(error=error)
        QMessageBox.warning(window, tr("문제 신고/진단"), text)

    write_diagnostics(window.ctx, done, failed)  # type: ignore[attr-defined]


def shortcut_lines(actions: list[QAction]) -> list[str]:
    """ "세션 연장: Ctrl+Shift+E" for every action that has a shortcut (the 도움말 list)."""
    from app.a11y import clean_name

    lines = []
    for action in actions:
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if key:
            lines.append(f"{clean_name(action.text()).rstrip('…')}: {key}")
    return lines
