"""The declaration model: slotted dataclasses that know where they came from.

One definition serves the check path and the edges. The check path builds
these records directly (no pydantic is imported to check a file); pydantic
reads the same classes when a value needs coercing, when a test validates a
twin, and for the JSON Schema (:mod:`targetlint.model_schema`).

Keys are the form's Chinese labels; a written field's English key is its
attribute name, accepted as an equivalent key. Fields marked ``init=False``
are filled by the loader (spans, parsed values, the table's structure), not
written by the user, so pydantic neither validates them nor puts them in the
schema.

Every record keeps ``spans``: field name → :class:`Span` of the value, plus
``"key"`` for the record's own key or list item, so findings point at the
offending value, and ``"<field>.key"`` for a field whose value runs past its
key's line (what block suppressions need). The loader builds these from
located YAML nodes; rules only read them.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from dataclasses import replace as dataclass_replace
from decimal import Decimal
from typing import Any, ClassVar, get_type_hints

from targetlint.form_fields import Direction, Period, TableKind, WeightRange
from targetlint.goal import GoalFacts
from targetlint.names import NameFacts
from targetlint.span import FILE_START, Span
from targetlint.values import IndicatorValue
from targetlint.vocabulary import Level1Kind, Level2Kind

# Field metadata key: the form's Chinese label of a field the user writes
# (its English key is the attribute name). A field with ``init=False`` is
# filled in by the loader.
LABEL = "label"
# Field metadata key: other labels tables print for the same field ("权重"
# for 分值, "整体绩效目标" for 年度总体目标), accepted as equivalent keys.
ALSO = "also"


def _pydantic_config(cls: type) -> dict[str, Any]:
    # A plain dict: pydantic's ConfigDict is a TypedDict, so the model needs
    # no pydantic import to say how pydantic should read it.
    labels = {f.name: f.metadata[LABEL] for f in fields(cls) if LABEL in f.metadata}
    return {
        "alias_generator": lambda name: labels.get(name, name),
        "validate_by_alias": True,
        "validate_by_name": True,
        "serialize_by_alias": True,
        "extra": "ignore",
    }


@dataclass(slots=True, kw_only=True)
class Record:
    # How pydantic reads a record of written fields (see _pydantic_config).
    __pydantic_config__: ClassVar[dict[str, Any]]

    spans: dict[str, Span] = field(default_factory=dict, init=False, repr=False, compare=False)

    def span(self, field: str = "key") -> Span:
        """Where ``field``'s value was written; falls back to the record itself."""
        return self.spans.get(field) or self.spans.get("key") or FILE_START


@dataclass(slots=True, kw_only=True)
class Funds(Record):
    """项目资金 (or 实施期资金, the whole period's), in 元."""

    total: Decimal | None = field(default=None, metadata={LABEL: "年度资金申请总额", ALSO: ("资金总额",)})
    appropriation: Decimal | None = field(default=None, metadata={LABEL: "当年财政拨款"})
    carryover: Decimal | None = field(default=None, metadata={LABEL: "上年结转资金"})
    other: Decimal | None = field(default=None, metadata={LABEL: "其他资金"})
    # A transfer table splits the money by the level of government paying it.
    central: Decimal | None = field(default=None, metadata={LABEL: "中央财政资金"})
    provincial: Decimal | None = field(default=None, metadata={LABEL: "省级财政资金"})
    municipal: Decimal | None = field(default=None, metadata={LABEL: "市级财政资金"})
    county: Decimal | None = field(default=None, metadata={LABEL: "县级财政资金"})


_NO_FACTS = NameFacts()


