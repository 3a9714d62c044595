"""The document being written: 지출결의 (under an open 지출원인행위 of the line) or 품의, 적요,
금액, 소득 구분 with the withholding computed (``domain.withholding``, the rates the server
uses) and the net shown, and the evidence as a checklist by document type, each with an
optional attached file path (reachable by Tab once its box is checked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, identify, name, set_tab_order
from app.i18n import N_, tr, won_text
from app.models.execution_models import kind_label
from domain.contracts.execution import DocumentIn, DocumentOut, LineExecution, PayeeOut
from domain.errors import DomainError
from domain.execution import DocKind
from domain.withholding import IncomeType, compute_withholding

EVIDENCE = (N_("견적서"), N_("세금계산서"), N_("검수조서"), N_("계약서"), N_("거래명세서"),
            N_("영수증"), N_("강의 확인서"))  # fmt: skip
"""Evidence document types; stored in Korean (the server keeps what was checked)."""
INCOME = ((IncomeType.NONE, N_("원천징수 없음")), (IncomeType.OTHER, N_("기타소득")),
          (IncomeType.BUSINESS, N_("사업소득")))  # fmt: skip


def parse_won(text: str) -> int | None:
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits and len(digits) <= 15 else None


class DocumentForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("문서 작성"), parent)
        self.setObjectName("executionFormPane")
        self.setAccessibleName(tr("문서 작성"))
        self.line: LineExecution | None = None
        self.payee: PayeeOut | None = None
        self.year = 0
        self._obligations: list[DocumentOut] = []
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in (DocKind.RESOLUTION, DocKind.REQUEST):
            self.kind.addItem(kind_label(kind), kind.value)
        self.obligation = QComboBox()
        self.title_edit = QLineEdit()
        self.amount = QLineEdit()
        self.income = QComboBox()
        for value, text in INCOME:
            self.income.addItem(tr(text), value.value)
        self.withholding = QLineEdit()
        self.withholding.setReadOnly(True)
        for text, field, ident, note in (
            (tr("문서 종류(&K)"), self.kind, "documentKind",
             tr("지출결의는 재무관의 지출원인행위에 이어 씁니다. "
                "원인행위가 없으면 품의를 올립니다")),
            (tr("지출원인행위(&O)"), self.obligation, "documentObligation",
             tr("이 예산의 진행 중인 지출원인행위와 남은 금액")),
            (tr("적요(&X)"), self.title_edit, "documentTitle", tr("예: 3월 강사료")),
            (tr("금액(&M)"), self.amount, "documentAmount",
             tr("원 단위 숫자. 천 단위 쉼표는 저절로 붙습니다")),
            (tr("소득 구분(&I)"), self.income, "documentIncome",
             tr("기타소득 8.8%, 사업소득 3.3%를 원천징수합니다")),
            (tr("원천징수와 실지급액"), self.withholding, "documentWithholding",
             tr("금액과 소득 구분으로 계산됩니다")),
        ):  # fmt: skip
            label = QLabel(text)
            form.addRow(label, buddy(label, field, note, ident))

        evidence_box = QGroupBox(tr("증빙 서류"))
        evidence_box.setObjectName("evidenceBox")
        grid = QGridLayout(evidence_box)
        self.evidence: list[tuple[str, QCheckBox, QLineEdit]] = []
        for row, doc_type in enumerate(EVIDENCE):
            check = QCheckBox(tr(doc_type))
            name(check, tr(doc_type), tr("갖춘 증빙이면 체크합니다"), f"evidence{row}")
            path = QLineEdit()
            name(path, tr("{document} 첨부 파일 경로").format(document=tr(doc_type)),
                 tr("선택 사항"), f"evidencePath{row}")  # fmt: skip
            path.setEnabled(False)
            check.toggled.connect(path.setEnabled)
            grid.addWidget(check, row, 0)
            grid.addWidget(path, row, 1)
            self.evidence.append((doc_type, check, path))

        self.problem = QLabel()
        identify(self.problem, "documentProblem")
        self.problem.setWordWrap(True)
        self.submit_button = QPushButton(tr("제출(&S)"))
        submit_note = tr("보낼 목록에 먼저 보관하고 서버로 보냅니다 (Ctrl+Enter)")
        name(self.submit_button, self.submit_button.text(), submit_note, "documentSubmit")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(evidence_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.submit_button)
        order: list[QWidget] = [self.kind, self.obligation, self.title_edit, self.amount,
                                self.income, self.withholding]  # fmt: skip
        for _doc, check, path in self.evidence:
            order += [check, path]
        set_tab_order([*order, self.submit_button])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.amount.textEdited.connect(self._amount_edited)
        self.income.currentIndexChanged.connect(self._income_changed)
        self._kind_changed()
        self.update_withholding()

    # -- state -----------------------------------------------------------------------------
    def current_kind(self) -> DocKind:
        return DocKind(self.kind.currentData())

    def set_line(self, line: LineExecution | None, obligations: list[DocumentOut]) -> None:
        self.line = line
        self._obligations = list(obligations)
        self.obligation.clear()
        for doc in self._obligations:
            self.obligation.addItem(
                tr("{title} 남은 금액 {left}").format(
                    title=doc.title or tr("제목 없음"), left=won_text(doc.left)
                ),
                str(doc.id),
            )
        if not self._obligations:
            self.obligation.addItem(tr("진행 중인 지출원인행위가 없습니다"), "")
        self._kind_changed()

    def set_payee(self, payee: PayeeOut | None) -> None:
        self.payee = payee

    def _kind_changed(self) -> None:
        resolution = self.current_kind() is DocKind.RESOLUTION
        self.obligation.setEnabled(resolution and bool(self._obligations))
        self.income.setEnabled(resolution)
        if not resolution:
            self.income.setCurrentIndex(0)
        self.update_withholding()

    def _amount_edited(self, text: str) -> None:
        """Keep thousands separators while typing, the cursor before the same digits."""
        after = sum(c.isdigit() for c in text[self.amount.cursorPosition() :])
        amount = parse_won(text)
        shown = f"{amount:,}" if amount is not None else ""
        if shown != text:
            self.amount.setText(shown)
            position, digits = len(shown), 0
            while position > 0 and digits < after:
                position -= 1
                digits += shown[position].isdigit()
            self.amount.setCursorPosition(position)
        self.update_withholding()

    def _income_changed(self) -> None:
        self.update_withholding()
        announce(self.withholding, self.withholding.text())

    def update_withholding(self) -> None:
        amount = parse_won(self.amount.text())
        income = IncomeType(self.income.currentData())
        if amount is None:
            text = tr("금액을 입력하면 계산합니다")
        else:
            try:
                w = compute_withholding(income, amount, self.year or 2000)
            except DomainError as error:
                text = error.message
            else:
                text = tr(
                    "지급액 {gross}, 원천징수 {withheld} (소득세 {income_tax}, 지방소득세 "
                    "{local_tax}), 실지급액 {net}"
                ).format(
                    gross=won_text(w.gross), withheld=won_text(w.withheld),
                    income_tax=won_text(w.income_tax), local_tax=won_text(w.local_tax),
                    net=won_text(w.net),
                )  # fmt: skip
        self.withholding.setText(text)
        self.withholding.setCursorPosition(0)
        self.amount.setAccessibleDescription(text)

    def evidence_list(self) -> list[str]:
        out = []
        for doc_type, check, path in self.evidence:
            if check.isChecked():
                file = path.text().strip()
                out.append(f"{doc_type}: {file}" if file else doc_type)
        return out

    # -- the body --------------------------------------------------------------------------
    def body(self) -> tuple[DocKind, DocumentIn] | None:
        """The document to submit, or None after the problem was told at its field."""
        kind = self.current_kind()
        amount = parse_won(self.amount.text())
        income = IncomeType(self.income.currentData())
        obligation = str(self.obligation.currentData() or "")
        problem: tuple[QWidget, str] | None = None
        if self.line is None:
            problem = (self.kind, tr("먼저 예산 목록에서 예산을 고르세요"))
        elif kind is DocKind.RESOLUTION and not obligation:
            problem = (self.kind, tr(
                "이 예산에는 진행 중인 지출원인행위가 없어 지출결의를 쓸 수 없습니다. "
                "품의를 올려 재무관의 지출원인행위를 받으세요."))  # fmt: skip
        elif amount is None or amount <= 0:
            problem = (self.amount, tr("금액을 원 단위 숫자로 입력하세요"))
        elif income is not IncomeType.NONE and self.payee is None:
            problem = (
                self.income,
                tr("원천징수가 있는 지급에는 채주가 필요합니다. 채주를 고르세요"),
            )
        if problem is not None:
            self.refuse(*problem)
            return None
        assert self.line is not None and amount is not None
        title = self.title_edit.text().strip()
        payee_id = self.payee.id if self.payee else None
        evidence = self.evidence_list()
        if kind is DocKind.RESOLUTION:
            body = DocumentIn(parent_id=obligation, amount=amount, title=title,
                              payee_id=payee_id, income_type=income, evidence=evidence)  # fmt: skip
        else:
            body = DocumentIn(line_id=self.line.line_id, amount=amount, title=title,
                              payee_id=payee_id, evidence=evidence)  # fmt: skip
        return kind, body

    def refuse(self, field: QWidget, message: str) -> None:
        """Tell a problem at its field: shown, in the field's description, announced."""
        self.problem.setText(message)
        field.setAccessibleDescription(message)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(field, message, assertive=True)

    def clear_after_submit(self) -> None:
        self.problem.clear()
        self.title_edit.clear()
        self.amount.clear()
        for _doc, check, path in self.evidence:
            check.setChecked(False)
            path.clear()
        self.update_withholding()
