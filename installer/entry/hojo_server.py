"""PyInstaller entry script of the frozen ``hojo-server`` (demo mode runs it from the bundle)."""

import multiprocessing

from server.cli import main

multiprocessing.freeze_support()  # uvicorn --workers N spawns copies of this executable
raise SystemExit(main())
