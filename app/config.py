"""Client configuration: every setting declared once, read from layers, first found wins.

Order (ARCHITECTURE.md §1): environment (``HOJO_<NAME>``) → policy (Windows
``HKLM\\SOFTWARE\\Policies\\Hojo\\Desk``) → machine-wide (Windows ``HKLM\\SOFTWARE\\Hojo\\Desk``
written by the installer, or ``/etc/hojo/config.ini`` then ``/etc/hojo/config.d/*.ini`` in
sorted order, a later file overriding an earlier one) → the user's ``settings.ini`` →
the declared default. The client writes only the user's file (:meth:`Config.set_user`).

Ini files use one section, ``[hojo]``, with the setting names as keys::

    [hojo]
    server_url = https://hojo.example.go.kr
    high_contrast = on

An empty value counts as "not set here". A value that cannot be read (wrong type, outside
the range) is skipped with a note in :attr:`Config.problems`, and the next layer decides.
Pure Python (no PySide6): services may use it. User-visible texts are Korean source
strings marked with ``N_`` and translated by the views with ``app.i18n.tr``.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from app.paths import AppPaths

log = logging.getLogger(__name__)

SettingValue = str | int | bool
RawValue = str | int
RegistryReader = Callable[[str], Mapping[str, RawValue]]

INI_SECTION = "hojo"
ENV_PREFIX = "HOJO_"
POLICY_KEY = r"SOFTWARE\Policies\Hojo\Desk"
MACHINE_KEY = r"SOFTWARE\Hojo\Desk"

_TRUE = frozenset({"1", "true", "yes", "on", "예"})
_FALSE = frozenset({"0", "false", "no", "off", "아니오"})


def N_(text: str) -> str:
    """Mark a Korean source string for translation (extracted by lupdate); returns it."""
    return text


@dataclass(frozen=True)
class Setting:
    """One declared setting: name, type, default, Korean description, allowed values."""

    name: str
    type: type[str] | type[int] | type[bool]
    default: SettingValue
    description: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    url: bool = False  # must be http(s)://… when not empty
    aliases: tuple[tuple[str, str], ...] = ()  # other words read as a choice ("true" → "on")

    @property
    def env_name(self) -> str:
        return ENV_PREFIX + self.name.upper()

    def parse(self, raw: RawValue) -> SettingValue:
        """Read a value from a file, the registry or the environment; ValueError if bad."""
        if self.type is bool:
            if isinstance(raw, int):
                return bool(raw)
            word = raw.strip().lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise ValueError(f"참/거짓 값이 아닙니다: {raw!r}")
        if self.type is int:
            try:
                number = raw if isinstance(raw, int) else int(raw.strip())
            except ValueError:
                raise ValueError(f"정수가 아닙니다: {raw!r}") from None
            return self.check(number)
        text = str(raw).strip()
        return self.check(dict(self.aliases).get(text.lower(), text))

    def check(self, value: object) -> SettingValue:
        """The value itself if it fits the declaration; ValueError (Korean text) if not."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{self.name}: 참/거짓 값이어야 합니다")
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.name}: 정수여야 합니다")
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.name}: {self.minimum} 이상이어야 합니다")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.name}: {self.maximum} 이하여야 합니다")
            return value
        if not isinstance(value, str):
            raise ValueError(f"{self.name}: 문자열이어야 합니다")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name}: {', '.join(self.choices)} 중 하나여야 합니다")
        if self.url and value and not value.startswith(("https://", "http://")):
            raise ValueError(f"{self.name}: http:// 또는 https://로 시작해야 합니다")
        return value

    def serialize(self, value: SettingValue) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)


# high_contrast was true/false before 자동 existed: those words (and a policy's DWORD 1/0)
# keep meaning 켬/끔; the ADMX writes DWORD 2 for 자동. Korean words are read too.
_CONTRAST_ALIASES = (
    *((word, "on") for word in sorted(_TRUE | {"켬"})),
    *((word, "off") for word in sorted(_FALSE | {"끔"})),
    ("2", "auto"),
    ("자동", "auto"),
)


def _declare(*settings: Setting) -> dict[str, Setting]:
    return {s.name: s for s in settings}


