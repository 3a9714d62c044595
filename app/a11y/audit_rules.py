"""The audit's further rules (issue 4 item 5), run by :func:`app.a11y.audit.audit`.

- ``wrong-role``: a control's role is not the one its kind must have (a QPushButton that is
  not a push button, a QLineEdit that is not editable text…), or a focusable control has a
  generic role (client, grouping, pane, filler) that tells a screen reader nothing.
- ``combo-without-label``: a combo box has no "labelled by" relation (on Linux its name is
  the current item; the label reaches Orca only through the relation — pitfall 1).
- ``label-not-related``: a visible label reads like a field's name but is not its buddy.
- ``combo-edit-unnamed``: an editable combo box's inner line edit has no name.
- ``editor-unnamed``: an item view's delegate editor (F2) has no name, or one without the
  column header (pitfall 6).
- ``numbered-row-headers``: a table shows row headers that are empty or only numbers.
- ``colour-only``: an item shows state by colour or an icon only (no text, no
  AccessibleTextRole); a label shows only a picture without a name.
- ``duplicate-window-title``: another visible window has the same title.
- ``label-no-identifier``: a label the code addresses by objectName (a status line, a result,
  a count — text that changes) has no accessibleIdentifier (``names.status_label``).
- ``tab-unreached`` / ``tab-no-return``: Tab, pressed from the first control, does not visit
  every interactive control, or does not come back to where it started.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyleOptionViewItem,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from app.a11y.names import clean_name

Role = QAccessible.Role
Text = QAccessible.Text
Add = Callable[[str, QWidget, str], None]
_NUMBER = re.compile(r"\s*\d*\s*")
_SCAN_ROWS = 200

_EXPECTED: tuple[tuple[type[QWidget], frozenset[QAccessible.Role]], ...] = (
    (QCheckBox, frozenset({Role.CheckBox})),
    (QRadioButton, frozenset({Role.RadioButton})),
    (QPushButton, frozenset({Role.PushButton, Role.ButtonMenu, Role.ButtonDropDown})),
    (QToolButton, frozenset({Role.PushButton, Role.ButtonMenu, Role.ButtonDropDown,
                             Role.CheckBox})),
    (QComboBox, frozenset({Role.ComboBox})),
    (QAbstractSpinBox, frozenset({Role.SpinBox})),
    (QLineEdit, frozenset({Role.EditableText})),
    (QTextEdit, frozenset({Role.EditableText, Role.StaticText})),
    (QPlainTextEdit, frozenset({Role.EditableText, Role.StaticText})),
    (QTableView, frozenset({Role.Table})),
    (QTreeView, frozenset({Role.Tree})),
    (QListView, frozenset({Role.List})),
)  # fmt: skip
_GENERIC = frozenset({Role.Client, Role.Grouping, Role.Pane, Role.NoRole})


def check_role(iface: QAccessibleInterface, widget: QWidget, add: Add) -> None:
    role = iface.role()
    for kind, roles in _EXPECTED:
        if isinstance(widget, kind):
            if role not in roles:
                add("wrong-role", widget, f"역할이 {role.name}입니다 ({kind.__name__})")
            return
    if role in _GENERIC:
        add("wrong-role", widget, f"초점을 받는 컨트롤의 역할이 일반 {role.name}입니다")


def _label_relations(iface: QAccessibleInterface) -> list[QAccessibleInterface]:
    return [o for o, r in iface.relations() if r & QAccessible.RelationFlag.Label]


def check_combo(iface: QAccessibleInterface, combo: QComboBox, add: Add) -> None:
    if not _label_relations(iface):
        add("combo-without-label", combo, "콤보 상자에 이름표 관계(buddy)가 없습니다")
    edit = combo.lineEdit()
    if combo.isEditable() and edit is not None and not edit.accessibleName().strip():
        add("combo-edit-unnamed", combo, "편집 가능한 콤보 상자의 입력란에 이름이 없습니다")


def check_label_identifier(label: QLabel, add: Add) -> None:
    """A text label named in code carries changing text: it needs a stable identifier too
    (a picture label is ``check_picture_label``'s)."""
    pixmap = label.pixmap()
    if pixmap is not None and not pixmap.isNull():
        return
    if label.objectName() and not label.accessibleIdentifier():
        add(
            "label-no-identifier",
            label,
            f"상태 레이블 {label.objectName()!r}에 accessibleIdentifier가 없습니다",
        )


def check_labels(labels: list[QLabel], fields: list[QWidget], add: Add) -> None:
    """A visible label with a field's exact name, not tied to it (the field has no buddy)."""
    tied = {id(label.buddy()) for label in labels if label.buddy() is not None}
    by_name: dict[str, QWidget] = {}
    for field in fields:
        if id(field) not in tied and field.accessibleName():
            by_name.setdefault(clean_name(field.accessibleName()), field)
    for label in labels:
        text = clean_name(label.text())
        if label.buddy() is None and text and text in by_name:
            add(
                "label-not-related", label, f"레이블 {text!r}이(가) 입력란과 연결되어 있지 않습니다"
            )


def _columns(view: QAbstractItemView, parent: QModelIndex) -> int:
    model = view.model()
    try:
        return int(model.columnCount(parent))
    except TypeError:  # QListWidget / QTreeWidget keep it private in PySide6
        if isinstance(view, QTableView):
            return view.horizontalHeader().count()
        if isinstance(view, QTreeView):
            return view.header().count()
        return 1


def _has_children(view: QAbstractItemView, index: QModelIndex) -> bool:
    if not isinstance(view, QTreeView):
        return False
    try:
        return bool(view.model().hasChildren(index))
    except TypeError:  # private in PySide6 for the item widgets' models
        return bool(view.model().rowCount(index))


def _header(view: QAbstractItemView, column: int) -> str:
    model = view.model()
    text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    return str(text or "")


def _editable_index(view: QAbstractItemView) -> QModelIndex | None:
    model = view.model()
    if model is None or view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
        return None
    indexes: list[QModelIndex] = [QModelIndex()]
    scanned = 0
    while indexes and scanned < _SCAN_ROWS:
        parent = indexes.pop(0)
        for row in range(min(model.rowCount(parent), _SCAN_ROWS)):
            scanned += 1
            for column in range(_columns(view, parent)):
                index = model.index(row, column, parent)
                if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                    return index
            if _has_children(view, model.index(row, 0, parent)):
                indexes.append(model.index(row, 0, parent))
    return None


def check_editor(view: QAbstractItemView, add: Add) -> None:
    """Create the delegate's editor for the first editable cell and read its name."""
    index = _editable_index(view)
    if index is None:
        return
    delegate = view.itemDelegateForIndex(index)
    option = QStyleOptionViewItem()
    editor = delegate.createEditor(view.viewport(), option, index)
    if editor is None:
        return
    try:
        delegate.setEditorData(editor, index)
        text = editor.accessibleName().strip()
        header = _header(view, index.column()).strip()
        if not text:
            add("editor-unnamed", view, "편집기(F2)에 접근 가능한 이름이 없습니다")
        elif header and header not in text:
            add("editor-unnamed", view, f"편집기 이름 {text!r}에 열 이름 {header!r}이 없습니다")
    finally:
        editor.hide()
        editor.deleteLater()


def check_row_headers(view: QAbstractItemView, add: Add) -> None:
    if not isinstance(view, QTableView):
        return  # (a hidden vertical header still gives screen readers the row headers)
    model = view.model()
    if model is None:
        return
    for row in range(min(model.rowCount(), _SCAN_ROWS)):
        text = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
        if _NUMBER.fullmatch(str(text if text is not None else "")):
            add("numbered-row-headers", view, "행 머리글이 번호뿐입니다 (row headers are numbers)")
            return


def check_colour_only(view: QAbstractItemView, add: Add) -> None:
    model = view.model()
    if model is None:
        return
    marks = (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
    )
    indexes: list[QModelIndex] = [QModelIndex()]
    scanned = 0
    while indexes and scanned < _SCAN_ROWS:
        parent = indexes.pop(0)
        for row in range(min(model.rowCount(parent), _SCAN_ROWS)):
            scanned += 1
            for column in range(_columns(view, parent)):
                index = model.index(row, column, parent)
                if not any(index.data(role) is not None for role in marks):
                    continue
                shown = index.data(Qt.ItemDataRole.DisplayRole)
                spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
                if not str(shown or "").strip() and not str(spoken or "").strip():
                    add(
                        "colour-only",
                        view,
                        f"{row + 1}행 {column + 1}열이 색이나 아이콘으로만 표시됩니다",
                    )
                    return
            if _has_children(view, model.index(row, 0, parent)):
                indexes.append(model.index(row, 0, parent))


def check_picture_label(label: QLabel, add: Add) -> None:
    has_picture = label.pixmap() is not None and not label.pixmap().isNull()
    if has_picture and not label.text().strip() and not label.accessibleName().strip():
        add("colour-only", label, "그림만 있는 레이블에 이름이 없습니다")


def check_window_title(root: QWidget, add: Add) -> None:
    title = root.windowTitle().strip()
    if not root.isWindow() or not title or not root.isVisible():
        return
    for other in QApplication.topLevelWidgets():
        if other is not root and other.isVisible() and other.windowTitle().strip() == title:
            add("duplicate-window-title", root, f"창 제목 {title!r}이(가) 다른 창과 같습니다")
            return


def _interactive(widget: QWidget, root: QWidget) -> bool:
    if not widget.isVisibleTo(root) or not widget.isEnabled():
        return False
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        return False
    current: QWidget | None = widget
    while current is not None and current is not root:
        if is_internal_name(current.objectName()):
            return False
        parent = current.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return False  # their line edits take focus through the box
        current = parent
    return True


def is_internal_name(object_name: str) -> bool:
    """Qt's own children ("qt_spinbox_lineedit"); a scroll area's viewport holds real
    controls and is not one of them."""
    return object_name.startswith("qt_") and object_name != "qt_scrollarea_viewport"


def tab_order(root: QWidget, limit: int = 400) -> tuple[list[QWidget], bool]:
    """Press Tab from the first interactive control; the controls visited and whether Tab
    came back to the first one. Focus is put back afterwards."""
    controls = [w for w in root.findChildren(QWidget) if _interactive(w, root)]
    if not controls:
        return [], True
    window = root.window()
    before = window.focusWidget()
    start = next((w for w in _chain(root) if w in controls), controls[0])
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = [start]
    stuck: list[QWidget] = []
    returned = False
    for _ in range(limit):
        current = window.focusWidget() or start
        QTest.keyClick(current, Qt.Key.Key_Tab)
        now = window.focusWidget()
        if now is start:  # back at the start (or the only control: Tab stays on it)
            returned = True
            break
        if now is None or now is current:
            stuck.append(current)
            break  # Tab did nothing: focus is stuck
        if root.isAncestorOf(now) and now not in visited:
            visited.append(now)
        elif not root.isAncestorOf(now) and root is not window:
            returned = True  # Tab left the audited part of a larger window: no trap
            break
    if before is not None:
        before.setFocus(Qt.FocusReason.OtherFocusReason)
    if stuck:
        visited.append(stuck[0])  # the last one, where Tab stopped moving
    return visited, returned


def _chain(root: QWidget) -> list[QWidget]:
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and len(chain) < 2000:
        if root.isAncestorOf(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def check_tab_order(root: QWidget, add: Add) -> None:
    if not root.isVisible():
        return
    controls = [w for w in root.findChildren(QWidget) if _interactive(w, root)]
    visited, returned = tab_order(root)
    seen = {id(w) for w in visited}
    for control in controls:
        if id(control) not in seen:
            add("tab-unreached", control, "Tab 키로 이 컨트롤에 갈 수 없습니다")
    if controls and not returned:
        last = visited[-1] if visited else root
        add(
            "tab-no-return",
            root,
            f"Tab 키가 처음 컨트롤로 돌아오지 않습니다 (keyboard trap at {type(last).__name__}"
            f"#{last.objectName()})",
        )
