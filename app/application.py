"""The composition root: builds the services, operations and windows and hands them down.

Start-up paths (ARCHITECTURE.md §1, issue 3 item 1):

- **No server configured anywhere** → demo mode: a start-up window titled "… (데모)", the demo
  server started as our child (``app.services.demo_server``, over the data folder), signed in as
  the demo 부서 예산담당, and the main window with its role switcher; the status bar says "로컬
  데모". The child is stopped when the application quits (and dies with us anyway).
- **A server configured** → ``check_server`` (too old / too new explained in Korean), then the
  remembered refresh token (resume), else the sign-in dialog. An unreachable server means the
  main window works offline on the local cache ("오프라인") — never demo mode.

Heavy libraries stay out of start-up (ARCHITECTURE.md §8): the cache (SQLAlchemy) is opened on
the DB worker on first use, keyring on first use; openpyxl and reportlab only by the pages that
import and print.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.config import Config
from app.context import AppContext
from app.i18n import install_translators, tr
from app.logs import install_logging
from app.operations import ChangeHub, OperationRunner
from app.operations.session import (
    DEMO_START_LOGIN,
    ConnectionState,
    ServerCheck,
    SessionOps,
    SignInResult,
)
from app.tasks import TaskManager
from app.views.auth.messages import compatibility_text, error_text
from app.views.auth.sign_in_dialog import SignInDialog
from app.views.main_window.startup import StartupWindow
from app.views.main_window.window import MainWindow

if TYPE_CHECKING:
    from app.services.auth.credentials import CredentialStore
    from app.services.cache.database import CacheDatabase
    from app.services.demo_server import DemoServer


log = logging.getLogger(__name__)


class LazyCache:
    """The local cache, opened on first use (on the DB worker: SQLAlchemy is slow to import)."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._db: CacheDatabase | None = None

    def database(self) -> CacheDatabase:
        with self._lock:
            if self._db is None:
                from app.services.cache.database import CacheDatabase

                self._db = CacheDatabase.in_data_dir(self._config.paths.data_dir)
            return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class _Lazy:
    """Stands in for a cache store (DraftStore, Outbox) until its first attribute is used."""

    def __init__(self, make: Callable[[], object]) -> None:
        self._make = make
        self._obj: object | None = None
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            if self._obj is None:
                self._obj = self._make()
        return getattr(self._obj, name)


def _drafts(cache: LazyCache) -> object:
    from app.services.cache.drafts import DraftStore

    return DraftStore(cache.database())


def _outbox(cache: LazyCache) -> object:
    from app.services.cache.outbox import Outbox

    return Outbox(cache.database())


