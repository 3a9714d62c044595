"""English keeps the Korean mnemonic letters (docs/keyboard.md, "Mnemonics").

The ``duplicate-mnemonic`` audit runs over every page and dialog in Korean (test_every_view,
100 % and 200 %) and in English (100 %). Keeping each English translation on the letter of its
Korean source carries the Korean result over to every English text, including texts those
views do not show (menus, messages): "적요(&X)" is "Description (&X)", "산출근거식(&O)" is
"F&ormula". Where the English words lack the letter it stands in brackets after them, as in
Korean.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication

from app.a11y.audit_mnemonics import letter_of
from app.i18n import TRANSLATIONS_DIR

TS_FILE = TRANSLATIONS_DIR / "hojo_en.ts"


def letter_differences(ts: ET.Element) -> tuple[int, list[str]]:
    """(messages whose source has a letter, "source → translation" where the letters differ)."""
    with_letter = 0
    different = []
    for message in ts.iter("message"):
        source = message.findtext("source") or ""
        english = message.findtext("translation") or ""
        with_letter += bool(letter_of(source))
        if letter_of(source) != letter_of(english):
            different.append(f"{source!r} → {english!r}")
    return with_letter, different


def test_every_english_text_keeps_the_letter_of_its_korean_source(qapp: QApplication) -> None:
    with_letter, different = letter_differences(ET.parse(TS_FILE).getroot())
    assert with_letter > 80  # the file was read: the menus, pages and dialogs have letters
    assert different == [], "give the English text the Korean letter:\n" + "\n".join(different)


def test_a_changed_or_an_added_letter_is_reported(qapp: QApplication) -> None:
    pairs = [
        ("산출근거식(&amp;O)", "&amp;Formula"),
        ("은행", "Ban&amp;k"),
        ("적요(&amp;X)", "Description (&amp;X)"),
        ("은행", "Bank"),
    ]
    sample = ET.fromstring(
        "<TS><context>"
        + "".join(
            f"<message><source>{s}</source><translation>{t}</translation></message>"
            for s, t in pairs
        )
        + "</context></TS>"
    )
    assert letter_differences(sample) == (2, ["'산출근거식(&O)' → '&Formula'", "'은행' → 'Ban&k'"])
