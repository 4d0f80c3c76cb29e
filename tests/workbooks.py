"""Workbooks laid out like the corpus tables (fixtures/corpus/), built with openpyxl.

One builder per layout; each writes the cells where the published table has
them and merges what it merges, so a test can import the workbook and check
the YAML, and the Excel-checking tests can check it in place. Every builder
returns the workbook (save it where the test wants it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.utils


def _put(sheet: Any, cells: dict[str, Any]) -> None:
    for coordinate, value in cells.items():
        sheet[coordinate] = value


def split_columns() -> Any:
    """File 08's indicator columns (四川 井研): 指标性质 holding the operator, 指标值,
    度量单位, 权重 and 指标方向性 side by side; 一级 cells merged down."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "基层组织活动经费"
    _put(
        sheet,
        {
            "A1": "部门预算项目绩效目标申报表(2023年度)",
            "A2": "项目名称",
            "B2": "基层组织活动经费",
            "A3": "主管部门",
            "B3": "820-马踏镇部门",
            "A4": "年度总体目标",
            "B4": "包括必要的办公用品费、水电费等村社区办公经费。",
        },
    )
    sheet.merge_cells("A1:H1")
    sheet.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性"])
    sheet.append(["产出指标", "质量指标", "保障村社区正常运转率", "≥", 95, "%", 20, "正向指标"])
    sheet.append([None, "数量指标", "行政村数量", "=", 11, "个", 10, "正向指标"])
    sheet.append(["效益指标", "经济效益指标", "促进农村集体经济发展", "≥", 95, "%", 10, "越大越好"])
    sheet.append(["满意度指标", "服务对象满意度指标", "辖区内群众满意度", "≥", 95, "%", 10, "正向指标"])
    sheet.merge_cells("A6:A7")
    return book


def department() -> Any:
    """File 02's 部门整体 table (湖南 岳阳楼区): 部门(单位)名称 instead of 项目名称, a
    职责 row the format has no field for, and the indicator columns 指标值类型
    (定量/定性) | *指标值 | 计量单位 | *指标解释 | *评(扣)分标准 | 备注."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "整体绩效目标"
    _put(
        sheet,
        {
            "A1": "岳阳楼区价格认证鉴定中心2023年度整体绩效目标表",
            "A2": "部门(单位)名称",
            "B2": "岳阳楼区价格认证鉴定中心",
            "A3": "*部门(单位)职责",
            "B3": "负责价格认定工作",
            "A4": "*年度总体绩效目标",
            "B4": "做好涉案、价格认定工作。",
        },
    )
    sheet.merge_cells("A1:I1")
    sheet.merge_cells("B2:I2")
    sheet.merge_cells("B3:I3")
    sheet.merge_cells("B4:I4")
    sheet.append(
        ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值", "计量单位", "*指标解释", "*评(扣)分标准", "备注"]
    )
    sheet.append(
        ["产出指标", "质量指标", "业务工作支出到位率", "定量", 100, "%", "考察支出到位情况", "未达指标值酌情扣分", None]
    )
    sheet.append(
        [
            "效益指标",
            "社会效益指标",
            "保证单位正常运转",
            "定性",
            "应保尽保",
            None,
            "考察运转保障",
            "未达指标值酌情扣分",
            None,
        ]
    )
    return book


def areas() -> Any:
    """Files 25 and 29's transfer tables (福建): a 资金情况(万元) block, and one target
    column per area under no 指标值 column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效目标表"
    _put(
        sheet,
        {
            "A1": "项目名称",
            "B1": "省级第七批水利专项资金",
            "A2": "主管部门",
            "B2": "安溪县水利局",
            "A3": "资金情况(万元)",
            "B3": "资金总额",
            "C3": 100,
            "D3": "其中：财政拨款",
            "E3": 100,
            "A4": "年度总体目标",
            "B4": "开展3个小型水利工程建设",
        },
    )
    sheet.append(["一级指标", "二级指标", "三级指标", "指标解释", "西坪镇尧山村", "桃舟乡吾培村", "芦田镇三洋村"])
    sheet.append(["产出指标", "数量指标", "开展小型水利工程建设(个)", "反映工程开展情况", 1, 1, 1])
    sheet.append([None, "质量指标", "项目资金使用合规性", "反映资金使用合规情况", ">=95%", ">=95%", ">=95%"])
    sheet.merge_cells("A6:A7")
    return book


