"""Stale-submit conflicts: side-by-side rows, per-line choices, never a silent overwrite."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from app.services.api.endpoints import HojoApi
from app.services.api.errors import StaleError
from app.services.api.session import Session
from app.services.cache.database import CacheDatabase
from app.services.cache.drafts import DraftStore
from app.services.cache.records import Draft, DraftKind, DraftState
from app.services.sync.conflicts import (
    Choice,
    RowKind,
    UnresolvedConflict,
    compare,
    resolve,
)
from domain.contracts.budget import BasisItemIn, ExpenditureLineOut, ExpenditureLineUpdate
from tests.app.services.harness import PASSWORD, RunningServer
from tests.app.services.test_transport import make_line

A, B, D = (str(uuid.UUID(int=n)) for n in (1, 2, 4))

MINE: dict[str, Any] = {
    "basis": [
        {"id": A, "label": "○ 사무용품", "formula": "10,000원 × 12월", "children": []},
        {
            "id": B,
            "label": "○ 여비(수정)",
            "formula": None,
            "children": [{"label": "- 국내여비", "formula": "50,000원 × 4회"}],
        },
        {"label": "○ 새 항목", "formula": "1,000원", "children": []},
    ],
    "funding": {"90": 10, "10": 5},
}
THEIRS: dict[str, Any] = {
    "version": 7,
    "amount": 999,
    "basis": [
        {"id": A, "label": "○ 사무용품", "formula": "20,000원 × 12월", "amount": 240,
         "amount_won": 240000, "flag": None, "children": []},
        {"id": B, "label": "○ 여비", "formula": None, "amount": 0, "amount_won": None,
         "flag": None, "children": []},
        {"id": D, "label": "○ 그들의 항목", "formula": "3,000원", "amount": 3,
         "amount_won": 3000, "flag": None, "children": []},
    ],
    "funding": {"90": 20},
}  # fmt: skip


def test_side_by_side_rows_per_item_and_field() -> None:
    comparison = compare(MINE, THEIRS)
    rows = {row.key: row for row in comparison.rows}
    assert comparison.server_version == 7
    assert rows[f"basis:{A}"].mine is not None and rows[f"basis:{A}"].theirs is not None
    assert rows[f"basis:{A}"].mine.text() == "○ 사무용품: 10,000원 × 12월"  # type: ignore[union-attr]
    assert rows[f"basis:{A}"].theirs.text() == "○ 사무용품: 20,000원 × 12월"  # type: ignore[union-attr]
    assert rows[f"basis:{B}"].differs  # label changed
    assert rows[f"basis:{D}"].mine is None  # only theirs
    assert rows["basis:new:3"].theirs is None and rows["basis:new:3"].title == "산출근거 3"
    assert rows["basis:new:2.1"].depth == 1  # a new sub-item of B
    assert rows["funding:10"].kind is RowKind.FUNDING and rows["funding:10"].theirs is None
    assert rows["funding:90"].mine.label == "10천원"  # type: ignore[union-attr]
    assert {r.key for r in comparison.needs_choice} == set(rows)


def test_keep_mine_everywhere() -> None:
    comparison = compare(MINE, THEIRS)
    result = resolve(comparison, {row.key: Choice.MINE for row in comparison.needs_choice})
    assert result.if_match == 7
    update = ExpenditureLineUpdate.model_validate(result.payload)  # a valid PUT body
    labels = [(b.label, b.formula) for b in update.basis]
    assert labels == [
        ("○ 사무용품", "10,000원 × 12월"),
        ("○ 여비(수정)", None),
        ("○ 새 항목", "1,000원"),
    ]
    assert [(c.label, c.formula) for c in update.basis[1].children] == [
        ("- 국내여비", "50,000원 × 4회")
    ]
    assert update.funding == {"90": 10, "10": 5}
    assert str(update.basis[0].id) == A  # ids kept: the server keeps imported items verbatim


def test_keep_theirs_everywhere_is_the_server_line() -> None:
    comparison = compare(MINE, THEIRS)
    result = resolve(comparison, {row.key: Choice.THEIRS for row in comparison.needs_choice})
    update = ExpenditureLineUpdate.model_validate(result.payload)
    assert [(b.label, b.formula) for b in update.basis] == [
        ("○ 사무용품", "20,000원 × 12월"),
        ("○ 여비", None),
        ("○ 그들의 항목", "3,000원"),
    ]
    assert update.basis[1].children == []
    assert update.funding == {"90": 20}


def test_mixed_choices_per_line_and_no_guessing() -> None:
    comparison = compare(MINE, THEIRS)
    choices = {row.key: Choice.THEIRS for row in comparison.needs_choice}
    choices[f"basis:{A}"] = Choice.MINE
    choices[f"basis:{D}"] = Choice.MINE  # I deleted theirs: delete it
    choices["funding:10"] = Choice.MINE
    result = resolve(comparison, choices)
    basis = result.payload["basis"]
    assert [(b["label"], b["formula"]) for b in basis] == [
        ("○ 사무용품", "10,000원 × 12월"),
        ("○ 여비", None),
    ]
    assert result.payload["funding"] == {"90": 20, "10": 5}
    del choices[f"basis:{B}"]
    with pytest.raises(UnresolvedConflict, match="산출근거 2"):
        resolve(comparison, choices)


def test_stale_submit_resolved_against_the_real_server(
    make_session: Callable[..., Session], server: RunningServer, tmp_path: Any
) -> None:
    def signed_in(login: str) -> HojoApi:
        session = make_session()
        session.sign_in(login, PASSWORD)
        return HojoApi(session)

    staff = signed_in("u_dept_staff")
    _, line = make_line(signed_in("u_admin"), signed_in("u_budget_office"), staff, server)
    assert isinstance(line, ExpenditureLineOut) and line.basis
    item_id = line.basis[0].id
    db = CacheDatabase.in_data_dir(tmp_path)
    drafts = DraftStore(db)
    mine = ExpenditureLineUpdate(
        basis=[
            BasisItemIn(id=item_id, label="○ 사무용품", formula="30,000원 × 12월"),
            BasisItemIn(label="○ 내가 더한 항목", formula="5,000원"),
        ],
        funding={"90": 245},
    )
    draft = drafts.save(
        Draft(DraftKind.EXPENDITURE, line.id, mine.model_dump(mode="json"), None, line.version)
    )
    # Someone else saves first.
    theirs = staff.update_expenditure_line(
        line.id,
        ExpenditureLineUpdate(
            basis=[BasisItemIn(id=item_id, label="○ 사무용품", formula="20,000원 × 12월")],
            funding={"90": 240},
        ),
        line.version,
    )
    with pytest.raises(StaleError) as stale:
        staff.update_expenditure_line(line.id, mine, line.version)
    current = stale.value.current
    assert isinstance(current, ExpenditureLineOut) and current.version == theirs.version
    drafts.mark_conflict(draft.key, current.version, current.model_dump(mode="json"))
    # After a restart the dialog still has both sides.
    restored = drafts.get(draft.key)
    assert restored is not None and restored.state is DraftState.CONFLICT
    assert restored.server_payload is not None and restored.server_version is not None
    comparison = compare(restored.payload, restored.server_payload, restored.server_version)
    choices = {row.key: Choice.MINE for row in comparison.needs_choice}
    choices[f"basis:{item_id}"] = Choice.THEIRS  # keep their 20,000원, add my new item
    result = resolve(comparison, choices)
    saved = staff.update_expenditure_line(
        line.id, ExpenditureLineUpdate.model_validate(result.payload), result.if_match
    )
    drafts.resolve(draft.key, result.payload, saved.version)
    drafts.discard(draft.key)
    assert saved.basis is not None
    assert [(b.label, b.formula) for b in saved.basis] == [
        ("○ 사무용품", "20,000원 × 12월"),
        ("○ 내가 더한 항목", "5,000원"),
    ]
    assert saved.amount == 245 and saved.funding == {"90": 245}
    assert staff.expenditure_line(line.id).version == saved.version
    assert drafts.load_all() == []
    db.close()


def test_outbox_push_offline_then_sent_with_the_same_key(
    make_session: Callable[..., Session], server: RunningServer, tmp_path: Any
) -> None:
    from app.services.api.transport import Transport
    from app.services.cache.outbox import Outbox
    from app.services.sync.push import push_pending
    from tests.app.services.harness import closed_port

    def signed_in(login: str) -> HojoApi:
        session = make_session()
        session.sign_in(login, PASSWORD)
        return HojoApi(session)

    staff = signed_in("u_dept_staff")
    _, line = make_line(signed_in("u_admin"), signed_in("u_budget_office"), staff, server)
    db = CacheDatabase.in_data_dir(tmp_path)
    drafts, outbox = DraftStore(db), Outbox(db)
    body = {
        "basis": [{"label": "○ 사무용품", "formula": "11,000원 × 12월"}],
        "funding": {"90": 132},
    }
    draft = drafts.save(Draft(DraftKind.EXPENDITURE, line.id, body, None, line.version))
    item = outbox.enqueue(
        "PUT", f"/expenditure-lines/{line.id}", body, if_match=line.version, draft_key=draft.key
    )
    # Offline: the session's server moved away; the item stays, same key, one attempt.
    real = staff.session.transport
    staff.session.transport = Transport(f"http://127.0.0.1:{closed_port()}", timeout=5)
    report = push_pending(outbox, staff.session, drafts)
    assert report.offline and report.sent == 0
    (waiting,) = outbox.pending()
    assert waiting.idempotency_key == item.idempotency_key and waiting.attempts == 1
    staff.session.transport.close()
    staff.session.transport = real
    report = push_pending(outbox, staff.session, drafts)
    assert report.sent == 1 and outbox.pending() == [] and drafts.load_all() == []
    assert staff.expenditure_line(line.id).amount == 132
    # The same stale PUT again (version moved on): failed, draft marked as a conflict.
    drafts.save(draft)
    outbox.enqueue(
        "PUT", f"/expenditure-lines/{line.id}", body, if_match=line.version, draft_key=draft.key
    )
    report = push_pending(
        outbox,
        staff.session,
        drafts,
        read_current=lambda _item: staff.expenditure_line(line.id).model_dump(mode="json"),
    )
    assert report.conflicts == 1
    conflicted = drafts.get(draft.key)
    assert conflicted is not None and conflicted.state is DraftState.CONFLICT
    db.close()
