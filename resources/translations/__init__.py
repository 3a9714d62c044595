"""Qt translation files of the client (see README.md)."""
