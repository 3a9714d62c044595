"""Every area's router, mounted under /api/v1 by the app factory."""

from __future__ import annotations

from fastapi import APIRouter

from server.audit.endpoints import router as audit_router
from server.auth.demo_endpoints import router as demo_auth_router
from server.auth.endpoints import router as auth_router
from server.budget.endpoints import router as budget_router
from server.execution.endpoints import router as execution_router
from server.imports.endpoints import router as imports_router
from server.structure.endpoints import router as structure_router
from server.summary.endpoints import router as summary_router
from server.system.endpoints import router as system_router
from server.users.endpoints import router as users_router

api_router = APIRouter()
for router in (
    system_router,
    auth_router,
    demo_auth_router,
    users_router,
    structure_router,
    budget_router,
    execution_router,
    imports_router,
    summary_router,
    audit_router,
):
    api_router.include_router(router)
