"""HTTP endpoints of the document chain. Every POST here moves money (or releases it) and
needs ``Idempotency-Key``; a retry returns the first answer."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from domain.contracts.execution import (
    CloseIn,
    DirectResolutionIn,
    DirectResolutionOut,
    DocumentIn,
    DocumentOut,
    DocumentPage,
    PaymentIn,
)
from domain.execution import DocKind, DocState
from domain.roles import Action
from server.deps import CurrentPrincipal, DbSession, Principal, require
from server.execution import documents, listing
from server.execution.idempotency import HEADER, request_hash, run_once
from server.kit.errors import forbidden
from server.kit.etag import set_etag
from server.kit.pagination import DEFAULT_LIMIT, MAX_LIMIT

router = APIRouter()

Reader = Annotated[Principal, Depends(require(Action.READ_EXECUTION))]
Drafter = Annotated[Principal, Depends(require(Action.DRAFT_EXPENDITURE))]
Obligator = Annotated[Principal, Depends(require(Action.OBLIGATE))]
Payer = Annotated[Principal, Depends(require(Action.ISSUE_PAYMENT_ORDER))]
IdemKey = Annotated[str | None, Header(alias=HEADER)]
REFUSALS: dict[int | str, dict[str, str]] = {
    409: {"description": "배정 잔액·남은 금액 부족, 닫힌 문서 (problem+json, 한국어 설명)"},
    422: {"description": "입력값 오류, 또는 Idempotency-Key를 다른 요청에 다시 씀"},
    428: {"description": "Idempotency-Key 헤더 없음"},
}


def _require_all(*actions: Action) -> Callable[[Principal], Principal]:
    def _check(principal: CurrentPrincipal) -> Principal:
        missing = [a.label for a in actions if not principal.can(a)]
        if missing:
            raise forbidden(f"이 작업을 할 권한이 없습니다 ({', '.join(missing)} 권한 필요).")
        return principal

    return _check


def require_any(*actions: Action) -> Callable[[Principal], Principal]:
    """The principal, if one of its roles may do any of ``actions``."""

    def _check(principal: CurrentPrincipal) -> Principal:
        if not any(principal.can(a) for a in actions):
            names = ", ".join(a.label for a in actions)
            raise forbidden(f"이 작업을 할 권한이 없습니다 ({names} 중 하나 필요).")
        return principal

    return _check


WRITE_ACTIONS = (Action.DRAFT_EXPENDITURE, Action.OBLIGATE, Action.ISSUE_PAYMENT_ORDER)
Closer = Annotated[Principal, Depends(require_any(*WRITE_ACTIONS))]


def _create(
    kind: DocKind, body: DocumentIn, request: Request, session: DbSession, principal: Principal,
    key: str | None,
) -> JSONResponse:  # fmt: skip
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, key, digest,
        lambda: (201, documents.create(session, principal, kind, body, key)),
    )  # fmt: skip


@router.post("/requests", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_request(
    body: DocumentIn, request: Request, session: DbSession, principal: Drafter,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """품의 (사업담당)."""
    return _create(DocKind.REQUEST, body, request, session, principal, idempotency_key)


@router.post("/obligations", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_obligation(
    body: DocumentIn, request: Request, session: DbSession, principal: Obligator,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """지출원인행위 (재무관): ≤ 배정 − 원인행위 so far, and ≤ what is left of its 품의."""
    return _create(DocKind.OBLIGATION, body, request, session, principal, idempotency_key)


@router.post("/petty-cash", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_petty_cash(
    body: DocumentIn, request: Request, session: DbSession, principal: Obligator,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """일상경비 교부 (재무관): obligates and resolves the line at once."""
    return _create(DocKind.PETTY_CASH, body, request, session, principal, idempotency_key)


@router.post("/resolutions", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_resolution(
    body: DocumentIn, request: Request, session: DbSession, principal: Drafter,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """지출결의 (사업담당): ≤ what is left of its 원인행위; 원천징수 computed and stored."""
    return _create(DocKind.RESOLUTION, body, request, session, principal, idempotency_key)


@router.post(
    "/resolutions/with-obligation",
    response_model=DirectResolutionOut,
    status_code=201,
    responses=REFUSALS,
)
def create_direct_resolution(
    body: DirectResolutionIn,
    request: Request,
    session: DbSession,
    principal: Annotated[
        Principal, Depends(_require_all(Action.DRAFT_EXPENDITURE, Action.OBLIGATE))
    ],
    idempotency_key: IdemKey = None,
) -> JSONResponse:
    """One 지출결의 whose 지출원인행위 is created in the same request (사업담당 + 재무관)."""
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, idempotency_key, digest,
        lambda: (201, documents.create_direct(session, principal, body, idempotency_key)),
    )  # fmt: skip


def _payment(
    kind: DocKind, body: PaymentIn, request: Request, session: DbSession, principal: Principal,
    key: str | None,
) -> JSONResponse:  # fmt: skip
    doc_in = DocumentIn(parent_id=body.parent_id, title=body.title)
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, key, digest,
        lambda: (201, documents.create(session, principal, kind, doc_in, key)),
    )  # fmt: skip


@router.post("/payment-orders", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_payment_order(
    body: PaymentIn, request: Request, session: DbSession, principal: Payer,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """지급명령 (지출원) of a whole 결의; not by the 결의's writer (403)."""
    return _payment(DocKind.PAYMENT_ORDER, body, request, session, principal, idempotency_key)


