"""HTTP endpoints of the audit area (thin: parse, check role, call the service)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["audit"])
