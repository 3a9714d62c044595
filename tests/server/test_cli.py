"""The real ``hojo-server`` command line, run as ``python -m server`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import PROJECT_ROOT, real_data_file
from tests.server.budget_import.conftest import write_xlsx

TIMEOUT = 180
SUMMARY = {"100": 319_874_625, "210": 655_959, "215": 247_028, "225": 5_107_874}


def _env(tmp_path: Path, database_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
    env["HOJO_DATA_DIR"] = str(tmp_path / "data")
    env["HOJO_SECRET_KEY"] = "cli-test-secret-" + "x" * 32
    if database_url:
        env["HOJO_DATABASE_URL"] = database_url
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_usage_problems_exit_2(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert run(env).returncode == 2
    assert run(env, "no-such-command").returncode == 2
    bad = run(env, "create-government", "123", "어딘가")
    assert bad.returncode == 2 and "7자리 숫자" in bad.stderr
    assert run(env, "create-user", "--government", "3500000", "--role", "king", "x").returncode == 2
    assert run(env, "serve", "--port", "70000").returncode == 2


def test_government_user_and_audit(tmp_path: Path) -> None:
    env = _env(tmp_path)
    made = run(env, "create-government", "3500000", "인천광역시 동구")
    assert made.returncode == 0, made.stderr
    assert "알려진 행정표준기관코드 목록에 없습니다" in made.stderr
    assert made.stdout == ""
    again = run(env, "create-government", "3500000", "인천광역시 동구")
    assert again.returncode == 1 and "이미 있습니다" in again.stderr

    user_args = ("create-user", "--government", "3500000", "--role", "budget_office")
    weak = run({**env, "HOJO_PASSWORD": "short"}, *user_args, "kim")
    assert weak.returncode == 1 and "10자 이상" in weak.stderr
    no_password = run(env, *user_args, "kim")
    assert no_password.returncode == 1 and "HOJO_PASSWORD" in no_password.stderr
    strong = {**env, "HOJO_PASSWORD": "Strong-pass-123"}
    ok = run(strong, *user_args, "--role", "관리자", "--department", "기획예산과", "kim")
    assert ok.returncode == 0, ok.stderr
    assert "예산부서" in ok.stderr and "관리자" in ok.stderr
    assert run(strong, *user_args, "kim").returncode == 1
    missing = run(strong, "create-user", "--government", "1111111", "--role", "admin", "lee")
    assert missing.returncode == 1 and "create-government" in missing.stderr

    verified = run(env, "verify-audit")
    assert verified.returncode == 0, verified.stderr + verified.stdout
    assert verified.stdout == ""


def test_seed_demo_is_idempotent(tmp_path: Path) -> None:
    env = _env(tmp_path)
    first = run(env, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "데모시 (연습용)" in first.stderr and "비밀번호: Demo-pass-2024" in first.stderr
    assert first.stdout == ""
    second = run(env, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "이미 모두 있습니다" in second.stderr and "비밀번호" not in second.stderr
    year = date.today().year
    for kind in ("본예산", None):
        args = ["budget-summary", "--government", "9990000", "--year", str(year)]
        out = run(env, *args, *(["--kind", kind] if kind else []))
        assert out.returncode == 0, out.stderr
        totals = json.loads(out.stdout)
        assert set(totals) == {"세출", "세입"}
        assert totals["세출"] == totals["세입"] and totals["세출"]["100"] > 0
    draft = run(env, "budget-summary", "--government", "9990000", "--year", str(year + 1))
    assert "본예산(안) (작성중)" in draft.stderr
    assert run(env, "budget-summary", "--government", "9990000", "--year", "1990").returncode == 1
    assert run(env, "verify-audit").returncode == 0


def test_a_broken_or_foreign_file_exits_1_with_the_message(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert run(env, "create-government", "3500000", "테스트구").returncode == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a spreadsheet")
    foreign = write_xlsx(tmp_path / "phone.xlsx", [["이름", "전화"], ["홍길동", "010"]])
    bad_cell = write_xlsx(
        tmp_path / "cell.xlsx",
        [["회계연도", "예산구분", "정책사업명", "단위사업명", "회계코드", "회계명", "세부사업명",
          "부서명", "통계목", "산출근거명", "예산액"],
         [2024, "본예산", "가", "나", "100", "일반회계", "다", "총무과", "20101x", "○ 라", 1]],
    )  # fmt: skip
    for path, text in (
        (broken, "xlsx 파일로 읽을 수 없습니다"),
        (foreign, "머리글"),
        (bad_cell, "2행 '통계목' 열"),
    ):
        out = run(env, "import-budget", "--government", "3500000", str(path))
        assert out.returncode == 1, out.stderr
        assert text in out.stderr
        (result,) = json.loads(out.stdout)
        assert text in result["error"]
    (cell,) = json.loads(run(env, "import-budget", "--government", "3500000", str(bad_cell)).stdout)
    assert (cell["row"], cell["column"]) == (2, "통계목")
    missing = run(env, "import-budget", "--government", "3500000", str(tmp_path / "none.xlsx"))
    assert missing.returncode == 1 and "읽을 수 없습니다" in missing.stderr


@pytest.mark.realdata
def test_import_and_summary_of_real_books(db_url: str, tmp_path: Path) -> None:
    """On SQLite (HOJO_DATA_DIR) and PostgreSQL (HOJO_DATABASE_URL from the fixture)."""
    files = [str(real_data_file("expenditure.xlsx")), str(real_data_file("revenue.xlsx"))]
    env = _env(tmp_path, None if db_url.startswith("sqlite") else db_url)
    assert run(env, "create-government", "3500000", "인천광역시 동구").returncode == 0
    out = run(env, "import-budget", "--government", "3500000", *files)
    assert out.returncode == 0, out.stderr
    results: list[dict[str, Any]] = json.loads(out.stdout)
    assert [(r["book_kind"], r["status"], r["total"]) for r in results] == [
        ("세출", "imported", 325_885_486),
        ("세입", "imported", 325_885_486),
    ]
    assert "5,475행" in out.stderr and "325,885,486천원" in out.stderr
    again = run(env, "import-budget", "--government", "3500000", files[0])
    assert again.returncode == 0
    assert json.loads(again.stdout)[0]["status"] == "already_imported"
    summary = run(env, "budget-summary", "--government", "3500000", "--year", "2024")
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout) == {"세출": SUMMARY, "세입": SUMMARY}
    kind = run(
        env, "budget-summary", "--government", "3500000", "--year", "2024", "--kind", "본예산"
    )
    assert json.loads(kind.stdout) == {"세출": SUMMARY, "세입": SUMMARY}
    none = run(
        env, "budget-summary", "--government", "3500000", "--year", "2024", "--kind", "제1회추경"
    )
    assert none.returncode == 1 and none.stdout == ""
    assert run(env, "verify-audit").returncode == 0


def test_serve_on_a_free_port_announces_it_first(tmp_path: Path) -> None:
    env = _env(tmp_path, HOJO_DEMO_CREDENTIAL="demo-token")
    proc = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--port", "0"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()
        assert first.startswith("HOJO_SERVER_PORT="), first
        port = int(first.split("=", 1)[1])
        assert port > 0
        body: dict[str, Any] = {}
        for _ in range(100):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).json()
                break
            except httpx.TransportError:
                proc.poll()
                assert proc.returncode is None, "server exited"
                time.sleep(0.1)
        assert body["status"] == "ok"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "데모 모드" in err
    assert (tmp_path / "data" / "hojo.db").is_file()  # SQLite migrated on start
