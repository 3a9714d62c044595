"""Session operations against a real ``hojo-server`` child process (inline task manager)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from app.config import Config
from app.operations import ChangeHub, OperationRunner
from app.operations.session import (
    ApiError,
    IncompatibleServer,
    OfflineError,
    SessionOps,
    SignInResult,
)
from app.services.auth.credentials import CredentialStore
from app.tasks import TaskManager
from tests.app.operations.server_process import ServerProcess, fake_health, hojo_server
from tests.app.services.harness import closed_port
from tests.app.services.test_credentials import MemoryKeyring


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with hojo_server(tmp_path_factory.mktemp("hojo-server")) as running:
        yield running


class Outcome:
    def __init__(self) -> None:
        self.result: Any = None
        self.error: BaseException | None = None

    def done(self, result: Any) -> None:
        self.result = result

    def failed(self, error: BaseException) -> None:
        self.error = error


@pytest.fixture
def make_ops(tmp_path: Path, qapp: object) -> Iterator[Callable[..., SessionOps]]:
    made: list[SessionOps] = []

    def make(store: CredentialStore | None = None) -> SessionOps:
        config = Config.load(
            {"HOJO_DATA_DIR": str(tmp_path / "data"), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)}
        )
        runner = OperationRunner(TaskManager(inline=True), ChangeHub())
        backend = store or CredentialStore(MemoryKeyring())
        ops = SessionOps(config, runner, credentials=lambda: backend)
        made.append(ops)
        return ops

    yield make
    for ops in made:
        ops.close()


def test_sign_in_remember_resume_and_sign_out(
    server: ServerProcess, make_ops: Callable[..., SessionOps]
) -> None:
    store = CredentialStore(MemoryKeyring())
    ops = make_ops(store)
    out = Outcome()
    ops.sign_in(server.url, server.login, server.password, True, out.done, out.failed)
    assert out.error is None
    result: SignInResult = out.result
    assert result.user.login == server.login and result.remembered
    assert store.load(server.url, server.login) == ops.session.refresh_token  # type: ignore[union-attr]
    assert ops.last_login(server.url) == server.login and ops.last_remembered()

    again = make_ops(store)  # a new start of the client: resume from the keyring
    resumed = Outcome()
    again.resume(server.url, resumed.done, resumed.failed)
    assert resumed.error is None and resumed.result.user.login == server.login
    assert store.load(server.url, server.login) == again.session.refresh_token  # type: ignore[union-attr]

    extended = Outcome()
    again.extend(extended.done, extended.failed)
    assert extended.error is None and extended.result is not None

    again.sign_out()
    assert store.load(server.url, server.login) is None
    assert not again.session.is_signed_in  # type: ignore[union-attr]


def test_wrong_password_is_an_api_error(
    server: ServerProcess, make_ops: Callable[..., SessionOps]
) -> None:
    out = Outcome()
    make_ops().sign_in(server.url, server.login, "wrong-pass-1234", False, out.done, out.failed)
    assert isinstance(out.error, ApiError) and out.error.code == "invalid_credentials"


def test_no_keyring_keeps_nothing_and_says_why(
    server: ServerProcess, make_ops: Callable[..., SessionOps]
) -> None:
    ops = make_ops(CredentialStore(fail.Keyring()))
    assert "키링" in ops.keyring_problem()
    out = Outcome()
    ops.sign_in(server.url, server.login, server.password, True, out.done, out.failed)
    assert out.error is None
    assert not out.result.remembered and "키링" in out.result.keyring_problem


def test_unreachable_and_incompatible_servers(make_ops: Callable[..., SessionOps]) -> None:
    ops = make_ops()
    out = Outcome()
    ops.check_server(f"http://127.0.0.1:{closed_port()}", out.done, out.failed)
    assert isinstance(out.error, OfflineError)
    for version, kind in (("0.9", "server_too_old"), ("2.0", "client_too_old")):
        with fake_health(version) as url:
            checked = Outcome()
            ops.check_server(url, checked.done, checked.failed)
            assert checked.result.compatibility.value == kind
            signed = Outcome()
            ops.sign_in(url, "kim", "whatever-123", False, signed.done, signed.failed)
            assert isinstance(signed.error, IncompatibleServer)
