"""HTTP endpoints of 세출/세입 lines and line adjustment (included by ``endpoints.py``)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from domain.contracts.budget import (
    AdjustRequest,
    ExpenditureLineCreate,
    ExpenditureLineOut,
    ExpenditureLinePage,
    ExpenditureLineUpdate,
    RevenueLineCreate,
    RevenueLineOut,
    RevenueLinePage,
    RevenueLineUpdate,
)
from domain.roles import Action
from server.budget import lines, revenue, workflow
from server.budget.common import get_expenditure_line, get_revenue_line, get_version
from server.deps import DbSession, Principal, require
from server.kit.etag import check_version, set_etag
from server.kit.pagination import DEFAULT_LIMIT

router = APIRouter()

Reader = Annotated[Principal, Depends(require(Action.READ_BUDGET))]
Editor = Annotated[Principal, Depends(require(Action.EDIT_BUDGET_DRAFT))]
Adjuster = Annotated[Principal, Depends(require(Action.ADJUST))]
Limit = Annotated[int, Query(ge=1, le=lines.MAX_LINES_PAGE)]
Include = Annotated[Literal["basis"] | None, Query()]


# -- 세출 ------------------------------------------------------------------------------------
@router.get("/budget-versions/{version_id}/expenditure-lines", response_model=ExpenditureLinePage)
def list_expenditure_lines(
    version_id: uuid.UUID,
    session: DbSession,
    principal: Reader,
    program_id: uuid.UUID | None = None,
    department_id: uuid.UUID | None = None,
    account: str | None = None,
    include: Include = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> ExpenditureLinePage:
    version = get_version(session, principal.government_code, version_id)
    items, next_cursor = lines.list_lines(
        session,
        principal.government_code,
        version,
        program_id=program_id,
        department_id=department_id,
        account=account,
        include_basis=include == "basis",
        limit=limit,
        cursor=cursor,
    )
    return ExpenditureLinePage(items=items, next_cursor=next_cursor)


@router.get("/expenditure-lines/{line_id}", response_model=ExpenditureLineOut)
def get_expenditure_line_detail(
    line_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> ExpenditureLineOut:
    line = get_expenditure_line(session, principal.government_code, line_id)
    set_etag(response, line.version)
    return lines.read_line(session, line)


@router.post(
    "/budget-versions/{version_id}/expenditure-lines",
    response_model=ExpenditureLineOut,
    status_code=201,
)
def create_expenditure_line(
    version_id: uuid.UUID,
    body: ExpenditureLineCreate,
    response: Response,
    session: DbSession,
    principal: Editor,
) -> ExpenditureLineOut:
    version = get_version(session, principal.government_code, version_id, lock=True)
    line = lines.create_line(session, principal, version, body)
    set_etag(response, line.version)
    return lines.read_line(session, line)


@router.put("/expenditure-lines/{line_id}", response_model=ExpenditureLineOut)
def replace_expenditure_line(
    line_id: uuid.UUID,
    body: ExpenditureLineUpdate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Editor,
) -> ExpenditureLineOut:
    gov = principal.government_code
    line = get_expenditure_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세출 예산")
    version = get_version(session, gov, line.version_id)
    line = lines.update_line(session, principal, version, line, body)
    set_etag(response, line.version)
    return lines.read_line(session, line)


@router.delete("/expenditure-lines/{line_id}", status_code=204)
def delete_expenditure_line(
    line_id: uuid.UUID, request: Request, session: DbSession, principal: Editor
) -> Response:
    gov = principal.government_code
    line = get_expenditure_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세출 예산")
    version = get_version(session, gov, line.version_id)
    lines.delete_line(session, principal, version, line)
    return Response(status_code=204)


@router.post("/expenditure-lines/{line_id}/adjust", response_model=ExpenditureLineOut)
def adjust_expenditure_line(
    line_id: uuid.UUID,
    body: AdjustRequest,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Adjuster,
) -> ExpenditureLineOut:
    gov = principal.government_code
    line = get_expenditure_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세출 예산")
    version = get_version(session, gov, line.version_id)
    line = workflow.adjust_line(session, principal, version, line, body)
    set_etag(response, line.version)
    return lines.read_line(session, line)


# -- 세입 ------------------------------------------------------------------------------------
@router.get("/budget-versions/{version_id}/revenue-lines", response_model=RevenueLinePage)
def list_revenue_lines(
    version_id: uuid.UUID,
    session: DbSession,
    principal: Reader,
    department_id: uuid.UUID | None = None,
    account: str | None = None,
    include: Include = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> RevenueLinePage:
    version = get_version(session, principal.government_code, version_id)
    items, next_cursor = revenue.list_revenue(
        session,
        principal.government_code,
        version,
        department_id=department_id,
        account=account,
        include_basis=include == "basis",
        limit=limit,
        cursor=cursor,
    )
    return RevenueLinePage(items=items, next_cursor=next_cursor)


@router.get("/revenue-lines/{line_id}", response_model=RevenueLineOut)
def get_revenue_line_detail(
    line_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> RevenueLineOut:
    line = get_revenue_line(session, principal.government_code, line_id)
    set_etag(response, line.version)
    return revenue.read_revenue(session, line)


@router.post(
    "/budget-versions/{version_id}/revenue-lines", response_model=RevenueLineOut, status_code=201
)
def create_revenue_line(
    version_id: uuid.UUID,
    body: RevenueLineCreate,
    response: Response,
    session: DbSession,
    principal: Editor,
) -> RevenueLineOut:
    version = get_version(session, principal.government_code, version_id, lock=True)
    line = revenue.create_revenue(session, principal, version, body)
    set_etag(response, line.version)
    return revenue.read_revenue(session, line)


@router.put("/revenue-lines/{line_id}", response_model=RevenueLineOut)
def replace_revenue_line(
    line_id: uuid.UUID,
    body: RevenueLineUpdate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Editor,
) -> RevenueLineOut:
    gov = principal.government_code
    line = get_revenue_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세입 예산")
    version = get_version(session, gov, line.version_id)
    line = revenue.update_revenue(session, principal, version, line, body)
    set_etag(response, line.version)
    return revenue.read_revenue(session, line)


@router.delete("/revenue-lines/{line_id}", status_code=204)
def delete_revenue_line(
    line_id: uuid.UUID, request: Request, session: DbSession, principal: Editor
) -> Response:
    gov = principal.government_code
    line = get_revenue_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세입 예산")
    version = get_version(session, gov, line.version_id)
    revenue.delete_revenue(session, principal, version, line)
    return Response(status_code=204)


@router.post("/revenue-lines/{line_id}/adjust", response_model=RevenueLineOut)
def adjust_revenue_line(
    line_id: uuid.UUID,
    body: AdjustRequest,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Adjuster,
) -> RevenueLineOut:
    gov = principal.government_code
    line = get_revenue_line(session, gov, line_id, lock=True)
    check_version(request, line.version, "세입 예산")
    version = get_version(session, gov, line.version_id)
    line = workflow.adjust_revenue_line(session, principal, version, line, body)
    set_etag(response, line.version)
    return revenue.read_revenue(session, line)
