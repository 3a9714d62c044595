"""ProgramTreeModel: structure, 부서 scoping, the in-model filter that keeps ancestors."""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.models import ProgramTreeModel, Roles
from domain.contracts.structure import ProgramOut
from tests.app.models.factories import program

DEPT_A = uuid.UUID(int=10)
DEPT_B = uuid.UUID(int=11)

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester


def sample() -> list[ProgramOut]:
    welfare = program("복지 증진", "정책", DEPT_A, code="P1")
    elderly = program("노인 복지", "단위", DEPT_A, welfare)
    hall = program("경로당 운영", "세부", DEPT_A, elderly, code="1234567890123456", position=2)
    meals = program("경로 식당ㆍ무료 급식", "세부", DEPT_A, elderly, position=1)
    admin_a = program("행정 운영", "정책", DEPT_A, position=1)
    unit_a = program("기본 경비", "단위", DEPT_A, admin_a)
    office_a = program("동 행정복지센터 운영", "세부", DEPT_A, unit_a)
    admin_b = program("행정 운영", "정책", DEPT_B, position=1)
    unit_b = program("기본 경비", "단위", DEPT_B, admin_b)
    office_b = program("동 행정복지센터 운영", "세부", DEPT_B, unit_b)
    return [welfare, elderly, hall, meals, admin_a, unit_a, office_a, admin_b, unit_b, office_b]


def names(model: ProgramTreeModel, parent: QModelIndex | None = None) -> list[object]:
    parent = parent or QModelIndex()
    out: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        kids = names(model, index)
        out.append((index.data(), kids) if kids else index.data())
    return out


def test_modeltester(qtmodeltester: ModelTester) -> None:
    model = ProgramTreeModel(sample())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_filter("경로")
    qtmodeltester.check(model)


def test_modeltester_grouped_by_department(qtmodeltester: ModelTester) -> None:
    model = ProgramTreeModel(sample(), {DEPT_A: "복지정책과", DEPT_B: "자치행정과"})
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["복지정책과", "자치행정과"]
    assert model.index(0, 0).data(Roles.LEVEL) == "부서"


def test_tree_levels_and_order() -> None:
    model = ProgramTreeModel(sample())
    tree = names(model)
    assert tree[0] == ("복지 증진", [("노인 복지", ["경로 식당ㆍ무료 급식", "경로당 운영"])])
    # two departments' same-named programs are two rows with their own parents
    assert tree.count(("행정 운영", [("기본 경비", ["동 행정복지센터 운영"])])) == 2
    hall = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    assert hall.data(Roles.LEVEL) == "세부"
    assert hall.data(Qt.ItemDataRole.AccessibleTextRole) == "세부사업 경로 식당ㆍ무료 급식"


def test_filter_keeps_ancestors_and_ignores_space_case_and_dots() -> None:
    model = ProgramTreeModel(sample())
    model.set_filter("식당 무료")  # the name has "식당ㆍ무료": dot and space ignored
    assert names(model) == [("복지 증진", [("노인 복지", ["경로 식당ㆍ무료 급식"])])]
    assert model.match_count() == 3
    model.set_filter("동행정")
    rows = names(model)
    assert len(rows) == 2  # both departments' 정책사업 stay, each leading to its match
    model.set_filter("")
    assert len(names(model)) == 3


def test_filter_on_a_parent_shows_its_branch_and_code_matches() -> None:
    model = ProgramTreeModel(sample())
    model.set_filter("노인복지")
    assert names(model) == [("복지 증진", [("노인 복지", ["경로 식당ㆍ무료 급식", "경로당 운영"])])]
    model.set_filter("1234567890123456")
    assert names(model) == [("복지 증진", [("노인 복지", ["경로당 운영"])])]


def test_index_of_and_ids() -> None:
    programs = sample()
    model = ProgramTreeModel(programs)
    hall = programs[2]
    index = model.index_of(hall.id)
    assert index.data() == "경로당 운영"
    assert index.data(Roles.PROGRAM_ID) == hall.id
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "세부사업, 코드 1234567890123456"
    model.set_filter("급식")
    assert not model.index_of(hall.id).isValid()


def test_twelve_hundred_programs_filter_fast() -> None:
    programs: list[ProgramOut] = []
    for d in range(20):
        dept = uuid.UUID(int=100 + d)
        for p in range(5):
            policy = program(f"정책 {d}-{p}", "정책", dept)
            programs.append(policy)
            for u in range(3):
                unit = program(f"단위 {d}-{p}-{u}", "단위", dept, policy)
                programs.append(unit)
                programs += [
                    program(f"세부 사업 {d}-{p}-{u}-{s}", "세부", dept, unit) for s in range(3)
                ]
    assert len(programs) == 1300
    start = time.perf_counter()
    model = ProgramTreeModel(programs)
    built = time.perf_counter() - start
    start = time.perf_counter()
    for text in ("세", "세부", "세부사", "세부사업 3"):
        model.set_filter(text)
    per_key = (time.perf_counter() - start) / 4
    assert model.rowCount() > 0
    assert built < 0.5
    assert per_key < 0.05, f"{per_key * 1000:.1f} ms per keystroke"


@pytest.mark.parametrize("text", ["", "x-없는-이름"])
def test_empty_results(text: str) -> None:
    model = ProgramTreeModel(sample())
    model.set_filter(text)
    assert model.rowCount() == (3 if not text else 0)
