#!/usr/bin/env python3
"""Hojo Desk developer entry point: `python3 dev.py run` and `python3 dev.py test`.

Each command sets itself up first (stdlib only, so a fresh machine with python3 is enough):
  1. `.venv` in the project (installs Debian's python3-venv when root and it is missing),
  2. the system libraries Qt needs (apt-get when root; otherwise prints the apt line),
  3. `pip install -e '.[dev]'` when pyproject.toml changed since the last install.

  python3 dev.py run [ARGS...]          start the desktop client (.venv/bin/hojo ARGS...)
  python3 dev.py test [--fast] [ARGS...] ruff, format, mypy, import contracts, pytest (client
                                        and packaging tests), then the domain+server tests in a
                                        venv without PySide6; with ARGS, pytest ARGS in .venv
                                        (--fast: pytest only, no gates and no headless job).
                                        Without ARGS the pytest stages run on pytest-xdist,
                                        one worker per CPU, a test file a worker at a time
                                        (HOJO_TEST_WORKERS=N sets N; 0 or 1: no xdist)
  python3 dev.py installers             build the Linux bundle + .deb and check them (frozen
                                        self-test, AT-SPI, install/upgrade/purge, MSI tables):
                                        installer/ci.sh; root on Debian 12 (changes this machine)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
HEADLESS_VENV = ROOT / ".venv-headless"
STAMP_NAME = ".hojo-install-stamp"
QT_SYSTEM_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0",
    "libxcb-xkb1", "fonts-nanum", "poppler-utils",
]  # fmt: skip
HEADLESS_TEST_PATHS = ["tests/domain", "tests/server"]
A11Y_TEST_PATH = "tests/a11y"
A11Y_SESSION = "tools/a11y/with_a11y_session.sh"
A11Y_SYSTEM_PACKAGES = [
    "xvfb", "at-spi2-core", "python3-pyatspi", "gir1.2-atspi-2.0", "python3-gi", "dbus",
    "xdotool", "orca",
]  # fmt: skip
PYTEST_NO_TESTS = 5
UV_ENV = "HOJO_USE_UV"  # "0": install with plain pip, never uv
UV_FROM_PIP = {"PIP_INDEX_URL": "UV_INDEX_URL", "PIP_EXTRA_INDEX_URL": "UV_EXTRA_INDEX_URL",
               "PIP_FIND_LINKS": "UV_FIND_LINKS", "PIP_CERT": "SSL_CERT_FILE"}  # fmt: skip
WORKERS_ENV = "HOJO_TEST_WORKERS"  # pytest-xdist workers of the full run; 0 = no xdist


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def fail(message: str, code: int = 1) -> None:
    print(f"[dev.py] ERROR: {message}", file=sys.stderr, flush=True)
    raise SystemExit(code)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def apt_available(package: str) -> bool:
    """True when apt knows an installable candidate for the package (apt-cache policy)."""
    out = subprocess.run(
        ["apt-cache", "policy", package], capture_output=True, text=True, check=False
    ).stdout
    return any(
        line.strip().startswith("Candidate:") and "(none)" not in line for line in out.splitlines()
    )


def apt_install(packages: list[str], why: str) -> None:
    """Install Debian packages as root (after apt-get update), or tell the user how and stop."""
    if not is_root():
        fail(f"{why}. Install them with:\n    sudo apt-get install -y {' '.join(packages)}")
    say(f"{why}: apt-get install {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    unknown = [p for p in packages if not apt_available(p)]
    if unknown:
        say(f"WARNING: apt has no candidate for {' '.join(unknown)}; skipping those")
    wanted = [p for p in packages if p not in unknown]
    if wanted:
        cmd = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *wanted]
        subprocess.run(cmd, check=True, env=env)


def missing_debian_packages(packages: list[str]) -> list[str]:
    """The packages dpkg does not report as installed (one quick dpkg-query call)."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\n", *packages],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    installed = {
        line.split()[0].split(":")[0] for line in out.splitlines() if line.endswith(" installed")
    }
    return [p for p in packages if p not in installed]


