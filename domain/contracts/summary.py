"""Wire models of the budget summary of one version (amounts in 천원)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel


class AccountTotal(BaseModel):
    code: str
    name: str
    amount: int


class AccountBalance(BaseModel):
    code: str
    name: str
    expenditure: int
    revenue: int
    balance: int  # 세입 − 세출


class FundingTotal(BaseModel):
    code: str
    name: str
    is_subsidy: bool
    amount: int


class ChapterTotal(BaseModel):
    code: str  # 장 ("500" 보조금): the 목's ancestor in the shared code list
    name: str
    amount: int


class ProgramCounts(BaseModel):
    by_name: int  # distinct names
    by_department: int  # scoped by 부서: two 부서' same-named projects are two


class Counts(BaseModel):
    departments: int  # 부서 with 세출 lines
    revenue_departments: int  # 부서 with 세입 lines
    objects: int  # 통계목
    expenditure_lines: int
    revenue_lines: int
    basis_items: int
    policy: ProgramCounts  # 정책사업
    unit: ProgramCounts  # 단위사업
    detail: ProgramCounts  # 세부사업


class BasisIssue(BaseModel):
    item_id: uuid.UUID
    line_id: uuid.UUID
    label: str
    formula: str | None
    amount: int  # 천원
    expected: int | None = None  # 천원 from the children or the formula
    flag: str | None = None


class BasisChecks(BaseModel):
    """산출근거 of one side (세출 or 세입).

    세출: a formula reproduces its amount when ceil(formula in 원 / 1000) = amount;
    세입 rounds down (floor).
    """

    parent_groups: int
    parents_equal_to_children: int
    plain_formulas: int
    formulas_reproducing_amount: int
    flagged: list[BasisIssue]
    parent_mismatches: list[BasisIssue]  # at most 50
    formula_mismatches: list[BasisIssue]  # at most 50


class BaseAmounts(BaseModel):
    """기정액: 0 everywhere in a 본예산."""

    expenditure_total: int
    revenue_total: int
    funding_total: int
    nonzero_lines: int


class BudgetSummary(BaseModel):
    version_id: uuid.UUID
    fiscal_year: int
    kind: str
    state: str
    expenditure_total: int
    expenditure_by_account: list[AccountTotal]
    revenue_total: int
    revenue_by_account: list[AccountTotal]
    balance_by_account: list[AccountBalance]
    expenditure_by_funding: list[FundingTotal]
    subsidy_total: int  # 국고+균특+기금+광역 보조
    revenue_by_chapter: list[ChapterTotal]
    lines_with_funding_mismatch: int  # 세출 lines whose 재원 split ≠ 예산액
    base_amounts: BaseAmounts
    counts: Counts
    expenditure_basis: BasisChecks
    revenue_basis: BasisChecks
