"""The reports page (issue 6): choose a report, a version, the scope and the format; make it
in the background with progress (cancellable, announced when done) and open the file or show
where it is. XLSX/CSV is offered beside every PDF: it is the format a screen-reader user can
work in (the PDF is untagged). Also the Excel round-trip: preview a 세출 or 세입 합본예산서
file against the version and apply the accepted changes (``app.operations.reports``)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.a11y import keys, set_tab_order
from app.i18n import N_, tr
from app.models.execution_models import state_label
from app.operations import cycle
from app.operations import reports as ops
from app.views.adjust.adjust_page import version_label
from app.views.adjust.common import add_row, button, report
from app.views.page import Page

if TYPE_CHECKING:
    from app.context import AppContext
    from app.services.reports.generate import ReportRequest, ReportResult
    from app.services.reports.xlsx_apply import Applied
    from app.services.reports.xlsx_import import ImportPreview
    from app.tasks import TaskState
    from domain.contracts.budget import VersionOut
    from domain.contracts.execution import DocumentOut

REPORTS = (
    ("budget-book", N_("세출 예산서")),
    ("revenue-book", N_("세입 예산서")),
    ("project-sheet", N_("세부사업설명서")),
    ("resolution", N_("지출결의서")),
)
FORMATS = (("pdf", N_("PDF (인쇄용)")), ("xlsx", N_("Excel XLSX")), ("csv", N_("CSV")))
NOTE = N_(
    "PDF는 인쇄용입니다. 화면 읽기 프로그램으로 읽고 고치려면 같은 내용을 XLSX나 CSV로 "
    "만드십시오: 표의 행과 열을 그대로 읽을 수 있습니다."
)


ACCEPT_NOTE = N_(
    "작성중인 버전에서 내가 고칠 수 있는 줄만 바꿉니다. 바뀐 세출 줄은 임시 저장하고(서버에는 "
    "예산편성 화면에서 보냅니다), 파일에서 빠진 줄은 서버에서 삭제하며, 세입은 서버에 바로 "
    "반영합니다."
)


class ReportsPage(Page):
    TITLE = N_("보고서")
    IDENTIFIER = "page.reports"
    DESCRIPTION = N_(
        "예산서와 세부사업설명서를 PDF, XLSX, CSV로, 지출결의서를 PDF로 만들고 엑셀 파일을 "
        "가져옵니다."
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.task: TaskState | None = None  # the report being made
        self._stopping: TaskState | None = None  # a cancelled report whose worker still runs
        self._waiting: ReportRequest | None = None  # made while _stopping: starts after it
        self.result: ReportResult | None = None
        self.preview: ImportPreview | None = None
        self.versions_list: list[VersionOut] = []
        self.kind = QComboBox()
        for key, text in REPORTS:
            self.kind.addItem(tr(text), key)
        self.versions = QComboBox()
        self.format = QComboBox()
        for key, text in FORMATS:
            self.format.addItem(tr(text), key)
        self.out = QLineEdit()
        self.documents = QListWidget()
        self.documents_loaded = False
        form = QFormLayout()
        add_row(form, tr("보고서"), self.kind, "reports.kind")
        add_row(form, tr("예산 버전"), self.versions, "reports.version")
        add_row(form, tr("형식"), self.format, "reports.format", tr(NOTE))
        add_row(
            form, tr("지출결의 문서"), self.documents, "reports.documents",
            tr("지출결의서로 만들 문서를 체크하십시오 (스페이스 키). 한 문서가 한 쪽입니다."),
        )  # fmt: skip
        add_row(form, tr("저장할 파일"), self.out, "reports.out", tr("만든 보고서를 저장할 경로"))
        self.note = QLabel(tr(NOTE))
        self.note.setWordWrap(True)
        self.make_button = button(tr("만들기"), "reports.make", self.make)
        self.cancel_button = button(tr("취소"), "reports.cancel", self.cancel)
        self.open_button = button(tr("파일 열기"), "reports.open", self.open_file)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(tr("보고서 진행률"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.source = QLineEdit()
        import_form = QFormLayout()
        add_row(
            import_form, tr("가져올 엑셀 파일"), self.source, "reports.import.path",
            tr("합본예산서 형식의 XLSX 또는 CSV 파일 경로"),
        )  # fmt: skip
        self.preview_button = button(tr("미리 보기"), "reports.import.preview", self.preview_file)
        self.accept_button = button(
            tr("가져오기 적용"), "reports.import.accept", self.accept_import, tr(ACCEPT_NOTE)
        )
        self.changes = QListWidget()
        self.changes.setAccessibleName(tr("가져오기 미리 보기"))
        self.changes.setAccessibleIdentifier("reports.import.changes")
        self.progress.setAccessibleIdentifier("reports.progress")
        buttons = QHBoxLayout()
        for b in (self.make_button, self.cancel_button, self.open_button):
            buttons.addWidget(b)
        import_buttons = QHBoxLayout()
        import_buttons.addWidget(self.preview_button)
        import_buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(import_form)
        layout.addLayout(import_buttons)
        layout.addWidget(self.changes, 1)
        set_tab_order(
            [self.kind, self.versions, self.format, self.documents, self.out, self.make_button,
             self.cancel_button, self.open_button, self.source, self.preview_button,
             self.accept_button, self.changes]
        )  # fmt: skip
        keys.register_panes(self, [self.kind, self.source, self.changes])
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.versions.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self._busy(False)
        self.open_button.setEnabled(False)
        self.accept_button.setEnabled(False)
        self.documents.setEnabled(False)

    def first_focus(self) -> QWidget | None:
        return self.kind

    def status_text(self) -> str:
        return self.status.text()

    def activate(self) -> None:
        if not self.versions_list:
            cycle.load_versions(self.ctx, self._versions_loaded, self._failed)

    # --- 지출결의서: which documents -------------------------------------------------------------
    def resolution_chosen(self) -> bool:
        return bool(self.kind.currentData() == "resolution")

    def _kind_changed(self) -> None:
        resolution = self.resolution_chosen()
        self.documents.setEnabled(resolution)
        self.versions.setEnabled(not resolution)
        if resolution:
            self.format.setCurrentIndex(self.format.findData("pdf"))
        self.format.setEnabled(not resolution)
        if resolution and not self.documents_loaded:
            ops.load_resolutions(self.ctx, self._documents_loaded, self._failed)
        self._suggest_path()

    def _documents_loaded(self, documents: list[DocumentOut]) -> None:
        self.documents_loaded = True
        self.documents.clear()
        for doc in documents:
            text = tr("{title} {amount}원 ({state}, {date})").format(
                title=doc.title or doc.kind_label, amount=f"{doc.amount:,}",
                state=state_label(doc), date=f"{doc.created_at:%Y-%m-%d}",
            )  # fmt: skip
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, str(doc.id))
            self.documents.addItem(item)
        if self.documents.count():
            self.documents.setCurrentRow(0)
        text = tr("지출결의 문서 {count}건").format(count=self.documents.count())
        report(self.documents, self.status, text)

    def checked_documents(self) -> list[uuid.UUID]:
        out = []
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))
        return out

    # --- versions and file names ---------------------------------------------------------------
    def _versions_loaded(self, versions: list[VersionOut]) -> None:
        self.versions_list = sorted(versions, key=lambda v: v.created_at, reverse=True)
        self.versions.clear()
        for v in self.versions_list:
            self.versions.addItem(version_label(v), str(v.id))
        self._suggest_path()

    def version_id(self) -> uuid.UUID | None:
        value = self.versions.currentData()
        return uuid.UUID(value) if value else None

    def _suggest_path(self) -> None:
        v = self.versions_list[self.versions.currentIndex()] if self.versions.count() else None
        if self.resolution_chosen():
            v = None
        name = self.kind.currentText().replace(" ", "")
        stem = f"{v.fiscal_year}_{v.kind}_{name}" if v else name
        folder = Path(self.ctx.paths.data_dir) / "reports"
        self.out.setText(str(folder / f"{stem}.{self.format.currentData()}"))

    # --- making a report -------------------------------------------------------------------------
    def make(self) -> None:
        from app.services.reports.generate import ReportRequest

        version_id = self.version_id()
        if self.resolution_chosen():
            documents = self.checked_documents()
            if not documents or not self.out.text().strip():
                text = tr("지출결의서로 만들 문서를 하나 이상 체크하고 파일을 고르십시오.")
                report(self.documents, self.status, text, error=True)
                return
            request = ReportRequest(
                "resolution", Path(self.out.text().strip()), documents=documents
            )
        elif version_id is None or not self.out.text().strip():
            report(self.make_button, self.status, tr("예산 버전과 파일을 고르십시오."), error=True)
            return
        else:
            request = ReportRequest(
                self.kind.currentData(), Path(self.out.text().strip()), version_id,
                self.format.currentData(),
            )  # fmt: skip
        self._busy(True)
        self.progress.setValue(0)
        report(self.make_button, self.status, tr("보고서를 만드는 중입니다…"))
        if self._stopping is not None:  # its worker may still write or remove the same file
            self._waiting = request
        else:
            self._start(request)

    def _start(self, request: ReportRequest) -> None:
        # A job ends in exactly one of _made, _failed or _cancelled; once cancelled, only the
        # last (the task runner guarantees it), so nothing of a cancelled job reaches the page.
        task = ops.make_report(
            self.ctx, request, self._made, self._failed, self._progress, self._cancelled
        )
        self.task = None if task.is_finished else task

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setAccessibleDescription(text)

    def _made(self, result: ReportResult) -> None:
        self.task = None
        self.result = result
        self.open_button.setEnabled(True)
        self._busy(False, self.open_button)
        self.progress.setValue(100)
        report(self.open_button, self.status, tr("보고서를 만들었습니다: {file}").format(
            file=result.text()))  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        report(self.make_button, self.status, cycle.error_text(error), error=True)

    def cancel(self) -> None:
        """Stop the report: said at once and the page ready again, without waiting for the
        worker to reach its next check (it then ends in ``_cancelled`` and removes its partial
        file; a report made again meanwhile starts after that)."""
        task, self.task, self._waiting = self.task, None, None
        if task is not None:
            task.cancel()
            self._stopping = task
        elif self._stopping is None:
            return
        self.progress.setValue(0)
        self._busy(False)
        report(self.make_button, self.status, tr("보고서 만들기를 취소했습니다."))

    def _cancelled(self) -> None:
        """The worker of a cancelled report has stopped: start the report made meanwhile."""
        if self._stopping is None:  # cancelled by someone else (TaskManager.shutdown)
            self.task = None
            self._busy(False)
            return
        self._stopping = None
        request, self._waiting = self._waiting, None
        if request is not None:
            self._start(request)

    def open_file(self) -> None:
        if self.result is not None:
            opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))
            if not opened:
                report(self.open_button, self.status, tr("파일 위치: {path}").format(
                    path=self.result.path))  # fmt: skip

    def _busy(self, busy: bool, focus: QWidget | None = None) -> None:
        """만들기 and 취소 swap. Focus on the one being disabled goes to the other (Space on
        만들기 then Space cancels), or to ``focus`` (파일 열기 when the report is made)."""
        waiting = self.focusWidget() in (self.make_button, self.cancel_button)
        (self.cancel_button if busy else self.make_button).setEnabled(True)
        if waiting:
            target = focus or (self.cancel_button if busy else self.make_button)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        (self.make_button if busy else self.cancel_button).setEnabled(False)

    # --- Excel round-trip ------------------------------------------------------------------------
    def preview_file(self) -> None:
        version_id, path = self.version_id(), self.source.text().strip()
        if version_id is None or not path:
            report(
                self.source, self.status, tr("예산 버전과 가져올 파일을 고르십시오."), error=True
            )
            return
        self.accept_button.setEnabled(False)
        report(self.preview_button, self.status, tr("파일을 읽고 비교하는 중입니다…"))
        ops.preview_import(self.ctx, version_id, Path(path), self._previewed, self._failed)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.changes.clear()
        for change in preview.changes:
            self.changes.addItem(change.text())
        for problem in preview.problems:
            self.changes.addItem(tr("{row}행을 읽을 수 없습니다: {reason}").format(
                row=problem.row, reason=problem.reason))  # fmt: skip
        text = tr("추가 {added}, 변경 {changed}, 삭제 {removed}, 읽을 수 없는 행 {bad}").format(
            added=preview.count("added"), changed=preview.count("changed"),
            removed=preview.count("removed"), bad=len(preview.problems),
        )  # fmt: skip
        self.accept_button.setEnabled(bool(preview.changes))
        report(self.changes, self.status, text)

    def accept_import(self) -> None:
        version_id = self.version_id()
        if self.preview is None or version_id is None:
            return
        ops.accept_import(self.ctx, version_id, self.preview, self._accepted, self._failed)

    def _accepted(self, result: Applied) -> None:
        self.accept_button.setEnabled(False)
        self.preview = None
        self.changes.clear()
        for skipped in result.skipped:
            self.changes.addItem(tr("적용하지 않음: {change}").format(change=skipped))
        text = tr(
            "임시 저장 {saved}줄, 서버에 반영 {written}줄, 삭제 {deleted}줄, 적용하지 않은 줄 "
            "{skipped}개"
        ).format(
            saved=result.saved, written=result.written, deleted=result.deleted,
            skipped=len(result.skipped),
        )  # fmt: skip
        report(self.changes, self.status, text)
