"""Translations: Korean source strings, complete English .ts/.qm, Qt's own Korean dialogs."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from app.config import SETTINGS, Config, Source, SourceKind
from app.i18n import (
    TRANSLATIONS_DIR,
    install_translators,
    remove_translators,
    thousand_text,
    tr,
    won_text,
)
from domain.money import format_thousand, format_won

APP_DIR = Path(__file__).resolve().parents[2] / "app"
TS_FILE = TRANSLATIONS_DIR / "hojo_en.ts"
QM_FILE = TRANSLATIONS_DIR / "hojo_en.qm"


def ts_messages() -> list[ET.Element]:
    return list(ET.parse(TS_FILE).getroot().iter("message"))


def marked_strings() -> Iterator[tuple[str, int, str]]:
    """Every literal passed to tr() or N_() in app/ (what lupdate extracts)."""
    for path in sorted(APP_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"tr", "N_"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield path.name, node.lineno, node.args[0].value


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    installed: list[QTranslator] = []

    def use(code: str) -> None:
        installed.extend(install_translators(qapp, code))

    yield use
    remove_translators(qapp, installed)


def test_no_unfinished_english_entry() -> None:
    messages = ts_messages()
    assert messages
    bad = []
    for message in messages:
        translation = message.find("translation")
        source = message.findtext("source")
        if (
            translation is None
            or translation.get("type") in {"unfinished", "vanished", "obsolete"}
            or not (translation.text or "").strip()
        ):
            bad.append(source)
    assert bad == [], (
        "unfinished English translations: run the steps in resources/translations/README.md"
    )


def test_every_marked_string_is_in_the_ts_file() -> None:
    in_ts = {m.findtext("source") for m in ts_messages()}
    missing = [
        f"{file}:{line}: {text}" for file, line, text in marked_strings() if text not in in_ts
    ]
    assert missing == [], "run pyside6-lupdate (resources/translations/README.md)"


def test_placeholders_survive_translation() -> None:
    for message in ts_messages():
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(
            re.findall(r"\{\w*\}", translation)
        ), source


def test_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        assert found, "pyside6-lrelease ships with PySide6-Essentials"
        lrelease = Path(found)
    fresh = tmp_path / "hojo_en.qm"
    subprocess.run([str(lrelease), "-silent", str(TS_FILE), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM_FILE.read_bytes(), "recompile hojo_en.qm (README.md)"


def test_korean_is_the_source_language(language: Callable[[str], None]) -> None:
    language("ko")
    assert tr("기본값") == "기본값"
    assert won_text(1_234_000) == format_won(1_234_000) == "1,234,000원"
    assert thousand_text(-360) == format_thousand(-360) == "-360천원"


def test_qt_standard_dialogs_are_korean(language: Callable[[str], None]) -> None:
    language("ko")
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "확인"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"


def test_english_through_qt_translation_files(
    language: Callable[[str], None], tmp_path: Path
) -> None:
    language("en")
    assert tr("기본값") == "Default"
    assert won_text(1_234_000) == "KRW 1,234,000"
    assert thousand_text(1_234) == "KRW 1,234 thousand"
    assert tr(SETTINGS["high_contrast"].description) == (
        "High contrast: automatic (follows the operating system's high-contrast setting), "
        "on or off."
    )
    machine = Source(SourceKind.MACHINE, "/etc/hojo/config.ini")
    assert machine.label(tr) == "Computer-wide setting (/etc/hojo/config.ini)"
    config = Config.load({"HOJO_DATA_DIR": str(tmp_path), "HOJO_SYSTEM_CONFIG_DIR": str(tmp_path)})
    assert config.source("language", tr) == "Default"


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError):
        install_translators(qapp, "fr")
