"""사용자 관리 (issue 3 item 7), for the ``admin`` role only: the users of the government,
new users, roles and 부서, password resets (the user must change the password at the next
sign-in), disabling and enabling, unlocking. Other roles see why the page is closed to them
and nothing is loaded; the server refuses them anyway (403)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGridLayout, QSplitter, QVBoxLayout, QWidget

from app.a11y import announce, set_tab_order, status_label
from app.i18n import N_, tr
from app.operations import Changes, admin
from app.operations.cycle import error_text, field_messages
from app.views.adjust.common import button, line_table, report
from app.views.admin.user_form import UserForm, role_text
from app.views.page import Page
from domain.contracts.users import UserOut
from domain.roles import Action, Role

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from app.context import AppContext

HEADERS = (N_("아이디"), N_("이름"), N_("역할"), N_("부서"), N_("상태"))


class AdminPage(Page):
    TITLE = N_("사용자 관리")
    IDENTIFIER = "page.admin"
    DESCRIPTION = N_("사용자를 만들고 역할, 비밀번호, 사용 여부를 관리합니다 (관리자 전용).")
    REQUIRED_ACTION = Action.MANAGE_USERS.value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.users: list[UserOut] = []
        self.departments: dict[str, str] = {}
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table = line_table("admin.users", tr("사용자 목록"))
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.form = UserForm()
        self.new_button = button(tr("새 사용자 입력"), "admin.new", self.new_user)
        self.create_button = button(tr("사용자 만들기"), "admin.create", self.make_user)
        self.save_button = button(tr("이름, 부서, 역할 저장"), "admin.save", self.save)
        self.reset_button = button(
            tr("비밀번호 초기화"), "admin.reset", self.reset,
            tr("비밀번호 칸의 임시 비밀번호로 바꿉니다. 사용자는 다음 로그인 때 바꿔야 합니다."),
        )  # fmt: skip
        self.disable_button = button(tr("사용 중지"), "admin.disable", self.toggle_disabled)
        self.unlock_button = button(tr("잠금 해제"), "admin.unlock", self.unlock)
        self.refresh_button = button(tr("새로 고침"), "admin.refresh", self.reload)
        self.message = status_label("admin.message")
        self.message.setWordWrap(True)
        buttons = QGridLayout()
        for i, widget in enumerate(
            (self.new_button, self.create_button, self.save_button, self.reset_button,
             self.disable_button, self.unlock_button, self.refresh_button)
        ):  # fmt: skip
            buttons.addWidget(widget, i // 2, i % 2)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.form)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.message)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        set_tab_order(
            [self.table, *self.form.focus_order(), self.new_button, self.create_button,
             self.save_button, self.reset_button, self.disable_button, self.unlock_button,
             self.refresh_button]
        )  # fmt: skip
        self._rebuilding = False  # the table's rows being replaced (see _loaded_users)
        self._connect_selection()
        self._loaded = False
        self.allowed = admin.may_manage_users(ctx)
        if not self.allowed:
            self.setEnabled(False)
            self.message.setText(tr("사용자 관리는 관리자만 할 수 있습니다."))
        self._update_buttons()

    def first_focus(self) -> QWidget | None:
        return self.table

    def activate(self) -> None:
        if not self.allowed:
            announce(self, self.message.text(), assertive=True)
            return
        if not self._loaded or self.take_stale():
            self._loaded = True
            self.reload()

    def on_changes(self, changes: Changes, source: object) -> None:
        if self.allowed and changes.users and source is not self:
            self.reload_when_shown()

    # -- list ------------------------------------------------------------------------------------
    def reload(self) -> None:
        admin.load_users(self.ctx, self._loaded_users, self._failed(self.refresh_button, ""))

    def _loaded_users(self, data: admin.UsersData, select: str | None = None) -> None:
        shown = self.current_user()
        current = select or (shown.login if shown is not None else None)
        self.users = sorted(data.users, key=lambda u: u.login)
        self.departments = {str(d.id): d.name for d in data.departments}
        self.form.set_departments(data.departments)
        # While the rows are rebuilt no row is current: the buttons are not updated then, or
        # the focused 저장/초기화/사용 중지 button would be disabled for a moment and Qt would
        # move the focus on to 새로 고침 (the buttons follow the row selected below).
        self._rebuilding = True
        self.model.removeRows(0, self.model.rowCount())
        for user in self.users:
            self.model.appendRow([QStandardItem(text) for text in self._row(user)])
            # the row header a screen reader reads with each cell (not "1, 2, 3")
            self.model.setVerticalHeaderItem(self.model.rowCount() - 1, QStandardItem(user.login))
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                item = self.model.item(row, column)
                if item is not None:
                    item.setEditable(False)
        self.table.resizeColumnsToContents()
        logins = [u.login for u in self.users]
        row = logins.index(current) if current in logins else (0 if logins else -1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        self._rebuilding = False
        self._show_current()

    def _row(self, user: UserOut) -> list[str]:
        roles = ", ".join(role_text(Role(r)) for r in user.roles if r in Role.__members__.values())
        dept = self.departments.get(str(user.department_id), "") if user.department_id else ""
        states = [tr("사용 중지") if user.is_disabled else tr("사용 중")]
        if user.locked_until is not None:
            states.append(tr("잠김"))
        if user.must_change_password:
            states.append(tr("비밀번호 변경 필요"))
        return [user.login, user.display_name, roles, dept, ", ".join(states)]

    def _connect_selection(self) -> None:
        selection = self.table.selectionModel()
        if selection is not None:
            selection.currentRowChanged.connect(
                lambda _c, _p: None if self._rebuilding else self._show_current()
            )

    def current_user(self) -> UserOut | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.users):
            return None
        return self.users[index.row()]

    def select_login(self, login: str) -> bool:
        logins = [u.login for u in self.users]
        if login not in logins:
            return False
        self.table.setCurrentIndex(self.model.index(logins.index(login), 0))
        return True

    def _show_current(self) -> None:
        self.form.show_user(self.current_user())
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.current_user()
        for widget in (self.save_button, self.reset_button, self.disable_button):
            widget.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        self.create_button.setEnabled(user is None)
        text = tr("다시 사용") if user is not None and user.is_disabled else tr("사용 중지")
        self.disable_button.setText(text)
        self.disable_button.setAccessibleName(text)

    # -- actions ---------------------------------------------------------------------------------
    def new_user(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.form.show_user(None)
        self._update_buttons()
        self.form.login.setFocus()
        announce(self.form.login, tr("새 사용자를 입력하세요."))

    def make_user(self) -> None:
        f = self.form
        admin.create_user(
            self.ctx, f.login.text().strip(), f.display_name.text().strip(), f.roles(),
            f.department_id(), f.password.text(),
            self._done(tr("사용자를 만들었습니다: {login}"), self.create_button),
            self._failed(self.create_button, tr("사용자를 만들지 못했습니다")),
        )  # fmt: skip

    def save(self) -> None:
        user = self.current_user()
        if user is None:
            return
        f = self.form
        admin.update_user(
            self.ctx, user, f.display_name.text().strip(), f.roles(), f.department_id(),
            self._done(tr("저장했습니다: {login}"), self.save_button),
            self._failed(self.save_button, tr("저장하지 못했습니다")),
        )  # fmt: skip

    def reset(self) -> None:
        user = self.current_user()
        if user is None:
            return
        if not self.form.password.text():
            text = tr("비밀번호 칸에 임시 비밀번호를 입력하세요.")
            report(self.form.password, self.message, text, error=True)
            self.form.password.setFocus()
            return
        admin.reset_password(
            self.ctx, user, self.form.password.text(),
            self._done(
                tr("비밀번호를 초기화했습니다: {login}. 다음 로그인 때 바꿔야 합니다."),
                self.reset_button,
            ),
            self._failed(self.reset_button, tr("비밀번호를 초기화하지 못했습니다")),
        )  # fmt: skip

    def toggle_disabled(self) -> None:
        user = self.current_user()
        if user is None:
            return
        text = (
            tr("사용을 중지했습니다: {login}")
            if not user.is_disabled
            else tr("다시 사용하게 했습니다: {login}")
        )
        admin.set_disabled(
            self.ctx, user, not user.is_disabled, self._done(text, self.disable_button),
            self._failed(self.disable_button, tr("사용 여부를 바꾸지 못했습니다")),
        )  # fmt: skip

    def unlock(self) -> None:
        user = self.current_user()
        if user is not None:
            admin.unlock(
                self.ctx, user, self._done(tr("잠금을 풀었습니다: {login}"), self.unlock_button),
                self._failed(self.unlock_button, tr("잠금을 풀지 못했습니다")),
            )  # fmt: skip

    def _done(self, text: str, widget: QWidget) -> Callable[[UserOut], None]:
        def show(user: UserOut) -> None:
            for field in (self.form.login, self.form.password, self.form.display_name):
                field.setAccessibleDescription("")
            report(widget, self.message, text.format(login=user.login))
            admin.load_users(
                self.ctx, lambda data: self._loaded_users(data, user.login),
                self._failed(self.refresh_button, ""),
            )  # fmt: skip

        return show

    def _failed(self, widget: QWidget, what: str) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            reason = error_text(error)
            text = f"{what}: {reason}" if what else reason
            target = widget
            for field, message in field_messages(error).items():
                target = self.form.field_for(field)
                target.setAccessibleDescription(message)
            report(target, self.message, text, error=True)

        return show
