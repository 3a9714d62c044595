"""Server settings, read once from the environment (HOJO_*)."""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

API_VERSION = "1.0"
"""Version of the REST contract; clients compare it with what they support."""

SERVER_VERSION = "0.1.0"


def default_data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%\\Hojo on Windows, XDG data home elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Hojo"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hojo"


def normalise_database_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the psycopg 3 driver for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    secret_key: str
    access_token_minutes: int = 15
    refresh_token_days: int = 14
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    max_body_bytes: int = 20 * 1024 * 1024
    demo_credential: str | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _secret_key(data_dir: Path) -> str:
    env = os.environ.get("HOJO_SECRET_KEY")
    if env:
        return env
    path = data_dir / "server-secret.key"
    if path.is_file():
        return path.read_text(encoding="ascii").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key


def load_settings() -> Settings:
    data_dir = Path(os.environ.get("HOJO_DATA_DIR") or default_data_dir())
    url = os.environ.get("HOJO_DATABASE_URL") or f"sqlite:///{(data_dir / 'hojo.db').as_posix()}"
    return Settings(
        data_dir=data_dir,
        database_url=normalise_database_url(url),
        secret_key=_secret_key(data_dir),
        demo_credential=os.environ.get("HOJO_DEMO_CREDENTIAL") or None,
    )
