"""Sign-in, silent refresh (exactly one at a time), revocation and sign-out, on a real server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from app.services.api.endpoints import HojoApi
from app.services.api.errors import AuthExpired, NotSignedIn, SessionRevoked
from app.services.api.session import REFRESH_MARGIN, Session
from tests.app.services.conftest import Wire
from tests.app.services.harness import PASSWORD, RunningServer

MakeSession = Callable[..., Session]


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_sign_in_reports_user_and_time_left(make_session: MakeSession) -> None:
    session = make_session()
    user = session.sign_in("u_dept_budget", PASSWORD)
    assert user.login == "u_dept_budget" and user.roles == ["dept_budget"]
    assert session.is_signed_in
    assert 14 * 60 < session.seconds_left() <= 15 * 60
    assert session.expires_at is not None
    assert HojoApi(session).me().login == "u_dept_budget"


def test_wrong_password_is_a_korean_401(make_session: MakeSession) -> None:
    session = make_session()
    with pytest.raises(AuthExpired) as caught:
        session.sign_in("u_dept_budget", "wrong-password-1")
    assert caught.value.status == 401 and caught.value.code == "invalid_credentials"
    assert "비밀번호" in caught.value.detail
    assert not session.is_signed_in
    with pytest.raises(NotSignedIn):
        HojoApi(session).me()


def test_refreshes_silently_before_expiry(make_session: MakeSession, wire: Wire) -> None:
    clock = Clock()
    kept: list[str] = []
    session = make_session(clock=clock, on_refresh_token=kept.append)
    session.sign_in("u_dept_budget", PASSWORD)
    first_refresh_token = session.refresh_token
    api = HojoApi(session)
    api.me()
    assert wire.count("/auth/refresh") == 0
    clock.now += 15 * 60 - REFRESH_MARGIN + 1  # inside the margin: refresh before the call
    assert api.me().login == "u_dept_budget"
    assert wire.count("/auth/refresh") == 1
    assert session.refresh_token != first_refresh_token
    assert kept == [first_refresh_token, session.refresh_token]  # "remember me" sees each one
    assert session.seconds_left() > 14 * 60


def test_401_refreshes_once_and_retries(
    make_session: MakeSession, server: RunningServer, wire: Wire
) -> None:
    session = make_session()
    session.sign_in("u_dept_budget", PASSWORD)
    # The server no longer accepts the access token (expired by its own clock).
    session._access = server.expired_token("u_dept_budget")
    assert HojoApi(session).me().login == "u_dept_budget"
    assert wire.count("/auth/refresh") == 1
    assert wire.count("/auth/me") == 2  # the 401, then the retry


@pytest.mark.parametrize("cause", ["server_401", "client_clock"])
def test_concurrent_calls_trigger_exactly_one_refresh(
    make_session: MakeSession, server: RunningServer, wire: Wire, cause: str
) -> None:
    clock = Clock()
    session = make_session(clock=clock)
    session.sign_in("u_dept_budget", PASSWORD)
    if cause == "server_401":
        session._access = server.expired_token("u_dept_budget")
    else:
        clock.now += 15 * 60  # every caller sees the token about to end
    api = HojoApi(session)
    barrier = threading.Barrier(8)
    results: list[str] = []
    errors: list[BaseException] = []

    def call() -> None:
        barrier.wait()
        try:
            results.append(api.me().login)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert results == ["u_dept_budget"] * 8
    assert wire.count("/auth/refresh") == 1
    assert session.refresh_count == 1
    # The family is intact: a reused refresh token would have revoked it.
    assert api.me().login == "u_dept_budget"
    session.extend()
    assert api.me().login == "u_dept_budget"


def test_extend_renews_the_session(make_session: MakeSession, wire: Wire) -> None:
    clock = Clock()
    session = make_session(clock=clock)
    session.sign_in("u_dept_budget", PASSWORD)
    clock.now += 14 * 60  # the UI warns: one minute left
    assert session.seconds_left() == pytest.approx(60, abs=2)
    new_end = session.extend()
    assert wire.count("/auth/refresh") == 1
    assert session.seconds_left() > 14 * 60
    assert new_end == session.expires_at


def test_reused_refresh_token_revokes_and_asks_again(make_session: MakeSession) -> None:
    mine = make_session()
    mine.sign_in("u_dept_budget", PASSWORD)
    stolen = mine.refresh_token
    assert stolen is not None
    thief = make_session()
    thief.resume(stolen)  # first use: fine for the thief
    with pytest.raises(SessionRevoked) as caught:
        mine.extend()  # second use of the same token: the server revokes the family
    assert "비밀번호를 다시" in caught.value.message
    assert not mine.is_signed_in
    assert mine.login == "u_dept_budget"  # the UI can ask for this login's password again
    with pytest.raises(SessionRevoked):
        thief.extend()  # the whole family is gone
    mine.sign_in(mine.login, PASSWORD)  # asking again works
    assert HojoApi(mine).me().login == "u_dept_budget"


def test_sign_out_revokes_the_refresh_token(make_session: MakeSession) -> None:
    session = make_session()
    session.sign_in("u_dept_budget", PASSWORD)
    token = session.refresh_token
    assert token is not None
    session.sign_out()
    assert not session.is_signed_in and session.seconds_left() == 0
    with pytest.raises(SessionRevoked):
        make_session().resume(token)


def test_remembered_token_resumes(make_session: MakeSession) -> None:
    first = make_session()
    first.sign_in("u_admin", PASSWORD)
    token = first.refresh_token
    assert token is not None
    second = make_session()
    user = second.resume(token)
    assert user.login == "u_admin"
    assert HojoApi(second).me().login == "u_admin"
