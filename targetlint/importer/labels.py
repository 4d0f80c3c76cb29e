"""Recognising the printed labels of a declaration form.

Recognition normalises a cell (whitespace, decorations such as "(必填)" and a
trailing 指标 removed) and looks it up in the shared vocabulary; what is
written out is always the cell as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from targetlint.form_fields import direction
from targetlint.vocabulary import (
    EQ_OPERATORS,
    GE_OPERATORS,
    GT_OPERATORS,
    LABEL_DECORATIONS,
    LE_OPERATORS,
    LEVEL1_ALIASES,
    LEVEL2_ALIASES,
    LT_OPERATORS,
)

_SPACE = re.compile(r"\s+")
_DECORATIONS = tuple(re.compile(p) for p in LABEL_DECORATIONS)
_RULE_CHARS = set("-—–=_─━+| ")
_YEAR_MARKER = re.compile(r"^[(（]\s*(\d{4})\s*年度?\s*[)）]$")
_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年度")

_LEVEL1 = {alias: canon for canon, aliases in LEVEL1_ALIASES.items() for alias in aliases}
# A label with two readings ("成本": 产出's 二级, or 经济成本 repeated under the
# 一级 成本) takes its first, as names.level2_kind does without a parent.
_LEVEL2: dict[str, tuple[str, str]] = {}
for _canon, (_parent, _aliases) in LEVEL2_ALIASES.items():
    for _alias in _aliases:
        _LEVEL2.setdefault(_alias, (_canon, _parent))


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def normalise(label: str) -> str:
    text = squeeze(label)
    for pattern in _DECORATIONS:
        text = pattern.sub("", text)
    if text.endswith("指标") and len(text) > 2:
        text = text[:-2]
    return text


@dataclass(frozen=True)
class Category:
    """What a category cell can be: a 一级 (level1) and/or a 二级 (level2 with its parent)."""

    level1: str | None
    level2: str | None
    parent: str | None  # the canonical 一级 a 二级 belongs under


def category(cell: str) -> Category | None:
    key = normalise(cell)
    level1 = _LEVEL1.get(key)
    level2, parent = _LEVEL2.get(key, (None, None))
    if level1 is None and level2 is None:
        return None
    return Category(level1, level2, parent)


def looks_like_category(cell: str) -> bool:
    """A label the vocabulary does not know but that is printed like one ("运行效益指标")."""
    text = squeeze(cell)
    return 2 < len(text) <= 16 and text.endswith("指标") and not any(ch.isdigit() for ch in text)


def is_fragment(cell: str) -> bool:
    """The tail "指标" of a label whose first part was printed on an earlier row."""
    return squeeze(cell) == "指标"


def frame_part(cell: str) -> str | None:
    """The table's outer "绩效指标" label (or its first half); None for anything else."""
    text = squeeze(cell)
    if text in ("绩效指标", "项目绩效指标"):
        return "whole"
    if text in ("绩效", "项目绩效"):
        return "head"
    return None


