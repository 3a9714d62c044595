"""Budget workflow: state machines, 확정 readiness, council rule, 재원 split, 추경, kinds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.roles import PermissionDeniedError, Role
from domain.workflow import (
    ORIGINAL,
    ORIGINAL_DRAFT,
    REQUEST_TRANSITIONS,
    VERSION_TRANSITIONS,
    AccountTotal,
    AmountRuleError,
    ConfirmCheck,
    LineAmounts,
    RequestState,
    RequestUnit,
    SupplementaryLine,
    TransitionError,
    VersionKindError,
    VersionState,
    allowed_targets,
    check_confirmable,
    check_council_amount,
    check_funding_split,
    format_supplementary_kind,
    funding_change,
    kind_sort_key,
    next_supplementary_kind,
    parse_version_kind,
    start_supplementary,
    supplementary_round,
    transition,
)

RS = RequestState
VS = VersionState
DEPT = {Role.DEPT_BUDGET}
OFFICE = {Role.BUDGET_OFFICE}
OK = ConfirmCheck()


def test_state_values_are_korean_names() -> None:
    assert [s.value for s in RS] == ["작성중", "요구", "조정"]
    assert [s.value for s in VS] == ["작성중", "확정", "의결", "성립"]
    assert RS("요구") is RS.REQUESTED


# -- request transitions -----------------------------------------------------------------------
def test_request_happy_path() -> None:
    state = transition(RS.DRAFT, RS.REQUESTED, DEPT)
    state = transition(state, RS.ADJUSTED, OFFICE)
    assert transition(state, RS.ADJUSTED, OFFICE) is RS.ADJUSTED  # re-adjust


def test_return_request_by_budget_office() -> None:
    assert transition(RS.REQUESTED, RS.DRAFT, OFFICE) is RS.DRAFT
    with pytest.raises(PermissionDeniedError):
        transition(RS.REQUESTED, RS.DRAFT, DEPT)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (RS.DRAFT, RS.ADJUSTED),
        (RS.DRAFT, RS.DRAFT),
        (RS.ADJUSTED, RS.DRAFT),
        (RS.ADJUSTED, RS.REQUESTED),
        (RS.REQUESTED, RS.REQUESTED),
    ],
)
def test_invalid_request_moves(current: RequestState, target: RequestState) -> None:
    with pytest.raises(TransitionError) as err:
        transition(current, target, set(Role))
    assert err.value.message == f"'{current}' 상태에서 '{target}'(으)로 바꿀 수 없습니다"


def test_submit_needs_dept_budget() -> None:
    for role in Role:
        if role is Role.DEPT_BUDGET:
            continue
        with pytest.raises(PermissionDeniedError, match="예산 요구"):
            transition(RS.DRAFT, RS.REQUESTED, {role})


def test_mixed_machines_are_rejected() -> None:
    # "작성중" is both a RequestState and a VersionState; they must not be confused.
    with pytest.raises(TransitionError, match="'요구' 상태에서 '성립'"):
        transition(RS.REQUESTED, VS.ESTABLISHED, set(Role))  # type: ignore[type-var]
    with pytest.raises(TransitionError):
        transition(VS.DRAFT, RS.REQUESTED, set(Role))  # type: ignore[type-var]


def test_plain_strings_are_refused() -> None:
    with pytest.raises(TransitionError):
        transition("작성중", "확정", set(Role), confirm_check=OK)  # type: ignore[type-var]


def test_auditor_can_move_nothing() -> None:
    table = [*REQUEST_TRANSITIONS, *VERSION_TRANSITIONS]
    for current, target in table:
        with pytest.raises(PermissionDeniedError):
            transition(current, target, {Role.AUDITOR}, confirm_check=OK)  # type: ignore[type-var]


# -- version transitions -----------------------------------------------------------------------
def test_version_happy_path() -> None:
    state = transition(VS.DRAFT, VS.CONFIRMED, OFFICE, confirm_check=OK)
    state = transition(state, VS.ADOPTED, OFFICE)
    assert transition(state, VS.ESTABLISHED, OFFICE) is VS.ESTABLISHED
    assert allowed_targets(VS.ESTABLISHED) == ()


def test_confirm_requires_the_check() -> None:
    with pytest.raises(TransitionError, match="점검"):
        transition(VS.DRAFT, VS.CONFIRMED, OFFICE)
    failing = ConfirmCheck(("일반회계(100): 차이",))
    with pytest.raises(TransitionError, match=r"확정할 수 없습니다: 일반회계\(100\)"):
        transition(VS.DRAFT, VS.CONFIRMED, OFFICE, confirm_check=failing)


def test_version_cannot_skip() -> None:
    with pytest.raises(TransitionError, match="'작성중' 상태에서 '성립'"):
        transition(VS.DRAFT, VS.ESTABLISHED, OFFICE)
    with pytest.raises(TransitionError):
        transition(VS.ADOPTED, VS.CONFIRMED, OFFICE)


def test_allowed_targets() -> None:
    assert set(allowed_targets(RS.REQUESTED)) == {RS.DRAFT, RS.ADJUSTED}
    assert allowed_targets(RS.ADJUSTED) == (RS.ADJUSTED,)
    assert allowed_targets(VS.DRAFT) == (VS.CONFIRMED,)


@given(
    st.sampled_from([RS.DRAFT, VS.DRAFT]),
    st.lists(
        st.tuples(
            st.sampled_from([*RS, *VS]),
            st.sets(st.sampled_from(list(Role))),
            st.booleans(),
        ),
        max_size=30,
    ),
)
def test_random_sequences_only_follow_the_table(
    start: RequestState | VersionState,
    steps: list[tuple[RequestState | VersionState, set[Role], bool]],
) -> None:
    state = start
    for target, roles, checked in steps:
        before = state
        try:
            state = transition(state, target, roles, confirm_check=OK if checked else None)  # type: ignore[type-var]
        except DomainError:
            assert state is before
            continue
        assert type(state) is type(before)
        table = REQUEST_TRANSITIONS if isinstance(before, RS) else VERSION_TRANSITIONS
        assert (before, state) in table
        assert Role.AUDITOR not in roles or len(roles) > 1


# -- 확정 readiness ----------------------------------------------------------------------------
def test_confirmable_when_all_requested_and_balanced() -> None:
    units = [
        RequestUnit("총무과", "청사 관리", RS.REQUESTED),
        RequestUnit("복지과", "경로당", RS.ADJUSTED),
    ]
    accounts = [AccountTotal("100", "일반회계", 1_000, 1_000), AccountTotal("225", "주차장", 5, 5)]
    check = check_confirmable(units, accounts)
    assert check.ok
    assert check.reasons == ()


def test_confirm_reasons_name_accounts_and_projects() -> None:
    units = [
        RequestUnit("총무과", "청사 관리", RS.DRAFT),
        RequestUnit("복지과", "경로당 운영", RS.REQUESTED),
    ]
    accounts = [
        AccountTotal("225", "주차장특별회계", 3_000_000, 2_000_000),
        AccountTotal("100", "일반회계", 1_000, 1_200),
    ]
    check = check_confirmable(units, accounts)
    assert not check.ok
    assert check.reasons == (
        "일반회계(100): 세입 1,000천원, 세출 1,200천원, 차이 -200천원",
        "주차장특별회계(225): 세입 3,000,000천원, 세출 2,000,000천원, 차이 1,000,000천원",
        "총무과 '청사 관리' 세부사업이 아직 작성중입니다",
    )


def test_no_units_is_not_confirmable() -> None:
    assert not check_confirmable([], []).ok


@given(
    st.lists(st.sampled_from(list(RS)), min_size=1, max_size=10),
    st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)), max_size=5),
)
def test_confirmable_iff_rules_hold(
    states: list[RequestState], totals: list[tuple[int, int]]
) -> None:
    units = [RequestUnit("부서", f"사업{i}", s) for i, s in enumerate(states)]
    accounts = [AccountTotal(f"{100 + i}", f"회계{i}", r, e) for i, (r, e) in enumerate(totals)]
    expected = RS.DRAFT not in states and all(r == e for r, e in totals)
    assert check_confirmable(units, accounts).ok is expected
    unbalanced = sum(r != e for r, e in totals)
    assert len(check_confirmable(units, accounts).reasons) == unbalanced + states.count(RS.DRAFT)


# -- council -----------------------------------------------------------------------------------
def test_council_may_cut_not_raise() -> None:
    check_council_amount(1_200, 1_200)
    check_council_amount(1_200, 0)
    with pytest.raises(AmountRuleError) as err:
        check_council_amount(1_200, 1_300, line="총무과 청사 관리 201-01")
    assert err.value.message == (
        "'총무과 청사 관리 201-01' 의결액 1,300천원이 조정액 1,200천원보다 큽니다 "
        "(의회는 감액만 할 수 있습니다)"
    )
    assert err.value.field == "의결액"
    with pytest.raises(AmountRuleError, match="음수"):
        check_council_amount(1_200, -1)


@given(st.integers(0, 10**12), st.integers(-(10**12), 10**12))
def test_council_rule_property(adjusted: int, adopted: int) -> None:
    try:
        check_council_amount(adjusted, adopted)
    except AmountRuleError:
        assert adopted > adjusted or adopted < 0
    else:
        assert 0 <= adopted <= adjusted


def test_line_amounts_keep_history() -> None:
    line = LineAmounts(requested=1_500)
    assert line.current == 1_500
    line = line.adjust(1_200)
    line = line.adopt(1_000, line="청사 관리")
    assert (line.requested, line.adjusted, line.adopted, line.current) == (
        1_500,
        1_200,
        1_000,
        1_000,
    )
    with pytest.raises(AmountRuleError, match="'청사 관리' 의결액"):
        LineAmounts(1_500, 1_200).adopt(1_300, line="청사 관리")
    with pytest.raises(AmountRuleError, match="조정액이 없어"):
        LineAmounts(1_500).adopt(1_000)
    assert line.adjust(900) == LineAmounts(1_500, 900, None)  # re-adjusting clears 의결액


# -- 재원 split --------------------------------------------------------------------------------
def test_funding_split_must_sum() -> None:
    check_funding_split(1_000, {"국고보조금": 500, "자체재원": 500})
    check_funding_split(0, {})
    with pytest.raises(AmountRuleError) as err:
        check_funding_split(1_200, {"국고보조금": 500, "자체재원": 500})
    assert err.value.message == "재원 합계 1,000천원이 예산액 1,200천원과 다릅니다 (차이 -200천원)"
    with pytest.raises(AmountRuleError, match="음수"):
        check_funding_split(0, {"국고보조금": 100, "자체재원": -100})


@given(st.dictionaries(st.text(min_size=1, max_size=5), st.integers(0, 10**9), max_size=6))
def test_funding_split_property(split: dict[str, int]) -> None:
    check_funding_split(sum(split.values()), split)
    with pytest.raises(AmountRuleError):
        check_funding_split(sum(split.values()) + 1, split)


# -- 추경 --------------------------------------------------------------------------------------
def test_start_supplementary() -> None:
    lines = start_supplementary(
        {("100", "총무과", "201-01"): 1_000, ("100", "복지과", "307-02"): 0},
        funding={("100", "총무과", "201-01"): {"자체재원": 1_000}},
    )
    line = lines[("100", "총무과", "201-01")]
    assert (line.base, line.amount, line.change) == (1_000, 1_000, 0)
    assert line.funding == {"자체재원": 1_000}
    revised = line.revise(1_300, {"자체재원": 1_000, "광역보조금": 300})
    assert (revised.base, revised.amount, revised.change) == (1_000, 1_300, 300)
    assert funding_change(revised.funding_base, revised.funding) == {
        "광역보조금": 300,
        "자체재원": 0,
    }
    assert line.revise(800).change == -200
    with pytest.raises(AmountRuleError):
        line.revise(1_300, {"자체재원": 1_000})


def test_start_supplementary_checks_established_splits() -> None:
    with pytest.raises(AmountRuleError, match="재원 합계"):
        start_supplementary({"a": 100}, funding={"a": {"자체재원": 90}})


@given(st.dictionaries(st.integers(), st.integers(0, 10**12)))
def test_supplementary_starts_unchanged(established: dict[int, int]) -> None:
    lines = start_supplementary(established)
    assert set(lines) == set(established)
    for key, amount in established.items():
        assert lines[key] == SupplementaryLine(amount, amount)
        assert lines[key].change == 0


# -- version kinds -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("본예산", ORIGINAL),
        ("본예산(안)", ORIGINAL_DRAFT),
        ("본예산 (안)", ORIGINAL_DRAFT),
        ("본예산안", ORIGINAL_DRAFT),
        ("제1회추경", "제1회추경"),
        ("제1회 추가경정예산", "제1회추경"),
        ("1회추경", "제1회추경"),
        ("제 2 회 추경", "제2회추경"),
        ("제03회추경", "제3회추경"),
        ("제12회 추가경정", "제12회추경"),
    ],
)
def test_parse_version_kind(text: str, canonical: str) -> None:
    assert parse_version_kind(text) == canonical


@pytest.mark.parametrize(
    "text", ["", "추경", "제0회추경", "제1회", "제1회추경예산안", "결산", "제-1회추경"]
)
def test_parse_version_kind_rejects(text: str) -> None:
    with pytest.raises(VersionKindError) as err:
        parse_version_kind(text)
    assert err.value.field == "예산구분"


@given(st.integers(1, 10_000))
def test_kind_round_trip(n: int) -> None:
    kind = format_supplementary_kind(n)
    assert parse_version_kind(kind) == kind
    assert supplementary_round(kind) == n
    assert parse_version_kind(f"제{n}회 추가경정예산") == kind
    assert parse_version_kind(f"{n}회추경") == kind


def test_round_of_original_is_none() -> None:
    assert supplementary_round("본예산") is None
    with pytest.raises(VersionKindError):
        format_supplementary_kind(0)


def test_next_supplementary_kind() -> None:
    assert next_supplementary_kind([]) == "제1회추경"
    assert next_supplementary_kind(["본예산(안)", "본예산"]) == "제1회추경"
    assert next_supplementary_kind(["본예산", "제1회추경", "제2회 추가경정예산"]) == "제3회추경"
    with pytest.raises(VersionKindError):
        next_supplementary_kind(["본예산", "뭔가"])


@given(st.lists(st.integers(1, 50), max_size=8))
def test_next_kind_is_above_all(rounds: list[int]) -> None:
    kinds = ["본예산", *(format_supplementary_kind(r) for r in rounds)]
    nxt = next_supplementary_kind(kinds)
    assert all(kind_sort_key(nxt) > kind_sort_key(k) for k in kinds)


def test_kind_sort_key_orders_versions() -> None:
    kinds = ["제2회추경", "본예산", "제10회추경", "본예산(안)", "제1회추경"]
    assert sorted(kinds, key=kind_sort_key) == [
        "본예산(안)",
        "본예산",
        "제1회추경",
        "제2회추경",
        "제10회추경",
    ]
