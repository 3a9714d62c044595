"""The base of the typed API calls: one signed-in :class:`Session` and the four ways a call
goes — read one (``_get``), read a list (``_list``), write (``_send``, with ``If-Match`` and
``Idempotency-Key``) and follow a paged list's cursor to the end (``_pages``).

The calls themselves are grouped by area (``budget_calls``, ``execution_calls``) and put
together in :class:`app.services.api.endpoints.HojoApi`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from app.services.api.session import Session

M = TypeVar("M", bound=BaseModel)
PAGE_LIMIT = 500


def body_json(model: BaseModel) -> Any:
    """The JSON of a request body: only the fields the caller set."""
    return model.model_dump(mode="json", exclude_unset=True)


class ApiBase:
    """The server's REST API through one signed-in :class:`Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- helpers -------------------------------------------------------------------------------
    def _get(self, model: type[M], path: str, **params: Any) -> M:
        return model.model_validate(self.session.request("GET", path, params=params).json())

    def _list(self, model: type[M], path: str, **params: Any) -> list[M]:
        raw = self.session.request("GET", path, params=params).json()
        return [model.model_validate(item) for item in raw]

    def _send(
        self,
        model: type[M],
        method: str,
        path: str,
        body: BaseModel | None = None,
        *,
        if_match: int | None = None,
        idempotency_key: uuid.UUID | None = None,
    ) -> M:
        response = self.session.request(
            method,
            path,
            json=body_json(body) if body is not None else None,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
        return model.model_validate(response.json())

    def _pages(self, page: type[M], path: str, **params: Any) -> Iterator[M]:
        cursor: str | None = None
        while True:
            result = self._get(page, path, limit=PAGE_LIMIT, cursor=cursor, **params)
            yield result
            cursor = getattr(result, "next_cursor", None)
            if not cursor:
                return
