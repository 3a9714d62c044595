"""The form of one user on the 사용자 관리 page: 아이디, 이름, 부서, 역할, password."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.a11y import name
from app.i18n import tr
from app.views.adjust.common import add_row
from domain.contracts.structure import DepartmentOut
from domain.contracts.users import UserOut
from domain.roles import Role

NO_DEPARTMENT = ""


def role_text(role: Role) -> str:
    """The Korean label of a role in the installed language."""
    texts = {
        Role.DEPT_STAFF: tr("사업담당"),
        Role.DEPT_BUDGET: tr("부서 예산담당"),
        Role.BUDGET_OFFICE: tr("예산부서"),
        Role.FINANCE_OFFICER: tr("재무관"),
        Role.DISBURSING_OFFICER: tr("지출원"),
        Role.AUDITOR: tr("감사"),
        Role.ADMIN: tr("관리자"),
    }
    return texts[role]


class UserForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("사용자 정보"), parent)
        self.login = QLineEdit()
        self.display_name = QLineEdit()
        self.department = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        add_row(form, tr("아이디"), self.login, "admin.login", tr("영문, 숫자와 . _ @ -"))
        add_row(form, tr("이름"), self.display_name, "admin.display_name")
        add_row(form, tr("부서"), self.department, "admin.department")
        add_row(
            form, tr("비밀번호"), self.password, "admin.password",
            tr("새 사용자의 첫 비밀번호 또는 초기화할 임시 비밀번호. 10자 이상, 두 종류 이상의 "
               "글자. 사용자는 다음 로그인 때 바꿔야 합니다."),
        )  # fmt: skip
        self.roles_box = QGroupBox(tr("역할"))
        roles_layout = QVBoxLayout(self.roles_box)
        self.role_checks: dict[Role, QCheckBox] = {}
        for role in Role:
            check = QCheckBox(role_text(role))
            name(check, role_text(role), None, f"admin.role.{role.value}")
            roles_layout.addWidget(check)
            self.role_checks[role] = check
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.roles_box)
        self.set_departments([])

    def focus_order(self) -> list[QWidget]:
        return [
            self.login, self.display_name, self.department, self.password,
            *self.role_checks.values(),
        ]  # fmt: skip

    def set_departments(self, departments: list[DepartmentOut]) -> None:
        chosen = self.department.currentData()
        self.department.clear()
        self.department.addItem(tr("부서 없음"), NO_DEPARTMENT)
        for dept in sorted(departments, key=lambda d: d.name):
            self.department.addItem(dept.name, str(dept.id))
        self.department.setCurrentIndex(max(self.department.findData(chosen), 0))

    def show_user(self, user: UserOut | None) -> None:
        self.login.setText(user.login if user else "")
        self.login.setReadOnly(user is not None)
        self.display_name.setText(user.display_name if user else "")
        dept = str(user.department_id) if user and user.department_id else NO_DEPARTMENT
        self.department.setCurrentIndex(max(self.department.findData(dept), 0))
        for role, check in self.role_checks.items():
            check.setChecked(user is not None and role.value in user.roles)
        self.password.clear()

    def roles(self) -> list[Role]:
        return [role for role, check in self.role_checks.items() if check.isChecked()]

    def department_id(self) -> uuid.UUID | None:
        data = self.department.currentData()
        return uuid.UUID(data) if isinstance(data, str) and data else None

    def field_for(self, field: str) -> QWidget:
        """The widget a server field error belongs to (``login``, ``password`` ...)."""
        key = field.split(".")[-1]
        return {
            "login": self.login,
            "display_name": self.display_name,
            "department_id": self.department,
            "password": self.password,
            "new_password": self.password,
            "roles": self.roles_box,
        }.get(key, self.login)