def merged_goal_and_funds_block() -> Any:
    """Files 12 and 16's header (陕西 清涧, 安徽 金安): 项目资金(万元) merged over its
    sub-rows (年度资金总额：, 其中：财政拨款, 其他资金), 项目来源 / 项目期 rows, and the
    年度总体目标 label and its text each merged over two rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标表"
    _put(
        sheet,
        {
            "A1": "项目名称",
            "B1": "残疾人精准康复",
            "A2": "主管部门及代码",
            "B2": "[103]六安市金安区残疾人联合会",
            "C2": "实施单位",
            "D2": "六安市金安区残疾人联合会",
            "A3": "项目来源",
            "B3": "本级申报项目",
            "C3": "项目期",
            "D3": "3年",
            "A4": "项目资金(万元)",
            "B4": "年度资金总额：",
            "C4": 80,
            "B5": "其中：财政拨款",
            "C5": 80,
            "B6": "其他资金",
            "C6": 0,
            "A7": "年度总体目标",
            "B7": "聚焦残疾人康复需求，强化基本康复保障。",
        },
    )
    sheet.merge_cells("A4:A6")
    sheet.merge_cells("A7:A8")
    sheet.merge_cells("B7:D8")
    for row, cells in enumerate(
        (["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "签约康复人数", "≥18000人"]), 9
    ):
        for column, text in zip("ABCD", cells):
            sheet[f"{column}{row}"] = text
    return book


def signatures_and_formula() -> Any:
    """What the official form prints below the table (审核意见, (盖章), 年 月 日, a
    note), and a total written as a formula whose value was never saved."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "申报表"
    _put(
        sheet,
        {
            "A1": "项目名称",
            "B1": "果园路建设",
            "A2": "项目资金(万元)",
            "B2": "年度资金申请总额",
            "C2": "=C3+C4",
            "B3": "当年财政拨款",
            "C3": 500,
            "B4": "其他资金",
            "C4": 0,
            "A5": "年度总体目标",
            "B5": "建设果园路2公里。",
        },
    )
    sheet.merge_cells("A2:A4")
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "新建水泥路", "2km"])
    sheet.append(["主管部门审核意见", None, "同意"])
    sheet.append(["(盖章)", None, None, "年 月 日"])
    sheet.append(["注：本表金额单位为万元。"])
    return book


def midterm_beside_annual() -> Any:
    """Files 06 and 20's Anhui layout (六安, 亳州): 中期 and 年度 side by side — the
    funds block prints 中期资金总额 left of 年度资金总额, the goal block labels
    "中期目标(2024年—2026年)" and "年度目标" on one row with each text merged below
    its label (总 体 目 标 merged down beside both), and the indicator table
    prints 二级指标 | 三级指标 | 指标值 twice, the 中期 half first; 一级 merged down."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效目标申报表"
    _put(
        sheet,
        {
            "A1": "项目名称",
            "B1": "农产品质检体系建设",
            "A2": "项目资金(万元)",
            "B2": "中期资金总额:",
            "C2": 68.5,
            "D2": "年度资金总额:",
            "E2": 51.35,
            "B3": "其中：财政拨款",
            "C3": 68.5,
            "D3": "其中：财政拨款",
            "E3": 51.35,
            "A4": "总 体 目 标",
            "B4": "中期目标(2024年—2026年)",
            "E4": "年度目标",
            "B5": "三年内建成农产品质检体系，检测批次达到2批次/千人。",
            "E5": "开展农产品质量安全监测。",
        },
    )
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:D4")
    sheet.merge_cells("E4:G4")
    sheet.merge_cells("B5:D5")
    sheet.merge_cells("E5:G5")
    rows = (
        ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "监督抽检批次", "≥300组", "数量指标", "监督抽检批次", "≥100组"],
        [None, "质量指标", "农产品例行监测合格率", "≥98%", "质量指标", "农产品例行监测合格率", "≥98%"],
    )
    for number, cells in enumerate(rows, 6):
        for column, text in zip("ABCDEFG", cells):
            sheet[f"{column}{number}"] = text
    sheet.merge_cells("A7:A8")
    return book


def long_term_then_annual() -> Any:
    """File 24's Hunan layout (宁乡 坝塘镇): a 长期绩效指标 block, then a 年度绩效指标
    block, each with its own heading row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目绩效目标表"
    rows = (
        ["项目名称", "镇域内基础设施建设"],
        ["年度总体目标", "全面完成集镇立面改造"],
        ["长期绩效指标"],
        ["一级指标", "二级指标", "指标内容", "指标值", "备注"],
        ["产出指标", "数量指标", "完成改造项目数", "≥12个", None],
        ["年度绩效指标"],
        ["一级指标", "二级指标", "指标内容", "指标值", "备注"],
        ["产出指标", "数量指标", "完成改造项目数", "≥4个", None],
    )
    for number, cells in enumerate(rows, 1):
        for column, text in zip("ABCDE", cells):
            sheet[f"{column}{number}"] = text
    return book


