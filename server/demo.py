"""``seed-demo``: a practice government "데모시 (연습용)" with departments, a program structure,
last year's and this year's 성립 본예산, next year's 본예산(안) being written, 세입 lines and one
demo user per role. Idempotent: a second run adds nothing.

The budgets go through the same import path as a real e호조 book (built in memory), so the demo
data obeys every rule real data does (parent = sum of children, 재원 split = amount, balance).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.codes import load_codebook
from domain.formula import evaluate
from domain.roles import Role
from server.audit.service import Actor, record, start_chain
from server.auth.security import hash_password, password_problem
from server.budget_import import (
    ExpenditureBook,
    ExpenditureRow,
    RevenueBook,
    RevenueRow,
    indent_of,
)
from server.imports.service import import_book
from server.models import (
    Allotment,
    BudgetVersion,
    Department,
    ExpenditureLine,
    Government,
    Program,
    RequestState,
    User,
    UserRole,
)

DEMO_CODE = "9990000"  # outside every real 행정표준기관코드 range
DEMO_NAME = "데모시 (연습용)"
DEMO_PASSWORD = "Demo-pass-2024"
ACTOR = Actor(None, "seed-demo")
SOURCES = ["국고보조금", "광역보조금", "자체재원"]
ACCOUNT_NAMES = {"100": "일반회계", "225": "주차장특별회계"}


@dataclass(frozen=True)
class _Line:
    dept: str
    field: str  # 분야명
    sector: str  # 부문명
    policy: str
    unit: str
    detail: str
    subsidy: bool
    account: str
    stat: str  # 통계목
    basis: tuple[tuple[str, str | None], ...]  # (label with indentation, formula in 원)


_LINES = (
    _Line("기획예산과", "일반공공행정", "일반행정", "행정운영경비(기획예산과)", "기본경비",
          "기본경비", False, "100", "201-01",
          (("○ 사무용품 구입", "50,000원*12월"), ("○ 예산서 인쇄", "15,000원*300부"))),
    _Line("기획예산과", "일반공공행정", "일반행정", "재정 건전성 강화", "예산 편성 운영",
          "주민참여예산 운영", False, "100", "201-03",
          (("○ 주민참여예산위원회 운영", None), ("  - 회의 참석 수당", "100,000원*20명*6회"),
           ("  - 자료집 제작", "8,000원*200부"))),
    _Line("총무과", "일반공공행정", "일반행정", "행정운영경비(총무과)", "인력운영비",
          "인력운영비", False, "100", "101-01",
          (("○ 일반직 보수", "3,200,000원*25명*12월"),)),
    _Line("복지정책과", "사회복지", "취약계층지원", "취약계층 생활 안정", "저소득층 지원",
          "긴급복지 지원", True, "100", "301-01",
          (("○ 생계지원", "1,620,000원*40가구*3월"), ("○ 의료지원", "3,000,000원*10건"))),
    _Line("복지정책과", "사회복지", "기초생활보장", "취약계층 생활 안정", "저소득층 지원",
          "동 행정복지센터 운영", False, "100", "201-02",
          (("○ 공공요금", "400,000원*12월"),)),
    _Line("행정지원과", "사회복지", "기초생활보장", "동 행정 지원", "동 운영",
          "동 행정복지센터 운영", False, "100", "201-02",
          (("○ 공공요금", "350,000원*12월"),)),
    _Line("건설과", "수송및교통", "도로", "안전한 도로 환경", "도로 유지관리",
          "보도 정비", True, "100", "401-01",
          (("○ 보도블록 교체", "85,000원*1,200㎡"), ("○ 설계비", "12,000,000원"))),
    _Line("교통과", "수송및교통", "대중교통ㆍ물류등기타", "주차 환경 개선", "공영주차장 운영",
          "공영주차장 관리", False, "225", "201-02",
          (("○ 주차장 전기요금", "700,000원*12월"), ("○ 주차장 청소 용역", "2,500,000원*12월"))),
)  # fmt: skip


_PURPOSES = {
    ("기획예산과", "기본경비"): "부서 운영에 필요한 사무용품과 예산서 인쇄비를 마련해 예산 편성 "
    "업무를 차질 없이 수행한다.",
    ("기획예산과", "주민참여예산 운영"): "주민참여예산위원회를 운영해 주민이 예산 편성 과정에 "
    "직접 참여하도록 한다.",
    ("총무과", "인력운영비"): "일반직 공무원의 보수를 지급해 행정 인력을 안정적으로 운영한다.",
    ("복지정책과", "긴급복지 지원"): "갑작스러운 위기에 처한 저소득 가구에 생계비와 의료비를 "
    "지원해 생활 안정을 돕는다.",
    ("복지정책과", "동 행정복지센터 운영"): "동 행정복지센터의 공공요금을 부담해 복지 상담과 "
    "민원 창구를 쉬지 않고 운영한다.",
    ("행정지원과", "동 행정복지센터 운영"): "동 행정복지센터의 시설을 유지해 주민 불편 없이 "
    "행정 서비스를 제공한다.",
    ("건설과", "보도 정비"): "낡은 보도블록을 교체해 보행자가 안전하게 다닐 수 있는 길을 만든다.",
    ("교통과", "공영주차장 관리"): "공영주차장의 전기와 청소를 관리해 쾌적한 주차 환경을 유지한다.",
}
"""사업목적 of the demo 세부사업, by (부서, 세부사업) (printed on the 세부사업설명서)."""


def _scaled(formula: str | None, scale: int) -> str | None:
    return formula if formula is None or scale == 100 else f"{formula}*{scale}%"


def _amounts(basis: tuple[tuple[str, str | None], ...]) -> list[int]:
    """천원 per row: ceil(formula / 1000); a row without formula sums its direct children."""
    indents = [indent_of(label) for label, _ in basis]
    amounts = [0 if f is None else evaluate(f).thousand for _, f in basis]
    for i in reversed(range(len(basis))):  # children before their parents
        if basis[i][1] is not None:
            continue
        total, child_indent = 0, None
        for k in range(i + 1, len(basis)):
            if indents[k] <= indents[i]:
                break
            child_indent = indents[k] if child_indent is None else child_indent
            if indents[k] == child_indent:
                total += amounts[k]
        amounts[i] = total
    return amounts


def _expenditure(year: int, kind: str, scale: int) -> ExpenditureBook:
    rows: list[ExpenditureRow] = []
    for line in _LINES:
        basis = tuple((label, _scaled(formula, scale)) for label, formula in line.basis)
        amounts = _amounts(basis)
        for (label, formula), amount in zip(basis, amounts, strict=True):
            if line.subsidy:
                national, regional = amount * 5 // 10, amount * 2 // 10
                funds = {"국고보조금": national, "광역보조금": regional}
                funds["자체재원"] = amount - national - regional
            else:
                funds = {"국고보조금": 0, "광역보조금": 0, "자체재원": amount}
            rows.append(
                ExpenditureRow(
                    row_number=len(rows) + 3, field_name=line.field, sector_name=line.sector,
                    committee_name="기획행정위원회", policy_project=line.policy,
                    unit_project=line.unit, account_code=line.account,
                    account_name=ACCOUNT_NAMES[line.account], detail_project=line.detail,
                    self_or_subsidy="보조" if line.subsidy else "자체", department=line.dept,
                    budget_item=line.stat[:3], budget_item_name="", stat_item=line.stat,
                    stat_item_name="", label=label, formula=formula, amount=amount,
                    base_amount=0, change=amount, funds=funds, base_funds=dict.fromkeys(funds, 0),
                )
            )  # fmt: skip
    return ExpenditureBook(year, kind, list(SOURCES), rows)


def _revenue(exp: ExpenditureBook) -> RevenueBook:
    """세입 that balances each 회계: 보조금 as funded, the rest from 지방세/교부금/사용료."""
    top = [r for r in exp.rows if not r.label.startswith(" ")]
    by_account = {a: sum(r.amount for r in top if r.account_code == a) for a in ACCOUNT_NAMES}
    national = sum(r.funds["국고보조금"] for r in top)
    regional = sum(r.funds["광역보조금"] for r in top)
    own = by_account["100"] - national - regional
    tax = own * 6 // 10
    items = [
        ("100", "세무과", "11104", "○ 재산세", tax),
        ("100", "세무과", "41101", "○ 자치구일반조정교부금", own - tax),
        ("100", "복지정책과", "51101", "○ 국고보조금", national),
        ("100", "복지정책과", "52101", "○ 시ㆍ도비보조금", regional),
        ("225", "교통과", "21208", "○ 공영주차장 주차요금", by_account["225"]),
    ]
    codes = load_codebook(exp.fiscal_year)
    rows: list[RevenueRow] = []
    for account, dept, item, label, amount in items:
        found = codes.revenue_item(item)
        rows.append(
            RevenueRow(
                row_number=len(rows) + 2, department_code="", department=dept,
                account_code=account, account_name=ACCOUNT_NAMES[account],
                chapter=f"{item[0]}00", chapter_name="", section=item[:2] + "0",
                section_name="", subsection=item[:3], subsection_name="", item=item,
                item_name=found.name if found else "", label=label,
                formula=f"{amount * 1000:,}원", level_amount=0, amount=amount, base_amount=0,
                change=amount,
            )
        )  # fmt: skip
    return RevenueBook(exp.fiscal_year, exp.kind, None, rows)


def _digest(book: ExpenditureBook | RevenueBook) -> str:
    return hashlib.sha256(f"seed-demo {DEMO_CODE} {book!r}".encode()).hexdigest()


def seed_demo(
    session: Session, password: str | None = None, today: date | None = None
) -> list[str]:
    """Create whatever of the demo is missing; returns Korean report lines."""
    this_year = (today or date.today()).year
    report: list[str] = []
    if session.get(Government, DEMO_CODE) is None:
        session.add(Government(code=DEMO_CODE, name=DEMO_NAME))
        session.flush()
        start_chain(session, DEMO_CODE)
        record(
            session, DEMO_CODE, ACTOR, action="create", entity_type="government",
            entity_id=DEMO_CODE, summary=f"데모 자치단체 생성: {DEMO_NAME}",
            after={"code": DEMO_CODE, "name": DEMO_NAME},
        )  # fmt: skip
        report.append(f"데모 자치단체를 만들었습니다: {DEMO_CODE} {DEMO_NAME}")
    for year, kind, scale in (
        (this_year - 1, "본예산", 95),
        (this_year, "본예산", 100),
        (this_year + 1, "본예산(안)", 104),
    ):
        existing = session.scalar(
            select(BudgetVersion.id).where(
                BudgetVersion.government_code == DEMO_CODE,
                BudgetVersion.fiscal_year == year,
                BudgetVersion.kind == kind,
            )
        )
        if existing is not None:
            continue  # seeded before (perhaps as "this year" last year): keep it as it is
        exp = _expenditure(year, kind, scale)
        for book in (exp, _revenue(exp)):
            result = import_book(
                session, DEMO_CODE, book, sha256=_digest(book), filename=f"demo-{year}.xlsx",
                actor=ACTOR,
            )  # fmt: skip
            if result.status == "imported":
                report.append(f"{year}년 {result.kind} {result.book_kind}: {result.total:,}천원")
                if book is exp and kind == "본예산(안)":
                    _others_have_submitted(session, result.version_id)
    report.extend(_purposes(session))
    report.extend(_users(session, password or DEMO_PASSWORD))
    report.extend(_allot(session, this_year))
    if not report:
        report.append("데모 자료가 이미 모두 있습니다. 바꾼 것이 없습니다.")
    return report


DEMO_DEPARTMENT = "복지정책과"
"""The department of the demo 사업담당 and 부서 예산담당."""


def _others_have_submitted(session: Session, version_id: uuid.UUID) -> None:
    """In next year's draft every other department has already submitted (요구), so the demo
    부서 예산담당's own request is the last one and the whole cycle can be tried alone."""
    own = (
        select(Program.id)
        .join(
            Department,
            (Department.government_code == Program.government_code)
            & (Department.id == Program.department_id),
        )
        .where(Program.government_code == DEMO_CODE, Department.name == DEMO_DEPARTMENT)
    )
    session.execute(
        update(RequestState)
        .where(
            RequestState.government_code == DEMO_CODE,
            RequestState.version_id == version_id,
            RequestState.program_id.not_in(own),
        )
        .values(state="요구")
    )
    session.execute(
        update(ExpenditureLine)
        .where(
            ExpenditureLine.government_code == DEMO_CODE,
            ExpenditureLine.version_id == version_id,
            ExpenditureLine.program_id.not_in(own),
        )
        .values(requested_amount=ExpenditureLine.amount)
    )


