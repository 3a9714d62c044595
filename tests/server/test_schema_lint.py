"""Schema lint (ARCHITECTURE.md §8): every tenant table's primary key, unique constraints and
foreign keys start with the government code, so the database can be distributed by it."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
)

from server.models import Base

TENANT_COLUMN = "government_code"
SHARED_TABLES = {"governments"}  # the tenant root itself


def tenant_key_problems(metadata: MetaData) -> list[str]:
    problems = []
    for name, table in metadata.tables.items():
        if name in SHARED_TABLES:
            continue
        if TENANT_COLUMN not in table.c:
            problems.append(f"{name}: no {TENANT_COLUMN} column")
            continue
        for constraint in table.constraints:
            if isinstance(constraint, PrimaryKeyConstraint | UniqueConstraint):
                first = next(iter(constraint.columns)).name
                kind = type(constraint).__name__
            elif isinstance(constraint, ForeignKeyConstraint):
                first = constraint.column_keys[0]
                kind = f"FK to {constraint.referred_table.name}"
                referred = constraint.elements[0].column.name
                if (
                    constraint.referred_table.name not in SHARED_TABLES
                    and referred != TENANT_COLUMN
                ):
                    problems.append(f"{name}: {kind} does not refer to {TENANT_COLUMN} first")
            else:
                continue
            if first != TENANT_COLUMN:
                problems.append(f"{name}: {kind} starts with {first}")
        for index in table.indexes:
            if index.unique and next(iter(index.columns)).name != TENANT_COLUMN:
                problems.append(f"{name}: unique index {index.name} starts elsewhere")
    return problems


def test_every_tenant_key_starts_with_the_government_code() -> None:
    assert len(Base.metadata.tables) > 10
    assert tenant_key_problems(Base.metadata) == []


def test_the_lint_reports_keys_that_start_elsewhere() -> None:
    md = MetaData()
    Table("governments", md, Column("code", String, primary_key=True))
    Table(
        "parent",
        md,
        Column("id", Integer, primary_key=True),
        Column(TENANT_COLUMN, String, ForeignKey("governments.code")),
        Column("name", String),
        UniqueConstraint("name", TENANT_COLUMN),
    )
    Table(
        "child",
        md,
        Column(TENANT_COLUMN, String, primary_key=True),
        Column("id", Integer, primary_key=True),
        Column("parent_id", Integer, ForeignKey("parent.id")),
    )
    Table("orphan", md, Column("id", Integer, primary_key=True))
    problems = tenant_key_problems(md)
    assert "parent: PrimaryKeyConstraint starts with id" in problems
    assert "parent: UniqueConstraint starts with name" in problems
    assert "child: FK to parent starts with parent_id" in problems
    assert "child: FK to parent does not refer to government_code first" in problems
    assert "orphan: no government_code column" in problems
