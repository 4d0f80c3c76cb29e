"""Regenerate the README's generated blocks: the rule table (from the rule
registry) and the Quick start output (from running the example).

    python scripts/update_readme.py          # rewrite README.md
    python scripts/update_readme.py --check  # exit 1 if README.md is stale

tests/test_readme.py runs the check, so the README can't drift from the code.
"""

from __future__ import annotations

import io
import os
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def rules_table() -> str:
    from targetlint.plugins import load_catalogue
    from targetlint.rule_tables import rules_table as table

    return table(load_catalogue(), "zh", "markdown")


def example_output() -> str:
    from targetlint.cli import main

    os.environ["NO_COLOR"] = "1"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        out = io.StringIO()
        with redirect_stdout(out):
            main(["check", "fixtures/example.yaml"])
    finally:
        os.chdir(cwd)
    return "```\n" + out.getvalue() + "```\n"


def render(text: str) -> str:
    for name, content in (("rules-table", rules_table()), ("example-output", example_output())):
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no <!-- {name}:start --> … <!-- {name}:end --> block")
        text = pattern.sub(lambda m, content=content: m.group(1) + content + m.group(2), text)
    return text


def main() -> int:
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if "--check" in sys.argv:
        if updated != current:
            print("README.md is stale: run python scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