@dataclass(slots=True, kw_only=True)
class Indicator(Record):
    """One 三级指标 row."""

    name: str | None = field(default=None, metadata={LABEL: "三级指标"})
    value: str | None = field(default=None, metadata={LABEL: "指标值"})
    unit: str | None = field(default=None, metadata={LABEL: "计量单位"})
    operator: str | None = field(default=None, metadata={LABEL: "运算符"})
    kind: str | None = field(default=None, metadata={LABEL: "指标性质"})
    note: str | None = field(default=None, metadata={LABEL: "备注"})
    weight: Decimal | None = field(default=None, metadata={LABEL: "分值", ALSO: ("权重",)})
    direction: Direction | None = field(default=None, metadata={LABEL: "指标方向"})
    explanation: str | None = field(default=None, metadata={LABEL: "指标解释"})
    scoring: str | None = field(default=None, metadata={LABEL: "评分标准", ALSO: ("评(扣)分标准",)})
    value_note: str | None = field(default=None, metadata={LABEL: "指标值说明"})
    # 区域目标值: area → its target, each parsed like 指标值 (with this row's
    # 运算符 and 计量单位) and located at spans["area_values.<area>"].
    area_values: dict[str, IndicatorValue] = field(default_factory=dict, metadata={LABEL: "区域目标值"})
    # 其他: a column the format has no field for, by its printed header →
    # the cell as written; located at spans["other.<header>"].
    other: dict[str, str] = field(default_factory=dict, metadata={LABEL: "其他"})

    # The one parse of the value and the facts of the name, so rules never
    # parse strings.
    parsed: IndicatorValue | None = field(default=None, init=False)
    facts: NameFacts = field(default=_NO_FACTS, init=False)
    # The categories this row sits under; not compared, as they hold the row.
    level1: Level1 | None = field(default=None, init=False, repr=False, compare=False)
    level2: Level2 | None = field(default=None, init=False, repr=False, compare=False)
    end_line: int = field(default=0, init=False)
    # Set on the view of one 区域目标值 (see ``judged``): the area whose value
    # this view carries as its 指标值. None on the row itself.
    area: str | None = field(default=None, init=False, compare=False)

    @property
    def area_total(self) -> IndicatorValue | None:
        """The 区域目标值 added up, when every area's value is a count of one
        unit ("1个" … or all unitless): what the row targets in all. None
        otherwise (rates, ranges, words, mixed units or no areas)."""
        areas = list(self.area_values.values())
        first = areas[0] if areas else None
        if first is None or not all(
            a.is_count and (a.unit, a.multiplier) == (first.unit, first.multiplier) for a in areas
        ):
            return None
        number = sum((Decimal(str(a.number)) for a in areas), Decimal(0))
        return dataclass_replace(first, raw=f"{number.normalize():f}{first.unit or ''}", number=float(number))

    def judged(self) -> Iterator[Indicator]:
        """The values a value rule judges, each as an indicator: the row itself
        for its 指标值, and one view per 区域目标值 whose 指标值, parse and
        ``spans["value"]`` are that area's. A row with area targets and no
        指标值 is judged by its areas alone (its empty 指标值 is no target)."""
        if not self.area_values or self.value:
            yield self
        for area, parsed in self.area_values.items():
            view = copy.copy(self)
            view.spans = {**self.spans, "value": self.span(f"area_values.{area}")}
            view.value, view.parsed, view.area = parsed.raw, parsed, area
            yield view

    @property
    def path(self) -> tuple[str, ...]:
        """一级 / 二级 / 三级 labels, as written; keys a finding in baselines."""
        return (
            self.level1.label if self.level1 else "",
            self.level2.label if self.level2 else "",
            self.name or "",
        )


@dataclass(slots=True, kw_only=True)
class Level2(Record):
    """A 二级指标 and its indicators."""

    label: str
    kind: Level2Kind | None = None  # canonical 二级 (数量, 质量, 时效, 成本, 经济效益, …) or None if unknown
    home: Level1Kind | None = None  # the canonical 一级 this 二级 belongs under
    indicators: list[Indicator] = field(default_factory=list)
    end_line: int = 0
    weight_range: WeightRange | None = None  # the score printed in the label: "(0-20)分"


@dataclass(slots=True, kw_only=True)
class Level1(Record):
    """A 一级指标 and its 二级 categories."""

    label: str
    kind: Level1Kind | None = None  # canonical 一级 (产出, 效益, 满意度, 成本) or None if unknown
    categories: list[Level2] = field(default_factory=list)
    end_line: int = 0
    weight_range: WeightRange | None = None  # the score printed in the label: "(0-20)分"
    # A level some tables print above the standard 一级 ("实施效果指标" over
    # 产出指标 and 效益指标), as printed; None when there is none.
    group: str | None = None


