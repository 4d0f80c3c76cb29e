"""``python -m targetlint.importer SOURCE [-o OUT] [--split] [--force]``."""

from __future__ import annotations

import argparse
import sys

from targetlint.importer import language, run_import


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m targetlint.importer",
        description="把已公开的申报表（文本、Excel）转换为申报表 YAML / "
        "turn a published declaration table (.txt or .xlsx) into declaration YAML",
    )
    parser.add_argument(
        "source", help="PDF 转出的文本表格（制表符分隔）或 .xlsx 工作簿 / a text table or an .xlsx workbook"
    )
    parser.add_argument(
        "-o", "--output", help="输出文件或目录（'-' 为标准输出） / output file or directory ('-': stdout)"
    )
    parser.add_argument(
        "--split", action="store_true", help="每份申报表一个文件，以项目名称命名 / one file per declaration"
    )
    parser.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite existing files")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help="提示语言 / message language")
    args = parser.parse_args(argv)
    return run_import(
        args.source,
        args.output,
        split=args.split,
        force=args.force,
        stdout=sys.stdout,
        stderr=sys.stderr,
        lang=language(args.lang, args.source),
    )


if __name__ == "__main__":
    raise SystemExit(main())
