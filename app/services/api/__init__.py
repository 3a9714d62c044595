"""Talking to the Hojo server: transport (TLS, proxy, errors), session, health, endpoints."""
