"""Whether a parsed value states something a reviewer can check at year end.

Shared by the rules on vague targets, satisfaction values and goals, so they
agree on what "measurable" means.
"""

from __future__ import annotations

from targetlint.values import IndicatorValue, ValueKind
from targetlint.vocabulary import Vocabulary


def vague_words(value: IndicatorValue, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The directional or vague words that leave ``value`` unmeasurable; empty
    when the value is a number, a deadline, a stated baseline comparison or an
    accepted qualitative word (合格, 完成, 无 …)."""
    if value.kind == ValueKind.COMPOUND:
        found: tuple[str, ...] = ()
        for part in value.parts:
            found += vague_words(part, vocabulary)
        return found
    if value.kind == ValueKind.RELATIVE:
        # "不高于前3年最高值" bounds the value; "较上届提升" only names a direction.
        if value.operator is not None or value.number is not None:
            return ()
        return value.words or (value.raw,)
    if value.kind != ValueKind.QUALITATIVE:
        return ()
    vague = []
    for word in value.words or (value.raw,):
        if word in vocabulary.acceptable_qualitative:
            continue
        if any(v in word for v in vocabulary.vague_words):
            vague.append(word)
    return tuple(vague)
