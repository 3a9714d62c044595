"""POST /imports with small generated books: messages naming row/column, roles, local codes,
부서-scoped projects, a 세출 book without its 세입."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server.app import create_app
from server.config import Settings
from server.models import BasisItem, LocalCode, Program
from tests.server.budget_import.conftest import EXP_BASE, exp_values, table, write_xlsx
from tests.server.factories import bearer, make_government, make_user

GOV = "3500000"


def _setup(session_factory: sessionmaker[Session], settings: Settings) -> dict[str, dict[str, str]]:
    with session_factory() as s:
        make_government(s, GOV)
        office = make_user(s, GOV, "office", ["budget_office"])
        staff = make_user(s, GOV, "staff", ["dept_staff"])
        s.commit()
    return {
        "office": bearer(settings, office, ["budget_office"]),
        "staff": bearer(settings, staff, ["dept_staff"]),
    }


def _post(client: TestClient, headers: dict[str, str], path: Path) -> Any:
    return client.post(
        "/api/v1/imports", headers=headers, files={"file": (path.name, path.read_bytes())}
    )


def test_a_broken_file_is_a_400_naming_the_problem(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    headers = _setup(session_factory, settings)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with TestClient(create_app(settings)) as client:
        resp = _post(client, headers["office"], broken)
    assert resp.status_code == 400
    assert resp.json()["code"] == "invalid_budget_book"
    assert (
        "broken.xlsx" in resp.json()["detail"]
        and "xlsx 파일로 읽을 수 없습니다" in resp.json()["detail"]
    )


def test_a_spreadsheet_that_is_not_an_export_is_a_400(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    headers = _setup(session_factory, settings)
    path = write_xlsx(tmp_path / "list.xlsx", [["이름", "전화"], ["홍길동", "010"]])
    with TestClient(create_app(settings)) as client:
        resp = _post(client, headers["office"], path)
    assert resp.status_code == 400
    assert "머리글" in resp.json()["detail"]


def test_a_bad_cell_names_its_row_and_column(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    headers = _setup(session_factory, settings)
    rows = [exp_values("○ 가", "1,000원", 1), exp_values("○ 나", None, "많음")]
    path = write_xlsx(tmp_path / "bad.xlsx", table(EXP_BASE, rows))
    with TestClient(create_app(settings)) as client:
        resp = _post(client, headers["office"], path)
    body = resp.json()
    assert resp.status_code == 400
    assert (body["row"], body["column"]) == (3, "예산액")
    assert "3행 '예산액' 열" in body["detail"]


def test_only_import_roles_may_upload(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    headers = _setup(session_factory, settings)
    path = write_xlsx(tmp_path / "b.xlsx", table(EXP_BASE, [exp_values("○ 가", "1,000원", 1)]))
    with TestClient(create_app(settings)) as client:
        assert _post(client, headers["staff"], path).status_code == 403
        assert _post(client, {}, path).status_code == 401


def _book(tmp_path: Path) -> Path:
    """Two 부서 with the same 세부사업 name, an unknown 통계목 and 부문, a parent with children,
    and a formula that does not parse."""
    rows = [
        exp_values("○ 공공요금", "100,000원*12월", 1_200, 부서명="가동", 세부사업명="동 운영"),
        exp_values("○ 공공요금", "50,000원*12월", 600, 부서명="나동", 세부사업명="동 운영"),
        exp_values("○ 행사", None, 300, 부서명="가동", 세부사업명="동 운영", 통계목="201-03"),
        exp_values("  - 다과", "100,000원*2회", 200, 부서명="가동", 세부사업명="동 운영",
                   통계목="201-03"),
        exp_values("  - 현수막", "100,000원(최대)*1개", 100, 부서명="가동",
                   세부사업명="동 운영", 통계목="201-03"),
        exp_values("○ 신규", "1,000원", 1, 통계목="299-99", 통계목명="새 통계목",
                   부문명="우주개발"),
    ]  # fmt: skip
    return write_xlsx(tmp_path / "small.xlsx", table(EXP_BASE, rows))


def test_small_book_round_trip(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    headers = _setup(session_factory, settings)
    with TestClient(create_app(settings)) as client:
        resp = _post(client, headers["office"], _book(tmp_path))
        assert resp.status_code == 201, resp.text
        result = resp.json()
        summary = client.get(
            f"/api/v1/budget-versions/{result['version_id']}/summary", headers=headers["staff"]
        ).json()
    assert result["total"] == 1_200 + 600 + 300 + 1
    assert result["flagged_items"] == 1
    added = {(c["kind"], c["code"], c["name"]) for c in result["local_codes"]}
    assert ("object", "299-99", "새 통계목") in added
    assert ("sector", "X01", "우주개발") in added
    # 세출 only: the balance is reported, not enforced
    assert summary["revenue_total"] == 0
    assert summary["balance_by_account"] == [
        {"code": "100", "name": "일반회계", "expenditure": 2_101, "revenue": 0, "balance": -2_101}
    ]
    assert summary["counts"]["detail"] == {"by_name": 2, "by_department": 3}
    basis = summary["expenditure_basis"]
    assert (basis["parent_groups"], basis["parents_equal_to_children"]) == (1, 1)
    assert [f["formula"] for f in basis["flagged"]] == ["100,000원(최대)*1개"]
    assert basis["plain_formulas"] == basis["formulas_reproducing_amount"] == 4
    with session_factory() as s:
        locals_ = s.scalars(select(LocalCode)).all()
        assert all(c.flagged for c in locals_)
        details = s.scalars(select(Program).where(Program.name == "동 운영")).all()
        assert len(details) == 2 and len({p.department_id for p in details}) == 2
        items = {i.label: i for i in s.scalars(select(BasisItem))}
        assert items["- 다과"].parent_id == items["○ 행사"].id
        assert items["- 다과"].amount_won == 200_000
        assert items["- 현수막"].flag and items["- 현수막"].amount == 100


def test_summary_of_an_unknown_version_is_404(
    session_factory: sessionmaker[Session], settings: Settings
) -> None:
    headers = _setup(session_factory, settings)
    with TestClient(create_app(settings)) as client:
        resp = client.get(
            "/api/v1/budget-versions/00000000-0000-0000-0000-000000000000/summary",
            headers=headers["office"],
        )
    assert resp.status_code == 404


def test_imported_projects_get_request_states(
    session_factory: sessionmaker[Session], settings: Settings, tmp_path: Path
) -> None:
    """A book being written (본예산(안)) imports with every 세부사업 at 작성중, so its lines can
    be edited and submitted; an adopted book (본예산) imports settled (조정)."""
    headers = _setup(session_factory, settings)
    rows = [
        exp_values("○ 공공요금", "100,000원*12월", 1_200, 예산구분="본예산(안)"),
        exp_values("○ 공공요금", "100,000원*12월", 1_200, 예산구분="본예산(안)", 부서명="복지과",
                   세부사업명="복지 운영"),
    ]  # fmt: skip
    draft = write_xlsx(tmp_path / "draft.xlsx", table(EXP_BASE, rows))
    adopted = write_xlsx(
        tmp_path / "adopted.xlsx", table(EXP_BASE, [exp_values("○ 사무", "1,000원", 1)])
    )
    with TestClient(create_app(settings)) as client:
        for path, expected in ((draft, {"작성중"}), (adopted, {"조정"})):
            result = _post(client, headers["office"], path).json()
            detail = client.get(
                f"/api/v1/budget-versions/{result['version_id']}", headers=headers["staff"]
            ).json()
            states = {r["state"] for r in detail["requests"]}
            assert states == expected, detail["requests"]
            assert len(detail["requests"]) == (2 if path is draft else 1)
