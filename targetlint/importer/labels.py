"""Recognising the printed labels of a declaration form.

Recognition normalises a cell (whitespace, decorations such as "(必填)" and a
trailing 指标 removed) and looks it up in the shared vocabulary; what is
written out is always the cell as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from targetlint.vocabulary import LABEL_DECORATIONS, LEVEL1_ALIASES, LEVEL2_ALIASES

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


def is_indicator_heading(cells: list[str]) -> bool:
    """The column heading row of the indicator table (一级指标, 二级指标, 三级指标 …)."""
    squeezed = {squeeze(c) for c in cells}
    return "一级指标" in squeezed and ("三级指标" in squeezed or "二级指标" in squeezed)


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
    "项目性质": "nature",
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
    "年度总体目标": "goal",
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
}
AMOUNT_FIELDS = ("total", "current", "carryover", "other")


def header_label(cell: str) -> str | None:
    """The field a header cell names, "" for a structural label, None for a value."""
    text = squeeze(cell)
    for prefix in ("其中：", "其中:"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text in FIELD_LABELS:
        return FIELD_LABELS[text]
    if text in STRUCTURAL_LABELS:
        return ""
    return None


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
