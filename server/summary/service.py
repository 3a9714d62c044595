"""Budget summary of one version, computed with SQL aggregates (amounts in 천원).

Never writes. Tenancy: every query filters on the caller's government; a version of another
government is "not found".
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, and_, distinct, func, select
from sqlalchemy.orm import Session, aliased

from domain.codes import CodeBook, load_codebook
from domain.contracts.summary import (
    AccountBalance,
    AccountTotal,
    BaseAmounts,
    BasisChecks,
    BasisIssue,
    BudgetSummary,
    ChapterTotal,
    Counts,
    FundingTotal,
    ProgramCounts,
)
from server.kit.errors import not_found
from server.models import (
    Account,
    BasisItem,
    BudgetVersion,
    ExpenditureLine,
    FundingSource,
    LineFunding,
    LocalCode,
    Program,
    RevenueLine,
)

_MAX_ISSUES = 50
LineModel = type[ExpenditureLine] | type[RevenueLine]


def get_version(session: Session, gov: str, version_id: uuid.UUID) -> BudgetVersion:
    version = session.scalar(
        select(BudgetVersion).where(
            BudgetVersion.government_code == gov, BudgetVersion.id == version_id
        )
    )
    if version is None:
        raise not_found("예산 버전")
    return version


def budget_summary(session: Session, gov: str, version_id: uuid.UUID) -> BudgetSummary:
    version = get_version(session, gov, version_id)
    exp = account_totals(session, gov, version, ExpenditureLine)
    rev = account_totals(session, gov, version, RevenueLine)
    names = {a.code: a.name for a in [*exp, *rev]}
    e_by, r_by = {a.code: a.amount for a in exp}, {a.code: a.amount for a in rev}
    funding = _funding(session, gov, version)
    return BudgetSummary(
        version_id=version.id,
        fiscal_year=version.fiscal_year,
        kind=version.kind,
        state=version.state,
        expenditure_total=sum(e_by.values()),
        expenditure_by_account=exp,
        revenue_total=sum(r_by.values()),
        revenue_by_account=rev,
        balance_by_account=[
            AccountBalance(
                code=c,
                name=names[c],
                expenditure=e_by.get(c, 0),
                revenue=r_by.get(c, 0),
                balance=r_by.get(c, 0) - e_by.get(c, 0),
            )
            for c in sorted(names)
        ],
        expenditure_by_funding=funding,
        subsidy_total=sum(f.amount for f in funding if f.is_subsidy),
        revenue_by_chapter=_chapters(session, gov, version),
        lines_with_funding_mismatch=_funding_mismatches(session, gov, version.id),
        base_amounts=_base_amounts(session, gov, version.id),
        counts=_counts(session, gov, version.id),
        expenditure_basis=_basis_checks(session, gov, version.id, ExpenditureLine),
        revenue_basis=_basis_checks(session, gov, version.id, RevenueLine),
    )


def account_totals(
    session: Session, gov: str, version: BudgetVersion, model: LineModel
) -> list[AccountTotal]:
    """Per 회계 (code order): sum of line amounts."""
    rows = session.execute(
        select(model.account_code, Account.name, func.sum(model.amount))
        .join(
            Account,
            and_(
                Account.government_code == model.government_code,
                Account.fiscal_year == model.fiscal_year,
                Account.code == model.account_code,
            ),
        )
        .where(model.government_code == gov, model.version_id == version.id)
        .group_by(model.account_code, Account.name)
        .order_by(model.account_code)
    ).all()
    return [AccountTotal(code=c, name=n, amount=int(a or 0)) for c, n, a in rows]


def _funding(session: Session, gov: str, version: BudgetVersion) -> list[FundingTotal]:
    sums = (
        select(LineFunding.source_code, func.sum(LineFunding.amount).label("amount"))
        .join(
            ExpenditureLine,
            and_(
                ExpenditureLine.government_code == LineFunding.government_code,
                ExpenditureLine.id == LineFunding.line_id,
            ),
        )
        .where(ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version.id)
        .group_by(LineFunding.source_code)
        .subquery()
    )
    rows = session.execute(
        select(FundingSource.code, FundingSource.name, FundingSource.is_subsidy, sums.c.amount)
        .outerjoin(sums, sums.c.source_code == FundingSource.code)
        .where(
            FundingSource.government_code == gov,
            FundingSource.fiscal_year == version.fiscal_year,
        )
        .order_by(FundingSource.position, FundingSource.code)
    ).all()
    return [
        FundingTotal(code=c, name=n, is_subsidy=bool(s), amount=int(a or 0)) for c, n, s, a in rows
    ]


def _chapters(session: Session, gov: str, version: BudgetVersion) -> list[ChapterTotal]:
    """세입 per 장: 목 "51101" → 항 511 → 관 510 → 장 500 (the code list's parents; for a code
    the list lacks, the first digit followed by "00")."""
    rows = session.execute(
        select(RevenueLine.item_code, func.sum(RevenueLine.amount))
        .where(RevenueLine.government_code == gov, RevenueLine.version_id == version.id)
        .group_by(RevenueLine.item_code)
    ).all()
    codes = load_codebook(version.fiscal_year)
    local = {
        code: name
        for code, name in session.execute(
            select(LocalCode.code, LocalCode.name).where(
                LocalCode.government_code == gov,
                LocalCode.fiscal_year == version.fiscal_year,
                LocalCode.kind == "revenue",
            )
        )
    }
    totals: dict[str, int] = {}
    for item, amount in rows:
        chapter = _chapter_of(codes, item)
        totals[chapter] = totals.get(chapter, 0) + int(amount or 0)
    out = []
    for code in sorted(totals):
        known = codes.revenue_item(code)
        name = known.name if known is not None else local.get(code, "")
        out.append(ChapterTotal(code=code, name=name, amount=totals[code]))
    return out


def _chapter_of(codes: CodeBook, item: str) -> str:
    current = codes.revenue_item(item)
    while current is not None and current.level != "장" and current.parent:
        current = codes.revenue_item(current.parent)
    if current is not None and current.level == "장":
        return current.code
    return f"{item[:1]}00" if item else ""


def _funding_mismatches(session: Session, gov: str, version_id: uuid.UUID) -> int:
    sums = (
        select(LineFunding.line_id, func.sum(LineFunding.amount).label("funded"))
        .where(LineFunding.government_code == gov)
        .group_by(LineFunding.line_id)
        .subquery()
    )
    return int(
        session.scalar(
            select(func.count())
            .select_from(ExpenditureLine)
            .outerjoin(sums, sums.c.line_id == ExpenditureLine.id)
            .where(
                ExpenditureLine.government_code == gov,
                ExpenditureLine.version_id == version_id,
                func.coalesce(sums.c.funded, 0) != ExpenditureLine.amount,
            )
        )
        or 0
    )


def _base_amounts(session: Session, gov: str, version_id: uuid.UUID) -> BaseAmounts:
    def line_sums(model: LineModel) -> tuple[int, int]:
        total, nonzero = session.execute(
            select(
                func.coalesce(func.sum(model.base_amount), 0),
                func.count().filter(model.base_amount != 0),
            ).where(model.government_code == gov, model.version_id == version_id)
        ).one()
        return int(total), int(nonzero)

    e_total, e_nonzero = line_sums(ExpenditureLine)
    r_total, r_nonzero = line_sums(RevenueLine)
    funding_total = session.scalar(
        select(func.coalesce(func.sum(LineFunding.base_amount), 0))
        .join(
            ExpenditureLine,
            and_(
                ExpenditureLine.government_code == LineFunding.government_code,
                ExpenditureLine.id == LineFunding.line_id,
            ),
        )
        .where(ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version_id)
    )
    return BaseAmounts(
        expenditure_total=e_total,
        revenue_total=r_total,
        funding_total=int(funding_total or 0),
        nonzero_lines=e_nonzero + r_nonzero,
    )


def _counts(session: Session, gov: str, version_id: uuid.UUID) -> Counts:
    detail, unit, policy = aliased(Program), aliased(Program), aliased(Program)
    e_where = (ExpenditureLine.government_code == gov, ExpenditureLine.version_id == version_id)
    row = session.execute(
        select(
            func.count(distinct(detail.department_id)),
            func.count(distinct(ExpenditureLine.object_code)),
            func.count(distinct(ExpenditureLine.id)),
            func.count(distinct(policy.name)),
            func.count(distinct(policy.id)),
            func.count(distinct(unit.name)),
            func.count(distinct(unit.id)),
            func.count(distinct(detail.name)),
            func.count(distinct(detail.id)),
        )
        .select_from(ExpenditureLine)
        .join(
            detail,
            and_(
                detail.government_code == ExpenditureLine.government_code,
                detail.id == ExpenditureLine.program_id,
            ),
        )
        .outerjoin(
            unit, and_(unit.government_code == detail.government_code, unit.id == detail.parent_id)
        )
        .outerjoin(
            policy,
            and_(policy.government_code == unit.government_code, policy.id == unit.parent_id),
        )
        .where(*e_where)
    ).one()
    r_depts, r_lines = session.execute(
        select(func.count(distinct(RevenueLine.department_id)), func.count()).where(
            RevenueLine.government_code == gov, RevenueLine.version_id == version_id
        )
    ).one()
    items = session.scalar(
        select(func.count())
        .select_from(BasisItem)
        .where(BasisItem.government_code == gov, _item_in_version(version_id))
    )
    n = [int(v or 0) for v in row]
    return Counts(
        departments=n[0],
        revenue_departments=int(r_depts or 0),
        objects=n[1],
        expenditure_lines=n[2],
        revenue_lines=int(r_lines or 0),
        basis_items=int(items or 0),
        policy=ProgramCounts(by_name=n[3], by_department=n[4]),
        unit=ProgramCounts(by_name=n[5], by_department=n[6]),
        detail=ProgramCounts(by_name=n[7], by_department=n[8]),
    )


def _item_in_version(version_id: uuid.UUID, model: LineModel | None = None) -> ColumnElement[bool]:
    """BasisItem belongs to a 세출 (or 세입, or either) line of the version."""
    clauses = []
    for m, col in (
        (ExpenditureLine, BasisItem.expenditure_line_id),
        (RevenueLine, BasisItem.revenue_line_id),
    ):
        if model is None or model is m:
            clauses.append(
                col.in_(
                    select(m.id).where(
                        m.government_code == BasisItem.government_code, m.version_id == version_id
                    )
                )
            )
    return clauses[0] if len(clauses) == 1 else clauses[0] | clauses[1]


def _basis_checks(
    session: Session, gov: str, version_id: uuid.UUID, model: LineModel
) -> BasisChecks:
    line_col = (
        BasisItem.expenditure_line_id if model is ExpenditureLine else BasisItem.revenue_line_id
    )
    in_version = (BasisItem.government_code == gov, _item_in_version(version_id, model))
    child = aliased(BasisItem)
    sums = (
        select(child.parent_id.label("pid"), func.sum(child.amount).label("total"))
        .where(child.government_code == gov, child.parent_id.is_not(None))
        .group_by(child.parent_id)
        .subquery()
    )
    parents = session.execute(
        select(BasisItem, sums.c.total)
        .join(sums, sums.c.pid == BasisItem.id)
        .where(*in_version)
        .order_by(BasisItem.position)
    ).all()
    parent_bad = [(item, int(total)) for item, total in parents if item.amount != total]
    k = BasisItem.amount * 1000
    won = BasisItem.amount_won
    if model is ExpenditureLine:  # ceil(won / 1000) = amount ⇔ won ≤ 1000·amount < won + 1000
        reproduces = and_(won <= k, k < won + 1000)
    else:  # 세입 rounds down: floor(won / 1000) = amount ⇔ 1000·amount ≤ won < 1000·amount + 1000
        reproduces = and_(k <= won, won < k + 1000)
    plain = (*in_version, BasisItem.formula.is_not(None), BasisItem.flag.is_(None))
    counted = session.execute(
        select(func.count(), func.count().filter(reproduces)).select_from(BasisItem).where(*plain)
    ).one()
    formula_bad = session.scalars(
        select(BasisItem).where(*plain, ~reproduces).order_by(BasisItem.position).limit(_MAX_ISSUES)
    ).all()
    flagged = session.scalars(
        select(BasisItem).where(*in_version, BasisItem.flag.is_not(None)).order_by(line_col)
    ).all()

    def issue(item: BasisItem, expected: int | None = None) -> BasisIssue:
        line_id: Any = item.expenditure_line_id or item.revenue_line_id
        return BasisIssue(
            item_id=item.id,
            line_id=line_id,
            label=item.label,
            formula=item.formula,
            amount=item.amount,
            expected=expected,
            flag=item.flag,
        )

    return BasisChecks(
        parent_groups=len(parents),
        parents_equal_to_children=len(parents) - len(parent_bad),
        plain_formulas=int(counted[0]),
        formulas_reproducing_amount=int(counted[1]),
        flagged=[issue(i) for i in flagged],
        parent_mismatches=[issue(i, t) for i, t in parent_bad[:_MAX_ISSUES]],
        formula_mismatches=[issue(i) for i in formula_bad],
    )
