"""Text tables: tab-separated rows, as a PDF-to-text conversion leaves them."""

from __future__ import annotations

from pathlib import Path

from targetlint.importer.form import Row, parse_rows
from targetlint.importer.model import Declaration, Problem, SourceError, Where

# Published tables are UTF-8 nowadays; older ones from Chinese offices are GBK.
_ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise SourceError(f"{source}: the file is empty", f"{source}：文件为空")
    if b"\x00" in data:
        raise SourceError(
            f"{source}: this is a binary file, not a text table (an .xlsx workbook needs the .xlsx suffix)",
            f"{source}：这是二进制文件，不是文本表格（.xlsx 工作簿的文件名须以 .xlsx 结尾）",
        )
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError(
        f"{source}: the text is neither UTF-8 nor GB18030", f"{source}：文本既不是 UTF-8 也不是 GB18030 编码"
    )


def read_text(path: Path, source: str) -> tuple[list[Declaration], list[Problem]]:
    text = decode(path.read_bytes(), source)
    rows = (Row(line.split("\t"), Where(source, number)) for number, line in enumerate(text.splitlines(), 1))
    declarations, problems = parse_rows(rows, positional=False)
    if not declarations:
        raise SourceError(
            f"{source}: no declaration found (no row starts with 项目名称)",
            f"{source}：未找到申报表（没有以“项目名称”开头的行）",
        )
    return declarations, problems
