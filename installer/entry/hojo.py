"""PyInstaller entry script of the frozen client ``hojo`` (same as ``python -m app``)."""

from app.__main__ import main

raise SystemExit(main())
