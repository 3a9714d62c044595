"""The installer sources agree with the client's configuration (app/config.py): the registry
keys and value names the MSI writes and the ADMX sets, the ini section and keys the .deb
writes, the spec's trimming, the systemd unit. Fast: nothing is built here (the CI installer
stage builds and installs, see installer/ci.sh).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.config import INI_SECTION, MACHINE_KEY, POLICY_KEY, SETTINGS, Config
from app.paths import AppPaths
from tests.conftest import PROJECT_ROOT

INSTALLER = PROJECT_ROOT / "installer"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
GP = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"
UPGRADE_CODE = "B9250D50-9906-45F8-A8C1-8F0D93C6B6DC"  # never changes (docs/deployment.md)


def _wxs() -> ET.Element:
    text = (INSTALLER / "windows" / "hojo.wxs").read_text(encoding="utf-8")
    return ET.fromstring(re.sub(r"<\?.*?\?>", "", text))  # drop the preprocessor lines


def test_msi_is_per_machine_x64_with_the_fixed_upgrade_code() -> None:
    product = _wxs().find(f"{WIX}Product")
    assert product is not None
    assert product.get("Id") == "*"  # a new ProductCode per build: every build a major upgrade
    assert product.get("UpgradeCode") == UPGRADE_CODE
    package = product.find(f"{WIX}Package")
    assert package is not None
    assert package.get("InstallScope") == "perMachine" and package.get("Platform") == "x64"
    upgrade = product.find(f"{WIX}MajorUpgrade")
    assert upgrade is not None and upgrade.get("DowngradeErrorMessage")
    assert upgrade.get("Schedule") == "afterInstallValidate"
    assert UPGRADE_CODE in (INSTALLER / "windows" / "build-msi-wixl.sh").read_text()


def test_msi_writes_server_url_where_the_client_reads_it_and_remembers_it() -> None:
    root = _wxs()
    prop = root.find(f".//{WIX}Property[@Id='SERVER_URL']")
    assert prop is not None and prop.get("Secure") == "yes"
    search = prop.find(f"{WIX}RegistrySearch")
    assert search is not None
    values = root.findall(f".//{WIX}RegistryValue[@Value='[SERVER_URL]']")
    assert len(values) == 1
    for element in (search, values[0]):
        assert element.get("Root") == "HKLM"
        assert element.get("Key") == MACHINE_KEY
        assert element.get("Name") == "server_url"
        assert element.get("Win64") in (None, "yes")
    assert "server_url" in SETTINGS
    actions = {c.get("Action") for c in root.iter(f"{WIX}Custom")}
    assert {"SaveCmdLineServerUrl", "SetFromCmdLineServerUrl"} <= actions
    shortcut = root.find(f".//{WIX}Shortcut")
    assert shortcut is not None and shortcut.get("Target") == "[INSTALLDIR]hojo.exe"


def _policies() -> list[ET.Element]:
    admx = ET.parse(INSTALLER / "windows" / "admx" / "hojo.admx").getroot()
    return list(admx.iter(f"{GP}policy"))


def test_admx_sets_the_policy_key_with_the_client_setting_names() -> None:
    policies = _policies()
    assert {p.get("name") for p in policies} == set(SETTINGS)
    for policy in policies:
        assert policy.get("key") == POLICY_KEY
        assert policy.get("class") == "Machine"
        names = {policy.get("valueName")} | {
            e.get("valueName") for e in policy.iter() if e.get("valueName")
        }
        assert names - {None} == {policy.get("name")}


@pytest.mark.parametrize("language", ["ko-KR", "en-US"])
def test_adml_defines_every_string_and_presentation(language: str) -> None:
    admx_text = (INSTALLER / "windows" / "admx" / "hojo.admx").read_text(encoding="utf-8")
    adml = ET.parse(INSTALLER / "windows" / "admx" / language / "hojo.adml").getroot()
    strings = {s.get("id") for s in adml.iter(f"{GP}string")}
    presentations = {p.get("id") for p in adml.iter(f"{GP}presentation")}
    assert set(re.findall(r"\$\(string\.(\w+)\)", admx_text)) <= strings
    assert set(re.findall(r"\$\(presentation\.(\w+)\)", admx_text)) <= presentations
    if language == "ko-KR":
        assert any("서버 주소" in (s.text or "") for s in adml.iter(f"{GP}string"))


def test_deb_dropin_and_conffile_are_read_by_the_client(tmp_path: Path) -> None:
    """postinst's drop-in and the shipped config.ini, read the way the client reads /etc/hojo."""
    postinst = (INSTALLER / "linux" / "debian" / "postinst").read_text()
    assert f'"[{INI_SECTION}]" "server_url = $URL"' in postinst
    assert "/etc/hojo/config.d/50-debconf.ini" in postinst
    etc = tmp_path / "etc"
    (etc / "config.d").mkdir(parents=True)
    (etc / "config.ini").write_bytes((INSTALLER / "linux" / "config.ini").read_bytes())
    paths = AppPaths(data_dir=tmp_path / "d", user_config_dir=tmp_path / "d", system_config_dir=etc)
    config = Config.load({}, paths=paths, registry_reader=lambda _k: {})
    assert config.problems == [] and config.demo_mode_applies()  # the shipped file sets nothing
    (etc / "config.d" / "50-debconf.ini").write_text(
        "# Generated\n[hojo]\nserver_url = https://hojo.example.go.kr\n", encoding="utf-8"
    )
    config = Config.load({}, paths=paths, registry_reader=lambda _k: {})
    assert config.text("server_url") == "https://hojo.example.go.kr"
    assert config.origin("server_url").location.endswith("50-debconf.ini")


