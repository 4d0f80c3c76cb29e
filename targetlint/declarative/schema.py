"""The rule-file schema: what a finance user may write, validated with pydantic.

Every model forbids unknown keys, so a misspelt selector is an error at its
line and column instead of a selector that silently matches everything.
Keys are kebab-case (``unit-class``); header and funds fields accept the
form's Chinese labels and the English names the declaration format accepts.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator, model_validator

# User codes: one to three capital letters, an X, three digits (TLX001, SHX001,
# ZJJX120). The X keeps them disjoint from the catalog's TL\d{3} forever.
CODE_PATTERN = r"^[A-Z]{1,3}X\d{3}$"
CODE_RE = re.compile(CODE_PATTERN)
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

FACTS = ("rate", "bounded-rate", "count", "satisfaction", "timeliness", "quality")
VALUE_KINDS = (
    "number",
    "range",
    "compound",
    "deadline",
    "relative",
    "plan-reference",
    "qualitative",
    "narrative",
    "empty",
)
UNIT_CLASSES = ("percent", "count", "money", "time", "measure", "other", "none")
OPERATORS = {"≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "=": "=", "==": "=", ">": ">", "<": "<", "none": "none"}


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


# --- matchers -----------------------------------------------------------------


class TextOps(Strict):
    """Every given test must hold; a test given a list holds if any item does."""

    equals: list[str] | None = None
    contains: list[str] | None = None
    startswith: list[str] | None = None
    endswith: list[str] | None = None
    regex: str | None = None
    present: bool | None = None

    _lists = field_validator("equals", "contains", "startswith", "endswith", mode="before")(
        classmethod(lambda cls, v: _as_list(v))
    )

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value):
        if value is not None:
            from targetlint import user_regex

            refused = user_regex.problem(value)  # invalid, or nested repeats that backtrack for minutes
            if refused is not None:
                raise ValueError(f"{refused[0]} / {refused[1]}")
        return value

    @model_validator(mode="after")
    def _something(self):
        if all(getattr(self, name) is None for name in type(self).model_fields):
            raise ValueError(
                "至少给出一项测试 / give at least one test (equals, contains, startswith, endswith, regex, present)"
            )
        return self


# A plain string means "equals"; a list means "equals any".
TextMatcher = str | list[str] | TextOps


class NumberOps(Strict):
    eq: float | None = None
    ne: float | None = None
    min: float | None = None  # ≥
    max: float | None = None  # ≤
    gt: float | None = None
    lt: float | None = None
    present: bool | None = None

    @model_validator(mode="after")
    def _something(self):
        if all(getattr(self, name) is None for name in type(self).model_fields):
            raise ValueError("至少给出一项测试 / give at least one test (eq, ne, min, max, gt, lt, present)")
        return self


NumberMatcher = float | NumberOps


class LabelOps(Strict):
    label: TextMatcher


# 一级 / 二级: a canonical kind or any label that normalises to one; {label: …}
# for a region's own label the taxonomy does not know.
LevelMatcher = str | list[str] | LabelOps


def _check_levels(value, level: int):
    from targetlint.names import level1_kind, normalize_label
    from targetlint.vocabulary import LEVEL1_ALIASES, LEVEL2_ALIASES

    if value is None or isinstance(value, LabelOps):
        return value
    for item in [value] if isinstance(value, str) else value:
        if level == 1 and level1_kind(item) is None:
            known = "、".join(LEVEL1_ALIASES)
            raise ValueError(
                f"未知的一级指标“{item}”（已知：{known}；其他标签写作 {{label: …}}） / unknown 一级 category '{item}' "
                f"(known: {known}; write other labels as {{label: …}})"
            )
        if level == 2 and not any(normalize_label(item) in aliases for _, aliases in LEVEL2_ALIASES.values()):
            known = "、".join(LEVEL2_ALIASES)
            raise ValueError(
                f"未知的二级指标“{item}”（已知：{known}；其他标签写作 {{label: …}}） / unknown 二级 category '{item}' "
                f"(known: {known}; write other labels as {{label: …}})"
            )
    return value


class ValueSelector(Strict):
    raw: TextMatcher | None = None
    kind: list[Literal[VALUE_KINDS]] | None = None  # type: ignore[valid-type]
    number: NumberMatcher | None = None
    amount: NumberMatcher | None = None
    upper: NumberMatcher | None = None
    unit: TextMatcher | None = None
    unit_class: list[Literal[UNIT_CLASSES]] | None = None  # type: ignore[valid-type]
    operator: list[str] | None = None
    approximate: bool | None = None

    _lists = field_validator("kind", "unit_class", "operator", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @field_validator("operator")
    @classmethod
    def _operators(cls, value):
        for item in value or ():
            if item not in OPERATORS:
                raise ValueError(
                    f"未知的运算符“{item}”（可用：≥ ≤ = > < none） / unknown operator '{item}' (use ≥ ≤ = > < or none)"
                )
        return value


class IndicatorSelector(Strict):
    """Which indicators a rule is about; every given key must hold."""

    level1: LevelMatcher | None = None
    level2: LevelMatcher | None = None
    name: TextMatcher | None = None
    value: ValueSelector | None = None
    is_: list[Literal[FACTS]] | None = Field(None, alias="is")  # type: ignore[valid-type]
    kind: TextMatcher | None = None  # 指标性质 (定量 / 定性)
    note: TextMatcher | None = None  # 备注
    any_: list[IndicatorSelector] | None = Field(None, alias="any")
    not_: IndicatorSelector | None = Field(None, alias="not")

    _lists = field_validator("is_", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @field_validator("level1")
    @classmethod
    def _level1(cls, value):
        return _check_levels(value, 1)

    @field_validator("level2")
    @classmethod
    def _level2(cls, value):
        return _check_levels(value, 2)


class CategorySelector(Strict):
    level1: LevelMatcher | None = None
    level2: LevelMatcher | None = None

    _l1 = field_validator("level1")(classmethod(lambda cls, v: _check_levels(v, 1)))
    _l2 = field_validator("level2")(classmethod(lambda cls, v: _check_levels(v, 2)))

    @model_validator(mode="after")
    def _something(self):
        if self.level1 is None and self.level2 is None:
            raise ValueError("给出 level1 或 level2 / give level1 or level2")
        return self


def _field(zh: str, en: str, kind=None):
    return Field(None, validation_alias=AliasChoices(zh, en))


class HeaderSelector(Strict):
    """Header fields by the form's label or the English key."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    year: NumberMatcher | None = _field("申报年度", "year")
    name: TextMatcher | None = _field("项目名称", "name")
    nature: TextMatcher | None = _field("项目性质", "nature")
    category: TextMatcher | None = _field("项目类别", "category")
    department: TextMatcher | None = _field("主管部门", "department")
    implementer: TextMatcher | None = _field("实施单位", "implementer")
    start_date: TextMatcher | None = _field("计划开始日期", "start_date")
    end_date: TextMatcher | None = _field("计划完成日期", "end_date")
    goal: TextMatcher | None = _field("年度总体目标", "goal")


