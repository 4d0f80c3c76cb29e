"""Inputs that are YAML but not declarations, values of every wrong shape,
and tags that must never construct anything."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from targetlint.loader import load
from targetlint.source import decode


def _load(text: str):
    return load(decode(text.encode("utf-8"), "t.yaml"))


def _kinds(loaded):
    return [(p.kind, p.span.line, p.detail) for p in loaded.problems]


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "# 只有注释\n# comments only\n", "---\n# nothing\n...\n"])
def test_empty_and_comment_only_files_hold_no_declaration(cli, write, text):
    loaded = _load(text)
    assert loaded.declarations == [] and loaded.problems == []
    # Answered with the summary: one file, no declaration.
    result = cli("check", str(write("empty.yaml", text)))
    assert result.code == 0 and "0 份申报表" in result.out


def test_a_list_or_a_scalar_instead_of_a_declaration():
    loaded = _load("- 项目名称: a\n---\n劳动人事争议仲裁工作专项\n---\n42\n")
    assert _kinds(loaded) == [
        ("not-a-declaration", 1, "sequence"),
        ("not-a-declaration", 3, "scalar"),
        ("not-a-declaration", 5, "scalar"),
    ]


def test_null_in_every_field():
    text = (
        "申报年度: null\n项目名称: ~\n项目性质:\n项目类别: null\n主管部门: ~\n实施单位:\n计划开始日期: ~\n计划完成日期:\n"
        "项目资金:\n  年度资金申请总额: ~\n  当年财政拨款:\n  上年结转资金: null\n  其他资金:\n年度总体目标: ~\n"
        "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: ~\n        指标值: ~\n        计量单位: ~\n        运算符:\n"
        "    质量指标: ~\n  效益指标: ~\n"
    )
    loaded = _load(text)
    (declaration,) = loaded.declarations
    assert declaration.name is None and declaration.year is None and declaration.start_date is None
    assert declaration.funds.total is None
    (indicator,) = declaration.indicators()
    assert indicator.name is None and indicator.value is None
    # Nothing is of the wrong type: null is "not filled in", for TL003 to report.
    assert loaded.problems == []


def test_numbers_where_text_belongs_keep_their_text():
    loaded = _load(
        "项目名称: 12345\n年度总体目标: 1.50\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 2023\n        指标值: 0100\n"
    )
    (declaration,) = loaded.declarations
    assert declaration.name == "12345" and declaration.goal == "1.50"
    (indicator,) = declaration.indicators()
    assert indicator.name == "2023" and indicator.value == "0100"
    assert loaded.problems == []


def test_text_where_numbers_belong():
    loaded = _load(
        "项目名称: x\n申报年度: 二〇二三年\n计划开始日期: 明年\n项目资金:\n  年度资金申请总额: 一百万元\n  当年财政拨款: [1, 2]\n"
    )
    assert sorted(_kinds(loaded)) == [
        ("invalid-type", 2, "申报年度"),
        ("invalid-type", 3, "计划开始日期"),
        ("invalid-type", 5, "年度资金申请总额"),
        ("invalid-type", 6, "当年财政拨款"),
    ]


@pytest.mark.parametrize(
    ("written", "year"),
    [
        ("2023", 2023),
        ("-0", 0),
        ("0x7E7", 2023),
        ("2_023", 2023),
        ("999999999999999999", 999999999999999999),
        ("12345678901234567890", None),
        ("1e309", None),
        (".inf", None),
        ("-.inf", None),
        (".nan", None),
        ("1" * 40, None),
        ("9" * 5000, None),
        ("2023.5", None),
    ],
)
def test_absurd_years(written, year):
    loaded = _load(f"项目名称: x\n申报年度: {written}\n")
    assert loaded.declarations[0].year == year
    assert (year is None) == bool(loaded.problems)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1732000.00", Decimal("1732000.00")),
        ("-0", Decimal(0)),
        ("-0.0", Decimal("-0.0")),
        ("999999999999999999.99", Decimal("999999999999999999.99")),
        ("12345678901234567890", None),
        ("173200123456789012345678900.00", None),
        ("1e309", None),
        (".inf", None),
        (".nan", None),
        ("0x" + "f" * 100, None),
        ("1" * 40, None),
    ],
)
def test_absurd_amounts(written, amount):
    loaded = _load(f"项目名称: x\n项目资金:\n  年度资金申请总额: {written}\n")
    assert loaded.declarations[0].funds.total == amount
    assert (amount is None) == bool(loaded.problems)


def test_absurd_numbers_through_every_rule_and_reporter(cli, write):
    # 173200123456789012345678900.00 once crashed a funds rule's quantize (found by scripts/fuzz.py).
    path = write(
        "n.yaml",
        "项目名称: x\n申报年度: 1e309\n项目资金:\n  年度资金申请总额: 173200123456789012345678900.00\n  当年财政拨款: "
        + "9" * 18
        + ".99\n  其他资金: 1\n"
        "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 人数\n        指标值: 1e309\n      - 三级指标: 达标率\n        指标值: -.inf\n",
    )
    for fmt in ("text", "json"):
        result = cli("check", "--format", fmt, str(path))
        assert result.code == 1 and "Traceback" not in result.err and "TL009" not in result.out


# -- tags ---------------------------------------------------------------

PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:pathlib.Path {{}}",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_unsafe_tags_are_findings_and_never_constructed(tmp_path, cli, write, payload):
    marker = tmp_path / "constructed"
    value = payload.format(marker=marker)
    # In every position the loader reads: a field, a typed field, funds, an
    # indicator value, a key, the root.
    text = (
        f"项目名称: {value}\n申报年度: {value}\n项目资金:\n  年度资金申请总额: {value}\n"
        f"绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: x\n        指标值: {value}\n"
    )
    path = write("evil.yaml", text)
    result = cli("check", "--format", "json", str(path))
    assert not marker.exists()
    codes = [(f["code"], f["line"]) for f in json.loads(result.out)["findings"] if f["code"] == "TL001"]
    assert codes == [("TL001", 1), ("TL001", 2), ("TL001", 4), ("TL001", 9)]
    root = write("root.yaml", f"--- {value}\n")
    cli("check", str(root))
    assert not marker.exists()


def test_custom_tags_are_reported_with_their_name():
    loaded = _load(
        "项目名称: !secret x\n实施单位: !!str 人社局\n项目资金: !!map {年度资金申请总额: 1}\n年度总体目标: !include other.yaml\n"
    )
    assert _kinds(loaded) == [("unsafe-tag", 1, "!secret"), ("unsafe-tag", 4, "!include")]
    assert loaded.declarations[0].implementer == "人社局"


# -- nesting and aliases -------------------------------------------------


@pytest.mark.parametrize(
    ("nest", "where"),
    [
        ("项目名称: " + "[" * 100_000 + "]" * 100_000, (3, 507)),
        ("项目名称: " + "{a: " * 10_000 + "1" + "}" * 10_000, (3, 2007)),
        ("- " * 10_000 + "x", (3, 500)),
        ("".join(" " * i + "a:\n" for i in range(600)) + " " * 600 + "b", (253, 250)),
    ],
)
def test_deep_nesting_is_refused_before_the_composer(nest, where):
    # The C composer recurses in C: 10^5 levels would kill the process, so
    # the depth is bounded before it runs. The recursion limit is not touched.
    import sys

    limit = sys.getrecursionlimit()
    loaded = _load("项目名称: a\n---\n" + nest + "\n---\n项目名称: c\n")
    assert sys.getrecursionlimit() == limit
    (problem,) = [p for p in loaded.problems if p.kind == "too-complex"]
    assert "500" in problem.detail and problem.span[:2] == where
    # The documents around it are still checked.
    assert [d.name for d in loaded.declarations] == ["a", "c"]


def test_billion_laughs_is_bounded():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    lines += ["项目名称: x", "绩效指标:", "  产出指标:", "    数量指标: *a9", "    质量指标: *a9"]
    loaded = _load("\n".join(lines) + "\n")
    # Each alias is reported once, at the anchor's text: not 10^9 times.
    assert len(loaded.problems) < 30
