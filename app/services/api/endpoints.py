"""Typed calls of the server API the client needs, returning the shared ``domain.contracts``.

Writes to mutable resources take the ``version`` the caller started from and send it as
``If-Match``. A stale write raises :class:`StaleError`; for lines this module re-reads the
line and attaches it as ``error.current`` so the conflict dialog has "theirs" at once.
Lists follow the cursor to the end (the server pages by ``limit``/``cursor``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from app.services.api.errors import StaleError
from app.services.api.session import Session
from domain.contracts.audit import ChangeFeed, HistoryEvent, HistoryPage
from domain.contracts.auth import SessionUser
from domain.contracts.budget import (
    AdjustRequest,
    AdoptRequest,
    ExpenditureLineCreate,
    ExpenditureLineOut,
    ExpenditureLinePage,
    ExpenditureLineUpdate,
    RequestStateOut,
    RevenueLineCreate,
    RevenueLineOut,
    RevenueLinePage,
    RevenueLineUpdate,
    SubmitDepartmentRequest,
    VersionCreate,
    VersionDetail,
    VersionOut,
)
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
from domain.contracts.structure import (
    AccountOut,
    CodeOut,
    DepartmentOut,
    FundingSourceOut,
    GovernmentOut,
    ProgramOut,
    ProgramPage,
    ProgramPurposeUpdate,
)
from domain.contracts.users import (
    PasswordResetRequest,
    UserCreate,
    UserOut,
    UserPage,
    UserUpdate,
)

M = TypeVar("M", bound=BaseModel)
PAGE_LIMIT = 500


def _body(model: BaseModel) -> Any:
    return model.model_dump(mode="json", exclude_unset=True)


class HojoApi:
    """The server's REST API through one signed-in :class:`Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- helpers -------------------------------------------------------------------------------
    def _get(self, model: type[M], path: str, **params: Any) -> M:
        return model.model_validate(self.session.request("GET", path, params=params).json())

    def _list(self, model: type[M], path: str, **params: Any) -> list[M]:
        raw = self.session.request("GET", path, params=params).json()
        return [model.model_validate(item) for item in raw]

    def _send(
        self,
        model: type[M],
        method: str,
        path: str,
        body: BaseModel | None = None,
        *,
        if_match: int | None = None,
        idempotency_key: uuid.UUID | None = None,
    ) -> M:
        response = self.session.request(
            method,
            path,
            json=_body(body) if body is not None else None,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
        return model.model_validate(response.json())

    def _pages(self, page: type[M], path: str, **params: Any) -> Iterator[M]:
        cursor: str | None = None
        while True:
            result = self._get(page, path, limit=PAGE_LIMIT, cursor=cursor, **params)
            yield result
            cursor = getattr(result, "next_cursor", None)
            if not cursor:
                return

    # --- who am I ------------------------------------------------------------------------------
    def me(self) -> SessionUser:
        return self._get(SessionUser, "/auth/me")

    def change_password(self, current_password: str, new_password: str) -> SessionUser:
        return self.session.change_password(current_password, new_password)

    def government(self) -> GovernmentOut:
        """The signed-in user's government (code and name; from the token on the server)."""
        return self._get(GovernmentOut, "/government")

    # --- structure -----------------------------------------------------------------------------
    def departments(self) -> list[DepartmentOut]:
        return self._list(DepartmentOut, "/departments")

    def accounts(self, year: int) -> list[AccountOut]:
        """회계 of a fiscal year (numbering is local to the government)."""
        return self._list(AccountOut, "/accounts", year=year)

    def funding_sources(self, year: int) -> list[FundingSourceOut]:
        """재원 of a fiscal year, in the government's order."""
        found = self._list(FundingSourceOut, "/funding-sources", year=year)
        return sorted(found, key=lambda f: (f.position, f.code))

    def codes(self, year: int, which: str) -> list[CodeOut]:
        """A shared code list with this government's additions: objects|functions|revenue-items."""
        return self._list(CodeOut, f"/codes/{year}/{which}")

    def programs(
        self,
        year: int | None = None,
        *,
        level: str | None = None,
        department_id: uuid.UUID | None = None,
        parent_id: uuid.UUID | None = None,
        q: str | None = None,
    ) -> list[ProgramOut]:
        params = {
            "year": year,
            "level": level,
            "department_id": department_id,
            "parent_id": parent_id,
            "q": q,
        }
        return [p for page in self._pages(ProgramPage, "/programs", **params) for p in page.items]

    def program(self, program_id: uuid.UUID) -> ProgramOut:
        return self._get(ProgramOut, f"/programs/{program_id}")

    def set_program_purpose(
        self, program_id: uuid.UUID, body: ProgramPurposeUpdate, version: int
    ) -> ProgramOut:
        """사업목적 of a 세부사업 (``body.version_id``: the version the 부서 is writing)."""
        path = f"/programs/{program_id}/purpose"
        return self._send(ProgramOut, "PUT", path, body, if_match=version)

    # --- budget versions -----------------------------------------------------------------------
    def versions(self, year: int | None = None) -> list[VersionOut]:
        return self._list(VersionOut, "/budget-versions", year=year)

    def version(self, version_id: uuid.UUID) -> VersionDetail:
        return self._get(VersionDetail, f"/budget-versions/{version_id}")

    def create_version(self, body: VersionCreate) -> VersionOut:
        return self._send(VersionOut, "POST", "/budget-versions", body)

    def create_supplementary(self, version_id: uuid.UUID) -> VersionOut:
        """제N회 추경 from an 성립 version."""
        return self._send(VersionOut, "POST", f"/budget-versions/{version_id}/supplementary")

    def create_next_year(self, version_id: uuid.UUID) -> VersionOut:
        return self._send(VersionOut, "POST", f"/budget-versions/{version_id}/next-year")

    def confirm(self, version_id: uuid.UUID, version: int) -> VersionDetail:
        """확정 (every 회계 must balance)."""
        path = f"/budget-versions/{version_id}/confirm"
        return self._send(VersionDetail, "POST", path, if_match=version)

    def adopt(self, version_id: uuid.UUID, version: int, body: AdoptRequest) -> VersionDetail:
        """의결: the council's cuts."""
        path = f"/budget-versions/{version_id}/adopt"
        return self._send(VersionDetail, "POST", path, body, if_match=version)

    def establish(self, version_id: uuid.UUID, version: int) -> VersionDetail:
        """성립."""
        path = f"/budget-versions/{version_id}/establish"
        return self._send(VersionDetail, "POST", path, if_match=version)

    # --- 요구 (per 세부사업) ---------------------------------------------------------------------
    def request_state(self, version_id: uuid.UUID, program_id: uuid.UUID) -> RequestStateOut:
        return self._get(RequestStateOut, f"/budget-versions/{version_id}/requests/{program_id}")

    def submit(self, version_id: uuid.UUID, program_id: uuid.UUID, version: int) -> RequestStateOut:
        """요구: submit one 세부사업 (``version`` is its request state's)."""
        path = f"/budget-versions/{version_id}/requests/{program_id}/submit"
        return self._send(RequestStateOut, "POST", path, if_match=version)

    def return_request(
        self, version_id: uuid.UUID, program_id: uuid.UUID, version: int
    ) -> RequestStateOut:
        """반려 by the budget office."""
        path = f"/budget-versions/{version_id}/requests/{program_id}/return"
        return self._send(RequestStateOut, "POST", path, if_match=version)

    def submit_department(
        self, version_id: uuid.UUID, department_id: uuid.UUID, budget_version: int
    ) -> list[RequestStateOut]:
        """요구 of a whole 부서 (``budget_version`` is the budget version's ETag)."""
        body = SubmitDepartmentRequest(department_id=department_id)
        response = self.session.request(
            "POST",
            f"/budget-versions/{version_id}/requests/submit-department",
            json=_body(body),
            if_match=budget_version,
        )
        return [RequestStateOut.model_validate(item) for item in response.json()]

    # --- 세출 lines ------------------------------------------------------------------------------
    def expenditure_lines(
        self,
        version_id: uuid.UUID,
        *,
        program_id: uuid.UUID | None = None,
        department_id: uuid.UUID | None = None,
        with_basis: bool = False,
    ) -> list[ExpenditureLineOut]:
        params = {
            "program_id": program_id,
            "department_id": department_id,
            "include": "basis" if with_basis else None,
        }
        path = f"/budget-versions/{version_id}/expenditure-lines"
        return [i for page in self._pages(ExpenditureLinePage, path, **params) for i in page.items]

    def expenditure_line(self, line_id: uuid.UUID) -> ExpenditureLineOut:
        return self._get(ExpenditureLineOut, f"/expenditure-lines/{line_id}")

    def create_expenditure_line(
        self,
        version_id: uuid.UUID,
        body: ExpenditureLineCreate,
        idempotency_key: uuid.UUID | None = None,
    ) -> ExpenditureLineOut:
        path = f"/budget-versions/{version_id}/expenditure-lines"
        return self._send(ExpenditureLineOut, "POST", path, body, idempotency_key=idempotency_key)

    def update_expenditure_line(
        self, line_id: uuid.UUID, body: ExpenditureLineUpdate, version: int
    ) -> ExpenditureLineOut:
        """Replace 산출근거 and 재원; StaleError (with ``current``) when someone was first."""
        path = f"/expenditure-lines/{line_id}"
        try:
            return self._send(ExpenditureLineOut, "PUT", path, body, if_match=version)
        except StaleError as error:
            error.current = self.expenditure_line(line_id)
            raise

    def delete_expenditure_line(self, line_id: uuid.UUID, version: int) -> None:
        self.session.request("DELETE", f"/expenditure-lines/{line_id}", if_match=version)

    def adjust_expenditure_line(
        self, line_id: uuid.UUID, body: AdjustRequest, version: int
    ) -> ExpenditureLineOut:
        """조정 by the budget office."""
        path = f"/expenditure-lines/{line_id}/adjust"
        try:
            return self._send(ExpenditureLineOut, "POST", path, body, if_match=version)
        except StaleError as error:
            error.current = self.expenditure_line(line_id)
            raise

    # --- 세입 lines ------------------------------------------------------------------------------
    def revenue_lines(
        self,
        version_id: uuid.UUID,
        *,
        department_id: uuid.UUID | None = None,
        with_basis: bool = False,
    ) -> list[RevenueLineOut]:
        params = {"department_id": department_id, "include": "basis" if with_basis else None}
        path = f"/budget-versions/{version_id}/revenue-lines"
        return [i for page in self._pages(RevenueLinePage, path, **params) for i in page.items]

    def revenue_line(self, line_id: uuid.UUID) -> RevenueLineOut:
        return self._get(RevenueLineOut, f"/revenue-lines/{line_id}")

    def create_revenue_line(
        self,
        version_id: uuid.UUID,
        body: RevenueLineCreate,
        idempotency_key: uuid.UUID | None = None,
    ) -> RevenueLineOut:
        path = f"/budget-versions/{version_id}/revenue-lines"
        return self._send(RevenueLineOut, "POST", path, body, idempotency_key=idempotency_key)

    def update_revenue_line(
        self, line_id: uuid.UUID, body: RevenueLineUpdate, version: int
    ) -> RevenueLineOut:
        path = f"/revenue-lines/{line_id}"
        try:
            return self._send(RevenueLineOut, "PUT", path, body, if_match=version)
        except StaleError as error:
            error.current = self.revenue_line(line_id)
            raise

    def delete_revenue_line(self, line_id: uuid.UUID, version: int) -> None:
        self.session.request("DELETE", f"/revenue-lines/{line_id}", if_match=version)

    def adjust_revenue_line(
        self, line_id: uuid.UUID, body: AdjustRequest, version: int
    ) -> RevenueLineOut:
        path = f"/revenue-lines/{line_id}/adjust"
        try:
            return self._send(RevenueLineOut, "POST", path, body, if_match=version)
        except StaleError as error:
            error.current = self.revenue_line(line_id)
            raise

    # --- history and change feed ---------------------------------------------------------------
    def history(self, entity_type: str, entity_id: uuid.UUID | str) -> list[HistoryEvent]:
        """Who changed what and when (newest first), e.g. ``("expenditure_line", id)``."""
        path = f"/history/{entity_type}/{entity_id}"
        return [e for page in self._pages(HistoryPage, path) for e in page.items]

    def changes(self, since: int = 0, limit: int = 1000) -> ChangeFeed:
        """What changed after cursor ``since``; pass ``next_cursor`` back next time."""
        return self._get(ChangeFeed, "/changes", since=since, limit=limit)

    # --- users (admin) -------------------------------------------------------------------------
    def users(self, q: str | None = None) -> list[UserOut]:
        return [u for page in self._pages(UserPage, "/users", q=q) for u in page.items]

    def user(self, user_id: uuid.UUID) -> UserOut:
        return self._get(UserOut, f"/users/{user_id}")

    def create_user(self, body: UserCreate) -> UserOut:
        return self._send(UserOut, "POST", "/users", body)

    def update_user(self, user_id: uuid.UUID, body: UserUpdate, version: int) -> UserOut:
        return self._send(UserOut, "PATCH", f"/users/{user_id}", body, if_match=version)

    def reset_password(self, user_id: uuid.UUID, new_password: str, version: int) -> UserOut:
        body = PasswordResetRequest(new_password=new_password)
        path = f"/users/{user_id}/reset-password"
        return self._send(UserOut, "POST", path, body, if_match=version)

    def unlock_user(self, user_id: uuid.UUID) -> UserOut:
        return self._send(UserOut, "POST", f"/users/{user_id}/unlock")

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
