"""Encryption of 주민등록번호 at rest (AES-256-GCM) with a key kept outside the database.

The key comes from ``HOJO_ENCRYPTION_KEY`` (32 bytes, URL-safe base64) or, failing that, the
file ``payee-encryption.key`` in the data folder, created once with mode 0600. The government
code is bound as associated data, so a cipher text copied to another government's row does not
decrypt. Stored form: ``v1:`` + base64(nonce ‖ cipher text ‖ tag).
"""

from __future__ import annotations

import base64
import os
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_ENV = "HOJO_ENCRYPTION_KEY"
KEY_FILE = "payee-encryption.key"
_PREFIX = "v1:"


def _decode_key(text: str) -> bytes:
    raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    if len(raw) != 32:
        raise ValueError(f"{KEY_ENV}/{KEY_FILE} must hold 32 bytes (URL-safe base64)")
    return raw


@cache
def _file_key(data_dir: str) -> bytes:
    path = Path(data_dir) / KEY_FILE
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first
        else:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode())
    return _decode_key(path.read_text(encoding="ascii"))


def encryption_key(data_dir: Path) -> bytes:
    env = os.environ.get(KEY_ENV)
    if env:
        return _decode_key(env)
    return _file_key(str(data_dir))


def encrypt(key: bytes, government_code: str, plain: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plain.encode("utf-8"), government_code.encode("ascii"))
    return _PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def decrypt(key: bytes, government_code: str, stored: str) -> str:
    if not stored.startswith(_PREFIX):
        raise ValueError("unknown cipher text format")
    raw = base64.b64decode(stored[len(_PREFIX) :])
    plain = AESGCM(key).decrypt(raw[:12], raw[12:], government_code.encode("ascii"))
    return plain.decode("utf-8")
