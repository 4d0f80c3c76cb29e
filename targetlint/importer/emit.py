"""Writing declarations as YAML text.

The emitter is small and hand-written so the output is stable and readable:
plain scalars wherever YAML reads them back as the same string, quotes only
where it would not. Every scalar style chosen is checked by loading it back
with ruamel.yaml, so a string can never come back changed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import lru_cache
from io import StringIO

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from targetlint.form_fields import year_month
from targetlint.importer.model import EXTRA_KEYS, Declaration, Indicator

_WIDTH = 100  # display columns a folded goal line aims for
_INDENT = "  "
# A bare number in the source stays a YAML number (the linter reports the missing unit).
_BARE_NUMBER = re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")
# Words YAML 1.1 readers (PyYAML, yamllint) take for booleans or null even where
# ruamel's YAML 1.2 reader does not: quote them so every reader agrees.
_YAML11_SPECIAL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|~|null|Null|NULL|"
    r"true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|=)$"
)
_YAML11_NUMBER = re.compile(
    r"^[-+]?(?:0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|"
    r"[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$"
)
_NEEDS_DOUBLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]")

_loader = YAML(typ="safe", pure=False)


def dump_all(declarations: list[Declaration]) -> str:
    """Several declarations as one multi-document YAML text."""
    return "---\n".join(dump(d) for d in declarations)


def dump(decl: Declaration) -> str:
    out: list[str] = []
    if decl.department_name is not None and decl.name is None:
        out.append("表类型: 部门整体")
    if decl.year is not None:
        out.append(f"申报年度: {decl.year}")
    areas = list(dict.fromkeys(area for indicator in decl.indicators for area in indicator.areas))
    for key, value in (
        ("项目名称", decl.name),
        ("部门名称", decl.department_name),
        ("项目性质", decl.nature),
        ("项目类别", decl.category),
        ("主管部门", decl.department),
        ("实施单位", decl.implementer),
        ("补助区域", "、".join(areas) if areas else None),  # the area columns' headings
    ):
        if value is not None:
            out.append(f"{key}: {scalar(value)}")
    for key, when in (("计划开始日期", decl.start), ("计划完成日期", decl.end)):
        if isinstance(when, date):
            out.append(f"{key}: {when.isoformat()}")
        elif when is not None:
            out.append(f"{key}: {scalar(when)}")
    if decl.period_start is not None and decl.period_end is not None:
        out.append("实施期:")
        out.append(f"{_INDENT}开始: {_year_month(decl.period_start)}")
        out.append(f"{_INDENT}结束: {_year_month(decl.period_end)}")
    for block, total_label, funds in (
        ("项目资金", "年度资金申请总额", decl.funding),
        ("实施期资金", "资金总额", decl.period_funding),
    ):
        funding = [
            (k, v)
            for k, v in (
                (total_label, funds.total),
                ("当年财政拨款", funds.current),
                ("上年结转资金", funds.carryover),
                ("其他资金", funds.other),
            )
            if v is not None
        ]
        if funding:
            out.append(f"{block}:")
            out.extend(f"{_INDENT}{k}: {_amount(v)}" for k, v in funding)
    if decl.goal is not None:
        out.append(_goal(decl.goal))
    if decl.period_goal is not None:
        out.append(_goal(decl.period_goal, "实施期目标"))
    out.extend(_mapping("其他", decl.other, ""))
    out.extend(_indicators(decl.indicators, flat=decl.flat))
    if decl.period_indicators:
        out.extend(_indicators(decl.period_indicators, "实施期绩效指标"))
    return "\n".join(out) + "\n"


def _year_month(text: str) -> str:
    """A year or year-month as printed ("2024", "2023年7月") in the format's shape (2024, 2023-07)."""
    parsed = year_month(text)
    return str(parsed) if parsed is not None else scalar(text)


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _indicators(indicators: list[Indicator], table: str = "绩效指标", *, flat: bool = False) -> list[str]:
    if not indicators:
        return [f"{table}: {{}}"]
    if flat:  # a table with no levels: the rows as a list
        return [f"{table}:", *(line for item in indicators for line in _indicator(item, _INDENT))]
    # Group by 一级 then 二级 in order of first appearance; YAML mappings cannot
    # repeat a key, so a heading printed again further down joins its group.
    groups: dict[str, dict[str, list[Indicator]]] = {}
    for indicator in indicators:
        groups.setdefault(indicator.level1, {}).setdefault(indicator.level2, []).append(indicator)
    out = [f"{table}:"]
    for level1, by_level2 in groups.items():
        out.append(f"{_INDENT}{key(level1)}:")
        for level2, items in by_level2.items():
            out.append(f"{_INDENT * 2}{key(level2)}:")
            for item in items:
                out.extend(_indicator(item, _INDENT * 3))
    return out


