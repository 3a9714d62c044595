"""The FastAPI application factory."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from server.config import API_VERSION, SERVER_VERSION, Settings, load_settings
from server.db import make_engine, make_session_factory
from server.kit.body_limit import BodyLimitMiddleware
from server.kit.errors import install_error_handlers
from server.routes import api_router


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or load_settings()
    engine = engine or make_engine(settings.database_url)
    app = FastAPI(
        title="Hojo Desk API",
        version=API_VERSION,
        description=f"호조 데스크 서버 {SERVER_VERSION}: 지방재정 예산편성·집행 REST API",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    install_error_handlers(app)

    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.include_router(api_router, prefix="/api/v1")
    return app
