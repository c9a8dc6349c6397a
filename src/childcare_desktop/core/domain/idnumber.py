"""Resident identity numbers (GB 11643-1999): normalisation, checksum, birth date and sex."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_CHECK = "10X98765432"
_SPACES = re.compile(r"[\s\-_]+")


@dataclass(frozen=True)
class IdCheck:
    """The outcome of checking one number: `code` is None when the number is valid."""

    normalized: str
    code: str | None
    birth_date: date | None = None
    sex: str | None = None

    @property
    def ok(self) -> bool:
        return self.code is None


def normalize(raw: str) -> str:
    """Full-width digits and letters to ASCII, spaces and dashes removed, a final x upper-cased."""
    raw = raw or ""
    if raw.isascii() and raw.isalnum() and not raw.islower():
        return raw.upper()  # written plainly already, as most are (a county's list: 100,000)
    text = unicodedata.normalize("NFKC", raw)
    return _SPACES.sub("", text).upper()


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2: the weights are 2**17 … 2**1 modulo 11, and 13 is 2 modulo 11, so the
    weighted sum is twice the digits read in base 13, modulo 11 (one call in C: matching a
    county's list checks 200,000 numbers)."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("a check digit is worked out from 17 digits")
    return _CHECK[int(first17, 13) * 2 % 11]


def check(raw: str, today: date | None = None) -> IdCheck:
    """Check a number; codes: id_empty, id_old_15, id_length, id_chars, id_birth_date,
    id_future_birth, id_checksum."""
    return _check(raw, today or date.today())


# A ledger's row checks its number when it is read and again as the child's file: the second
# check, and a number met again in the same ledger, is found here.
@lru_cache(maxsize=4096)
def _check(raw: str, today: date) -> IdCheck:
    number = normalize(raw)
    if not number:
        return IdCheck(number, "id_empty")
    if len(number) == 15 and number.isdigit():
        return IdCheck(number, "id_old_15", _birth(f"19{number[6:12]}"), _sex(number[14]))
    if len(number) != 18:
        return IdCheck(number, "id_length")
    if not (number[:17].isdigit() and (number[17].isdigit() or number[17] == "X")):
        return IdCheck(number, "id_chars")
    born = _birth(number[6:14])
    if born is None:
        return IdCheck(number, "id_birth_date")
    if born > today:
        return IdCheck(number, "id_future_birth", born)
    if check_digit(number[:17]) != number[17]:
        return IdCheck(number, "id_checksum", born, _sex(number[16]))
    return IdCheck(number, None, born, _sex(number[16]))


def mask(number: str | None) -> str:
    """For lists: the region and the last two characters; the birth date and serial hidden."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 6) + number[-2:]


def make(prefix6: str, born: date, serial: int, sex: str) -> str:
    """Build a valid number (for demo data and tests): `serial` 0–499, `sex` male or female."""
    seq = (serial % 500) * 2 + (1 if sex == "male" else 0)
    first17 = f"{prefix6}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def _birth(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def _sex(digit: str) -> str:
    return "male" if int(digit) % 2 == 1 else "female"
