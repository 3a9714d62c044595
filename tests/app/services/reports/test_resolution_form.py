"""지출결의서 through the client path against a demo server child: the PDF text has the payee
with the account masked, the budget line, gross, withholding, net, the evidence list and the
signature boxes; the fonts are embedded; documents are read through the HojoApi calls."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.reports.data import NullJob
from app.services.reports.generate import ReportRequest, generate
from tests.app.services.reports.resolutions import (
    ACCOUNT,
    EVIDENCE,
    GROSS,
    PAYEE,
    make_resolution,
)
from tests.app.views.budget.harness import make_context
from tests.app.views.execution.harness import STAFF, RestartableServer, close_context

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    for tool in ("pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is missing: apt-get install poppler-utils (dev.py does)")
    tmp = tmp_path_factory.mktemp("resolution")
    server = RestartableServer(tmp / "server")
    server.start()
    try:
        doc, line = make_resolution(server.url, tmp)
        second, _ = make_resolution(
            server.url, tmp / "2", title="두 번째 자문 수당", payee_id=doc.payee_id
        )
        ctx = make_context(server.url, tmp / "reader", login=STAFF)
        try:
            one = generate(
                ctx.api, ReportRequest("resolution", tmp / "one.pdf", documents=[doc.id]),
                NullJob(),
            )  # fmt: skip
            many = generate(
                ctx.api,
                ReportRequest("resolution", tmp / "two.pdf", documents=[doc.id, second.id]),
                NullJob(),
            )
            government = ctx.api.government().name
        finally:
            close_context(ctx)
        yield {"doc": doc, "line": line, "one": one, "many": many, "gov": government}
    finally:
        server.stop()


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def test_the_form_has_every_part(written: dict[str, Any]) -> None:
    doc, line = written["doc"], written["line"]
    assert doc.withheld > 0 and doc.net == GROSS - doc.withheld  # 기타소득: taxes withheld
    text = _text(written["one"].path)
    assert written["one"].pages == 1
    assert "지출결의서" in text and "정책 자문 수당" in text
    assert PAYEE in text and "신한은행" in text
    assert ACCOUNT not in text and ACCOUNT.replace("-", "") not in text  # only masked
    assert "890" in text  # the masked account keeps its last digits
    assert f"{line.account_code} / {line.program_name} / {line.object_code}" in text
    for label, amount in (
        ("지출액(총액)", GROSS), ("소득세", doc.income_tax), ("지방소득세", doc.local_tax),
        ("원천징수 합계", doc.withheld), ("실지급액", doc.net),
    ):  # fmt: skip
        assert f"{label} {amount:,}원" in text, label
    assert ", ".join(EVIDENCE) in text
    for role in ("기안자", "지출원", "재무관"):
        assert role in text
    assert written["gov"]


def test_many_documents_one_page_each(written: dict[str, Any]) -> None:
    assert written["many"].pages == 2
    text = _text(written["many"].path)
    assert "정책 자문 수당" in text and "두 번째 자문 수당" in text


def test_fonts_are_embedded_and_metadata_set(written: dict[str, Any]) -> None:
    path = written["one"].path
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no fonts"
    for row in fonts:
        assert " yes " in row and "TrueType" in row, row
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "지출결의서" in info and written["gov"] in info


def test_no_documents_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="문서"):
        generate(None, ReportRequest("resolution", tmp_path / "x.pdf"), NullJob())  # type: ignore[arg-type]
    assert not (tmp_path / "x.pdf").exists()