def _indicator(item: Indicator, pad: str) -> list[str]:
    """One 三级指标 row as a list item indented by ``pad``."""
    out = [f"{pad}- 三级指标: {scalar(item.name)}"]
    if item.value or not item.areas:  # a row of area targets may have no 指标值
        out.append(f"{pad}  指标值: {value(item.value)}")
    for extra in EXTRA_KEYS:
        if extra in item.extras:
            shown = value if extra == "分值" else scalar  # a weight stays a number
            out.append(f"{pad}  {extra}: {shown(item.extras[extra])}")
    out.extend(_mapping("区域目标值", item.areas, pad + "  ", values=value))
    out.extend(_mapping("其他", item.other, pad + "  "))
    return out


def _mapping(name: str, items: dict[str, str], pad: str, *, values=None) -> list[str]:
    """A mapping of printed headers to cells (其他, 区域目标值); nothing when empty."""
    if not items:
        return []
    shown = values or scalar
    return [f"{pad}{name}:"] + [f"{pad}{_INDENT}{key(k)}: {shown(v)}" for k, v in items.items()]


def value(text: str) -> str:
    """An indicator value: a bare number stays a number, anything else a string."""
    if _BARE_NUMBER.match(text):
        return text
    return scalar(text)


@lru_cache(maxsize=4096)
def scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar that reads back as exactly ``text``."""
    if _plain_ok(text) and _reads_back(f"k: {text}\n", text):
        return text
    return _quoted(text)


@lru_cache(maxsize=1024)
def key(text: str) -> str:
    if _plain_ok(text) and _reads_back(f"{text}: 0\n", text, as_key=True):
        return text
    return _quoted(text)


def _plain_ok(text: str) -> bool:
    return (
        text != ""
        and text == text.strip()
        and not _NEEDS_DOUBLE.search(text)
        and "\t" not in text
        and not _YAML11_SPECIAL.match(text)
        and not _YAML11_NUMBER.match(text)
    )


def _quoted(text: str) -> str:
    if not _NEEDS_DOUBLE.search(text):
        single = "'" + text.replace("'", "''") + "'"
        if _reads_back(f"k: {single}\n", text):
            return single
    return _double(text)


def _double(text: str) -> str:
    escaped = []
    for ch in text:
        if ch in '\\"':
            escaped.append("\\" + ch)
        elif ch == "\n":
            escaped.append("\\n")
        elif ch == "\t":
            escaped.append("\\t")
        elif _NEEDS_DOUBLE.match(ch):
            code = ord(ch)
            escaped.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            escaped.append(ch)
    result = '"' + "".join(escaped) + '"'
    assert _reads_back(f"k: {result}\n", text), text
    return result


def _goal(text: str, label: str = "年度总体目标") -> str:
    """A goal (年度总体目标, 实施期目标): paragraphs as a literal block, a long line folded at its own spaces."""
    head = f"{label}:"
    if "\n" in text:
        block = "\n".join(_INDENT + line if line else "" for line in text.split("\n"))
        for indicator in ("|-", "|", "|+"):
            candidate = f"{head} {indicator}\n{block}\n"
            if _reads_back(candidate, text, key_name=label):
                return candidate.rstrip("\n")
        return f"{head} {scalar(text)}"
    plain = scalar(text)
    if plain != text or _width(head) + 1 + _width(text) <= _WIDTH:
        return f"{head} {plain}"
    folded = _fold(text, first=_width(head) + 1)
    candidate = f"{head} " + f"\n{_INDENT}".join(folded)
    if _reads_back(candidate + "\n", text, key_name=label):
        return candidate
    return f"{head} {plain}"


def _fold(text: str, *, first: int) -> list[str]:
    """Break a plain scalar at single spaces; YAML folds each break back into one space."""
    words = re.split(r"(?<=\S) (?=\S)", text)
    lines = [words[0]]
    used = first + _width(words[0])
    for word in words[1:]:
        width = _width(word)
        # Break only where it helps: a word too long for any line stays put.
        if used + 1 + width > _WIDTH and len(_INDENT) + width <= _WIDTH:
            lines.append(word)
            used = len(_INDENT) + width
        else:
            lines[-1] += " " + word
            used += 1 + width
    return lines


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _reads_back(document: str, expected: str, *, as_key: bool = False, key_name: str = "k") -> bool:
    try:
        loaded = _loader.load(StringIO(document))
    except YAMLError:
        return False
    if not isinstance(loaded, dict) or len(loaded) != 1:
        return False
    if as_key:
        (only,) = loaded
        return isinstance(only, str) and only == expected
    got = loaded.get(key_name)
    return isinstance(got, str) and got == expected
