"""An embeddable TrueType Hangul font for PDF reports.

reportlab embeds (and subsets) TrueType outlines only. NanumGothic (Debian ``fonts-nanum``) and
맑은 고딕 (``malgun.ttf`` on Windows) work; Noto Sans CJK is CFF inside an OpenType collection and
does not, so it is never chosen. When nothing usable is found, :class:`FontMissing` says in
Korean what to install instead of printing blank boxes.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FONT_ENV", "FontMissing", "HangulFont", "candidates", "find_font", "register_font"]

FONT_ENV = "HOJO_REPORT_FONT"  # a .ttf path that overrides the search

#: (regular, bold) file names in order of preference.
_NAMES: tuple[tuple[str, str], ...] = (
    ("NanumGothic.ttf", "NanumGothicBold.ttf"),
    ("malgun.ttf", "malgunbd.ttf"),
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"),
)
_LINUX_DIRS = (
    "/usr/share/fonts/truetype/nanum",
    "/usr/share/fonts/truetype",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
)
_lock = threading.Lock()
_registered: dict[Path, HangulFont] = {}


class FontMissing(RuntimeError):
    """No embeddable Hangul TrueType font: the message says what to install."""

    def __init__(self) -> None:
        if sys.platform.startswith("win"):
            how = "Windows 글꼴 폴더에 맑은 고딕(malgun.ttf)이 있어야 합니다"
        elif sys.platform == "darwin":
            how = "나눔고딕(NanumGothic.ttf)을 설치하십시오 (https://hangeul.naver.com/font)"
        else:
            how = "나눔 글꼴을 설치하십시오: sudo apt-get install fonts-nanum"
        super().__init__(
            "PDF에 넣을 수 있는 한글 트루타입 글꼴(나눔고딕 또는 맑은 고딕)을 찾지 못했습니다. "
            f"{how}. (Noto Sans CJK는 PDF에 넣을 수 없는 형식이라 쓸 수 없습니다.) "
            f"다른 .ttf 파일을 쓰려면 {FONT_ENV} 환경 변수에 경로를 지정하십시오."
        )


@dataclass(frozen=True)
class HangulFont:
    """Registered reportlab font names and the files behind them."""

    regular: str
    bold: str
    path: Path
    bold_path: Path


def _font_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path(d) for d in _LINUX_DIRS]
        dirs += [Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]
    return dirs


def _is_truetype(path: Path) -> bool:
    """True for a plain TrueType file (glyf outlines), not CFF/OpenType or a collection."""
    try:
        with path.open("rb") as f:
            head = f.read(4)
    except OSError:
        return False
    return head in (b"\x00\x01\x00\x00", b"true")


def candidates() -> list[tuple[Path, Path]]:
    """Usable (regular, bold) pairs found on this machine, best first."""
    found: list[tuple[Path, Path]] = []
    override = os.environ.get(FONT_ENV, "").strip()
    if override and _is_truetype(Path(override)):
        found.append((Path(override), Path(override)))
    for regular, bold in _NAMES:
        for folder in _font_dirs():
            path = folder / regular
            if _is_truetype(path):
                bold_path = folder / bold
                found.append((path, bold_path if _is_truetype(bold_path) else path))
                break
    return found


def find_font() -> tuple[Path, Path]:
    """The best (regular, bold) TrueType pair, or :class:`FontMissing`."""
    found = candidates()
    if not found:
        raise FontMissing()
    return found[0]


def register_font(paths: tuple[Path, Path] | None = None) -> HangulFont:
    """Register the font with reportlab once per process (lazy import) and return its names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    regular_path, bold_path = paths or find_font()
    with _lock:
        known = _registered.get(regular_path)
        if known is not None:
            return known
        number = len(_registered)
        regular, bold = f"HojoHangul{number}", f"HojoHangul{number}-Bold"
        try:
            pdfmetrics.registerFont(TTFont(regular, str(regular_path)))
            pdfmetrics.registerFont(TTFont(bold, str(bold_path)))
        except TTFError as error:
            raise FontMissing() from error
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
        font = HangulFont(regular, bold, regular_path, bold_path)
        _registered[regular_path] = font
        return font
