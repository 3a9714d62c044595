"""Golden transcripts of the Orca tests: what Orca said, normalised (clock times, dates, minutes
left, ids, the 작업 목록's item count), and compared with ``golden/<name>`` with a readable
unified diff; ``HOJO_UPDATE_GOLDEN=1`` rewrites the files (a missing one is written and fails).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("HOJO_UPDATE_GOLDEN") == "1"
VOLATILE = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"), "<일시>"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "<날짜>"),
    (re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"), "<시각>"),
    (re.compile(r"\d+분 남음"), "<n>분 남음"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<id>"),
]
NAV_COUNT = re.compile(r"List with \d+ items?\.")


def normalise(lines: list[str]) -> list[str]:
    out = []
    for i, line in enumerate(lines):
        if i and lines[i - 1] == "작업 목록(W):" and NAV_COUNT.fullmatch(line):
            # how many pages the 작업 목록 has changes with every new page; the entries
            # themselves are checked by test_navigation_entries_for_the_role
            line = "List with <n> items."
        for pattern, repl in VOLATILE:
            line = pattern.sub(repl, line)
        out.append(line)
    return out


def check_golden(name: str, text: str, actual_dir: Path) -> None:
    """Compare with ``golden/<name>``; a difference fails with a unified diff."""
    path = GOLDEN / name
    (actual_dir / name).write_text(text, encoding="utf-8")
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden transcript {path} was missing; written — review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True),
                f"golden/{name}", f"this run ({actual_dir / name})",
            )
        )  # fmt: skip
        pytest.fail(
            f"what Orca says changed ({name}); if intended, rerun with HOJO_UPDATE_GOLDEN=1 and "
            f"review the diff:\n{diff}",
            pytrace=False,
        )
