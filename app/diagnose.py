"""``hojo --diagnose [--out FILE]``: one zip archive for the help desk, with no secrets.

The archive holds:

- ``summary.txt`` — a short Korean/English overview a help-desk agent can read first;
- ``versions.json`` — Hojo Desk, Python, Qt/PySide6 and library versions, the OS, frozen
  or not, the executable;
- ``configuration.json`` — every setting's effective value and where it came from
  (environment, policy, machine-wide, user, default), the configuration problems, the
  machine-wide files that were read (their ``[hojo]`` values, redacted), the proxy and
  certificate variables of the environment;
- ``connectivity.json`` — against the configured server: DNS, TCP, the TLS handshake with
  the certificate chain's subject/issuer/expiry and the verification result (operating
  system trust store plus ``ca_bundle``), and ``GET /api/v1/health``;
- ``logs/`` — the end of each log file in the user's data folder, redacted;
- ``data.json`` — the sizes of the data folder's files (never their contents: the cache
  holds drafts and personal data).

Nothing is read from the keyring. Every text that goes into the archive passes through
:func:`redact`, which removes tokens (JWT, ``Bearer``), passwords, credentials in URLs, account
and resident registration numbers, and any ``key=value`` whose key names a secret.

Used by ``hojo --diagnose`` and by the "문제 신고/진단" command (app.operations.diagnose).
No PySide6 at import time, so the command line works without a display. The redaction is in
``app.diagnose_redact``, the connectivity checks in ``app.diagnose_network``.
"""

from __future__ import annotations

import json
import os
import platform
import re
import ssl
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from app.config import SETTINGS, Config
from app.diagnose_network import connectivity
from app.diagnose_redact import (
    REDACTED,
    SECRET_KEY,
    redact,
    redact_tree,
    redact_url,
    redact_url_in,
)

__all__ = ["REDACTED", "connectivity", "main", "redact", "redact_tree", "write_archive"]

LOG_TAIL_BYTES = 256 * 1024
LOG_FILES_MAX = 20


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def build_info() -> dict[str, Any]:
    """Version and build stamp: ``hojo_build.json`` in a frozen bundle, else the metadata."""
    bundle = Path(getattr(sys, "_MEIPASS", "")) / "hojo_build.json"
    if _frozen() and bundle.is_file():
        try:
            data: dict[str, Any] = json.loads(bundle.read_text(encoding="utf-8"))
            return data
        except (OSError, ValueError):
            pass
    try:
        return {"version": metadata.version("hojo-desk"), "source": "package metadata"}
    except metadata.PackageNotFoundError:
        return {"version": "unknown", "source": "checkout"}