def ensure_qt_system_libraries() -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return  # not Debian/Ubuntu: the user installs Qt's libraries their own way
    missing = missing_debian_packages(QT_SYSTEM_PACKAGES)
    if missing:
        apt_install(missing, "Qt needs system libraries that are not installed")


def ensure_a11y_system_packages() -> str | None:
    """Install what the AT-SPI suite needs (root); else the reason it cannot run, or None.

    Under CI=true a missing package that cannot be installed is an error, never a skip.
    """
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        reason = "the AT-SPI suite needs Debian/Ubuntu (Xvfb, AT-SPI, Orca through apt)"
    else:
        missing = missing_debian_packages(A11Y_SYSTEM_PACKAGES)
        if not missing:
            return None
        if is_root():
            apt_install(missing, "the accessibility suite needs system packages")
            still = missing_debian_packages(A11Y_SYSTEM_PACKAGES)
            if not still:
                return None
            reason = f"apt could not install {' '.join(still)}"
        else:
            reason = (
                "the AT-SPI suite needs system packages that are not installed; install them "
                f"with:\n    sudo apt-get install -y --no-install-recommends {' '.join(missing)}"
            )
    if os.environ.get("CI") == "true":
        fail(reason)
    return reason


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def venv_works(venv: Path) -> bool:
    # Debian's venv without ensurepip leaves a tree with python but no pip.
    return venv_python(venv).exists() and (venv / "bin" / "pip").exists()


def ensure_venv(venv: Path) -> None:
    """Create the venv; on Debian without ensurepip, install python3-venv (root) first."""
    if venv_works(venv):
        return
    shutil.rmtree(venv, ignore_errors=True)
    say(f"creating {venv.name} with {sys.executable}")
    created = subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
    if created.returncode == 0 and venv_works(venv):
        return
    shutil.rmtree(venv, ignore_errors=True)
    if shutil.which("apt-get") is None:
        fail(f"`{sys.executable} -m venv` failed; install your Python's venv module")
    versioned = f"python3.{sys.version_info.minor}-venv"
    package = versioned if apt_available(versioned) else "python3-venv"
    if is_root():
        apt_install([package], "`python3 -m venv` does not work (ensurepip is missing)")
    else:
        fail(
            "`python3 -m venv` does not work (ensurepip is missing). Install it with:\n"
            f"    sudo apt-get install -y {package}"
        )
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if not venv_works(venv):
        fail(f"{venv} was created but has no working pip")


def pyproject_hash() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def uv_installer() -> str | None:
    """uv (PyPI's `uv` package, a fast pip-compatible installer) to install with, or None for
    plain pip: uv on PATH, else uv installed once by pip into .venv. HOJO_USE_UV=0: pip."""
    if os.environ.get(UV_ENV, "").strip() == "0":
        return None
    found = shutil.which("uv")
    if found is not None:
        return found
    local = VENV / "bin" / "uv"
    if not local.exists() and venv_works(VENV):
        pip = [str(venv_python(VENV)), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, "uv"], cwd=ROOT, check=False)
    if local.exists():
        return str(local)
    say("uv is not available; installing with pip")
    return None


def uv_environment() -> dict[str, str]:
    """Our environment for uv, with pip's index and certificate settings in uv's names."""
    env = dict(os.environ)
    for pip_name, uv_name in UV_FROM_PIP.items():
        if os.environ.get(pip_name) and not os.environ.get(uv_name):
            env[uv_name] = os.environ[pip_name]
    return env


