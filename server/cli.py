"""``hojo-server`` command line: serve, migrate, set up governments and users, import budget
books, print a budget summary, verify the audit chain and seed a demo.

Logs and Korean reports go to stderr; machine-readable output (JSON, ``HOJO_SERVER_PORT=``) to
stdout. Exit codes: 0 ok, 1 problem, 2 usage. The database comes from HOJO_DATABASE_URL or
HOJO_DATA_DIR (server.config.load_settings); a SQLite database is migrated on first use.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from domain.codes import is_valid_government_code
from domain.roles import Role
from server.commands.books import cmd_budget_summary, cmd_import_budget, cmd_verify_audit
from server.commands.common import OK, PROBLEM, USAGE, CliError, log
from server.commands.serve import cmd_serve
from server.commands.setup import (
    cmd_create_government,
    cmd_create_user,
    cmd_migrate,
    cmd_seed_demo,
)

__all__ = ["OK", "PROBLEM", "USAGE", "CliError", "build_parser", "main"]


# -- parser ----------------------------------------------------------------------------------
def _gov_code(text: str) -> str:
    if not is_valid_government_code(text):
        raise argparse.ArgumentTypeError(f"자치단체 코드 '{text}'는 7자리 숫자여야 합니다")
    return text


def _role(text: str) -> str:
    for role in Role:
        if text in (role.value, role.label):
            return role.value
    names = ", ".join(f"{r.value}({r.label})" for r in Role)
    raise argparse.ArgumentTypeError(f"알 수 없는 역할 '{text}' (가능: {names})")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"포트 '{text}'는 0~65535의 정수여야 합니다")
    return port


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}'는 1 이상의 정수여야 합니다")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hojo-server", description="호조 데스크 서버")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], text: str) -> Any:
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(func=func)
        return p

    p = add("serve", cmd_serve, "REST 서버 실행 (--port 0: 빈 포트를 골라 stdout 첫 줄에 알림)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=_port, default=8000)
    p.add_argument("--workers", type=_positive, default=1)
    p.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="표준 입력이 닫히면(부모 프로세스가 끝나면) 서버도 끝냄",
    )
    add("migrate", cmd_migrate, "데이터베이스 구조를 최신으로")
    p = add("create-government", cmd_create_government, "자치단체 만들기")
    p.add_argument("code", metavar="CODE")
    p.add_argument("name", metavar="NAME")
    p = add("create-user", cmd_create_user, "사용자 만들기 (비밀번호: HOJO_PASSWORD 또는 입력)")
    p.add_argument("--government", required=True, type=_gov_code, metavar="CODE")
    p.add_argument("--role", required=True, action="append", type=_role, metavar="ROLE")
    p.add_argument("--department", metavar="NAME")
    p.add_argument("login", metavar="LOGIN")
    add("seed-demo", cmd_seed_demo, "연습용 데모 자치단체와 예산 만들기 (여러 번 실행해도 같음)")
    p = add("import-budget", cmd_import_budget, "e호조 합본예산서(세출/세입 xlsx) 가져오기")
    p.add_argument("--government", required=True, type=_gov_code, metavar="CODE")
    p.add_argument("files", nargs="+", metavar="FILE.xlsx")
    p = add("budget-summary", cmd_budget_summary, "회계별 세출·세입 합계를 JSON으로 출력")
    p.add_argument("--government", required=True, type=_gov_code, metavar="CODE")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--kind", help="본예산(안), 본예산, 제N회추경 (생략하면 가장 최근 버전)")
    add("verify-audit", cmd_verify_audit, "감사 기록 해시 체인 검증")
    return parser


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)  # usage problems exit 2
    try:
        code: int = args.func(args)
    except CliError as exc:
        log.error("%s", exc.message)
        return exc.code
    except KeyboardInterrupt:
        return PROBLEM
    return code
