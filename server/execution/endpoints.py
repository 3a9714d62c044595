"""HTTP endpoints of execution: line balances and 배정, 채주, 원천징수 (documents are in
``document_endpoints.py``, included here). Money-moving POSTs need ``Idempotency-Key``."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse

from domain.contracts.execution import (
    AllotmentIn,
    AllotmentOut,
    LineExecution,
    LineExecutionPage,
    PayeeIn,
    PayeeOut,
    PayeePage,
    WithholdingOut,
    WithholdingReportRow,
)
from domain.roles import Action
from domain.withholding import IncomeType, compute_withholding
from server.deps import AppSettings, DbSession, Principal, require
from server.execution import allocation, payees
from server.execution.document_endpoints import WRITE_ACTIONS, require_any
from server.execution.document_endpoints import router as document_router
from server.execution.idempotency import HEADER, request_hash, run_once
from server.kit.pagination import DEFAULT_LIMIT, MAX_LIMIT

router = APIRouter(prefix="/execution", tags=["execution"])

Reader = Annotated[Principal, Depends(require(Action.READ_EXECUTION))]
Allocator = Annotated[Principal, Depends(require(Action.ALLOCATE))]
Payer = Annotated[Principal, Depends(require(Action.ISSUE_PAYMENT_ORDER))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
IdemKey = Annotated[str | None, Header(alias=HEADER)]


Writer = Annotated[Principal, Depends(require_any(*WRITE_ACTIONS))]


@router.get("/lines", response_model=LineExecutionPage)
def list_lines(
    session: DbSession,
    principal: Reader,
    version_id: uuid.UUID,
    program_id: uuid.UUID | None = None,
    object_code: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> LineExecutionPage:
    """Lines of a version with 예산, 배정, 원인행위, 결의, 지급 and 배정 잔액 (원)."""
    items, nxt = allocation.list_line_execution(
        session, principal.government_code, version_id,
        program_id=program_id, object_code=object_code, limit=limit, cursor=cursor,
    )  # fmt: skip
    return LineExecutionPage(items=items, next_cursor=nxt)


@router.get("/lines/{line_id}", response_model=LineExecution)
def get_line(line_id: uuid.UUID, session: DbSession, principal: Reader) -> LineExecution:
    return allocation.line_execution(session, principal.government_code, line_id)


@router.get("/lines/{line_id}/allotments", response_model=list[AllotmentOut])
def list_allotments(
    line_id: uuid.UUID, session: DbSession, principal: Reader
) -> list[AllotmentOut]:
    allocation.line_execution(session, principal.government_code, line_id)  # 404
    return allocation.list_allotments(session, principal.government_code, line_id)


@router.post(
    "/lines/{line_id}/allotments",
    response_model=AllotmentOut,
    status_code=201,
    responses={409: {"description": "배정액이 예산을 넘거나 원인행위보다 작아짐"}},
)
def allot(
    line_id: uuid.UUID,
    body: AllotmentIn,
    request: Request,
    session: DbSession,
    principal: Allocator,
    idempotency_key: IdemKey = None,
) -> JSONResponse:
    """배정 (or 감액 with a negative amount) of a line for a quarter, by the 예산부서."""
    allocation.executable_line(session, principal.government_code, line_id)  # 404 first
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, idempotency_key, digest,
        lambda: (201, allocation.allot(session, principal, line_id, body.quarter, body.amount,
                                       body.note)),
    )  # fmt: skip


@router.post(
    "/payees",
    response_model=PayeeOut,
    status_code=201,
    responses={409: {"description": "그 id의 채주가 이미 있음"},
               422: {"description": "입력값 오류, 또는 Idempotency-Key를 다른 요청에 다시 씀"}},
)  # fmt: skip
def create_payee(
    body: PayeeIn,
    request: Request,
    session: DbSession,
    principal: Writer,
    settings: AppSettings,
    idempotency_key: IdemKey = None,
) -> JSONResponse:
    """채주 등록: 사업자등록번호 checked; 주민등록번호 encrypted, shown masked. With an
    Idempotency-Key (a client sending a queued 채주) it is made once and a retry is answered
    with the first answer; ``id`` may be chosen by the client so a queued 결의 can name it."""
    if idempotency_key is None:
        out = payees.create_payee(session, principal, body, settings.data_dir)
        return JSONResponse(out.model_dump(mode="json"), status_code=201)
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, idempotency_key, digest,
        lambda: (201, payees.create_payee(session, principal, body, settings.data_dir)),
    )  # fmt: skip


@router.get("/payees", response_model=PayeePage)
def list_payees(
    session: DbSession,
    principal: Reader,
    q: str | None = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> PayeePage:
    items, nxt = payees.list_payees(session, principal.government_code, q, limit, cursor)
    return PayeePage(items=items, next_cursor=nxt)


@router.get("/payees/{payee_id}", response_model=PayeeOut)
def get_payee(payee_id: uuid.UUID, session: DbSession, principal: Reader) -> PayeeOut:
    return payees.get_payee(session, principal.government_code, payee_id)


@router.get("/withholding", response_model=WithholdingOut)
def preview_withholding(
    principal: Reader,
    income_type: IncomeType,
    amount: Annotated[int, Query(ge=0, le=10**15)],
    year: Annotated[int, Query(ge=2000, le=2100)],
) -> WithholdingOut:
    """원천징수 computed as the server will store it (for the client's form)."""
    w = compute_withholding(income_type, amount, year)
    return WithholdingOut(
        income_type=w.income_type, gross=w.gross, taxable_income=w.taxable_income,
        income_tax=w.income_tax, local_tax=w.local_tax, withheld=w.withheld, net=w.net,
    )  # fmt: skip


@router.get("/withholding-report", response_model=list[WithholdingReportRow])
def withholding_report(
    session: DbSession,
    principal: Payer,
    settings: AppSettings,
    year: Annotated[int, Query(ge=2000, le=2100)],
) -> list[WithholdingReportRow]:
    """원천징수 이행상황 자료: per payee, with the 주민등록번호 decrypted (지출원 only)."""
    return payees.withholding_report(session, principal.government_code, year, settings.data_dir)


router.include_router(document_router)
