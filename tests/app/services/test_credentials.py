"""Remember me: the refresh token in the keyring, and a clear refusal when none works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from app.services.auth.credentials import SERVICE_NAME, CredentialStore, KeyringUnavailable


class MemoryKeyring(KeyringBackend):
    """A real keyring backend class that keeps its secrets in memory."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


URL = "https://hojo.example.go.kr"


def test_keeps_only_the_refresh_token_under_server_and_login(
    restore_keyring: None, tmp_path: Path
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    store = CredentialStore()
    assert store.available
    store.save(URL + "/", "kim", "refresh-1")
    store.save(URL, "kim", "refresh-2")  # replaces the older one
    assert memory.secrets == {(SERVICE_NAME, f"{URL}|kim"): "refresh-2"}
    assert store.load(URL, "kim") == "refresh-2"
    assert store.load(URL, "lee") is None
    store.forget(URL, "kim")
    store.forget(URL, "kim")  # twice is fine
    assert memory.secrets == {}
    assert list(tmp_path.iterdir()) == []  # nothing on disk here


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), chainer.ChainerBackend()],  # type: ignore[no-untyped-call]
    ids=["fail", "empty-chainer"],
)
def test_no_working_keyring_is_reported_and_nothing_kept(
    restore_keyring: None, backend: KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", [], raising=False)
    keyring.set_keyring(backend)
    store = CredentialStore()
    assert not store.available
    with pytest.raises(KeyringUnavailable) as caught:
        store.save(URL, "kim", "refresh-1")
    assert "로그인 상태를 기억할 수 없습니다" in caught.value.reason
    assert store.load(URL, "kim") is None
    store.forget(URL, "kim")  # quietly nothing


def test_a_locked_keyring_is_explained(restore_keyring: None) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeyringUnavailable) as caught:
        CredentialStore().save(URL, "kim", "refresh-1")
    assert "저장하지 못했습니다" in caught.value.reason
