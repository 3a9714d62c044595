"""HTTP endpoints of the structure area (thin: parse, check role, call the service)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from domain.contracts.structure import (
    AccountCreate,
    AccountOut,
    CodeOut,
    DepartmentCreate,
    DepartmentOut,
    DepartmentUpdate,
    FundingSourceCreate,
    FundingSourceOut,
    GovernmentOut,
    ProgramCreate,
    ProgramLevel,
    ProgramOut,
    ProgramPage,
    ProgramPurposeUpdate,
    ProgramUpdate,
)
from domain.roles import Action
from server.deps import CurrentPrincipal, DbSession, Principal, require
from server.kit.errors import forbidden
from server.kit.etag import check_version, set_etag
from server.kit.pagination import DEFAULT_LIMIT, MAX_LIMIT
from server.structure import codes, programs, purpose, service

router = APIRouter(tags=["structure"])

Reader = Annotated[Principal, Depends(require(Action.READ_BUDGET))]
CodeManager = Annotated[Principal, Depends(require(Action.MANAGE_CODES))]
Editor = Annotated[Principal, Depends(require(Action.EDIT_BUDGET_DRAFT))]


def _purpose_writer(principal: CurrentPrincipal) -> Principal:
    if not purpose.may_write_purpose(principal):
        raise forbidden("이 작업(사업목적 작성)을 할 권한이 없습니다.")
    return principal


PurposeWriter = Annotated[Principal, Depends(_purpose_writer)]


def _dept_out(d: object) -> DepartmentOut:
    return DepartmentOut.model_validate(d, from_attributes=True)


# -- 지방자치단체 ---------------------------------------------------------------------------
@router.get("/government", response_model=GovernmentOut, summary="로그인한 사용자의 지방자치단체")
def get_government(session: DbSession, principal: CurrentPrincipal) -> GovernmentOut:
    """Any signed-in user (self-service like /auth/me): the government of the token."""
    gov = service.get_government(session, principal.government_code)
    return GovernmentOut(code=gov.code, name=gov.name)


# -- 부서 ------------------------------------------------------------------------------------
@router.get("/departments", response_model=list[DepartmentOut])
def list_departments(session: DbSession, principal: Reader) -> list[DepartmentOut]:
    return [_dept_out(d) for d in service.list_departments(session, principal.government_code)]


@router.get("/departments/{dept_id}", response_model=DepartmentOut)
def get_department(
    dept_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> DepartmentOut:
    dept = service.get_department(session, principal.government_code, dept_id)
    set_etag(response, dept.version)
    return _dept_out(dept)


@router.post("/departments", response_model=DepartmentOut, status_code=201)
def create_department(
    body: DepartmentCreate, response: Response, session: DbSession, principal: CodeManager
) -> DepartmentOut:
    dept = service.create_department(session, principal, body)
    set_etag(response, dept.version)
    return _dept_out(dept)


@router.patch("/departments/{dept_id}", response_model=DepartmentOut)
def update_department(
    dept_id: uuid.UUID,
    body: DepartmentUpdate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: CodeManager,
) -> DepartmentOut:
    dept = service.get_department(session, principal.government_code, dept_id, lock=True)
    check_version(request, dept.version, "부서")
    dept = service.update_department(session, principal, dept, body)
    set_etag(response, dept.version)
    return _dept_out(dept)


# -- 회계 / 재원 -------------------------------------------------------------------------------
@router.get("/accounts", response_model=list[AccountOut])
def list_accounts(
    session: DbSession, principal: Reader, year: int | None = None
) -> list[AccountOut]:
    rows = service.list_accounts(session, principal.government_code, year)
    return [AccountOut.model_validate(a, from_attributes=True) for a in rows]


@router.post("/accounts", response_model=AccountOut, status_code=201)
def create_account(body: AccountCreate, session: DbSession, principal: CodeManager) -> AccountOut:
    acc = service.create_account(session, principal, body)
    return AccountOut.model_validate(acc, from_attributes=True)


@router.get("/funding-sources", response_model=list[FundingSourceOut])
def list_funding_sources(
    session: DbSession, principal: Reader, year: int | None = None
) -> list[FundingSourceOut]:
    rows = service.list_funding_sources(session, principal.government_code, year)
    return [FundingSourceOut.model_validate(s, from_attributes=True) for s in rows]


@router.post("/funding-sources", response_model=FundingSourceOut, status_code=201)
def create_funding_source(
    body: FundingSourceCreate, session: DbSession, principal: CodeManager
) -> FundingSourceOut:
    src = service.create_funding_source(session, principal, body)
    return FundingSourceOut.model_validate(src, from_attributes=True)


# -- 사업 ------------------------------------------------------------------------------------
def _program_out(p: object) -> ProgramOut:
    return ProgramOut.model_validate(p, from_attributes=True)


@router.get("/programs", response_model=ProgramPage)
def list_programs(
    session: DbSession,
    principal: Reader,
    year: int | None = None,
    level: ProgramLevel | None = None,
    department_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> ProgramPage:
    rows, next_cursor = programs.list_programs(
        session,
        principal.government_code,
        year=year,
        level=level,
        department_id=department_id,
        parent_id=parent_id,
        q=q,
        limit=limit,
        cursor=cursor,
    )
    return ProgramPage(items=[_program_out(p) for p in rows], next_cursor=next_cursor)


@router.get("/programs/{program_id}", response_model=ProgramOut)
def get_program(
    program_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> ProgramOut:
    program = programs.get_program(session, principal.government_code, program_id)
    set_etag(response, program.version)
    return _program_out(program)


@router.post("/programs", response_model=ProgramOut, status_code=201)
def create_program(
    body: ProgramCreate, response: Response, session: DbSession, principal: CodeManager
) -> ProgramOut:
    program = programs.create_program(session, principal, body)
    set_etag(response, program.version)
    return _program_out(program)


@router.patch("/programs/{program_id}", response_model=ProgramOut)
def update_program(
    program_id: uuid.UUID,
    body: ProgramUpdate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: CodeManager,
) -> ProgramOut:
    program = programs.get_program(session, principal.government_code, program_id, lock=True)
    check_version(request, program.version, "사업")
    program = programs.update_program(session, principal, program, body)
    set_etag(response, program.version)
    return _program_out(program)


@router.put(
    "/programs/{program_id}/purpose", response_model=ProgramOut, summary="세부사업의 사업목적"
)
def set_program_purpose(
    program_id: uuid.UUID,
    body: ProgramPurposeUpdate,
    request: Request,
    response: Response,
    session: DbSession,
    principal: PurposeWriter,
) -> ProgramOut:
    """The 부서's staff while the request is 작성중 in ``version_id``; 예산부서 at any time."""
    program = programs.get_program(session, principal.government_code, program_id, lock=True)
    check_version(request, program.version, "사업")
    program = purpose.set_purpose(session, principal, program, body)
    set_etag(response, program.version)
    return _program_out(program)


# -- 공통 코드 --------------------------------------------------------------------------------
@router.get("/codes/{year}/{which}", response_model=list[CodeOut])
def list_codes(
    year: int,
    which: Literal["objects", "functions", "revenue-items"],
    session: DbSession,
    principal: Reader,
) -> list[CodeOut]:
    return codes.list_codes(session, principal.government_code, year, which)
