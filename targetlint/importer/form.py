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
    listing: _ProjectList | None = None
    next_year: int | None = None
    document_year: int | None = None
    scale = Decimal(1)  # "金额单位:万元" above the table

    for row in rows:
        cells = row.cells
        if not any(c.strip() for c in cells) or labels.is_rule(cells):
            continue
        if positional and (columns := labels.list_columns(cells)):
            if listing is not None and listing.columns == columns:
                continue  # the heading reprinted (a new page): the projects go on
            # Several projects in one table, one after another on the sheet.
            if builder is not None:
                builder.finish(declarations, problems)
                builder = None
            if listing is not None:
                listing.finish(declarations, problems)
            listing = _ProjectList(row, columns, next_year or document_year, scale)
            continue
        if listing is not None:
            listing.feed(row, declarations, problems)
            continue
        unit = labels.amount_unit(cells)
        if unit is not None:
            scale = Decimal(unit)
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
        if builder is None and positional and labels.is_flat_heading(cells):
            # A list of indicators with no 项目名称 row above it (corpus 27):
            # a declaration all the same, its missing 项目名称 said.
            builder = _Builder(row.where, next_year or document_year, positional=positional)
            builder.problems.append(
                Problem(
                    row.where,
                    "no 项目名称 row above this indicator table; the declaration has no 项目名称",
                    "此指标表上方没有“项目名称”行，申报表缺少项目名称",
                )
            )
            next_year = None
        if builder is None:
            # A preamble before the first declaration; a dated title that
            # is_title does not know ("…申报表(2023年度)") still gives the year.
            document_year = document_year or labels.title_year(cells)
            continue
        builder.feed(row)

    if builder is not None:
        builder.finish(declarations, problems)
    if listing is not None:
        listing.finish(declarations, problems)
    return declarations, problems


class _ProjectList:
    """A table listing several projects (corpus 08): each project's 项目名称,
    单位名称, 预算数 and 年度目标 cells merged down over its indicator rows. A
    row with a new 项目名称 starts a declaration; the rows below it, up to the
    next, are its indicators. A row naming a unit and no project (the
    department's total above its projects) gives the 主管部门 of the projects
    below it, and its amount is kept in their 其他."""

    def __init__(self, heading: Row, columns: dict[str, int], year: int | None, scale: Decimal) -> None:
        self.columns = columns
        self.headings = {index: heading.cells[index].strip() for index in columns.values()}
        # The indicator heading without the project columns, for each project's table.
        self.heading = Row(self._without(heading.cells, set(columns.values())), heading.where)
        self.year = year
        self.scale = scale
        self.department: str | None = None
        self.department_where: Where | None = None
        self.department_other: dict[str, tuple[str, Where]] = {}
        self.builder: _Builder | None = None

    @staticmethod
    def _without(cells: list[str], indexes: set[int]) -> list[str]:
        return ["" if i in indexes else c for i, c in enumerate(cells)]

    def _cell(self, row: Row, role: str) -> str:
        index = self.columns.get(role)
        if index is None or index >= len(row.cells) or index in row.merged_from_above:
            return ""
        return row.cells[index].strip()

    def feed(self, row: Row, declarations: list[Declaration], problems: list[Problem]) -> None:
        project_columns = set(self.columns.values())
        name = self._cell(row, "name")
        current = self.builder.decl if self.builder is not None else None
        rest = [c for i, c in enumerate(row.cells) if i not in project_columns and c.strip()]
        if name and (current is None or name != current.name):
            self._start(row, name, declarations, problems)
        elif (
            not name
            and not rest
            and (self._cell(row, "unit") or self._cell(row, "department"))
            and not labels.is_footer(row.cells)
        ):
            self._department_row(row, declarations, problems)
            return
        if self.builder is None:
            # Indicator rows before any project: no declaration to keep them in.
            problems.append(
                Problem(
                    row.where,
                    f"could not place row (no 项目名称 above it in the list): {_shown(row.cells)}",
                    f"无法归位的行（清单中其上方没有项目名称）：{_shown(row.cells)}",
                )
            )
            return
        # The project's own cells (and copies merged down from them) are read;
        # anything else in those columns (a note, a footer) stays for the table to place.
        shown = {
            i
            for i in project_columns
            if i < len(row.cells)
            and (i in row.merged_from_above or row.cells[i].strip() == (self.builder.project_cells.get(i) or ""))
        }
        cells = self._without(row.cells, shown)
        if any(c.strip() for c in cells):
            self.builder.feed(Row(cells, row.where, row.merged_categories))

    def _start(self, row: Row, name: str, declarations: list[Declaration], problems: list[Problem]) -> None:
        if self.builder is not None:
            self.builder.finish(declarations, problems)
        builder = _Builder(row.where, self.year, positional=True)
        builder.scale = self.scale
        builder._start_table(self.heading)
        decl = builder.decl
        for role, index in self.columns.items():
            # A cell merged down from above counts here: a 单位名称 merged over
            # several projects is each one's.
            text = row.cells[index].strip() if index < len(row.cells) else ""
            if not text:
                continue
            builder.project_cells[index] = text
            field = {"name": "name", "unit": "implementer", "department": "department", "total": "total"}.get(role)
            if field is not None:
                builder._set_field(field, text, row, index)
            elif role == "goal":
                decl.goal = text
                decl.cells.setdefault("goal", _where_at(row, index))
        if decl.department is None and self.department is not None:
            decl.department = self.department
            if self.department_where is not None:
                decl.cells.setdefault("department", self.department_where)
        for key, (text, where) in self.department_other.items():
            decl.other[key] = text
            decl.cells[f"其他.{key}"] = where
        self.builder = builder

    def _department_row(self, row: Row, declarations: list[Declaration], problems: list[Problem]) -> None:
        if self.builder is not None:
            self.builder.finish(declarations, problems)
            self.builder = None
        unit_role = "department" if self._cell(row, "department") else "unit"
        self.department = self._cell(row, unit_role)
        self.department_where = _where_at(row, self.columns[unit_role])
        self.department_other = {}
        for role, index in self.columns.items():
            text = self._cell(row, role)
            if text and role != unit_role:
                key = f"{self.headings[index]}（{self.department}）"
                self.department_other[key] = (text, _where_at(row, index))
                problems.append(
                    Problem(
                        _where_at(row, index),
                        f"the department's {self.headings[index]} {text} has no field; "
                        f"kept in 其他 of each project below as {key}",
                        f"部门的{self.headings[index]} {text} 没有对应字段，保留在下方每个项目的 其他 中，键为 {key}",
                    )
                )

    def finish(self, declarations: list[Declaration], problems: list[Problem]) -> None:
        if self.builder is not None:
            self.builder.finish(declarations, problems)
            self.builder = None


