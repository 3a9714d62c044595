"""``hojo --diagnose``: one archive with versions, configuration and its sources, the
connectivity check and recent logs — and none of the secrets planted in config, logs and cache.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from app.config import Config
from app.diagnose import REDACTED, main, redact, write_archive
from app.paths import AppPaths

TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vLTQyIn0.c2lnbmF0dXJlLXRva2Vu"
OPAQUE = "rT9xQ2mZ8vB4nK7pL1sD6fG3hJ5wE0yU"  # a 32-character refresh token
PASSWORD = "Gwangju!Secret2026"
ACCOUNT = "110-432-987654"
ACCOUNT_PLAIN = "3333041234567"
RRN = "800101-1234567"
SECRETS = [TOKEN, OPAQUE, PASSWORD, ACCOUNT, ACCOUNT_PLAIN, RRN, "proxyuser", "proxypass"]


@pytest.fixture
def planted(tmp_path: Path) -> Config:
    data = tmp_path / "data"
    system = tmp_path / "etc"
    (system / "config.d").mkdir(parents=True)
    (system / "config.ini").write_text(
        "[hojo]\nserver_url = https://127.0.0.1:9/\nlanguage = ko\n", encoding="utf-8"
    )
    # a proxy with credentials and an unknown key holding a password
    (system / "config.d" / "90-local.ini").write_text(
        f"[hojo]\nproxy = http://proxyuser:proxypass@proxy.example.go.kr:8080\n"
        f"password = {PASSWORD}\n",
        encoding="utf-8",
    )
    logs = data / "logs"
    logs.mkdir(parents=True)
    (logs / "hojo.log").write_text(
        f"2026-11-26 09:00:01 INFO login ok access_token={TOKEN}\n"
        f"2026-11-26 09:00:02 DEBUG Authorization: Bearer {TOKEN}\n"
        f'2026-11-26 09:00:03 DEBUG {{"password": "{PASSWORD}", "refresh_token": "{OPAQUE}"}}\n'
        f"2026-11-26 09:00:04 INFO 지급명령 계좌 {ACCOUNT} 예금주 홍길동\n"
        f"2026-11-26 09:00:05 INFO 채주 계좌번호 {ACCOUNT_PLAIN} 주민등록번호 {RRN}\n"
        f"2026-11-26 09:00:06 INFO refresh {OPAQUE}\n",
        encoding="utf-8",
    )
    (logs / "demo-server.log").write_text(f"seed password {PASSWORD}\n", encoding="utf-8")
    cache = data / "cache"
    cache.mkdir()
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        db.execute("CREATE TABLE drafts (body TEXT)")
        db.execute("INSERT INTO drafts VALUES (?)", (f"{ACCOUNT} {PASSWORD} {TOKEN}",))
    (data / "settings.ini").write_text("[hojo]\nfont_scale = 125\n", encoding="utf-8")
    paths = AppPaths(data_dir=data, user_config_dir=data, system_config_dir=system)
    return Config.load({}, paths=paths, registry_reader=lambda _key: {})


def _archive_text(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_archive_has_versions_configuration_connectivity_and_logs(
    planted: Config, tmp_path: Path
) -> None:
    out = write_archive(tmp_path / "out" / "diag.zip", planted)
    files = _archive_text(out)
    assert {"summary.txt", "versions.json", "configuration.json", "connectivity.json"} <= set(files)
    assert "logs/hojo.log" in files and "logs/demo-server.log" in files
    versions = json.loads(files["versions.json"])
    assert versions["python"] and versions["libraries"]["Qt"]
    settings = json.loads(files["configuration.json"])["settings"]
    assert settings["server_url"]["value"] == "https://127.0.0.1:9/"
    assert settings["server_url"]["source"] == "machine"
    assert settings["server_url"]["location"].endswith("config.ini")
    assert settings["font_scale"] == {
        "value": 125,
        "source": "user",
        "location": str(planted.paths.user_settings_file),
        "user_can_change": True,
    }
    assert settings["proxy"]["location"].endswith("90-local.ini")
    conn = json.loads(files["connectivity.json"])
    assert conn["host"] == "127.0.0.1" and conn["ok"] is False  # nothing listens on port 9
    assert "지급명령 계좌" in files["logs/hojo.log"]  # the log lines themselves stay readable
    assert "2026-11-26 09:00:01" in files["logs/hojo.log"]  # dates are not account numbers


def test_no_planted_secret_appears_anywhere_in_the_archive(planted: Config, tmp_path: Path) -> None:
    out = write_archive(tmp_path / "diag.zip", planted)
    raw = out.read_bytes()
    files = _archive_text(out)
    everything = "\n".join(files.values())
    for secret in SECRETS:
        assert secret not in everything, secret
        assert secret.encode() not in raw
    assert REDACTED in files["logs/hojo.log"]
    # the cache is listed by size only, never read
    listing = json.loads(files["data.json"])
    assert any(entry["path"].endswith("cache.sqlite3") for entry in listing)


def test_command_line_writes_the_archive_where_asked(
    planted: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("app.diagnose.Config.load", classmethod(lambda cls: planted))
    target = tmp_path / "cli.zip"
    assert main(["--diagnose", "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert target.is_file()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("정책사업 080-0001 세출 1,234천원", "080-0001"),
        ("버전 0.1.0 at 2026-11-26 12:00:00", "2026-11-26"),
        ("자치단체 3000000", "3000000"),
    ],
)
def test_redaction_keeps_ordinary_codes_and_dates(text: str, kept: str) -> None:
    assert kept in redact(text)