SETTINGS: dict[str, Setting] = _declare(
    Setting(
        "server_url", str, "", N_("서버 주소. 어디에도 없으면 데모 서버를 띄웁니다."), url=True
    ),
    Setting("ca_bundle", str, "", N_("운영체제 인증서와 함께 신뢰할 인증서 파일(PEM) 경로.")),
    Setting("proxy", str, "", N_("프록시 서버 주소. 비워 두면 시스템 설정을 따릅니다."), url=True),
    Setting(
        "language", str, "ko", N_("화면 언어: ko(한국어) 또는 en(영어)."), choices=("ko", "en")
    ),
    Setting("remember_me", bool, False, N_("로그인 상태 유지 (갱신 토큰만 키링에 보관).")),
    Setting("session_warning_minutes", int, 2, N_("세션 종료 몇 분 전에 알릴지(분)."), 1, 30),
    Setting("font_scale", int, 100, N_("글자 크기 배율(%), 100에서 200까지."), 100, 200),
    Setting(
        "high_contrast",
        str,
        "auto",
        N_("고대비 화면: 자동(운영체제의 고대비 설정을 따름), 켬 또는 끔."),
        choices=("auto", "on", "off"),
        aliases=_CONTRAST_ALIASES,
    ),
    Setting("request_timeout_seconds", int, 30, N_("서버 응답을 기다리는 시간(초)."), 5, 300),
)


class SourceKind(Enum):
    ENVIRONMENT = "environment"
    POLICY = "policy"
    MACHINE = "machine"
    USER = "user"
    DEFAULT = "default"


_SOURCE_LABELS = {
    SourceKind.ENVIRONMENT: N_("환경 변수"),
    SourceKind.POLICY: N_("정책"),
    SourceKind.MACHINE: N_("컴퓨터 전체 설정 ({location})"),
    SourceKind.USER: N_("사용자 설정"),
    SourceKind.DEFAULT: N_("기본값"),
}


@dataclass(frozen=True)
class Source:
    """Where a value came from: the layer and, when known, the variable, key or file."""

    kind: SourceKind
    location: str = ""

    def label(self, translate: Callable[[str], str] = N_) -> str:
        """Korean label for the settings dialog; views pass ``app.i18n.tr``."""
        return translate(_SOURCE_LABELS[self.kind]).format(location=self.location)


@dataclass
class Layer:
    """Raw values of one configuration layer: name → (raw value, location)."""

    kind: SourceKind
    values: dict[str, tuple[RawValue, str]] = field(default_factory=dict)

    def lookup(self, name: str) -> tuple[RawValue, str] | None:
        found = self.values.get(name)
        if found is None or (isinstance(found[0], str) and not found[0].strip()):
            return None
        return found


def read_windows_registry(key_path: str) -> dict[str, RawValue]:
    """Values under ``HKLM\\<key_path>`` (REG_SZ, REG_EXPAND_SZ, REG_DWORD); {} elsewhere."""
    if sys.platform != "win32":
        return {}
    import winreg

    values: dict[str, RawValue] = {}
    access = winreg.KEY_READ | winreg.KEY_WOW64_64KEY
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path, 0, access)
    except OSError:
        return values
    with key:
        index = 0
        while True:
            try:
                name, data, kind = winreg.EnumValue(key, index)
            except OSError:
                break
            index += 1
            if kind == winreg.REG_DWORD:
                values[name] = int(data)
            elif kind == winreg.REG_EXPAND_SZ:
                values[name] = winreg.ExpandEnvironmentStrings(str(data))
            elif kind == winreg.REG_SZ:
                values[name] = str(data)
    return values


def _read_ini(path: Path, problems: list[str]) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8-sig") as stream:
            parser.read_file(stream)
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        problems.append(f"{path}: 읽을 수 없습니다 ({error})")
        return {}
    if not parser.has_section(INI_SECTION):
        return {}
    return dict(parser.items(INI_SECTION))


