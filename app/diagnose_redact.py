"""Redaction for the diagnostics archive: every text that goes into it passes through
:func:`redact`, which removes tokens (JWT, ``Bearer``), passwords, credentials in URLs,
account and resident registration numbers, and any ``key=value`` whose key names a secret;
:func:`redact_tree` does the same on a JSON-like structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REDACTED = "«삭제됨»"

SECRET_KEY = (
    r"(?:password|passwd|pwd|비밀번호|secret|token|access_token|refresh_token|api[_-]?key|"
    r"credential|authorization|cookie|session[_-]?id|private[_-]?key|계좌번호|account[_-]?(?:no|number))"
)


def _account(match: re.Match[str]) -> str:
    """Digit groups like 123-456-789012 are account numbers; dates (2026-11-26) are not."""
    text = match.group(0)
    digits = sum(c.isdigit() for c in text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or digits < 10:
        return text
    return REDACTED


_PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # JSON-style "password": "..."  and  key = value / key: value / key=value
    (
        re.compile(
            rf'("?[\w-]*{SECRET_KEY}[\w-]*"?(?:\s*[:=]\s*|\s+))("[^"]*"|\'[^\']*\'|[^\s,;&]+)',
            re.I,
        ),
        lambda m: m.group(1) + _quoted(m.group(2)),
    ),
    (re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.I), r"\1 " + REDACTED),
    # JSON Web Tokens and other long opaque tokens
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), REDACTED),
    (re.compile(r"(?<![\w/.-])[A-Za-z0-9_-]{32,}(?![\w/.-])"), REDACTED),
    # user:password@ in URLs
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+(?::[^/\s@]*)?@", re.I), r"\1" + REDACTED + "@"),
    # 주민등록번호 / 외국인등록번호 (6-7 digits) and bank account numbers (digit groups)
    (re.compile(r"(?<!\d)\d{6}\s?-\s?[1-8]\d{6}(?!\d)"), REDACTED),
    (re.compile(r"(?<![\d.])\d{2,6}(?:-\d{2,8}){1,4}(?![\d.])"), _account),
    (re.compile(r"(?<![\d.,])\d{10,16}(?![\d.,])"), REDACTED),
]


def _quoted(value: str) -> str:
    """The placeholder in the value's own quotes, so JSON and ini text stay well formed."""
    quote = value[0] if value[:1] in ("'", '"') else ""
    return quote + REDACTED + quote


def redact_tree(value: Any) -> Any:
    """:func:`redact` on every text of a JSON-like structure; secret-named keys lose their value."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {
            k: REDACTED
            if re.search(SECRET_KEY, str(k), re.I) and isinstance(v, str)
            else redact_tree(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_tree(v) for v in value]
    return value


def redact(text: str) -> str:
    """The text without anything that looks like a secret or a personal number."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_url(url: str) -> str:
    """A URL without user info, query or fragment (which may carry tokens)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def redact_url_in(text: str) -> str:
    return re.sub(r"\b[a-z][a-z0-9+.-]*://\S+", lambda m: redact_url(m.group(0)), text, flags=re.I)
