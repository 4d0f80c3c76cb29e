"""Importing .xlsx workbooks laid out like the official form."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from targetlint.importer import load, run_import  # noqa: E402
from targetlint.importer.emit import dump_all  # noqa: E402
from targetlint.schema import MODELINE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = f"""\
{MODELINE}
申报年度: 2024
项目名称: 测试项目
项目性质: 其他一次性项目
项目类别: 特定目标类
主管部门: 某市某局
实施单位: 某市某中心
计划开始日期: 2024-03-01
计划完成日期: 2024-12-31
项目资金:
  年度资金申请总额: 125000.00
  当年财政拨款: 100000.00
  上年结转资金: 25000.00
  其他资金: 0.00
年度总体目标: |-
  完成测试。
  第二段。
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 甲
        指标值: 100
      - 三级指标: 乙
        指标值: 100%
    质量指标:
      - 三级指标: 丙
        指标值: 95%
  效益指标:
    社会效益指标:
      - 三级指标: 丁
        指标值: 较上年提高
  满意度指标:
    '':
      - 三级指标: 戊
        指标值: ≥90%
    服务对象满意度指标:
      - 三级指标: 己
        指标值: 90
"""

# The same declaration as a PDF-to-text table.
EQUIVALENT_TEXT = """财政项目支出绩效目标申报表
(2024年度)
项目名称\t测试项目\t项目性质\t其他一次性项目\t项目类别\t特定目标类
主管部门\t某市某局\t实施单位\t某市某中心\t\t
计划开始日期\t2024-03-01\t计划完成日期\t2024-12-31\t\t
项目资金 (万元)\t项目资金总额\t\t年度资金申请总额\t12.5\t
\t其中：财政资金\t\t其中：当年财政拨款\t10\t
\t\t\t上年结转资金\t2.5\t
\t其他资金\t\t其他资金\t0\t
项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t
\t\t\t完成测试。\t\t
\t\t\t第二段。\t\t
\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t
产出指标\t数量指标\t甲\t100
\t\t乙\t100%
\t质量指标\t丙\t95%
效益指标\t社会效益指标\t丁\t较上年提高
满意度指标\t\t戊\t≥90%
\t服务对象满意度指标\t己\t90
"""


def _form(sheet, *, merged=True):
    """Write the official form into ``sheet``; returns the row after the table."""
    sheet["A1"] = "财政项目支出绩效目标申报表"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "(2024年度)"
    sheet.merge_cells("A2:F2")
    for cell, text in (
        ("A3", "项目名称"),
        ("B3", "测试项目"),
        ("C3", "项目性质"),
        ("D3", "其他一次性项目"),
        ("E3", "项目类别"),
        ("F3", "特定目标类"),
        ("A4", "主管部门"),
        ("B4", "某市某局"),
        ("C4", "实施单位"),
        ("D4", "某市某中心"),
        ("A5", "计划开始日期"),
        ("C5", "计划完成日期"),
        ("A6", "项目资金 (万元)"),
        ("B6", "项目资金总额"),
        ("D6", "年度资金申请总额"),
        ("B7", "其中：财政资金"),
        ("D7", "其中：当年财政拨款"),
        ("D8", "上年结转资金"),
        ("B9", "其他资金"),
        ("D9", "其他资金"),
        ("A10", "项目绩效目标"),
        ("B10", "项目总目标"),
        ("D10", "年度总体目标"),
        ("D11", "完成测试。\n第二段。"),
    ):
        sheet[cell] = text
    sheet["B5"] = datetime(2024, 3, 1)  # Excel dates, not text
    sheet["D5"] = datetime(2024, 12, 31)
    for cell, number in (("E6", 12.5), ("E7", 10), ("E8", 2.5), ("E9", 0)):
        sheet[cell] = number
    sheet.merge_cells("A6:A9")
    sheet.merge_cells("A10:A11")
    sheet.merge_cells("D11:F11")
    for column, text in zip("ABCDE", ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值")):
        sheet[f"{column}12"] = text
    rows = [
        ("产出指标", "数量指标", "甲", 100),  # a number stored as a number
        ("产出指标", "数量指标", "乙", "100%"),  # … and as text
        ("产出指标", "质量指标", "丙", 0.95),  # a number shown as a percentage
        ("效益指标", "社会效益指标", "丁", "较上年提高"),
        ("满意度指标", None, "戊", "≥90%"),  # no 二级 at all
        ("满意度指标", "服务对象满意度指标", "己", 90),
    ]
    previous = (None, None)
    for number, (level1, level2, name, value) in enumerate(rows, 13):
        shown = (level1, level2)
        if not merged:
            # The blank-continuation style: a heading is written once.
            shown = (None if level1 == previous[0] else level1, None if (level1, level2) == previous else level2)
        sheet[f"B{number}"], sheet[f"C{number}"] = shown
        sheet[f"D{number}"], sheet[f"E{number}"] = name, value
        previous = (level1, level2)
    sheet["E15"].number_format = "0%"
    sheet["A13"] = "绩效指标"
    if merged:
        sheet.merge_cells("A13:A18")
        sheet.merge_cells("B13:B15")
        sheet.merge_cells("C13:C14")
        sheet.merge_cells("B17:B18")
    return 19


def _book(tmp_path, name="form.xlsx", *, merged=True, sheets=("测试项目",), extra=None):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title in sheets:
        sheet = workbook.create_sheet(title)
        end = _form(sheet, merged=merged)
        if extra:
            extra(sheet, end)
    path = tmp_path / name
    workbook.save(path)
    return path


def _run(source, output, *, split=False, force=False):
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(source), str(output), split=split, force=force, stdout=out, stderr=err, lang="en")
    return code, out.getvalue(), err.getvalue()


def test_workbook_with_merged_headings_gives_the_expected_yaml(tmp_path):
    code, out, err = _run(_book(tmp_path), "-")
    assert code == 0, err
    assert out == EXPECTED


def test_workbook_and_equivalent_text_table_give_the_same_yaml(tmp_path):
    text = tmp_path / "form.txt"
    text.write_text(EQUIVALENT_TEXT, encoding="utf-8")
    assert dump_all(load(str(text)).declarations) == dump_all(load(str(_book(tmp_path))).declarations)


def test_blank_continuation_style_inherits_headings(tmp_path):
    result = load(str(_book(tmp_path, merged=False)))
    rows = [(i.level1, i.level2, i.name) for i in result.declarations[0].indicators]
    assert rows[:4] == [
        ("产出指标", "数量指标", "甲"),
        ("产出指标", "数量指标", "乙"),
        ("产出指标", "质量指标", "丙"),
        ("效益指标", "社会效益指标", "丁"),
    ]
    # A new 一级 with a blank 二级 has no 二级; it does not borrow the previous one.
    assert rows[4] == ("满意度指标", "", "戊")


def test_indicators_point_at_their_cells(tmp_path):
    result = load(str(_book(tmp_path)))
    assert [str(i.where) for i in result.declarations[0].indicators][:2] == [
        f"{tmp_path / 'form.xlsx'}:测试项目!D13",
        f"{tmp_path / 'form.xlsx'}:测试项目!D14",
    ]


def test_every_field_and_value_records_its_cell(tmp_path):
    declaration = load(str(_book(tmp_path))).declarations[0]
    header = {field: f"{where.sheet}!{where.column}{where.line}" for field, where in declaration.cells.items()}
    assert header == {
        "name": "测试项目!B3",
        "nature": "测试项目!D3",
        "category": "测试项目!F3",
        "department": "测试项目!B4",
        "implementer": "测试项目!D4",
        "start": "测试项目!B5",
        "end": "测试项目!D5",
        "total": "测试项目!E6",
        "current": "测试项目!E7",
        "carryover": "测试项目!E8",
        "other": "测试项目!E9",
        "goal": "测试项目!D11",
    }
    cells = [
        {label: f"{where.column}{where.line}" for label, where in indicator.cells.items()}
        for indicator in declaration.indicators
    ]
    assert cells[0] == {"三级指标": "D13", "指标值": "E13"}
    assert cells[2] == {"三级指标": "D15", "指标值": "E15"}
    assert [c["指标值"] for c in cells] == [f"E{row}" for row in range(13, 19)]


def test_split_columns_record_their_cells(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "新版"
    sheet.append(["项目名称", "分列项目"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标性质", "备注"])
    sheet.append(["成本指标", "经济成本指标", "单位成本", "≤", 100, "元/人", "定量", "按市场价"])
    path = tmp_path / "split.xlsx"
    workbook.save(path)
    indicator = load(str(path)).declarations[0].indicators[0]
    assert {label: f"{where.column}{where.line}" for label, where in indicator.cells.items()} == {
        "三级指标": "C3",
        "指标值": "E3",
        "运算符": "D3",
        "计量单位": "F3",
        "指标性质": "G3",
        "备注": "H3",
    }


def test_split_value_columns_are_kept(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "新版"
    sheet.append(["项目名称", "分列项目"])
    sheet.append(["年度总体目标", "目标。"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位", "指标性质", "备注"])
    sheet.append(["成本指标", "经济成本指标", "单位成本", "≤", 100, "元/人", "定量", "按市场价"])
    sheet.append([None, None, "培训人数", "≥", 200, "人", "定量", None])
    path = tmp_path / "split.xlsx"
    workbook.save(path)
    code, out, err = _run(path, "-")
    assert code == 0, err
    assert out.endswith(
        "  成本指标:\n    经济成本指标:\n"
        "      - 三级指标: 单位成本\n        指标值: 100\n        计量单位: 元/人\n        运算符: ≤\n"
        "        指标性质: 定量\n        备注: 按市场价\n"
        "      - 三级指标: 培训人数\n        指标值: 200\n        计量单位: 人\n        运算符: ≥\n"
        "        指标性质: 定量\n"
    )


def test_cell_outside_the_table_is_reported_by_cell_and_kept_with_its_row(tmp_path):
    def stray(sheet, end):
        sheet[f"G{end - 2}"] = "旁注"

    path = _book(tmp_path, extra=stray)
    code, _, err = _run(path, tmp_path / "out.yaml")
    assert code == 0, err
    assert f"{path}:测试项目!G17: a cell outside the table columns, kept in 其他 as G列: 旁注" in err
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "      - 三级指标: 戊\n        指标值: ≥90%\n        其他:\n          G列: 旁注\n" in written


def test_one_declaration_per_sheet_and_split(tmp_path):
    path = _book(tmp_path, sheets=("一", "二"))
    code, _, err = _run(path, tmp_path / "out", split=True)
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["测试项目-2.yaml", "测试项目.yaml"]


def test_unrelated_sheets(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    workbook.active["A1"] = "填表说明：请按要求填写。"
    only_notes = tmp_path / "notes.xlsx"
    workbook.save(only_notes)
    code, _, err = _run(only_notes, tmp_path / "a.yaml")
    assert code == 1 and "no sheet has a 项目名称 row (sheets: '说明')" in err and "Traceback" not in err

    def notes_sheet(sheet, end):
        sheet.parent.create_sheet("说明")["A1"] = "填表说明"

    code, out, err = _run(_book(tmp_path, "mixed.xlsx", extra=notes_sheet), "-")
    assert code == 0 and out == EXPECTED
    assert "说明: no 项目名称 row; sheet skipped" in err


def test_corrupt_and_old_format_workbooks(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = _run(broken, tmp_path / "a.yaml")
    assert code == 1 and "not a readable .xlsx workbook" in err and "Traceback" not in err
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    code, _, err = _run(old, tmp_path / "b.yaml")
    assert code == 1 and "save the workbook as .xlsx" in err


def test_text_import_never_loads_openpyxl():
    seed = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.txt"
    code = (
        "import sys, targetlint.importer as i; r = i.load(sys.argv[1]); "
        "assert r.declarations and 'openpyxl' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code, str(seed)], check=True, cwd=ROOT)
