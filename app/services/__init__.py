"""Client services: plain synchronous Python, no PySide6 (STYLE.md §4.2).

Operations call them through ``app.tasks``; nothing here touches a widget. ``api`` talks
to the server (httpx), ``auth`` keeps the refresh token in the OS keyring, ``cache`` is the
local SQLite database (SQLAlchemy, imported lazily by whoever opens it) and ``sync`` holds
the pure logic of conflicts and the outbox push.
"""
