"""HTTP endpoint of the budget summary (thin: role check, call the service)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from domain.contracts.summary import BudgetSummary
from domain.roles import Action
from server.deps import DbSession, Principal, require
from server.summary.service import budget_summary

router = APIRouter(tags=["summary"])


@router.get("/budget-versions/{version_id}/summary", response_model=BudgetSummary)
def get_summary(
    version_id: uuid.UUID,
    session: DbSession,
    principal: Annotated[Principal, Depends(require(Action.READ_BUDGET))],
) -> BudgetSummary:
    """세출/세입 totals per 회계, balance, 재원, 장, counts and 산출근거 checks (천원)."""
    return budget_summary(session, principal.government_code, version_id)