@dataclass(slots=True, kw_only=True)
class Declaration(Record):
    """One 财政项目支出绩效目标申报表: one YAML document."""

    year: int | None = field(default=None, metadata={LABEL: "申报年度"})
    name: str | None = field(default=None, metadata={LABEL: "项目名称"})
    nature: str | None = field(default=None, metadata={LABEL: "项目性质"})
    category: str | None = field(default=None, metadata={LABEL: "项目类别"})
    department: str | None = field(default=None, metadata={LABEL: "主管部门"})
    implementer: str | None = field(default=None, metadata={LABEL: "实施单位"})
    start_date: dt.date | None = field(default=None, metadata={LABEL: "计划开始日期"})
    end_date: dt.date | None = field(default=None, metadata={LABEL: "计划完成日期"})
    funds: Funds | None = field(default=None, metadata={LABEL: "项目资金"})
    goal: str | None = field(default=None, metadata={LABEL: "年度总体目标", ALSO: ("年度履职目标", "整体绩效目标")})
    # The kind of table as written (表类型); ``kind`` says what it is.
    table_kind: TableKind | None = field(default=None, metadata={LABEL: "表类型"})
    department_name: str | None = field(default=None, metadata={LABEL: "部门名称"})  # 部门整体: the department
    areas: str | None = field(default=None, metadata={LABEL: "补助区域"})  # 转移支付: the areas it reaches
    issued_to: str | None = field(default=None, metadata={LABEL: "下达单位"})  # 转移支付: 下达地方或单位
    period: Period | None = field(default=None, metadata={LABEL: "实施期"})
    period_goal: str | None = field(default=None, metadata={LABEL: "实施期目标"})
    period_funds: Funds | None = field(default=None, metadata={LABEL: "实施期资金"})
    other: dict[str, str] = field(default_factory=dict, metadata={LABEL: "其他"})
    # The 绩效指标 table, built by the loader from its nested mapping.
    level1s: list[Level1] = field(default_factory=list, init=False)
    has_indicators: bool = field(default=False, init=False)  # whether 绩效指标 was written at all
    # 实施期绩效指标: the period's indicator table, the shape of 绩效指标. Rules
    # that walk ``indicators()`` judge the year's table only.
    period_level1s: list[Level1] = field(default_factory=list, init=False)
    # Every indicator in table order, flattened once by the loader: each rule
    # walks them. None until the table is built.
    all_indicators: list[Indicator] | None = field(default=None, init=False, repr=False, compare=False)
    # The one analysis of the goal (targets, cited plans, outputs), so goal
    # rules never parse it; None when there is no goal.
    goal_facts: GoalFacts | None = field(default=None, init=False)

    index: int = field(default=0, init=False)  # 0-based document number in the file
    end_line: int = field(default=0, init=False)

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator in table order."""
        flat = self.all_indicators
        if flat is None:
            return (i for level1 in self.level1s for level2 in level1.categories for i in level2.indicators)
        return iter(flat)

    def judged_values(self) -> Iterator[Indicator]:
        """Every value a value rule judges, in table order: each indicator's
        指标值 and each of its 区域目标值 (see :meth:`Indicator.judged`)."""
        for indicator in self.indicators():
            yield from indicator.judged()

    def categories(self) -> Iterator[Level2]:
        for level1 in self.level1s:
            yield from level1.categories

    def period_indicators(self) -> Iterator[Indicator]:
        """Every indicator of 实施期绩效指标, in table order."""
        return (i for level1 in self.period_level1s for level2 in level1.categories for i in level2.indicators)

    @property
    def title(self) -> str | None:
        """What names the declaration in reports: 项目名称, or a 部门整体 table's 部门名称."""
        return self.name or self.department_name

    @property
    def kind(self) -> TableKind:
        """What table this is: 表类型 as written, else what its keys say (a
        部门名称 without 项目名称 is 部门整体; 补助区域 or 下达单位 is 转移支付),
        else 项目支出."""
        if self.table_kind is not None:
            return self.table_kind
        if self.department_name and not self.name:
            return TableKind.DEPARTMENT
        if self.areas or self.issued_to:
            return TableKind.TRANSFER
        return TableKind.PROJECT

    def texts(self, indicator_fields: tuple[str, ...]) -> list[str]:
        """The header's free-text fields and ``indicator_fields`` of every
        indicator, as written ("" where empty): what a text scan searches
        once before looking field by field."""
        texts = [getattr(self, field) or "" for field in HEADER_TEXT_FIELDS]
        texts += [getattr(indicator, field) or "" for indicator in self.indicators() for field in indicator_fields]
        return texts


for _record in (Funds, Indicator, Declaration):
    _record.__pydantic_config__ = _pydantic_config(_record)


# The header's free-text fields: where template residue and editor markup hide.
HEADER_TEXT_FIELDS = (
    "name",
    "nature",
    "category",
    "department",
    "implementer",
    "goal",
    "department_name",
    "areas",
    "issued_to",
    "period_goal",
)


def written_fields(model: type[Record]) -> dict[str, str]:
    """Field name → Chinese label of every field the user writes, in form order."""
    return {f.name: f.metadata[LABEL] for f in fields(model) if LABEL in f.metadata}


def written_types(model: type[Record]) -> dict[str, Any]:
    """Field name → annotation (``Decimal | None``) of every field the user writes."""
    hints = get_type_hints(model)
    return {name: hints[name] for name in written_fields(model)}


def accepted_keys(model: type[Record]) -> dict[str, str]:
    """Accepted key (Chinese label or English name) → field name, for the
    loader's unknown-key check and messages."""
    keys: dict[str, str] = {}
    also = {f.name: f.metadata.get(ALSO, ()) for f in fields(model)}
    for name, label in written_fields(model).items():
        keys[label] = name
        for other in also[name]:
            keys[other] = name
        keys[name] = name
    return keys


INDICATORS_KEYS = ("绩效指标", "indicators")
PERIOD_INDICATORS_KEYS = ("实施期绩效指标", "period_indicators")
DECLARATION_KEYS = accepted_keys(Declaration)
FUNDS_KEYS = accepted_keys(Funds)
INDICATOR_KEYS = accepted_keys(Indicator)
# Every key a declaration's top level accepts, in the order a "did you mean"
# prefers them: what a misspelt key is compared with (TL002) and what makes a
# YAML mapping look like a declaration (the loader). Derived from the fields,
# so it grows with the format.
TOP_LEVEL_KEYS = (*DECLARATION_KEYS, *INDICATORS_KEYS, *PERIOD_INDICATORS_KEYS)
