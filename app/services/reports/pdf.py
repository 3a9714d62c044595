"""Shared PDF machinery (reportlab, imported lazily by the callers of :func:`open_pdf`):
landscape A4 document with title/author/subject and language ``ko`` metadata, page numbers,
a bookmark outline, and grid tables built from plain strings (fast; wrapped to the column
width with ``simpleSplit``). Keep each table to a few hundred rows (PERFORMANCE.md §3.8: one
big table is super-linear), so the books make one table per 세부사업.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.reports.fonts import HangulFont, register_font

__all__ = ["FONT_SIZE", "Pdf", "open_pdf"]

FONT_SIZE = 7.5
LEADING = 9.2
AUTHOR = "Hojo Desk"
MAX_TABLE_ROWS = 300


@dataclass
class Pdf:
    """A document being built: append flowables to ``story``, then :meth:`build`."""

    path: Path
    title: str
    subject: str
    font: HangulFont
    landscape_page: bool = True
    story: list[Any] = field(default_factory=list)
    _bookmarks: int = 0

    # --- flowables -----------------------------------------------------------------------------
    def heading(self, text: str, size: float = 11, *, space: float = 4) -> None:
        from reportlab.platypus import Paragraph

        self.story.append(Paragraph(_escape(text), self._style(size, bold=True, space=space)))

    def text(self, text: str, size: float = 9) -> None:
        from reportlab.platypus import Paragraph

        self.story.append(Paragraph(_escape(text), self._style(size)))

    def spacer(self, height: float = 6) -> None:
        from reportlab.platypus import Spacer

        self.story.append(Spacer(1, height))

    def page_break(self) -> None:
        from reportlab.platypus import PageBreak

        self.story.append(PageBreak())

    def bookmark(self, title: str, level: int) -> None:
        """An outline entry pointing at the next flowable (levels nest: 0, 1, 2 …)."""
        self._bookmarks += 1
        self.story.append(_Bookmark(f"b{self._bookmarks}", title, level))

    def table(
        self,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        header: Sequence[str] | None = None,
        right: Sequence[int] = (),
        bold_rows: Sequence[int] = (),
        shaded_rows: Sequence[int] = (),
    ) -> None:
        """A grid table of strings; long cells wrap; split into tables of MAX_TABLE_ROWS."""
        from reportlab.lib import colors
        from reportlab.platypus import Table

        font, bold = self.font.regular, self.font.bold
        bold_set, shaded = set(bold_rows), set(shaded_rows)
        for start in range(0, max(len(rows), 1), MAX_TABLE_ROWS):
            chunk = list(rows[start : start + MAX_TABLE_ROWS])
            data = [list(header)] if header else []
            data += [[_fit(c, w, font) for c, w in zip(r, widths, strict=True)] for r in chunk]
            off = 1 if header else 0
            style: list[tuple[Any, ...]] = [
                ("FONT", (0, 0), (-1, -1), font, FONT_SIZE, LEADING),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
            for col in right:
                style.append(("ALIGN", (col, off), (col, -1), "RIGHT"))
            if header:
                style += [
                    ("FONT", (0, 0), (-1, 0), bold, FONT_SIZE, LEADING),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                    ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ]
            for i in range(len(chunk)):
                if start + i in bold_set:
                    style.append(("FONT", (0, i + off), (-1, i + off), bold, FONT_SIZE, LEADING))
                if start + i in shaded:
                    row = i + off
                    style.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F0F0F0")))
            self.story.append(
                Table(data, colWidths=list(widths), style=style, repeatRows=off, hAlign="LEFT")
            )

    # --- output --------------------------------------------------------------------------------
    def build(self, on_progress: Callable[[float], None] | None = None) -> int:
        """Write the file; returns the number of pages. ``on_progress`` gets the fraction of
        flowables laid out (it may raise to cancel)."""
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.platypus import SimpleDocTemplate

        size = landscape(A4) if self.landscape_page else A4
        doc = SimpleDocTemplate(
            str(self.path), pagesize=size, title=self.title, author=AUTHOR,
            subject=self.subject, creator=AUTHOR, lang="ko", displayDocTitle=1,
            initialFontName=self.font.regular, initialFontSize=FONT_SIZE,
            leftMargin=20, rightMargin=20, topMargin=24, bottomMargin=26,
        )  # fmt: skip
        font, title = self.font.regular, self.title

        def footer(canvas: Any, document: Any) -> None:
            canvas.saveState()
            canvas.setFont(font, 7)
            canvas.drawString(20, 12, title)
            canvas.drawRightString(size[0] - 20, 12, f"- {document.page} -")
            canvas.restoreState()

        count = max(len(self.story), 1)

        def progress(kind: str, value: int) -> None:
            if on_progress is not None and kind == "PROGRESS" and value % 40 == 0:
                on_progress(value / count)

        doc.setProgressCallBack(progress)
        doc.build(self.story, onFirstPage=footer, onLaterPages=footer)
        return int(doc.page)

    @property
    def width(self) -> float:
        return (842.0 if self.landscape_page else 595.0) - 40

    def _style(self, size: float, *, bold: bool = False, space: float = 2) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        return ParagraphStyle(
            "hojo", fontName=self.font.bold if bold else self.font.regular, fontSize=size,
            leading=size * 1.3, spaceAfter=space,
        )  # fmt: skip


def open_pdf(path: Path, title: str, subject: str, *, landscape_page: bool = True) -> Pdf:
    """A new document with the Hangul font registered (FontMissing when there is none)."""
    return Pdf(Path(path), title, subject, register_font(), landscape_page)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fit(text: str, width: float, font: str) -> str:
    """The text wrapped with newlines to fit the column (plain-string cells do not wrap)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not text or stringWidth(text, font, FONT_SIZE) <= width - 4:
        return text
    from reportlab.lib.utils import simpleSplit

    out: list[str] = []
    for part in text.split("\n"):
        out += simpleSplit(part, font, FONT_SIZE, width - 4) or [""]
    return "\n".join(out)


_BOOKMARK: list[type] = []


def _Bookmark(key: str, title: str, level: int) -> Any:
    """Zero-size flowable that adds an outline entry where it lands."""
    if not _BOOKMARK:
        from reportlab.platypus import Flowable

        class Bookmark(Flowable):  # type: ignore[misc]
            def __init__(self, key: str, title: str, level: int) -> None:
                super().__init__()
                self.key, self.title, self.level = key, title, level

            def wrap(self, *_args: Any) -> tuple[int, int]:
                return 0, 0

            def draw(self) -> None:
                self.canv.bookmarkPage(self.key)
                self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=True)

        _BOOKMARK.append(Bookmark)
    return _BOOKMARK[0](key, title, level)