def pip_install_if_changed(venv: Path, *installs: list[str]) -> None:
    """Run each `pip install ARGS` in the venv unless pyproject.toml changed since last time
    (with uv when it can be had; when uv fails, the same install again with pip)."""
    stamp = venv / STAMP_NAME
    digest = pyproject_hash()
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    pip = [str(venv_python(venv)), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    uv = uv_installer()
    for pip_args in installs:
        if uv is not None:
            say(f"installing into {venv.name}: uv pip install {' '.join(pip_args)}")
            uv_cmd = [uv, "pip", "install", "--quiet", "--python", str(venv_python(venv))]
            done = subprocess.run([*uv_cmd, *pip_args], cwd=ROOT, env=uv_environment())
            if done.returncode == 0:
                continue
            say(f"uv failed (exit {done.returncode}); installing with pip instead")
        say(f"installing into {venv.name}: pip install {' '.join(pip_args)}")
        subprocess.run([*pip, *pip_args], check=True, cwd=ROOT)
    stamp.write_text(digest + "\n")


def setup_dev_env() -> None:
    ensure_venv(VENV)
    ensure_qt_system_libraries()
    pip_install_if_changed(VENV, ["-e", ".[dev]"])


def is_pyside(requirement: str) -> bool:
    return requirement.strip().lower().startswith(("pyside6", "pytest-qt"))


def headless_requirements() -> list[str]:
    """Runtime dependencies and dev tools from pyproject.toml, minus PySide6 and pytest-qt."""
    import tomllib  # here, not at the top: main() first checks for 3.11+

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    dev = project.get("optional-dependencies", {}).get("dev", [])
    return [r for r in [*project["dependencies"], *dev] if not is_pyside(r)]


def setup_headless_env() -> None:
    ensure_venv(HEADLESS_VENV)
    # The requirements with their own dependencies, then the project itself without any.
    pip_install_if_changed(HEADLESS_VENV, headless_requirements(), ["--no-deps", "-e", "."])


def test_workers() -> int:
    """How many pytest-xdist workers the full run uses: one per CPU this process may run on
    (HOJO_TEST_WORKERS overrides; 0 or 1 runs the tests in one process)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        if not configured.isdigit():
            fail(f"{WORKERS_ENV} must be a whole number of workers, not {configured!r}")
        return int(configured)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def xdist_args(dist: str = "load") -> list[str]:
    """pytest-xdist options for the parallel stages (none with one worker)."""
    workers = test_workers()
    return ["-n", str(workers), "--dist", dist] if workers > 1 else []


class Stages:
    """Runs stages in order, times each, stops at the first failure with a summary."""

    def __init__(self) -> None:
        self.results: list[tuple[str, str, float]] = []

    def run(self, name: str, cmd: list[str], env: dict[str, str] | None = None,
            no_tests_ok: bool = False) -> None:  # fmt: skip
        say(f"--- {name}: {' '.join(cmd)}")
        start = time.monotonic()
        code = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
        seconds = time.monotonic() - start
        if code == PYTEST_NO_TESTS and no_tests_ok:
            say(f"{name}: no tests collected (pytest exit 5); counted as passed")
            status = "no tests"
        else:
            status = "ok" if code == 0 else f"FAILED (exit {code})"
        self.results.append((name, status, seconds))
        if status.startswith("FAILED"):
            if code == PYTEST_NO_TESTS:
                say(f"{name}: pytest collected no tests at all")
            self.summary()
            raise SystemExit(code)

    def timed(self, name: str, step: Callable[[], None]) -> None:
        """A set-up step (venv, apt, pip): raises on failure, recorded with its time."""
        start = time.monotonic()
        step()
        self.results.append((name, "ok", time.monotonic() - start))

    def summary(self) -> None:
        say("summary:")
        for name, status, seconds in self.results:
            print(f"    {name:<28} {status:<20} {seconds:7.1f} s", flush=True)


def command_test(args: list[str]) -> None:
    fast = "--fast" in args
    pytest_args = [a for a in args if a != "--fast"]
    stages = Stages()
    stages.timed("set-up .venv", setup_dev_env)
    bin_dir = VENV / "bin"
    env = {**os.environ, "HOJO_SKIP_GATES_IN_PYTEST": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not fast:
        stages.run("ruff check", [str(bin_dir / "ruff"), "check", "."])
        stages.run("ruff format --check", [str(bin_dir / "ruff"), "format", "--check", "."])
        stages.run("mypy", [str(bin_dir / "mypy"), "domain", "server", "app"])
        stages.run("lint-imports", [str(bin_dir / "lint-imports")])
    # exit 5 with a filter (-k, a path) only means the filter matched nothing.
    # In a full run the domain and server tests run once, in the headless job below.
    split = [f"--ignore={p}" for p in HEADLESS_TEST_PATHS] if not (fast or pytest_args) else []
    if not pytest_args:  # the AT-SPI suite runs in its own stage, inside its own X session
        split.append(f"--ignore={A11Y_TEST_PATH}")
    # Without ARGS on xdist, a file a worker: a module's demo-server fixture starts once.
    parallel = xdist_args("loadfile") if not pytest_args else []
    pytest_cmd = [str(bin_dir / "python"), "-m", "pytest", "-q", *parallel, *split, *pytest_args]
    stages.run("pytest", pytest_cmd, env=env, no_tests_ok=bool(pytest_args))
    if not fast:
        run_a11y_stage(stages, env)
        stages.timed("set-up .venv-headless", setup_headless_env)
        python = str(venv_python(HEADLESS_VENV))
        no_qt = "import importlib.util as u, sys; sys.exit(u.find_spec('PySide6') is not None)"
        stages.run("headless: PySide6 absent", [python, "-c", no_qt])
        headless_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
        headless_cmd = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        *xdist_args("loadfile"), *HEADLESS_TEST_PATHS]  # fmt: skip
        stages.run("headless: pytest", headless_cmd, env=headless_env, no_tests_ok=True)
    stages.summary()
    say("all stages passed" if not fast else "fast run passed (gates and headless skipped)")


def run_a11y_stage(stages: Stages, env: dict[str, str]) -> None:
    """The AT-SPI suite and Orca transcripts: the real client under Xvfb, read out of process."""
    start = time.monotonic()
    reason = ensure_a11y_system_packages()
    stages.results.append(("set-up a11y packages", "ok", time.monotonic() - start))
    if reason is not None:
        say(f"accessibility (AT-SPI) stage SKIPPED: {reason}")
        stages.results.append(("a11y: AT-SPI + Orca", "skipped", 0.0))
        return
    a11y_env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}
    a11y_env["HOJO_A11Y_REQUIRED"] = "1"  # inside the stage a skipped a11y test is a failure
    cmd = ["bash", A11Y_SESSION, str(venv_python(VENV)), "-m", "pytest", "-q",
           "-p", "no:cacheprovider", A11Y_TEST_PATH]  # fmt: skip
    stages.run("a11y: AT-SPI + Orca", cmd, env=a11y_env)


def command_installers(args: list[str]) -> None:
    """The installer stage of CI (installer/ci.sh); HOJO_WINE_TEST=1 adds the wine64 test."""
    start = time.monotonic()
    code = subprocess.run(["bash", "installer/ci.sh", *args], cwd=ROOT, check=False).returncode
    say(f"installers: {'ok' if code == 0 else f'FAILED (exit {code})'} in "
        f"{time.monotonic() - start:.0f} s")  # fmt: skip
    raise SystemExit(code)


def command_run(args: list[str]) -> None:
    setup_dev_env()
    hojo = VENV / "bin" / "hojo"
    os.execv(hojo, [str(hojo), *args])


def main(argv: list[str]) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py itself runs on any python3)
        fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    commands = {"run": command_run, "test": command_test, "installers": command_installers}
    if not argv or argv[0] not in commands:
        print(__doc__)
        raise SystemExit(0 if argv[:1] in (["-h"], ["--help"]) else 2)
    os.chdir(ROOT)
    try:
        commands[argv[0]](argv[1:])
    except subprocess.CalledProcessError as error:
        fail(f"set-up step failed (exit {error.returncode}): {' '.join(map(str, error.cmd))}")


if __name__ == "__main__":
    main(sys.argv[1:])