class HojoApplication(QObject):
    """One run of the client. ``ready`` once the main window is shown (signed in or offline)."""

    ready = Signal()
    failed = Signal(str)

    def __init__(
        self,
        config: Config,
        *,
        tasks: TaskManager | None = None,
        credentials: Callable[[], CredentialStore] | None = None,
        demo_server: Callable[[], DemoServer] | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        config.paths.ensure_data_dirs()
        self.tasks = tasks or TaskManager()
        self.hub = ChangeHub()
        self.runner = OperationRunner(self.tasks, self.hub)
        if credentials is None:
            self.ops = SessionOps(config, self.runner)
        else:
            self.ops = SessionOps(config, self.runner, credentials=credentials)
        self.cache = LazyCache(config)
        self._make_demo_server = demo_server
        self.demo_server: DemoServer | None = None
        self.startup: StartupWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None

    # --- start -------------------------------------------------------------------------------
    def start(self) -> None:
        demo = self.config.demo_mode_applies()
        self.startup = StartupWindow(demo=demo)
        self.startup.show()
        if demo:
            self._start_demo()
        else:
            self._start_server(self.config.text("server_url"))

    def _start_demo(self) -> None:
        from app.services.demo_server import DemoServer, demo_headers

        assert self.startup is not None
        self.startup.say(tr("연습용 데모 서버를 시작하는 중입니다…"))
        self.demo_server = server = (self._make_demo_server or DemoServer)()
        data_dir = self.config.paths.data_dir

        def started(conn: Any) -> None:
            self.ops.connect_demo(conn.url, demo_headers(conn))
            self.ops.demo_sign_in(DEMO_START_LOGIN, self._signed_in, self._fail)

        self.tasks.run_net(
            lambda _s: server.start(data_dir), started, self._fail, label="demo server"
        )

    def _start_server(self, url: str) -> None:
        assert self.startup is not None
        self.startup.say(tr("서버에 연결하는 중입니다: {url}").format(url=url))
        self.ops.check_server(url, self._checked, self._unreachable)

    def _checked(self, check: ServerCheck) -> None:
        if not check.ok:
            self._ask_sign_in(server_message=compatibility_text(check))
            return
        url = self.ops.server_url
        if self.ops.last_remembered() and self.ops.last_login(url):
            self.ops.resume(url, self._signed_in, lambda _e: self._ask_sign_in())
        else:
            self._ask_sign_in()

    def _unreachable(self, error: BaseException) -> None:
        _field, message = error_text(error)
        log.info("server unreachable at start: %s", error)
        self._open_window(ConnectionState.OFFLINE, message)

    def _ask_sign_in(self, server_message: str = "") -> None:
        url = self.ops.server_url or self.config.text("server_url")
        dialog = SignInDialog(
            self.ops,
            server_url=url,
            login=self.ops.last_login(url),
            remember=self.ops.last_remembered() or self.config.flag("remember_me"),
        )
        if server_message:
            dialog.show_field_error("server", server_message)
        dialog.accepted.connect(lambda: self._signed_in(dialog.result_info))
        dialog.rejected.connect(self.quit)
        self.sign_in_dialog = dialog
        self._close_startup()
        dialog.show()

    def _signed_in(self, result: SignInResult | None) -> None:
        state = ConnectionState.DEMO if self.ops.demo else ConnectionState.ONLINE
        self._open_window(state)
        if result is not None and result.user.must_change_password and self.window:
            from app.views.main_window import commands

            commands.change_password(self.window, forced=True)

    def _fail(self, error: BaseException) -> None:
        _field, message = error_text(error)
        log.error("start-up failed: %s", error)
        if self.startup is not None:
            self.startup.fail(message)
        self.failed.emit(message)

    # --- the main window ---------------------------------------------------------------------
    def _context(self) -> AppContext:
        assert self.ops.session is not None and self.ops.api is not None
        return AppContext(
            config=self.config,
            paths=self.config.paths,
            tasks=self.tasks,
            hub=self.hub,
            ops=self.runner,
            session=self.ops.session,
            api=self.ops.api,
            drafts=cast("Any", _Lazy(lambda: _drafts(self.cache))),
            outbox=cast("Any", _Lazy(lambda: _outbox(self.cache))),
            demo=self.ops.demo,
            server_url=self.ops.server_url,
            extras={"session_ops": self.ops},
        )

    def _open_window(self, state: ConnectionState, detail: str = "") -> None:
        if self.window is None:
            self.ctx = self._context()
            self.window = MainWindow(self.ctx, self.ops)
            self.window.show()
            first = self.window.navigation.first_available()
            if first is not None:
                self.window.navigation.select(first)
            else:
                self.window.navigation.focus_list()
            self.tasks.run_db(
                lambda _s: self.cache.database(), None, self._cache_failed, label="open cache"
            )
        self.window.set_connection(state, detail)
        self._close_startup()
        self.ready.emit()

    def _cache_failed(self, error: BaseException) -> None:
        log.error("the local cache could not be opened: %s", error)
        if self.window is not None:
            self.window.status.showMessage(
                tr("로컬 캐시를 열 수 없습니다: {error}").format(error=error), 0
            )

    def _close_startup(self) -> None:
        if self.startup is not None:
            self.startup.close()
            self.startup.deleteLater()
            self.startup = None

    # --- stop --------------------------------------------------------------------------------
    def quit(self) -> None:
        QApplication.quit()

    def shutdown(self) -> None:
        """Stop the background work, the demo child and the connections (on quit)."""
        if self.window is not None:
            self.window.monitor.timer.stop()
        self.tasks.shutdown(3000)
        if self.demo_server is not None:
            self.demo_server.stop()
            self.demo_server = None
        self.ops.close()
        self.cache.close()


def _wait_ready(hojo: HojoApplication, started: float) -> None:
    def report() -> None:
        ready = time.perf_counter() - started
        sys.stderr.write(f"HOJO_READY_SECONDS={ready:.3f}\n")
        sys.stderr.flush()
        QTimer.singleShot(0, QApplication.quit)

    hojo.ready.connect(report)
    hojo.failed.connect(lambda _m: QApplication.exit(1))


def main(argv: Sequence[str] | None = None) -> int:
    """``hojo``: the desktop client. ``--benchmark-exit`` quits as soon as the window is ready."""
    started = time.perf_counter()
    args = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(args)
    assert isinstance(app, QApplication)
    app.setApplicationName("Hojo Desk")
    config = Config.load()
    install_logging(config.paths.log_dir)
    for problem in config.problems:
        log.warning("%s", problem)
    translators = install_translators(app, config.text("language"))
    from app.a11y import focus, theme

    theme.apply_config(app, config)  # palette (4.5:1), high contrast, font scale
    focus.install(app)  # focus returns to the opener when a dialog closes
    hojo = HojoApplication(config)
    app.aboutToQuit.connect(hojo.shutdown)
    if "--benchmark-exit" in args:
        _wait_ready(hojo, started)
    hojo.start()
    code = app.exec()
    del translators
    return code
