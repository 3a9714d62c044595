"""``hojo-server`` command line: serve, migrate, set up governments and users, import budget
books, print a budget summary, verify the audit chain and seed a demo.

Logs and Korean reports go to stderr; machine-readable output (JSON, ``HOJO_SERVER_PORT=``) to
stdout. Exit codes: 0 ok, 1 problem, 2 usage. The database comes from HOJO_DATABASE_URL or
HOJO_DATA_DIR (server.config.load_settings); a SQLite database is migrated on first use.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from domain.codes import is_valid_government_code, known_government
from domain.errors import DomainError
from domain.roles import Role
from domain.workflow import parse_version_kind
from server.config import Settings, load_settings
from server.kit.errors import ProblemError

log = logging.getLogger("hojo.cli")

OK, PROBLEM, USAGE = 0, 1, 2
CLI_ACTOR_LOGIN = "cli"


class CliError(Exception):
    """A problem to report on stderr (exit 1, or 2 for a usage problem)."""

    def __init__(self, message: str, code: int = PROBLEM) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# -- database --------------------------------------------------------------------------------
def _settings() -> Settings:
    return load_settings()


def _factory(settings: Settings) -> sessionmaker[Session]:
    from server.db import make_engine, make_session_factory
    from server.migrate import upgrade

    if settings.is_sqlite:
        upgrade(settings.database_url)
    return make_session_factory(make_engine(settings.database_url))


def _actor() -> Any:
    from server.audit.service import Actor

    return Actor(None, CLI_ACTOR_LOGIN)


# -- commands --------------------------------------------------------------------------------
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from server import demo_mode
    from server.app import create_app
    from server.migrate import upgrade

    settings = _settings()
    demo_mode.check_serve(settings, args.host, args.workers, args.exit_with_stdin)
    if settings.is_sqlite:
        upgrade(settings.database_url)
    if settings.demo_credential:
        log.info("데모 모드로 시작합니다 (HOJO_DEMO_CREDENTIAL 설정됨).")
        demo_mode.seed_if_new(settings)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say so; without it every
    # response waited ~40 ms for the client's delayed ACK (Nagle), measured here.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        raise CliError(f"{args.host}:{args.port}에서 들을 수 없습니다: {exc}") from exc
    sock.listen(2048)  # a parent that read the port may connect at once
    port = sock.getsockname()[1]
    # First line on stdout, so a parent process can read the port from a pipe.
    sys.stdout.write(f"HOJO_SERVER_PORT={port}\n")
    sys.stdout.flush()
    log_config = json.loads(json.dumps(LOGGING_CONFIG))
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"  # stdout stays clean
    log.info("http://%s:%s 에서 서버를 시작합니다 (작업자 %d개).", args.host, port, args.workers)
    if args.workers > 1:  # uvicorn adopts the listening descriptor as it is
        sock.set_inheritable(True)
        uvicorn.run(
            "server.app:create_app",
            factory=True,
            fd=sock.fileno(),
            workers=args.workers,
            log_config=log_config,
        )
        return OK
    app = create_app(settings)
    demo_mode.install(app, settings)  # the credential check, in demo mode only
    server = uvicorn.Server(uvicorn.Config(app, log_config=log_config))
    if args.exit_with_stdin:
        demo_mode.exit_with_stdin(server)
    server.run(sockets=[sock])
    return OK


def cmd_migrate(_args: argparse.Namespace) -> int:
    from server.migrate import upgrade

    settings = _settings()
    upgrade(settings.database_url)
    log.info("데이터베이스를 최신 구조로 바꿨습니다.")
    return OK


def cmd_create_government(args: argparse.Namespace) -> int:
    from server.audit.service import record, start_chain
    from server.db import unit_of_work
    from server.models import Government

    code, name = args.code, args.name.strip()
    if not is_valid_government_code(code):
        raise CliError(f"자치단체 코드 '{code}'는 7자리 숫자여야 합니다.", USAGE)
    if not name:
        raise CliError("자치단체 이름이 비어 있습니다.", USAGE)
    known = known_government(code)
    if known is None:
        log.warning("경고: 코드 %s는 알려진 행정표준기관코드 목록에 없습니다.", code)
    elif known != name:
        log.warning("경고: 코드 %s는 목록에서 '%s'입니다.", code, known)
    with unit_of_work(_factory(_settings())) as session:
        if session.get(Government, code) is not None:
            raise CliError(f"자치단체 {code}는 이미 있습니다.")
        session.add(Government(code=code, name=name))
        session.flush()
        start_chain(session, code)
        record(
            session, code, _actor(), action="create", entity_type="government", entity_id=code,
            summary=f"자치단체 생성: {code} {name}", after={"code": code, "name": name},
        )  # fmt: skip
    log.info("자치단체를 만들었습니다: %s %s", code, name)
    return OK


def _password() -> str:
    env = os.environ.get("HOJO_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError("비밀번호를 HOJO_PASSWORD 환경 변수로 주거나 터미널에서 입력하세요.")
    first = getpass.getpass("비밀번호: ")
    if getpass.getpass("비밀번호 확인: ") != first:
        raise CliError("두 비밀번호가 다릅니다.")
    return first


def cmd_create_user(args: argparse.Namespace) -> int:
    from server.audit.service import record
    from server.auth.security import hash_password, password_problem
    from server.db import unit_of_work
    from server.models import Department, Government, User, UserRole

    gov, login = args.government, args.login.strip()
    roles = sorted(set(args.role))
    if not login:
        raise CliError("로그인 이름이 비어 있습니다.", USAGE)
    password = _password()
    problem = password_problem(password)
    if problem:
        raise CliError(problem)
    with unit_of_work(_factory(_settings())) as session:
        if session.get(Government, gov) is None:
            raise CliError(f"자치단체 {gov}가 없습니다. 먼저 create-government로 만드세요.")
        if session.scalar(select(User.id).where(User.government_code == gov, User.login == login)):
            raise CliError(f"로그인 이름 '{login}'은(는) 이미 있습니다.")
        dept_id = None
        if args.department:
            dept = session.scalar(
                select(Department).where(
                    Department.government_code == gov, Department.name == args.department
                )
            )
            if dept is None:
                dept = Department(government_code=gov, name=args.department)
                session.add(dept)
                session.flush()
                record(
                    session, gov, _actor(), action="create", entity_type="department",
                    entity_id=dept.id, summary=f"부서 생성: {dept.name}",
                    after={"name": dept.name},
                )  # fmt: skip
            dept_id = dept.id
        user = User(
            government_code=gov, login=login, display_name=login,
            password_hash=hash_password(password), department_id=dept_id,
        )  # fmt: skip
        session.add(user)
        session.flush()
        for role in roles:
            session.add(UserRole(government_code=gov, user_id=user.id, role=role))
        record(
            session, gov, _actor(), action="create", entity_type="user", entity_id=user.id,
            summary=f"사용자 생성: {login} ({', '.join(Role(r).label for r in roles)})",
            after={"login": login, "roles": roles, "department": args.department},
        )  # fmt: skip
    log.info("사용자를 만들었습니다: %s (%s)", login, ", ".join(Role(r).label for r in roles))
    return OK


def cmd_seed_demo(_args: argparse.Namespace) -> int:
    from server.db import unit_of_work
    from server.demo import seed_demo

    settings = _settings()
    with unit_of_work(_factory(settings)) as session:
        # The demo users' password: HOJO_PASSWORD when given (as for create-user), else the
        # documented demo password. The per-launch demo credential is never a password.
        report = seed_demo(session, os.environ.get("HOJO_PASSWORD") or None)
    for line in report:
        log.info("%s", line)
    return OK


def cmd_import_budget(args: argparse.Namespace) -> int:
    from server.db import unit_of_work
    from server.imports.service import import_file
    from server.models import Government

    factory = _factory(_settings())
    with factory() as session:
        if session.get(Government, args.government) is None:
            raise CliError(f"자치단체 {args.government}가 없습니다.")
    results: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
            with unit_of_work(factory) as session:
                result = import_file(session, args.government, data, path.name, _actor())
        except OSError as exc:
            failed = True
            log.error("%s: 파일을 읽을 수 없습니다: %s", name, exc.strerror or exc)
            results.append({"file": name, "error": f"파일을 읽을 수 없습니다: {exc}"})
            continue
        except ProblemError as exc:
            failed = True
            log.error("%s", exc.detail)
            entry: dict[str, Any] = {"file": name, "error": exc.detail, "code": exc.code}
            entry.update({k: v for k, v in exc.extra.items() if k in ("row", "column")})
            results.append(entry)
            continue
        except DomainError as exc:
            failed = True
            log.error("%s: %s", name, exc.message)
            results.append({"file": name, "error": exc.message, "code": exc.code})
            continue
        _report_import(name, result.model_dump(mode="json"))
        results.append({"file": name, **result.model_dump(mode="json")})
    _print_json(results)
    return PROBLEM if failed else OK


def _report_import(name: str, r: dict[str, Any]) -> None:
    log.info("%s: %s", name, r["message"])
    log.info(
        "  %d년 %s, %s",
        r["fiscal_year"],
        r["kind"],
        "새 예산 버전" if r["version_created"] else "기존 예산 버전",
    )
    for a in r["accounts"]:
        log.info("  %s %s: %s천원", a["code"], a["name"], f"{a['amount']:,}")
    if r["flagged_items"]:
        log.info("  계산할 수 없어 그대로 둔 산출근거식: %d개", r["flagged_items"])
    for c in r["local_codes"]:
        log.info("  공통 목록에 없는 코드를 추가함: %s %s %s", c["kind"], c["code"], c["name"])
    for w in r["warnings"]:
        log.warning("  경고: %s", w)


def cmd_budget_summary(args: argparse.Namespace) -> int:
    from server.models import BudgetVersion, ExpenditureLine, RevenueLine
    from server.summary.service import account_totals

    try:
        kind = parse_version_kind(args.kind) if args.kind else None
    except DomainError as exc:
        raise CliError(exc.message, USAGE) from exc
    with _factory(_settings())() as session:
        query = select(BudgetVersion).where(
            BudgetVersion.government_code == args.government,
            BudgetVersion.fiscal_year == args.year,
        )
        if kind is not None:
            query = query.where(BudgetVersion.kind == kind)
        version = session.scalar(
            query.order_by(BudgetVersion.created_at.desc(), BudgetVersion.id.desc()).limit(1)
        )
        if version is None:
            what = f"{args.year}년 {kind or ''}".strip()
            raise CliError(f"자치단체 {args.government}에 {what} 예산이 없습니다.")
        exp = account_totals(session, args.government, version, ExpenditureLine)
        rev = account_totals(session, args.government, version, RevenueLine)
    log.info("%d년 %s (%s)", version.fiscal_year, version.kind, version.state)
    _print_json({"세출": {a.code: a.amount for a in exp}, "세입": {a.code: a.amount for a in rev}})
    return OK


def cmd_verify_audit(_args: argparse.Namespace) -> int:
    from server.audit.service import verify_all

    with _factory(_settings())() as session:
        problems = verify_all(session)
    for p in problems:
        sys.stdout.write(f"{p.government_code} #{p.seq}: {p.message}\n")
    if problems:
        log.error("감사 기록 체인에 문제가 %d건 있습니다.", len(problems))
        return PROBLEM
    log.info("감사 기록 체인에 문제가 없습니다.")
    return OK


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


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
