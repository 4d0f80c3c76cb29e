"""The indicator table: 一级/二级 headings, inheritance and page-break repairs.

Rows arrive one at a time. A row may print a 一级 and/or a 二级 heading; a
row that prints none inherits the last ones seen. Headings are objects that
indicators point at, so a repair found later (a split label joined, a heading
printed on the next page) applies to every row already read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from targetlint.importer import labels
from targetlint.importer.model import Indicator, Problem, Where

_VALUE_LIKE = re.compile(r"^\s*(?:[≥≤=<>＞＜＝≧≦]=?|\$|约)?\s*[-+]?\d|%\s*$")


class Heading:
    """A printed 一级 or 二级 label, or a placeholder for one printed later."""

    def __init__(
        self,
        label: str | None,
        *,
        column: int | None = None,
        canon: str | None = None,
        parent: str | None = None,
        requires: str | None = None,
        fallback: Heading | None = None,
    ) -> None:
        self.label = label  # None for a placeholder
        self.column = column  # the source column it was printed in
        self.canon = canon  # canonical 一级 (for 一级 headings)
        self.parent = parent  # canonical 一级 a 二级 belongs under
        self.requires = requires  # placeholder: the 一级 it waits for
        self.fallback = fallback  # placeholder: what it becomes if that never comes
        self.target: Heading | None = None
        self.resolved = label is not None

    def final_label(self) -> str | None:
        heading: Heading | None = self
        while heading is not None and heading.label is None:
            if not heading.resolved:
                return None
            heading = heading.target
        return "" if heading is None else heading.label

    def resolve(self, target: Heading | None) -> None:
        self.target = target
        self.resolved = True


@dataclass
class _Row:
    level1: Heading
    level2: Heading | None
    name: str
    value: str
    where: Where
    extras: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)
    cells: dict[str, Where] = field(default_factory=dict)


@dataclass
class _Cell:
    column: int
    text: str
    fragment: bool = False


class IndicatorTable:
    def __init__(self) -> None:
        self.level1: Heading | None = None
        self.level2: Heading | None = None
        self.frame_open = False  # "绩效" printed; its "指标" may follow on a later row
        self.pending_level1: list[Heading] = []  # placeholders for a 一级 printed later
        self.pending_level2: list[Heading] = []  # placeholders for a 二级 printed later
        self.rows: list[_Row] = []
        # A table with no levels at all (no 一级/二级 columns): rows are kept in order, under none.
        self.flat = False
        self.problems: list[Problem] = []
        self.unplaced: list[tuple[Where, list[str]]] = []  # rows reported, kept for 其他

    # --- rows read by content (text tables) ------------------------------
    def content_row(self, cells: list[str], where: Where, *, name_column: int | None = None) -> None:
        """Read a row by what its cells say; ``name_column`` is where the 三级指标 heading sits."""
        filled = [_Cell(i, c) for i, c in enumerate(cells) if c.strip()]
        if filled and (part := labels.frame_part(filled[0].text)):
            self.frame_open = part == "head"
            filled = filled[1:]
        elif filled and labels.is_fragment(filled[0].text) and self.frame_open:
            self.frame_open = False
            filled = filled[1:]
        if not filled:
            return

        cats: list[_Cell] = []
        k = 0
        while k < len(filled):
            cell = filled[k]
            if labels.is_fragment(cell.text):
                cell.fragment = True
            elif labels.category(cell.text) is None:
                break
            elif cats and not cats[-1].fragment and labels.squeeze(cats[-1].text) == labels.squeeze(cell.text):
                # The 一级 column repeating the 二级 after a page break ("质量指标 质量指标").
                k += 1
                continue
            elif sum(not c.fragment for c in cats) == 2:
                break
            cats.append(cell)
            k += 1
        rest = filled[k:]
        # Labels the vocabulary does not know still sit before the name ("运行效益指标").
        while len(rest) > 2 and sum(not c.fragment for c in cats) < 2 and labels.looks_like_category(rest[0].text):
            cats.append(rest.pop(0))

        if len(rest) > 2:
            self._cannot_place(
                where, cells, "more cells than a 三级指标 and its 指标值", "单元格多于一个三级指标及其指标值"
            )
            return
        if rest and rest[0].text.rstrip().endswith(("：", ":")):
            # "填报人：" and the like: a form footer, not an indicator.
            self._cannot_place(where, cells, "a label, not an indicator", "是标签，不是指标")
            return
        if len(rest) == 1 and not cats and name_column is not None and abs(rest[0].column - name_column) > 1:
            # A lone cell away from the 三级指标 column is a note or footer, not a
            # name whose value was left blank.
            self._cannot_place(where, cells, "a lone cell outside the 三级指标 column", "三级指标列之外的单独单元格")
            return
        if len(rest) == 1 and _VALUE_LIKE.search(rest[0].text):
            # A name that happens to be a category word, followed by its value.
            if cats and not cats[-1].fragment:
                rest.insert(0, cats.pop())
            else:
                self._cannot_place(where, cells, "a 指标值 with no 三级指标", "有指标值而没有三级指标")
                return

        printed_level1 = self._apply_categories(cats)
        self._settle(printed_level1)
        if rest:
            name = rest[0].text
            value = rest[1].text if len(rest) == 2 else ""
            self._add(name, value, where, {})

    def _apply_categories(self, cats: list[_Cell]) -> bool:
        labelled = [c for c in cats if not c.fragment]
        levels: dict[int, int] = {}
        if len(labelled) == 2:
            levels = {id(labelled[0]): 1, id(labelled[1]): 2}
        elif len(labelled) == 1:
            levels = {id(labelled[0]): self._level_of_single(labelled[0].text)}
        printed_level1 = False
        last: int | None = None
        for cell in cats:
            if cell.fragment:
                self._extend(cell, after=last)
                continue
            last = levels[id(cell)]
            if last == 1:
                self.set_level1(cell.text, cell.column)
                printed_level1 = True
            else:
                self.set_level2(cell.text, cell.column, printed_level1=printed_level1)
        return printed_level1

    def _level_of_single(self, text: str) -> int:
        """Whether a lone category cell is a 一级 or a 二级, from what came before."""
        key = labels.normalise(text)
        real = self._real_level1()
        if real is not None and key == labels.normalise(real.label or ""):
            return 1
        if self.level2 is not None and self.level2.label is not None and key == labels.normalise(self.level2.label):
            return 2
        cat = labels.category(text)
        if cat is None:
            return 2
        presumed = self._presumed_canon()
        if cat.level2 is not None and presumed is not None and cat.parent == presumed:
            return 2
        return 1 if cat.level1 is not None else 2

    def _extend(self, cell: _Cell, *, after: int | None) -> None:
        """Join a label's tail "指标", printed on a later row, onto its heading."""
        candidates = [self.level2] if after is not None else [self._real_level1(), self.level2]
        open_ = [
            h
            for h in candidates
            if h is not None and h.label is not None and not labels.squeeze(h.label).endswith("指标")
        ]
        if not open_:
            return  # a stray tail of an already complete label: nothing to add
        target = min(open_, key=lambda h: abs((h.column if h.column is not None else cell.column) - cell.column))
        # The source shows a line break inside the cell; keep it as one space,
        # the way the PDF text renders breaks elsewhere ("服务对象满意度 指标").
        target.label = f"{(target.label or '').rstrip()} {cell.text.strip()}"  # open_ holds labelled headings

    # --- rows read by column (spreadsheets) --------------------------------
    def positional_row(
        self,
        level1: str,
        level2: str,
        name: str,
        value: str,
        extras: dict[str, str],
        where: Where,
        *,
        blank_level2_is_empty: bool,
        areas: dict[str, str] | None = None,
        other: dict[str, str] | None = None,
        cells: dict[str, Where] | None = None,
    ) -> None:
        """One worksheet row; ``cells``: where each non-empty part was read, by form label."""
        printed_level1 = bool(level1.strip())
        if printed_level1:
            self.set_level1(level1, None)
        if level2.strip():
            self.set_level2(level2, None, printed_level1=printed_level1)
        elif blank_level2_is_empty and printed_level1:
            self.level2 = None
        self._settle(printed_level1)
        written = [*extras.values(), *(areas or {}).values(), *(other or {}).values()]
        if not name.strip() and not value.strip() and not any(v.strip() for v in written):
            return
        if not name.strip():
            self._cannot_place(
                where, [level1, level2, name, value], "a 指标值 with no 三级指标", "有指标值而没有三级指标"
            )
            return
        self._add(name, value, where, {k: v for k, v in extras.items() if v.strip()}, cells or {})
        row = self.rows[-1]
        row.areas, row.other = dict(areas or {}), dict(other or {})

    # --- heading state ----------------------------------------------------
    def set_level1(self, text: str, column: int | None) -> None:
        real = self._real_level1()
        if real is not None and labels.normalise(text) == labels.normalise(real.label or ""):
            # Reprinted after a page break: the same heading continues.
            if self.level1 is not real:
                self.level1 = real
            real.column = column if column is not None else real.column
            return
        cat = labels.category(text)
        self.level1 = Heading(text, column=column, canon=cat.level1 if cat else None)
        self.level2 = None

    def set_level2(self, text: str, column: int | None, *, printed_level1: bool) -> None:
        if (
            self.level2 is not None
            and self.level2.label is not None
            and labels.normalise(text) == labels.normalise(self.level2.label)
        ):
            self.level2.column = column if column is not None else self.level2.column
            return
        cat = labels.category(text)
        parent = cat.parent if cat is not None and cat.level2 is not None else None
        if self.level1 is None:
            # Rows before any 一级: it is printed further down (after a page break).
            self._wait_for_level1(requires=parent, fallback=None)
        elif (
            not printed_level1
            and parent is not None
            and self.level1.label is not None
            and self.level1.canon is not None
            and parent != self.level1.canon
        ):
            # A 二级 that cannot sit under the current 一级: its own 一级 is
            # printed on the next page ("社会效益指标" before "效益指标").
            self._wait_for_level1(requires=parent, fallback=self.level1)
        self.level2 = Heading(text, column=column, parent=parent)
        self._settle_level2()

    def _wait_for_level1(self, *, requires: str | None, fallback: Heading | None) -> Heading:
        placeholder = Heading(None, requires=requires, fallback=fallback)
        self.pending_level1.append(placeholder)
        self.level1 = placeholder
        return placeholder

    def _settle(self, printed_level1: bool) -> None:
        """Once a 一级 is printed, the rows waiting for one learn theirs."""
        if not printed_level1:
            return
        real = self.level1
        assert real is not None and real.label is not None
        for placeholder in self.pending_level1:
            fits = placeholder.requires is None or real.canon is None or placeholder.requires == real.canon
            placeholder.resolve(real if fits else placeholder.fallback)
        self.pending_level1.clear()
        self._settle_level2()

    def _settle_level2(self) -> None:
        for placeholder in self.pending_level2:
            placeholder.resolve(self.level2)
        self.pending_level2.clear()

    def _real_level1(self) -> Heading | None:
        heading = self.level1
        if heading is not None and heading.label is None:
            return heading.fallback
        return heading

    def _presumed_canon(self) -> str | None:
        heading = self.level1
        if heading is None:
            return None
        if heading.label is None:
            return heading.requires or (heading.fallback.canon if heading.fallback else None)
        return heading.canon

    def _add(
        self, name: str, value: str, where: Where, extras: dict[str, str], cells: dict[str, Where] | None = None
    ) -> None:
        level1 = self.level1
        if self.flat:
            level1, self.level2 = Heading(""), None
        elif level1 is None:
            level1 = self._wait_for_level1(requires=None, fallback=None)
            if self.level2 is None:
                # Neither heading printed yet: the 二级 comes with the 一级.
                self.level2 = Heading(None)
                self.pending_level2.append(self.level2)
        self.rows.append(_Row(level1, self.level2, name, value, where, extras, cells=cells or {"三级指标": where}))

    def _cannot_place(self, where: Where, cells: list[str], why: str, why_zh: str) -> None:
        shown = " | ".join(c.strip() for c in cells if c.strip())
        self.problems.append(
            Problem(where, f"could not place row ({why}): {shown}", f"无法归位的行（{why_zh}）：{shown}")
        )
        self.unplaced.append((where, cells))

    # --- result ---------------------------------------------------------
    def finish(self) -> tuple[list[Indicator], list[Problem]]:
        for placeholder in self.pending_level1:
            placeholder.resolve(placeholder.fallback)
        for placeholder in self.pending_level2:
            placeholder.resolve(None)
        self.pending_level1.clear()
        self.pending_level2.clear()
        indicators: list[Indicator] = []
        for row in self.rows:
            level1 = row.level1.final_label()
            level2 = row.level2.final_label() if row.level2 is not None else ""
            if not level1 and not self.flat:
                self.problems.append(
                    Problem(
                        row.where,
                        f"could not place row (no 一级指标 heading anywhere after it): {row.name}",
                        f"无法归位的行（其后没有任何一级指标标题）：{row.name}",
                    )
                )
                self.unplaced.append((row.where, [row.name, row.value]))
                continue
            indicators.append(
                Indicator(
                    level1 or "",
                    level2 or "",
                    row.name,
                    row.value,
                    row.where,
                    row.extras,
                    areas=row.areas,
                    other=row.other,
                    cells=row.cells,
                )
            )
        return indicators, self.problems
