"""HTTP endpoints of budget versions and workflow (thin: parse, check role, call the service).

Line endpoints live in ``line_endpoints.py`` and are included here.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from domain.contracts.budget import (
    AdoptRequest,
    RequestStateOut,
    SubmitDepartmentRequest,
    VersionCreate,
    VersionDetail,
    VersionOut,
)
from domain.roles import Action
from server.budget import adoption, versions, workflow
from server.budget.common import get_request_state, get_version
from server.budget.line_endpoints import router as line_router
from server.deps import DbSession, Principal, require
from server.kit.errors import not_found
from server.kit.etag import check_version, set_etag

router = APIRouter(tags=["budget"])
router.include_router(line_router)


Reader = Annotated[Principal, Depends(require(Action.READ_BUDGET))]
Creator = Annotated[Principal, Depends(require(Action.CREATE_SUPPLEMENTARY))]


@router.get("/budget-versions", response_model=list[VersionOut])
def list_versions(
    session: DbSession, principal: Reader, year: int | None = None
) -> list[VersionOut]:
    rows = versions.list_versions(session, principal.government_code, year)
    return [versions.version_out(v) for v in rows]


@router.get("/budget-versions/{version_id}", response_model=VersionDetail)
def get_version_detail(
    version_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> VersionDetail:
    version = get_version(session, principal.government_code, version_id)
    set_etag(response, version.version)
    return versions.version_detail(session, version)


@router.post("/budget-versions", response_model=VersionOut, status_code=201)
def create_version(
    body: VersionCreate, response: Response, session: DbSession, principal: Creator
) -> VersionOut:
    version = versions.create_version(session, principal, body)
    set_etag(response, version.version)
    return versions.version_out(version)


@router.post(
    "/budget-versions/{version_id}/supplementary", response_model=VersionOut, status_code=201
)
def create_supplementary(
    version_id: uuid.UUID, response: Response, session: DbSession, principal: Creator
) -> VersionOut:
    source = get_version(session, principal.government_code, version_id, lock=True)
    version = versions.create_supplementary(session, principal, source)
    set_etag(response, version.version)
    return versions.version_out(version)


@router.post("/budget-versions/{version_id}/next-year", response_model=VersionOut, status_code=201)
def create_next_year(
    version_id: uuid.UUID, response: Response, session: DbSession, principal: Creator
) -> VersionOut:
    source = get_version(session, principal.government_code, version_id)
    version = versions.create_next_year(session, principal, source)
    set_etag(response, version.version)
    return versions.version_out(version)


# -- request states (per 세부사업) -----------------------------------------------------------
def _request_out(
    session: DbSession, version_id: uuid.UUID, program_id: uuid.UUID, gov: str
) -> RequestStateOut:
    version = get_version(session, gov, version_id)
    for r in versions.request_states(session, version):
        if r.program_id == program_id:
            return r
    raise not_found("세부사업 요구 상태")


@router.get("/budget-versions/{version_id}/requests/{program_id}", response_model=RequestStateOut)
def get_request(
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    response: Response,
    session: DbSession,
    principal: Reader,
) -> RequestStateOut:
    out = _request_out(session, version_id, program_id, principal.government_code)
    set_etag(response, out.version)
    return out


def _request_move(
    action: str,
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Principal,
) -> RequestStateOut:
    gov = principal.government_code
    version = get_version(session, gov, version_id, lock=True)
    rs = get_request_state(session, gov, version.id, program_id, lock=True)
    check_version(request, rs.version, "세부사업 요구 상태")
    if action == "submit":
        workflow.submit(session, principal, version, rs)
    else:
        workflow.return_request(session, principal, version, rs)
    out = _request_out(session, version_id, program_id, gov)
    set_etag(response, out.version)
    return out


@router.post(
    "/budget-versions/{version_id}/requests/{program_id}/submit", response_model=RequestStateOut
)
def submit_request(
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.SUBMIT_REQUEST))],
) -> RequestStateOut:
    return _request_move("submit", version_id, program_id, request, response, session, principal)


@router.post(
    "/budget-versions/{version_id}/requests/{program_id}/return", response_model=RequestStateOut
)
def return_request(
    version_id: uuid.UUID,
    program_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.RETURN_REQUEST))],
) -> RequestStateOut:
    return _request_move("return", version_id, program_id, request, response, session, principal)


@router.post(
    "/budget-versions/{version_id}/requests/submit-department",
    response_model=list[RequestStateOut],
)
def submit_department(
    version_id: uuid.UUID,
    body: SubmitDepartmentRequest,
    request: Request,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.SUBMIT_REQUEST))],
) -> list[RequestStateOut]:
    """If-Match: the budget version's ETag."""
    version = get_version(session, principal.government_code, version_id, lock=True)
    check_version(request, version.version, "예산 버전")
    moved = workflow.submit_department(session, principal, version, body.department_id)
    ids = {rs.program_id for rs in moved}
    return [r for r in versions.request_states(session, version) if r.program_id in ids]


# -- version transitions ---------------------------------------------------------------------
def _version_move(
    version_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Principal,
    what: str,
    body: AdoptRequest | None = None,
) -> VersionDetail:
    version = get_version(session, principal.government_code, version_id, lock=True)
    check_version(request, version.version, "예산 버전")
    if what == "confirm":
        adoption.confirm(session, principal, version)
    elif what == "adopt":
        adoption.adopt(session, principal, version, body or AdoptRequest())
    else:
        adoption.establish(session, principal, version)
    set_etag(response, version.version)
    return versions.version_detail(session, version)


@router.post("/budget-versions/{version_id}/confirm", response_model=VersionDetail)
def confirm(
    version_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.CONFIRM))],
) -> VersionDetail:
    return _version_move(version_id, request, response, session, principal, "confirm")


@router.post("/budget-versions/{version_id}/adopt", response_model=VersionDetail)
def adopt(
    version_id: uuid.UUID,
    body: AdoptRequest,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.ADOPT))],
) -> VersionDetail:
    return _version_move(version_id, request, response, session, principal, "adopt", body)


@router.post("/budget-versions/{version_id}/establish", response_model=VersionDetail)
def establish(
    version_id: uuid.UUID,
    request: Request,
    response: Response,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.ESTABLISH))],
) -> VersionDetail:
    return _version_move(version_id, request, response, session, principal, "establish")
