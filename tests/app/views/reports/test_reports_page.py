"""The reports page against a real demo server child: it passes the accessibility audit,
makes a 세출 예산서 PDF and an XLSX (announced, file written), and the XLSX previewed against
the same version is no change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def test_resolution_form_from_checked_documents(
    qtbot: QtBot, make_context: MakeContext, demo_server: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from tests.app.services.reports.resolutions import make_resolution

    doc, _line = make_resolution(demo_server.url, tmp_path / "writer")
    page = ReportsPage(make_context("demo-finance-officer"))
    page.setWindowTitle(page.accessibleName())
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert not page.documents.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("resolution"))
    assert page.documents.isEnabled() and not page.format.isEnabled()
    assert page.format.currentData() == "pdf" and page.out.text().endswith(".pdf")
    ids = [
        page.documents.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.documents.count())
    ]
    assert str(doc.id) in ids
    assert_accessible(page)
    with recording() as said:
        page.make_button.click()  # nothing checked: refused, said why
    assert any("체크" in a.text for a in said) and page.result is None
    page.documents.item(ids.index(str(doc.id))).setCheckState(Qt.CheckState.Checked)
    out = tmp_path / "결의서.pdf"
    page.out.setText(str(out))
    with recording() as said:
        page.make_button.click()
    assert out.stat().st_size > 1000
    assert page.result is not None and page.result.pages == 1
    assert any("만들었습니다" in a.text for a in said)


def test_resolution_list_shows_the_state_label_not_the_raw_value(
    qtbot: QtBot, make_context: MakeContext, demo_server: Any, tmp_path: Path, qapp: Any
) -> None:
    """The document list speaks the state as the execution pages do (``STATE_LABELS`` through
    ``tr``): in English "Active", never the stored value "진행"."""
    from PySide6.QtCore import QLocale, Qt

    from app.i18n import install_translators, remove_translators
    from app.models.execution_models import state_label
    from tests.app.services.reports.resolutions import make_resolution

    doc, _line = make_resolution(demo_server.url, tmp_path / "writer", title="상태 표시 확인")
    locale = QLocale()
    translators = install_translators(qapp, "en")
    try:
        page = ReportsPage(make_context("demo-finance-officer"))
        qtbot.addWidget(page)
        page.show()
        page.activate()
        page.kind.setCurrentIndex(page.kind.findData("resolution"))
        rows = {
            page.documents.item(r).data(Qt.ItemDataRole.UserRole): page.documents.item(r).text()
            for r in range(page.documents.count())
        }
        text = rows[str(doc.id)]
        assert state_label(doc) == "Active"
        assert "상태 표시 확인" in text and "(Active, " in text
        assert str(doc.state) not in text and doc.state.name not in text
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(locale)
