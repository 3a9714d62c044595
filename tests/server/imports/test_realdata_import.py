"""Real 인천 동구 books imported over HTTP: rows as stored, idempotent re-import, refusals,
tenancy and the audit trail (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from server.audit.service import verify_all
from server.models import (
    AuditEvent,
    BasisItem,
    BudgetVersion,
    Department,
    ExpenditureLine,
    FundingSource,
    ImportRecord,
    LineFunding,
    LocalCode,
    Program,
    RevenueLine,
)
from tests.server.budget_import.conftest import EXP_BASE, exp_values, table, write_xlsx
from tests.server.factories import bearer, make_government, make_user
from tests.server.imports.realdata import GOV, Imported, donggu

pytestmark = pytest.mark.realdata
__all__ = ["donggu"]

TABLES = (
    BudgetVersion, Department, Program, FundingSource, ExpenditureLine, RevenueLine,
    LineFunding, BasisItem, ImportRecord, LocalCode, AuditEvent,
)  # fmt: skip


def _counts(d: Imported) -> dict[str, int]:
    with d.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def test_rows_as_stored(donggu: Imported) -> None:
    counts = _counts(donggu)
    assert counts["budget_versions"] == 1
    assert counts["expenditure_lines"] == 1_916 and counts["revenue_lines"] == 156
    assert counts["basis_items"] == 5_475 + 879
    assert counts["programs"] == 133 + 259 + 847
    assert counts["departments"] == 38  # 세입's 26 부서 are among the 세출's 38
    assert counts["funding_sources"] == 12 and counts["local_codes"] == 0
    with donggu.session() as s:
        labels = s.scalars(select(BasisItem.label)).all()
        assert not any(label.startswith(" ") for label in labels)
        coded = s.scalar(select(func.count()).where(Department.code.is_not(None)))
        assert coded == 26  # 부서코드 from the 세입 book


def test_same_named_projects_of_two_departments_stay_two(donggu: Imported) -> None:
    with donggu.session() as s:
        rows = s.execute(
            select(Program.name, func.count())
            .where(Program.level == "세부")
            .group_by(Program.name)
            .having(func.count() > 1)
        ).all()
    shared = dict(rows)
    assert shared["동 행정복지센터 운영"] > 1
    assert sum(n - 1 for n in shared.values()) == 847 - 818


def test_each_basis_item_keeps_its_funding_split(donggu: Imported) -> None:
    with donggu.session() as s:
        items = s.execute(
            select(BasisItem.amount, BasisItem.funds).where(
                BasisItem.expenditure_line_id.is_not(None)
            )
        ).all()
    assert len(items) == 5_475
    assert all(sum((funds or {}).values()) == amount for amount, funds in items)


def test_line_funding_is_the_sum_of_top_items(donggu: Imported) -> None:
    with donggu.session() as s:
        lines = {
            line_id: amount
            for line_id, amount in s.execute(select(ExpenditureLine.id, ExpenditureLine.amount))
        }
        funded: dict[object, int] = {}
        for line_id, amount in s.execute(select(LineFunding.line_id, LineFunding.amount)):
            funded[line_id] = funded.get(line_id, 0) + amount
        top = dict(
            s.execute(
                select(BasisItem.expenditure_line_id, func.sum(BasisItem.amount))
                .where(BasisItem.expenditure_line_id.is_not(None), BasisItem.parent_id.is_(None))
                .group_by(BasisItem.expenditure_line_id)
            ).all()
        )
    assert {k: funded.get(k, 0) for k in lines} == lines
    assert {k: int(v) for k, v in top.items()} == lines


def test_reimport_is_idempotent(donggu: Imported) -> None:
    before = _counts(donggu)
    for result, path in zip(donggu.results, donggu.files.values(), strict=True):
        resp = donggu.client.post(
            "/api/v1/imports",
            headers=donggu.headers,
            files={"file": (path.name, path.read_bytes())},
        )
        assert resp.status_code == 200, resp.text
        body = resp.json()
        assert body["status"] == "already_imported" and "이미 가져온 파일" in body["message"]
        assert body["version_id"] == result["version_id"]
        assert body["total"] == result["total"] == 325_885_486
    assert _counts(donggu) == before


def test_a_different_expenditure_file_for_the_same_version_is_refused(
    donggu: Imported, tmp_path: Path
) -> None:
    before = _counts(donggu)
    path = write_xlsx(
        tmp_path / "other.xlsx", table(EXP_BASE, [exp_values("○ 다른 파일", None, 5)])
    )
    resp = donggu.client.post(
        "/api/v1/imports", headers=donggu.headers, files={"file": ("other.xlsx", path.read_bytes())}
    )
    assert resp.status_code == 409, resp.text
    assert resp.json()["code"] == "version_has_lines"
    assert "이미 다른 파일에서 가져온 세출 예산" in resp.json()["detail"]
    assert _counts(donggu) == before


def test_import_list(donggu: Imported) -> None:
    resp = donggu.client.get("/api/v1/imports?limit=1", headers=donggu.headers)
    assert resp.status_code == 200
    first = resp.json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    resp = donggu.client.get(
        f"/api/v1/imports?limit=5&cursor={first['next_cursor']}", headers=donggu.headers
    )
    rest = resp.json()
    assert rest["next_cursor"] is None
    kinds = {i["book_kind"]: i["row_count"] for i in [*first["items"], *rest["items"]]}
    assert kinds == {"세출": 5_475, "세입": 879}


def test_another_government_gets_404(donggu: Imported) -> None:
    with donggu.session() as s:
        make_government(s, "3600000", "다른구")
        other = make_user(s, "3600000", "other", ["budget_office"])
        s.commit()
    headers = bearer(donggu.settings, other, ["budget_office"])
    resp = donggu.client.get(
        f"/api/v1/budget-versions/{donggu.version_id}/summary", headers=headers
    )
    assert resp.status_code == 404
    assert donggu.client.get("/api/v1/imports", headers=headers).json()["items"] == []


def test_one_audit_event_per_file_plus_the_version(donggu: Imported) -> None:
    with donggu.session() as s:
        events = s.execute(
            select(AuditEvent.action, AuditEvent.entity_type).where(
                AuditEvent.government_code == GOV
            )
        ).all()
        assert sorted(events) == [
            ("create", "budget_version"),
            ("import", "import"),
            ("import", "import"),
        ]
        assert verify_all(s) == []
