"""Bilingual text is one type, i18n.Message, instead of `lang == "en"`
branches and (zh, en) tuples in the modules that speak to the user."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from targetlint.i18n import Lang, Message
from targetlint.rule import Finding
from targetlint.runner import collect
from targetlint.span import Span

PACKAGE = Path(__file__).resolve().parent.parent / "targetlint"

# Every module speaks through Message; i18n.py is where Message picks a language.
CONVERTED = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py") if path.name != "i18n.py")


def _branches_on_english(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            isinstance(c, ast.Constant) and c.value == "en" for c in [node.left, *node.comparators]
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("name", CONVERTED)
def test_no_module_branches_on_the_language_itself(name):
    tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
    assert _branches_on_english(tree) == [], name


def test_run_errors_are_messages(tmp_path):
    missing = str(tmp_path / "nowhere.yaml")
    _, errors = collect([missing])
    assert errors == [Message(f"{missing}：路径不存在", f"{missing}: no such file or directory")]
    assert errors[0].text(Lang.EN).endswith("no such file or directory")


def test_a_finding_keeps_its_two_message_fields_and_offers_one_message():
    finding = Finding(Span.point(1, 1), "中文", "English", "TLZ970", "z", path="a.yaml")
    assert finding.bilingual == Message("中文", "English")
    assert (finding.message("en"), finding.message("zh")) == ("English", "中文")
