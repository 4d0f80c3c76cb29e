"""What the value rules suggest writing instead (Finding.suggestion), built
from the finding itself: the rule's general "How to fix" made concrete."""

from __future__ import annotations

from targetlint.vocabulary import COUNT_NAME_UNITS


def count_unit(name: str | None) -> str | None:
    """The unit a count named ``name`` is counted in (培训人数 → 人), if its ending says."""
    for ending, unit in COUNT_NAME_UNITS:
        if name and name.endswith(ending):
            return unit
    return None


def count_name(name: str, rate_word: str | None) -> str:
    """The count a rate's name counts (培训人数达标率 → 培训人数): up to the last
    count ending in it, else the name without its rate word; "" if neither."""
    ends = [name.rfind(ending) + len(ending) for ending, _ in COUNT_NAME_UNITS if ending in name]
    if ends and max(ends) < len(name):
        return name[: max(ends)]
    if rate_word and name.endswith(rate_word) and name != rate_word:
        return name.removesuffix(rate_word)
    return ""


def sign(value) -> str:
    """The value's comparison as the form writes it, ≥ when it has none."""
    return value.operator.value if value is not None and value.operator is not None else "≥"
