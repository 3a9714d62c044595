"""Health and version: the one route that needs no sign-in."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from server.config import API_VERSION, SERVER_VERSION

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    server_version: str
    api_version: str
    min_client_api_version: str


@router.get("/health", summary="서버 상태와 API 버전 (인증 불필요)")
def health() -> Health:
    return Health(
        status="ok",
        server_version=SERVER_VERSION,
        api_version=API_VERSION,
        min_client_api_version="1.0",
    )
