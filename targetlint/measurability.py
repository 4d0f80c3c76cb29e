"""Whether a parsed value states something a reviewer can check at year end.

Shared by the rules on vague targets, satisfaction values and goals, so they
agree on what "measurable" means. The value rules (TL2xx) also share the
small judgements here (which pieces of a cell to look at, whether an
indicator is about timeliness, which grading scale it declares), so each
rule stays a loop over precomputed facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from targetlint.values import IndicatorValue, UnitClass, ValueKind
from targetlint.vocabulary import Level2Kind, Vocabulary

if TYPE_CHECKING:
    from targetlint.model import Indicator


def pieces(value: IndicatorValue) -> tuple[IndicatorValue, ...]:
    """The values a cell states: the parts of a COMPOUND ("2~3个/1~2个"),
    otherwise the value itself."""
    return value.parts if value.kind == ValueKind.COMPOUND and value.parts else (value,)


def is_money(value: IndicatorValue) -> bool:
    """A number in money: a money unit ("3万元", "200元/人"), or a magnitude
    with no unit at all ("300万", "≤620万/月"), which on a cost indicator can
    only be an amount whose currency was left out (TL203 asks for it)."""
    if value.unit_class is UnitClass.MONEY:
        return True
    return value.is_numeric and value.multiplier > 1 and (value.unit is None or value.unit.startswith("/"))


def states_time(value: IndicatorValue, vocabulary: Vocabulary) -> bool:
    """Whether a value speaks of time: a deadline, a duration, a frequency
    ("1次/月"), or a word of timeliness ("及时更新", "按期完成")."""
    for part in pieces(value):
        if part.kind is ValueKind.DEADLINE or part.unit_class is UnitClass.TIME:
            return True
        if part.unit and "/" in part.unit and part.unit.rsplit("/", 1)[1] in vocabulary.time_units:
            return True
        # "每周1次": a frequency written as a scope word.
        if any(q.startswith(vocabulary.per_prefixes) and q[1:] in vocabulary.time_units for q in part.qualifiers):
            return True
        words = vocabulary.time_name_words + vocabulary.schedule_verdicts
        if any(w in text for text in part.words for w in words):
            return True
    return False


def is_timeliness(indicator: Indicator) -> bool:
    """Filed under 时效, or named for timeliness (…及时率, 完成时限): a date
    or a period is then the target itself, not a stray remark."""
    if indicator.facts.is_timeliness:
        return True
    level2 = indicator.level2
    return level2 is not None and level2.kind == Level2Kind.TIMELINESS


def declared_scale(indicator: Indicator, vocabulary: Vocabulary) -> frozenset[str]:
    """The grades of the grading scale an indicator declares, or an empty set.

    A scale is declared by writing two or more grades in a row, separated by
    list punctuation ("优/良/中/差", "优秀、良好、合格、不合格"), in the
    indicator's 备注, in a bracketed note of its name ("培训质量（优/良/中/差）")
    or in a bracketed note of the value ("良好（优/良/中/差）"). Grades merely
    mentioned in running text ("差旅费中心") declare nothing.
    """
    found: frozenset[str] = frozenset()
    value = indicator.parsed
    texts = [indicator.note, indicator.name]
    if value is not None:
        texts.extend(value.words)
    for text in texts:
        if text:
            found |= _scale_in(text, vocabulary)
    return found


@lru_cache(maxsize=4096)
def _scale_in(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    grades = frozenset(vocabulary.grade_words)
    if not any(g in text for g in grades):
        return frozenset()
    found: set[str] = set()
    run: list[str] = []
    for token in _splitter(vocabulary).split(text):
        if token in grades:
            run.append(token)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    if len(run) >= 2:
        found.update(run)
    return frozenset(found)


@lru_cache(maxsize=16)
def _splitter(vocabulary: Vocabulary) -> re.Pattern[str]:
    # Brackets and colons end a scale too: "评价等级：优/良/中/差（按季度）".
    separators = set(vocabulary.grade_separators) | set("()（）[]【】:：")
    return re.compile("|".join(re.escape(s) for s in sorted(separators, key=len, reverse=True)))


def is_qualitative(indicator: Indicator, vocabulary: Vocabulary) -> bool:
    """Whether an indicator is 定性 (judged by a verdict) rather than 定量.

    Its 指标性质 decides when the table has that column; most tables do not,
    and then a name that is neither a rate, a count nor an amount of money
    ("机制健全性", "培训质量") is 定性."""
    nature = indicator.kind
    if nature:
        if any(w in nature for w in vocabulary.qualitative_natures):
            return True
        if any(w in nature for w in vocabulary.quantitative_natures):
            return False
    facts = indicator.facts
    return not (facts.is_rate or facts.is_count or facts.is_amount)


def vague_words(
    value: IndicatorValue, vocabulary: Vocabulary, scale: frozenset[str] = frozenset(), *, timeliness: bool = False
) -> tuple[str, ...]:
    """The directional or vague words that leave ``value`` unmeasurable; empty
    when the value is a number, a deadline, a stated baseline comparison or an
    accepted qualitative word (合格, 完成, 无 …). A grade (良好, 优) is
    measurable only when it belongs to ``scale``, the grading scale the
    indicator declares (:func:`declared_scale`).

    An accepted manner word (及时, 正常) is a verdict alone, not before a verb
    the grammar does not know ("及时发布"): then the whole phrase is returned.
    With ``timeliness`` (the indicator is a 时效 measure) a word is no target
    at all, unless it points at the declaration's own schedule (按期完成) or
    answers a yes/no question: 时效 needs a date, a deadline, a duration or a
    percentage."""
    if value.kind == ValueKind.COMPOUND:
        found: tuple[str, ...] = ()
        for part in value.parts:
            found += vague_words(part, vocabulary, scale, timeliness=timeliness)
        return found
    if value.kind == ValueKind.RELATIVE:
        # "不高于前3年最高值" bounds the value; "较上届提升" only names a direction.
        if value.operator is not None or value.number is not None:
            return ()
        return value.words or (value.raw,)
    if value.kind != ValueKind.QUALITATIVE:
        return ()
    words = value.words or (value.raw,)
    if timeliness:
        allowed = vocabulary.schedule_verdicts + vocabulary.yes_no_words
        if not (value.covered and all(w in allowed for w in words)):
            return words
    vague = []
    for word in words:
        if word in vocabulary.manner_words and not value.covered:
            vague.append(value.raw)
            continue
        if word in vocabulary.acceptable_qualitative or _in_scale(word, scale):
            continue
        if word in vocabulary.grade_words or any(v in word for v in vocabulary.vague_words):
            vague.append(word)
    return tuple(dict.fromkeys(vague))


def _in_scale(word: str, scale: frozenset[str]) -> bool:
    # A scale written in short grades ("优/良/中/差") covers their long forms
    # ("优秀", "良好", "中等") and the other way round.
    return word in scale or any(word.startswith(g) or g.startswith(word) for g in scale)


class ArtefactKind(StrEnum):
    JOINED_CELLS = "joined-cells"  # "88100": two cells run together
    DATE_SERIAL = "date-serial"  # "45291": a date cell's serial number


@dataclass(frozen=True, slots=True)
class Artefact:
    kind: ArtefactKind
    reading: str  # what the cells or the date were: "88 | 100", "2023-12-31"


# A date serial reads as a date of the declaration's own time: a year or two
# before it (a base date) up to a few after (a multi-year project's end).
_SERIAL_YEARS_BEFORE, _SERIAL_YEARS_AFTER = 2, 5


def value_artefact(indicator: Indicator, vocabulary: Vocabulary, year: int | None = None) -> Artefact | None:
    """Whether an indicator's value is a format artefact of a converted table
    rather than a target: a spreadsheet date serial under a date or 时效
    measure, or two cells run together under a name that counts no things
    (a count or an amount may well be "9595"). Judged by the grammar's
    readings (IndicatorValue.joined, .serial_date) and this context."""
    value = indicator.parsed
    if value is None or value.kind is not ValueKind.NUMBER or value.unit is not None or value.operator is not None:
        return None
    if value.serial_date is not None:
        name = indicator.name or ""
        about_time = is_timeliness(indicator) or any(w in name for w in vocabulary.time_name_words)
        serial_year = int(value.serial_date[:4])
        if about_time and (year is None or year - _SERIAL_YEARS_BEFORE <= serial_year <= year + _SERIAL_YEARS_AFTER):
            return Artefact(ArtefactKind.DATE_SERIAL, value.serial_date)
    facts = indicator.facts
    if value.joined is not None and not (facts.is_count or facts.is_amount or facts.is_headcount):
        return Artefact(ArtefactKind.JOINED_CELLS, " | ".join(value.joined))
    return None
