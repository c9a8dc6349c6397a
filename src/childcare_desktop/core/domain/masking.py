"""Masking of ID numbers and phones in lists and posted reports; full values on the detail page."""

from __future__ import annotations

from .idnumber import mask as mask_id_number


def mask_phone(phone: str | None) -> str:
    digits = (phone or "").strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


__all__ = ["mask_id_number", "mask_phone"]
