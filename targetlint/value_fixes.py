"""Fixes that rules written elsewhere offer, built from the parsed value.

A rule decides *whether* a value is wrong; these helpers say what the value
should become, from :class:`~targetlint.values.IndicatorValue` fields, and
offer it only when the grammar reads the new value as the intended target.
"""

from __future__ import annotations

from targetlint.rule import Fix, FixSafety
from targetlint.values import ValueKind, parse_value


def _written(indicator) -> str | None:
    # The YAML value itself: split-column forms (运算符 / 计量单位 beside it)
    # are parsed with those columns added, so the parse is not the value.
    value = indicator.parsed
    if value is None or indicator.operator or indicator.unit or indicator.value is None:
        return None
    if value.raw != indicator.value or value.kind is not ValueKind.NUMBER or value.number is None or value.unit:
        return None
    if value.qualifiers or value.subject or value.approximate or value.multiplier != 1 or value.markup:
        return None  # words the new value would have to carry over
    return indicator.value


def _same_target(old, new, number: float) -> bool:
    return (
        new.kind is ValueKind.NUMBER
        and new.unit == "%"
        and new.number == number
        and new.operator == old.operator
        and new.upper is None
        and new.approximate == old.approximate
    )


def percent_fix(indicator, vocabulary) -> Fix | None:
    """ "整改率 100" → "100%": the number read as a percentage (TL203). Unsafe: the
    author knows whether 100 meant 100%."""
    written = _written(indicator)
    if written is None or not 0 < indicator.parsed.number <= 100:
        return None
    new = written + "%"
    if not _same_target(indicator.parsed, parse_value(new, vocabulary=vocabulary), indicator.parsed.number):
        return None
    return Fix(indicator.span("value"), new, FixSafety.UNSAFE, f"改为“{new}”", f"write '{new}'")


def fraction_as_percent_fix(indicator, vocabulary) -> Fix | None:
    """ "培训工作完成率 1" → "100%", "0.95" → "95%" (TL206). Unsafe: a rate
    written as a fraction is a guess about the author's meaning."""
    written = _written(indicator)
    value = indicator.parsed
    if written is None or not 0 < value.number <= 1:
        return None
    percent = round(value.number * 100, 6)
    digits = str(int(percent)) if float(percent).is_integer() else repr(percent)
    new = f"{value.operator_text or ''}{digits}%" if not value.from_yaml_number else f"{digits}%"
    if not _same_target(value, parse_value(new, vocabulary=vocabulary), percent):
        return None
    return Fix(indicator.span("value"), new, FixSafety.UNSAFE, f"改为“{new}”", f"write '{new}'")
