"""Sizes as people write them: ``500KB``, ``5MB``, ``1.5G``, ``2MiB`` or bytes."""

from __future__ import annotations

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


def parse_size(text: str) -> int | None:
    """The number of bytes ``text`` names, or None when it names no positive size."""
    number = text.strip().lower()
    if number.endswith("ib"):
        number = number[:-2] + "b"
    digits = number.rstrip("kmgb")
    try:
        value = float(digits) * _UNITS[number[len(digits) :]]
    except (ValueError, KeyError):
        return None
    return int(value) if value >= 1 else None