def test_deb_control_files() -> None:
    debian = INSTALLER / "linux" / "debian"
    assert (debian / "conffiles").read_text().split() == ["/etc/hojo/config.ini"]
    assert "Template: hojo/server_url" in (debian / "templates").read_text()
    control = (debian / "control.in").read_text()
    assert "Package: hojo\n" in control
    assert "Recommends: fonts-nanum | fonts-noto-cjk, at-spi2-core" in control
    assert "glibc >= 2.36" in control
    postrm = (debian / "postrm").read_text()
    assert "db_purge" in postrm and "rm -rf /etc/hojo/config.d" in postrm
    for script in ("config", "postinst", "postrm"):
        assert (debian / script).stat().st_mode & 0o111, f"{script} is not executable"
        subprocess.run(["sh", "-n", str(debian / script)], check=True)


def test_shell_scripts_parse() -> None:
    for script in [
        INSTALLER / "build-linux.sh",
        INSTALLER / "ci.sh",
        INSTALLER / "linux" / "install-test.sh",
        INSTALLER / "linux" / "atspi-frozen.sh",
        INSTALLER / "windows" / "build-msi-wixl.sh",
    ]:
        assert script.stat().st_mode & 0o111, f"{script.name} is not executable"
        subprocess.run(["bash", "-n", str(script)], check=True)


def test_spec_keeps_korean_and_english_xcb_and_input_methods_only() -> None:
    spec = (INSTALLER / "hojo.spec").read_text(encoding="utf-8")
    assert 'KEEP_QM = ("qtbase_ko.qm", "qtbase_en.qm", "qt_ko.qm", "qt_en.qm")' in spec
    assert '"hojo-server"' in spec and 'name="hojo"' in spec  # one folder, two executables
    assert "/plugins/platforms/libqxcb" not in spec  # never dropped
    assert "platforminputcontexts/libqtvirtualkeyboard" in spec  # only the virtual keyboard
    assert "upx=False" in spec
    lines = (INSTALLER / "requirements-build.txt").read_text().splitlines()
    pins = [line for line in lines if line.strip() and not line.startswith("#")]
    assert any(p.startswith("pyinstaller==") for p in pins)
    assert not any("pyside6" in p.lower() for p in pins)  # pinned once, in pyproject.toml


def test_systemd_unit_serves_with_workers_behind_a_proxy() -> None:
    unit = (INSTALLER / "systemd" / "hojo-server.service").read_text()
    assert re.search(r"^ExecStart=\S+/hojo-server serve .*--workers \$\{HOJO_WORKERS\}", unit, re.M)
    assert "--host 127.0.0.1" in unit  # only the reverse proxy talks to it
    assert "ExecStartPre=/opt/hojo-server/venv/bin/hojo-server migrate" in unit
    assert "EnvironmentFile=/etc/hojo-server/env" in unit
