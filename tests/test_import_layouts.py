"""Importing workbooks laid out like the corpus tables: one test per layout.

The workbooks come from tests/workbooks.py (shared with the Excel-checking
tests); each is imported as a user would (``targetlint import``), and the YAML
it writes is checked, and loaded back with no key the format does not know.
"""

from __future__ import annotations

import io

import pytest

pytest.importorskip("openpyxl")

from targetlint.form_fields import TableKind
from targetlint.importer import load, run_import
from targetlint.loader import load as load_yaml
from targetlint.source import decode

from . import workbooks


def _import(tmp_path, build):
    path = tmp_path / f"{build.__name__}.xlsx"
    build().save(path)
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(path), "-", split=False, force=False, stdout=out, stderr=err, lang="en")
    assert "Traceback" not in err.getvalue()
    text = out.getvalue()
    loaded = load_yaml(decode(text.encode("utf-8"), "imported.yaml"))
    assert loaded.problems == [], text  # every key it writes is one the format knows
    return code, text, err.getvalue(), loaded.declarations, path


def test_split_columns_by_content_weights_and_directions(tmp_path):
    code, text, err, (declaration,), _ = _import(tmp_path, workbooks.split_columns)
    assert code == 0, err
    assert (
        "      - 三级指标: 保障村社区正常运转率\n        指标值: 95\n        计量单位: '%'\n        运算符: ≥\n" in text
    )
    assert "        分值: 20\n        指标方向: 正向指标\n" in text
    rows = list(declaration.indicators())
    assert [str(r.parsed.operator) for r in rows] == ["≥", "=", "≥", "≥"]
    assert [int(r.weight) for r in rows] == [20, 10, 10, 10]
    assert [str(r.direction) for r in rows] == ["正向"] * 4  # 越大越好 is 正向 too
    assert rows[1].path == ("产出指标", "数量指标", "行政村数量")  # the merged 一级 applies to its rows


def test_department_table(tmp_path):
    code, text, err, (declaration,), path = _import(tmp_path, workbooks.department)
    assert code == 0, err
    assert "\n表类型: 部门整体\n申报年度: 2023\n部门名称: 岳阳楼区价格认证鉴定中心\n" in text
    assert "年度总体目标: 做好涉案、价格认定工作。\n" in text
    assert "其他:\n  '*部门(单位)职责': 负责价格认定工作\n" in text
    assert declaration.kind is TableKind.DEPARTMENT
    quantitative, qualitative = declaration.indicators()
    assert (quantitative.kind, quantitative.unit, qualitative.kind) == ("定量", "%", "定性")
    assert qualitative.operator is None  # 定性 is the kind, not an operator
    assert (quantitative.explanation, quantitative.scoring) == ("考察支出到位情况", "未达指标值酌情扣分")
    assert f"{path}:整体绩效目标!A3: could not place row (not a header field)" in err


def test_one_target_column_per_area(tmp_path):
    code, text, err, (declaration,), _ = _import(tmp_path, workbooks.areas)
    assert code == 0, err
    assert "补助区域: 西坪镇尧山村、桃舟乡吾培村、芦田镇三洋村\n" in text
    assert "项目资金:\n  年度资金申请总额: 1000000.00\n  当年财政拨款: 1000000.00\n" in text  # 资金情况(万元)
    assert (
        "      - 三级指标: 开展小型水利工程建设(个)\n        指标解释: 反映工程开展情况\n        区域目标值:\n"
        "          西坪镇尧山村: 1\n          桃舟乡吾培村: 1\n          芦田镇三洋村: 1\n"
    ) in text
    assert declaration.kind is TableKind.TRANSFER
    count, compliance = declaration.indicators()
    assert [v.amount for v in count.area_values.values()] == [1, 1, 1]
    assert compliance.area_values["芦田镇三洋村"].percent == 95


