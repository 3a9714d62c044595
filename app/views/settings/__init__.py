"""The settings dialog: values, where each came from, and the user's own layer only."""
