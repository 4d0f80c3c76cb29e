"""The findings workbook (``report -o findings.xlsx``, ``--format xlsx``),
read back with openpyxl as a reviewer's Excel would open it."""

from __future__ import annotations

import json

import openpyxl
import pytest

# Values a declaration may hold that Excel would take for formulas.
FORMULA_LIKE = """项目名称: "=1+2"
主管部门: "@SUM(A1:A9)\\u0007"
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数达标率
        指标值: "=HYPERLINK(\\"http://x\\",\\"点我\\")"
      - 三级指标: 培训场次
        指标值: "-5"
      - 三级指标: 参训人数
        指标值: "+3"
"""


@pytest.fixture
def batch(seed_batch):
    (seed_batch / "formulas.yaml").write_text(FORMULA_LIKE, encoding="utf-8")
    (seed_batch / "broken.yaml").write_text("项目名称: [\n", encoding="utf-8")
    return seed_batch


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_reads_back_with_every_finding_and_project(cli, batch, tmp_path):
    expected = json.loads(cli("check", "--no-cache", "--format", "json", str(batch)).out)
    out = tmp_path / "findings.xlsx"
    result = cli("report", "--no-cache", str(batch), "-o", str(out))
    assert result.code == 1, result
    assert f"报告已写入 {out}" in result.out

    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["问题清单", "项目汇总"]
    listing, summary = workbook["问题清单"], workbook["项目汇总"]
    findings = _rows(listing)
    assert findings[0] == [
        "部门",
        "项目",
        "一级",
        "二级",
        "三级",
        "指标值",
        "问题",
        "规则",
        "严重程度",
        "修改建议",
        "位置",
    ]
    assert len(findings) - 1 == expected["summary"]["findings"]
    # The same findings as the JSON output, one row each.
    located = sorted((row[10], row[7], row[6]) for row in findings[1:])
    assert located == sorted(
        (f"{f['file']}:{f['line']}:{f['column']}", f["code"], f["message"]) for f in expected["findings"]
    )
    by_severity = {"错误": 0, "警告": 0, "提示": 0}
    for row in findings[1:]:
        by_severity[row[8]] += 1
    assert list(by_severity.values()) == [expected["summary"]["by_severity"][s] for s in ("error", "warning", "info")]
    rate = next(row for row in findings[1:] if row[7] == "TL201")
    assert rate[2:6] == ["产出指标", "质量指标", "培训人数达标率", "≥250"]
    assert rate[9]  # how to fix it

    projects = _rows(summary)
    assert projects[0] == ["部门", "项目", "结果", "错误", "警告", "提示", "位置"]
    named = [row for row in projects[1:] if row[1] != "整个文件"]
    assert len(named) == expected["summary"]["declarations"]
    assert sum(row[3] + row[4] + row[5] for row in projects[1:]) == expected["summary"]["findings"]
    assert {row[2] for row in named} == {"通过", "未通过"}
    assert all((row[2] == "未通过") == (row[3] > 0) for row in named)  # fail-on error
    assert [row[6] for row in projects[1:] if row[1] == "整个文件"] == [f"{batch / 'broken.yaml'}:1"]

    for sheet in (listing, summary):  # opens readable: header frozen, columns sized
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["B"].width >= 20


def test_formula_like_values_stay_text(cli, batch, tmp_path):
    out = tmp_path / "findings.xlsx"
    cli("report", "--no-cache", str(batch / "formulas.yaml"), "-o", str(out))
    workbook = openpyxl.load_workbook(out)
    cells = [cell for row in workbook["问题清单"].iter_rows(min_row=2) for cell in row]
    cells += [cell for row in workbook["项目汇总"].iter_rows(min_row=2) for cell in row]
    written = {cell.value for cell in cells}
    assert {"=1+2", '=HYPERLINK("http://x","点我")', "-5", "+3"} <= written
    assert "@SUM(A1:A9)\ufffd" in written  # a control character a workbook cannot hold is marked, not fatal
    assert all(cell.data_type != "f" for cell in cells)
    risky = [cell for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]
    assert risky and all(cell.data_type == "s" and cell.quotePrefix for cell in risky)


def test_english_workbook(cli, batch, tmp_path):
    out = tmp_path / "findings.xlsx"
    cli("report", "--no-cache", "--lang", "en", str(batch / "seed.yaml"), "-o", str(out))
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Findings", "Projects"]
    assert next(workbook["Findings"].iter_rows(values_only=True))[6] == "Problem"


def test_check_format_xlsx_needs_a_file(cli, batch, tmp_path):
    result = cli("check", "--format", "xlsx", str(batch / "seed.yaml"))
    assert result.code == 2
    assert "-o" in result.err and result.out == ""
    out = tmp_path / "via-check.xlsx"
    assert cli("check", "--no-cache", "--format", "xlsx", "-o", str(out), str(batch / "seed.yaml")).code == 1
    assert openpyxl.load_workbook(out).sheetnames == ["问题清单", "项目汇总"]


def test_report_names_its_format_by_suffix(cli, batch, tmp_path):
    result = cli("report", str(batch), "-o", str(tmp_path / "report.pdf"))
    assert result.code == 2
    assert ".html" in result.err and ".xlsx" in result.err
    assert not (tmp_path / "report.pdf").exists()
