"""The connectivity part of the diagnostics archive: against the configured server, DNS,
TCP, the TLS handshake with the certificate chain's subject/issuer/expiry and the verification
result (operating system trust store plus ``ca_bundle``), and ``GET /api/v1/health``.
Never raises: every failure is written into the result.
"""

from __future__ import annotations

import socket
import ssl
import time
from typing import Any
from urllib.parse import urlsplit

from app.config import Config
from app.diagnose_redact import redact, redact_url

CONNECT_TIMEOUT = 5.0


def connectivity(config: Config) -> dict[str, Any]:
    """DNS, TCP, TLS and the health check against the configured server (never raises)."""
    url = config.text("server_url")
    if not url:
        return {"server_url": "", "result": "no server configured: demo mode"}
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    out: dict[str, Any] = {"server_url": redact_url(url), "host": host, "port": port}
    proxy = config.text("proxy")
    if proxy:
        out["proxy"] = redact_url(proxy)
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
