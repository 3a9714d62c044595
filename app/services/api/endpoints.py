"""Typed calls of the server API the client needs, returning the shared ``domain.contracts``.

Writes to mutable resources take the ``version`` the caller started from and send it as
``If-Match``. A stale write raises :class:`StaleError`; for lines this module re-reads the
line and attaches it as ``error.current`` so the conflict dialog has "theirs" at once.
Lists follow the cursor to the end (the server pages by ``limit``/``cursor``). The calls are
grouped by area: ``budget_calls``, ``execution_calls`` and, here, the rest.
"""

from __future__ import annotations

import uuid

from app.services.api.budget_calls import BudgetCalls
from app.services.api.calls import PAGE_LIMIT as PAGE_LIMIT
from app.services.api.execution_calls import ExecutionCalls
from domain.contracts.audit import ChangeFeed, HistoryEvent, HistoryPage
from domain.contracts.auth import SessionUser
from domain.contracts.structure import (
    AccountOut,
    CodeOut,
    DepartmentOut,
    FundingSourceOut,
    GovernmentOut,
    ProgramOut,
    ProgramPage,
    ProgramPurposeUpdate,
)
from domain.contracts.users import (
    PasswordResetRequest,
    UserCreate,
    UserOut,
    UserPage,
    UserUpdate,
)


class HojoApi(BudgetCalls, ExecutionCalls):
    """The server's REST API through one signed-in :class:`Session` (``HojoApi(session)``).

    The calls of who-am-I, structure, history and users are here; the budget calls come from
    :class:`BudgetCalls`, the 집행 calls from :class:`ExecutionCalls`, and the request helpers
    they share from :class:`~app.services.api.calls.ApiBase`.
    """

    # --- who am I ------------------------------------------------------------------------------
    def me(self) -> SessionUser:
        return self._get(SessionUser, "/auth/me")

    def change_password(self, current_password: str, new_password: str) -> SessionUser:
        return self.session.change_password(current_password, new_password)

    def government(self) -> GovernmentOut:
        """The signed-in user's government (code and name; from the token on the server)."""
        return self._get(GovernmentOut, "/government")

    # --- structure -----------------------------------------------------------------------------
    def departments(self) -> list[DepartmentOut]:
        return self._list(DepartmentOut, "/departments")

    def accounts(self, year: int) -> list[AccountOut]:
        """회계 of a fiscal year (numbering is local to the government)."""
        return self._list(AccountOut, "/accounts", year=year)

    def funding_sources(self, year: int) -> list[FundingSourceOut]:
        """재원 of a fiscal year, in the government's order."""
        found = self._list(FundingSourceOut, "/funding-sources", year=year)
        return sorted(found, key=lambda f: (f.position, f.code))

    def codes(self, year: int, which: str) -> list[CodeOut]:
        """A shared code list with this government's additions: objects|functions|revenue-items."""
        return self._list(CodeOut, f"/codes/{year}/{which}")

    def programs(
        self,
        year: int | None = None,
        *,
        level: str | None = None,
        department_id: uuid.UUID | None = None,
        parent_id: uuid.UUID | None = None,
        q: str | None = None,
    ) -> list[ProgramOut]:
        params = {
            "year": year,
            "level": level,
            "department_id": department_id,
            "parent_id": parent_id,
            "q": q,
        }
        return [p for page in self._pages(ProgramPage, "/programs", **params) for p in page.items]

    def program(self, program_id: uuid.UUID) -> ProgramOut:
        return self._get(ProgramOut, f"/programs/{program_id}")

    def set_program_purpose(
        self, program_id: uuid.UUID, body: ProgramPurposeUpdate, version: int
    ) -> ProgramOut:
        """사업목적 of a 세부사업 (``body.version_id``: the version the 부서 is writing)."""
        path = f"/programs/{program_id}/purpose"
        return self._send(ProgramOut, "PUT", path, body, if_match=version)

    # --- history and change feed ---------------------------------------------------------------
    def history(self, entity_type: str, entity_id: uuid.UUID | str) -> list[HistoryEvent]:
        """Who changed what and when (newest first), e.g. ``("expenditure_line", id)``."""
        path = f"/history/{entity_type}/{entity_id}"
        return [e for page in self._pages(HistoryPage, path) for e in page.items]

    def changes(self, since: int = 0, limit: int = 1000) -> ChangeFeed:
        """What changed after cursor ``since``; pass ``next_cursor`` back next time."""
        return self._get(ChangeFeed, "/changes", since=since, limit=limit)

    # --- users (admin) -------------------------------------------------------------------------
    def users(self, q: str | None = None) -> list[UserOut]:
        return [u for page in self._pages(UserPage, "/users", q=q) for u in page.items]

    def user(self, user_id: uuid.UUID) -> UserOut:
        return self._get(UserOut, f"/users/{user_id}")

    def create_user(self, body: UserCreate) -> UserOut:
        return self._send(UserOut, "POST", "/users", body)

    def update_user(self, user_id: uuid.UUID, body: UserUpdate, version: int) -> UserOut:
        return self._send(UserOut, "PATCH", f"/users/{user_id}", body, if_match=version)

    def reset_password(self, user_id: uuid.UUID, new_password: str, version: int) -> UserOut:
        body = PasswordResetRequest(new_password=new_password)
        path = f"/users/{user_id}/reset-password"
        return self._send(UserOut, "POST", path, body, if_match=version)

    def unlock_user(self, user_id: uuid.UUID) -> UserOut:
        return self._send(UserOut, "POST", f"/users/{user_id}/unlock")
