"""채주 (payee) identifiers: 사업자등록번호 check digit, 주민등록번호 format, masking.

사업자등록번호 (10 digits ``XXX-XX-XXXXX``): weights 1,3,7,1,3,7,1,3,5 on the first nine
digits, plus the tens digit of (9th digit × 5); the check digit is (10 − sum mod 10) mod 10.

주민등록번호: only the format and birth date are checked — numbers issued since October 2020
no longer carry a computable check digit. It is never stored in plain text (the server
encrypts it) and is shown as ``YYMMDD-G******``.
"""

from __future__ import annotations

import re
from datetime import date

from domain.errors import DomainError

__all__ = [
    "PayeeError",
    "format_business_number",
    "is_valid_business_number",
    "mask_account",
    "mask_resident_number",
    "normalise_business_number",
    "normalise_resident_number",
]

_BRN_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


class PayeeError(DomainError):
    code = "payee_invalid"


def _digits(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def is_valid_business_number(text: str) -> bool:
    """True for a 10-digit 사업자등록번호 (hyphens allowed) whose check digit is right."""
    digits = _digits(text)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    d = [int(c) for c in digits]
    total = sum(x * w for x, w in zip(d[:9], _BRN_WEIGHTS, strict=True))
    total += d[8] * 5 // 10
    return (10 - total % 10) % 10 == d[9]


def normalise_business_number(text: str) -> str:
    """The 10 digits of a valid 사업자등록번호, or :class:`PayeeError` (Korean message)."""
    digits = _digits(text)
    if not re.fullmatch(r"\d{10}", digits):
        raise PayeeError(
            "사업자등록번호는 숫자 10자리입니다 (예: 123-45-67890)", field="business_number"
        )
    if not is_valid_business_number(digits):
        raise PayeeError(
            f"사업자등록번호 {format_business_number(digits)}의 검증번호가 맞지 않습니다. "
            "번호를 다시 확인하세요.",
            field="business_number",
        )
    return digits


def format_business_number(digits: str) -> str:
    d = _digits(digits)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}" if len(d) == 10 else d


def normalise_resident_number(text: str) -> str:
    """The 13 digits of a well-formed 주민등록번호 (or 외국인등록번호), else PayeeError."""
    digits = _digits(text)
    if not re.fullmatch(r"\d{13}", digits):
        raise PayeeError("주민등록번호는 숫자 13자리입니다", field="resident_number")
    gender = int(digits[6])
    century = {1: 1900, 2: 1900, 5: 1900, 6: 1900, 3: 2000, 4: 2000, 7: 2000, 8: 2000}
    century |= {9: 1800, 0: 1800}
    try:
        date(century[gender] + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError as exc:
        raise PayeeError(
            "주민등록번호 앞 6자리가 올바른 생년월일이 아닙니다", field="resident_number"
        ) from exc
    return digits


def mask_resident_number(digits: str) -> str:
    """``900101-1******``: birth date and the gender digit only."""
    d = _digits(digits)
    return f"{d[:6]}-{d[6]}******"


def mask_account(account: str) -> str:
    """Every digit but the last four hidden, separators kept: ``110-***-**5678``."""
    total = sum(c.isdigit() for c in account)
    seen, out = 0, []
    for c in account:
        if c.isdigit():
            seen += 1
            out.append(c if seen > total - 4 else "*")
        else:
            out.append(c)
    return "".join(out)
