"""Credentials: only the refresh token, only in the OS keyring."""
