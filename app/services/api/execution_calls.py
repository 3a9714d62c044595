"""집행 calls of :class:`~app.services.api.endpoints.HojoApi`: lines with 배정 and 잔액, 배정,
채주, documents (품의, 원인행위, 결의, 지급명령, 지급), 반려·취소 and the 원천징수 자료.
"""

from __future__ import annotations

import uuid

from app.services.api.calls import ApiBase
from domain.contracts.execution import (
    AllotmentIn,
    AllotmentOut,
    CloseIn,
    DirectResolutionIn,
    DirectResolutionOut,
    DocumentIn,
    DocumentOut,
    DocumentPage,
    LineExecution,
    LineExecutionPage,
    PayeeIn,
    PayeeOut,
    PayeePage,
    PaymentIn,
    WithholdingReportRow,
)


class ExecutionCalls(ApiBase):
    """집행 (execution)."""

    # --- execution (집행) ------------------------------------------------------------------------
    # Money-moving POSTs take the caller's Idempotency-Key (the outbox item's, stored before
    # the first send); a retry with the same key gets the first answer.
    def execution_lines(
        self,
        version_id: uuid.UUID,
        *,
        program_id: uuid.UUID | None = None,
        object_code: str | None = None,
    ) -> list[LineExecution]:
        """Lines of a 성립 version with 예산, 배정, 원인행위, 결의, 지급 and 배정 잔액 (원)."""
        params = {"version_id": version_id, "program_id": program_id, "object_code": object_code}
        pages = self._pages(LineExecutionPage, "/execution/lines", **params)
        return [i for page in pages for i in page.items]

    def execution_line(self, line_id: uuid.UUID) -> LineExecution:
        return self._get(LineExecution, f"/execution/lines/{line_id}")

    def allot(
        self, line_id: uuid.UUID, body: AllotmentIn, idempotency_key: uuid.UUID
    ) -> AllotmentOut:
        """배정 of a line for a quarter (예산부서)."""
        path = f"/execution/lines/{line_id}/allotments"
        return self._send(AllotmentOut, "POST", path, body, idempotency_key=idempotency_key)

    def payees(self, q: str | None = None) -> list[PayeeOut]:
        return [p for page in self._pages(PayeePage, "/execution/payees", q=q) for p in page.items]

    def payee(self, payee_id: uuid.UUID) -> PayeeOut:
        return self._get(PayeeOut, f"/execution/payees/{payee_id}")

    def create_payee(self, body: PayeeIn) -> PayeeOut:
        """채주 등록 (사업자등록번호 checked; account and 주민등록번호 come back masked)."""
        return self._send(PayeeOut, "POST", "/execution/payees", body)

    def documents(
        self,
        *,
        kind: str | None = None,
        state: str | None = None,
        line_id: uuid.UUID | None = None,
        mine: bool = False,
    ) -> list[DocumentOut]:
        """Execution documents, newest first (``mine``: written by me)."""
        params = {"kind": kind, "state": state, "line_id": line_id, "mine": mine or None}
        pages = self._pages(DocumentPage, "/execution/documents", **params)
        return [d for page in pages for d in page.items]

    def document(self, document_id: uuid.UUID) -> DocumentOut:
        return self._get(DocumentOut, f"/execution/documents/{document_id}")

    def create_document(
        self, path: str, body: DocumentIn, idempotency_key: uuid.UUID
    ) -> DocumentOut:
        """품의 (``/execution/requests``), 원인행위, 결의, 일상경비 교부: one POST."""
        return self._send(DocumentOut, "POST", path, body, idempotency_key=idempotency_key)

    def create_direct_resolution(
        self, body: DirectResolutionIn, idempotency_key: uuid.UUID
    ) -> DirectResolutionOut:
        path = "/execution/resolutions/with-obligation"
        return self._send(DirectResolutionOut, "POST", path, body, idempotency_key=idempotency_key)

    def create_payment_order(self, body: PaymentIn, idempotency_key: uuid.UUID) -> DocumentOut:
        """지급명령 (지출원) of a whole 결의; refused (403) to the 결의's writer."""
        path = "/execution/payment-orders"
        return self._send(DocumentOut, "POST", path, body, idempotency_key=idempotency_key)

    def create_payment(self, body: PaymentIn, idempotency_key: uuid.UUID) -> DocumentOut:
        """지급 (지출원 records the 금고 transfer) of a whole 지급명령."""
        path = "/execution/payments"
        return self._send(DocumentOut, "POST", path, body, idempotency_key=idempotency_key)

    def close_document(
        self, document_id: uuid.UUID, to: str, body: CloseIn, idempotency_key: uuid.UUID
    ) -> DocumentOut:
        """반려 (``to="return"``) or 취소 (``to="cancel"``) with its reason; releases once."""
        path = f"/execution/documents/{document_id}/{to}"
        return self._send(DocumentOut, "POST", path, body, idempotency_key=idempotency_key)

    def withholding_report(self, year: int) -> list[WithholdingReportRow]:
        """원천징수 자료 with the 주민등록번호 decrypted (지출원 only)."""
        return self._list(WithholdingReportRow, "/execution/withholding-report", year=year)
