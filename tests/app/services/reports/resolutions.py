"""A 지출결의 with a 채주 (bank account), 기타소득 원천징수 and evidence, written through the API
of a demo server child: the 재무관 makes the 지출원인행위, the 사업담당 the 결의 under it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from tests.app.views.budget.harness import make_context
from tests.app.views.execution.harness import FINANCE, STAFF, close_context, obligate, staff_line

ACCOUNT = "110-234-567890"
PAYEE = "김자문"
EVIDENCE = ["자문 결과 보고서", "통장 사본"]
GROSS = 500_000


def make_resolution(
    url: str, data_dir: Path, title: str = "정책 자문 수당", payee_id: uuid.UUID | None = None
) -> Any:
    """Returns the 결의 (``DocumentOut``) and the line it spends from (``LineExecution``)."""
    from domain.contracts.execution import DocumentIn, PayeeIn
    from domain.withholding import IncomeType

    ctx = make_context(url, data_dir / "staff", login=STAFF)
    try:
        line = staff_line(ctx, GROSS)
        obligation = obligate(url, data_dir / "finance", line.line_id, GROSS, title)
        if payee_id is None:
            payee_id = ctx.api.create_payee(
                PayeeIn(
                    name=PAYEE,
                    business_number="1248100998",
                    bank="신한은행",
                    account_number=ACCOUNT,
                    account_holder=PAYEE,
                )
            ).id
        body = DocumentIn(
            parent_id=obligation.id, amount=GROSS, payee_id=payee_id, title=title,
            income_type=IncomeType.OTHER, evidence=EVIDENCE,
        )  # fmt: skip
        doc = ctx.api.create_document("/execution/resolutions", body, uuid.uuid4())
        return doc, line
    finally:
        close_context(ctx)


__all__ = ["ACCOUNT", "EVIDENCE", "FINANCE", "GROSS", "PAYEE", "make_resolution"]
