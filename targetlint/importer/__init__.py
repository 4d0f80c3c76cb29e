"""``targetlint import``: published declaration tables → declaration YAML.

Sources are PDF-to-text tables (tab-separated) and .xlsx workbooks. A row
the importer cannot place (an approval or signature row, a note, a block the
format has no field for) is a warning with its line or cell, and its text is
kept in the declaration's 其他; it never stops the rest from being written.
Columns the format has no field for are kept in each indicator's 其他, and a
table with one target column per area and no 指标值 column in 区域目标值.

Choices the written YAML rests on (the core reads it):

* A missing 指标值 is ``''``; an indicator with no 二级 sits under the key ``''``.
* A header field the source lacks is left out, not written as null; so is
  申报年度 when neither "(2023年度)" nor a dated title gives it. A date that
  cannot be read stays a string, as written.
* Amounts are 元 with two decimals; a table in 万元 is converted.
* A bare number in the source (90, 0.95) is a bare YAML number; anything
  else, "012" included, is a string.
* A label split over two rows is joined with one space, the way the PDF
  text shows in-cell breaks ("服务对象满意度 指标"). A heading reprinted after
  a page break continues its group under the form first printed; the same
  label printed again further down joins its group, since a YAML mapping
  cannot repeat a key.
* A 二级 that cannot sit under the current 一级, printed just before its own
  一级 reaches the next page, waits for it; if the next 一级 printed is not
  its own, the row stays where the table put it, for the linter to judge.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from targetlint.importer.model import Declaration, Problem, SourceError
from targetlint.source import OLE_MAGIC, ZIP_MAGIC

__all__ = ["ImportResult", "SourceError", "load", "run_import"]

EXIT_OK = 0
EXIT_FAILED = 1  # rows could not be placed, or the source is unusable
EXIT_USAGE = 2  # the output cannot be written as asked (would overwrite, not a directory …)


@dataclass
class ImportResult:
    declarations: list[Declaration]
    problems: list[Problem] = field(default_factory=list)  # rows that found no place (kept in 其他)
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # cells read with a caveat (a formula with no value)


class _UsageError(Exception):
    pass


def load(source: str) -> ImportResult:
    """Read a source file; raises SourceError when it cannot be read at all."""
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file")
    if path.is_dir():
        raise SourceError(f"{source}: is a directory, not a table")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SourceError(f"{source}: cannot be read ({error.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".xls" or head.startswith(OLE_MAGIC):
        raise SourceError(f"{source}: the old .xls format is not supported; save the workbook as .xlsx")
    if suffix in (".xlsx", ".xlsm") or head.startswith(ZIP_MAGIC):
        from targetlint.importer.excel import read_workbook

        declarations, problems, notes, warnings = read_workbook(path, source)
        return ImportResult(declarations, problems, notes, warnings)
    from targetlint.importer.text import read_text

    declarations, problems = read_text(path, source)
    return ImportResult(declarations, problems)


def run_import(source: str, output: str | None, *, split: bool, force: bool, stdout: TextIO, stderr: TextIO) -> int:
    """Import ``source`` and write YAML; returns the exit code (0, 1 or 2)."""
    from targetlint.importer.emit import dump, dump_all
    from targetlint.schema import MODELINE

    try:
        result = load(source)
    except SourceError as error:
        print(f"targetlint import: {error}", file=stderr)
        return EXIT_FAILED
    for note in result.notes:
        print(f"targetlint import: note: {note}", file=stderr)
    for problem in result.problems:
        print(f"{problem}" if "kept in 其他" in problem.message else f"{problem} (kept in 其他)", file=stderr)
    for warning in result.warnings:
        print(warning, file=stderr)

    try:
        plan = _plan(source, output, split=split, declarations=result.declarations)
    except _UsageError as error:
        print(f"targetlint import: {error}", file=stderr)
        return EXIT_USAGE
    if not force:
        existing = [path for path, _ in plan if path is not None and os.path.lexists(path)]
        if existing:
            for taken in existing:
                print(f"targetlint import: {taken} exists; not overwriting it (use --force)", file=stderr)
            return EXIT_USAGE

    from targetlint.atomic import write_atomic

    for path, declarations in plan:
        # The modeline first: YAML editors then complete and check the file against the schema.
        text = f"{MODELINE}\n" + (dump(declarations[0]) if split else dump_all(declarations))
        if path is None:
            stdout.write(text)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text.encode("utf-8"), force=force)
        except FileExistsError:
            print(f"targetlint import: {path} appeared while writing; not overwriting it (use --force)", file=stderr)
            return EXIT_USAGE
        except OSError as error:
            print(f"targetlint import: cannot write {path}: {error.strerror or error}", file=stderr)
            return EXIT_USAGE
    count = sum(len(d.indicators) for d in result.declarations)
    where = "standard output" if plan[0][0] is None else (str(plan[0][0]) if len(plan) == 1 else f"{len(plan)} files")
    kept = f"; {len(result.problems)} row(s) kept in 其他" if result.problems else ""
    print(
        f"targetlint import: {len(result.declarations)} declaration(s), {count} indicator(s) → {where}{kept}",
        file=stderr,
    )
    return EXIT_OK


def _plan(
    source: str, output: str | None, *, split: bool, declarations: list[Declaration]
) -> list[tuple[Path | None, list[Declaration]]]:
    stem = Path(source).stem
    if not split:
        if output == "-":
            return [(None, declarations)]
        if output is None:
            return [(Path(f"{stem}.yaml"), declarations)]
        target = Path(output)
        # A target that is not a YAML file name is a directory, made if need be.
        if target.is_dir() or output.endswith(("/", os.sep)) or target.suffix.lower() not in (".yaml", ".yml"):
            return [(target / f"{stem}.yaml", declarations)]
        return [(target, declarations)]

    if output == "-":
        raise _UsageError("--split writes one file per declaration; give a directory with -o, not '-'")
    directory = Path(output) if output is not None else Path(stem)
    if directory.exists() and not directory.is_dir():
        raise _UsageError(f"--split needs a directory, and {directory} is a file")
    plan: list[tuple[Path | None, list[Declaration]]] = []
    taken: set[str] = set()
    for number, decl in enumerate(declarations, 1):
        base = safe_filename(decl.name or "") or f"{stem}-{number}"
        name, suffix = base, 2
        while name.casefold() in taken:
            name, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(name.casefold())
        plan.append((directory / f"{name}.yaml", [decl]))
    return plan


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)
_MAX_BYTES = 200  # well under the usual 255-byte limit, leaving room for ".yaml" and a "-2"


def safe_filename(name: str) -> str:
    """A 项目名称 as a file name: Chinese kept, path and shell-hostile characters replaced."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    while len(text.encode("utf-8")) > _MAX_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if _WINDOWS_RESERVED.match(text):
        text = f"_{text}"
    return text