def versions() -> dict[str, Any]:
    info: dict[str, Any] = {
        "hojo": build_info(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.platform(),
        "machine": platform.machine(),
        "frozen": _frozen(),
        "executable": sys.executable,
        "libraries": {},
    }
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        info["libraries"]["PySide6"] = pyside
        info["libraries"]["Qt"] = qVersion()
    except ImportError as error:
        info["libraries"]["PySide6"] = f"missing: {error}"
    for name in ("httpx", "sqlalchemy", "keyring", "pydantic", "truststore", "reportlab"):
        try:
            module = __import__(name)
            info["libraries"][name] = getattr(module, "__version__", "?")
        except ImportError:
            info["libraries"][name] = None
    info["ssl"] = ssl.OPENSSL_VERSION
    return info


def configuration(config: Config) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for name in SETTINGS:
        origin = config.origin(name)
        value = config.value(name)
        if isinstance(value, str) and name in ("server_url", "proxy"):
            value = redact_url(value)
        settings[name] = {
            "value": value,
            "source": origin.kind.value,
            "location": origin.location,
            "user_can_change": config.user_can_change(name),
        }
    files: dict[str, Any] = {}
    for path in config.paths.system_config_files():
        files[str(path)] = _ini_values(path)
    env_names = [n for n in os.environ if n.upper().startswith("HOJO_")]
    env_names += [
        n
        for n in os.environ
        if n.upper()
        in ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR")
        or n.upper().startswith("REQUESTS_CA")
    ]
    environment = {n: redact(redact_url_in(os.environ[n])) for n in sorted(set(env_names))}
    return {
        "settings": settings,
        "problems": [redact(p) for p in config.problems],
        "demo_mode": config.demo_mode_applies(),
        "paths": {
            "data_dir": str(config.paths.data_dir),
            "user_settings_file": str(config.paths.user_settings_file),
            "system_config_dir": str(config.paths.system_config_dir),
            "log_dir": str(config.paths.log_dir),
        },
        "machine_files": files,
        "environment": environment,
    }


def _ini_values(path: Path) -> dict[str, str]:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8-sig")
    except (OSError, configparser.Error, UnicodeDecodeError) as error:
        return {"error": redact(str(error))}
    if not parser.has_section("hojo"):
        return {}
    out: dict[str, str] = {}
    for key, value in parser.items("hojo"):
        if re.search(SECRET_KEY, key, re.I):
            out[key] = REDACTED
        else:
            out[key] = redact(redact_url_in(value))
    return out


def recent_logs(log_dir: Path) -> dict[str, str]:
    """The end of each log file (newest first), redacted."""
    if not log_dir.is_dir():
        return {}
    files = sorted(
        (p for p in log_dir.rglob("*") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    out: dict[str, str] = {}
    for path in files[:LOG_FILES_MAX]:
        try:
            with path.open("rb") as stream:
                size = stream.seek(0, os.SEEK_END)
                stream.seek(max(0, size - LOG_TAIL_BYTES))
                text = stream.read().decode("utf-8", errors="replace")
        except OSError as error:
            text = f"(읽을 수 없음: {error})"
        out[str(path.relative_to(log_dir))] = redact(text)
    return out


def data_listing(data_dir: Path) -> list[dict[str, Any]]:
    if not data_dir.is_dir():
        return []
    return [
        {"path": str(p.relative_to(data_dir)), "bytes": p.stat().st_size}
        for p in sorted(data_dir.rglob("*"))
        if p.is_file()
    ]


def default_output() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path.home() / f"hojo-diagnose-{stamp}.zip"


def write_archive(out: Path | None = None, config: Config | None = None) -> Path:
    """Collect everything and write the zip; returns its path."""
    config = config or Config.load()
    out = out or default_output()
    out.parent.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    parts: dict[str, Any] = {
        "versions.json": versions(),
        "configuration.json": configuration(config),
        "connectivity.json": connectivity(config),
        "data.json": data_listing(config.paths.data_dir),
    }
    logs = recent_logs(config.paths.log_dir)
    conn = parts["connectivity.json"]
    state = "정상 / ok" if conn.get("ok") else conn.get("result", "문제 / failed")
    summary = "\n".join(
        [
            "호조 데스크 진단 자료 / Hojo Desk diagnostics",
            f"만든 때 / created (UTC): {created}",
            f"버전 / version: {parts['versions.json']['hojo'].get('version')}",
            f"운영체제 / system: {parts['versions.json']['system']}",
            f"서버 주소 / server: {conn.get('server_url') or '(없음: 데모 모드 / demo mode)'}",
            f"  출처 / source: {config.origin('server_url').kind.value} "
            f"{config.origin('server_url').location}",
            f"연결 / connectivity: {state}",
            f"설정 문제 / configuration problems: {len(config.problems)}",
            f"기록 파일 / log files: {len(logs)}",
            "",
            "비밀번호, 토큰, 계좌번호, 주민등록번호는 지웠습니다 (" + REDACTED + ").",
            "Passwords, tokens, account and resident numbers are removed.",
        ]
    )
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.txt", redact(summary) + "\n")
        for name, value in parts.items():
            text = json.dumps(redact_tree(value), ensure_ascii=False, indent=2, default=str)
            archive.writestr(name, redact(text) + "\n")
        for name, text in logs.items():
            archive.writestr(f"logs/{name}", text)
    os.replace(tmp, out)
    return out


def main(argv: list[str]) -> int:
    """``hojo --diagnose [--out FILE]``: prints the archive's path."""
    out: Path | None = None
    for i, arg in enumerate(argv):
        if arg == "--out" and i + 1 < len(argv):
            out = Path(argv[i + 1])
        elif arg.startswith("--out="):
            out = Path(arg.split("=", 1)[1])
    path = write_archive(out)
    if sys.stdout is not None:
        sys.stdout.write(f"{path}\n")
        sys.stdout.flush()
    return 0
