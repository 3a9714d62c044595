"""The main window: a shell around the pages (navigation, central stack, status bar, menus).

Actions, navigation, status, the demo role switcher and the session watch are each in their own
module; the dialogs the menus open are in ``commands``. Pages are built once, on first show.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from app.a11y import announce, keys
from app.context import AppContext
from app.i18n import tr
from app.operations import Changes
from app.operations.session import ConnectionState, SessionOps, SessionUser
from app.views.auth import window_title
from app.views.layout_state import remember_splitter
from app.views.main_window import commands
from app.views.main_window.actions import build_actions
from app.views.main_window.navigation import Navigation, PageEntry, load_entries
from app.views.main_window.role_switcher import RoleSwitcher
from app.views.main_window.session_monitor import SessionMonitor
from app.views.main_window.status_bar import StatusBar
from app.views.page import Page

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, ops: SessionOps, entries: list[PageEntry] | None = None
    ) -> None:
        super().__init__()
        self.ctx, self.ops = ctx, ops
        self.setObjectName("mainWindow")
        self.setAccessibleIdentifier("mainWindow")
        self.pages: dict[int, Page] = {}
        self.navigation = Navigation(entries if entries is not None else load_entries(), self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")
        # named after the page it shows: Orca says "<page> layered pane" on entering a page,
        # not an unnamed "layered pane"
        self.stack.setAccessibleIdentifier("pageStack")
        self.stack.setAccessibleName(tr("작업 화면"))
        self.stack.currentChanged.connect(self._name_stack)
        self.empty = QLabel(tr("왼쪽 작업 목록에서 화면을 고르세요 (F6)."), self.stack)
        self.empty.setObjectName("emptyPage")
        self.stack.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)  # the navigation as wide as its entries
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self._nav_sized = remember_splitter(splitter, ctx.paths.user_config_dir, "main/navigation")
        self.setCentralWidget(splitter)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.menu_actions = build_actions(self, self.navigation.page_actions())
        self.role_switcher: RoleSwitcher | None = None
        if ops.demo:
            login = (ops.session.login if ops.session else None) or ""
            self.role_switcher = RoleSwitcher(login, self)
            self.role_switcher.role_chosen.connect(self.switch_role)
            self.addToolBar(self.role_switcher)
        self.monitor = SessionMonitor(self, ops, self.status, ctx.config)
        self._undo_stack: QUndoStack | None = None
        self._connect()
        self.set_user(ops.user)
        self.resize(1200, 800)
        if not self._nav_sized:  # no saved layout: the navigation fits its entries
            nav = self.navigation.content_width()
            self.splitter.setSizes([nav, max(self.width() - nav, 1)])

    def _connect(self) -> None:
        a = self.menu_actions
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self._undo_stack.undo() if self._undo_stack else None)
        a.redo.triggered.connect(lambda: self._undo_stack.redo() if self._undo_stack else None)
        a.focus_navigation.triggered.connect(lambda: self.cycle_panes(True))
        a.focus_page.triggered.connect(lambda: self.cycle_panes(False))
        a.read_status.triggered.connect(self.read_status)
        a.extend_session.triggered.connect(self.monitor.extend)
        a.sign_in.triggered.connect(lambda: commands.sign_in(self))
        a.sign_out.triggered.connect(lambda: commands.sign_out(self))
        a.change_password.triggered.connect(lambda: commands.change_password(self))
        a.settings.triggered.connect(lambda: commands.settings(self))
        a.check_server.triggered.connect(lambda: commands.check_server(self))
        a.shortcuts.triggered.connect(lambda: commands.shortcuts(self))
        a.about.triggered.connect(lambda: commands.about(self))
        self.navigation.page_requested.connect(self.show_page)
        self.navigation.page_opened.connect(self.open_page)
        self.ctx.hub.changed.connect(self._on_changes)
        self.ops.signed_in.connect(self.set_user)
        self.ops.signed_out.connect(lambda: self.set_user(None))
        self.ops.events.reachable.connect(self._on_reachable)

    # --- state -------------------------------------------------------------------------------
    def set_user(self, user: SessionUser | None) -> None:
        self.status.set_user(user)
        who = user.display_name if user is not None else tr("로그인하지 않음")
        self.setWindowTitle(window_title(who, self.ops.demo))
        signed_in = user is not None
        self.menu_actions.sign_out.setEnabled(signed_in)
        self.menu_actions.change_password.setEnabled(signed_in and not self.ops.demo)
        self.menu_actions.extend_session.setEnabled(signed_in)
        self.menu_actions.sign_in.setEnabled(not self.ops.demo)
        if self.role_switcher is not None and user is not None:
            self.role_switcher.set_current(user.login)
        self._apply_roles(list(user.roles) if user is not None else [])
        self.monitor.tick()

    def _apply_roles(self, roles: list[str]) -> None:
        """Pages the user may not use leave the navigation; leave such a page if it is open."""
        self.navigation.set_roles(roles)
        page = self.current_page()
        current = next((i for i, p in self.pages.items() if p is page), None)
        if current is not None and current in self.navigation.hidden:
            first = self.navigation.first_available()
            if first is not None:
                self.navigation.select(first)
            else:
                self.stack.setCurrentWidget(self.empty)

    def set_connection(self, state: ConnectionState, detail: str = "") -> None:
        self.ctx.offline = state is ConnectionState.OFFLINE
        self.status.set_connection(state, detail)

    def _on_reachable(self, reachable: bool, detail: str) -> None:
        if self.ops.demo:
            self.set_connection(ConnectionState.DEMO if reachable else ConnectionState.OFFLINE)
        else:
            self.set_connection(
                ConnectionState.ONLINE if reachable else ConnectionState.OFFLINE, tr(detail)
            )

    def switch_role(self, login: str) -> None:
        def done(_result: object) -> None:
            announce(
                self,
                tr("{name}(으)로 바꿨습니다.").format(
                    name=self.ops.user.display_name if self.ops.user else login
                ),
            )

        self.ops.demo_sign_in(login, done, lambda error: commands.show_error(self, error))

    # --- pages -------------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        entry = self.navigation.entries[index]
        page = self.pages.get(index)
        if page is None and entry.page_class is not None:
            try:
                page = entry.page_class(self.ctx, self.stack)
            except Exception as error:
                log.exception("page %s failed", entry.identifier)
                commands.show_error(self, error)
                return
            self.pages[index] = page
            page.embed()
            self.stack.addWidget(page)
        if page is None or self.stack.currentWidget() is page:
            return
        self.stack.setCurrentWidget(page)
        self._watch_undo(page)
        page.activate()

    def _name_stack(self, _index: int = -1) -> None:
        page = self.current_page()
        self.stack.setAccessibleName(page.accessibleName() if page else tr("작업 화면"))

    def open_page(self, index: int) -> None:
        """Show a page and put keyboard focus on its first control (Ctrl+1…9, Enter)."""
        self.show_page(index)
        page = self.pages.get(index)
        if page is not None and self.current_page() is page:
            self.focus_page()

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def panes(self) -> list[QWidget]:
        """F6 order: the navigation list, then the current page's panes."""
        page = self.current_page()
        return [self.navigation.list, *(page.panes() if page else [])]

    def cycle_panes(self, forward: bool = True) -> QWidget | None:
        return keys.cycle_panes(self.panes(), forward)

    def status_text(self) -> str:
        parts = [self.status.currentMessage()]
        parts += [w.text() for w in (self.status.connection, self.status.user,
                                     self.status.save, self.status.session)]  # fmt: skip
        page = self.current_page()
        if page is not None:
            parts.append(page.status_text())
        return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip())

    def read_status(self) -> str:
        text = self.status_text() or tr("상태 표시줄이 비어 있습니다.")
        announce(self, text, assertive=True)
        return text

    def focus_page(self) -> None:
        page = self.current_page()
        target = (page.first_focus() if page else None) or page or self.stack
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _watch_undo(self, page: Page) -> None:
        if self._undo_stack is not None:
            self._undo_stack.indexChanged.disconnect(self._update_undo)
        getter = getattr(page, "undo_stack", None)
        stack = getter() if callable(getter) else None
        self._undo_stack = stack if isinstance(stack, QUndoStack) else None
        if self._undo_stack is not None:
            self._undo_stack.indexChanged.connect(self._update_undo)
        self._update_undo()

    def _update_undo(self, *_args: object) -> None:
        stack = self._undo_stack
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        self.menu_actions.undo.setEnabled(can_undo)
        self.menu_actions.redo.setEnabled(can_redo)
        undo_name = stack.undoText() if stack is not None and can_undo else ""
        redo_name = stack.redoText() if stack is not None and can_redo else ""
        self.menu_actions.undo.setText(
            tr("{name} 실행 취소(&U)").format(name=undo_name) if undo_name else tr("실행 취소(&U)")
        )
        self.menu_actions.redo.setText(
            tr("{name} 다시 실행(&R)").format(name=redo_name) if redo_name else tr("다시 실행(&R)")
        )

    def _on_changes(self, changes: Changes, source: object) -> None:
        if changes.drafts:
            self.status.set_saved()
        for page in self.pages.values():
            page.on_changes(changes, source)
        self._update_undo()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.monitor.timer.stop()
        super().closeEvent(event)
