"""The declaration model: pydantic records that know where they came from.

Keys are the form's Chinese labels; the English names are accepted as
equivalent keys. Every record keeps ``spans``: field name → :class:`Span` of
the value, plus ``"key"`` for the record's own key or list item, so findings
point at the offending value, and ``"<field>.key"`` for a field whose value
runs past its key's line (what block suppressions need). The loader builds
these from located YAML nodes; rules only read them.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from pydantic_core import PydanticUndefined

from targetlint.goal import GoalFacts
from targetlint.names import NameFacts
from targetlint.span import FILE_START, Span
from targetlint.values import IndicatorValue


def _field(zh: str, en: str, default: Any = None) -> Any:
    return Field(default, validation_alias=AliasChoices(zh, en), serialization_alias=zh)


class Record(BaseModel):
    # Validators are built on first use, not at import: the loader builds
    # records from values it has already typed (``typed``), so a check that
    # meets no odd value never pays for building them (a pre-commit run is
    # mostly start-up; see the README's performance section).
    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True, validate_assignment=False, defer_build=True)

    spans: dict[str, Span] = Field(default_factory=dict, exclude=True)

    @classmethod
    def typed(cls, **values: Any):
        """A record from values that already have their fields' types.

        pydantic's ``model_construct`` contract (no validation; the given
        fields are the set ones, the rest take their defaults), with the
        defaults worked out once per class: the loader builds one record per
        indicator, and ``model_construct`` re-derives them on every call.
        ``tests/test_model.py`` holds the two to the same result.
        """
        defaults = _DEFAULTS.get(cls) or _defaults_of(cls)
        data = {}
        for name, default, factory in defaults:
            if name in values:
                data[name] = values[name]
            elif factory is not None:
                data[name] = factory()
            elif default is not PydanticUndefined:  # a required field left out stays unset, as in model_construct
                data[name] = default
        record = cls.__new__(cls)
        _set = object.__setattr__
        _set(record, "__dict__", data)
        _set(record, "__pydantic_fields_set__", set(values))
        _set(record, "__pydantic_extra__", None)
        _set(record, "__pydantic_private__", None)
        return record

    def span(self, field: str = "key") -> Span:
        """Where ``field``'s value was written; falls back to the record itself."""
        return self.spans.get(field) or self.spans.get("key") or FILE_START


_DEFAULTS: dict[type, tuple] = {}


def _defaults_of(cls: type[Record]) -> tuple:
    defaults: list[tuple[str, Any, Callable[..., Any] | None]] = []  # (name, default, factory)
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            defaults.append((name, None, info.default_factory))
        elif isinstance(info.default, (list, dict, set)):
            # pydantic copies a mutable default for each record; so must we.
            defaults.append((name, None, partial(copy.deepcopy, info.default)))
        else:
            defaults.append((name, info.default, None))
    _DEFAULTS[cls] = tuple(defaults)
    return _DEFAULTS[cls]


class Funds(Record):
    """项目资金, in 元."""

    total: Decimal | None = _field("年度资金申请总额", "total")
    appropriation: Decimal | None = _field("当年财政拨款", "appropriation")
    carryover: Decimal | None = _field("上年结转资金", "carryover")
    other: Decimal | None = _field("其他资金", "other")


class Indicator(Record):
    """One 三级指标 row."""

    name: str | None = _field("三级指标", "name")
    value: str | None = _field("指标值", "value")
    unit: str | None = _field("计量单位", "unit")
    operator: str | None = _field("运算符", "operator")
    kind: str | None = _field("指标性质", "kind")
    note: str | None = _field("备注", "note")

    # Filled by the loader after validation: the one parse of the value and
    # the facts of the name, so rules never parse strings.
    parsed: IndicatorValue | None = Field(None, exclude=True)
    facts: NameFacts = Field(default_factory=NameFacts, exclude=True)
    level1: Level1 | None = Field(None, exclude=True, repr=False)
    level2: Level2 | None = Field(None, exclude=True, repr=False)
    end_line: int = Field(0, exclude=True)

    @property
    def path(self) -> tuple[str, ...]:
        """一级 / 二级 / 三级 labels, as written; keys a finding in baselines."""
        return (
            self.level1.label if self.level1 else "",
            self.level2.label if self.level2 else "",
            self.name or "",
        )


