"""Code lists for fiscal year 2024 (package data; see ../README.md)."""
