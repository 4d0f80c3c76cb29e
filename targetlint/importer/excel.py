"""Excel workbooks (.xlsx): each sheet read as rows (see form.py), one or more declarations a sheet.

openpyxl is imported here only, and only when a workbook is imported, so
``targetlint check`` never pays for it.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from targetlint.importer import labels
from targetlint.importer.form import Row, column_letters, parse_rows
from targetlint.importer.model import Declaration, NoDeclaration, Problem, SourceError, Where

_PERCENT_DECIMALS = re.compile(r"0(?:\.(0+))?%")


def read_workbook(
    path: Path | IO[bytes], source: str
) -> tuple[list[Declaration], list[Problem], list[Problem], list[Problem]]:
    """Declarations, rows that could not be placed, notes about skipped sheets,
    and warnings about cells (a formula whose value was never saved).
    ``path``: a file, or its bytes in memory (``targetlint check`` writes nothing)."""
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:
        raise SourceError(
            f"{source}: reading .xlsx needs openpyxl: pip install 'targetlint[excel]'",
            f"{source}：读取 .xlsx 需要 openpyxl：pip install 'targetlint[excel]'",
        ) from None
    try:
        # Not read_only: merged ranges are only available on full worksheets.
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise SourceError(
            f"{source}: not a readable .xlsx workbook ({error})", f"{source}：不是可读取的 .xlsx 工作簿（{error}）"
        ) from None
    except Exception as error:  # a damaged part inside the zip (XML that does not parse, a bad stream …)
        reason = f"{type(error).__name__}: {error}"
        raise SourceError(
            f"{source}: not a readable .xlsx workbook ({reason})", f"{source}：不是可读取的 .xlsx 工作簿（{reason}）"
        ) from None

    declarations: list[Declaration] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    warnings = _unsaved_formulas(openpyxl, path, workbook, source)
    for sheet in workbook.worksheets:
        found, sheet_problems = parse_rows(_rows(sheet, source), positional=True)
        if not found:
            notes.append(
                Problem(
                    Where(source, 0, sheet.title),
                    "no 项目名称 row; sheet skipped",
                    "没有“项目名称”行，已跳过该工作表",
                )
            )
            continue
        declarations.extend(found)
        problems.extend(sheet_problems)
    if not declarations:
        names = ", ".join(repr(s.title) for s in workbook.worksheets)
        raise NoDeclaration(
            f"{source}: no declaration found: no sheet has a 项目名称 row (sheets: {names})",
            f"{source}：未找到申报表：没有工作表含“项目名称”行（工作表：{names}）",
        )
    return declarations, problems, notes, warnings


def _unsaved_formulas(openpyxl: Any, path: Path | IO[bytes], values: Any, source: str) -> list[Problem]:
    """Formula cells with no saved value: a workbook written by a program and
    never opened in Excel has none, so the cell reads empty. Each is a
    warning at its cell, not a silently missing total."""
    try:
        formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception:  # it loaded once already; a second reading adds nothing to report
        return []
    found = []
    for sheet in formulas.worksheets:
        shown = values[sheet.title]
        for row in sheet.iter_rows():
            for cell in row:
                text = cell.value
                if isinstance(text, str) and text.startswith("=") and shown[cell.coordinate].value is None:
                    where = Where(source, cell.row, sheet.title, cell.column_letter)
                    found.append(
                        Problem(
                            where,
                            f"warning: the formula {text} has no saved value (read as empty); "
                            "open and save the workbook in Excel",
                            f"警告：公式 {text} 没有保存的计算结果（按空值读取）；请在 Excel 中打开并保存该工作簿",
                        )
                    )
    return found


def _rows(sheet: Any, source: str) -> list[Row]:
    grid = [[_text(cell) for cell in row] for row in sheet.iter_rows()]
    copied: dict[int, set[int]] = {}
    merged_categories = False
    for merged in sheet.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else ""
        if merged.max_row == merged.min_row:
            continue  # a label or value spread across columns: it stays in its first column
        # A vertical merge (一级/二级 spanning rows) applies to every row it spans.
        for row_index in range(merged.min_row, merged.max_row + 1):
            if row_index - 1 < len(grid):
                grid[row_index - 1][merged.min_col - 1] = top
                if row_index > merged.min_row:
                    copied.setdefault(row_index, set()).add(merged.min_col - 1)
        if top.strip() and (labels.category(top) or labels.looks_like_category(top)):
            merged_categories = True
    return [
        Row(
            cells,
            Where(source, number, sheet.title, column_letters(0)),
            merged_categories,
            frozenset(copied.get(number, ())),
        )
        for number, cells in enumerate(grid, 1)
    ]


def _text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        percent = _PERCENT_DECIMALS.search(cell.number_format or "")
        if percent:
            # Shown as a percentage in Excel (0.95 with format 0% reads "95%").
            places = len(percent.group(1) or "")
            shown = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places))
            return f"{shown:f}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)
