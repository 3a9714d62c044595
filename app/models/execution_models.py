"""Table models of the 지출 page: budget lines with 배정·집행·잔액, my documents, and the
submissions waiting in the outbox.

Following the model rules of ARCHITECTURE.md §8: every display string and spoken text is
computed once when the rows arrive (``data()`` only indexes lists); money shows as
"1,234,000원", right-aligned, and is spoken in 원 with a word for minus (``MoneyText``); the
vertical header gives each row a meaningful title (the audit refuses numbered row headers);
state is always text, never colour alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.i18n import N_, tr
from app.models.roles import MoneyText, Roles
from domain.codes import normalise_name
from domain.contracts.execution import DocumentOut, LineExecution
from domain.execution import DocKind, DocState

__all__ = [
    "DocumentsModel",
    "LinesModel",
    "ReviewModel",
    "SubmissionsModel",
    "kind_label",
    "state_label",
]

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ID = int(Roles.ID)
_LINE = int(Roles.LINE)


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # N_-marked Korean source
    text: Callable[[R], str]
    money: Callable[[R], int | None] | None = None  # money columns: the amount in 원


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one wire type; strings pre-computed per row on :meth:`set_rows`."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._headers = [tr(c.header) for c in columns]
        self._money = MoneyText()
        self._rows: list[R] = []
        self._shown: list[list[str]] = []
        self._spoken: list[list[str]] = []

    # -- content ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown, self._spoken = [], []
        for row in self._rows:
            shown, spoken = [], []
            for column in self._columns:
                if column.money is not None:
                    amount = column.money(row)
                    spoken.append(self._money.spoken_won(amount))
                    shown.append(spoken[-1] if amount is not None else "")
                else:
                    shown.append(column.text(row))
                    spoken.append(shown[-1] or self._money.none)
            self._shown.append(shown)
            self._spoken.append(spoken)
        self.endResetModel()

    def row_object(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_title(self, row: int) -> str:
        return self._shown[row][0] if 0 <= row < len(self._shown) else ""

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self._shown[row][column]
        if role == _SPOKEN:
            return self._spoken[row][column]
        if role == _ALIGN:
            return _RIGHT if self._columns[column].money is not None else _LEFT
        if role in (_ID, _LINE):
            obj = self._rows[row]
            return obj if role == _LINE else getattr(obj, "id", getattr(obj, "line_id", None))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return self.row_title(section)


def matches(query: str, text: str) -> bool:
    """Whether every word of ``query`` is in ``text`` (names normalised: no spaces or middle
    dots, case folded), so "행정복지 201-02" finds 세부사업 and 통계목 together."""
    hay = normalise_name(text)
    return all(normalise_name(word) in hay for word in query.split())


# -- budget lines -------------------------------------------------------------------------
class LinesModel(RowsModel[LineExecution]):
    """세부사업, 통계목, 배정, 집행 (원인행위), 배정 잔액; filtered by a typed text."""

    def __init__(
        self, object_names: Mapping[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        names = dict(object_names or {})

        def object_text(line: LineExecution) -> str:
            return f"{line.object_code} {names.get(line.object_code, '')}".strip()

        self.object_text: Callable[[LineExecution], str] = object_text
        super().__init__(
            [
                Column(N_("세부사업"), lambda x: x.program_name),
                Column(N_("통계목"), self.object_text),
                Column(N_("배정액"), str, money=lambda x: x.allotted),
                Column(N_("집행액"), str, money=lambda x: x.obligated),
                Column(N_("배정 잔액"), str, money=lambda x: x.allotment_left),
            ],
            parent,
        )
        self._all: list[LineExecution] = []
        self._needle = ""

    def set_lines(self, lines: Sequence[LineExecution]) -> None:
        self._all = list(lines)
        self.set_filter(self._needle)

    def set_filter(self, text: str) -> None:
        self._needle = text
        shown = [x for x in self._all if matches(text, f"{x.program_name} {self.object_text(x)}")]
        self.set_rows(shown)

    def row_of(self, line_id: uuid.UUID) -> int:
        return next((i for i, x in enumerate(self._rows) if x.line_id == line_id), -1)

    def has_line(self, line_id: uuid.UUID) -> bool:
        """Whether the line is in the model, shown or filtered out."""
        return any(x.line_id == line_id for x in self._all)

    def row_title(self, row: int) -> str:
        line = self.row_object(row)
        return f"{line.program_name} {self.object_text(line)}" if line else ""


# -- my documents -------------------------------------------------------------------------
KIND_LABELS = {
    DocKind.REQUEST: N_("품의"),
    DocKind.OBLIGATION: N_("지출원인행위"),
    DocKind.RESOLUTION: N_("지출결의"),
    DocKind.PETTY_CASH: N_("일상경비 교부"),
    DocKind.PAYMENT_ORDER: N_("지급명령"),
    DocKind.PAYMENT: N_("지급"),
}
STATE_LABELS = {DocState.ACTIVE: N_("진행"), DocState.RETURNED: N_("반려"),
                DocState.CANCELLED: N_("취소")}  # fmt: skip


def kind_label(kind: DocKind) -> str:
    return tr(KIND_LABELS[kind])


def state_label(doc: DocumentOut) -> str:
    return tr(STATE_LABELS[doc.state])


class DocumentsModel(RowsModel[DocumentOut]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(N_("종류"), lambda d: kind_label(d.kind)),
                Column(N_("적요"), lambda d: d.title),
                Column(N_("금액"), str, money=lambda d: d.amount),
                Column(N_("원천징수"), str, money=lambda d: d.withheld),
                Column(N_("실지급액"), str, money=lambda d: d.net),
                Column(N_("상태"), state_label),
                Column(N_("작성일"), lambda d: d.created_at.astimezone().strftime("%Y-%m-%d")),
            ],
            parent,
        )

    def row_title(self, row: int) -> str:
        doc = self.row_object(row)
        return f"{kind_label(doc.kind)} {doc.title}".strip() if doc else ""


# -- the outbox ---------------------------------------------------------------------------
class Submission(Protocol):
    """What the table shows of one queued submission (the operations layer's ``Submission``;
    a protocol here, so item models never depend on operations or services)."""

    @property
    def kind(self) -> DocKind | None: ...  # None: a 채주 등록
    @property
    def title(self) -> str: ...
    @property
    def amount(self) -> int: ...
    @property
    def state(self) -> str: ...  # the outbox state's value: pending / sent / failed
    @property
    def attempts(self) -> int: ...
    @property
    def error(self) -> str: ...


_OUTBOX_STATES = {
    "pending": N_("보내기 대기"),
    "sent": N_("보냄"),
    "failed": N_("거절됨"),
}


def submission_kind(item: Submission) -> str:
    return kind_label(item.kind) if item.kind is not None else tr("채주 등록")


def submission_state(item: Submission) -> str:
    return tr(_OUTBOX_STATES[str(item.state)])


class SubmissionsModel(RowsModel[Submission]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(N_("종류"), submission_kind),
                Column(N_("적요"), lambda s: s.title),
                Column(N_("금액"), str, money=lambda s: s.amount),
                Column(N_("보내기 상태"), submission_state),
                Column(N_("시도"), lambda s: str(s.attempts)),
                Column(N_("사유"), lambda s: s.error),
            ],
            parent,
        )

    def row_title(self, row: int) -> str:
        item = self.row_object(row)
        if item is None:
            return ""
        return f"{submission_kind(item)} {item.title}".strip()

    def pending(self) -> int:
        return sum(1 for s in self._rows if s.state == "pending")


# -- documents waiting for the 재무관 or the 지출원 -------------------------------------------
class ReviewModel(RowsModel[DocumentOut]):
    """Documents another role wrote, waiting for this one: 종류, 예산, 적요, 금액, 남은 금액,
    작성자, 상태 (text); filtered by a typed text over 적요, 예산 and 작성자."""

    def __init__(
        self,
        line_text: Callable[[uuid.UUID], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.line_text: Callable[[uuid.UUID], str] = line_text or (lambda _id: "")
        super().__init__(
            [
                Column(N_("종류"), lambda d: kind_label(d.kind)),
                Column(N_("예산"), lambda d: self.line_text(d.line_id)),
                Column(N_("적요"), lambda d: d.title),
                Column(N_("금액"), str, money=lambda d: d.amount),
                Column(N_("남은 금액"), str, money=lambda d: d.left),
                Column(N_("작성자"), lambda d: d.author_login),
                Column(N_("상태"), state_label),
            ],
            parent,
        )
        self._all: list[DocumentOut] = []
        self._needle = ""

    def set_documents(self, documents: Sequence[DocumentOut]) -> None:
        self._all = list(documents)
        self.set_filter(self._needle)

    def set_filter(self, text: str) -> None:
        self._needle = text
        self.set_rows(
            [
                d
                for d in self._all
                if matches(text, f"{d.title} {self.line_text(d.line_id)} {d.author_login}")
            ]
        )

    def row_of(self, document_id: uuid.UUID) -> int:
        return next((i for i, d in enumerate(self._rows) if d.id == document_id), -1)

    def row_title(self, row: int) -> str:
        doc = self.row_object(row)
        return f"{kind_label(doc.kind)} {doc.title}".strip() if doc else ""
