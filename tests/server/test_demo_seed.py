"""The demo government: last year's and this year's adopted budgets, next year's draft, users per
role, and this year's budget released (배정) by quarter — created once, whatever the backend."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from server.db import unit_of_work
from server.demo import DEMO_CODE, seed_demo
from server.models import Allotment, BudgetVersion, ExecutionBalance, ExpenditureLine, User

TODAY = date(2026, 11, 26)


def test_seed_demo_releases_this_years_budget_once(session_factory: sessionmaker[Session]) -> None:
    with unit_of_work(session_factory) as s:
        first = seed_demo(s, today=TODAY)
    assert any("배정" in line for line in first)
    with unit_of_work(session_factory, write=False) as s:
        versions = {
            (v.fiscal_year, v.kind, v.state)
            for v in s.scalars(
                select(BudgetVersion).where(BudgetVersion.government_code == DEMO_CODE)
            )
        }
        assert versions == {
            (2025, "본예산", "성립"),
            (2026, "본예산", "성립"),
            (2027, "본예산(안)", "작성중"),
        }
        assert (
            s.scalar(
                select(func.count()).select_from(User).where(User.government_code == DEMO_CODE)
            )
            == 7
        )
        this_year = s.scalar(
            select(BudgetVersion.id).where(
                BudgetVersion.government_code == DEMO_CODE, BudgetVersion.fiscal_year == 2026
            )
        )
        lines = s.scalars(
            select(ExpenditureLine).where(
                ExpenditureLine.version_id == this_year, ExpenditureLine.amount > 0
            )
        ).all()
        assert lines
        balances = {
            b.line_id: b
            for b in s.scalars(
                select(ExecutionBalance).where(ExecutionBalance.government_code == DEMO_CODE)
            )
        }
        for line in lines:
            assert balances[line.id].allotted == balances[line.id].budget == line.amount * 1000
        quarters = set(
            s.scalars(select(Allotment.quarter).where(Allotment.government_code == DEMO_CODE))
        )
        assert quarters == {1, 2, 3, 4}
        count = s.scalar(select(func.count()).select_from(Allotment))
    with unit_of_work(session_factory) as s:
        again = seed_demo(s, today=TODAY)
    assert again == ["데모 자료가 이미 모두 있습니다. 바꾼 것이 없습니다."]
    with unit_of_work(session_factory, write=False) as s:
        assert s.scalar(select(func.count()).select_from(Allotment)) == count


def test_an_existing_demo_gains_the_new_year(session_factory: sessionmaker[Session]) -> None:
    """Started again after New Year, the demo tops itself up instead of going stale."""
    with unit_of_work(session_factory) as s:
        seed_demo(s, today=TODAY)
    with unit_of_work(session_factory) as s:
        report = seed_demo(s, today=date(2027, 1, 5))
    assert any("2028년" in line for line in report)
    assert any("2027년 본예산" in line and "배정" in line for line in report)
    with unit_of_work(session_factory, write=False) as s:
        years = {
            (v.fiscal_year, v.kind)
            for v in s.scalars(
                select(BudgetVersion).where(BudgetVersion.government_code == DEMO_CODE)
            )
        }
    assert (2028, "본예산(안)") in years and (2027, "본예산") in years


def test_demo_detail_programs_have_a_purpose(session_factory: sessionmaker[Session]) -> None:
    """Every demo 세부사업 has its 사업목적 (printed on the 세부사업설명서); a text a user
    changed is kept when the seed runs again."""
    from server.models import Program

    with unit_of_work(session_factory) as s:
        report = seed_demo(s, today=TODAY)
    assert any("사업목적" in line for line in report)
    with unit_of_work(session_factory) as s:
        details = list(
            s.scalars(
                select(Program).where(Program.government_code == DEMO_CODE, Program.level == "세부")
            )
        )
        assert details and all(p.purpose for p in details)
        assert all(
            p.purpose == "" for p in s.scalars(select(Program).where(Program.level != "세부"))
        )
        details[0].purpose = "사용자가 고친 목적"
        kept = details[0].id
    with unit_of_work(session_factory) as s:
        assert seed_demo(s, today=TODAY) == ["데모 자료가 이미 모두 있습니다. 바꾼 것이 없습니다."]
        program = s.get(Program, (DEMO_CODE, kept))
        assert program is not None and program.purpose == "사용자가 고친 목적"
