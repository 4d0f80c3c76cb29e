"""The extended form's typed fields: table kinds, indicator directions,
implementation periods and category weight ranges, each read once from the
text a table prints.

The loader calls these on located scalars; rules read the results and never
parse the text themselves. The words each accepts live in
:mod:`targetlint.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from targetlint.vocabulary import CATEGORY_WEIGHT_PATTERN, INDICATOR_DIRECTIONS, TABLE_KINDS


class TableKind(StrEnum):
    """表类型: which form a declaration is."""

    PROJECT = "项目支出"  # 项目支出绩效目标表 (the default)
    DEPARTMENT = "部门整体"  # 部门整体支出绩效目标表
    TRANSFER = "转移支付"  # 转移支付(区域)绩效目标表


class Direction(StrEnum):
    """指标方向: whether more of the measure is better."""

    POSITIVE = "正向"
    NEGATIVE = "反向"
    NEUTRAL = "中性"


_TABLE_KINDS = {spelling: TableKind(kind) for kind, spellings in TABLE_KINDS.items() for spelling in spellings}
_DIRECTIONS = {spelling: Direction(kind) for kind, spellings in INDICATOR_DIRECTIONS.items() for spelling in spellings}
_SPACE = re.compile(r"\s+")


def table_kind(text: str) -> TableKind | None:
    """The kind a 表类型 value names ("部门整体支出" → 部门整体), or None."""
    return _TABLE_KINDS.get(_SPACE.sub("", text))


def direction(text: str) -> Direction | None:
    """The direction a 指标方向 cell names ("越大越好", "正向指标" → 正向), or None."""
    return _DIRECTIONS.get(_SPACE.sub("", text))


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A year, or a year and month: the precision an 实施期 is printed in."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return str(self.year) if self.month is None else f"{self.year}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Period:
    """实施期: the whole implementation period, start and end inclusive."""

    start: YearMonth
    end: YearMonth

    def __str__(self) -> str:
        return f"{self.start}–{self.end}"


_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:年|[-./])?\s*(?:(\d{1,2})\s*月?)?$")


def year_month(text: str) -> YearMonth | None:
    """ "2023", "2023-07", "2023.7", "2023年7月" → YearMonth; None otherwise."""
    match = _YEAR_MONTH.match(text.strip())
    if not match:
        return None
    year, month = int(match.group(1)), match.group(2)
    if month is None:
        return YearMonth(year)
    number = int(month)
    return YearMonth(year, number) if 1 <= number <= 12 else None


@dataclass(frozen=True, slots=True)
class WeightRange:
    """The score a category label prints: "(0-20)分" → 0–20, "(30分)" → 30–30."""

    low: Decimal
    high: Decimal

    def __str__(self) -> str:
        return f"{self.low}" if self.low == self.high else f"{self.low}-{self.high}"


_WEIGHT = re.compile(CATEGORY_WEIGHT_PATTERN)


def label_weight(label: str) -> WeightRange | None:
    """The score range printed in a category label, or None."""
    match = _WEIGHT.search(label)
    if match is None:
        return None
    try:
        low = Decimal(match.group("low"))
        high = Decimal(match.group("high")) if match.group("high") else low
    except InvalidOperation:
        return None
    return WeightRange(min(low, high), max(low, high))


_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def weight(text: str) -> Decimal | None:
    """A 分值 / 权重 written as text: "20", "20.5", "20分" → Decimal; None for anything else ("二十")."""
    cleaned = _SPACE.sub("", text).removesuffix("分").removesuffix("%")
    if not _NUMBER.match(cleaned):
        return None
    return Decimal(cleaned)