def test_funds_block_merged_over_its_rows_and_a_goal_merged_over_two_rows(tmp_path):
    code, text, err, (declaration,), path = _import(tmp_path, workbooks.merged_goal_and_funds_block)
    assert code == 0, err
    assert "项目资金:\n  年度资金申请总额: 800000.00\n  当年财政拨款: 800000.00\n  其他资金: 0.00\n" in text
    assert declaration.goal == "聚焦残疾人康复需求，强化基本康复保障。"  # once, without its label
    assert declaration.other == {"项目来源": "本级申报项目", "项目期": "3年"}
    assert f"{path}:项目支出绩效目标表!A3: could not place row" in err and "(kept in 其他)" in err
    assert [i.name for i in declaration.indicators()] == ["签约康复人数"]


def test_rows_below_the_table_are_kept_and_a_formula_without_a_value_is_a_warning(tmp_path):
    code, _, err, (declaration,), path = _import(tmp_path, workbooks.signatures_and_formula)
    assert code == 0, err  # written, not refused
    assert declaration.other == {"主管部门审核意见": "同意", "(盖章)": "年 月 日", "第10行": "注：本表金额单位为万元。"}
    assert [i.name for i in declaration.indicators()] == ["新建水泥路"]
    for cell in ("A8", "A9", "A10"):
        assert f"{path}:申报表!{cell}: could not place row (a footer, not an indicator)" in err
    assert f"{path}:申报表!C2: warning: the formula =C3+C4 has no saved value" in err
    assert declaration.funds.total is None  # reported, not silently zero


def test_the_importer_records_the_cell_of_every_field_and_value(tmp_path):
    path = tmp_path / "split.xlsx"
    workbooks.split_columns().save(path)
    (declaration,) = load(str(path)).declarations
    assert {k: f"{w.sheet}!{w.column}{w.line}" for k, w in declaration.cells.items()} == {
        "name": "基层组织活动经费!B2",
        "department": "基层组织活动经费!B3",
        "goal": "基层组织活动经费!B4",
    }
    first = declaration.indicators[0]
    assert {k: f"{w.column}{w.line}" for k, w in first.cells.items()} == {
        "三级指标": "C6",
        "运算符": "D6",
        "指标值": "E6",
        "计量单位": "F6",
        "分值": "G6",
        "指标方向": "H6",
    }
    path = tmp_path / "areas.xlsx"
    workbooks.areas().save(path)
    (declaration,) = load(str(path)).declarations
    assert declaration.cells["total"].column == "C" and declaration.cells["current"].column == "E"
    assert declaration.indicators[0].cells["区域目标值.桃舟乡吾培村"].column == "F"


def test_midterm_and_annual_side_by_side(tmp_path):
    code, text, err, (declaration,), _ = _import(tmp_path, workbooks.midterm_beside_annual)
    assert code == 0, err
    assert "项目资金:\n  年度资金申请总额: 513500.00\n  当年财政拨款: 513500.00\n" in text
    assert "实施期资金:\n  资金总额: 685000.00\n  当年财政拨款: 685000.00\n" in text
    assert (
        "实施期绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 监督抽检批次\n        指标值: ≥300组\n" in text
    )
    assert [(i.name, i.value) for i in declaration.indicators()] == [
        ("监督抽检批次", "≥100组"),
        ("农产品例行监测合格率", "≥98%"),
    ]
    assert [i.path for i in declaration.period_indicators()] == [
        ("产出指标", "数量指标", "监督抽检批次"),
        ("产出指标", "质量指标", "农产品例行监测合格率"),
    ]
    assert declaration.period_funds.total == 685000
    # The goal block: each text under its own label, neither kept in 其他.
    assert declaration.goal == "开展农产品质量安全监测。"
    assert declaration.period_goal == "三年内建成农产品质检体系，检测批次达到2批次/千人。"
    assert str(declaration.period) == "2024–2026"
    assert declaration.other == {}
    assert "could not place" not in err


def test_long_term_block_then_annual_block(tmp_path):
    code, text, err, (declaration,), _ = _import(tmp_path, workbooks.long_term_then_annual)
    assert code == 0, err
    assert [(i.name, i.value) for i in declaration.indicators()] == [("完成改造项目数", "≥4个")]
    assert [(i.name, i.value) for i in declaration.period_indicators()] == [("完成改造项目数", "≥12个")]
    assert text.index("\n绩效指标:") < text.index("\n实施期绩效指标:")


