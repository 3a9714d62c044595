"""One translation function for every user-visible string (STYLE.md §4.3.11).

Korean is the source language: write ``tr("저장했습니다")``. English comes from Qt's
translation file ``resources/translations/hojo_en.ts`` compiled to ``hojo_en.qm`` (see the
README there). Constants are marked with ``N_("...")`` and translated where shown with
``tr(constant)``. ``tr`` uses the empty context, which is what ``pyside6-lupdate`` assigns
to these free functions, so extraction and lookup agree.

For Korean, Qt's own ``qtbase_ko.qm`` (shipped in PySide6) is installed so standard dialogs
and buttons ("OK" → "확인") are Korean too. Money is shown with ``won_text`` /
``thousand_text`` (domain.money formats: "1,234,000원", "1,234천원").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import N_
from domain.money import format_number, format_thousand, format_won

__all__ = ["LANGUAGES", "N_", "install_translators", "thousand_text", "tr", "won_text"]

LANGUAGES = ("ko", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
CONTEXT = ""  # pyside6-lupdate's context for module-level tr()/N_() calls


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text in the installed language (Korean source text when none is installed)."""
    return QCoreApplication.translate(CONTEXT, source, disambiguation, n)


def won_text(won: int) -> str:
    """An amount in 원 for display: "1,234,000원" (Korean), "KRW 1,234,000" (English)."""
    template = tr("{amount}원")
    if template == "{amount}원":  # Korean: domain.money's own format
        return format_won(won)
    return template.format(amount=format_number(won))


def thousand_text(thousand: int) -> str:
    """An amount in 천원: "1,234천원" (Korean), "KRW 1,234 thousand" (English)."""
    template = tr("{amount}천원")
    if template == "{amount}천원":
        return format_thousand(thousand)
    return template.format(amount=format_number(thousand))


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` ("ko" or "en") and set the default locale.

    Keep the returned list alive as long as the application (a collected QTranslator stops
    translating). Raises FileNotFoundError if a translation file that must exist is missing.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    installed: list[QTranslator] = []
    if language == "ko":
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
        installed.append(_load(app, qt_translations_dir() / "qtbase_ko.qm"))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        installed.append(_load(app, TRANSLATIONS_DIR / "hojo_en.qm"))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def _load(app: QCoreApplication, path: Path) -> QTranslator:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        raise FileNotFoundError(f"cannot load translation file {path}")
    app.installTranslator(translator)
    return translator
