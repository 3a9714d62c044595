"""세부사업설명서 against a demo server child: each 세부사업's page prints the 사업목적 the
server holds (the demo's, and one written through the API), and "사업목적 미입력" on the page
of a 세부사업 whose purpose was cleared."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.services.reports.data import NullJob
from app.services.reports.generate import ReportRequest, generate
from app.services.reports.project_sheet import NO_PURPOSE
from domain.contracts.structure import ProgramPurposeUpdate
from server.demo import _PURPOSES
from tests.app.views.budget.harness import make_context, server_process

pytestmark = pytest.mark.slow

WRITTEN = "보행 약자가 안심하고 걷는 보도를 만든다."


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", " ", page) for page in text.split("\f")]


def test_purpose_printed_on_each_detail_page(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing: apt-get install poppler-utils (dev.py does)")
    with server_process(tmp_path / "server") as server:
        ctx = make_context(server.url, tmp_path / "client", login="demo-budget-office")
        try:
            api = ctx.api
            version = next(v for v in api.versions() if v.state == "작성중")
            details = {p.name: p for p in api.programs(version.fiscal_year, level="세부")}
            cleared, rewritten = details["긴급복지 지원"], details["보도 정비"]
            api.set_program_purpose(cleared.id, ProgramPurposeUpdate(purpose=""), cleared.version)
            api.set_program_purpose(
                rewritten.id, ProgramPurposeUpdate(purpose=WRITTEN), rewritten.version
            )
            out = tmp_path / "세부사업설명서.pdf"
            result = generate(api, ReportRequest("project-sheet", out, version.id), NullJob())
        finally:
            ctx.tasks.shutdown()
            ctx.session.transport.close()
    pages = _pages(out)
    assert result.pages == len([p for p in pages if p.strip()])

    def page_of(name: str) -> str:
        found = [p for p in pages if f"세부사업설명서: {name}" in p]
        assert found, name
        return " ".join(found)

    assert NO_PURPOSE in page_of("긴급복지 지원")
    assert WRITTEN in page_of("보도 정비") and NO_PURPOSE not in page_of("보도 정비")
    kept = _PURPOSES[("총무과", "인력운영비")]
    assert kept in page_of("인력운영비")
    assert sum(NO_PURPOSE in p for p in pages) == 1
