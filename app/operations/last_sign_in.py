"""Which server and ID were used last, and whether "remember me" was on: a small JSON file in
the data folder (nothing secret; the refresh token itself stays in the OS keyring)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LAST_SIGN_IN_FILE = "last_sign_in.json"


def read_last(path: Path) -> dict[str, Any]:
    """The file's contents ({} when it is missing or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_login(path: Path, url: str) -> str:
    """The ID last used on the server at ``url`` ("" for another server)."""
    data = read_last(path)
    if str(data.get("server_url", "")).rstrip("/") != url.strip().rstrip("/"):
        return ""
    return str(data.get("login", ""))


def last_remembered(path: Path) -> bool:
    return bool(read_last(path).get("remember", False))


def write_last(path: Path, server_url: str, login: str, remember: bool) -> None:
    """Note the sign-in; a folder that cannot be written is logged, never raised."""
    data = {"server_url": server_url, "login": login, "remember": remember}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except OSError as error:
        log.warning("could not note the last sign-in: %s", error)
