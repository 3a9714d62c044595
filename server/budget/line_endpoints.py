"""HTTP endpoints of 세출/세입 lines and line adjustment (included by ``endpoints.py``).

Both kinds of line have the same six routes (list, read, create, replace, delete, adjust) with
the same rules; one generic set of endpoints serves both, parameterised by a ``LineKind`` that
names the kind's models and service functions. Route paths, names (hence operation ids and
summaries), parameters and schemas are those of the former per-kind functions.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, Literal, Protocol, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

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
from server.models.budget import BudgetVersion

router = APIRouter()

Reader = Annotated[Principal, Depends(require(Action.READ_BUDGET))]
Editor = Annotated[Principal, Depends(require(Action.EDIT_BUDGET_DRAFT))]
Adjuster = Annotated[Principal, Depends(require(Action.ADJUST))]
Limit = Annotated[int, Query(ge=1, le=lines.MAX_LINES_PAGE)]
Include = Annotated[Literal["basis"] | None, Query()]


class _Line(Protocol):
    @property
    def version(self) -> int: ...
    @property
    def version_id(self) -> uuid.UUID: ...


LineT = TypeVar("LineT", bound=_Line)
CreateT = TypeVar("CreateT", bound=BaseModel)
UpdateT = TypeVar("UpdateT", bound=BaseModel)
OutT = TypeVar("OutT", bound=BaseModel)
PageT = TypeVar("PageT", bound=BaseModel)
Write = Callable[[Session, Principal, BudgetVersion, LineT, UpdateT], LineT]


@dataclass(frozen=True)
class LineKind(Generic[LineT, CreateT, UpdateT, OutT, PageT]):
    """One kind of budget line: its path word, Korean label, models and service functions."""

    slug: str  # "expenditure" -> /expenditure-lines, list_expenditure_lines ...
    label: str  # "세출 예산": the precondition message names it
    filters: tuple[str, ...]  # the list's own query filters, in order, before department_id
    create_body: type[CreateT]
    update_body: type[UpdateT]
    out: type[OutT]
    page: type[PageT]
    get: Callable[..., LineT]  # (session, gov, line_id, *, lock=False)
    read: Callable[[Session, LineT], OutT]
    list_page: Callable[..., tuple[list[OutT], str | None]]
    create: Callable[[Session, Principal, BudgetVersion, CreateT], LineT]
    update: Write[LineT, UpdateT]
    delete: Callable[[Session, Principal, BudgetVersion, LineT], None]
    adjust: Write[LineT, AdjustRequest]


EXPENDITURE = LineKind(
    slug="expenditure", label="세출 예산", filters=("program_id",),
    create_body=ExpenditureLineCreate, update_body=ExpenditureLineUpdate,
    out=ExpenditureLineOut, page=ExpenditureLinePage, get=get_expenditure_line,
    read=lines.read_line, list_page=lines.list_lines, create=lines.create_line,
    update=lines.update_line, delete=lines.delete_line, adjust=workflow.adjust_line,
)  # fmt: skip
REVENUE = LineKind(
    slug="revenue", label="세입 예산", filters=(),
    create_body=RevenueLineCreate, update_body=RevenueLineUpdate,
    out=RevenueLineOut, page=RevenueLinePage, get=get_revenue_line,
    read=revenue.read_revenue, list_page=revenue.list_revenue, create=revenue.create_revenue,
    update=revenue.update_revenue, delete=revenue.delete_revenue,
    adjust=workflow.adjust_revenue_line,
)  # fmt: skip
OPTIONAL_FILTERS = ("program_id",)  # the filters some kinds have and others do not


def _concrete(endpoint: Callable[..., Any], kind: LineKind[Any, Any, Any, Any, Any]) -> None:
    """Give FastAPI the kind's own signature: its models for the generic body and return
    annotations, and only the list filters the kind has."""
    types = {"CreateT": kind.create_body, "UpdateT": kind.update_body,
             "OutT": kind.out, "PageT": kind.page}  # fmt: skip
    signature = inspect.signature(endpoint)
    params = [
        p.replace(annotation=types.get(p.annotation, p.annotation))
        for p in signature.parameters.values()
        if p.name not in OPTIONAL_FILTERS or p.name in kind.filters
    ]
    returns = types.get(signature.return_annotation, signature.return_annotation)
    endpoint.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=params, return_annotation=returns
    )


def _modify(
    kind: LineKind[LineT, Any, Any, Any, Any],
    session: Session,
    principal: Principal,
    line_id: uuid.UUID,
    request: Request,
) -> tuple[LineT, BudgetVersion]:
    """The line locked for a write, its If-Match checked, and its budget version."""
    gov = principal.government_code
    line = kind.get(session, gov, line_id, lock=True)
    check_version(request, line.version, kind.label)
    return line, get_version(session, gov, line.version_id)


def add_line_routes(
    target: APIRouter, kind: LineKind[LineT, CreateT, UpdateT, OutT, PageT]
) -> None:
    """The six routes of one kind of line, in the order the OpenAPI document lists them."""
    collection = f"/budget-versions/{{version_id}}/{kind.slug}-lines"
    item = f"/{kind.slug}-lines/{{line_id}}"

    def list_lines(
        version_id: uuid.UUID,
        session: DbSession,
        principal: Reader,
        program_id: uuid.UUID | None = None,
        department_id: uuid.UUID | None = None,
        account: str | None = None,
        include: Include = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: str | None = None,
    ) -> PageT:
        version = get_version(session, principal.government_code, version_id)
        own = {"program_id": program_id}
        items, next_cursor = kind.list_page(
            session,
            principal.government_code,
            version,
            **{name: own[name] for name in kind.filters},
            department_id=department_id,
            account=account,
            include_basis=include == "basis",
            limit=limit,
            cursor=cursor,
        )
        return kind.page(items=items, next_cursor=next_cursor)

    def get_line_detail(
        line_id: uuid.UUID, response: Response, session: DbSession, principal: Reader
    ) -> OutT:
        line = kind.get(session, principal.government_code, line_id)
        set_etag(response, line.version)
        return kind.read(session, line)

    def create_line(
        version_id: uuid.UUID,
        body: CreateT,
        response: Response,
        session: DbSession,
        principal: Editor,
    ) -> OutT:
        version = get_version(session, principal.government_code, version_id, lock=True)
        line = kind.create(session, principal, version, body)
        set_etag(response, line.version)
        return kind.read(session, line)

    def replace_line(
        line_id: uuid.UUID,
        body: UpdateT,
        request: Request,
        response: Response,
        session: DbSession,
        principal: Editor,
    ) -> OutT:
        line, version = _modify(kind, session, principal, line_id, request)
        line = kind.update(session, principal, version, line, body)
        set_etag(response, line.version)
        return kind.read(session, line)

    def delete_line(
        line_id: uuid.UUID, request: Request, session: DbSession, principal: Editor
    ) -> Response:
        line, version = _modify(kind, session, principal, line_id, request)
        kind.delete(session, principal, version, line)
        return Response(status_code=204)

    def adjust_line(
        line_id: uuid.UUID,
        body: AdjustRequest,
        request: Request,
        response: Response,
        session: DbSession,
        principal: Adjuster,
    ) -> OutT:
        line, version = _modify(kind, session, principal, line_id, request)
        line = kind.adjust(session, principal, version, line, body)
        set_etag(response, line.version)
        return kind.read(session, line)

    one = {"response_model": kind.out}
    routes: list[tuple[str, str, Callable[..., Any], dict[str, Any]]] = [
        ("GET", collection, list_lines, {"response_model": kind.page}),
        ("GET", item, get_line_detail, one),
        ("POST", collection, create_line, {**one, "status_code": 201}),
        ("PUT", item, replace_line, one),
        ("DELETE", item, delete_line, {"status_code": 204}),
        ("POST", f"{item}/adjust", adjust_line, one),
    ]
    for method, path, endpoint, options in routes:
        # list_lines -> list_expenditure_lines, get_line_detail -> get_revenue_line_detail ...
        name = endpoint.__name__.replace("line", f"{kind.slug}_line", 1)
        _concrete(endpoint, kind)
        endpoint.__name__ = endpoint.__qualname__ = name
        target.add_api_route(path, endpoint, methods=[method], name=name, **options)


add_line_routes(router, EXPENDITURE)
add_line_routes(router, REVENUE)
