"""A real keyring backend for tests that must share secrets with a child process: it keeps
them in the JSON file named by ``HOJO_TEST_KEYRING_FILE``. A child picks it with
``PYTHON_KEYRING_BACKEND=tests.app.services.reports.file_keyring.FileKeyring`` (keyring's own
environment variable), so the child runs the same ``keyring`` code path as on a desk PC."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "HOJO_TEST_KEYRING_FILE"
BACKEND = f"{__name__}.FileKeyring"


class FileKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV])

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def _write(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @staticmethod
    def _key(service: str, username: str) -> str:
        return f"{service}\n{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[self._key(service, username)] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError(username)
        self._write(data)

    def secrets(self) -> dict[str, str]:
        return self._read()
