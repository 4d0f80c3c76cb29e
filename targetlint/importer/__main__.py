"""``python -m targetlint.importer SOURCE [-o OUT] [--split] [--force] [--lang LANG]``:
``targetlint import``, the same parser, help and messages."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    import sys

    from targetlint.cli import main as cli_main

    return cli_main(["import", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())
