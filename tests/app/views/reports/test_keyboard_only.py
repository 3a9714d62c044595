"""The reports page by keyboard alone against a real demo server child (tasks on real worker
threads, not inline): Tab, the arrow keys, typing and Space choose the 세입 예산서 as XLSX for
the newest version, make it (progress, announced when done, focus on 파일 열기), open it, then
make a 세출 예산서 PDF and cancel it with the keyboard (announced, the page ready again), and
make a 지출결의서 from a document checked with Space in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.announce import recording
from app.views.reports.reports_page import ReportsPage
from tests.app.keyboard import (
    Key,
    choose,
    focused,
    key,
    replace_text,
    show_page,
    tab_to,
)
from tests.app.views.adjust.harness import DemoServer, MakeContext

pytestmark = pytest.mark.slow
WAIT_MS = 120_000


class Opened(QObject):
    """The desktop's ``file:`` handler for the test: records what the page asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def open_page(
    qtbot: QtBot, make_context: MakeContext, login: str = "demo-budget-office"
) -> ReportsPage:
    page = ReportsPage(make_context(login, inline=False))
    page.setWindowTitle(page.accessibleName())
    show_page(qtbot, page, 1000, 800)
    qtbot.waitUntil(lambda: page.versions.count() > 0, timeout=WAIT_MS)
    return page


def test_make_open_and_cancel_a_report_by_keyboard(
    qtbot: QtBot, make_context: MakeContext, tmp_path: Path
) -> None:
    page = open_page(qtbot, make_context)
    assert_accessible(page)
    assert focused() is page.kind  # the page's first control
    ctx = page.ctx

    # 세입 예산서 of the newest version as Excel XLSX, into a file of our own
    choose(qtbot, "세입 예산서")
    key(qtbot, Key.Key_Tab)
    assert focused() is page.versions
    newest = page.versions_list[0]
    choose(qtbot, page.versions.itemText(0))
    key(qtbot, Key.Key_Tab)
    assert focused() is page.format
    choose(qtbot, "Excel XLSX")
    assert page.out.text().endswith(f"{newest.fiscal_year}_{newest.kind}_세입예산서.xlsx")
    tab_to(qtbot, "reports.out")
    xlsx = tmp_path / "revenue-book.xlsx"
    replace_text(qtbot, str(xlsx))
    key(qtbot, Key.Key_Tab)
    assert focused() is page.make_button
    with recording() as said:
        key(qtbot, Key.Key_Space)
        assert focused() is page.cancel_button  # Space again would cancel
        assert not page.make_button.isEnabled()
        assert "만드는 중" in said[-1].text
        qtbot.waitUntil(lambda: page.result is not None, timeout=WAIT_MS)
    done = f"보고서를 만들었습니다: {xlsx} (5행)"
    assert [a.text for a in said][-1] == done and page.status.text() == done
    assert xlsx.is_file() and xlsx.stat().st_size > 1000
    assert page.progress.value() == 100
    assert focused() is page.open_button  # the made file is one Space away
    assert page.make_button.isEnabled() and not page.cancel_button.isEnabled()

    # 파일 열기: the page asks the desktop to open exactly that file
    opened = Opened()
    # the stub says bytes; PySide takes the method name as str
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        key(qtbot, Key.Key_Space)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened.urls] == [str(xlsx)]
    assert focused() is page.open_button

    # 세출 예산서 as PDF: started, then cancelled by keyboard
    tab_to(qtbot, "reports.kind")
    choose(qtbot, "세출 예산서")
    tab_to(qtbot, "reports.format")
    choose(qtbot, "PDF (인쇄용)")
    tab_to(qtbot, "reports.out")
    pdf = tmp_path / "budget-book.pdf"
    replace_text(qtbot, str(pdf))
    key(qtbot, Key.Key_Tab)
    assert focused() is page.make_button
    with recording() as said:
        key(qtbot, Key.Key_Space)
        assert focused() is page.cancel_button
        key(qtbot, Key.Key_Space)
    assert [a.text for a in said] == ["보고서를 만드는 중입니다…", "보고서 만들기를 취소했습니다."]
    assert focused() is page.make_button  # ready to make it again
    assert page.make_button.isEnabled() and not page.cancel_button.isEnabled()
    with recording() as said:  # the cancelled worker ends; whatever it hands back is ignored
        qtbot.waitUntil(lambda: not ctx.tasks.active(), timeout=WAIT_MS)
    assert said == [] and page.status.text() == "보고서 만들기를 취소했습니다."
    assert page.result is not None and page.result.path == xlsx

    # made again from where the focus is: Space
    with recording() as said:
        key(qtbot, Key.Key_Space)
        qtbot.waitUntil(
            lambda: page.result is not None and page.result.path == pdf, timeout=WAIT_MS
        )
    assert said[-1].text.startswith(f"보고서를 만들었습니다: {pdf} (")
    assert pdf.stat().st_size > 1000 and page.result.pages > 0
    assert focused() is page.open_button
    assert_accessible(page)


