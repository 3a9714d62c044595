"""``python -m server …`` runs the command line (the desktop client starts the server so)."""

from server.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