def test_several_projects_listed_on_one_sheet(tmp_path):
    code, text, err, declarations, path = _import(tmp_path, workbooks.several_projects)
    assert code == 0, err
    assert text.count("\n---\n") == 1  # one YAML document per project
    first, second = declarations
    for declaration in declarations:  # the unit merged over both, the department's row above them
        assert (declaration.year, declaration.department) == (2023, "820-马踏镇部门")
        assert declaration.implementer == "820001-井研县马踏镇人民政府"
    assert first.other == {"预算数（820-马踏镇部门）": "8827620.53"}
    # The footer below the last project stays with it, reported at its cell.
    assert second.other == {"预算数（820-马踏镇部门）": "8827620.53", "第11行": "填报人：王五"}
    assert f"{path}:部门预算项目绩效目标!A11: could not place row (a footer, not an indicator)" in err
    assert (first.name, first.funds.total, first.goal) == ("村组干部报酬", 3309840, "按时发放村组干部报酬")
    assert (second.name, second.funds.total) == ("基层组织活动经费", 660000)
    assert second.goal == "包括必要的办公用品费、水电费等村社区办公经费。"
    # Each project has its own rows, none merged into the other's and none dropped.
    assert [i.name for i in first.indicators()] == ["维护社会稳定", "村组干部230人", "人民群众满意度"]
    assert [i.path for i in second.indicators()] == [
        ("满意度指标", "服务对象满意度指标", "辖区内群众满意度"),
        ("产出指标", "质量指标", "保障村社区正常运转"),
        ("产出指标", "数量指标", "行政村数量"),
    ]
    last = list(second.indicators())[-1]
    assert (str(last.parsed.operator), last.parsed.amount, int(last.weight)) == ("=", 11, 10)
    assert f"{path}:部门预算项目绩效目标!C4:" in err  # the department's amount: kept, and said so
    # --split writes one file per project, named after it.
    out, err_split = io.StringIO(), io.StringIO()
    assert run_import(str(path), str(tmp_path / "split"), split=True, force=False, stdout=out, stderr=err_split) == 0
    assert sorted(p.name for p in (tmp_path / "split").iterdir()) == ["基层组织活动经费.yaml", "村组干部报酬.yaml"]


def test_a_table_with_no_levels(tmp_path):
    code, text, err, (declaration,), path = _import(tmp_path, workbooks.no_levels)
    assert code == 0, err
    assert "\n绩效指标:\n  - 三级指标: 辅警人员\n    指标值: 512\n    计量单位: 人\n    运算符: '='\n" in text
    assert "其他" not in text  # every column has its field
    rows = list(declaration.indicators())
    assert [r.path for r in rows] == [
        ("", "", name) for name in ("辅警人员", "项目持续期", "项目成本概算", "受益对象满意度")
    ]
    assert [(r.kind, r.operator) for r in rows] == [(None, "="), ("定性", None), (None, "≤"), (None, "≥")]
    assert rows[2].parsed.amount == 3584 * 10000  # 万元, from its own unit column
    assert declaration.name is None
    assert f"{path}:绩效目标!A2: no 项目名称 row" in err


def test_forms_stacked_on_one_sheet(tmp_path):
    code, text, err, (road, water), _ = _import(tmp_path, workbooks.stacked_forms)
    assert code == 0, err
    assert text.count("\n---\n") == 1
    assert (road.name, road.goal, [i.name for i in road.indicators()]) == (
        "乡村道路维护",
        "维护乡村道路10公里。",
        ["维护道路长度"],
    )
    assert [i.path for i in water.indicators()] == [
        ("产出指标", "数量指标", "新建供水点"),
        ("产出指标", "质量指标", "水质达标率"),
    ]


def test_a_project_list_whose_heading_is_reprinted_on_a_new_page(tmp_path):
    path = tmp_path / "paged.xlsx"
    workbooks.several_projects(page_break=True).save(path)
    result = load(str(path))
    first, second = result.declarations
    assert len(first.indicators) == 3
    assert [i.name for i in second.indicators] == ["辖区内群众满意度", "保障村社区正常运转", "行政村数量"]
    assert second.other == {"预算数（820-马踏镇部门）": "8827620.53", "第12行": "填报人：王五"}
