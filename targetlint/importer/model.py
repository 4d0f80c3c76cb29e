"""Plain records of what the importer extracted, each with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from targetlint.i18n import Message

# Optional per-indicator columns, in the order they are written.
EXTRA_KEYS = ("计量单位", "运算符", "指标性质", "分值", "指标方向", "指标解释", "评分标准", "指标值说明", "备注")


@dataclass(frozen=True)
class Where:
    """A place in a source: a text line, or a worksheet cell."""

    source: str
    line: int
    sheet: str | None = None
    column: str | None = None  # spreadsheet column letters

    def __str__(self) -> str:
        if self.sheet is None:
            return f"{self.source}:{self.line}"
        if self.line == 0:  # a whole sheet
            return f"{self.source}:{self.sheet}"
        return f"{self.source}:{self.sheet}!{self.column or 'A'}{self.line}"


@dataclass
class Indicator:
    level1: str
    level2: str
    name: str
    value: str  # verbatim; "" when the table has no value
    where: Where
    extras: dict[str, str] = field(default_factory=dict)
    # One target column per area (区域目标值): the area as printed → the cell.
    areas: dict[str, str] = field(default_factory=dict)
    # Columns the format has no field for (其他): the header as printed → the cell.
    other: dict[str, str] = field(default_factory=dict)
    # Where each part was read, by its form label (三级指标, 指标值, 计量单位 …):
    # for a worksheet the cell itself, so a finding can point at it.
    cells: dict[str, Where] = field(default_factory=dict)


@dataclass
class Funding:
    total: Decimal | None = None  # 年度资金申请总额
    current: Decimal | None = None  # 当年财政拨款
    carryover: Decimal | None = None  # 上年结转资金
    other: Decimal | None = None  # 其他资金


@dataclass
class Declaration:
    where: Where
    year: int | None = None
    name: str | None = None
    department_name: str | None = None  # a 部门整体 table's 部门(单位)名称
    nature: str | None = None
    category: str | None = None
    department: str | None = None
    implementer: str | None = None
    start: date | str | None = None  # a str when the source date could not be read
    end: date | str | None = None
    funding: Funding = field(default_factory=Funding)
    # The whole period's funds and indicator table, where the form prints a
    # 中期 (安徽) column beside the year's: 实施期资金 and 实施期绩效指标.
    period_funding: Funding = field(default_factory=Funding)
    period_indicators: list[Indicator] = field(default_factory=list)
    goal: str | None = None
    # 实施期目标 and 实施期: the period's goal printed beside the year's
    # ("中期目标(2024年—2026年) | 年度目标"), its first and last year as printed.
    period_goal: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    flat: bool = False  # the table prints no levels (一级/二级): 绩效指标 is a list
    # Rows the format has no field for (其他): the row's label as printed → the rest of the row.
    other: dict[str, str] = field(default_factory=dict)
    # Where each header field's value was read, by field name (name, department,
    # total, start, goal …); for a worksheet the cell itself.
    cells: dict[str, Where] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """Something the import says about a place in the source, in English
    (``message``) and Chinese (``zh``); ``text`` picks the language."""

    where: Where
    message: str
    zh: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def text(self, lang: str) -> str:
        return f"{self.where}: {Message(self.zh or self.message, self.message).text(lang)}"


class SourceError(Exception):
    """The source as a whole cannot be imported (missing, empty, binary …);
    ``str()`` is the English message, ``text(lang)`` either."""

    def __init__(self, message: str, zh: str = "") -> None:
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str) -> str:
        return Message(self.zh or str(self), str(self)).text(lang)


class NoDeclaration(SourceError):
    """The source was read, and no sheet or table of it is a declaration (a budget sheet, a list of names)."""
