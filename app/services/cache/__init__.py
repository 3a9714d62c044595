"""The local SQLite cache (drafts, outbox, read cache).

Importing this package is cheap: :mod:`app.services.cache.records` has the plain records and
needs no SQLAlchemy. The modules that do (``database``, ``tables``, ``drafts``, ``outbox``,
``rows``) import it at module level, so open the cache lazily — from a DB task, never at
start-up (ARCHITECTURE.md §8: SQLAlchemy alone costs ~330 ms).
"""
