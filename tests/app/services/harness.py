"""A real Hojo server for client service tests: uvicorn in a thread on 127.0.0.1:0.

The app is ``server.app.create_app`` over a migrated temporary SQLite database, with a
government, a department and users made by ``tests/server/factories.py``. Optional TLS with a
self-signed CA made here with ``cryptography``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from server.app import create_app
from server.auth.security import issue_access_token
from server.config import Settings
from server.db import make_engine, make_session_factory
from server.migrate import upgrade
from server.models import Department, User
from tests.server.factories import DEFAULT_PASSWORD
from tests.server.structure.env import YEAR, build

GOV = "3500000"
__all__ = ["GOV", "PASSWORD", "YEAR", "RunningServer", "closed_port", "make_tls"]
PASSWORD = DEFAULT_PASSWORD
SECRET = "client-service-test-secret-" + "y" * 24


@dataclass
class RunningServer:
    url: str
    settings: Settings
    users: dict[str, str]  # login -> user id
    depts: dict[str, str]  # name -> department id

    def expired_token(self, login: str) -> str:
        """A correctly signed access token for ``login`` that expired a minute ago."""
        import uuid

        token, _ = issue_access_token(
            SECRET,
            user_id=uuid.UUID(self.users[login]),
            government_code=GOV,
            login=login,
            roles=frozenset({"dept_budget"}),
            minutes=-1,
        )
        return token


@dataclass(frozen=True)
class TlsFiles:
    ca_pem: Path
    cert_pem: Path
    key_pem: Path


def make_tls(folder: Path) -> TlsFiles:
    """A self-signed CA and a server certificate for 127.0.0.1 / localhost signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hojo Test 내부 CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=10))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = TlsFiles(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    files.ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


def _seed(database_url: str, settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    """The government of ``tests/server/structure/env.py``: users ``u_<role>`` (password
    ``DEFAULT_PASSWORD``), 총무과/복지과, 회계 100/200, 재원 10/60/90 for 2024."""
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    with factory() as session:
        build(session, settings)
        session.flush()
        users = {u.login: str(u.id) for u in session.scalars(select(User))}
        session.commit()
        depts = {d.name: str(d.id) for d in session.scalars(select(Department))}
    engine.dispose()
    return users, depts


@contextmanager
def serve_app(app: object, *, tls: TlsFiles | None = None) -> Iterator[int]:
    """Run an ASGI app with uvicorn in a thread on 127.0.0.1:<free port>; yields the port."""
    config = uvicorn.Config(
        app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
        ssl_certfile=str(tls.cert_pem) if tls else None,
        ssl_keyfile=str(tls.key_pem) if tls else None,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="test-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = int(server.servers[0].sockets[0].getsockname()[1])
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def running_server(folder: Path, *, tls: TlsFiles | None = None) -> Iterator[RunningServer]:
    db = folder / "server.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    settings = Settings(data_dir=folder, database_url=url, secret_key=SECRET)
    users, depts = _seed(url, settings)
    app = create_app(settings)
    with serve_app(app, tls=tls) as port:
        scheme = "https" if tls else "http"
        yield RunningServer(f"{scheme}://127.0.0.1:{port}", settings, users, depts)
    app.state.engine.dispose()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
