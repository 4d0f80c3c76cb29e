"""A workbook (.xlsx) checked in place: ``lint_workbook(data, path, plan) -> FileResult``.

The workbook is imported in memory with the importer (nothing is written),
written out as declaration YAML in memory, and checked by
:func:`targetlint.lint.lint` like any file. Each finding is then moved from
its YAML line to the cell the importer read the value from: the row becomes
the line and the column number the column, so ``path:line:col:`` still reads
for problem matchers, the finding carries ``sheet`` and ``cell``, and its
message names the cell (``绩效目标表!D15``).

A workbook is read only after its zip has been looked at: a file that is not
a zip, a password-protected one (an OLE2 file holding an EncryptedPackage),
or one whose parts would unpack past :data:`MAX_UNPACKED` (a zip bomb) is a
TL001 finding, like a YAML syntax error, never a traceback. A workbook with
no declaration table (a budget sheet, a list of names) is skipped like other
YAML. Rows and cells the importer could not place are problems at their
cells (TL002).

openpyxl is imported only when a workbook is checked, never by a plain YAML
check.
"""

from __future__ import annotations

import io
import re
import zipfile
from bisect import bisect_left
from collections import defaultdict, deque
from dataclasses import replace
from typing import TYPE_CHECKING

from targetlint.lint import FileResult, ParseStatus, lint
from targetlint.model import Indicator as ModelIndicator
from targetlint.model import written_fields
from targetlint.projects import Project
from targetlint.source import (
    OLE_MAGIC,
    UTF8,
    BinaryFormat,
    DecodeStatus,
    Problem,
    ProblemKind,
    SourceText,
    WorkbookTrouble,
    binary_format,
)
from targetlint.span import FILE_START, Span

if TYPE_CHECKING:
    from targetlint.importer.model import Declaration, Where
    from targetlint.importer.model import Indicator as ImportedIndicator
    from targetlint.importer.model import Problem as ImportProblem
    from targetlint.loader import SourceFile
    from targetlint.results import FilePlan
    from targetlint.rule import Finding

# The names a directory walk checks as workbooks. Excel's lock files (~$form.xlsx) are not workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# A workbook's file may be larger than a YAML file (its size limit is for text):
# real forms are tens of KB, a whole bureau's workbook a few MB.
MAX_WORKBOOK_SIZE = 20 * 1024 * 1024
# What its parts may unpack to, all together, and how many there may be: a
# zip bomb posing as a workbook is refused before anything is unpacked.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_PARTS = 10_000

# The importer's header fields (Declaration.cells) → the model's.
_HEADER = {
    "year": "year",
    "name": "name",
    "department_name": "department_name",
    "nature": "nature",
    "category": "category",
    "department": "department",
    "implementer": "implementer",
    "start": "start_date",
    "end": "end_date",
    "goal": "goal",
}
# The importer's amounts → the model's Funds fields.
_FUNDS = {"total": "total", "current": "appropriation", "carryover": "carryover", "other": "other"}
# The model's indicator fields → the form labels the importer records cells under.
_INDICATOR_LABELS = written_fields(ModelIndicator)
_PREFIXES = (("area_values.", "区域目标值."), ("other.", "其他."))
_PLAIN_SHEET = re.compile(r"^\w+$")


def is_workbook_name(path: str) -> bool:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.lower().endswith(WORKBOOK_SUFFIXES) and not name.startswith("~$")


def is_workbook(data: bytes) -> bool:
    """Whether bytes are an Office Open XML workbook (a zip with xl/ inside)."""
    return binary_format(data) is BinaryFormat.WORKBOOK


def is_encrypted(data: bytes) -> bool:
    """A password-protected .xlsx is no zip but an OLE2 file holding an EncryptedPackage stream."""
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


