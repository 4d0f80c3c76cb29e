"""``python -m targetlint.importer SOURCE [-o OUT] [--split] [--force]``."""

from __future__ import annotations

import argparse
import sys

from targetlint.importer import run_import


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m targetlint.importer",
        description="Turn a published declaration table (.txt or .xlsx) into declaration YAML.",
    )
    parser.add_argument("source", help="a PDF-to-text table (tab-separated) or an .xlsx workbook")
    parser.add_argument("-o", "--output", help="output file or directory ('-' for standard output)")
    parser.add_argument("--split", action="store_true", help="one file per declaration, named after 项目名称")
    parser.add_argument("--force", action="store_true", help="replace existing files")
    args = parser.parse_args(argv)
    return run_import(
        args.source, args.output, split=args.split, force=args.force, stdout=sys.stdout, stderr=sys.stderr
    )


if __name__ == "__main__":
    raise SystemExit(main())