def test_resolution_form_by_keyboard(
    qtbot: QtBot, make_context: MakeContext, demo_server: DemoServer, tmp_path: Path
) -> None:
    """지출결의서: the document checked with Space in the list, made with Space."""
    from tests.app.services.reports.resolutions import make_resolution

    doc, _line = make_resolution(demo_server.url, tmp_path / "writer", title="키보드 결의")
    page = open_page(qtbot, make_context, "demo-finance-officer")
    assert focused() is page.kind
    choose(qtbot, "지출결의서")
    qtbot.waitUntil(lambda: page.documents_loaded, timeout=WAIT_MS)
    key(qtbot, Key.Key_Tab)  # 예산 버전 and 형식 are disabled for the 지출결의서: skipped
    assert focused() is page.documents
    ids = [
        page.documents.item(r).data(Qt.ItemDataRole.UserRole) for r in range(page.documents.count())
    ]
    key(qtbot, Key.Key_Home)
    for _ in range(ids.index(str(doc.id))):
        key(qtbot, Key.Key_Down)
    assert page.documents.currentItem().data(Qt.ItemDataRole.UserRole) == str(doc.id)
    key(qtbot, Key.Key_Space)
    assert page.checked_documents() == [doc.id]
    key(qtbot, Key.Key_Tab)
    assert focused() is page.out
    out = tmp_path / "resolution.pdf"
    replace_text(qtbot, str(out))
    key(qtbot, Key.Key_Tab)
    assert focused() is page.make_button
    with recording() as said:
        key(qtbot, Key.Key_Space)
        qtbot.waitUntil(lambda: page.result is not None, timeout=WAIT_MS)
    assert said[-1].text == f"보고서를 만들었습니다: {out} (1쪽)"
    assert out.stat().st_size > 1000 and focused() is page.open_button
    assert_accessible(page)


def test_made_again_at_once_after_a_cancel_starts_when_the_cancelled_worker_stops(
    qtbot: QtBot, make_context: MakeContext, tmp_path: Path
) -> None:
    """만들기, 취소, 만들기 as fast as keys go: the cancelled job may still write or remove the
    same file, so the new one starts when the runner says the cancelled one has ended."""
    page = open_page(qtbot, make_context)
    tab_to(qtbot, "reports.format")
    choose(qtbot, "Excel XLSX")
    tab_to(qtbot, "reports.out")
    out = tmp_path / "again.xlsx"
    replace_text(qtbot, str(out))
    key(qtbot, Key.Key_Tab)
    assert focused() is page.make_button
    with recording() as said:
        key(qtbot, Key.Key_Space)
        key(qtbot, Key.Key_Space)  # 취소: its end is delivered by the event loop, not yet run
        stopping = page._stopping
        assert stopping is not None and stopping.is_cancelled and not stopping.is_finished
        assert focused() is page.make_button
        key(qtbot, Key.Key_Space)  # 만들기 again
        assert page.task is None and page._waiting is not None
        assert focused() is page.cancel_button
        qtbot.waitUntil(lambda: page.result is not None, timeout=WAIT_MS)
    assert stopping.is_finished and page._stopping is None and page._waiting is None
    texts = [a.text for a in said]
    assert texts[:3] == [
        "보고서를 만드는 중입니다…",
        "보고서 만들기를 취소했습니다.",
        "보고서를 만드는 중입니다…",
    ]
    assert len(texts) == 4 and texts[3].startswith(f"보고서를 만들었습니다: {out} (")
    assert out.stat().st_size > 1000 and focused() is page.open_button
    assert page.make_button.isEnabled() and not page.cancel_button.isEnabled()