def is_rule(cells: list[str]) -> bool:
    """A "--\t-------" table rule left by the PDF conversion."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(set(c.strip()) <= _RULE_CHARS for c in filled)


# What official forms print below the table: approvals, seals, signatures,
# dates and notes. None of it is a field of the declaration.
_FOOTER = re.compile(r"审核意见$|意见$|盖章|签字|签章|^注[：:]|^备注[：:]|^填报人|^联系人|^联系电话|^填报日期|^年月日$")


def is_footer(cells: list[str]) -> bool:
    """An approval, seal, signature, date or note row below the table."""
    filled = [squeeze(c) for c in cells if c.strip()]
    return bool(filled) and (bool(_FOOTER.search(filled[0].strip("()（）"))) or filled[-1] == "年月日")


# A label over an indicator table saying whose it is: the period's (长期 / 中期,
# 湖南 prints the 长期 block above the 年度 one) or the year's.
_TABLE_BLOCKS = {
    "长期绩效指标": "period",
    "中期绩效指标": "period",
    "实施期绩效指标": "period",
    "年度绩效指标": "annual",
}


def table_block(cells: list[str]) -> str | None:
    """ "period" or "annual" for a row that only labels the indicator table below it."""
    filled = [squeeze(c) for c in cells if c.strip()]
    return _TABLE_BLOCKS.get(filled[0]) if len(filled) == 1 else None


def is_indicator_heading(cells: list[str]) -> bool:
    """The column heading row of the indicator table (一级指标, 二级指标, 三级指标 …)."""
    squeezed = {squeeze(c) for c in cells}
    return "一级指标" in squeezed and ("三级指标" in squeezed or "二级指标" in squeezed)


def is_flat_heading(cells: list[str]) -> bool:
    """The heading row of a table with no levels (corpus 27: 指标名称 | 计量单位 |
    指标性质 | 指标值): an indicator name and a value column, no 一级指标."""
    roles = {column_role(c) for c in cells if c.strip()}
    return "level1" not in roles and {"name", "value"} <= roles


def year_marker(cells: list[str]) -> int | None:
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 1:
        match = _YEAR_MARKER.match(squeeze(filled[0]))
        if match:
            return int(match.group(1))
    return None


def title_year(cells: list[str]) -> int | None:
    filled = [c for c in cells if c.strip()]
    if len(filled) == 1 and "表" in filled[0]:
        match = _YEAR_IN_TITLE.search(filled[0])
        if match:
            return int(match.group(1))
    return None


def is_title(cells: list[str]) -> bool:
    filled = [squeeze(c) for c in cells if c.strip()]
    return len(filled) == 1 and filled[0].endswith(("申报表", "汇总表", "目标表"))


# --- Header block -----------------------------------------------------------
# Field labels, after whitespace and a leading "其中：" are removed.
FIELD_LABELS = {
    "申报年度": "year",
    "项目名称": "name",
    "部门名称": "department_name",
    "部门(单位)名称": "department_name",
    "部门（单位）名称": "department_name",
    "项目性质": "nature",
    "项目属性": "nature",  # 安徽
    "项目类别": "category",
    "主管部门": "department",
    "主管部门及代码": "department",
    "实施单位": "implementer",
    "计划开始日期": "start",
    "计划完成日期": "end",
    "年度资金申请总额": "total",
    "年度资金总额": "total",
    "当年财政拨款": "current",
    "上年结转资金": "carryover",
    "上年结转": "carryover",
    "其他资金": "other",
    "财政拨款": "current",
    "资金总额": "total",
    "中期资金总额": "period_total",
    "长期资金总额": "period_total",
    "年度总体目标": "goal",
    "年度目标": "goal",
    "总体目标": "goal",  # 安徽 prints it beside 中期目标 / 年度目标 (see form._period_goal_row)
    "年度总体绩效目标": "goal",
    "年度履职目标": "goal",
    "整体绩效目标": "goal",
}
# Labels that structure the form but carry no field of their own.
STRUCTURAL_LABELS = {
    "项目资金",
    "项目资金总额",
    "财政资金",
    "项目绩效目标",
    "项目总目标",
    "长期目标",
    "项目资金(元)",
    "项目资金（元）",
    "项目资金(万元)",
    "项目资金（万元）",
    "绩效目标",
    "资金情况",
}
AMOUNT_FIELDS = ("total", "current", "carryover", "other")

# The period's goal printed beside the year's (安徽: "中期目标(2024年—2026年) | 年度目标"),
# its years in the label.
_PERIOD_GOAL = re.compile(r"^(?:中长期|中期|长期|实施期)(?:总体)?(?:绩效)?目标(?:[（(](?P<years>[^）)]*)[）)])?[：:]?$")
_PERIOD_YEARS = re.compile(r"^(\d{4}(?:年\d{1,2}月?)?)年?[—–\-~～至到]+(\d{4}(?:年\d{1,2}月?)?)年?$")


@dataclass(frozen=True)
class PeriodGoal:
    """A 中期目标 label: the years it prints, as written ("2024", "2026"), when it prints them."""

    start: str | None
    end: str | None


def period_goal(cell: str) -> PeriodGoal | None:
    """The label of a period's goal column ("中期目标(2024年—2026年)"), or None."""
    match = _PERIOD_GOAL.match(squeeze(cell))
    if match is None:
        return None
    years = _PERIOD_YEARS.match(match.group("years") or "")
    return PeriodGoal(years.group(1), years.group(2)) if years else PeriodGoal(None, None)


_UNIT_NOTE = re.compile(r"[（(](?:万元|元)[）)]$")


