""" "Did you mean": the one place that decides which known word a typo meant.

Used for misspelt declaration keys (TL002, and deciding whether a YAML file
is a declaration written under wrong keys), configuration keys, and rule
codes and names on the command line, in configuration and in suppressions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# difflib's similarity (2 × matching characters / total characters) at which
# a word is taken for a known one: one wrong character in four, "TL2O1" for
# TL201, "unmesurable" for unmeasurable, 申报年份 for 申报年度.
SIMILARITY = 0.6
# A word this long or longer that is part of a known one, or holds one, is
# taken for it: 项目 → 项目名称, 绩效指标表 → 绩效指标.
CONTAINED = 2


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word ``word`` most probably means, or None.

    A word contained in a known one (or containing it) counts as close; among
    several candidates the most similar wins, and the first in ``known`` on
    a tie, so callers list their words in the order they prefer them."""
    candidates = [k for k in dict.fromkeys(known) if k != word]
    if not word or not candidates:
        return None
    best, best_score = None, 0.0
    folded = word.casefold()
    for candidate in candidates:
        other = candidate.casefold()
        score = difflib.SequenceMatcher(None, folded, other, autojunk=False).ratio()
        contained = len(word) >= CONTAINED and len(candidate) >= CONTAINED and (folded in other or other in folded)
        if (score >= SIMILARITY or contained) and score > best_score:
            best, best_score = candidate, score
    return best


def hint(word: str, known: Iterable[str]) -> tuple[str, str]:
    """(zh, en) text to append to a message about ``word``: "（是否应为“X”？）"
    / " (did you mean 'X'?)", or empty strings when nothing is close."""
    match = closest(word, known)
    if match is None:
        return "", ""
    return f"（是否应为“{match}”？）", f" (did you mean '{match}'?)"
