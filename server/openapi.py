"""The committed OpenAPI document (``server/openapi.json``, shipped as package data).

``python -m server.openapi --write`` regenerates it after an API change; a test fails when the
served document drifts from the committed one.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from server.config import Settings

DOCUMENT = "openapi.json"


def served_document() -> dict[str, Any]:
    """The document the application serves (built without a database connection)."""
    from server.app import create_app

    settings = Settings(
        data_dir=Path("."), database_url="sqlite://", secret_key="openapi-export-only"
    )
    return create_app(settings).openapi()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def committed_document() -> dict[str, Any]:
    text = (resources.files("server") / DOCUMENT).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="OpenAPI 문서 내보내기")
    parser.add_argument("--write", action="store_true", help="server/openapi.json을 새로 씁니다")
    args = parser.parse_args(argv)
    text = render(served_document())
    if args.write:
        target = Path(__file__).with_name(DOCUMENT)
        target.write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {target}\n")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
