"""Configuration layers: environment → policy → machine-wide → user → default."""

from __future__ import annotations

import ast
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from app.config import (
    MACHINE_KEY,
    POLICY_KEY,
    SETTINGS,
    Config,
    RawValue,
    SourceKind,
)
from app.paths import AppPaths

APP_DIR = Path(__file__).resolve().parents[2] / "app"


def no_registry(_key: str) -> Mapping[str, RawValue]:
    return {}


@pytest.fixture
def dirs(tmp_path: Path) -> dict[str, str]:
    """A private data folder and machine-wide folder for each test."""
    data = tmp_path / "data"
    system = tmp_path / "etc-hojo"
    system.mkdir()
    return {"HOJO_DATA_DIR": str(data), "HOJO_SYSTEM_CONFIG_DIR": str(system)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(env: Mapping[str, str], registry: dict[str, dict[str, RawValue]] | None = None) -> Config:
    reader = (lambda key: (registry or {}).get(key, {})) if registry is not None else no_registry
    return Config.load(env, registry_reader=reader)


def test_defaults_when_nothing_is_configured(dirs: dict[str, str]) -> None:
    config = load(dirs)
    for name, setting in SETTINGS.items():
        assert config.value(name) == setting.default
        assert config.origin(name).kind is SourceKind.DEFAULT
        assert config.source(name) == "기본값"
    assert config.demo_mode_applies()
    assert config.problems == []


def test_every_setting_is_declared_with_a_korean_description() -> None:
    for setting in SETTINGS.values():
        assert any("가" <= ch <= "힣" for ch in setting.description), setting.name
        assert setting.check(setting.default) == setting.default
    assert {
        "server_url",
        "ca_bundle",
        "proxy",
        "language",
        "remember_me",
        "session_warning_minutes",
        "font_scale",
        "high_contrast",
    } <= set(SETTINGS)


def test_layer_order_first_found_wins(dirs: dict[str, str]) -> None:
    system = Path(dirs["HOJO_SYSTEM_CONFIG_DIR"])
    write(
        system / "config.ini",
        "[hojo]\nserver_url = https://machine.example\nproxy = http://m:1\n"
        "font_scale = 150\nlanguage = en\n",
    )
    user = load(dirs)
    user.set_user("server_url", "https://user.example")
    user.set_user("font_scale", 120)
    user.set_user("high_contrast", "on")
    registry: dict[str, dict[str, RawValue]] = {
        POLICY_KEY: {"proxy": "http://policy:8080", "language": "ko"}
    }
    env = {**dirs, "HOJO_SERVER_URL": "https://env.example"}
    config = load(env, registry)

    assert config.value("server_url") == "https://env.example"
    assert config.source("server_url") == "환경 변수"
    assert config.origin("server_url").location == "HOJO_SERVER_URL"
    assert config.value("proxy") == "http://policy:8080"
    assert config.source("proxy") == "정책"
    assert config.value("language") == "ko"  # policy beats the machine-wide "en"
    assert config.value("font_scale") == 150
    assert config.source("font_scale") == f"컴퓨터 전체 설정 ({system / 'config.ini'})"
    assert config.text("high_contrast") == "on"
    assert config.source("high_contrast") == "사용자 설정"
    assert config.source("remember_me") == "기본값"
    assert not config.user_can_change("font_scale")
    assert config.user_can_change("high_contrast")
    assert config.user_can_change("remember_me")


def test_dropins_in_sorted_order_override_config_ini(dirs: dict[str, str]) -> None:
    system = Path(dirs["HOJO_SYSTEM_CONFIG_DIR"])
    write(system / "config.ini", "[hojo]\nfont_scale = 110\nproxy = http://main:1\n")
    write(system / "config.d" / "20-late.ini", "[hojo]\nfont_scale = 130\n")
    write(system / "config.d" / "10-early.ini", "[hojo]\nfont_scale = 120\nhigh_contrast = yes\n")
    write(system / "config.d" / "notes.txt", "[hojo]\nfont_scale = 200\n")
    config = load(dirs)
    assert config.value("font_scale") == 130
    assert config.origin("font_scale").location == str(system / "config.d" / "20-late.ini")
    assert config.value("high_contrast") == "on"  # the old true/false still reads
    assert config.value("proxy") == "http://main:1"


def test_windows_machine_registry_is_read_after_policy(dirs: dict[str, str]) -> None:
    registry: dict[str, dict[str, RawValue]] = {
        MACHINE_KEY: {
            "server_url": "https://installer.example",
            "font_scale": 140,
            "InstallDir": r"C:\Program Files\Hojo",
        },
        POLICY_KEY: {"high_contrast": 1},
    }
    config = load(dirs, registry)
    assert config.value("server_url") == "https://installer.example"
    assert config.source("server_url") == "컴퓨터 전체 설정 (HKLM\\SOFTWARE\\Hojo\\Desk)"
    assert config.value("font_scale") == 140  # a REG_DWORD
    assert config.value("high_contrast") == "on"  # the old policy's DWORD 1
    assert config.source("high_contrast") == "정책"
    assert not config.demo_mode_applies()
    assert config.problems == []  # the installer's own values are not settings, and not errors


def test_demo_mode_only_when_no_layer_has_a_server(dirs: dict[str, str]) -> None:
    assert load(dirs).demo_mode_applies()
    assert load({**dirs, "HOJO_SERVER_URL": ""}).demo_mode_applies()  # empty means unset
    assert not load({**dirs, "HOJO_SERVER_URL": "https://x.example"}).demo_mode_applies()
    write(Path(dirs["HOJO_SYSTEM_CONFIG_DIR"]) / "config.ini", "[hojo]\nserver_url = https://m\n")
    assert not load(dirs).demo_mode_applies()


def test_demo_mode_off_when_only_the_user_configured_a_server(dirs: dict[str, str]) -> None:
    load(dirs).set_user("server_url", "https://mine.example")
    assert not load(dirs).demo_mode_applies()


def test_bad_values_are_skipped_and_reported(dirs: dict[str, str]) -> None:
    write(
        Path(dirs["HOJO_SYSTEM_CONFIG_DIR"]) / "config.ini",
        "[hojo]\nfont_scale = 500\nlanguage = fr\nunknown_key = 1\n",
    )
    env = {**dirs, "HOJO_FONT_SCALE": "크게", "HOJO_HIGH_CONTRAST": "maybe"}
    config = load(env)
    assert config.value("font_scale") == 100
    assert config.value("language") == "ko"
    assert config.value("high_contrast") == "auto"
    text = "\n".join(config.problems)
    for fragment in ("HOJO_FONT_SCALE", "200 이하", "unknown_key", "HOJO_HIGH_CONTRAST", "ko, en"):
        assert fragment in text


def test_set_user_writes_only_the_user_file(dirs: dict[str, str]) -> None:
    system = Path(dirs["HOJO_SYSTEM_CONFIG_DIR"])
    machine_file = write(system / "config.ini", "[hojo]\nproxy = http://m:1\n")
    before = machine_file.read_bytes()
    os.chmod(system, stat.S_IRUSR | stat.S_IXUSR)  # even root's writes would be a bug here
    try:
        config = load(dirs)
        config.set_user("proxy", "http://mine:2")
        config.set_user("session_warning_minutes", 5)
    finally:
        os.chmod(system, stat.S_IRWXU)
    assert machine_file.read_bytes() == before
    assert sorted(p.name for p in system.iterdir()) == ["config.ini"]
    user_file = Path(dirs["HOJO_DATA_DIR"]) / "settings.ini"
    assert "session_warning_minutes = 5" in user_file.read_text(encoding="utf-8")
    assert config.value("proxy") == "http://m:1"  # machine-wide still wins
    assert config.value("session_warning_minutes") == 5
    assert load(dirs).value("session_warning_minutes") == 5  # and it persisted


def test_set_user_validates_and_reset_falls_back(dirs: dict[str, str]) -> None:
    config = load(dirs)
    with pytest.raises(ValueError):
        config.set_user("font_scale", 250)
    with pytest.raises(ValueError):
        config.set_user("language", "fr")
    with pytest.raises(ValueError):
        config.set_user("remember_me", 1)
    with pytest.raises(ValueError):
        config.set_user("server_url", "hojo.example")
    with pytest.raises(KeyError):
        config.set_user("no_such_setting", 1)
    config.set_user("language", "en")
    assert load(dirs).value("language") == "en"
    config.reset_user("language")
    assert config.value("language") == "ko"
    assert load(dirs).source("language") == "기본값"


def test_data_dir_moves_with_hojo_data_dir(tmp_path: Path) -> None:
    paths = AppPaths.from_environ({"HOJO_DATA_DIR": str(tmp_path / "d")})
    assert paths.data_dir == tmp_path / "d"
    for inside in (
        paths.cache_database,
        paths.demo_database,
        paths.log_dir,
        paths.user_settings_file,
    ):
        assert inside.is_relative_to(tmp_path / "d")
    paths.ensure_data_dirs()
    assert paths.cache_dir.is_dir() and paths.demo_dir.is_dir() and paths.log_dir.is_dir()


def test_default_folders_are_per_user_and_per_platform() -> None:
    paths = AppPaths.from_environ({})
    home = Path.home()
    assert paths.data_dir.is_relative_to(home)
    assert paths.user_settings_file.is_relative_to(home)
    if sys.platform == "win32":
        assert paths.system_config_dir is None
    else:
        assert paths.system_config_dir == Path("/etc/hojo")


def test_config_and_paths_do_not_import_qt() -> None:
    for module in ("config.py", "paths.py"):
        tree = ast.parse((APP_DIR / module).read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        assert not any(name.startswith(("PySide6", "shiboken6")) for name in imported), module


def test_every_setting_name_used_in_app_is_declared() -> None:
    """Picard's check_settings idea: .value("x"), .set_user("x") ... name declared settings."""
    calls = {
        "value",
        "text",
        "flag",
        "number",
        "origin",
        "source",
        "set_user",
        "reset_user",
        "user_can_change",
    }
    used: set[str] = set()
    for path in APP_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in calls
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.islower()
                and " " not in node.args[0].value
            ):
                used.add(node.args[0].value)
    assert used - set(SETTINGS) == set()