class Level2(Record):
    """A 二级指标 and its indicators."""

    label: str
    kind: str | None = None  # canonical 二级 (数量, 质量, 时效, 成本, 经济效益, …) or None if unknown
    home: str | None = None  # the canonical 一级 this 二级 belongs under
    indicators: list[Indicator] = Field(default_factory=list)
    end_line: int = 0


class Level1(Record):
    """A 一级指标 and its 二级 categories."""

    label: str
    kind: str | None = None  # canonical 一级 (产出, 效益, 满意度, 成本) or None if unknown
    categories: list[Level2] = Field(default_factory=list)
    end_line: int = 0


class Declaration(Record):
    """One 财政项目支出绩效目标申报表: one YAML document."""

    year: int | None = _field("申报年度", "year")
    name: str | None = _field("项目名称", "name")
    nature: str | None = _field("项目性质", "nature")
    category: str | None = _field("项目类别", "category")
    department: str | None = _field("主管部门", "department")
    implementer: str | None = _field("实施单位", "implementer")
    start_date: dt.date | None = _field("计划开始日期", "start_date")
    end_date: dt.date | None = _field("计划完成日期", "end_date")
    funds: Funds | None = _field("项目资金", "funds")
    goal: str | None = _field("年度总体目标", "goal")
    level1s: list[Level1] = Field(default_factory=list, exclude=True)
    has_indicators: bool = Field(False, exclude=True)  # whether 绩效指标 was written at all
    # Filled by the loader: the one analysis of the goal (targets, cited plans,
    # outputs), so goal rules never parse it; None when there is no goal.
    goal_facts: GoalFacts | None = Field(None, exclude=True)

    index: int = Field(0, exclude=True)  # 0-based document number in the file
    end_line: int = Field(0, exclude=True)

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator in table order. Each rule walks them, so the list is
        flattened once and reused."""
        flat = self.__dict__.get("_flat")  # set by the loader once the table is built
        if flat is None:
            return (i for level1 in self.level1s for level2 in level1.categories for i in level2.indicators)
        return iter(flat)

    def categories(self) -> Iterator[Level2]:
        for level1 in self.level1s:
            yield from level1.categories

    def texts(self, indicator_fields: tuple[str, ...]) -> list[str]:
        """The header's free-text fields and ``indicator_fields`` of every
        indicator, as written ("" where empty): what a text scan searches
        once before looking field by field."""
        texts = [getattr(self, field) or "" for field in HEADER_TEXT_FIELDS]
        texts += [getattr(indicator, field) or "" for indicator in self.indicators() for field in indicator_fields]
        return texts


# The header's free-text fields: where template residue and editor markup hide.
HEADER_TEXT_FIELDS = ("name", "nature", "category", "department", "implementer", "goal")


# Field name → accepted keys, for the loader's unknown-key check and messages.
def accepted_keys(model: type[BaseModel]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, info in model.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            for choice in alias.choices:
                keys[str(choice)] = name
    return keys


INDICATORS_KEYS = ("绩效指标", "indicators")
DECLARATION_KEYS = accepted_keys(Declaration)
FUNDS_KEYS = accepted_keys(Funds)
INDICATOR_KEYS = accepted_keys(Indicator)
# Every key a declaration's top level accepts, in the order a "did you mean"
# prefers them: what a misspelt key is compared with (TL002) and what makes a
# YAML mapping look like a declaration (the loader). Derived from the fields,
# so it grows with the format.
TOP_LEVEL_KEYS = (*DECLARATION_KEYS, *INDICATORS_KEYS)
