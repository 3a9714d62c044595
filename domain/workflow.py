"""Budget formulation workflow as explicit state machines (DOMAIN.md §2.1, ARCHITECTURE.md §3).

- :class:`RequestState` per (version, 부서, 세부사업): 작성중 → 요구 → 조정; 요구 → 작성중 is
  반려 by the budget office; 조정 → 조정 is a re-adjustment.
- :class:`VersionState` per budget version: 작성중 → 확정 → 의결 → 성립. 확정 needs a passing
  :func:`check_confirmable` (every request unit at 요구 or later, every 회계 balanced).
- The council may cut but not raise (:func:`check_council_amount`); 재원 splits must sum to
  the amount (:func:`check_funding_split`); an 추경 starts from the 성립 amounts
  (:func:`start_supplementary`).

State values are the Korean names, so they can be stored and shown as they are. Amounts on
budget lines are integer 천원.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from domain.errors import DomainError
from domain.roles import Action, Role, require

__all__ = [
    "ORIGINAL",
    "ORIGINAL_DRAFT",
    "REQUEST_TRANSITIONS",
    "VERSION_TRANSITIONS",
    "AccountTotal",
    "AmountRuleError",
    "ConfirmCheck",
    "LineAmounts",
    "RequestState",
    "RequestUnit",
    "SupplementaryLine",
    "TransitionError",
    "VersionKindError",
    "VersionState",
    "allowed_targets",
    "check_confirmable",
    "check_council_amount",
    "check_funding_split",
    "format_supplementary_kind",
    "funding_change",
    "kind_sort_key",
    "next_supplementary_kind",
    "parse_version_kind",
    "start_supplementary",
    "supplementary_round",
    "transition",
]

K = TypeVar("K", bound=Hashable)


class TransitionError(DomainError):
    code = "invalid_transition"


class AmountRuleError(DomainError):
    code = "amount_rule"


class VersionKindError(DomainError):
    code = "invalid_version_kind"


class RequestState(StrEnum):
    DRAFT = "작성중"
    REQUESTED = "요구"
    ADJUSTED = "조정"


class VersionState(StrEnum):
    DRAFT = "작성중"
    CONFIRMED = "확정"
    ADOPTED = "의결"
    ESTABLISHED = "성립"


# (from, to) -> the action whose permission the move needs.
REQUEST_TRANSITIONS: dict[tuple[RequestState, RequestState], Action] = {
    (RequestState.DRAFT, RequestState.REQUESTED): Action.SUBMIT_REQUEST,
    (RequestState.REQUESTED, RequestState.DRAFT): Action.RETURN_REQUEST,
    (RequestState.REQUESTED, RequestState.ADJUSTED): Action.ADJUST,
    (RequestState.ADJUSTED, RequestState.ADJUSTED): Action.ADJUST,
}
VERSION_TRANSITIONS: dict[tuple[VersionState, VersionState], Action] = {
    (VersionState.DRAFT, VersionState.CONFIRMED): Action.CONFIRM,
    (VersionState.CONFIRMED, VersionState.ADOPTED): Action.ADOPT,
    (VersionState.ADOPTED, VersionState.ESTABLISHED): Action.ESTABLISH,
}

S = TypeVar("S", RequestState, VersionState)


def _fmt(amount: int) -> str:
    return f"{amount:,}"


# -- 확정 readiness --------------------------------------------------------------------------
@dataclass(frozen=True)
class RequestUnit:
    """One (부서, 세부사업) of a version and its request state."""

    department: str
    project: str
    state: RequestState


@dataclass(frozen=True)
class AccountTotal:
    """세입 and 세출 totals (천원) of one 회계 in a version."""

    code: str
    name: str
    revenue: int
    expenditure: int

    @property
    def difference(self) -> int:
        return self.revenue - self.expenditure


@dataclass(frozen=True)
class ConfirmCheck:
    """Result of :func:`check_confirmable`: ``ok`` or Korean ``reasons``."""

    reasons: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.reasons


def check_confirmable(
    units: Iterable[RequestUnit], accounts: Iterable[AccountTotal]
) -> ConfirmCheck:
    """May the version be 확정? Lists every 회계 out of balance and every 세부사업 still 작성중."""
    reasons: list[str] = []
    units = list(units)
    if not units:
        reasons.append("세부사업이 하나도 없습니다")
    for acc in sorted(accounts, key=lambda a: a.code):
        if acc.difference != 0:
            reasons.append(
                f"{acc.name}({acc.code}): 세입 {_fmt(acc.revenue)}천원, "
                f"세출 {_fmt(acc.expenditure)}천원, 차이 {_fmt(acc.difference)}천원"
            )
    for unit in units:
        if unit.state is RequestState.DRAFT:
            reasons.append(
                f"{unit.department} '{unit.project}' 세부사업이 아직 {RequestState.DRAFT}입니다"
            )
    return ConfirmCheck(tuple(reasons))


# -- transitions -----------------------------------------------------------------------------
def allowed_targets(current: S) -> tuple[S, ...]:
    """States reachable from ``current`` in one step (ignoring roles)."""
    return tuple(to for (frm, to) in _table(current) if frm is current)  # type: ignore[misc]


def _table(state: StrEnum) -> Mapping[tuple[StrEnum, StrEnum], Action]:
    # Separate tables: RequestState.DRAFT == VersionState.DRAFT as strings ("작성중").
    if isinstance(state, RequestState):
        return REQUEST_TRANSITIONS  # type: ignore[return-value]
    return VERSION_TRANSITIONS  # type: ignore[return-value]


def transition(
    current: S,
    target: S,
    roles: Iterable[Role | str],
    *,
    confirm_check: ConfirmCheck | None = None,
) -> S:
    """Return ``target`` if the move is in the table and ``roles`` allow it.

    Moving a version to 확정 also needs the result of :func:`check_confirmable`; without it
    or with a failing one, :class:`TransitionError` lists the reasons.
    Raises :class:`TransitionError` or :class:`domain.roles.PermissionDeniedError`.
    """
    # Plain strings are refused: "작성중" would be ambiguous between the two machines.
    same_machine = type(current) is type(target) and isinstance(
        current, RequestState | VersionState
    )
    action = _table(current).get((current, target)) if same_machine else None
    if action is None:
        raise TransitionError(
            f"'{current}' 상태에서 '{target}'(으)로 바꿀 수 없습니다", field="상태"
        )
    require(roles, action)
    if target is VersionState.CONFIRMED:
        if confirm_check is None:
            raise TransitionError("확정 전 점검(요구 제출, 회계별 세입·세출 균형)이 필요합니다")
        if not confirm_check.ok:
            raise TransitionError("확정할 수 없습니다: " + "; ".join(confirm_check.reasons))
    return target


# -- amounts ---------------------------------------------------------------------------------
def check_council_amount(adjusted: int, adopted: int, line: str | None = None) -> None:
    """The council may cut but not raise: 0 <= 의결액 <= 조정액 (천원)."""
    where = f"'{line}' " if line else ""
    if adopted < 0:
        raise AmountRuleError(
            f"{where}의결액 {_fmt(adopted)}천원은 음수일 수 없습니다", field="의결액"
        )
    if adopted > adjusted:
        raise AmountRuleError(
            f"{where}의결액 {_fmt(adopted)}천원이 조정액 {_fmt(adjusted)}천원보다 큽니다 "
            "(의회는 감액만 할 수 있습니다)",
            field="의결액",
        )


@dataclass(frozen=True)
class LineAmounts:
    """요구액 → 조정액 → 의결액 of one line (천원), kept to show the adjustment history."""

    requested: int
    adjusted: int | None = None
    adopted: int | None = None

    def adjust(self, amount: int) -> LineAmounts:
        if amount < 0:
            raise AmountRuleError(f"조정액 {_fmt(amount)}천원은 음수일 수 없습니다", field="조정액")
        return LineAmounts(self.requested, amount, None)

    def adopt(self, amount: int, line: str | None = None) -> LineAmounts:
        if self.adjusted is None:
            raise AmountRuleError("조정액이 없어 의결액을 넣을 수 없습니다", field="의결액")
        check_council_amount(self.adjusted, amount, line)
        return LineAmounts(self.requested, self.adjusted, amount)

    @property
    def current(self) -> int:
        """The latest amount: 의결액, else 조정액, else 요구액."""
        for amount in (self.adopted, self.adjusted):
            if amount is not None:
                return amount
        return self.requested


def check_funding_split(
    amount: int, split: Mapping[str, int], line: str | None = None, unit: str = "천원"
) -> None:
    """재원 split of a line must sum to its amount, with no negative share."""
    where = f"'{line}' " if line else ""
    for source, share in split.items():
        if share < 0:
            raise AmountRuleError(
                f"{where}재원 '{source}' 금액 {_fmt(share)}{unit}은 음수일 수 없습니다",
                field="재원",
            )
    total = sum(split.values())
    if total != amount:
        raise AmountRuleError(
            f"{where}재원 합계 {_fmt(total)}{unit}이 예산액 {_fmt(amount)}{unit}과 다릅니다 "
            f"(차이 {_fmt(total - amount)}{unit})",
            field="재원",
        )


def funding_change(base: Mapping[str, int], new: Mapping[str, int]) -> dict[str, int]:
    """증감 per 재원 (경정 − 기정), over the union of sources."""
    return {src: new.get(src, 0) - base.get(src, 0) for src in sorted({*base, *new})}


# -- 추경 ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SupplementaryLine:
    """A line of an 추경: 기정액 (성립 amount) and 경정액 (new amount), in 천원."""

    base: int
    amount: int
    funding_base: Mapping[str, int] = field(default_factory=dict, hash=False, compare=True)
    funding: Mapping[str, int] = field(default_factory=dict, hash=False, compare=True)

    @property
    def change(self) -> int:
        """증감 = 경정 − 기정."""
        return self.amount - self.base

    def revise(self, amount: int, funding: Mapping[str, int] | None = None) -> SupplementaryLine:
        """New 경정액 (and 재원 split, checked against it if given)."""
        if amount < 0:
            raise AmountRuleError(f"경정액 {_fmt(amount)}천원은 음수일 수 없습니다", field="경정액")
        if funding is not None:
            check_funding_split(amount, funding)
        return SupplementaryLine(
            self.base, amount, self.funding_base, dict(funding) if funding is not None else {}
        )


def start_supplementary(
    established_lines: Mapping[K, int],
    funding: Mapping[K, Mapping[str, int]] | None = None,
) -> dict[K, SupplementaryLine]:
    """Lines of a new 추경 from the 성립 version: 기정액 = 경정액 = 성립 amount, 증감 0."""
    out: dict[K, SupplementaryLine] = {}
    for key, amount in established_lines.items():
        split = dict((funding or {}).get(key, {}))
        if split:
            check_funding_split(amount, split, line=str(key))
        out[key] = SupplementaryLine(amount, amount, split, dict(split))
    return out


# -- version kinds ---------------------------------------------------------------------------
ORIGINAL_DRAFT = "본예산(안)"
ORIGINAL = "본예산"
_SUPP = re.compile(r"제?0*([1-9][0-9]*)회(?:추경|추가경정예산|추가경정)")


def format_supplementary_kind(round_no: int) -> str:
    if round_no < 1:
        raise VersionKindError(f"추경 차수는 1 이상이어야 합니다 ({round_no})", field="예산구분")
    return f"제{round_no}회추경"


def parse_version_kind(text: str) -> str:
    """Canonical kind: "본예산(안)", "본예산" or "제N회추경".

    Accepts "제1회 추가경정예산", "1회추경", "제 1 회 추경", "본예산안" and the like.
    """
    compact = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")
    if compact in ("본예산(안)", "본예산안"):
        return ORIGINAL_DRAFT
    if compact == "본예산":
        return ORIGINAL
    match = _SUPP.fullmatch(compact)
    if match is None:
        raise VersionKindError(
            f"예산구분 '{text}'을(를) 알 수 없습니다 (예: 본예산, 제1회추경)", field="예산구분"
        )
    return format_supplementary_kind(int(match.group(1)))


def supplementary_round(kind: str) -> int | None:
    """N for "제N회추경" (any accepted spelling), None for 본예산(안)/본예산."""
    canonical = parse_version_kind(kind)
    match = _SUPP.fullmatch(canonical)
    return int(match.group(1)) if match else None


def kind_sort_key(kind: str) -> int:
    """Order: 본예산(안) < 본예산 < 제1회추경 < 제2회추경 < …"""
    canonical = parse_version_kind(kind)
    if canonical == ORIGINAL_DRAFT:
        return 0
    if canonical == ORIGINAL:
        return 1
    return 1 + (supplementary_round(canonical) or 0)


def next_supplementary_kind(existing_kinds: Iterable[str]) -> str:
    """The next "제N회추경" after the highest existing one ("제1회추경" if none)."""
    rounds = [supplementary_round(k) for k in existing_kinds]
    return format_supplementary_kind(max((r for r in rounds if r is not None), default=0) + 1)