def _purposes(session: Session) -> list[str]:
    """Give each demo 세부사업 (of every year) its 사업목적 where none is written yet; a text a
    user wrote is kept."""
    rows = session.execute(
        select(Program, Department.name)
        .join(
            Department,
            (Department.government_code == Program.government_code)
            & (Department.id == Program.department_id),
        )
        .where(Program.government_code == DEMO_CODE, Program.level == "세부", Program.purpose == "")
    ).all()
    written = 0
    for program, dept in rows:
        text = _PURPOSES.get((dept, program.name))
        if text is None:
            continue
        program.purpose = text
        session.flush()
        record(
            session, DEMO_CODE, ACTOR, action="update", entity_type="program",
            entity_id=program.id, summary=f"세부사업 '{program.name}' 사업목적 수정",
            before={"purpose": ""}, after={"purpose": text},
        )  # fmt: skip
        written += 1
    return [f"세부사업 {written}개에 사업목적을 적었습니다."] if written else []


def _allot(session: Session, year: int) -> list[str]:
    """This year's adopted budget is released (배정) by quarter — 25 % each, the rest in the
    fourth — so execution can be tried at once. Once per year: nothing when that version has
    any 배정 already."""
    from server.deps import Principal
    from server.execution.allocation import allot

    version = session.scalar(
        select(BudgetVersion).where(
            BudgetVersion.government_code == DEMO_CODE,
            BudgetVersion.fiscal_year == year,
            BudgetVersion.kind == "본예산",
        )
    )
    office = session.scalar(
        select(User).where(User.government_code == DEMO_CODE, User.login == "demo-budget-office")
    )
    if version is None or office is None:
        return []
    released = select(Allotment.id).where(
        Allotment.government_code == DEMO_CODE,
        Allotment.line_id.in_(
            select(ExpenditureLine.id).where(
                ExpenditureLine.government_code == DEMO_CODE,
                ExpenditureLine.version_id == version.id,
            )
        ),
    )
    if session.scalar(released.limit(1)) is not None:
        return []
    principal = Principal(office.id, DEMO_CODE, office.login, frozenset({Role.BUDGET_OFFICE}))
    lines = session.scalars(
        select(ExpenditureLine).where(
            ExpenditureLine.government_code == DEMO_CODE,
            ExpenditureLine.version_id == version.id,
            ExpenditureLine.amount > 0,
        )
    ).all()
    for line in lines:
        won = line.amount * 1000
        quarter_share = won // 4
        for quarter in (1, 2, 3, 4):
            amount = quarter_share if quarter < 4 else won - 3 * quarter_share
            allot(session, principal, line.id, quarter, amount, "데모 정기배정")
    return [f"{year}년 본예산 {len(lines)}개 항목을 분기별로 배정했습니다."]