def several_projects(*, page_break: bool = False) -> Any:
    """File 08's sheet (四川 井研): one table listing several projects — 单位名称 |
    项目名称 | 预算数 | 年度目标 beside the indicator columns (指标性质 holding the
    operator, 度量单位, 权重, 指标方向性). The department's row (单位名称 and its
    预算数, no project) comes first; each project's 项目名称, 预算数 and 年度目标 are
    merged down over its indicator rows, and the unit's 单位名称 over both projects.
    ``page_break``: the heading row printed again inside the second project (a
    table continued on the next page), its last row below with blank project cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "部门预算项目绩效目标"
    sheet["A1"] = "部门预算项目绩效目标申报表(2023年度)"
    sheet.merge_cells("A1:L1")
    sheet["A2"] = "金额单位:元"
    project = ["单位名称", "项目名称", "预算数", "年度目标"]
    indicator = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性"]
    first = ["820001-井研县马踏镇人民政府", "村组干部报酬", 3309840, "按时发放村组干部报酬"]
    second = [None, "基层组织活动经费", 660000, "包括必要的办公用品费、水电费等村社区办公经费。"]
    blank = [None] * 4
    rows = (
        [*project, *indicator],
        ["820-马踏镇部门", None, 8827620.53],
        [*first, "效益指标", "社会效益指标", "维护社会稳定", "≥", 95, "%", 10, "正向指标"],
        [*blank, "产出指标", "数量指标", "村组干部230人", "≥", 230, "个", 10, "正向指标"],
        [*blank, "满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", 95, "%", 10, "正向指标"],
        [*second, "满意度指标", "服务对象满意度指标", "辖区内群众满意度", "≥", 95, "%", 10, "正向指标"],
        [*blank, "产出指标", "质量指标", "保障村社区正常运转", "≥", 95, "%", 20, "正向指标"],
        *([[*project, *indicator]] if page_break else []),
        [*blank, "产出指标", "数量指标", "行政村数量", "=", 11, "个", 10, "正向指标"],
    )
    end = 11 if page_break else 10  # the last indicator row
    # Merges stop at a reprinted heading: the project's last row below it shows its cells blank.
    merged_to = 9 if page_break else end
    for number, cells in enumerate(rows, 3):
        for column, text in enumerate(cells, 1):
            if text is not None:
                sheet.cell(number, column, text)
    sheet[f"A{end + 1}"] = "填报人：王五"  # below the table, in the 单位名称 column: a footer, not a department
    sheet.merge_cells(f"A5:A{merged_to}")  # the unit, over both projects
    for first, last in ((5, 7), (8, merged_to)):  # each project's own cells
        for column in "BCD":
            sheet.merge_cells(f"{column}{first}:{column}{last}")
    return book


def no_levels() -> Any:
    """File 27's table (重庆 丰都): a flat list of indicators — 指标名称 | 计量单位 |
    指标性质 | 指标值, no 一级/二级 columns and no 项目名称 row; 指标性质 holds the
    operator (=, ≤, ≥) or 定性, and a 定性 row's 计量单位 is empty."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效目标"
    rows = (
        ["(三)绩效目标。"],
        ["指标名称", "计量单位", "指标性质", "指标值"],
        ["辅警人员", "人", "=", 512],
        ["项目持续期", None, "定性", "基本建立"],
        ["项目成本概算", "万元", "≤", 3584],
        ["受益对象满意度", "%", "≥", 95],
    )
    for number, cells in enumerate(rows, 1):
        for column, text in enumerate(cells, 1):
            if text is not None:
                sheet.cell(number, column, text)
    return book


# --- The corpus as workbooks ---------------------------------------------------
# Every table of fixtures/corpus/ laid out as the official form (one sheet per
# declaration: the header fields as label | value rows, then the indicator
# table with the columns the table uses), with where each value was written,
# so the Excel-checking tests can say at which cell each finding must land.

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
# Header rows: the form's label → the declaration's key (nested keys by a dot).
_HEADER_ROWS = (
    ("项目名称", "项目名称"),
    ("部门(单位)名称", "部门名称"),
    ("主管部门", "主管部门"),
    ("实施单位", "实施单位"),
    ("年度资金申请总额", "项目资金.年度资金申请总额"),
    ("当年财政拨款", "项目资金.当年财政拨款"),
    ("上年结转资金", "项目资金.上年结转资金"),
    ("其他资金", "项目资金.其他资金"),
    ("年度总体目标", "年度总体目标"),
)
# The indicator table's optional columns, in the order written, by their key.
_COLUMNS = ("计量单位", "运算符", "指标性质", "分值", "指标解释", "评分标准", "指标值说明", "备注")


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.yaml"))


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


