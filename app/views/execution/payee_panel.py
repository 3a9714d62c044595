"""Find or add a 채주 (payee). The 사업자등록번호 is checked with its check digit as it is
typed (the message is the field's description and is announced when ten digits are in); the
account number comes back from the server masked, and only the masked form is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, identify, name, set_tab_order
from app.i18n import tr
from app.operations import payees as ops
from app.services.api.errors import ApiError, OfflineError
from app.services.cache.records import OutboxState
from domain.contracts.execution import PayeeIn, PayeeOut
from domain.payee import format_business_number, is_valid_business_number

if TYPE_CHECKING:
    from app.context import AppContext

_ID = int(Qt.ItemDataRole.UserRole) + 1


def error_text(error: BaseException) -> str:
    """The Korean message of a failure, with its per-field messages."""
    if isinstance(error, ApiError):
        extra = " ".join(m for m in error.field_messages().values() if m not in error.detail)
        return f"{error.detail} {extra}".strip()
    return str(getattr(error, "message", None) or error)


def payee_text(payee: PayeeOut) -> str:
    ident = payee.business_number or payee.resident_number_masked or ""
    account = f"{payee.bank} {payee.account_masked}".strip()
    return ", ".join(t for t in (payee.name, ident, account) if t)


def business_number_message(text: str) -> tuple[str, bool]:
    """(message, complete) for what is typed in 사업자등록번호 so far."""
    digits = "".join(c for c in text if c.isdigit())
    if not text.strip():
        return "", False
    if len(digits) != 10 or any(c not in "0123456789- " for c in text):
        return tr("사업자등록번호는 숫자 10자리입니다: 지금 {count}자리").format(
            count=len(digits)
        ), False
    if not is_valid_business_number(digits):
        return tr("사업자등록번호 {number}의 검증번호가 맞지 않습니다").format(
            number=format_business_number(digits)
        ), True
    return tr("올바른 사업자등록번호입니다: {number}").format(
        number=format_business_number(digits)
    ), True


class PayeePanel(QWidget):
    payee_chosen = Signal(object)  # PayeeOut or None
    said = Signal(str, bool)  # text, assertive
    queued = Signal()  # a new 채주 went through the outbox (its sending state changed)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("executionPayeePane")
        self.setAccessibleName(tr("채주"))
        self.payee: PayeeOut | None = None
        self._found: list[PayeeOut] = []
        search_label = QLabel(tr("채주 찾기(&P)"))
        self.search = QLineEdit()
        buddy(search_label, self.search, tr("상호나 이름, 사업자등록번호. Enter로 찾습니다"),
              "payeeSearch")  # fmt: skip
        list_label = QLabel(tr("찾은 채주(&Y)"))
        self.results_model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        buddy(list_label, self.results, tr("고른 채주가 이 문서의 채주가 됩니다"), "payeeResults")
        self.chosen = QLabel(tr("채주를 고르지 않았습니다"))
        identify(self.chosen, "payeeChosen")
        self.chosen.setWordWrap(True)

        box = QGroupBox(tr("새 채주"))
        box.setObjectName("newPayeeBox")
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(12)
        self.resident_edit = QLineEdit()
        self.resident_edit.setMaxLength(14)
        self.bank_edit = QLineEdit()
        self.account_edit = QLineEdit()
        self.holder_edit = QLineEdit()
        for text, field, ident, note in (
            (tr("상호 또는 성명(&N)"), self.name_edit, "payeeName", None),
            (tr("사업자등록번호(&B)"), self.number_edit, "payeeBusinessNumber",
             tr("예: 124-81-00998. 입력하는 동안 검증번호를 확인합니다")),
            (tr("주민등록번호"), self.resident_edit, "payeeResidentNumber",
             tr("개인에게 지급할 때만. 서버에 암호화해 두고 가려서 보여 줍니다")),
            (tr("은행"), self.bank_edit, "payeeBank", None),
            (tr("계좌번호(&C)"), self.account_edit, "payeeAccount",
             tr("등록한 뒤에는 끝 네 자리만 보입니다")),
            (tr("예금주"), self.holder_edit, "payeeHolder", None),
        ):  # fmt: skip
            label = QLabel(text)
            form.addRow(label, buddy(label, field, note, ident))
        self.number_note = QLabel()
        identify(self.number_note, "payeeNumberNote")
        self.number_note.setWordWrap(True)
        form.addRow(self.number_note)
        self.add_button = QPushButton(tr("채주 추가(&A)"))
        name(self.add_button, self.add_button.text(), tr("새 채주를 등록하고 고릅니다"), "payeeAdd")
        form.addRow(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (search_label, self.search, list_label, self.results, self.chosen, box):
            layout.addWidget(widget)
        self.fields = [self.name_edit, self.number_edit, self.resident_edit, self.bank_edit,
                       self.account_edit, self.holder_edit]  # fmt: skip
        set_tab_order([self.search, self.results, *self.fields, self.add_button])
        self.search.returnPressed.connect(self.find_payees)
        self.results.selectionModel().currentChanged.connect(self._picked)
        self.number_edit.textChanged.connect(self._check_number)
        self.add_button.clicked.connect(self.add)

    # -- find ------------------------------------------------------------------------------
    def find_payees(self) -> None:
        ops.find_payees(self.ctx, self.search.text(), self.show_found, self._failed)

    def show_found(self, payees: list[PayeeOut], say: bool = True) -> None:
        self._found = list(payees)
        self.results_model.clear()
        for payee in self._found:
            item = QStandardItem(payee_text(payee))
            item.setEditable(False)
            self.results_model.appendRow(item)
        if say:
            self.say(tr("채주 {count}명을 찾았습니다").format(count=len(self._found)))
        if self._found:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        self.choose(self._found[row] if 0 <= row < len(self._found) else None)

    def choose(self, payee: PayeeOut | None) -> None:
        self.payee = payee
        self.chosen.setText(
            tr("채주: {payee}").format(payee=payee_text(payee))
            if payee
            else tr("채주를 고르지 않았습니다")
        )
        self.payee_chosen.emit(payee)

    # -- add -------------------------------------------------------------------------------
    def _check_number(self, text: str) -> None:
        message, complete = business_number_message(text)
        self.number_note.setText(message)
        self.number_edit.setAccessibleDescription(
            message or tr("예: 124-81-00998. 입력하는 동안 검증번호를 확인합니다")
        )
        if complete:
            valid = is_valid_business_number(text)
            announce(self.number_edit, message, assertive=not valid)

    def body(self) -> PayeeIn | None:
        """The new 채주, or None after telling what is missing (the field gets focus)."""
        problem: tuple[QLineEdit, str] | None = None
        number = self.number_edit.text().strip()
        resident = self.resident_edit.text().strip()
        if not self.name_edit.text().strip():
            problem = (self.name_edit, tr("상호 또는 성명을 입력하세요"))
        elif number and not is_valid_business_number(number):
            problem = (self.number_edit, business_number_message(number)[0])
        elif not number and not resident:
            problem = (self.number_edit, tr("사업자등록번호나 주민등록번호 중 하나가 필요합니다"))
        if problem is not None:
            self.refuse(*problem)
            return None
        return PayeeIn(
            name=self.name_edit.text().strip(), business_number=number or None,
            resident_number=resident or None, bank=self.bank_edit.text().strip(),
            account_number=self.account_edit.text().strip(),
            account_holder=self.holder_edit.text().strip(),
        )  # fmt: skip

    def add(self) -> None:
        body = self.body()
        if body is not None:
            ops.add_payee(self.ctx, body, self._added, self._add_failed, source=self)

    def _added(self, outcome: ops.PayeeOutcome) -> None:
        """Registered, or queued while offline (usable at once: a 결의 written now names it
        and is sent after it), or refused (the fields keep what was typed)."""
        self.queued.emit()
        if outcome.state is OutboxState.FAILED:
            self.refuse(self.number_edit if outcome.status == 409 else self.name_edit,
                        tr("서버가 채주 등록을 거절했습니다: {reason}").format(
                            reason=outcome.error))  # fmt: skip
            return
        for field in self.fields:
            field.clear()
        payee = outcome.payee
        self.show_found([payee], say=outcome.state is OutboxState.SENT)
        if outcome.state is OutboxState.SENT:
            self.say(tr("채주를 등록했습니다: {payee}").format(payee=payee_text(payee)))
            return
        self.chosen.setText(tr("채주: {payee} (보내기 대기)").format(payee=payee_text(payee)))
        self.say(tr("서버에 연결할 수 없어 채주 등록을 보낼 문서에 보관했습니다: {payee}. "
                    "이 채주로 문서를 쓸 수 있고, 연결되면 채주가 먼저 한 번만 보내집니다.")
                 .format(payee=payee_text(payee)), True)  # fmt: skip

    def refuse(self, field: QLineEdit, message: str) -> None:
        if field is self.number_edit:
            self.number_note.setText(message)
        field.setAccessibleDescription(message)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.say(message, True)

    def _failed(self, error: BaseException) -> None:
        self.refuse(self.search, error_text(error))

    def _add_failed(self, error: BaseException) -> None:
        fields = error.field_messages() if isinstance(error, ApiError) else {}
        target = self.resident_edit if "resident_number" in fields else self.number_edit
        if isinstance(error, OfflineError) and self.resident_edit.text().strip():
            # a 주민등록번호 is never kept on this PC, so this 채주 cannot wait in the outbox
            self.refuse(self.resident_edit, tr(
                "서버에 연결할 수 없어 채주를 등록하지 않았습니다. 주민등록번호가 있는 채주는 "
                "이 PC에 보관하지 않으므로 연결된 뒤 채주 추가를 다시 누르세요. 입력한 내용은 "
                "그대로 있습니다."))  # fmt: skip
            return
        if not fields and not isinstance(error, ApiError):
            target = self.name_edit  # nothing was added
        self.refuse(target, error_text(error))

    def say(self, text: str, assertive: bool = False) -> None:
        self.said.emit(text, assertive)
