"""Version transitions: 확정 (checks), 의결 (council cuts only), 성립."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from domain.contracts.budget import AdoptRequest
from domain.workflow import (
    AccountTotal,
    AmountRuleError,
    RequestUnit,
    check_confirmable,
    check_council_amount,
    transition,
)
from domain.workflow import RequestState as RS
from domain.workflow import VersionState as VS
from server.budget.common import ensure_request_states, require_version_state, version_label
from server.budget.lines import check_split, fundings_for, line_label, resplit, write_split
from server.deps import Principal
from server.kit.errors import ProblemError
from server.models import (
    Account,
    BudgetVersion,
    Department,
    ExpenditureLine,
    Program,
    RequestState,
    RevenueLine,
)
from server.structure.service import audit


# -- version transitions ---------------------------------------------------------------------
def account_totals(session: Session, version: BudgetVersion) -> list[AccountTotal]:
    gov, vid = version.government_code, version.id
    exp = dict(
        session.execute(
            select(ExpenditureLine.account_code, func.sum(ExpenditureLine.amount))
            .where(ExpenditureLine.government_code == gov, ExpenditureLine.version_id == vid)
            .group_by(ExpenditureLine.account_code)
        ).all()
    )
    rev = dict(
        session.execute(
            select(RevenueLine.account_code, func.sum(RevenueLine.amount))
            .where(RevenueLine.government_code == gov, RevenueLine.version_id == vid)
            .group_by(RevenueLine.account_code)
        ).all()
    )
    names = dict(
        session.execute(
            select(Account.code, Account.name).where(
                Account.government_code == gov, Account.fiscal_year == version.fiscal_year
            )
        ).all()
    )
    return [
        AccountTotal(code, names.get(code, code), int(rev.get(code) or 0), int(exp.get(code) or 0))
        for code in sorted(set(exp) | set(rev))
    ]


def _refuse(code: str, title: str, reasons: tuple[str, ...] | list[str]) -> ProblemError:
    detail = f"{title}: " + "; ".join(reasons)
    return ProblemError(409, code, detail, extra={"reasons": list(reasons)})


def confirm(session: Session, principal: Principal, version: BudgetVersion) -> BudgetVersion:
    """확정: every 세부사업 at 요구 or later and every 회계 balanced; 조정액 fixed on all lines."""
    gov = version.government_code
    ensure_request_states(session, version)  # a 세부사업 with lines but no state is 작성중
    rows = session.execute(
        select(RequestState.state, Program.name, Department.name)
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
    units = [RequestUnit(dept, prog, RS(state)) for state, prog, dept in rows]
    check = check_confirmable(units, account_totals(session, version))
    if not check.ok:
        raise _refuse(
            "not_confirmable", f"{version_label(version)}을(를) 확정할 수 없습니다", check.reasons
        )
    before = version.state
    version.state = transition(
        VS(version.state), VS.CONFIRMED, principal.roles, confirm_check=check
    )
    for model in (ExpenditureLine, RevenueLine):
        session.execute(
            update(model)
            .where(
                model.government_code == gov,
                model.version_id == version.id,
                model.adjusted_amount.is_(None),
            )
            .values(adjusted_amount=model.amount, version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
    session.execute(
        update(RevenueLine)
        .where(
            RevenueLine.government_code == gov,
            RevenueLine.version_id == version.id,
            RevenueLine.requested_amount.is_(None),
        )
        .values(requested_amount=RevenueLine.amount)
        .execution_options(synchronize_session=False)
    )
    return _version_moved(session, principal, version, before)


def _version_moved(
    session: Session, principal: Principal, version: BudgetVersion, before: str, **extra: Any
) -> BudgetVersion:
    session.flush()
    audit(
        session,
        principal,
        action=str(version.state),
        entity_type="budget_version",
        entity_id=version.id,
        summary=f"{version_label(version)} {before} → {version.state}",
        before={"state": before},
        after={"state": version.state, **extra},
    )
    return version


def adopt(
    session: Session, principal: Principal, version: BudgetVersion, body: AdoptRequest
) -> BudgetVersion:
    """의결: council amounts (cuts only) on the listed lines; the others keep their 조정액."""
    require_version_state(version, VS.CONFIRMED)
    gov = version.government_code
    ids = [item.line_id for item in body.lines]
    exp = (
        {
            line.id: line
            for line in session.scalars(
                select(ExpenditureLine)
                .where(
                    ExpenditureLine.government_code == gov,
                    ExpenditureLine.version_id == version.id,
                    ExpenditureLine.id.in_(ids),
                )
                .with_for_update()
            )
        }
        if ids
        else {}
    )
    rev = (
        {
            line.id: line
            for line in session.scalars(
                select(RevenueLine)
                .where(
                    RevenueLine.government_code == gov,
                    RevenueLine.version_id == version.id,
                    RevenueLine.id.in_(ids),
                )
                .with_for_update()
            )
        }
        if ids
        else {}
    )
    errors: list[dict[str, Any]] = []
    for n, item in enumerate(body.lines):
        line: ExpenditureLine | RevenueLine | None = exp.get(item.line_id) or rev.get(item.line_id)
        if line is None:
            msg = f"{n + 1}번째 줄: 이 예산 버전에 없는 예산 항목입니다 ({item.line_id})"
            errors.append({"field": f"lines[{n}].line_id", "code": "not_found", "message": msg})
            continue
        label = (
            line_label(line)
            if isinstance(line, ExpenditureLine)
            else f"세입 {line.account_code}/{line.item_code}"
        )
        adjusted = line.adjusted_amount if line.adjusted_amount is not None else line.amount
        try:
            check_council_amount(adjusted, item.amount, label)
        except AmountRuleError as exc:
            errors.append(
                {"field": f"lines[{n}].amount", "code": "council_raise", "message": exc.message}
            )
    if errors:
        detail = "의결액을 반영할 수 없습니다: " + "; ".join(e["message"] for e in errors[:5])
        raise ProblemError(400, "council_amount", detail, errors=errors)
    for item in body.lines:
        line = exp.get(item.line_id) or rev[item.line_id]
        if isinstance(line, ExpenditureLine):
            current = {
                f.source_code: f.amount for f in fundings_for(session, gov, [line.id])[line.id]
            }
            split = resplit(current, item.amount, item.funding, line_label(line))
            check_split(session, gov, line.fiscal_year, item.amount, split, line_label(line))
            write_split(session, line, split)
        before_amount = line.amount
        line.adopted_amount = item.amount
        line.amount = item.amount
        session.flush()
        entity = "expenditure_line" if isinstance(line, ExpenditureLine) else "revenue_line"
        audit(
            session,
            principal,
            action="adopt",
            entity_type=entity,
            entity_id=line.id,
            summary=f"의회 의결: {before_amount:,} → {item.amount:,}천원",
            before={"amount": before_amount},
            after={"adopted_amount": item.amount},
        )
    for model in (ExpenditureLine, RevenueLine):
        session.execute(
            update(model)
            .where(
                model.government_code == gov,
                model.version_id == version.id,
                model.adopted_amount.is_(None),
            )
            .values(adopted_amount=model.amount, version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
    unbalanced = [
        f"{a.name}({a.code}): 세입 {a.revenue:,}천원, 세출 {a.expenditure:,}천원, "
        f"차이 {a.difference:,}천원"
        for a in account_totals(session, version)
        if a.difference
    ]
    if unbalanced:
        raise _refuse("not_balanced", "의결 후 세입·세출이 맞지 않습니다", unbalanced)
    before = version.state
    version.state = transition(VS(version.state), VS.ADOPTED, principal.roles)
    return _version_moved(session, principal, version, before, cut_lines=len(body.lines))


def establish(session: Session, principal: Principal, version: BudgetVersion) -> BudgetVersion:
    """성립: the adopted budget takes effect; 예산확정일자 is today."""
    before = version.state
    version.state = transition(VS(version.state), VS.ESTABLISHED, principal.roles)
    version.confirmed_on = date.today()
    return _version_moved(session, principal, version, before)