def trouble(data: bytes) -> WorkbookTrouble | None:
    """Why the workbook cannot be read, judged from its zip alone; None if it may be."""
    if is_encrypted(data):
        return WorkbookTrouble.ENCRYPTED
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED:
                return WorkbookTrouble.UNPACKED_TOO_LARGE
            if any(part.flag_bits & 0x1 for part in parts):  # encrypted zip entries
                return WorkbookTrouble.ENCRYPTED
            if not any(part.filename == "xl/workbook.xml" for part in parts):
                return WorkbookTrouble.CORRUPT
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return WorkbookTrouble.CORRUPT
    return None


def unreadable(path: str, why: WorkbookTrouble, plan: FilePlan) -> FileResult:
    """The TL001 finding of a workbook that cannot be read."""
    source = SourceText(path, "", None, [Problem(ProblemKind.WORKBOOK, FILE_START, str(why))], DecodeStatus.BINARY)
    result = lint(source, path, plan)
    result.status = ParseStatus.NOT_TEXT
    return result


def lint_workbook(data: bytes, path: str, plan: FilePlan) -> FileResult:
    """Check the workbook ``data`` (named ``path``) with ``plan``'s rules."""
    why = trouble(data)
    if why is not None:
        return unreadable(path, why, plan)
    from targetlint.importer.model import NoDeclaration

    try:
        from targetlint.importer.excel import read_workbook

        declarations, unplaced, _notes, warnings = read_workbook(io.BytesIO(data), path)
    except NoDeclaration:
        return FileResult(path, status=ParseStatus.FOREIGN)  # a budget sheet, a list of names: not ours
    except Exception:  # SourceError, or one of openpyxl's many reasons: each means the same to the user
        return unreadable(path, WorkbookTrouble.UNREADABLE, plan)
    from targetlint.importer.emit import dump_all

    text = dump_all(declarations)
    base = text.count("\n") + 1
    # Each import problem is given a comment line of its own after the
    # documents, so the rules report it like any problem and it is moved to
    # its cell with the others.
    noted = [(problem, "unplaced") for problem in unplaced] + [(problem, "formula") for problem in warnings]
    noted += [(_no_table(declaration), "no-table") for declaration in declarations if not declaration.indicators]
    text += "#\n" * len(noted)
    problems = [
        Problem(
            ProblemKind.IMPORT,
            Span(base + i, 1, base + i, 2),
            problem.message.removeprefix("warning: "),
            kind,
            suggestion=problem.zh.removeprefix("警告："),
        )
        for i, (problem, kind) in enumerate(noted)
    ]
    result = lint(SourceText(path, text, UTF8, problems), path, plan)
    cells = _cells_by_line(result.loaded, declarations)
    cells.update({base + i: problem.where for i, (problem, _) in enumerate(noted)})
    result.findings = [_at_cell(finding, cells, declarations) for finding in result.findings]
    result.projects = _projects(path, declarations)
    result.loaded = None  # its lines are the YAML's, not the workbook's
    return result


def _no_table(declaration: Declaration) -> ImportProblem:
    """A declaration's sheet with no indicator table: said at its first cell, in both languages."""
    from targetlint.importer.model import Problem as Said

    sheet = declaration.where.sheet
    return Said(
        declaration.where,
        f"no indicator table found on the sheet {sheet!r}: it needs a heading row "
        "一级指标 | 二级指标 | 三级指标 | 指标值 above the indicators",
        f"工作表“{sheet}”中没有找到绩效指标表：指标上方需要一行表头 一级指标 | 二级指标 | 三级指标 | 指标值",
    )


