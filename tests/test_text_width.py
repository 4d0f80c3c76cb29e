"""The caret under Chinese text: display widths agree with unicodedata."""

import unicodedata

from targetlint.reporters.text import _cells

from .conftest import FIXTURES


def test_cell_widths_match_east_asian_width():
    text = (FIXTURES / "seed" / "shanghai-hrss-2023-performance-targets.yaml").read_text(encoding="utf-8")
    sample = set(text) | set("≥≤＞＝％（）：，。…★×ａＡ１한글ｶﾀｶﾅ")
    for ch in sample:
        expected = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        assert _cells(ch) == expected, ch
    assert _cells("指标值: ≥90%") == len("指标值: ≥90%") + 3
