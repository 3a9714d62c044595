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
No PySide6 at import time, so the command line works without a display.
"""

from __future__ import annotations

import json
import os
import platform
import re
import socket
import ssl
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from app.config import SETTINGS, Config

LOG_TAIL_BYTES = 256 * 1024
LOG_FILES_MAX = 20
CONNECT_TIMEOUT = 5.0
REDACTED = "«삭제됨»"

_SECRET_KEY = (
    r"(?:password|passwd|pwd|비밀번호|secret|token|access_token|refresh_token|api[_-]?key|"
    r"credential|authorization|cookie|session[_-]?id|private[_-]?key|계좌번호|account[_-]?(?:no|number))"
)


def _account(match: re.Match[str]) -> str:
    """Digit groups like 123-456-789012 are account numbers; dates (2026-11-26) are not."""
    text = match.group(0)
    digits = sum(c.isdigit() for c in text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or digits < 10:
        return text
    return REDACTED


_PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # JSON-style "password": "..."  and  key = value / key: value / key=value
    (
        re.compile(
            rf'("?[\w-]*{_SECRET_KEY}[\w-]*"?(?:\s*[:=]\s*|\s+))("[^"]*"|\'[^\']*\'|[^\s,;&]+)',
            re.I,
        ),
        lambda m: m.group(1) + _quoted(m.group(2)),
    ),
    (re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.I), r"\1 " + REDACTED),
    # JSON Web Tokens and other long opaque tokens
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), REDACTED),
    (re.compile(r"(?<![\w/.-])[A-Za-z0-9_-]{32,}(?![\w/.-])"), REDACTED),
    # user:password@ in URLs
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+(?::[^/\s@]*)?@", re.I), r"\1" + REDACTED + "@"),
    # 주민등록번호 / 외국인등록번호 (6-7 digits) and bank account numbers (digit groups)
    (re.compile(r"(?<!\d)\d{6}\s?-\s?[1-8]\d{6}(?!\d)"), REDACTED),
    (re.compile(r"(?<![\d.])\d{2,6}(?:-\d{2,8}){1,4}(?![\d.])"), _account),
    (re.compile(r"(?<![\d.,])\d{10,16}(?![\d.,])"), REDACTED),
]


def _quoted(value: str) -> str:
    """The placeholder in the value's own quotes, so JSON and ini text stay well formed."""
    quote = value[0] if value[:1] in ("'", '"') else ""
    return quote + REDACTED + quote


def redact_tree(value: Any) -> Any:
    """:func:`redact` on every text of a JSON-like structure; secret-named keys lose their value."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {
            k: REDACTED
            if re.search(_SECRET_KEY, str(k), re.I) and isinstance(v, str)
            else redact_tree(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_tree(v) for v in value]
    return value


def redact(text: str) -> str:
    """The text without anything that looks like a secret or a personal number."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _redact_url(url: str) -> str:
    """A URL without user info, query or fragment (which may carry tokens)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


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
            value = _redact_url(value)
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
    environment = {n: redact(_redact_url_in(os.environ[n])) for n in sorted(set(env_names))}
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


def _redact_url_in(text: str) -> str:
    return re.sub(r"\b[a-z][a-z0-9+.-]*://\S+", lambda m: _redact_url(m.group(0)), text, flags=re.I)


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
        if re.search(_SECRET_KEY, key, re.I):
            out[key] = REDACTED
        else:
            out[key] = redact(_redact_url_in(value))
    return out


def connectivity(config: Config) -> dict[str, Any]:
    """DNS, TCP, TLS and the health check against the configured server (never raises)."""
    url = config.text("server_url")
    if not url:
        return {"server_url": "", "result": "no server configured: demo mode"}
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    out: dict[str, Any] = {"server_url": _redact_url(url), "host": host, "port": port}
    proxy = config.text("proxy")
    if proxy:
        out["proxy"] = _redact_url(proxy)
    steps: dict[str, Any] = {}
    out["steps"] = steps
    t0 = time.monotonic()
    try:
        addresses = sorted(
            {a[4][0] for a in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        )
        steps["dns"] = {"ok": True, "addresses": addresses}
    except OSError as error:
        steps["dns"] = {"ok": False, "error": str(error)}
    if steps["dns"]["ok"] and not proxy:
        try:
            with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
                steps["tcp"] = {"ok": True, "ms": round((time.monotonic() - t0) * 1000)}
        except OSError as error:
            steps["tcp"] = {"ok": False, "error": str(error)}
        if parts.scheme == "https" and steps["tcp"]["ok"]:
            steps["tls"] = _tls(host, port, config.text("ca_bundle"))
    steps["health"] = _health(config, url)
    out["ok"] = all(step.get("ok") for step in steps.values())
    return out


def _tls(host: str, port: int, ca_bundle: str) -> dict[str, Any]:
    found: dict[str, Any] = {"ca_bundle": ca_bundle or None}
    try:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        found["trust"] = "operating system (truststore)"
    except ImportError:
        context = ssl.create_default_context()
        found["trust"] = "OpenSSL default"
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as error:
            found["ca_bundle_error"] = str(error)
    try:
        with (
            socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            cert = tls.getpeercert() or {}
            found.update(
                ok=True,
                version=tls.version(),
                cipher=(tls.cipher() or ("",))[0],
                subject=_name(cert.get("subject", ())),
                issuer=_name(cert.get("issuer", ())),
                not_after=cert.get("notAfter"),
            )
    except ssl.SSLCertVerificationError as error:
        found.update(ok=False, error=f"certificate not trusted: {error.verify_message}")
        found.update(_unverified_peer(host, port))
    except (OSError, ssl.SSLError) as error:
        found.update(ok=False, error=str(error))
    return found


def _unverified_peer(host: str, port: int) -> dict[str, Any]:
    """Who answered, when verification failed (helps spot an intercepting proxy or an
    internal CA that is not installed)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True) or b""
        from cryptography import x509

        cert = x509.load_der_x509_certificate(der)
        return {
            "presented_subject": cert.subject.rfc4514_string(),
            "presented_issuer": cert.issuer.rfc4514_string(),
            "presented_not_after": cert.not_valid_after_utc.isoformat(),
        }
    except Exception as error:  # noqa: BLE001  (best effort: the report says why)
        return {"presented": f"unavailable: {error}"}


def _name(rdns: Any) -> str:
    return ", ".join(f"{k}={v}" for rdn in rdns for (k, v) in rdn)


def _health(config: Config, url: str) -> dict[str, Any]:
    import httpx

    kwargs: dict[str, Any] = {"timeout": CONNECT_TIMEOUT, "follow_redirects": False}
    proxy = config.text("proxy")
    if proxy:
        kwargs["proxy"] = proxy
    ca_bundle = config.text("ca_bundle")
    try:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if ca_bundle:
            context.load_verify_locations(cafile=ca_bundle)
        kwargs["verify"] = context
    except (ImportError, OSError, ssl.SSLError):
        pass
    try:
        with httpx.Client(**kwargs) as client:
            response = client.get(url.rstrip("/") + "/api/v1/health")
        body = response.text[:2000]
        return {
            "ok": response.status_code == 200,
            "status": response.status_code,
            "body": redact(body),
        }
    except httpx.HTTPError as error:
        return {"ok": False, "error": f"{type(error).__name__}: {redact(str(error))}"}


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
