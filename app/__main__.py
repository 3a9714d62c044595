"""Entry point of `hojo`, the desktop client (the full client arrives with issue 3)."""

from __future__ import annotations

import sys


def main() -> int:
    print("Hojo Desk 클라이언트는 준비 중입니다. 서버: hojo-server --help", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