# --- Indicator-table columns -------------------------------------------------
# Column heading → what the column holds, compared after whitespace, brackets
# ("(必填)", "（包含数字及文字描述）", "(扣)") and star marks are removed.
# "kind-or-operator" and "direction" columns are split by their content (see
# ``split_cell``): a 指标值类型 cell of 定性 is a kind, one of ≥ an operator.
COLUMN_HEADINGS = {
    "level1": ("一级指标", "一级目标"),
    "level2": ("二级指标",),
    "name": ("三级指标", "三级指标内容", "指标名称", "指标内容"),
    "value": ("指标值", "年度指标值", "目标值", "绩效指标值", "年度目标值", "指标值及单位", "年度/项目指标值"),
    "计量单位": ("计量单位", "度量单位", "单位"),
    "运算符": ("运算符", "计算符号"),
    "kind-or-operator": ("指标值类型", "指标性质"),
    "direction": ("指标方向", "方向性", "指标方向性"),
    "分值": ("分值", "权重"),
    "指标解释": ("指标解释", "指标描述"),
    "评分标准": ("评分标准", "评扣分标准"),
    "指标值说明": ("指标值说明", "指标说明"),
    "备注": ("备注",),
}
_COLUMN_ROLES = {heading: role for role, headings in COLUMN_HEADINGS.items() for heading in headings}
_BRACKETS = re.compile(r"[（(][^）)]*[）)]|[★☆*＊]")
_OPERATORS = frozenset(GE_OPERATORS + LE_OPERATORS + GT_OPERATORS + LT_OPERATORS + EQ_OPERATORS + (">=", "<="))
KINDS = ("定量", "定性")


def column_role(cell: str) -> str | None:
    """What an indicator-table column heading names, or None for a heading the format has no field for."""
    return _COLUMN_ROLES.get(_BRACKETS.sub("", squeeze(cell)))


def split_cell(role: str, text: str) -> str | None:
    """Where a cell of a "kind-or-operator" or "direction" column belongs, by
    its content: 指标性质 (定量/定性), 运算符 (≥, ≤ …) or 指标方向 (正向,
    越小越好 …); None when it is none of these (it is kept in 其他)."""
    content = squeeze(text)
    if content in KINDS:
        return "指标性质"
    if content in _OPERATORS:
        return "运算符"
    if role == "direction" and direction(content) is not None:
        return "指标方向"
    return None


def header_label(cell: str) -> str | None:
    """The field a header cell names, "" for a structural label, None for a value."""
    text = squeeze(cell)
    for prefix in ("其中：", "其中:"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    # "年度资金总额：" and "资金情况(万元)" are labels too: the colon and the
    # unit (read by amount_scale) are not part of the name.
    text = _UNIT_NOTE.sub("", text.rstrip("：:").lstrip("*＊"))
    if text in FIELD_LABELS:
        return FIELD_LABELS[text]
    if text in STRUCTURAL_LABELS:
        return ""
    return None


# A list of projects on one sheet (四川 井研: "单位名称 | 项目名称 | 预算数 | 年度目标 |
# 一级指标 …"): the project's own columns left of its indicator columns, each
# project's cells merged down over its indicator rows.
LIST_COLUMNS = {
    "项目名称": "name",
    "单位名称": "unit",
    "预算单位": "unit",
    "实施单位": "unit",
    "主管部门": "department",
    "预算数": "total",
    "预算金额": "total",
    "年度资金总额": "total",
    "资金总额": "total",
    "年度目标": "goal",
    "总体目标": "goal",  # 安徽 prints it beside 中期目标 / 年度目标 (see form._period_goal_row)
    "年度总体目标": "goal",
    "年度绩效目标": "goal",
}


def list_columns(cells: list[str]) -> dict[str, int]:
    """The project columns of an indicator heading row that also heads 项目名称
    (several projects listed in one table); {} for an ordinary heading row."""
    if not is_indicator_heading(cells):
        return {}
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = LIST_COLUMNS.get(_BRACKETS.sub("", squeeze(cell)))
        if role is not None:
            found.setdefault(role, index)
    return found if "name" in found else {}


_AMOUNT_UNIT = re.compile(r"^(?:金额)?单位[：:](万元|元)$")


def amount_unit(cells: list[str]) -> int | None:
    """10000 or 1 for a row that only says the table's unit ("金额单位:万元")."""
    filled = [squeeze(c) for c in cells if c.strip()]
    match = _AMOUNT_UNIT.match(filled[0]) if len(filled) == 1 else None
    if match is None:
        return None
    return 10000 if match.group(1) == "万元" else 1


def amount_scale(cell: str) -> int | None:
    """10000 when a funding label says the amounts are in 万元, 1 for 元."""
    text = squeeze(cell)
    if "资金" not in text:
        return None
    if "万元" in text:
        return 10000
    if "(元)" in text or "（元）" in text:
        return 1
    return None
