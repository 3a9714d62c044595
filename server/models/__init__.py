"""All ORM tables (the only place besides the client cache where tables are declared)."""

from server.models.audit import AuditEvent, AuditHead
from server.models.base import Base
from server.models.budget import (
    BasisItem,
    BudgetVersion,
    ExpenditureLine,
    ImportRecord,
    LineFunding,
    Program,
    RequestState,
    RevenueLine,
)
from server.models.codes import Account, FundingSource, LocalCode
from server.models.execution import (
    Allotment,
    ExecutionBalance,
    ExecutionDocument,
    IdempotencyKey,
    Payee,
)
from server.models.org import Department, Government, RefreshToken, User, UserRole

__all__ = [
    "Account",
    "Allotment",
    "AuditEvent",
    "AuditHead",
    "Base",
    "BasisItem",
    "BudgetVersion",
    "Department",
    "ExecutionBalance",
    "ExecutionDocument",
    "ExpenditureLine",
    "FundingSource",
    "Government",
    "IdempotencyKey",
    "ImportRecord",
    "LineFunding",
    "LocalCode",
    "Payee",
    "Program",
    "RefreshToken",
    "RequestState",
    "RevenueLine",
    "User",
    "UserRole",
]
