"""HTTP endpoints of the structure area (thin: parse, check role, call the service)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["structure"])
