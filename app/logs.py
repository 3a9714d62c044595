"""The client's own log file: ``<data dir>/logs/hojo.log``, rotated (5 × 1 MiB).

Help-desk diagnostics (``hojo --diagnose``) collect the end of every file in that folder,
redacted. Nothing secret is logged: tokens and passwords never reach a log call.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "hojo.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def install_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to stderr and to the rotating file; returns the file, or None if it cannot be
    written (a read-only or full data folder must not stop the program)."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    path = log_dir / LOG_FILE
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("기록 파일을 열 수 없습니다 (%s): %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