class Config:
    """Resolved configuration of one run. Values are re-resolved on each call (cheap)."""

    def __init__(self, layers: Sequence[Layer], paths: AppPaths, problems: list[str]) -> None:
        self._layers = list(layers)
        self.paths = paths
        self.problems = problems
        self._user = next(layer for layer in self._layers if layer.kind is SourceKind.USER)

    @classmethod
    def load(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        paths: AppPaths | None = None,
        registry_reader: RegistryReader = read_windows_registry,
    ) -> Config:
        env = os.environ if environ is None else environ
        paths = paths or AppPaths.from_environ(env)
        problems: list[str] = []

        environment = Layer(SourceKind.ENVIRONMENT)
        for setting in SETTINGS.values():
            if setting.env_name in env:
                environment.values[setting.name] = (env[setting.env_name], setting.env_name)

        policy = Layer(SourceKind.POLICY)
        machine = Layer(SourceKind.MACHINE)
        for layer, key in ((policy, POLICY_KEY), (machine, MACHINE_KEY)):
            for name, raw in registry_reader(key).items():
                if name in SETTINGS:  # the installer may keep its own values there too
                    layer.values[name] = (raw, f"HKLM\\{key}")
        registry_machine = dict(machine.values)
        for path in paths.system_config_files():
            for name, raw in _read_ini(path, problems).items():
                if name not in registry_machine:  # the installer's registry value comes first
                    cls._add(machine, name, raw, str(path), problems)

        user = Layer(SourceKind.USER)
        user_file = paths.user_settings_file
        if user_file.is_file():
            for name, raw in _read_ini(user_file, problems).items():
                cls._add(user, name, raw, str(user_file), problems)
        return cls([environment, policy, machine, user], paths, problems)

    @staticmethod
    def _add(layer: Layer, name: str, raw: RawValue, location: str, problems: list[str]) -> None:
        if name not in SETTINGS:
            problems.append(f"{location}: 알 수 없는 설정 {name!r}")
            return
        layer.values[name] = (raw, location)

    # --- reading -----------------------------------------------------------------------------
    def _resolve(self, name: str) -> tuple[SettingValue, Source]:
        setting = SETTINGS[name]  # KeyError for an undeclared name is a programming error
        for layer in self._layers:
            found = layer.lookup(name)
            if found is None:
                continue
            raw, location = found
            try:
                return setting.parse(raw), Source(layer.kind, location)
            except ValueError as error:
                note = f"{location}: {error} — 무시합니다"
                if note not in self.problems:
                    log.warning("%s", note)
                    self.problems.append(note)
        return setting.default, Source(SourceKind.DEFAULT)

    def value(self, name: str) -> SettingValue:
        return self._resolve(name)[0]

    def text(self, name: str) -> str:
        value = self.value(name)
        if not isinstance(value, str):
            raise TypeError(f"{name} is not a text setting")
        return value

    def flag(self, name: str) -> bool:
        value = self.value(name)
        if not isinstance(value, bool):
            raise TypeError(f"{name} is not a true/false setting")
        return value

    def number(self, name: str) -> int:
        value = self.value(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} is not a whole-number setting")
        return value

    def origin(self, name: str) -> Source:
        return self._resolve(name)[1]

    def source(self, name: str, translate: Callable[[str], str] = N_) -> str:
        """Where the value came from, as the settings dialog shows it ("환경 변수" ...)."""
        return self.origin(name).label(translate)

    def user_can_change(self, name: str) -> bool:
        """False when the environment, a policy or a machine-wide setting decides the value."""
        return self.origin(name).kind in (SourceKind.USER, SourceKind.DEFAULT)

    def demo_mode_applies(self) -> bool:
        """True only when no layer configures a server address."""
        return not self.text("server_url")

    # --- writing: the user's file only -------------------------------------------------------
    def set_user(self, name: str, value: SettingValue) -> None:
        setting = SETTINGS[name]
        checked = setting.check(value)
        self._write_user({name: setting.serialize(checked)})

    def reset_user(self, name: str) -> None:
        """Remove the user's own value, so the next layer (or the default) applies."""
        if name not in SETTINGS:
            raise KeyError(name)
        self._write_user({name: None})

    def _write_user(self, changes: Mapping[str, str | None]) -> None:
        path = self.paths.user_settings_file
        parser = configparser.ConfigParser(interpolation=None)
        if path.is_file():
            parser.read(path, encoding="utf-8-sig")
        if not parser.has_section(INI_SECTION):
            parser.add_section(INI_SECTION)
        for name, text in changes.items():
            if text is None:
                parser.remove_option(INI_SECTION, name)
                self._user.values.pop(name, None)
            else:
                parser.set(INI_SECTION, name, text)
                self._user.values[name] = (text, str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write a temporary file beside it, then replace: a crash never leaves half a file.
        fd, temp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                parser.write(stream)
            os.replace(temp_name, path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
