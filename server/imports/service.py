"""Persist a parsed e호조 budget book (세출 or 세입) into a budget version.

Never commits: the request or CLI command that opened the session does. Rows are written with
bulk Core inserts (UUIDs generated here) so a 5,000-row book imports in a second or two.
Re-importing the same file (same SHA-256) answers "already imported" and writes nothing.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import exists, func, insert, select
from sqlalchemy.orm import Session

from domain.contracts.imports import AccountAmount, ImportRecordOut, ImportResult
from domain.workflow import ORIGINAL_DRAFT, VersionState, kind_sort_key, parse_version_kind
from domain.workflow import RequestState as RequestStateName
from server.audit.service import Actor, record
from server.budget.common import ensure_request_states
from server.budget_import import (
    BookFormatError,
    ExpenditureBook,
    RevenueBook,
    read_book,
)
from server.imports.lines import persist_expenditure, persist_revenue
from server.kit.errors import ProblemError, conflict, not_found
from server.kit.stats import refresh_statistics
from server.models import (
    BudgetVersion,
    ExpenditureLine,
    Government,
    ImportRecord,
    RevenueLine,
)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def book_error(exc: BookFormatError, filename: str) -> ProblemError:
    """A 422-free 400 answer naming the row and column the reader reported."""
    errors = [{"field": exc.column or "파일", "code": "book_format", "message": exc.message}]
    extra: dict[str, Any] = {"row": exc.row, "column": exc.column}
    return ProblemError(
        400, "invalid_budget_book", f"{filename}: {exc.message}", errors=errors, extra=extra
    )


def import_file(
    session: Session, gov: str, data: bytes, filename: str, actor: Actor
) -> ImportResult:
    """Hash, read (세출/세입 from the header) and persist one xlsx file."""
    _government(session, gov)
    digest = sha256_of(data)
    done = _already_imported(session, gov, digest)
    if done is not None:
        return done
    try:
        book = read_book(io.BytesIO(data))
    except BookFormatError as exc:
        raise book_error(exc, filename) from exc
    return import_book(session, gov, book, sha256=digest, filename=filename, actor=actor)


def import_book(
    session: Session,
    gov: str,
    book: ExpenditureBook | RevenueBook,
    *,
    sha256: str,
    filename: str,
    actor: Actor,
) -> ImportResult:
    _government(session, gov)
    done = _already_imported(session, gov, sha256)
    if done is not None:
        return done
    confirmed = book.confirmed_date if isinstance(book, RevenueBook) else None
    version, created = _version(session, gov, book.fiscal_year, book.kind, confirmed, actor)
    side = "세출" if isinstance(book, ExpenditureBook) else "세입"
    line_model = ExpenditureLine if isinstance(book, ExpenditureBook) else RevenueLine
    has_lines = session.scalar(
        select(
            exists().where(line_model.government_code == gov, line_model.version_id == version.id)
        )
    )
    if has_lines:
        raise conflict(
            "version_has_lines",
            f"{version.fiscal_year}년 {version.kind}에는 이미 다른 파일에서 가져온 {side} 예산이 "
            f"있습니다. 같은 예산에 {side} 파일을 두 번 가져올 수 없습니다.",
            version_id=str(version.id),
        )
    if isinstance(book, ExpenditureBook):
        lines, totals, flagged, added = persist_expenditure(session, gov, version, book)
        # 세부사업 of a version being written start at 작성중; an adopted book's are settled.
        settled = version.state != VersionState.DRAFT
        ensure_request_states(
            session, version, RequestStateName.ADJUSTED if settled else RequestStateName.DRAFT
        )
    else:
        lines, totals, flagged, added = persist_revenue(session, gov, version, book)
    refresh_statistics(session)
    session.execute(
        insert(ImportRecord).values(
            government_code=gov,
            sha256=sha256,
            book_kind=side,
            filename=filename[:255],
            version_id=version.id,
            row_count=len(book.rows),
            imported_at=datetime.now(UTC),
        )
    )
    total = sum(a.amount for a in totals)
    record(
        session,
        gov,
        actor,
        action="import",
        entity_type="import",
        entity_id=sha256,
        summary=f"{side} 예산서 '{filename}' 가져오기: {len(book.rows):,}행, "
        f"{lines:,}개 예산 항목, 합계 {total:,}천원 ({version.fiscal_year}년 {version.kind})",
        after={
            "filename": filename,
            "book_kind": side,
            "version_id": str(version.id),
            "rows": len(book.rows),
            "lines": lines,
            "total": total,
            "local_codes": [a.model_dump() for a in added],
        },
    )
    return ImportResult(
        status="imported",
        message=f"{side} 예산서를 가져왔습니다: {len(book.rows):,}행, {lines:,}개 예산 항목, "
        f"합계 {total:,}천원",
        book_kind=side,
        sha256=sha256,
        filename=filename,
        version_id=version.id,
        fiscal_year=version.fiscal_year,
        kind=version.kind,
        version_created=created,
        row_count=len(book.rows),
        line_count=lines,
        total=total,
        accounts=totals,
        warnings=list(book.warnings),
        local_codes=added,
        flagged_items=flagged,
    )


def list_imports(
    session: Session, gov: str, limit: int, after: tuple[str, str] | None
) -> list[ImportRecordOut]:
    """Import records, newest first (keyset on (imported_at, sha256))."""
    query = select(ImportRecord).where(ImportRecord.government_code == gov)
    if after is not None:
        at = datetime.fromisoformat(after[0])
        query = query.where(
            (ImportRecord.imported_at < at)
            | ((ImportRecord.imported_at == at) & (ImportRecord.sha256 < after[1]))
        )
    query = query.order_by(ImportRecord.imported_at.desc(), ImportRecord.sha256.desc())
    return [
        ImportRecordOut(
            sha256=r.sha256,
            book_kind=r.book_kind,
            filename=r.filename,
            version_id=r.version_id,
            row_count=r.row_count,
            imported_at=r.imported_at,
        )
        for r in session.scalars(query.limit(limit))
    ]


# -- helpers ---------------------------------------------------------------------------------
def _government(session: Session, gov: str) -> None:
    if session.get(Government, gov) is None:
        raise not_found(f"자치단체 {gov}")


def _already_imported(session: Session, gov: str, digest: str) -> ImportResult | None:
    rec = session.get(ImportRecord, (gov, digest))
    if rec is None:
        return None
    version = session.get(BudgetVersion, (gov, rec.version_id))
    assert version is not None
    line_model = ExpenditureLine if rec.book_kind == "세출" else RevenueLine
    totals = _account_totals(session, gov, version.id, line_model)
    lines = session.scalar(
        select(func.count()).where(
            line_model.government_code == gov, line_model.version_id == version.id
        )
    )
    return ImportResult(
        status="already_imported",
        message=f"이미 가져온 파일입니다 ({rec.imported_at:%Y-%m-%d %H:%M}, "
        f"{version.fiscal_year}년 {version.kind}). 다시 가져오지 않았습니다.",
        book_kind=rec.book_kind,
        sha256=digest,
        filename=rec.filename,
        version_id=version.id,
        fiscal_year=version.fiscal_year,
        kind=version.kind,
        version_created=False,
        row_count=rec.row_count,
        line_count=lines or 0,
        total=sum(a.amount for a in totals),
        accounts=totals,
        warnings=[],
        local_codes=[],
        flagged_items=0,
    )


def _account_totals(
    session: Session, gov: str, version_id: uuid.UUID, model: type[ExpenditureLine | RevenueLine]
) -> list[AccountAmount]:
    from server.models import Account

    rows = session.execute(
        select(model.account_code, Account.name, func.sum(model.amount))
        .join(
            Account,
            (Account.government_code == model.government_code)
            & (Account.fiscal_year == model.fiscal_year)
            & (Account.code == model.account_code),
        )
        .where(model.government_code == gov, model.version_id == version_id)
        .group_by(model.account_code, Account.name)
        .order_by(model.account_code)
    ).all()
    return [AccountAmount(code=c, name=n, amount=int(a or 0)) for c, n, a in rows]


def _version(
    session: Session, gov: str, year: int, kind_text: str, confirmed: str | None, actor: Actor
) -> tuple[BudgetVersion, bool]:
    kind = parse_version_kind(kind_text)
    found = session.scalar(
        select(BudgetVersion).where(
            BudgetVersion.government_code == gov,
            BudgetVersion.fiscal_year == year,
            BudgetVersion.kind == kind,
        )
    )
    confirmed_on = _date(confirmed)
    if found is not None:
        if found.confirmed_on is None and confirmed_on is not None:
            found.confirmed_on = confirmed_on
        return found, False
    earlier = [
        v
        for v in session.scalars(
            select(BudgetVersion).where(
                BudgetVersion.government_code == gov, BudgetVersion.fiscal_year == year
            )
        )
        if kind_sort_key(v.kind) < kind_sort_key(kind)
    ]
    base = max(earlier, key=lambda v: kind_sort_key(v.kind), default=None)
    # An exported 본예산 / 추경 book is the adopted budget; 본예산(안) is still being written.
    state = VersionState.DRAFT if kind == ORIGINAL_DRAFT else VersionState.ESTABLISHED
    version = BudgetVersion(
        government_code=gov,
        id=uuid.uuid4(),
        fiscal_year=year,
        kind=kind,
        state=str(state),
        base_version_id=base.id if base else None,
        confirmed_on=confirmed_on,
    )
    session.add(version)
    session.flush()
    record(
        session,
        gov,
        actor,
        action="create",
        entity_type="budget_version",
        entity_id=version.id,
        summary=f"{year}년 {kind} 예산 버전 생성 (예산서 가져오기)",
        after={"fiscal_year": year, "kind": kind, "state": str(state)},
    )
    return version, True


def _date(text: str | None) -> date | None:
    if not text:
        return None
    digits = "".join(c for c in text if c.isdigit())
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
