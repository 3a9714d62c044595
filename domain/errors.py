"""Base error for the pure domain layer.

Every rule violation in ``domain`` raises a subclass of :class:`DomainError`. It carries a
stable machine-readable ``code`` (for the REST layer and tests), a Korean ``message`` meant
for the official using the program, and optionally the ``field`` the problem belongs to.
"""

from __future__ import annotations

__all__ = ["DomainError"]


class DomainError(Exception):
    """A domain rule was violated; ``message`` is Korean and shown to the user."""

    code: str = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.message: str = message
        if code is not None:
            self.code = code
        self.field: str | None = field

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r})"
