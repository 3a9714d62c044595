"""Entry point of ``hojo``, the desktop client (``python -m app``)."""

from __future__ import annotations


def main() -> int:
    import sys

    args = sys.argv[1:]
    if args[:1] == ["report"]:  # `hojo report ...`: no window (app.services.reports.cli)
        from app.services.reports.cli import main as report

        return report(args[1:])
    if "--self-test" in args:  # installer checks (installer/, docs/deployment.md)
        from app.self_test import main as self_test

        return self_test(args)
    if "--diagnose" in args:  # help-desk archive: versions, configuration, logs, no secrets
        from app.diagnose import main as diagnose

        return diagnose(args)
    from app.application import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