class _Builder:
    def __init__(self, where: Where, year: int | None, *, positional: bool) -> None:
        self.decl = Declaration(where=where, year=year)
        self.positional = positional
        self.phase = "header"
        self.scale = Decimal(1)
        self.goal_column = 0
        self.goal_lines: list[str] = []
        # A 中期目标 column left of the 年度目标 one (labels on one row, texts below).
        self.period_goal_column: int | None = None
        self.period_goal_lines: list[str] = []
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
        self.flat = False  # the indicator table has no 一级 column (a list of indicators)
        # A project listed in a table of several (_ProjectList): its own cells, by column.
        self.project_cells: dict[int, str] = {}

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
        if self._period_goal_row(row):
            return
        found = False
        read: set[int] = set()  # the labels and the values read for them
        for index, cell in enumerate(cells):
            scale = labels.amount_scale(cell)
            if scale is not None:
                self.scale = Decimal(scale)
            field = labels.header_label(cell)
            if field is None:
                continue
            found = True
            read.add(index)
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
                read.add(at)
        if found:
            # A label the form knows beside one it does not ("主管部门 | … | 项目期 | 3年"):
            # what no field read is kept too, never dropped.
            unread = [c for i, c in enumerate(cells) if c.strip() and i not in read]
            if unread:
                self.problems.append(
                    Problem(
                        row.where,
                        f"cells no header field reads, kept in 其他: {_shown(unread)}",
                        f"没有表头字段读取的单元格，保留在 其他 中：{_shown(unread)}",
                    )
                )
                self.unplaced_header.append((row.where, unread))
            return
        if self._is_heading(cells):
            self._start_table(row)
        else:
            self.problems.append(
                Problem(
                    row.where,
                    f"could not place row (not a header field): {_shown(cells)}",
                    f"无法归位的行（不是表头字段）：{_shown(cells)}",
                )
            )
            self.unplaced_header.append((row.where, cells))

    def _period_goal_row(self, row: Row) -> bool:
        """A 中期目标 / 长期目标 label: its text follows it (实施期目标), or, when
        the 年度目标 label stands beside it, both texts are on the rows below."""
        cells = row.cells
        found = next(((i, g) for i, c in enumerate(cells) if (g := labels.period_goal(c)) is not None), None)
        if found is None:
            return False
        index, label = found
        if label.start and label.end:
            self.decl.period_start, self.decl.period_end = label.start, label.end
            self.decl.cells.setdefault("period", _where_at(row, index))
        text, at = self._value_after(cells, index)
        if text is not None:
            self._set_field("period_goal", text, row, at)
            rest = [c if i > at else "" for i, c in enumerate(cells)]
            if any(c.strip() for c in rest):
                self._header_row(Row(rest, row.where, row.merged_categories))
            return True
        annual = next((i for i in range(index + 1, len(cells)) if labels.header_label(cells[i]) == "goal"), None)
        self.phase = "goal"
        self.period_goal_column = index
        self.goal_column = annual if annual is not None else len(cells)
        return True

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
                self.problems.append(Problem(row.where, f"could not read the amount {text!r}", f"无法读取金额“{text}”"))
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
                self.problems.append(
                    Problem(row.where, f"could not read the 申报年度 {text!r}", f"无法读取申报年度“{text}”")
                )
        elif getattr(decl, field) is None:
            setattr(decl, field, text)

    # --- 年度总体目标 ---------------------------------------------------------
    def _goal_row(self, row: Row) -> None:
        cells = row.cells
        if self._is_heading(cells):
            self._start_table(row)
            return
        if not self.goal_lines and self.period_goal_column is None and self._period_goal_row(row):
            return  # "总体目标" alone on its row, then "中期目标(…) | 年度目标" on the next
        filled = [c for c in cells if c.strip()]
        if len(filled) >= 2 and any(labels.category(c) for c in filled[:3]):
            # No column heading row: the table started without one.
            self.phase = "table"
            self._table_row(row)
            return
        if self.period_goal_column is not None:
            self._period_and_annual_goal_row(row, filled)
            return
        # The text sits under the 年度总体目标 label; cells left of it (项目总目标) are not the goal.
        own = [i for i in range(self.goal_column, len(cells)) if cells[i].strip()]
        self.goal_lines.append(" ".join(cells[i] for i in own) if own else " ".join(filled))
        first = own[0] if own else next(i for i, c in enumerate(cells) if c.strip())
        self.decl.cells.setdefault("goal", _where_at(row, first))

    def _period_and_annual_goal_row(self, row: Row, filled: list[str]) -> None:
        """Texts under "中期目标 | 年度目标": by column in a worksheet; in text,
        whose columns shift, the first text is the period's and the rest the year's."""
        cells = row.cells
        assert self.period_goal_column is not None
        if self.positional:
            period = [i for i in range(self.period_goal_column, min(self.goal_column, len(cells))) if cells[i].strip()]
            annual = [i for i in range(self.goal_column, len(cells)) if cells[i].strip()]
        else:
            indexes = [i for i, c in enumerate(cells) if c.strip()]
            first_text = not self.period_goal_lines
            period = indexes[:1] if first_text else []
            annual = indexes[1:] if first_text else indexes
        if period:
            self.period_goal_lines.append(" ".join(cells[i] for i in period))
            self.decl.cells.setdefault("period_goal", _where_at(row, period[0]))
        if annual:
            self.goal_lines.append(" ".join(cells[i] for i in annual))
            self.decl.cells.setdefault("goal", _where_at(row, annual[0]))

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
            self.flat = self.table.flat = "level1" not in self.columns
            if {"name", "value"} <= repeated.keys():
                # 中期 and 年度 side by side (安徽): the first 二级/三级/指标值 are the
                # period's, the repeated ones the year's; 一级 is shared.
                self.period_columns = {role: self.columns[role] for role in repeated}
                self.columns.update(repeated)

    def _is_heading(self, cells: list[str]) -> bool:
        """The indicator table's heading row; in a worksheet also one with no 一级 column."""
        return labels.is_indicator_heading(cells) or (self.positional and labels.is_flat_heading(cells))

    def _table_row(self, row: Row) -> None:
        cells = row.cells
        if self._is_heading(cells):
            self._start_table(row)  # repeated on a new page
            return
        if labels.is_footer(cells):
            self.problems.append(
                Problem(
                    row.where,
                    f"could not place row (a footer, not an indicator): {_shown(cells)}",
                    f"无法归位的行（表格下方的审核、签章、日期或说明，不是指标）：{_shown(cells)}",
                )
            )
            self.unplaced.append((row.where, cells))
            return
        table = self.period_table if self.in_period_block else self.table
        if not self.positional:
            table.content_row(cells, row.where, name_column=self.name_column)
            return
        # A table with one target column per area has no 指标值 column.
        by_area = "value" not in self.columns and bool(self.unnamed_columns)
        needed = {"name"} if by_area else {"name", "value"}
        if not self.flat:
            needed.add("level1")
        missing = needed - self.columns.keys()
        if missing:
            self.problems.append(
                Problem(
                    row.where,
                    "could not place row (the indicator table has no 一级指标/三级指标/指标值 columns): "
                    + _shown(cells),
                    "无法归位的行（指标表缺少 一级指标/三级指标/指标值 列）：" + _shown(cells),
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
            self.problems.append(
                Problem(
                    where,
                    f"a cell outside the table columns, kept in 其他 as {heading}: {text}",
                    f"表格列之外的单元格，保留在 其他 中，键为 {heading}：{text}",
                )
            )
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
        if self.period_goal_lines:
            self.decl.period_goal = "\n".join(self.period_goal_lines)
        indicators, table_problems = self.table.finish()
        self.decl.indicators = indicators
        self.decl.flat = self.flat
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
        if not filled:  # only spaces (a line separator, a full-width space): nothing to keep
            return
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
