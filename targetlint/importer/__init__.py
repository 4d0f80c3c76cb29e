"""``targetlint import``: published declaration tables → declaration YAML.

Sources are PDF-to-text tables (tab-separated) and .xlsx workbooks. A row
the importer cannot place (an approval or signature row, a note, a block the
format has no field for) is a warning with its line or cell, and its text is
kept in the declaration's 其他; it never stops the rest from being written.
Columns the format has no field for are kept in each indicator's 其他, and a
table with one target column per area and no 指标值 column in 区域目标值.

A sheet or text may hold several declarations (forms stacked one below
another, or one table listing several projects); they are written as one
multi-document YAML file, or one file each with ``--split``.

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

from targetlint.i18n import Message
from targetlint.importer.model import Declaration, Problem, SourceError
from targetlint.source import OLE_MAGIC, ZIP_MAGIC

__all__ = ["ImportResult", "SourceError", "language", "load", "run_import"]

EXIT_OK = 0
EXIT_FAILED = 1  # rows could not be placed, or the source is unusable
EXIT_USAGE = 2  # the output cannot be written as asked (would overwrite, not a directory …)


@dataclass
class ImportResult:
    declarations: list[Declaration]
    problems: list[Problem] = field(default_factory=list)  # rows that found no place (kept in 其他)
    notes: list[Problem] = field(default_factory=list)  # sheets skipped
    warnings: list[Problem] = field(default_factory=list)  # cells read with a caveat (a formula with no value)


class _UsageError(Exception):
    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh

    def text(self, lang: str) -> str:
        return Message(self.zh, str(self)).text(lang)


def language(explicit: str | None, near: str) -> str:
    """The language ``import`` speaks, resolved as ``check`` resolves its own
    (``i18n.resolve_lang``): ``--lang``, else the ``lang`` of the configuration
    governing ``near`` (``Planner.global_config``), else the locale, else
    Chinese. A configuration that cannot be read is no reason not to import:
    it is passed over here, and ``check`` reports it."""
    from targetlint.config import ConfigError
    from targetlint.i18n import resolve_lang

    configured = None
    if not explicit:
        from targetlint.planner import Planner
        from targetlint.plugins import load_catalogue

        try:
            configured = Planner(load_catalogue()).global_config(os.path.abspath(near)).settings.lang
        except ConfigError:
            configured = None
    return resolve_lang(explicit, configured, os.environ).value


def load(source: str) -> ImportResult:
    """Read a source file; raises SourceError when it cannot be read at all."""
    path = Path(source)
    if not path.exists():
        raise SourceError(f"{source}: no such file", f"{source}：文件不存在")
    if path.is_dir():
        raise SourceError(f"{source}: is a directory, not a table", f"{source}：是目录，不是表格")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise SourceError(
            f"{source}: cannot be read ({error.strerror})", f"{source}：无法读取（{error.strerror}）"
        ) from None
    suffix = path.suffix.lower()
    if suffix == ".xls" or head.startswith(OLE_MAGIC):
        raise SourceError(
            f"{source}: the old .xls format is not supported; save the workbook as .xlsx",
            f"{source}：不支持旧的 .xls 格式，请在 Excel 中另存为 .xlsx",
        )
    if suffix in (".xlsx", ".xlsm") or head.startswith(ZIP_MAGIC):
        from targetlint.importer.excel import read_workbook

        declarations, problems, notes, warnings = read_workbook(path, source)
        return ImportResult(declarations, problems, notes, warnings)
    from targetlint.importer.text import read_text

    declarations, problems = read_text(path, source)
    return ImportResult(declarations, problems)


def run_import(
    source: str, output: str | None, *, split: bool, force: bool, stdout: TextIO, stderr: TextIO, lang: str = "zh"
) -> int:
    """Import ``source`` and write YAML; returns the exit code (0, 1 or 2).
    Every message goes to ``stderr`` in ``lang`` (``zh`` or ``en``)."""
    from targetlint.importer.emit import dump, dump_all
    from targetlint.schema import MODELINE

    def say(zh: str, en: str) -> None:
        print(f"targetlint import: {Message(zh, en).text(lang)}", file=stderr)

    try:
        result = load(source)
    except SourceError as error:
        say(error.text("zh"), error.text("en"))
        return EXIT_FAILED
    for note in result.notes:
        say(f"提示：{note.text('zh')}", f"note: {note.text('en')}")
    for problem in result.problems:
        kept = "kept in 其他" in problem.message  # the message says so itself
        print(
            problem.text(lang) + ("" if kept else Message("（保留在 其他 中）", " (kept in 其他)").text(lang)),
            file=stderr,
        )
    for warning in result.warnings:
        print(warning.text(lang), file=stderr)

    try:
        plan = _plan(source, output, split=split, declarations=result.declarations)
    except _UsageError as error:
        say(error.text("zh"), error.text("en"))
        return EXIT_USAGE
    if not force:
        existing = [path for path, _ in plan if path is not None and os.path.lexists(path)]
        if existing:
            for taken in existing:
                say(f"{taken} 已存在，不覆盖（覆盖请加 --force）", f"{taken} exists; not overwriting it (use --force)")
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
            say(
                f"写入时 {path} 已被创建，不覆盖（覆盖请加 --force）",
                f"{path} appeared while writing; not overwriting it (use --force)",
            )
            return EXIT_USAGE
        except OSError as error:
            say(f"无法写入 {path}：{error.strerror or error}", f"cannot write {path}: {error.strerror or error}")
            return EXIT_USAGE
    count = sum(len(d.indicators) for d in result.declarations)
    files = len(plan)
    to_stdout = plan[0][0] is None
    where_en = "standard output" if to_stdout else (str(plan[0][0]) if files == 1 else f"{files} files")
    where_zh = "标准输出" if to_stdout else (str(plan[0][0]) if files == 1 else f"{files} 个文件")
    unplaced = len(result.problems)
    say(
        f"{len(result.declarations)} 份申报表，{count} 个指标 → {where_zh}"
        + (f"；{unplaced} 行保留在 其他 中" if unplaced else ""),
        f"{len(result.declarations)} declaration(s), {count} indicator(s) → {where_en}"
        + (f"; {unplaced} row(s) kept in 其他" if unplaced else ""),
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
        raise _UsageError(
            "--split writes one file per declaration; give a directory with -o, not '-'",
            "--split 为每份申报表写一个文件：请用 -o 指定目录，而不是 '-'",
        )
    directory = Path(output) if output is not None else Path(stem)
    if directory.exists() and not directory.is_dir():
        raise _UsageError(
            f"--split needs a directory, and {directory} is a file", f"--split 需要一个目录，而 {directory} 是文件"
        )
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
