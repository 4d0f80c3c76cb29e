"""The extended form's fields load located, and bad input to them is a located problem."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targetlint.form_fields import Direction, Period, TableKind, WeightRange, YearMonth
from targetlint.loader import load
from targetlint.source import decode
from targetlint.span import Span
from targetlint.values import Operator


def _load(text: str):
    return load(decode(text.encode("utf-8"), "t.yaml"))


SPLIT_ROW = """\
项目名称: 专项
实施期:
  开始: 2023-07
  结束: 2024-01
实施期目标: 三年内完成改造
实施期资金:
  资金总额: 3000000
其他:
  项目期: 3年
绩效指标:
  成本指标(0-20)分:
    经济成本指标:
      - 三级指标: 项目建设成本
        指标值: ≤65万元
        分值: 10
        指标方向: 越小越好
        指标解释: 反映成本控制
        评分标准: 未达指标值酌情扣分
        指标值说明: 达到预计值
        其他:
          实际完成值: ""
实施期绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数
        指标值: ≥300人
"""


def test_split_columns_load_into_their_fields_with_positions():
    loaded = _load(SPLIT_ROW)
    assert not loaded.problems
    (declaration,) = loaded.declarations
    assert declaration.period == Period(YearMonth(2023, 7), YearMonth(2024, 1))
    assert declaration.period_goal == "三年内完成改造"
    assert declaration.period_funds.total == Decimal(3000000)
    assert declaration.other == {"项目期": "3年"}
    assert declaration.span("other.项目期") == Span(9, 8, 9, 10)
    (cost,) = declaration.indicators()
    assert cost.weight == Decimal(10)
    assert cost.direction is Direction.NEGATIVE
    assert (cost.explanation, cost.scoring, cost.value_note) == ("反映成本控制", "未达指标值酌情扣分", "达到预计值")
    assert cost.other == {"实际完成值": ""}
    assert cost.span("weight") == Span(15, 13, 15, 15)
    assert cost.level1.kind == "成本" and cost.level1.weight_range == WeightRange(Decimal(0), Decimal(20))
    assert cost.level1.label == "成本指标(0-20)分"  # kept as printed
    (period_row,) = declaration.period_indicators()
    assert period_row.name == "培训人数" and period_row.parsed.amount == 300
    assert [i.name for i in declaration.indicators()] == ["项目建设成本"]  # the period's table is its own


def test_a_year_only_period():
    (declaration,) = _load("项目名称: 专项\n实施期: {开始: 2023, 结束: 2025}\n绩效指标: {}\n").declarations
    assert declaration.period == Period(YearMonth(2023), YearMonth(2025))
    assert str(declaration.period) == "2023–2025"


AREAS = """\
项目名称: 水利专项
补助区域: 甲镇、乙镇
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 开展修复工程
        运算符: ≥
        计量单位: 个
        区域目标值:
          甲镇: 1
          乙镇: "2"