HEADER_LABELS = {
    "year": "申报年度",
    "name": "项目名称",
    "nature": "项目性质",
    "category": "项目类别",
    "department": "主管部门",
    "implementer": "实施单位",
    "start_date": "计划开始日期",
    "end_date": "计划完成日期",
    "goal": "年度总体目标",
}
HEADER_KEYS = {**{zh: en for en, zh in HEADER_LABELS.items()}, **{en: en for en in HEADER_LABELS}}


class FundsSelector(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    total: NumberMatcher | None = _field("年度资金申请总额", "total")
    appropriation: NumberMatcher | None = _field("当年财政拨款", "appropriation")
    carryover: NumberMatcher | None = _field("上年结转资金", "carryover")
    other: NumberMatcher | None = _field("其他资金", "other")


class Condition(Strict):
    """Something true or false of a whole declaration; every given key must hold."""

    header: HeaderSelector | None = None
    funds: FundsSelector | None = None
    category: CategorySelector | None = None  # such a category is written
    indicator: IndicatorSelector | None = None  # at least one such indicator exists
    any_: list[Condition] | None = Field(None, alias="any")
    not_: Condition | None = Field(None, alias="not")


# --- messages -------------------------------------------------------------------


class Message(Strict):
    zh: str
    en: str | None = None


def _placeholders(text: str) -> list[str]:
    names = []
    for _, field_name, spec, conversion in string.Formatter().parse(text):
        if field_name is None:
            continue
        if spec or conversion or not re.fullmatch(r"[a-z0-9]+", field_name):
            raise ValueError(
                f"占位符“{{{field_name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}”无效："
                f"只写 {{名称}} / bad placeholder: write plain {{name}}"
            )
        names.append(field_name)
    return names


INDICATOR_PLACEHOLDERS = ("name", "value", "level1", "level2", "number", "unit", "operator", "project", "year", "code")
DECLARATION_PLACEHOLDERS = ("project", "year", "category", "level1", "level2", "missing", "min", "code")


# --- rules ----------------------------------------------------------------------


class RuleBase(Strict):
    code: str
    name: str
    severity: Literal["error", "warning", "info"] = "warning"
    message: Message | str
    description: Message | str | None = None
    when: Condition | None = None  # the rule applies only to declarations meeting this

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = INDICATOR_PLACEHOLDERS

    @field_validator("code")
    @classmethod
    def _code(cls, value):
        if not CODE_RE.match(value):
            raise ValueError(
                f"规则代码“{value}”不在用户范围内：写作 1–3 个大写字母 + X + 3 位数字（TLX001、SHX001）；TL+3 "
                "位数字留给内置规则"
                f" / code '{value}' is outside the user range: 1-3 capital letters, X, three digits (TLX001, SHX001); "
                "TL + digits is reserved for built-in rules"
            )
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value):
        if not NAME_RE.match(value):
            raise ValueError(
                "规则名称应为 kebab-case（如 satisfaction-floor） / rule names are kebab-case (e.g. "
                f"satisfaction-floor): '{value}'"
            )
        return value

    @field_validator("message")
    @classmethod
    def _message(cls, value):
        texts = [value] if isinstance(value, str) else [value.zh, value.en or ""]
        for text in texts:
            for name in _placeholders(text):
                if name not in cls.PLACEHOLDERS:
                    allowed = ", ".join("{" + p + "}" for p in cls.PLACEHOLDERS)
                    raise ValueError(
                        f"此类检查没有占位符 {{{name}}}（可用：{allowed}） / no placeholder {{{name}}} for this check "
                        f"(use {allowed})"
                    )
        return value


