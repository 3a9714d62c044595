"""The local cache: drafts survive a killed process, outbox keys are stable, lazy import."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.paths import AppPaths
from app.services.cache.database import CacheDatabase, CacheTooNew
from app.services.cache.drafts import DraftStore
from app.services.cache.outbox import Outbox
from app.services.cache.records import Draft, DraftKind, DraftState, OutboxState
from app.services.cache.rows import ReadCache
from domain.contracts.budget import VersionOut

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def basis(formula: str) -> list[dict[str, object]]:
    return [
        {
            "label": "○ 운영비",
            "children": [
                {"label": "- 사무용품", "children": [{"label": "복사지", "formula": formula}]}
            ],
        }
    ]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[CacheDatabase]:
    database = CacheDatabase.in_data_dir(tmp_path)
    yield database
    database.close()


def test_cache_lives_in_the_data_dir_in_wal_mode(tmp_path: Path) -> None:
    paths = AppPaths.from_environ({"HOJO_DATA_DIR": str(tmp_path / "내 자료")})
    database = CacheDatabase.in_data_dir(paths.data_dir)
    try:
        assert database.path == paths.cache_database and database.path.is_file()
        assert database.path.is_relative_to(tmp_path / "내 자료")
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("synchronous") == 2  # FULL
        assert database.pragma("user_version") == 1
    finally:
        database.close()
    # Opening again does not migrate twice; a newer cache is refused.
    CacheDatabase.in_data_dir(paths.data_dir).close()
    import sqlite3

    with sqlite3.connect(paths.cache_database) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(CacheTooNew, match="새 버전"):
        CacheDatabase.in_data_dir(paths.data_dir)


def test_draft_round_trip_conflict_and_resolve(db: CacheDatabase) -> None:
    store = DraftStore(db)
    line_id = uuid.uuid4()
    draft = Draft(DraftKind.EXPENDITURE, line_id, {"basis": basis("10원"), "funding": {}}, None, 3)
    store.save(draft)
    draft.payload["basis"] = basis("20원")
    store.save(draft)  # the next keystroke replaces the row
    (loaded,) = store.load_all()
    assert loaded.key == f"세출:{line_id}" and loaded.base_version == 3
    assert loaded.payload["basis"][0]["children"][0]["children"][0]["formula"] == "20원"
    store.mark_conflict(loaded.key, 5, {"basis": basis("30원"), "funding": {}})
    conflicted = store.get(loaded.key)
    assert conflicted is not None and conflicted.state is DraftState.CONFLICT
    assert conflicted.server_version == 5 and conflicted.server_payload is not None
    store.resolve(loaded.key, {"basis": basis("25원"), "funding": {}}, 5)
    resolved = store.get(loaded.key)
    assert resolved is not None and resolved.state is DraftState.EDITING
    assert resolved.base_version == 5 and resolved.server_payload is None
    new = store.save(Draft.new_line(DraftKind.REVENUE, uuid.uuid4(), {"basis": []}))
    assert {d.key for d in store.load_all()} == {loaded.key, new.key}
    assert store.discard(loaded.key) and not store.discard(loaded.key)


CHILD = """
import os, signal, sys, uuid
from pathlib import Path
from app.services.cache.database import CacheDatabase
from app.services.cache.drafts import DraftStore
from app.services.cache.records import Draft, DraftKind

store = DraftStore(CacheDatabase.in_data_dir(Path(sys.argv[1])))
for i in range(25):
    line = uuid.UUID(int=i + 1)
    payload = {"basis": [{"label": "○ 항목", "children": [
        {"label": "- 세부", "children": [{"label": "산출", "formula": f"{i + 1}000원 × 12월"}]}]}],
        "funding": {"90": i}}
    store.save(Draft(DraftKind.EXPENDITURE, line, payload, None, 1))
print("saved", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_drafts_survive_a_killed_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "saved"
    database = CacheDatabase.in_data_dir(tmp_path)
    try:
        drafts = DraftStore(database).load_all()
    finally:
        database.close()
    assert len(drafts) == 25
    by_line = {d.line_id: d for d in drafts}
    last = by_line[uuid.UUID(int=25)].payload
    assert last["basis"][0]["children"][0]["children"][0]["formula"] == "25000원 × 12월"
    assert last["funding"] == {"90": 24}


def test_outbox_key_is_stored_before_sending_and_stable_across_retries(
    db: CacheDatabase, tmp_path: Path
) -> None:
    outbox = Outbox(db)
    item = outbox.enqueue("put", "/expenditure-lines/x", {"basis": []}, if_match=4, draft_key="k")
    assert item.state is OutboxState.PENDING and item.attempts == 0 and item.method == "PUT"
    outbox.record_attempt(item.idempotency_key, "서버에 연결할 수 없습니다")
    # Another process (the client restarted) sees the same key.
    reopened = CacheDatabase.in_data_dir(tmp_path)
    try:
        (again,) = Outbox(reopened).pending()
    finally:
        reopened.close()
    assert again.idempotency_key == item.idempotency_key
    assert again.attempts == 1 and again.if_match == 4 and again.body == {"basis": []}
    second = outbox.enqueue("POST", "/b", None)
    assert [i.idempotency_key for i in outbox.pending()] == [
        item.idempotency_key,
        second.idempotency_key,
    ]
    outbox.mark_sent(item.idempotency_key, 200)
    outbox.mark_failed(second.idempotency_key, 409, "이미 요구된 세부사업입니다.")
    assert outbox.pending() == []
    states = {i.idempotency_key: (i.state, i.attempts) for i in outbox.all()}
    assert states[item.idempotency_key] == (OutboxState.SENT, 2)
    assert states[second.idempotency_key][0] is OutboxState.FAILED


def test_read_cache_and_change_cursor(db: CacheDatabase) -> None:
    cache = ReadCache(db)
    version = VersionOut(
        id=uuid.uuid4(),
        fiscal_year=2025,
        kind="본예산",
        state="작성중",
        base_version_id=None,
        confirmed_on=date(2025, 1, 1),
        created_at=datetime.now(UTC),
        version=1,
    )
    cache.put_versions([version])
    cache.put_versions([version.model_copy(update={"version": 2})])
    assert [v.version for v in cache.versions(2025)] == [2]
    assert cache.change_cursor() == 0
    cache.set_change_cursor(42)
    cache.set_change_cursor(43)
    assert cache.change_cursor() == 43


def test_start_up_modules_do_not_import_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "import app.services.cache, app.services.cache.records\n"
        "import app.services.api.endpoints, app.services.api.health\n"
        "import app.services.auth.credentials, app.services.sync.conflicts\n"
        "print('sqlalchemy' in sys.modules, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"], result.stderr
