"""``hojo report budget-book`` against a real server with the 동구 books, signing in from
HOJO_USER / HOJO_PASSWORD; XLSX output (fast) with the progress line on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.app.services.reports.realserver import GOV, LOGIN, PASSWORD, donggu_server
from tests.app.views.budget.harness import ROOT
from tests.conftest import real_data_file

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def _hojo(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "report", *args], env=env, cwd=ROOT, capture_output=True,
        text=True, timeout=300, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip


def test_budget_book_without_a_window(tmp_path: Path) -> None:
    files = [real_data_file("expenditure.xlsx"), real_data_file("revenue.xlsx")]
    with donggu_server(tmp_path / "server", files) as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOJO_")}
        env.update(
            HOJO_SERVER_URL=server.url, HOJO_DATA_DIR=str(tmp_path / "client"),
            HOJO_USER=LOGIN, HOJO_PASSWORD=PASSWORD,
        )  # fmt: skip
        out = tmp_path / "book.xlsx"
        done = _hojo(["budget-book", "--government", GOV, "--year", "2024", "--out", str(out)], env)
        assert done.returncode == 0, done.stderr
        assert "%]" in done.stderr and "만들었습니다" in done.stderr
        assert out.stat().st_size > 100_000
        rev = tmp_path / "revenue.csv"
        args = ["budget-book", "--government", GOV, "--year", "2024", "--kind", "본예산"]
        done = _hojo([*args, "--revenue", "--out", str(rev)], env)
        assert done.returncode == 0, done.stderr
        assert "세무과" in rev.read_text(encoding="utf-8-sig")
        missing = _hojo(["budget-book", "--government", GOV, "--year", "2031", "--out",
                         str(tmp_path / "x.pdf")], env)  # fmt: skip
        assert missing.returncode == 1 and "2031년 예산 버전이 없습니다" in missing.stderr
        env.pop("HOJO_PASSWORD")
        no_login = _hojo([*args, "--out", str(tmp_path / "y.pdf")], env)
        assert no_login.returncode == 1 and "HOJO_USER" in no_login.stderr
