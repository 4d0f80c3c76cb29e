"""Every rule of the built-in pack, read from the catalogue (no code list
kept here): a new rule is one module plus its case file, and this test says
what it still lacks."""

from __future__ import annotations

import re

import pytest

from targetlint.options import NoOptions
from targetlint.plugins import load_catalogue

from .conftest import ROOT

CASES = ROOT / "tests" / "rules"
REGISTRY = load_catalogue()
BUILTIN = [rule.code for rule in REGISTRY.sorted_rules() if rule.origin == "builtin"]

# Codes whose findings a YAML case cannot produce, each tested where it can be:
# TL009 is written by the engine when a rule fails (tests/test_engine.py),
# TL010 by the suppression layer (tests/test_suppressions.py), and TL005
# needs bytes that are not UTF-8, which a case's text cannot hold
# (tests/test_robust_encoding.py).
WITHOUT_CASES = {"TL005", "TL009", "TL010"}


def test_the_catalogue_holds_the_builtin_pack():
    assert len(BUILTIN) > 30 and "TL001" in BUILTIN


@pytest.mark.parametrize("code", BUILTIN)
def test_every_rule_documents_each_section_in_both_languages(code):
    rule = REGISTRY.rules[code]
    zh, en = rule.doc("zh"), rule.doc("en")
    for heading in ("**作用**", "**为什么重要**", "**示例**", "**修复方法**"):
        assert heading in zh, (code, heading)
    for heading in ("**What it does**", "**Why it matters**", "**Example**", "**How to fix**"):
        assert heading in en, (code, heading)
    if rule.Options is not NoOptions:
        assert "**选项**" in zh and "**Options**" in en, code
    assert re.search(r"[\u4e00-\u9fff]", rule.summary("zh")), code
    assert rule.summary("en")[:1].isascii(), code


@pytest.mark.parametrize("code", BUILTIN)
def test_every_rule_has_a_case_file_that_fires_and_stays_quiet(code):
    path = CASES / f"{code}.yaml"
    if code in WITHOUT_CASES:
        assert not path.exists(), f"{code} has cases now: drop it from WITHOUT_CASES"
        return
    assert path.exists(), f"write {path.relative_to(ROOT)}"
    text = path.read_text(encoding="utf-8")
    assert re.search(rf"^rule: {code}$", text, re.M), path
    assert "fail:" in text and "pass: true" in text, f"{path.name} needs a case that fires and one that stays quiet"
