"""Small builders of wire objects for the model tests."""

from __future__ import annotations

import uuid
from datetime import datetime

from domain.contracts.budget import BasisItemOut, ExpenditureLineOut, RevenueLineOut
from domain.contracts.structure import ProgramOut

VERSION_ID = uuid.UUID(int=7)
NOW = datetime(2026, 1, 1)


def program(
    name: str,
    level: str,
    department: uuid.UUID,
    parent: ProgramOut | None = None,
    code: str | None = None,
    position: int = 0,
) -> ProgramOut:
    return ProgramOut(
        id=uuid.uuid4(),
        fiscal_year=2026,
        level=level,
        name=name,
        code=code,
        department_id=department,
        parent_id=parent.id if parent else None,
        committee="",
        funding_type="",
        position=position,
        version=1,
    )


def line(
    object_code: str = "201-01",
    amount: int = 1000,
    *,
    base: int = 0,
    requested: int | None = None,
    adjusted: int | None = None,
    adopted: int | None = None,
    account: str = "100",
    funding: dict[str, int] | None = None,
    program_id: uuid.UUID | None = None,
    position: int = 0,
    version: int = 1,
    line_id: uuid.UUID | None = None,
) -> ExpenditureLineOut:
    return ExpenditureLineOut(
        id=line_id or uuid.uuid4(),
        version_id=VERSION_ID,
        fiscal_year=2026,
        account_code=account,
        program_id=program_id or uuid.UUID(int=1),
        department_id=uuid.UUID(int=2),
        object_code=object_code,
        sector_code="",
        amount=amount,
        base_amount=base,
        requested_amount=requested,
        adjusted_amount=adjusted,
        adopted_amount=adopted,
        adjust_reason="",
        funding=funding if funding is not None else {"city": amount},
        funding_base={},
        position=position,
        version=version,
    )


def revenue_line(item_code: str = "22101", amount: int = 500) -> RevenueLineOut:
    return RevenueLineOut(
        id=uuid.uuid4(),
        version_id=VERSION_ID,
        fiscal_year=2026,
        account_code="100",
        department_id=uuid.UUID(int=2),
        item_code=item_code,
        amount=amount,
        base_amount=400,
        requested_amount=None,
        adjusted_amount=None,
        adopted_amount=None,
        adjust_reason="",
        position=0,
        version=1,
    )


def item(
    label: str,
    formula: str | None = None,
    children: list[BasisItemOut] | None = None,
    *,
    amount: int = 0,
    amount_won: int | None = None,
    flag: str | None = None,
) -> BasisItemOut:
    return BasisItemOut(
        id=uuid.uuid4(),
        label=label,
        formula=formula,
        amount=amount,
        amount_won=amount_won,
        flag=flag,
        children=children or [],
    )
