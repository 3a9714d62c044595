"""Budget versions: list, detail with request-state summary, create, 추경 and next year."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.contracts.budget import RequestStateOut, VersionCreate, VersionDetail, VersionOut
from domain.workflow import ORIGINAL_DRAFT, kind_sort_key, next_supplementary_kind
from domain.workflow import VersionState as VS
from server.budget import copying
from server.budget.common import require_version_state, version_label
from server.deps import Principal
from server.kit.errors import conflict
from server.models import (
    BudgetVersion,
    Department,
    ExpenditureLine,
    Program,
    RequestState,
    RevenueLine,
)
from server.structure.service import audit


def version_out(v: BudgetVersion) -> VersionOut:
    return VersionOut.model_validate(v, from_attributes=True)


def version_dict(v: BudgetVersion) -> dict[str, Any]:
    return {"fiscal_year": v.fiscal_year, "kind": v.kind, "state": v.state}


def list_versions(session: Session, gov: str, year: int | None) -> list[BudgetVersion]:
    stmt = select(BudgetVersion).where(BudgetVersion.government_code == gov)
    if year is not None:
        stmt = stmt.where(BudgetVersion.fiscal_year == year)
    rows = list(session.scalars(stmt))
    rows.sort(key=lambda v: (v.fiscal_year, kind_sort_key(v.kind)))
    return rows


def request_states(session: Session, version: BudgetVersion) -> list[RequestStateOut]:
    gov = version.government_code
    sums = {
        pid: (int(n), int(total or 0))
        for pid, n, total in session.execute(
            select(
                ExpenditureLine.program_id,
                func.count(ExpenditureLine.id),
                func.sum(ExpenditureLine.amount),
            )
            .where(ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version.id)
            .group_by(ExpenditureLine.program_id)
        )
    }
    stmt = (
        select(RequestState, Program.name, Department.id, Department.name)
        .join(
            Program,
            (Program.government_code == RequestState.government_code)
            & (Program.id == RequestState.program_id),
        )
        .join(
            Department,
            (Department.government_code == Program.government_code)
            & (Department.id == Program.department_id),
        )
        .where(RequestState.government_code == gov, RequestState.version_id == version.id)
        .order_by(Department.name, Program.name)
    )
    out = []
    for rs, pname, did, dname in session.execute(stmt):
        n, total = sums.get(rs.program_id, (0, 0))
        out.append(
            RequestStateOut(
                program_id=rs.program_id,
                program_name=pname,
                department_id=did,
                department_name=dname,
                state=rs.state,
                version=rs.version,
                line_count=n,
                amount=total,
            )
        )
    return out


def version_detail(session: Session, version: BudgetVersion) -> VersionDetail:
    gov = version.government_code
    requests = request_states(session, version)
    counts: dict[str, int] = {}
    for r in requests:
        counts[r.state] = counts.get(r.state, 0) + 1
    exp_total = session.scalar(
        select(func.coalesce(func.sum(ExpenditureLine.amount), 0)).where(
            ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version.id
        )
    )
    rev_total = session.scalar(
        select(func.coalesce(func.sum(RevenueLine.amount), 0)).where(
            RevenueLine.government_code == gov, RevenueLine.version_id == version.id
        )
    )
    return VersionDetail(
        **version_out(version).model_dump(),
        requests=requests,
        state_counts=counts,
        expenditure_total=int(exp_total or 0),
        revenue_total=int(rev_total or 0),
    )


def _exists(session: Session, gov: str, year: int, kind: str) -> uuid.UUID | None:
    return session.scalar(
        select(BudgetVersion.id).where(
            BudgetVersion.government_code == gov,
            BudgetVersion.fiscal_year == year,
            BudgetVersion.kind == kind,
        )
    )


def _new_version(
    session: Session, principal: Principal, year: int, kind: str, base: BudgetVersion | None
) -> BudgetVersion:
    gov = principal.government_code
    if _exists(session, gov, year, kind) is not None:
        raise conflict("duplicate_version", f"{year}년 {kind} 예산이 이미 있습니다.")
    version = BudgetVersion(
        government_code=gov,
        fiscal_year=year,
        kind=kind,
        state=VS.DRAFT,
        base_version_id=base.id if base is not None else None,
    )
    session.add(version)
    session.flush()
    return version


def create_version(session: Session, principal: Principal, body: VersionCreate) -> BudgetVersion:
    version = _new_version(session, principal, body.fiscal_year, body.kind, None)
    audit(
        session,
        principal,
        action="create",
        entity_type="budget_version",
        entity_id=version.id,
        summary=f"{version_label(version)} 예산 생성",
        after=version_dict(version),
    )
    return version


def create_supplementary(
    session: Session, principal: Principal, source: BudgetVersion
) -> BudgetVersion:
    """제N회추경 from a 성립 version: lines copied, 성립 amounts become 기정액."""
    require_version_state(source, VS.ESTABLISHED)
    gov = principal.government_code
    kinds = list(
        session.scalars(
            select(BudgetVersion.kind).where(
                BudgetVersion.government_code == gov,
                BudgetVersion.fiscal_year == source.fiscal_year,
            )
        )
    )
    newer = [k for k in kinds if kind_sort_key(k) > kind_sort_key(source.kind)]
    if newer:
        later = ", ".join(sorted(newer, key=kind_sort_key))
        raise conflict(
            "not_latest",
            f"{version_label(source)}보다 나중 예산({later})이 "
            "있어 여기서 추경을 시작할 수 없습니다.",
        )
    kind = next_supplementary_kind(kinds)
    version = _new_version(session, principal, source.fiscal_year, kind, source)
    n_exp, n_rev = copying.copy_lines(session, source, version)
    audit(
        session,
        principal,
        action="create",
        entity_type="budget_version",
        entity_id=version.id,
        summary=f"{version_label(version)} 생성 ({version_label(source)} 성립액을 기정액으로, "
        f"세출 {n_exp:,}건·세입 {n_rev:,}건 복사)",
        after={**version_dict(version), "base_version_id": str(source.id)},
    )
    return version


def create_next_year(
    session: Session, principal: Principal, source: BudgetVersion
) -> BudgetVersion:
    """Next year's 본예산(안) from this version: 회계/재원/local codes and programs copied into
    year + 1; lines copied with this version's amounts as ``base_amount`` (전년도 예산액, for
    comparison) and the new amount starting equal."""
    gov = principal.government_code
    year = source.fiscal_year + 1
    if _exists(session, gov, year, ORIGINAL_DRAFT) is not None:
        raise conflict("duplicate_version", f"{year}년 {ORIGINAL_DRAFT} 예산이 이미 있습니다.")
    copying.copy_year_codes(session, gov, source.fiscal_year)
    program_map = copying.copy_programs(session, gov, source.fiscal_year)
    version = _new_version(session, principal, year, ORIGINAL_DRAFT, source)
    n_exp, n_rev = copying.copy_lines(session, source, version, program_map)
    audit(
        session,
        principal,
        action="create",
        entity_type="budget_version",
        entity_id=version.id,
        summary=f"{version_label(version)} 생성 ({version_label(source)}에서 사업 "
        f"{len(program_map):,}개, 세출 {n_exp:,}건·세입 {n_rev:,}건 복사)",
        after={**version_dict(version), "base_version_id": str(source.id)},
    )
    return version
