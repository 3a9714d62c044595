"""Where the client keeps things on disk. Pure Python (no PySide6), so services can use it.

- The user's **data folder** holds the local cache, the demo database and logs. It is
  ``HOJO_DATA_DIR`` when set, otherwise the platform's per-user data folder
  (``%LOCALAPPDATA%\\Hojo\\hojo-desk`` on Windows, ``~/.local/share/hojo-desk`` on Linux,
  ``~/Library/Application Support/hojo-desk`` on macOS, through platformdirs).
- The user's **settings file** (the only configuration file the client writes) is
  ``settings.ini`` in the platform's per-user config folder — or inside ``HOJO_DATA_DIR``
  when that is set, so tests and several users on one PC never share state by accident.
- The **machine-wide folder** (read only, written by administrators) is ``/etc/hojo`` on
  Linux and macOS; ``HOJO_SYSTEM_CONFIG_DIR`` replaces it (tests). On Windows the installer
  writes the registry instead (see app.config).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "hojo-desk"
APP_AUTHOR = "Hojo"

DATA_DIR_ENV = "HOJO_DATA_DIR"
SYSTEM_CONFIG_DIR_ENV = "HOJO_SYSTEM_CONFIG_DIR"

DEFAULT_SYSTEM_CONFIG_DIR = Path("/etc/hojo")
SYSTEM_CONFIG_FILE = "config.ini"
SYSTEM_CONFIG_DROPIN_DIR = "config.d"
USER_SETTINGS_FILE = "settings.ini"


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


# Names inside the user's data folder: the one place they are spelled (services use them too).
CACHE_FOLDER = "cache"
CACHE_FILE = "cache.sqlite3"
DEMO_FOLDER = "demo"
DEMO_DATABASE_FILE = "demo.sqlite3"
LOG_FOLDER = "logs"


def cache_database_in(data_dir: Path) -> Path:
    """The local cache (drafts, outbox, read cache) of a data folder."""
    return data_dir / CACHE_FOLDER / CACHE_FILE


@dataclass(frozen=True)
class AppPaths:
    """The folders of one run of the client, resolved once from the environment."""

    data_dir: Path
    user_config_dir: Path
    system_config_dir: Path | None  # None on Windows unless HOJO_SYSTEM_CONFIG_DIR is set

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        env = _env(environ)
        custom_data = env.get(DATA_DIR_ENV, "").strip()
        if custom_data:
            data_dir = Path(custom_data).expanduser()
            user_config_dir = data_dir
        else:
            data_dir = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
            user_config_dir = Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
        custom_system = env.get(SYSTEM_CONFIG_DIR_ENV, "").strip()
        system_dir: Path | None
        if custom_system:
            system_dir = Path(custom_system).expanduser()
        elif sys.platform == "win32":
            system_dir = None
        else:
            system_dir = DEFAULT_SYSTEM_CONFIG_DIR
        return cls(data_dir=data_dir, user_config_dir=user_config_dir, system_config_dir=system_dir)

    # --- the user's data folder -------------------------------------------------------------
    @property
    def cache_dir(self) -> Path:
        return self.data_dir / CACHE_FOLDER

    @property
    def cache_database(self) -> Path:
        return cache_database_in(self.data_dir)

    @property
    def demo_dir(self) -> Path:
        return self.data_dir / DEMO_FOLDER

    @property
    def demo_database(self) -> Path:
        return self.demo_dir / DEMO_DATABASE_FILE

    @property
    def log_dir(self) -> Path:
        return self.data_dir / LOG_FOLDER

    # --- configuration files ----------------------------------------------------------------
    @property
    def user_settings_file(self) -> Path:
        return self.user_config_dir / USER_SETTINGS_FILE

    def system_config_files(self) -> list[Path]:
        """``config.ini`` then ``config.d/*.ini`` in sorted order (later files win)."""
        if self.system_config_dir is None:
            return []
        files: list[Path] = []
        main = self.system_config_dir / SYSTEM_CONFIG_FILE
        if main.is_file():
            files.append(main)
        dropins = self.system_config_dir / SYSTEM_CONFIG_DROPIN_DIR
        if dropins.is_dir():
            files.extend(sorted(p for p in dropins.glob("*.ini") if p.is_file()))
        return files

    def ensure_data_dirs(self) -> None:
        """Create the user's data folders (never a machine-wide one)."""
        for folder in (self.data_dir, self.cache_dir, self.demo_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