@router.post("/payments", response_model=DocumentOut, status_code=201, responses=REFUSALS)
def create_payment(
    body: PaymentIn, request: Request, session: DbSession, principal: Payer,
    idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """지급 (지출원 records the 금고 transfer) of a whole 지급명령."""
    return _payment(DocKind.PAYMENT, body, request, session, principal, idempotency_key)


def _close(
    to: DocState, document_id: uuid.UUID, body: CloseIn, request: Request, session: DbSession,
    principal: Principal, key: str | None,
) -> JSONResponse:  # fmt: skip
    documents.get_document(session, principal.government_code, document_id)  # 404 first
    digest = request_hash("POST", request.url.path, body)
    return run_once(
        session, principal, key, digest,
        lambda: (200, documents.close(session, principal, document_id, to, body.reason)),
    )  # fmt: skip


@router.post("/documents/{document_id}/return", response_model=DocumentOut, responses=REFUSALS)
def return_document(
    document_id: uuid.UUID, body: CloseIn, request: Request, session: DbSession,
    principal: Closer, idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """반려 by the reviewer (품의: 재무관; 원인행위·결의·일상경비 교부: 지출원); releases once."""
    return _close(DocState.RETURNED, document_id, body, request, session, principal,
                  idempotency_key)  # fmt: skip


@router.post("/documents/{document_id}/cancel", response_model=DocumentOut, responses=REFUSALS)
def cancel_document(
    document_id: uuid.UUID, body: CloseIn, request: Request, session: DbSession,
    principal: Closer, idempotency_key: IdemKey = None,
) -> JSONResponse:  # fmt: skip
    """취소 by the role that writes the kind; releases the amounts exactly once."""
    return _close(DocState.CANCELLED, document_id, body, request, session, principal,
                  idempotency_key)  # fmt: skip


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    session: DbSession,
    principal: Reader,
    kind: DocKind | None = None,
    state: DocState | None = None,
    line_id: uuid.UUID | None = None,
    mine: bool = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> DocumentPage:
    """Documents newest first; ``mine`` = written by me."""
    items, nxt = listing.list_documents(
        session, principal, kind=kind, state=state, line_id=line_id, mine=mine, limit=limit,
        cursor=cursor,
    )  # fmt: skip
    return DocumentPage(items=items, next_cursor=nxt)


@router.get("/documents/{document_id}", response_model=DocumentOut)
def get_document(
    document_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
) -> DocumentOut:
    doc = documents.get_document(session, principal.government_code, document_id)
    set_etag(response, doc.version)
    return documents.document_out(doc)
