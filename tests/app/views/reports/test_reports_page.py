"""The reports page against a real demo server child: it passes the accessibility audit,
makes a 세출 예산서 PDF and an XLSX (announced, file written), and the XLSX previewed against
the same version is no change."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.reports.reports_page import ReportsPage
from tests.app.views.adjust.harness import MakeContext

pytestmark = pytest.mark.slow


def test_make_reports_and_preview_import(
    qtbot: QtBot, make_context: MakeContext, tmp_path: Path
) -> None:
    page = ReportsPage(make_context("demo-budget-office"))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.versions.count() > 0
    assert_accessible(page)
    assert "XLSX" in page.note.text() and "화면 읽기" in page.note.text()
    pdf = tmp_path / "book.pdf"
    page.out.setText(str(pdf))
    with recording() as said:
        page.make_button.click()
    assert pdf.stat().st_size > 1000
    assert any("만들었습니다" in a.text for a in said)
    assert page.open_button.isEnabled()
    page.format.setCurrentIndex(page.format.findData("xlsx"))
    xlsx = tmp_path / "book.xlsx"
    page.out.setText(str(xlsx))
    page.make_button.click()
    assert xlsx.is_file()
    page.source.setText(str(xlsx))
    page.preview_button.click()
    assert page.preview is not None and page.preview.is_noop
    assert not page.accept_button.isEnabled()
    assert_accessible(page)
