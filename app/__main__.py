"""Entry point of ``hojo``, the desktop client (``python -m app``)."""

from __future__ import annotations


def main() -> int:
    from app.application import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
