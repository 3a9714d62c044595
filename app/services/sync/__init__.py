"""Synchronisation logic: stale-submit conflicts and pushing the outbox."""
