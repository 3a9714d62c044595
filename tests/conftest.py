"""Test-wide settings: real-data location and the rule that CI may not skip real-data tests."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
DONGGU_2024 = SHARED_DATA / "incheon-donggu-2024"
REAL_DATA_REQUIRED = os.environ.get("HOJO_REQUIRE_REAL_DATA") == "1"


def real_data_file(name: str) -> Path:
    """Path of a file in ../shared/data/incheon-donggu-2024, or skip with the reason."""
    path = DONGGU_2024 / name
    if not path.is_file():
        pytest.skip(f"real budget book {path} is absent (../shared/data not beside the project)")
    return path


@pytest.fixture
def donggu_expenditure() -> Path:
    return real_data_file("expenditure.xlsx")


@pytest.fixture
def donggu_revenue() -> Path:
    return real_data_file("revenue.xlsx")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, None, None]:
    """Under .ci/run (HOJO_REQUIRE_REAL_DATA=1) a skipped real-data test is a failure."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if REAL_DATA_REQUIRED and report.skipped and item.get_closest_marker("realdata"):
        report.outcome = "failed"
        report.longrepr = f"real-data test skipped but HOJO_REQUIRE_REAL_DATA=1: {report.longrepr}"
