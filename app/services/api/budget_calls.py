"""Budget calls of :class:`~app.services.api.endpoints.HojoApi`: versions (추경, 확정, 의결,
성립), 요구 per 세부사업 or 부서, and the 세출 and 세입 lines with 조정.

A stale write to a line raises :class:`StaleError` with the line re-read as ``error.current``,
so the conflict dialog has "theirs" at once.
"""

from __future__ import annotations

import uuid

from app.services.api.calls import ApiBase, body_json
from app.services.api.errors import StaleError
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


class BudgetCalls(ApiBase):
    """Budget versions, requests and lines."""

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
            json=body_json(body),
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
