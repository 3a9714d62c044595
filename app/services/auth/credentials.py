""" "Remember me": only the refresh token, only in the OS keyring (``keyring``).

Entries use the service name ``"Hojo Desk"`` and the username ``"<server url>|<login>"``, so
one PC can remember several servers and logins. Nothing secret is ever written to a settings
file. When no keyring backend works — ``keyring.backends.fail.Keyring``, a chainer with no
viable backend, the null backend, or a plain-text file backend — :class:`KeyringUnavailable`
says why in Korean and nothing is kept.
"""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

SERVICE_NAME = "Hojo Desk"

_NO_BACKEND = (
    "이 PC에서 사용할 수 있는 암호 보관소(키링)가 없어 로그인 상태를 기억할 수 없습니다. "
    "다음에도 비밀번호를 입력해야 합니다."
)
_PLAINTEXT = (
    "이 PC의 키링은 암호를 일반 파일에 그대로 저장하는 방식이라 로그인 상태를 기억하지 "
    "않습니다. 다음에도 비밀번호를 입력해야 합니다."
)


class KeyringUnavailable(Exception):
    """No working keyring: ``reason`` is Korean, for the sign-in dialog."""

    def __init__(self, reason: str, *, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail  # the backend and the technical error, for logs


def _describe(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def unavailable_reason(backend: KeyringBackend) -> str | None:
    """Why ``backend`` cannot keep a secret safely, in Korean; None when it can."""
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return _NO_BACKEND
    if isinstance(backend, chainer.ChainerBackend):
        usable = [b for b in backend.backends if unavailable_reason(b) is None]
        return None if usable else _NO_BACKEND
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.null") or name == "PlaintextKeyring":
        return _PLAINTEXT if name == "PlaintextKeyring" else _NO_BACKEND
    try:
        priority = float(backend.priority)
    except Exception:  # noqa: BLE001 - the priority property raises when not viable here
        return _NO_BACKEND
    return _NO_BACKEND if priority <= 0 else None


class CredentialStore:
    """The refresh tokens remembered on this PC, one per server and login."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    @staticmethod
    def username(server_url: str, login: str) -> str:
        return f"{server_url.strip().rstrip('/')}|{login}"

    def check(self) -> None:
        """Raise :class:`KeyringUnavailable` when no backend can keep a secret."""
        backend = self.backend
        reason = unavailable_reason(backend)
        if reason is not None:
            raise KeyringUnavailable(reason, detail=_describe(backend))

    @property
    def available(self) -> bool:
        try:
            self.check()
        except KeyringUnavailable:
            return False
        return True

    def save(self, server_url: str, login: str, refresh_token: str) -> None:
        """Keep the refresh token (replacing an older one); KeyringUnavailable if impossible."""
        self.check()
        try:
            self.backend.set_password(SERVICE_NAME, self.username(server_url, login), refresh_token)
        except KeyringError as error:
            raise KeyringUnavailable(
                "키링에 로그인 상태를 저장하지 못했습니다 (키링이 잠겨 있거나 응답하지 "
                "않습니다). 다음에도 비밀번호를 입력해야 합니다.",
                detail=f"{_describe(self.backend)}: {error}",
            ) from error

    def load(self, server_url: str, login: str) -> str | None:
        """The remembered refresh token, or None (also when no keyring works)."""
        if not self.available:
            return None
        try:
            return self.backend.get_password(SERVICE_NAME, self.username(server_url, login))
        except KeyringError as error:
            log.warning("could not read the keyring: %s", error)
            return None

    def forget(self, server_url: str, login: str) -> None:
        """Remove the remembered token (sign-out, "remember me" turned off, revoked)."""
        if not self.available:
            return
        try:
            self.backend.delete_password(SERVICE_NAME, self.username(server_url, login))
        except PasswordDeleteError:
            pass  # nothing was remembered
        except KeyringError as error:
            log.warning("could not remove the remembered token: %s", error)
