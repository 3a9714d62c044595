"""The page's editing flow: which line is open, its draft, save, submit and conflicts.

Every edit in the 산출근거 editor becomes a draft written to the cache at once
(``DraftSaver``); the status line says so silently, and the save is announced once per editing
burst — when focus leaves the editor or after a pause (``SAVE_PAUSE_MS``), never per
keystroke; the lines table marks the line; 저장 sends the program's drafts one by one;
a 412 opens the conflict dialog (mine/theirs per row) and the merged draft is saved again;
제출 first sends the drafts, then submits. Results are said in the status line and announced.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from app.a11y import announce
from app.i18n import tr
from app.operations import budget as ops
from app.services.cache.records import Draft, DraftState
from domain.contracts.budget import ExpenditureLineOut

if TYPE_CHECKING:
    from app.context import AppContext
    from app.views.budget.basis_editor import BasisEditor
    from app.views.budget.lines_panel import LinesPanel


SAVE_PAUSE_MS = 2000
"""A pause in editing this long ends the burst: the draft save is announced then."""


class LineEditing(QObject):
    status = Signal(str, bool)  # text, assertive (shown in the status line and announced)
    quiet_status = Signal(str)  # shown in the status line only (screen readers read it on demand)
    line_saved = Signal(object)  # ExpenditureLineOut

    def __init__(
        self, ctx: AppContext, lines: LinesPanel, editor: BasisEditor, host: QWidget
    ) -> None:
        super().__init__(host)
        self.ctx, self.lines, self.editor, self.host = ctx, lines, editor, host
        self.data: ops.BudgetData | None = None
        self.line: ExpenditureLineOut | None = None  # the open line as the server has it
        self.drafts: dict[uuid.UUID, Draft] = {}
        self.saver = ops.DraftSaver(ctx, self._draft_saved)
        self.saver.on_error = lambda e: self.status.emit(
            tr("임시 저장 실패: {error}").format(error=e), True
        )
        self.conflict_dialog: QDialog | None = None
        self._save_unsaid = False  # a draft was saved and not yet announced in this burst
        self._save_pause = QTimer(self)
        self._save_pause.setSingleShot(True)
        self._save_pause.setInterval(SAVE_PAUSE_MS)
        self._save_pause.timeout.connect(self.announce_draft_saved)
        editor.edited.connect(self._edited)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- opening a line --------------------------------------------------------------------
    def show_line(self, line: ExpenditureLineOut | None) -> None:
        self.line = None
        sources = self.data.fundings if self.data else {}
        self._leave_editor()
        self.editor.setEnabled(line is not None)
        if line is None:
            self.editor.load([], {}, sources)
            return
        draft = self.drafts.get(line.id)
        if draft is not None:
            self.line = line
            self.editor.load(
                draft.payload.get("basis") or [], draft.payload.get("funding") or {}, sources
            )
            return
        self.editor.load([], line.funding, sources)
        self.editor.setEnabled(False)

        def loaded(full: ExpenditureLineOut) -> None:
            current = self.lines.current_line()
            if current is None or current.id != full.id or full.id in self.drafts:
                return
            self.line = full
            self.editor.load(full.basis or [], full.funding, sources)
            self.editor.setEnabled(True)

        ops.load_line(self.ctx, line.id, loaded, self._failed)

    def _leave_editor(self) -> None:
        """The editor is about to be emptied or disabled while a line loads: focus inside it
        moves to the lines table first (a disabled or rebuilt field would leave no focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.editor.isAncestorOf(focus):
            self.lines.focus_table()

    def _edited(self) -> None:
        line = self.line
        if line is None:
            return
        basis, funding = self.editor.basis(), self.editor.split()
        draft = self.drafts.get(line.id)
        if draft is None:
            draft = ops.line_draft(line, basis, funding)
        else:
            draft = replace(draft, payload={**draft.payload, "basis": basis, "funding": funding})
        self.drafts[line.id] = draft
        self.saver.save(draft)

    def _draft_saved(self, draft: Draft) -> None:
        """Show the save at once; announce it when the editing burst ends (pause, focus out)."""
        self.quiet_status.emit(tr("임시 저장했습니다 (이 PC)"))
        self._save_unsaid = True
        self._save_pause.start()  # restarted by every save: fires after the last keystroke

    def announce_draft_saved(self) -> None:
        """End of an editing burst: say the draft is saved, once."""
        self._save_pause.stop()
        if self._save_unsaid:
            self._save_unsaid = False
            self.status.emit(tr("임시 저장했습니다 (이 PC)"), False)

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if not self._save_unsaid or not isValid(self) or not isValid(self.editor):
            return
        editor = self.editor
        was_inside = old is not None and (old is editor or editor.isAncestorOf(old))
        now_inside = now is not None and (now is editor or editor.isAncestorOf(now))
        if was_inside and not now_inside:
            self.announce_draft_saved()

    def _drop_unsaid(self) -> None:
        """An explicit save says its own result: no separate draft announcement."""
        self._save_pause.stop()
        self._save_unsaid = False

    # -- new lines and restored drafts -----------------------------------------------------
    def provisional(self, draft: Draft) -> ExpenditureLineOut | None:
        """A table row for a draft of a line the server does not have yet."""
        data = self.data
        if data is None or data.version is None:
            return None
        payload = draft.payload
        program_id = uuid.UUID(payload["program_id"])
        department = next((p.department_id for p in data.programs if p.id == program_id), None)
        amount = ops.basis_total(payload.get("basis") or [])
        return ExpenditureLineOut(
            id=draft.line_id, version_id=data.version.id, fiscal_year=data.version.fiscal_year,
            account_code=payload["account_code"], program_id=program_id,
            department_id=department or uuid.UUID(int=0), object_code=payload["object_code"],
            sector_code="", amount=amount, base_amount=0, requested_amount=None,
            adjusted_amount=None, adopted_amount=None, adjust_reason="",
            funding=dict(payload.get("funding") or {}), funding_base={}, position=1 << 30,
            version=0,
        )  # fmt: skip

    def add_new(self, program_id: uuid.UUID, account: str, object_code: str, funding: str) -> Draft:
        assert self.data is not None and self.data.version is not None
        draft = ops.new_line_draft(self.data.version.id, program_id, account, object_code, funding)
        self.drafts[draft.line_id] = draft
        self.saver.save(draft)
        row = self.provisional(draft)
        if row is not None:
            self.lines.replace(row)
            self.lines.select_line(row.id)
        return draft

    def restore(self, drafts: list[Draft]) -> None:
        self.drafts = {d.line_id: d for d in drafts}
        if drafts:
            conflicts = sum(d.state is DraftState.CONFLICT for d in drafts)
            text = tr("임시 저장본 {count}건을 복원했습니다").format(count=len(drafts))
            if conflicts:
                text += tr(" (저장 충돌 {count}건)").format(count=conflicts)
            self.status.emit(text, False)

    def new_lines(self, program_ids: frozenset[uuid.UUID]) -> list[ExpenditureLineOut]:
        rows = []
        for draft in self.drafts.values():
            if draft.is_new and uuid.UUID(draft.payload["program_id"]) in program_ids:
                row = self.provisional(draft)
                if row is not None:
                    rows.append(row)
        return rows

    # -- saving ----------------------------------------------------------------------------
    def save(
        self, program_ids: frozenset[uuid.UUID] | None, then: Callable[[], None] | None = None
    ) -> None:
        """Send the drafts (of ``program_ids``, or all), one at a time; ``then`` when all went."""
        self._drop_unsaid()
        queue = [
            d for d in self.drafts.values()
            if program_ids is None or uuid.UUID(d.payload["program_id"]) in program_ids
        ]  # fmt: skip
        if not queue:
            if then is not None:
                then()
            return

        def next_one() -> None:
            if not queue:
                self.status.emit(tr("서버에 저장했습니다"), False)
                if then is not None:
                    then()
                return
            draft = queue.pop(0)
            gap = ops.funding_gap(draft.payload)
            if gap:
                self.status.emit(
                    tr("재원 합계가 금액과 {gap}천원 다릅니다. 재원을 고친 뒤 저장하세요.").format(
                        gap=f"{gap:,}"
                    ),
                    True,
                )
                return
            ops.save_line(self.ctx, draft, lambda o: self._saved(o, next_one), self._failed)

        if self.saver.idle:
            next_one()
        else:  # let the last edit reach the cache first
            ops.restore_drafts(self.ctx, lambda _d: next_one())

    def _saved(self, outcome: ops.SaveOutcome, next_one: Callable[[], None]) -> None:
        draft = outcome.draft
        if outcome.stale is not None:
            self._open_conflict(draft, outcome, next_one)
            return
        line = outcome.line
        assert line is not None
        self.drafts.pop(draft.line_id, None)
        if outcome.kept is not None:
            self.drafts[line.id] = outcome.kept
        is_open = self.line is not None and self.line.id in (draft.line_id, line.id)
        self.lines.replace(line)  # a new line: its server row comes in beside the draft's
        if is_open:
            # the saved line stays the current row and the editor keeps what it shows (it is
            # what was sent): not reloaded, so the field the user is in keeps the focus
            self.line = line
            self.lines.select_line(line.id, keep_open=True)
        if draft.is_new:
            self.lines.remove(draft.line_id)  # not current (any more): nothing else opens
        self.line_saved.emit(line)
        next_one()

    def _open_conflict(
        self, draft: Draft, outcome: ops.SaveOutcome, next_one: Callable[[], None]
    ) -> None:
        from app.services.sync.conflicts import compare
        from app.views.sync.conflict_dialog import ConflictDialog

        stale = outcome.stale
        assert stale is not None
        theirs = draft.server_payload or {}
        comparison = compare(draft.payload, theirs, draft.server_version)
        title = str(draft.payload.get("object_code", ""))
        dialog = ConflictDialog(title, comparison, self.host)
        self.conflict_dialog = dialog
        self.status.emit(
            tr("다른 사용자가 먼저 고쳤습니다. 줄마다 내 것과 서버 것을 고르세요."), True
        )

        def finished(result: int) -> None:
            self.conflict_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                self.status.emit(
                    tr("저장 충돌이 남아 있습니다. 다시 저장하면 다시 묻습니다."), False
                )
                return
            merged = ops.resolved_draft(draft, comparison, dialog.choices())
            self.drafts[draft.line_id] = merged

            def kept(stored: Draft) -> None:
                self.drafts[draft.line_id] = stored
                if self.line is not None and self.line.id == draft.line_id:
                    self.line = self.line.model_copy(update={"version": stored.base_version})
                    payload = stored.payload
                    self.editor.load(
                        payload["basis"],
                        payload.get("funding") or {},
                        self.data.fundings if self.data else {},
                    )
                if ops.funding_gap(stored.payload):
                    self.status.emit(
                        tr("합친 결과의 재원 합계가 금액과 다릅니다. 재원을 고친 뒤 저장하세요."),
                        True,
                    )
                    return
                ops.save_line(self.ctx, stored, lambda o: self._saved(o, next_one), self._failed)

            ops.keep_resolution(self.ctx, merged, kept, self._failed)

        dialog.finished.connect(finished)
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None) or str(error)
        self.status.emit(tr("실패: {message}").format(message=message), True)


def say(widget: QWidget, text: str, assertive: bool) -> None:
    announce(widget, text, assertive)
