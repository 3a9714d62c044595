"""``hojo-server`` set-up commands: migrate, create-government, create-user, seed-demo."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy import select

from domain.codes import is_valid_government_code, known_government
from domain.roles import Role
from server.commands.common import OK, USAGE, CliError, actor, log, session_factory, settings


def cmd_migrate(_args: argparse.Namespace) -> int:
    from server.migrate import upgrade

    upgrade(settings().database_url)
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
    with unit_of_work(session_factory(settings())) as session:
        if session.get(Government, code) is not None:
            raise CliError(f"자치단체 {code}는 이미 있습니다.")
        session.add(Government(code=code, name=name))
        session.flush()
        start_chain(session, code)
        record(
            session, code, actor(), action="create", entity_type="government", entity_id=code,
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
    with unit_of_work(session_factory(settings())) as session:
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
                    session, gov, actor(), action="create", entity_type="department",
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
            session, gov, actor(), action="create", entity_type="user", entity_id=user.id,
            summary=f"사용자 생성: {login} ({', '.join(Role(r).label for r in roles)})",
            after={"login": login, "roles": roles, "department": args.department},
        )  # fmt: skip
    log.info("사용자를 만들었습니다: %s (%s)", login, ", ".join(Role(r).label for r in roles))
    return OK


def cmd_seed_demo(_args: argparse.Namespace) -> int:
    from server.db import unit_of_work
    from server.demo import seed_demo

    with unit_of_work(session_factory(settings())) as session:
        # The demo users' password: HOJO_PASSWORD when given (as for create-user), else the
        # documented demo password. The per-launch demo credential is never a password.
        report = seed_demo(session, os.environ.get("HOJO_PASSWORD") or None)
    for line in report:
        log.info("%s", line)
    return OK
