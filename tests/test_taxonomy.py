"""The category kinds are enums, and the alias tables name each kind once."""

from __future__ import annotations

from targetlint.loader import load
from targetlint.source import SourceText
from targetlint.vocabulary import LEVEL1_ALIASES, LEVEL2_ALIASES, Level1Kind, Level2Kind


def test_every_kind_has_its_aliases_and_every_home_is_a_level1_kind():
    assert list(LEVEL1_ALIASES) == list(Level1Kind)
    assert list(LEVEL2_ALIASES) == list(Level2Kind)
    assert all(isinstance(home, Level1Kind) for home, _ in LEVEL2_ALIASES.values())


def test_loaded_categories_carry_the_enums():
    text = "项目名称: 培训\n绩效指标:\n  成本指标:\n    经济成本指标:\n      - 三级指标: 培训经费\n        指标值: ≤5万元\n"
    (declaration,) = load(SourceText(path="a.yaml", text=text)).declarations
    (level1,) = declaration.level1s
    (level2,) = level1.categories
    assert level1.kind is Level1Kind.COST
    assert (level2.kind, level2.home) == (Level2Kind.ECONOMIC_COST, Level1Kind.COST)