def _rows_of(table: Any) -> list[tuple[str, str, dict]]:
    """(一级, 二级, row) of a 绩效指标 mapping, in the order written."""
    rows: list[tuple[str, str, dict]] = []
    if not isinstance(table, dict):
        return rows
    for level1, below in table.items():
        if isinstance(below, list):  # no 二级
            rows.extend((str(level1), "", row) for row in below if isinstance(row, dict))
            continue
        for level2, items in (below or {}).items():
            rows.extend((str(level1), str(level2), row) for row in items or [] if isinstance(row, dict))
    return rows


def _cell(row: dict, column: str) -> Any:
    return row.get(column, row.get("权重") if column == "分值" else None)


def from_corpus(path: Path) -> tuple[Any, dict[tuple, tuple[str, str]]]:
    """The workbook of one corpus file, and where each value was written:
    ``(sheet index, "header", key)`` or ``(sheet index, indicator number,
    column label)`` → ``(sheet title, cell)``."""
    from ruamel.yaml import YAML

    documents = [d for d in YAML(typ="safe").load_all(path.read_text(encoding="utf-8")) if isinstance(d, dict)]
    book = openpyxl.Workbook()
    book.remove(book.active)
    places: dict[tuple, tuple[str, str]] = {}
    for index, document in enumerate(documents):
        sheet = book.create_sheet(f"表{index + 1}")
        year = document.get("申报年度")
        sheet.append([f"项目支出绩效目标申报表({year}年度)" if year else "项目支出绩效目标申报表"])
        for label, key in _HEADER_ROWS:
            head, _, tail = key.partition(".")
            value = document.get(head)
            if tail:
                value = value.get(tail) if isinstance(value, dict) else None
            if _shown(value) is None or isinstance(value, (dict, list)):
                continue
            sheet.append([label, _shown(value)])
            places[(index, "header", key)] = (sheet.title, f"B{sheet.max_row}")
        rows = _rows_of(document.get("绩效指标"))
        columns = [c for c in _COLUMNS if any(_shown(_cell(row, c)) for *_, row in rows)]
        headings = ["一级指标", "二级指标", "三级指标", "指标值", *columns]
        sheet.append(headings)
        number = 0  # the indicators' order: a row with no 三级指标 is none (the importer reports it)
        for level1, level2, row in rows:
            values = {"三级指标": row.get("三级指标"), "指标值": row.get("指标值", "")}
            values.update({c: _cell(row, c) for c in columns})
            sheet.append([level1, level2] + [_shown(values[h]) for h in headings[2:]])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # "=11个" as written, not a formula
            for offset, heading in enumerate(headings[2:], 3):
                if heading in ("三级指标", "指标值") or _shown(values[heading]):
                    letter = openpyxl.utils.get_column_letter(offset)
                    places[(index, number, heading)] = (sheet.title, f"{letter}{sheet.max_row}")
            number += 1 if _shown(values["三级指标"]) else 0
    return book, places


def stacked_forms() -> Any:
    """Two official forms one below the other on one sheet, each from its own
    项目名称 row down to its table (its 一级 merged down), a blank row between."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出"
    for first, (name, goal, rows) in zip(
        (1, 8),
        (
            ("乡村道路维护", "维护乡村道路10公里。", (["产出指标", "数量指标", "维护道路长度", "≥10公里"],)),
            (
                "农村饮水安全",
                "保障饮水安全。",
                (["产出指标", "数量指标", "新建供水点", "3个"], [None, "质量指标", "水质达标率", "≥95%"]),
            ),
        ),
    ):
        sheet.cell(first, 1, "项目名称")
        sheet.cell(first, 2, name)
        sheet.cell(first + 1, 1, "年度总体目标")
        sheet.cell(first + 1, 2, goal)
        for offset, cells in enumerate((["一级指标", "二级指标", "三级指标", "指标值"], *rows), first + 2):
            for column, text in enumerate(cells, 1):
                if text is not None:
                    sheet.cell(offset, column, text)
        if len(rows) > 1:
            sheet.merge_cells(f"A{first + 3}:A{first + 2 + len(rows)}")
    return book
