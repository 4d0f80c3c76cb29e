"""``--format xlsx`` / ``targetlint report -o findings.xlsx``: a findings
workbook a reviewer can attach to a return notice (退回意见).

Sheet 问题清单 has a row per finding; sheet 项目汇总 a row per project with
its result and counts. Header rows are frozen and columns sized, so it
opens readable. Every value is written as text: a value that starts with
= + - @ (formula injection, CWE-1236) stays the text it was, never a formula.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from targetlint.i18n import lang_of
from targetlint.projects import group
from targetlint.reporters import ReportContext
from targetlint.reporters.prose import location, suggestion
from targetlint.rule import Severity

HEADINGS: dict[str, dict[str, Any]] = {
    "zh": {
        "findings_sheet": "问题清单",
        "projects_sheet": "项目汇总",
        "findings": ("部门", "项目", "一级", "二级", "三级", "指标值", "问题", "规则", "严重程度", "修改建议", "位置"),
        "projects": ("部门", "项目", "结果", "错误", "警告", "提示", "位置"),
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "passed": "通过",
        "failed": "未通过",
        "whole_file": "整个文件",
    },
    "en": {
        "findings_sheet": "Findings",
        "projects_sheet": "Projects",
        "findings": (
            "Department", "Project", "一级", "二级", "三级", "Value", "Problem", "Rule", "Severity", "How to fix",
            "Location",
        ),
        "projects": ("Department", "Project", "Result", "Errors", "Warnings", "Info", "Location"),
        "error": "error",
        "warning": "warning",
        "info": "info",
        "passed": "passed",
        "failed": "failed",
        "whole_file": "whole file",
    },
}  # fmt: skip

# Column widths in characters (a Chinese character counts two).
FINDING_WIDTHS = (24, 30, 12, 16, 28, 16, 60, 10, 10, 40, 36)
PROJECT_WIDTHS = (24, 36, 10, 8, 8, 8, 36)
FORMULA_STARTS = ("=", "+", "-", "@")


def render(findings, context: ReportContext) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    words = HEADINGS[lang_of(context.lang)]
    thresholds = context.fail_on
    groups = group(findings, context.projects, lambda path: Severity(thresholds.get(path, "error")))
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(title: str, headings: tuple[str, ...], widths: tuple[int, ...]):
        worksheet = workbook.create_sheet(title)
        for number, width in enumerate(widths, 1):
            worksheet.column_dimensions[get_column_letter(number)].width = width
        worksheet.freeze_panes = "A2"
        worksheet.append([_cell(worksheet, text, bold) for text in headings])
        return worksheet

    def _cell(worksheet, value, font=None):
        cell = WriteOnlyCell(worksheet, value=None)
        if isinstance(value, str):
            # openpyxl takes a string starting with "=" for a formula; store
            # every string as a string, and mark the formula-like ones so
            # Excel keeps them text when someone edits the cell.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
            cell.data_type = "s"
            if value.startswith(FORMULA_STARTS):
                cell.style = "Normal"
                cell.quotePrefix = True
        else:
            cell.value = value
        if font is not None:
            cell.font = font
        cell.alignment = wrap
        return cell

    listing = sheet(words["findings_sheet"], words["findings"], FINDING_WIDTHS)
    summary = sheet(words["projects_sheet"], words["projects"], PROJECT_WIDTHS)
    for entry in groups:
        project = entry.project
        name = words["whole_file"] if project.whole_file else (project.name or "")
        department = project.department or ""
        for finding in entry.findings:
            path = (*finding.indicator_path, "", "", "")[:3]
            listing.append(
                [
                    _cell(listing, text)
                    for text in (
                        department,
                        name,
                        *path,
                        finding.value or "",
                        finding.message(context.lang),
                        finding.code,
                        words[str(finding.severity)],
                        suggestion(finding, context),
                        location(finding),
                    )
                ]
            )
        counts = Counter(str(f.severity) for f in entry.findings)
        summary.append(
            [
                _cell(summary, value)
                for value in (
                    department,
                    name,
                    words["failed" if entry.failed else "passed"],
                    counts["error"],
                    counts["warning"],
                    counts["info"],
                    f"{project.path}:{project.line}",
                )
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