def _cells_by_line(loaded: SourceFile | None, imported: list[Declaration]) -> dict[int, Where]:
    """YAML line → the cell its value was read from."""
    lines: dict[int, Where] = {}

    def put(span: Span | None, where: Where | None) -> None:
        if span is not None and where is not None and where.sheet is not None:
            for line in range(span.line, span.end_line + 1):
                lines.setdefault(line, where)

    if loaded is None:
        return lines
    rows_at: list[tuple[int, int, ImportedIndicator]] = []
    for model, declaration in zip(loaded.declarations, imported):
        cells = declaration.cells
        for field, model_field in _HEADER.items():
            put(model.spans.get(model_field), cells.get(field))
        for funds, prefix in ((model.funds, ""), (model.period_funds, "period_")):
            if funds is not None:
                for field, model_field in _FUNDS.items():
                    put(funds.spans.get(model_field), cells.get(prefix + field))
        for key, span in model.spans.items():
            if key.startswith("other."):
                put(span, cells.get("其他." + key.removeprefix("other.")))
        for rows, records in (
            (list(model.indicators()), declaration.indicators),
            (list(model.period_indicators()), declaration.period_indicators),
        ):
            waiting: dict[tuple[str, ...], deque] = defaultdict(deque)
            for record in records:
                waiting[(record.level1, record.level2, record.name)].append(record)
            for row in rows:
                queue = waiting.get(row.path)
                if not queue:
                    continue
                record = queue.popleft()
                for field, label in _INDICATOR_LABELS.items():
                    put(row.spans.get(field), record.cells.get(label))
                for key, span in row.spans.items():
                    for prefix, label in _PREFIXES:
                        if key.startswith(prefix):
                            put(span, record.cells.get(label + key.removeprefix(prefix)))
                # Anything else of the row (its key, a value spread over lines) is at its 三级指标.
                rows_at.append((row.span().line, max(row.end_line, row.span().line), record))
    # After every value's own line: a row's block may end on the next row's first line.
    for first, last, record in rows_at:
        put(Span(first, 1, last, 1), record.cells.get("三级指标", record.where))
    return lines


def _at_cell(finding: Finding, cells: dict[int, Where], imported: list[Declaration]) -> Finding:
    where = cells.get(finding.line)
    if where is None and cells:
        # A line with no value of its own (a 一级 heading, 绩效指标:): the next value read.
        known = sorted(cells)
        position = bisect_left(known, finding.line)
        where = cells[known[min(position, len(known) - 1)]]
    if where is None and imported:
        where = imported[0].where
    if where is None or where.sheet is None:
        return replace(finding, fix=None)
    column = column_number(where.column or "A")
    cell = f"{where.column or 'A'}{where.line}"
    reference = f"{sheet_reference(where.sheet)}!{cell}"
    return replace(
        finding,
        span=Span(where.line, column, where.line, column + 1),
        message_zh=f"{finding.message_zh}（{reference}）",
        message_en=f"{finding.message_en} ({reference})",
        fix=None,  # a fix edits YAML text; the workbook is never changed
        sheet=where.sheet,
        cell=cell,
    )


def _projects(path: str, declarations: list[Declaration]) -> list[Project]:
    """Each declaration's rows on its sheet. Several on one sheet (a table listing
    projects) may share cells above them (the unit's row): each then starts
    after the one before it ends, so every row belongs to one project."""
    projects: list[Project] = []
    ended: dict[str | None, int] = {}
    for index, declaration in enumerate(declarations):
        sheet = declaration.where.sheet
        rows = [declaration.where.line] + [where.line for where in _all_cells(declaration) if where.sheet == sheet]
        first = max(min(rows), ended.get(sheet, 0) + 1)
        last = max(max(rows), first)
        ended[sheet] = last
        name = declaration.name or declaration.department_name
        projects.append(Project(path, index, name, declaration.department, first, last, sheet=sheet))
    return projects


def _all_cells(declaration: Declaration):
    yield from declaration.cells.values()
    for indicator in [*declaration.indicators, *declaration.period_indicators]:
        yield indicator.where
        yield from indicator.cells.values()


def column_number(letters: str) -> int:
    """A → 1, Z → 26, AA → 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + (ord(letter) - ord("A") + 1)
    return number


def sheet_reference(sheet: str) -> str:
    """The sheet as a formula names it: quoted when it holds spaces or punctuation."""
    return sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"