def _users(session: Session, password: str) -> list[str]:
    if password_problem(password):
        password = DEMO_PASSWORD
    existing = set(session.scalars(select(User.login).where(User.government_code == DEMO_CODE)))
    depts = {
        d.name: d.id
        for d in session.scalars(select(Department).where(Department.government_code == DEMO_CODE))
    }
    created: list[str] = []
    hashed: str | None = None
    for role in Role:
        login = f"demo-{role.value.replace('_', '-')}"
        if login in existing:
            continue
        hashed = hashed or hash_password(password)
        dept = depts.get(DEMO_DEPARTMENT) if role in (Role.DEPT_STAFF, Role.DEPT_BUDGET) else None
        user = User(
            government_code=DEMO_CODE, login=login, display_name=f"데모 {role.label}",
            password_hash=hashed, department_id=dept,
        )  # fmt: skip
        session.add(user)
        session.flush()
        session.add(UserRole(government_code=DEMO_CODE, user_id=user.id, role=role.value))
        record(
            session, DEMO_CODE, ACTOR, action="create", entity_type="user", entity_id=user.id,
            summary=f"데모 사용자 생성: {login} ({role.label})",
            after={"login": login, "roles": [role.value]},
        )  # fmt: skip
        created.append(f"  {login} ({role.label})")
    if not created:
        return []
    return [
        "데모 사용자를 만들었습니다 (비밀번호는 지금 한 번만 보여 줍니다):",
        *created,
        f"  비밀번호: {password}",
    ]
