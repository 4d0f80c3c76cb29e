"""From rows of cells to declarations: header block, 年度总体目标, indicator table.

Text tables and worksheets both arrive here as rows of cells (empty cells
kept, so column positions survive). A declaration starts at each row that
holds a 项目名称 label and runs to the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from targetlint.importer import labels
from targetlint.importer.indicators import IndicatorTable
from targetlint.importer.model import EXTRA_KEYS, Declaration, Problem, Where

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?度?\s*$")

# Columns a 中期/年度 table prints twice, once for each half.
_SIDE_BY_SIDE = ("level2", "name", "value")
# Indicator-table columns whose cells go where their content says (see labels.split_cell).
_SPLIT_ROLES = ("kind-or-operator", "direction")


@dataclass
class Row:
    cells: list[str]
    where: Where
    merged_categories: bool = False  # a worksheet whose 一级/二级 cells are merged
    # Columns whose text is a copy of a cell merged down from a row above: the
    # table reads them (a 一级 spanning rows), the header block must not (a
    # label and its text merged over two rows are one field, read once).
    merged_from_above: frozenset[int] = frozenset()


def parse_rows(rows: Iterable[Row], *, positional: bool) -> tuple[list[Declaration], list[Problem]]:
    """Read every declaration in ``rows``.

    ``positional`` reads the indicator table by its column headings (worksheets,
    whose columns do not shift); otherwise by the content of each cell.
    """
    declarations: list[Declaration] = []
    problems: list[Problem] = []
    builder: _Builder | None = None
    next_year: int | None = None
    document_year: int | None = None

    for row in rows:
        cells = row.cells
        if not any(c.strip() for c in cells) or labels.is_rule(cells):
            continue
        year = labels.year_marker(cells)
        if year is not None:
            if builder is not None and builder.phase == "header" and builder.decl.year is None:
                builder.decl.year = year
            else:
                next_year = year
            continue
        if labels.is_title(cells):
            document_year = document_year or labels.title_year(cells)
            continue
        if any(labels.header_label(c) in ("name", "department_name") for c in cells):
            if builder is not None:
                builder.finish(declarations, problems)
            builder = _Builder(row.where, next_year or document_year, positional=positional)
            next_year = None
        if builder is None:
            continue  # a preamble before the first declaration
        builder.feed(row)

    if builder is not None:
        builder.finish(declarations, problems)
    return declarations, problems


class _Builder:
    def __init__(self, where: Where, year: int | None, *, positional: bool) -> None:
        self.decl = Declaration(where=where, year=year)
        self.positional = positional
        self.phase = "header"
        self.scale = Decimal(1)
        self.goal_column = 0
        self.goal_lines: list[str] = []
        self.columns: dict[str, int] = {}
        # Columns the format has no field for, by index → heading as printed:
        # one target per area when the table has no 指标值 column, else 其他.
        self.unnamed_columns: dict[int, str] = {}
        self.headings: dict[int, str] = {}
        self.name_column: int | None = None
        self.table = IndicatorTable()
        # A 中期 indicator table printed left of the year's (二级, 三级, 指标值 twice).
        self.period_table = IndicatorTable()
        self.period_columns: dict[str, int] = {}
        self.period_funds_column: int | None = None  # where 中期资金总额 and its sub-rows are printed
        self.in_period_block = False  # under a "长期绩效指标" label, until "年度绩效指标"
        self.problems: list[Problem] = []
        # Rows that found no place: kept in the declaration's 其他, each also a warning.
        self.unplaced: list[tuple[Where, list[str]]] = []
        self.unplaced_header: list[tuple[Where, list[str]]] = []  # label, value, label, value …

    def feed(self, row: Row) -> None:
        block = labels.table_block(row.cells)
        if block is not None:
            self.in_period_block = block == "period"
            return
        if self.phase != "table" and row.merged_from_above:
            cells = ["" if i in row.merged_from_above else c for i, c in enumerate(row.cells)]
            if not any(c.strip() for c in cells):
                return
            row = Row(cells, row.where, row.merged_categories)
        if self.phase == "header":
            self._header_row(row)
        elif self.phase == "goal":
            self._goal_row(row)
        else:
            self._table_row(row)

    # --- header block ---------------------------------------------------
    def _header_row(self, row: Row) -> None:
        cells = row.cells
        found = False
        for index, cell in enumerate(cells):
            scale = labels.amount_scale(cell)
            if scale is not None:
                self.scale = Decimal(scale)
            field = labels.header_label(cell)
            if field is None:
                continue
            found = True
            if field == "goal":
                self.phase = "goal"
                self.goal_column = index
                rest = [i for i in range(index + 1, len(cells)) if cells[i].strip()]
                if rest:
                    self.goal_lines.append(" ".join(cells[i] for i in rest))
                    self.decl.cells.setdefault("goal", _where_at(row, rest[0]))
                return
            if field == "period_total":
                self.period_funds_column = index
            if field in labels.AMOUNT_FIELDS and index == self.period_funds_column:
                field = "period_" + field  # 其中：财政拨款 under 中期资金总额 is the period's
            if field:
                text, at = self._value_after(cells, index)
                self._set_field(field, text, row, at)
        if found:
            return
        if labels.is_indicator_heading(cells):
            self._start_table(row)
        else:
            self.problems.append(Problem(row.where, f"could not place row (not a header field): {_shown(cells)}"))
            self.unplaced_header.append((row.where, cells))

    @staticmethod
    def _value_after(cells: list[str], index: int) -> tuple[str | None, int]:
        """The value after the label at ``index``, and the column it is in."""
        for at in range(index + 1, len(cells)):
            cell = cells[at]
            if cell.strip():
                # The next label means this one was left blank.
                return (None if labels.header_label(cell) is not None else cell.strip()), at
        return None, index

    def _set_field(self, field: str, text: str | None, row: Row, index: int) -> None:
        decl = self.decl
        if text is None:
            return
        # The first value read for a field is the one kept, below; so is its cell.
        decl.cells.setdefault(field, _where_at(row, index))
        if field.removeprefix("period_") in labels.AMOUNT_FIELDS:
            funding = decl.period_funding if field.startswith("period_") else decl.funding
            field = field.removeprefix("period_")
            if getattr(funding, field) is not None:
                return
            amount = _amount(text)
            if amount is None:
                self.problems.append(Problem(row.where, f"could not read the amount {text!r}"))
                return
            setattr(funding, field, (amount * self.scale).quantize(Decimal("0.01")))
        elif field in ("start", "end"):
            if getattr(decl, field) is None:
                setattr(decl, field, _date(text))
        elif field == "year":
            match = _YEAR.match(text)
            if match:
                decl.year = int(match.group(1))
            else:
                self.problems.append(Problem(row.where, f"could not read the 申报年度 {text!r}"))
        elif getattr(decl, field) is None:
            setattr(decl, field, text)

    # --- 年度总体目标 ---------------------------------------------------------
    def _goal_row(self, row: Row) -> None:
        cells = row.cells
        if labels.is_indicator_heading(cells):
            self._start_table(row)
            return
        filled = [c for c in cells if c.strip()]
        if len(filled) >= 2 and any(labels.category(c) for c in filled[:3]):
            # No column heading row: the table started without one.
            self.phase = "table"
            self._table_row(row)
            return
        # The text sits under the 年度总体目标 label; cells left of it (项目总目标) are not the goal.
        own = [i for i in range(self.goal_column, len(cells)) if cells[i].strip()]
        self.goal_lines.append(" ".join(cells[i] for i in own) if own else " ".join(filled))
        first = own[0] if own else next(i for i, c in enumerate(cells) if c.strip())
        self.decl.cells.setdefault("goal", _where_at(row, first))

    # --- indicator table -------------------------------------------------
    def _start_table(self, row: Row) -> None:
        self.phase = "table"
        squeezed = [labels.squeeze(c) for c in row.cells]
        if "三级指标" in squeezed:
            self.name_column = squeezed.index("三级指标")
        if self.positional:
            self.columns, self.unnamed_columns, self.headings, self.period_columns = {}, {}, {}, {}
            repeated: dict[str, int] = {}
            for index, cell in enumerate(row.cells):
                if not cell.strip() or labels.frame_part(cell):
                    continue
                self.headings[index] = cell.strip()
                role = labels.column_role(cell)
                if role in _SPLIT_ROLES:
                    role = f"{role}@{index}"  # 指标值类型 beside 指标性质: each is read by content
                if role is None:
                    self.unnamed_columns[index] = cell.strip()
                elif role not in self.columns:
                    self.columns[role] = index
                elif role in _SIDE_BY_SIDE and role not in repeated:
                    repeated[role] = index
            if {"name", "value"} <= repeated.keys():
                # 中期 and 年度 side by side (安徽): the first 二级/三级/指标值 are the
                # period's, the repeated ones the year's; 一级 is shared.
                self.period_columns = {role: self.columns[role] for role in repeated}
                self.columns.update(repeated)

    def _table_row(self, row: Row) -> None:
        cells = row.cells
        if labels.is_indicator_heading(cells):
            self._start_table(row)  # repeated on a new page
            return
        if labels.is_footer(cells):
            self.problems.append(
                Problem(row.where, f"could not place row (a footer, not an indicator): {_shown(cells)}")
            )
            self.unplaced.append((row.where, cells))
            return
        table = self.period_table if self.in_period_block else self.table
        if not self.positional:
            table.content_row(cells, row.where, name_column=self.name_column)
            return
        # A table with one target column per area has no 指标值 column.
        by_area = "value" not in self.columns and bool(self.unnamed_columns)
        needed = {"level1", "name"} if by_area else {"level1", "name", "value"}
        missing = needed - self.columns.keys()
        if missing:
            self.problems.append(
                Problem(
                    row.where,
                    "could not place row (the indicator table has no 一级指标/三级指标/指标值 columns): "
                    + _shown(cells),
                )
            )
            return

        def cell(role: str) -> str:
            index = self.columns.get(role)
            return cells[index] if index is not None and index < len(cells) else ""

        used = set(self.columns.values()) | set(self.unnamed_columns) | set(self.period_columns.values())
        extras: dict[str, str] = {}
        places: dict[str, Where] = {}
        other: dict[str, str] = {}
        for index, text in enumerate(cells):
            if index in used or not text.strip() or labels.frame_part(text):
                continue
            # A cell under no heading (a note beside the table) stays with its row.
            where = _where_at(row, index)
            heading = f"{where.column}列" if where.column else f"第{index + 1}格"
            self.problems.append(Problem(where, f"a cell outside the table columns, kept in 其他 as {heading}: {text}"))
            other[heading] = text
            places[f"其他.{heading}"] = where
        for role, index in self.columns.items():
            text = cells[index] if index < len(cells) else ""
            role = role.partition("@")[0]
            key: str | None = role
            if role in _SPLIT_ROLES:
                key = labels.split_cell(role, text) if text.strip() else None
                if key is None:
                    if text.strip():
                        other[self.headings[index]] = text
                        places[f"其他.{self.headings[index]}"] = _where_at(row, index)
                    continue
            if key in EXTRA_KEYS:
                extras[key] = text
            if role in _CELL_KEYS:  # the 一级/二级 columns are headings, not parts of the row
                places[_CELL_KEYS[role]] = _where_at(row, index)
            elif key in EXTRA_KEYS:
                places[key] = _where_at(row, index)
        areas: dict[str, str] = {}
        for index, heading in self.unnamed_columns.items():
            text = cells[index] if index < len(cells) else ""
            if by_area:
                areas[heading] = text
                places[f"区域目标值.{heading}"] = _where_at(row, index)
            elif text.strip():
                other[heading] = text
                places[f"其他.{heading}"] = _where_at(row, index)
        table.positional_row(
            cell("level1"),
            cell("level2"),
            cell("name"),
            cell("value"),
            extras,
            _where_at(row, self.columns["name"]),
            blank_level2_is_empty=row.merged_categories,
            areas=areas,
            other=other,
            cells=places,
        )
        if self.period_columns:

            def period_cell(role: str) -> str:
                index = self.period_columns.get(role)
                return cells[index] if index is not None and index < len(cells) else ""

            self.period_table.positional_row(
                cell("level1"),
                period_cell("level2"),
                period_cell("name"),
                period_cell("value"),
                {},
                _where_at(row, self.period_columns["name"]),
                blank_level2_is_empty=row.merged_categories,
                cells={"三级指标": _where_at(row, self.period_columns["name"])},
            )

    def finish(self, declarations: list[Declaration], problems: list[Problem]) -> None:
        if self.goal_lines:
            self.decl.goal = "\n".join(self.goal_lines)
        indicators, table_problems = self.table.finish()
        self.decl.indicators = indicators
        self.decl.period_indicators, period_problems = self.period_table.finish()
        table_problems = table_problems + period_problems
        for where, cells in self.unplaced_header:
            self._keep(where, cells, paired=True)
        for where, cells in self.unplaced + self.table.unplaced:
            self._keep(where, cells, paired=False)
        declarations.append(self.decl)
        problems.extend(self.problems)
        problems.extend(table_problems)

    def _keep(self, where: Where, cells: list[str], *, paired: bool) -> None:
        """A row that found no place, in 其他: label → value pairs, or its first cell → the rest."""
        filled = [c.strip() for c in cells if c.strip()]
        if paired and len(filled) % 2 == 0:
            # Label, value, label, value: the way a header row prints its fields.
            pairs = [(filled[i], filled[i + 1]) for i in range(0, len(filled), 2)]
        elif len(filled) > 1:
            pairs = [(filled[0], " | ".join(filled[1:]))]
        else:
            pairs = [(f"第{where.line}行", filled[0])]
        for label, text in pairs:
            key, number = label, 2
            while key in self.decl.other:
                key, number = f"{label} ({number})", number + 1
            self.decl.other[key] = text
            self.decl.cells[f"其他.{key}"] = where


# A column's role → the key its cell is recorded under in ``cells``.
_CELL_KEYS = {"name": "三级指标", "value": "指标值"}


def _where_at(row: Row, index: int) -> Where:
    if row.where.sheet is None:
        return row.where
    return Where(row.where.source, row.where.line, row.where.sheet, column_letters(index))


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _shown(cells: list[str]) -> str:
    return " | ".join(c.strip() for c in cells if c.strip())


def _amount(text: str) -> Decimal | None:
    cleaned = re.sub(r"[,，\s元]", "", text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _date(text: str) -> date | str:
    match = _DATE.match(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    return text  # kept as written; the linter judges it
