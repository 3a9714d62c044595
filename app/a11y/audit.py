"""In-process accessibility audit over the QAccessible interface tree (ACCESSIBILITY.md §1.6).

This reads what the platform bridges (AT-SPI, UI Automation) read, offscreen and in
milliseconds, so every view test can run it::

    from app.a11y.audit import assert_accessible
    assert_accessible(page)

Rules (each finding has a stable ``code``):

- ``unnamed``: a focusable control has no accessible name (for a QComboBox: neither an
  accessibleName nor a buddy label — on Linux its AT-SPI name is the current item).
- ``icon-button-unnamed``: an icon-only button has no name (its tooltip is only a description).
- ``decorated-name``: the name keeps a mnemonic "(N)", a '&' or a trailing colon.
- ``no-identifier``: a focusable control has no accessibleIdentifier.
- ``label-without-buddy``: a field label (text ending in ':' or with a mnemonic, or in a
  QFormLayout label cell) is not the buddy of a field.
- ``no-column-headers``: a table, or a tree with several columns, has a hidden horizontal
  header or a column whose header is empty or only a number.
- ``tab-trap``: an item view moves Tab between cells (tabKeyNavigation), or a text edit
  takes Tab as a character (tabChangesFocus off).
- ``untitled-window``: the audited widget is a window without a title.
- ``duplicate-mnemonic`` (:mod:`app.a11y.audit_mnemonics`): two mnemonics live in one
  window at the same time (buddy labels, buttons, group boxes, tab titles, menu bar titles,
  Alt+letter shortcuts), or two items of one popup menu, share a letter.
- the rules of :mod:`app.a11y.audit_rules`: ``wrong-role``, ``combo-without-label``,
  ``label-not-related``, ``combo-edit-unnamed``, ``editor-unnamed``, ``numbered-row-headers``,
  ``colour-only``, ``duplicate-window-title``, ``label-no-identifier``, ``tab-unreached``
  and ``tab-no-return`` (the Tab walk runs when the audited widget is shown;
  ``tab_order=False`` skips it).

Hidden widgets are skipped (audit each page of a stack or tab widget while it is shown),
and so are Qt's internal children (objectName ``qt_*``) and a combo box's popup list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from app.a11y import audit_rules as rules
from app.a11y.audit_mnemonics import check_mnemonics
from app.a11y.names import has_decoration

Role = QAccessible.Role
Text = QAccessible.Text
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Finding:
    code: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: [{self.code}] {self.message}"


class AccessibilityAuditError(AssertionError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        lines = "\n".join(f"  - {f}" for f in findings)
        super().__init__(f"{len(findings)} accessibility finding(s):\n{lines}")


def widget_path(widget: QWidget, root: QWidget | None = None) -> str:
    """``Form/QLineEdit#nameEdit`` — class and objectName from the root down."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        part = type(current).__name__
        if current.objectName():
            part += f"#{current.objectName()}"
        parts.append(part)
        if current is root:
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _walk(iface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    yield iface
    obj = iface.object()
    if isinstance(obj, QComboBox):
        return  # its closed popup list reports bogus states (pitfall 10)
    for index in range(iface.childCount()):
        child = iface.child(index)
        if child is not None and child.isValid():
            yield from _walk(child)


def _is_internal(widget: QWidget, root: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root:
        if rules.is_internal_name(current.objectName()):
            return True
        current = current.parentWidget()
    return False


def _labels_of(iface: QAccessibleInterface) -> list[str]:
    names: list[str] = []
    for other, relation in iface.relations():
        if relation & QAccessible.RelationFlag.Label:
            names.append(other.text(Text.Name))
    return names


def _name_of(iface: QAccessibleInterface, widget: QWidget) -> str:
    """The name a Windows AT would read; combo boxes name themselves by label on Linux."""
    if isinstance(widget, QComboBox):
        labels = _labels_of(iface)
        return widget.accessibleName() or (labels[0] if labels else "")
    return iface.text(Text.Name)


def _is_field_label(label: QLabel) -> bool:
    text = label.text().strip()
    if not text:
        return False
    if "&" in text.replace("&&", "") or text.endswith((":", "：")):
        return True
    parent = label.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        index = layout.indexOf(label)
        if index >= 0:
            position: tuple[int, QFormLayout.ItemRole] = layout.getItemPosition(index)  # type: ignore[assignment]
            return position[1] == QFormLayout.ItemRole.LabelRole
    return False


def _header_findings(iface: QAccessibleInterface, view: QAbstractItemView) -> list[str]:
    if not isinstance(view, QTableView | QTreeView):
        return []  # lists have no columns
    # Count columns through the header: the models behind QListWidget/QTreeWidget keep
    # columnCount() private in PySide6.
    header_view = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    columns = header_view.count()
    if isinstance(view, QTreeView) and not isinstance(view, QTableView) and columns <= 1:
        return []  # a one-column tree is named by its own accessible name
    if columns == 0:
        return []
    headers = [iface.child(i) for i in range(iface.childCount()) if iface.child(i) is not None]
    column_headers = [h for h in headers if h.role() == Role.ColumnHeader]
    problems: list[str] = []
    if not column_headers or header_view.isHidden():  # isHidden: also right before show()
        problems.append("열 머리글이 숨겨져 있습니다 (column header hidden)")
    for position, header in enumerate(column_headers):
        text = header.text(Text.Name).strip()
        if not text or _NUMBER.fullmatch(text):
            problems.append(f"열 {position + 1}의 머리글이 비어 있습니다 (column {position + 1})")
    return problems


def audit(root: QWidget, *, tab_order: bool = True) -> list[Finding]:
    """Check ``root`` and every visible widget below it; returns the findings (empty = pass)."""
    findings: list[Finding] = []
    labels: list[QLabel] = []
    fields: list[QWidget] = []

    def add(code: str, widget: QWidget, message: str) -> None:
        findings.append(Finding(code, widget_path(widget, root), message))

    if root.isWindow() and not root.windowTitle().strip():
        add("untitled-window", root, "창 제목이 없습니다 (window has no title)")
    rules.check_window_title(root, add)
    top = QAccessible.queryAccessibleInterface(root)
    if top is None:
        return findings
    seen: set[int] = set()
    for iface in _walk(top):
        widget = iface.object()
        if not isinstance(widget, QWidget) or id(widget) in seen:
            continue
        seen.add(id(widget))
        if widget is not root and (not widget.isVisibleTo(root) or _is_internal(widget, root)):
            continue
        if isinstance(widget, QLabel):
            labels.append(widget)
            rules.check_picture_label(widget, add)
            rules.check_label_identifier(widget, add)
            if _is_field_label(widget) and widget.buddy() is None:
                add(
                    "label-without-buddy",
                    widget,
                    f"레이블 {widget.text()!r}에 짝 입력란(buddy)이 없습니다",
                )
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        name = _name_of(iface, widget).strip()
        if not name:
            if (
                isinstance(widget, QAbstractButton)
                and not widget.text()
                and not widget.icon().isNull()
            ):
                add("icon-button-unnamed", widget, "아이콘 단추에 접근 가능한 이름이 없습니다")
            else:
                add("unnamed", widget, "접근 가능한 이름이 없습니다 (no accessible name)")
        elif has_decoration(name):
            add("decorated-name", widget, f"이름 {name!r}에 단축키 표시나 콜론이 남아 있습니다")
        if not widget.accessibleIdentifier():
            add("no-identifier", widget, "accessibleIdentifier가 없습니다")
        fields.append(widget)
        rules.check_role(iface, widget, add)
        if isinstance(widget, QComboBox):
            rules.check_combo(iface, widget, add)
        if isinstance(widget, QAbstractItemView):
            rules.check_editor(widget, add)
            rules.check_row_headers(widget, add)
            rules.check_colour_only(widget, add)
            if widget.tabKeyNavigation():
                add(
                    "tab-trap", widget, "Tab 키가 셀 사이를 이동합니다 (setTabKeyNavigation(False))"
                )
            for problem in _header_findings(iface, widget):
                add("no-column-headers", widget, problem)
        elif (
            isinstance(widget, QTextEdit | QPlainTextEdit)
            and not widget.tabChangesFocus()
            and not widget.isReadOnly()
        ):
            add("tab-trap", widget, "Tab 키가 글자로 입력됩니다 (setTabChangesFocus(True))")
    rules.check_labels(labels, fields, add)
    check_mnemonics(root, add)
    if tab_order:
        rules.check_tab_order(root, add)
    return findings


def assert_accessible(
    root: QWidget, ignore: frozenset[str] = frozenset(), *, tab_order: bool = True
) -> None:
    """Raise AccessibilityAuditError listing every finding whose code is not ignored."""
    findings = [f for f in audit(root, tab_order=tab_order) if f.code not in ignore]
    if findings:
        raise AccessibilityAuditError(findings)
