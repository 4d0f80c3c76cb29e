"""The indicator-value grammar: one parse of a 指标值 into its parts.

A value is parsed once, when the model is built; rules read the resulting
:class:`IndicatorValue` and never look at the raw string themselves.

CONTRACT (the rules depend on these names; extend, don't rename).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary


class Operator(StrEnum):
    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


class ValueKind(StrEnum):
    NUMBER = "number"                  # a number, with or without operator and unit: "≥90%", "=7.00(人)", "200", "约400台"
    RANGE = "range"                    # "2~3个", "20-30人", "1~2个"
    COMPOUND = "compound"              # several values in one cell: "2~3个/1~2个", "提高、扩大"
    DEADLINE = "deadline"              # a date or period bound: "2023年12月31日前完成使用", "年底前", "延期不超过2个月", "2023.07-2024.01"
    RELATIVE = "relative"              # a comparison with a stated baseline: "不高于前3年最高值", "较上年增长" (see ``baseline``)
    PLAN_REFERENCE = "plan-reference"  # defers to a plan: "按年度计划", "按规定处理", "符合人社部要求样本"
    QUALITATIVE = "qualitative"        # a word or short phrase: "健全", "提高", "合格", "完整"
    NARRATIVE = "narrative"            # a sentence rather than a value
    EMPTY = "empty"                    # nothing written


class UnitClass(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    MONEY = "money"
    TIME = "time"
    MEASURE = "measure"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    raw: str                                   # the value exactly as written
    kind: ValueKind
    operator: Operator | None = None           # canonical comparison; textual operators map here too (不少于 → ≥, 以上 → ≥, 不超过 → ≤)
    operator_text: str | None = None           # the operator as written: ">=", "≧", "＞", "不少于", "以上"
    number: float | None = None                # the number as written, Chinese numerals converted ("两次" → 2); None when there is none
    upper: float | None = None                 # upper bound of a RANGE
    multiplier: int = 1                        # magnitude written before the unit: "2.6万个" → 10000
    unit: str | None = None                    # the unit, magnitude removed, brackets removed: "%", "人", "人次", "个", "元", "元/人"
    unit_class: UnitClass | None = None
    approximate: bool = False                  # 约, 左右, 余, 多, 上下, or a RANGE
    qualifiers: tuple[str, ...] = ()           # scope words around the number: "每月", "人均", "年内", "全年"
    subject: str | None = None                 # words naming what is counted: "帮扶家庭" in "帮扶家庭不少于80户次"
    words: tuple[str, ...] = ()                # the words of a QUALITATIVE / RELATIVE / PLAN_REFERENCE value: ("提高", "扩大")
    baseline: str | None = None                # the baseline of a RELATIVE value: "前3年最高值", "上年", "上届"
    from_yaml_number: bool = False             # the YAML scalar was a bare number (90, 1, 0.9), not a string
    bracketed_unit: bool = False               # the unit was written in brackets: "=100(%)", "=7.00(人)"
    markup: str | None = None                  # "latex" or "html" when such residue was found: "$\\geq 80\\%$"
    parts: tuple["IndicatorValue", ...] = ()   # the pieces of a COMPOUND value

    @property
    def amount(self) -> float | None:
        """The number with its magnitude applied ("2.6万个" → 26000)."""
        return None if self.number is None else self.number * self.multiplier

    @property
    def is_numeric(self) -> bool:
        return self.kind in (ValueKind.NUMBER, ValueKind.RANGE) and self.number is not None


def parse_value(raw: str, *, from_yaml_number: bool = False, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> IndicatorValue:
    """Parse one 指标值. Pure and cached: equal inputs give the same object."""
    raise NotImplementedError("the value grammar is being written (see issue 2, item 5)")