"""


def test_area_values_are_parsed_with_the_rows_operator_and_unit_and_located():
    (declaration,) = _load(AREAS).declarations
    (row,) = declaration.indicators()
    assert set(row.area_values) == {"甲镇", "乙镇"}
    second = row.area_values["乙镇"]
    assert second.operator is Operator.GE and second.amount == 2 and second.unit == "个"
    assert row.span("area_values.乙镇") == Span(11, 15, 11, 18)
    assert declaration.kind is TableKind.TRANSFER  # inferred from 补助区域


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("表类型: 部门整体\n部门名称: 某局\n绩效指标: {}\n", TableKind.DEPARTMENT),
        ("部门名称: 某局\n整体绩效目标: 履职\n绩效指标: {}\n", TableKind.DEPARTMENT),
        ("项目名称: 专项\n下达单位: 某区人民政府\n绩效指标: {}\n", TableKind.TRANSFER),
        ("项目名称: 专项\n绩效指标: {}\n", TableKind.PROJECT),
        ("表类型: 项目支出\n项目名称: 专项\n补助区域: 甲\n绩效指标: {}\n", TableKind.PROJECT),  # written wins
    ],
)
def test_table_kind_is_written_or_inferred_from_the_keys(text, kind):
    (declaration,) = _load(text).declarations
    assert declaration.kind is kind


def test_a_department_goal_is_the_goal():
    (declaration,) = _load("部门名称: 某局\n年度履职目标: 做好审计工作\n绩效指标: {}\n").declarations
    assert declaration.goal == "做好审计工作"


def test_an_extra_level_above_the_standard_level1_is_a_group():
    text = (
        "项目名称: 专项\n绩效指标:\n  实施效果指标:\n    产出指标:\n      '':\n"
        "        - 三级指标: 竣工验收合格率\n          指标值: 100%\n"
        "    效益指标:\n      '':\n        - 三级指标: 综合利用率\n          指标值: ≥90%\n"
    )
    loaded = _load(text)
    assert not loaded.problems
    (declaration,) = loaded.declarations
    assert [(l1.group, l1.label, l1.kind) for l1 in declaration.level1s] == [
        ("实施效果指标", "产出指标", "产出"),
        ("实施效果指标", "效益指标", "效益"),
    ]
    assert declaration.level1s[0].span() == Span(4, 5, 4, 9)


def test_a_level_above_the_level1_with_no_level2_printed_is_a_group():
    # Written as the table prints it: the group's keys are 一级 names, each
    # holding its list, so the lists stand under a blank 二级 (as `''` says).
    text = (
        "项目名称: 专项\n绩效指标:\n  实施效果指标:\n    产出指标:\n"
        "      - 三级指标: 竣工验收合格率\n        指标值: 100%\n"
        "    效益指标:\n      - 三级指标: 综合利用率\n        指标值: ≥90%\n"
    )
    loaded = _load(text)
    assert not loaded.problems
    (declaration,) = loaded.declarations
    assert [(l1.group, l1.label, l1.kind) for l1 in declaration.level1s] == [
        ("实施效果指标", "产出指标", "产出"),
        ("实施效果指标", "效益指标", "效益"),
    ]
    assert [row.path for row in declaration.indicators()] == [
        ("产出指标", "", "竣工验收合格率"),
        ("效益指标", "", "综合利用率"),
    ]


@pytest.mark.parametrize(
    "level1",
    [
        # A 一级 label's own 二级 stay 二级, 成本 and 满意度 included: they are 二级 names too.
        "产出指标:\n    成本指标:\n      - 三级指标: 单价\n        指标值: ≤5万元\n",
        "社会效益:\n    满意度指标:\n      - 三级指标: 满意度\n        指标值: ≥90%\n",
        "实施效果:\n    数量指标:\n      - 三级指标: 户数\n        指标值: ≥5户\n",
    ],
)
def test_a_level1_over_level2_lists_is_no_group(level1):
    (declaration,) = _load("项目名称: 专项\n绩效指标:\n  " + level1).declarations
    assert all(l1.group is None for l1 in declaration.level1s)
    assert [len(l1.categories) for l1 in declaration.level1s] == [1]


def test_a_flat_list_has_no_levels():
    text = "项目名称: 专项\n绩效指标:\n  - 三级指标: 辅警人员\n    指标值: =512人\n"
    loaded = _load(text)
    assert not loaded.problems
    (declaration,) = loaded.declarations
    (row,) = declaration.indicators()
    assert row.path == ("", "", "辅警人员") and row.level1.kind is None


@pytest.mark.parametrize(
    ("row", "detail", "expected", "at"),
    [
        ("分值: 二十", "分值", "number", Span(7, 13, 7, 15)),
        ("权重: [20]", "权重", "number", Span(7, 13, 7, 17)),
        ("指标方向: 上", "指标方向", "direction", Span(7, 15, 7, 16)),
        ("区域目标值: {甲区: [1, 2]}", "甲区", "text", Span(7, 21, 7, 27)),
        ("区域目标值: [1, 2]", "区域目标值", "mapping", Span(7, 16, 7, 22)),
        ("其他: {实际完成值: [1]}", "实际完成值", "text", Span(7, 21, 7, 24)),
    ],
)
def test_bad_input_to_an_indicator_field_is_a_located_problem(row, detail, expected, at):
    text = f"项目名称: 专项\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        指标值: ≥20人\n        {row}\n"
    loaded = _load(text)
    (problem,) = loaded.problems
    assert (problem.kind, problem.detail, problem.expected, problem.span) == ("invalid-type", detail, expected, at)
    (declaration,) = loaded.declarations
    assert declaration.indicators()  # the rest still loads


@pytest.mark.parametrize(
    ("text", "detail", "expected"),
    [
        ("表类型: 其他表\n", "表类型", "table-kind"),
        ("实施期: 2023-2025\n", "实施期", "period"),
        ("实施期: {开始: 二〇二三, 结束: 2025}\n", "开始", "year-month"),
        ("实施期: {开始: 2023}\n", "实施期", "period"),
        ("实施期资金: 5\n", "实施期资金", "mapping"),
        ("其他: [a]\n", "其他", "mapping"),
    ],
)
def test_bad_input_to_a_declaration_field_is_a_located_problem(text, detail, expected):
    loaded = _load("项目名称: 专项\n" + text + "绩效指标: {}\n")
    (problem,) = loaded.problems
    assert (problem.kind, problem.detail, problem.expected, problem.span.line) == ("invalid-type", detail, expected, 2)


def test_bad_input_reaches_the_user_as_a_finding_in_chinese(cli, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "项目名称: 专项\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        指标值: ≥20人\n"
        "        分值: 二十\n        指标方向: 上\n        区域目标值: {甲区: [1, 2]}\n",
        encoding="utf-8",
    )
    result = cli("check", "--format", "concise", "--select", "TL004", str(path))
    assert result.code == 1
    lines = result.out.splitlines()
    assert ":7:13: TL004" in lines[0] and "应为数字" in lines[0]
    assert ":8:15: TL004" in lines[1] and "正向、反向或中性" in lines[1]
    assert ":9:21: TL004" in lines[2] and "“甲区”" in lines[2]


def test_the_readme_examples_of_each_table_kind_load_cleanly():
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The declaration format") : readme.index("\n## Configuration")]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    kinds = []
    for block in blocks:
        loaded = _load(block)
        assert loaded.problems == [], block
        kinds += [d.kind for d in loaded.declarations]
    assert set(kinds) == set(TableKind)
