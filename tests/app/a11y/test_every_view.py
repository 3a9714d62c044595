"""Every page and dialog of the client, built against a real demo server child process:

- the extended audit (names, roles, label relations, headers, editors, colour-only state,
  unique titles, the Tab walk) reports nothing;
- at 200 % font no label or button is clipped (WCAG 1.4.4);
- the main window holds all real pages, and its F1 help page lists their shortcuts without
  a conflict;
- all of it once more in English (hojo_en.qm loaded, at 100 %): the translated texts carry
  their own mnemonics, and ``duplicate-mnemonic`` must find no clash among them either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from app.a11y import assert_accessible
from app.a11y.keys import conflicts
from app.a11y.theme import apply_theme
from app.context import AppContext
from app.i18n import install_translators, remove_translators, tr
from domain.contracts.audit import HistoryEvent
from tests.app.a11y.visual import clipped
from tests.app.views.adjust.harness import MakeContext

DEPT, OFFICE, ADMIN = "demo-dept-budget", "demo-budget-office", "demo-admin"
STAFF, FINANCE, DISBURSING = "demo-dept-staff", "demo-finance-officer", "demo-disbursing-officer"


def show(qtbot: QtBot, widget: QWidget, size: tuple[int, int] | None = None) -> QWidget:
    qtbot.addWidget(widget)
    if not widget.windowTitle():
        widget.setWindowTitle(widget.accessibleName())  # a page shown on its own
    if size:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)
    return widget


@pytest.fixture(
    params=[(100, False, "ko"), (200, True, "ko"), (100, False, "en")],
    ids=["100%", "200%-high-contrast", "100%-english"],
)
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    """The application themed as at start-up with ``font_scale`` and ``high_contrast``, in
    Korean (the source language) or with the English translation installed; the views are
    built afterwards, so they size themselves and take their texts as they would."""
    scale, high_contrast, language = request.param
    font, palette, style = QFont(qapp.font()), QPalette(qapp.palette()), qapp.style().name()
    locale = QLocale()
    translators = install_translators(qapp, "en") if language == "en" else []
    assert tr("파일(&F)") == ("&File" if language == "en" else "파일(&F)")
    apply_theme(qapp, high_contrast=high_contrast, font_scale=scale)
    yield scale
    remove_translators(qapp, translators)
    QLocale.setDefault(locale)
    qapp.setProperty("hojo_base_font", None)
    qapp.setFont(font)
    qapp.setPalette(palette)
    old = QStyleFactory.create(style)
    if old is not None:
        qapp.setStyle(old)


def check(qtbot: QtBot, widget: QWidget) -> None:
    assert_accessible(widget)
    # Judge the settled layout, as a person sees it: after a font change, nested layouts with
    # word-wrapped labels (height for width) take a few event-loop turns to settle, and a
    # measurement in between saw a button squeezed for one frame. A real clip stays.
    deadline = 2000
    waited = 0
    while clipped(widget) and waited < deadline:
        qtbot.wait(50)
        waited += 50
    found = clipped(widget)
    assert not found, f"{type(widget).__name__}: {found}"


# -- pages --------------------------------------------------------------------------------
def budget_page(make: MakeContext) -> QWidget:
    from app.views.budget.budget_page import BudgetPage

    return BudgetPage(make(DEPT))


def adjust_page(make: MakeContext) -> QWidget:
    from app.views.adjust.adjust_page import AdjustPage

    return AdjustPage(make(OFFICE))


def revenue_page(make: MakeContext) -> QWidget:
    from app.views.revenue.revenue_page import RevenuePage

    return RevenuePage(make(DEPT))


def admin_page(make: MakeContext) -> QWidget:
    from app.views.admin.admin_page import AdminPage

    return AdminPage(make(ADMIN))


def expenditure_page(make: MakeContext) -> QWidget:
    from app.views.execution.expenditure_page import ExpenditurePage

    return ExpenditurePage(make(STAFF))


def reports_page(make: MakeContext) -> QWidget:
    from app.views.reports.reports_page import ReportsPage

    return ReportsPage(make(OFFICE))


def obligation_page(make: MakeContext) -> QWidget:
    from app.views.execution.review_page import ObligationPage

    return ObligationPage(make(FINANCE))  # 재무관


def payment_page(make: MakeContext) -> QWidget:
    from app.views.execution.review_page import PaymentPage

    return PaymentPage(make(DISBURSING))  # 지출원


PAGES: dict[str, Callable[[MakeContext], QWidget]] = {
    "budget": budget_page,
    "adjust": adjust_page,
    "revenue": revenue_page,
    "admin": admin_page,
    "expenditure": expenditure_page,
    "reports": reports_page,
    "obligation": obligation_page,
    "payment": payment_page,
}


def test_every_registered_page_is_audited_here() -> None:
    """A page added to app.views.registry without a line in PAGES fails here."""
    from app.views.registry import PAGES as REGISTERED

    built = {
        "BudgetPage": "budget", "AdjustPage": "adjust", "RevenuePage": "revenue",
        "AdminPage": "admin", "ExpenditurePage": "expenditure", "ReportsPage": "reports",
        "ObligationPage": "obligation", "PaymentPage": "payment",
    }  # fmt: skip
    missing = [c for _m, c in REGISTERED if built.get(c) not in PAGES]
    assert missing == []


@pytest.mark.parametrize("which", list(PAGES))
def test_page_passes_the_audit_and_200_percent(
    qtbot: QtBot, make_context: MakeContext, which: str, themed: int
) -> None:
    page = show(qtbot, PAGES[which](make_context), (1400, 900))
    page.activate()  # type: ignore[attr-defined]
    qtbot.wait(50)
    check(qtbot, page)
    assert conflicts(page) == []


# -- dialogs ------------------------------------------------------------------------------
@pytest.fixture
def session_ops(tmp_path: Path) -> Iterator[object]:
    from app.config import Config
    from app.operations import ChangeHub, OperationRunner
    from app.operations.session import SessionOps
    from app.tasks import TaskManager
    from tests.app.services.harness import closed_port

    config = Config.load(
        {"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path),
         "HOJO_SERVER_URL": f"http://127.0.0.1:{closed_port()}"},
        registry_reader=lambda _key: {},
    )  # fmt: skip
    ops = SessionOps(config, OperationRunner(TaskManager(inline=True), ChangeHub()))
    yield ops
    ops.close()


def test_every_dialog_passes_the_audit_and_200_percent(
    qtbot: QtBot, make_context: MakeContext, session_ops: object, themed: int
) -> None:
    from app.views.auth.password_dialog import PasswordDialog
    from app.views.auth.session_warning import SessionWarningDialog
    from app.views.auth.sign_in_dialog import SignInDialog
    from app.views.budget.budget_page import BudgetPage
    from app.views.budget.history_dialog import HistoryDialog
    from app.views.budget.line_form import LineForm
    from app.views.main_window.startup import StartupWindow
    from app.views.settings.settings_dialog import SettingsDialog
    from app.views.sync.conflict_dialog import ConflictDialog
    from tests.app.services.test_conflicts import MINE, THEIRS, compare  # type: ignore[attr-defined]

    ctx: AppContext = make_context(DEPT)
    page = BudgetPage(ctx)
    qtbot.addWidget(page)
    page.activate()
    data = page.data
    assert data is not None
    event = HistoryEvent(
        seq=1, at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC), actor_login="demo-dept-budget",
        action="수정", entity_type="expenditure_line", entity_id="x", summary="산출근거 수정",
    )  # fmt: skip
    warning = SessionWarningDialog(demo=True)
    dialogs: list[QDialog] = [
        SignInDialog(session_ops),  # type: ignore[arg-type]
        SignInDialog(
            session_ops,  # type: ignore[arg-type]
            server_url="http://127.0.0.1:1",
            login="kim",
            reauth=True,
            message="로그인 세션이 끝났습니다.",
        ),
        PasswordDialog(session_ops),  # type: ignore[arg-type]
        warning,
        StartupWindow(demo=True),
        SettingsDialog(ctx.config),
        ConflictDialog("201-01 사무관리비", compare(MINE, THEIRS)),
        HistoryDialog("201-01", [event]),
        HistoryDialog("201-02", []),
        LineForm("긴급복지 지원", data.accounts, data.objects, data.fundings),
    ]
    for dialog in dialogs:
        if dialog is warning:
            qtbot.addWidget(warning)
            warning.warn(95)  # sets the message, then shows itself
            qtbot.waitUntil(warning.isActiveWindow, timeout=3000)
        else:
            show(qtbot, dialog)
        check(qtbot, dialog)
        dialog.close()
        QApplication.processEvents()


def test_main_window_with_every_page_help_and_about(
    qtbot: QtBot, make_context: MakeContext, session_ops: object, themed: int
) -> None:
    from app.a11y.help import HelpDialog
    from app.views.main_window import commands
    from app.views.main_window.navigation import load_entries
    from app.views.main_window.window import MainWindow
    from app.views.registry import PAGES as REGISTERED
    from domain.roles import Role

    ctx = make_context(OFFICE)
    session_ops.demo = True  # type: ignore[attr-defined]  # with the 데모 역할(&R) tool bar
    window = MainWindow(ctx, session_ops, load_entries())  # type: ignore[arg-type]
    assert window.role_switcher is not None
    show(qtbot, window, (1400, 900))
    check(qtbot, window)
    # every page, as a user holding every role sees them (mnemonics are checked per page
    # against the window's own: the menu bar, 작업 목록(&W), 데모 역할(&R))
    window.navigation.set_roles([role.value for role in Role])
    visited: list[str] = []
    for index, entry in enumerate(window.navigation.entries):
        if not entry.available:
            continue
        window.navigation.select(index)
        qtbot.wait(50)
        page = window.current_page()
        assert page is not None
        visited.append(type(page).__name__)
        # the page stack is named after the page shown (Orca: "<page> layered pane")
        assert window.stack.accessibleName() == page.accessibleName()
        assert window.stack.accessibleIdentifier() == "pageStack"
        check(qtbot, window)
        assert conflicts(window) == [], entry.title
    assert sorted(visited) == sorted(c for _m, c in REGISTERED)
    help_dialog = commands.shortcuts(window)
    assert isinstance(help_dialog, HelpDialog)
    qtbot.waitUntil(help_dialog.isActiveWindow, timeout=3000)
    check(qtbot, help_dialog)
    help_dialog.close()
    about = commands.about(window)
    qtbot.waitExposed(about)
    assert_accessible(about)
    about.close()
