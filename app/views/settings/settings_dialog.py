"""Settings: each setting's value and where it came from (``Config.source``).

Values set by the environment, a policy or the machine-wide configuration are shown in
read-only fields (still focusable, so a screen reader can read them) with the reason; the
dialog writes only the user's own settings file (``Config.set_user`` / ``reset_user``). Each
field's accessible description carries the setting's explanation and its source.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.a11y import announce, buddy, identify, name, set_tab_order
from app.config import SETTINGS, Config, Setting, SettingValue
from app.i18n import N_, tr
from app.views.auth import window_title
from app.views.auth.fields import clear_error, error_label, show_error

LABELS = {
    "server_url": N_("서버 주소(&S):"),
    "ca_bundle": N_("추가 인증서 파일(&C):"),
    "proxy": N_("프록시(&P):"),
    "language": N_("화면 언어(&L):"),
    "remember_me": N_("로그인 상태 유지(&R)"),
    "session_warning_minutes": N_("세션 종료 알림(분)(&W):"),
    "font_scale": N_("글자 크기(%)(&F):"),
    "high_contrast": N_("고대비 화면(&H):"),
    "request_timeout_seconds": N_("응답 대기 시간(초)(&T):"),
}
CHOICE_NAMES = {
    "language": {"ko": N_("한국어"), "en": N_("영어")},
    "high_contrast": {"auto": N_("자동(운영체제 설정을 따름)"), "on": N_("켬"), "off": N_("끔")},
}

Editor = QLineEdit | QCheckBox | QSpinBox | QComboBox


def _identifier(setting: Setting) -> str:
    return "setting_" + setting.name


def choice_text(setting: Setting, value: SettingValue) -> str:
    """A choice as the dialog shows it ("켬"), or the value itself."""
    names = CHOICE_NAMES.get(setting.name, {})
    return tr(names[value]) if isinstance(value, str) and value in names else str(value)


class SettingsDialog(QDialog):
    def __init__(self, config: Config, *, demo: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.config = config
        self.setObjectName("settingsDialog")
        self.setAccessibleIdentifier("settingsDialog")
        self.setWindowTitle(window_title(tr("설정"), demo))
        self.editors: dict[str, Editor] = {}
        self.sources: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        intro = QLabel(
            tr("여기서 바꾼 값은 이 사용자의 설정 파일에만 저장됩니다: {path}").format(
                path=config.paths.user_settings_file
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for row, setting in enumerate(SETTINGS.values()):
            self._add_row(grid, row * 2, setting)
        self.ok_button = QPushButton(tr("저장(&O)"), self)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(tr("취소"), self)
        name(self.ok_button, self.ok_button.text(), None, "settingsOk")
        name(self.cancel_button, self.cancel_button.text(), None, "settingsCancel")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        set_tab_order([*self.editors.values(), self.ok_button, self.cancel_button])

    def source_text(self, setting_name: str) -> str:
        text = tr("출처: {source}").format(source=self.config.source(setting_name, tr))
        if not self.config.user_can_change(setting_name):
            text += " — " + tr("관리자가 정한 값이라 여기서 바꿀 수 없습니다")
        return text

    def _add_row(self, grid: QGridLayout, row: int, setting: Setting) -> None:
        value = self.config.value(setting.name)
        editor = self._editor(setting, value)
        source = QLabel(self.source_text(setting.name), self)
        identify(source, _identifier(setting) + "_source")
        description = f"{tr(setting.description)} {source.text()}"
        text = tr(LABELS.get(setting.name, setting.name))
        if isinstance(editor, QCheckBox):
            editor.setText(text)
            name(editor, text, description, _identifier(setting))
        else:
            label = QLabel(text, self)
            buddy(label, editor, description, _identifier(setting))
            grid.addWidget(label, row, 0)
        editor.setProperty("hojo_base_description", description)
        grid.addWidget(editor, row, 1)
        grid.addWidget(source, row, 2)
        self.errors[setting.name] = error_label(_identifier(setting) + "_error", self)
        grid.addWidget(self.errors[setting.name], row + 1, 1, 1, 2)
        self.editors[setting.name] = editor
        self.sources[setting.name] = source

    def _editor(self, setting: Setting, value: SettingValue) -> Editor:
        if not self.config.user_can_change(setting.name):
            if setting.type is bool:
                shown = tr("예") if value else tr("아니오")
            elif setting.choices:
                shown = choice_text(setting, value)
            else:
                shown = setting.serialize(value)
            locked = QLineEdit(shown, self)
            locked.setReadOnly(True)
            return locked
        if setting.type is bool:
            box = QCheckBox(self)
            box.setChecked(bool(value))
            return box
        if setting.type is int:
            spin = QSpinBox(self)
            spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
            spin.setValue(int(value))
            return spin
        if setting.choices:
            combo = QComboBox(self)
            for choice in setting.choices:
                combo.addItem(choice_text(setting, choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        return QLineEdit(str(value), self)

    def _value(self, editor: Editor) -> SettingValue:
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return str(editor.currentData())
        return editor.text().strip()

    def save(self) -> None:
        """Write the values the user changed to the user layer; errors tied to their field."""
        changed: list[tuple[Setting, SettingValue]] = []
        for setting_name, editor in self.editors.items():
            clear_error(editor, self.errors[setting_name])
            if not self.config.user_can_change(setting_name):
                continue
            setting = SETTINGS[setting_name]
            value = self._value(editor)
            if value == self.config.value(setting_name):
                continue
            try:
                setting.check(value)
            except ValueError as error:
                show_error(editor, self.errors[setting_name], tr(str(error)))
                return
            changed.append((setting, value))
        for setting, value in changed:
            if value == setting.default or value == "":
                self.config.reset_user(setting.name)
            else:
                self.config.set_user(setting.name, value)
        from PySide6.QtWidgets import QApplication

        from app.a11y.theme import reapply_config

        app = QApplication.instance()
        reapply_config(app if isinstance(app, QApplication) else None, self.config)
        announce(self, tr("설정을 저장했습니다. 일부 설정은 다시 시작하면 적용됩니다."))
        self.accept()
