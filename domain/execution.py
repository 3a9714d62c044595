"""Execution (집행) rules: document kinds, the chain, states, roles and separation of duties.

Chain (DOMAIN.md §2.3): 품의 → 지출원인행위 → 지출결의 → 지급명령 → 지급, and 일상경비 교부
as its own kind (it obligates and resolves the line at once; its 지급명령 follows like a 결의).

Amounts (원) are controlled on the server by conditional writes; this module states the rules:

- 원인행위 ≤ 배정 − 원인행위 so far (배정 잔액), and ≤ what is left of its 품의 if it has one;
- 결의 ≤ what is left of its 원인행위;
- 지급명령 needs a 결의 (or 일상경비 교부) and is for its whole amount; whoever wrote the 결의
  cannot order its payment (지출기관과 출납기관의 분리);
- 지급 pays one 지급명령 in full.

반려 (returned by the reviewer) and 취소 (withdrawn by the writer's role) release the
document's amount exactly once, and only while nothing live hangs off it.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from domain.errors import DomainError
from domain.roles import Action

__all__ = [
    "CANCEL_ACTION",
    "CREATE_ACTION",
    "PARENT_KINDS",
    "RETURN_ACTION",
    "DocKind",
    "DocState",
    "ExecutionError",
    "check_close",
    "check_parent",
    "check_quarter",
    "check_separation_of_duties",
]


class ExecutionError(DomainError):
    code = "execution_invalid"


class DocKind(StrEnum):
    REQUEST = "request"  # 품의
    OBLIGATION = "obligation"  # 지출원인행위
    RESOLUTION = "resolution"  # 지출결의
    PETTY_CASH = "petty_cash"  # 일상경비 교부
    PAYMENT_ORDER = "payment_order"  # 지급명령
    PAYMENT = "payment"  # 지급

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DocKind.REQUEST: "품의",
    DocKind.OBLIGATION: "지출원인행위",
    DocKind.RESOLUTION: "지출결의",
    DocKind.PETTY_CASH: "일상경비 교부",
    DocKind.PAYMENT_ORDER: "지급명령",
    DocKind.PAYMENT: "지급",
}


class DocState(StrEnum):
    ACTIVE = "진행"
    RETURNED = "반려"
    CANCELLED = "취소"


PARENT_KINDS: dict[DocKind, frozenset[DocKind]] = {
    DocKind.REQUEST: frozenset(),
    DocKind.OBLIGATION: frozenset({DocKind.REQUEST}),  # optional parent
    DocKind.RESOLUTION: frozenset({DocKind.OBLIGATION}),
    DocKind.PETTY_CASH: frozenset({DocKind.REQUEST}),  # optional parent
    DocKind.PAYMENT_ORDER: frozenset({DocKind.RESOLUTION, DocKind.PETTY_CASH}),
    DocKind.PAYMENT: frozenset({DocKind.PAYMENT_ORDER}),
}
PARENT_REQUIRED = frozenset({DocKind.RESOLUTION, DocKind.PAYMENT_ORDER, DocKind.PAYMENT})

CREATE_ACTION: dict[DocKind, Action] = {
    DocKind.REQUEST: Action.DRAFT_EXPENDITURE,  # 사업담당
    DocKind.OBLIGATION: Action.OBLIGATE,  # 재무관
    DocKind.RESOLUTION: Action.DRAFT_EXPENDITURE,  # 사업담당
    DocKind.PETTY_CASH: Action.OBLIGATE,  # 재무관 (교부 결정)
    DocKind.PAYMENT_ORDER: Action.ISSUE_PAYMENT_ORDER,  # 지출원
    DocKind.PAYMENT: Action.ISSUE_PAYMENT_ORDER,  # 지출원 (금고 이체 기록)
}
"""The role (through its action) that writes each kind."""

RETURN_ACTION: dict[DocKind, Action] = {
    DocKind.REQUEST: Action.OBLIGATE,  # 재무관 sends a 품의 back
    DocKind.OBLIGATION: Action.ISSUE_PAYMENT_ORDER,  # 지출원 refuses to act on it
    DocKind.RESOLUTION: Action.ISSUE_PAYMENT_ORDER,  # 지출원 checks the 결의
    DocKind.PETTY_CASH: Action.ISSUE_PAYMENT_ORDER,
}
"""Who reviews (and may 반려) each kind; 지급명령 and 지급 can only be cancelled."""

CANCEL_ACTION: dict[DocKind, Action] = dict(CREATE_ACTION)
"""취소 is by the role that writes the kind."""


def check_parent(kind: DocKind, parent_kind: DocKind | None) -> None:
    """The chain: which kind may follow which (Korean message otherwise)."""
    if parent_kind is None:
        if kind in PARENT_REQUIRED:
            need = " 또는 ".join(k.label for k in sorted(PARENT_KINDS[kind]))
            raise ExecutionError(f"{kind.label}에는 {need}이(가) 필요합니다", field="parent_id")
        return
    if parent_kind not in PARENT_KINDS[kind]:
        raise ExecutionError(
            f"{parent_kind.label} 다음에는 {kind.label}을(를) 만들 수 없습니다",
            field="parent_id",
        )


def check_quarter(quarter: int) -> None:
    if quarter not in (1, 2, 3, 4):
        raise ExecutionError("배정 분기는 1~4입니다", field="quarter")


def check_separation_of_duties(resolution_author: uuid.UUID, orderer: uuid.UUID) -> None:
    """The writer of a 결의 cannot issue its 지급명령."""
    if resolution_author == orderer:
        raise ExecutionError(
            "지출결의를 작성한 사람은 그 결의의 지급명령을 할 수 없습니다 "
            "(지출기관과 출납기관의 분리). 다른 지출원이 지급명령을 해야 합니다.",
            code="separation_of_duties",
        )


def check_close(kind: DocKind, state: DocState, used: int, to: DocState) -> None:
    """Whether a document may be returned (반려) or cancelled (취소) now."""
    if to is DocState.RETURNED and kind not in RETURN_ACTION:
        raise ExecutionError(f"{kind.label}은(는) 반려할 수 없고 취소만 할 수 있습니다")
    if state is not DocState.ACTIVE:
        raise ExecutionError(f"이미 {state.value}된 {kind.label}입니다", code="document_closed")
    if used:
        raise ExecutionError(
            f"이 {kind.label}에 이어진 문서가 있어 {to.value}할 수 없습니다. "
            "이어진 문서를 먼저 취소하세요.",
            code="document_in_use",
        )
