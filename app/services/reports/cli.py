"""``hojo report budget-book --government CODE --year YEAR [--kind KIND] [--revenue]
--out FILE.pdf|.xlsx|.csv``: the budget book without a window, for batch printing.

Signs in to the configured server with HOJO_USER / HOJO_PASSWORD, else with the refresh token
the client remembered ("로그인 유지") for the last login; prints a progress line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.services.reports.data import NullJob

if TYPE_CHECKING:
    from app.config import Config
    from app.services.api.session import Session

__all__ = ["main"]

LAST_SIGN_IN = "last_sign_in.json"


class _Terminal(NullJob):
    """One progress line, rewritten in place ("\\r") on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.tty = stream.isatty()
        self.last = ""

    def set_progress(self, fraction: float, text: str = "") -> None:
        line = f"[{fraction * 100:5.1f}%] {text}"
        if line == self.last:
            return
        self.last = line
        self.stream.write(("\r" + line.ljust(60)) if self.tty else line + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty:
            self.stream.write("\n")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hojo report", description="예산서를 창 없이 만듭니다")
    sub = p.add_subparsers(dest="report", required=True, metavar="REPORT")
    b = sub.add_parser("budget-book", help="세출 예산서 (--revenue: 세입 예산서)")
    b.add_argument("--government", required=True, metavar="CODE", help="기관코드")
    b.add_argument("--year", required=True, type=int)
    b.add_argument("--kind", help="본예산(안), 본예산, 제N회추경 (생략하면 그 해의 최신 버전)")
    b.add_argument("--revenue", action="store_true", help="세입 예산서")
    b.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|.xlsx|.csv")
    return p


def _sign_in(config: Config, government: str) -> Session:
    from app.services.api.session import Session
    from app.services.api.transport import Transport

    url = config.text("server_url").strip()
    if not url:
        raise RuntimeError("서버 주소가 설정되어 있지 않습니다 (HOJO_SERVER_URL 또는 설정 파일)")
    user, password = os.environ.get("HOJO_USER", ""), os.environ.get("HOJO_PASSWORD", "")
    if user and password:
        session = Session(Transport.from_config(config))
        session.sign_in(user, password, government)
        return session
    from app.services.auth.credentials import CredentialStore

    try:
        last = json.loads((config.paths.data_dir / LAST_SIGN_IN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    same_server = isinstance(last, dict) and (
        str(last.get("server_url", "")).rstrip("/") == url.rstrip("/")
    )  # the login remembered for this server, not another one's
    login = str(last.get("login", "")) if same_server else ""
    store = CredentialStore()
    token = store.load(url, login) if login else None
    if not token:
        raise RuntimeError(
            "로그인 정보가 없습니다: HOJO_USER와 HOJO_PASSWORD 환경 변수를 지정하거나 "
            "클라이언트에서 '로그인 유지'로 한 번 로그인하십시오"
        )
    session = Session(
        Transport.from_config(config), on_refresh_token=lambda t: store.save(url, login, t)
    )
    session.resume(token)
    return session


def main(argv: Sequence[str] | None = None, stream: TextIO | None = None) -> int:
    """Exit 0 when written, 1 on a problem (said in Korean on stderr), 2 on bad usage."""
    from app.config import Config
    from app.services.api.endpoints import HojoApi
    from app.services.reports.generate import (
        ReportRequest,
        format_of,
        generate,
        pick_version,
    )

    args = _parser().parse_args(argv)
    err = stream or sys.stderr
    job = _Terminal(err)
    try:
        fmt = format_of(args.out)
        config = Config.load()
        session = _sign_in(config, args.government)
        api = HojoApi(session)
        version = pick_version(api.versions(args.year), args.year, args.kind)
        job.set_progress(0.0, f"{version.fiscal_year}년 {version.kind} ({version.state})")
        request = ReportRequest(
            "revenue-book" if args.revenue else "budget-book", args.out, version.id, fmt
        )
        result = generate(api, request, job)
    except Exception as error:  # noqa: BLE001 (every failure is reported, then exit 1)
        job.done()
        err.write(f"오류: {error}\n")
        return 1
    job.done()
    err.write(f"만들었습니다: {result.text()}\n")
    return 0
