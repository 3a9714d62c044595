"""The 재원 split of a line: one named field per 재원 (천원) and a check that they add up.

The check is words, not colour: "재원 합계 1,200천원: 금액보다 35천원 적습니다". When a line has
one 재원 field filled and the amount changes, nothing is changed behind the user's back; the
"금액에 맞추기" button (Ctrl+Shift+M) puts the difference on the focused (or only) 재원.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from app.a11y import buddy, name, status_label
from app.i18n import thousand_text, tr
from domain.money import format_number


class FundingBox(QGroupBox):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("재원 구성(천원)"), parent)
        self.setObjectName("fundingBox")
        self._form = QFormLayout(self)
        self._fields: dict[str, QLineEdit] = {}
        self._amount = 0
        self._last: QLineEdit | None = None
        self.status = status_label("fundingStatus")
        self.status.setWordWrap(True)
        self.fit_button = name(
            QPushButton(tr("금액에 맞추기")),
            tr("금액에 맞추기"),
            tr("차액을 마지막으로 고친 재원에 더합니다. 단축키 Ctrl+Shift+M"),
            "fundingFit",
        )
        self.fit_button.clicked.connect(self.fit)
        fit = QAction(tr("금액에 맞추기"), self)
        fit.setShortcut(QKeySequence("Ctrl+Shift+M"))
        fit.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fit.triggered.connect(self.fit)
        self.addAction(fit)
        self._form.addRow(self.status)
        self._form.addRow(self.fit_button)

    def focus_chain(self) -> list[QWidget]:
        return [*self._fields.values(), self.fit_button]

    def set_split(self, sources: Mapping[str, str], split: Mapping[str, int]) -> None:
        """One field per 재원 of the year (plus any code the line has that the year lacks).

        The same 재원 as shown: the fields stay and only their texts change, so the focused
        field (the user typing a 재원 when a save or submit reloads the line) is never destroyed.
        Other 재원: the fields are rebuilt; a focused field hands the focus to 금액에 맞추기
        before it goes, and gets it back when the same 재원 is there again."""
        codes = list(sources) + [c for c in split if c not in sources]
        if codes == list(self._fields):
            for code, edit in self._fields.items():
                label = self._form.labelForField(edit)
                if isinstance(label, QLabel):
                    label.setText(sources.get(code, code))
                value = split.get(code)
                text = format_number(value) if value else ""
                if edit.text() != text:
                    edit.setText(text)
            self._last = None
            self._check()
            return
        focused = next((c for c, e in self._fields.items() if e.hasFocus()), None)
        if focused is not None:
            self.fit_button.setFocus(Qt.FocusReason.OtherFocusReason)
        for edit in self._fields.values():
            self._form.removeRow(edit)  # deletes the field and its label
        self._fields = {}
        for row, code in enumerate(codes):
            label = QLabel(sources.get(code, code))
            edit = QLineEdit()
            edit.setValidator(QRegularExpressionValidator(r"[0-9,]{0,16}", edit))
            buddy(label, edit, tr("천원 단위 금액"), f"funding_{code}")
            value = split.get(code)
            edit.setText(format_number(value) if value else "")
            edit.textEdited.connect(lambda _t, e=edit: self._edited(e))
            self._form.insertRow(row, label, edit)
            self._fields[code] = edit
        previous: QWidget | None = None
        for widget in self.focus_chain():
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        self._last = None
        self._check()
        if focused in self._fields and self.fit_button.hasFocus():
            again = self._fields[focused]
            again.show()  # (the layout shows new fields only on its next turn)
            again.setFocus(Qt.FocusReason.OtherFocusReason)

    def split(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for code, edit in self._fields.items():
            digits = edit.text().replace(",", "").strip()
            if digits:
                out[code] = int(digits)
        return out

    def set_amount(self, thousand: int) -> None:
        self._amount = thousand
        self._check()

    def gap(self) -> int:
        return sum(self.split().values()) - self._amount

    def fit(self) -> None:
        """Put the difference on the last edited 재원 (or the only / the last one)."""
        if not self._fields:
            return
        filled = [c for c, v in self.split().items() if v]
        edit = self._last or (
            self._fields[filled[0]] if len(filled) == 1 else list(self._fields.values())[-1]
        )
        code = next(c for c, e in self._fields.items() if e is edit)
        value = self.split().get(code, 0) - self.gap()
        edit.setText(format_number(max(0, value)))
        self._edited(edit)

    def _edited(self, edit: QLineEdit) -> None:
        self._last = edit
        self._check()
        self.edited.emit()

    def _check(self) -> None:
        total = sum(self.split().values())
        gap = total - self._amount
        if gap == 0:
            text = tr("재원 합계 {total}: 금액과 같습니다").format(total=thousand_text(total))
        elif gap < 0:
            text = tr("재원 합계 {total}: 금액보다 {gap} 적습니다").format(
                total=thousand_text(total), gap=thousand_text(-gap)
            )
        else:
            text = tr("재원 합계 {total}: 금액보다 {gap} 많습니다").format(
                total=thousand_text(total), gap=thousand_text(gap)
            )
        self.status.setText(text)
        for edit in self._fields.values():
            edit.setAccessibleDescription(tr("천원 단위 금액. {check}").format(check=text))
