"""``hojo-server`` budget commands: import-budget (e호조 books), budget-summary (JSON totals)
and verify-audit (the audit hash chain)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select

from domain.errors import DomainError
from domain.workflow import parse_version_kind
from server.commands.common import (
    OK,
    PROBLEM,
    USAGE,
    CliError,
    actor,
    log,
    print_json,
    session_factory,
    settings,
)
from server.kit.errors import ProblemError


def cmd_import_budget(args: argparse.Namespace) -> int:
    from server.db import unit_of_work
    from server.imports.service import import_file
    from server.models import Government

    factory = session_factory(settings())
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
                result = import_file(session, args.government, data, path.name, actor())
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
    print_json(results)
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
    with session_factory(settings())() as session:
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
    print_json({"세출": {a.code: a.amount for a in exp}, "세입": {a.code: a.amount for a in rev}})
    return OK


def cmd_verify_audit(_args: argparse.Namespace) -> int:
    from server.audit.service import verify_all

    with session_factory(settings())() as session:
        problems = verify_all(session)
    for p in problems:
        sys.stdout.write(f"{p.government_code} #{p.seq}: {p.message}\n")
    if problems:
        log.error("감사 기록 체인에 문제가 %d건 있습니다.", len(problems))
        return PROBLEM
    log.info("감사 기록 체인에 문제가 없습니다.")
    return OK
