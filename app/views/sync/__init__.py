"""Views of synchronisation: the stale-submit conflict dialog."""
