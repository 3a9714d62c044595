from __future__ import annotations

import logging
from pathlib import Path

from app.logs import LOG_FILE, install_logging


def test_the_client_logs_to_a_rotating_file_in_the_data_folder(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = install_logging(tmp_path / "logs")
        assert path == tmp_path / "logs" / LOG_FILE
        logging.getLogger("app.test").info("서버에 연결했습니다")
        for handler in root.handlers:
            handler.flush()
        assert "서버에 연결했습니다" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_an_unwritable_log_folder_does_not_stop_the_program(tmp_path: Path) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        assert install_logging(blocker) is None
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