class ForbidRule(RuleBase):
    check: Literal["forbid"]
    where: IndicatorSelector | None = None  # each matching indicator is a finding
    fields: HeaderSelector | None = None  # each matching header field is a finding
    at: Literal["value", "name", "key"] = "value"

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = (*INDICATOR_PLACEHOLDERS, "field")

    @model_validator(mode="after")
    def _one(self):
        if (self.where is None) == (self.fields is None):
            raise ValueError(
                "forbid 需要 where（指标）或 fields（表头字段）之一 / forbid needs exactly one of where (indicators) "
                "or fields (header fields)"
            )
        return self


class UnitRule(RuleBase):
    check: Literal["unit"]
    where: IndicatorSelector
    units: list[str] | None = None
    unit_class: list[Literal[UNIT_CLASSES]] | None = None  # type: ignore[valid-type]
    allow_missing: bool = False

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = (*INDICATOR_PLACEHOLDERS, "expected")
    _lists = field_validator("units", "unit_class", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @model_validator(mode="after")
    def _some(self):
        if not self.units and not self.unit_class:
            raise ValueError("unit 检查需要 units 或 unit-class / a unit check needs units or unit-class")
        return self


class RangeRule(RuleBase):
    check: Literal["range"]
    where: IndicatorSelector
    min: float | None = None
    max: float | None = None
    of: Literal["number", "amount"] = "number"

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = (*INDICATOR_PLACEHOLDERS, "min", "max")

    @model_validator(mode="after")
    def _bounds(self):
        if self.min is None and self.max is None:
            raise ValueError("range 检查需要 min 或 max / a range check needs min or max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min 大于 max / min is greater than max")
        return self


class RequireRule(RuleBase):
    check: Literal["require"]
    category: CategorySelector | None = None  # this category must be written
    where: IndicatorSelector | None = None  # at least `min` such indicators must exist
    fields: list[str] | None = None  # these header fields must be filled in
    min: int = Field(1, ge=1)

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = DECLARATION_PLACEHOLDERS
    _lists = field_validator("fields", mode="before")(classmethod(lambda cls, v: _as_list(v)))

    @field_validator("fields")
    @classmethod
    def _fields(cls, value):
        for item in value or ():
            if item not in HEADER_KEYS and item not in ("项目资金", "funds"):
                known = "、".join(HEADER_LABELS.values())
                raise ValueError(f"未知的表头字段“{item}”（已知：{known}、项目资金） / unknown header field '{item}'")
        return value

    @model_validator(mode="after")
    def _one(self):
        if sum(x is not None for x in (self.category, self.where, self.fields)) != 1:
            raise ValueError(
                "require 需要 category、where、fields 三者之一 / require needs exactly one of category, where, fields"
            )
        return self


class ConditionalRule(RuleBase):
    check: Literal["conditional"]
    if_: Condition = Field(alias="if")
    then: Condition

    PLACEHOLDERS: ClassVar[tuple[str, ...]] = DECLARATION_PLACEHOLDERS


RuleSpec = Annotated[ForbidRule | UnitRule | RangeRule | RequireRule | ConditionalRule, Field(discriminator="check")]
CHECK_TYPES = ("forbid", "require", "unit", "range", "conditional")


class RuleFile(Strict):
    pack: str | None = None  # a name for the pack, shown as the rules' origin
    description: Message | str | None = None
    rules: list[Any]


IndicatorSelector.model_rebuild()
Condition.model_rebuild()
