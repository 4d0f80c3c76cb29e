"""What an indicator's name and category labels say, judged once per name.

Rules ask "is this a rate?" or "is this 时效?" through the facts computed
here, so the vocabulary that decides it stays in :mod:`targetlint.vocabulary`
and no rule carries its own word list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from targetlint.vocabulary import (
    LABEL_DECORATIONS,
    LEVEL1_ALIASES,
    LEVEL2_ALIASES,
    Vocabulary,
)

_DECORATION_RE = re.compile("|".join(LABEL_DECORATIONS))
_SPACE_RE = re.compile(r"\s+")
# A name ends where its parenthetical explanation starts: "培训及时性（按照工作计划…）".
_TRAILING_NOTE_RE = re.compile(r"[（(][^）)]*[）)]\s*$")


@dataclass(frozen=True, slots=True)
class NameFacts:
    """Kinds of measure an indicator name announces."""

    is_rate: bool = False             # 率, 比例, 占比, measuring …度
    is_bounded_rate: bool = False     # a rate that cannot exceed 100%
    is_count: bool = False            # …数, 人次, 场次
    is_satisfaction: bool = False
    is_timeliness: bool = False
    is_quality: bool = False
    rate_word: str | None = None      # the ending that made it a rate: "达标率", "满意度"
    names_measure: bool = True        # the name ends in what is measured (率, 性, 情况, 数 …), not in a bare noun
    measures_satisfaction: bool = False  # satisfaction is the measure itself ("…满意度"), not just mentioned


def _ends_with(text: str, endings: tuple[str, ...]) -> str | None:
    for ending in sorted(endings, key=len, reverse=True):
        if text.endswith(ending):
            return ending
    return None


@lru_cache(maxsize=8192)
def name_facts(name: str, vocabulary: Vocabulary) -> NameFacts:
    core = _TRAILING_NOTE_RE.sub("", name.strip()) or name.strip()
    rate_word = _ends_with(core, vocabulary.rate_endings)
    if rate_word is None:
        du = _ends_with(core, vocabulary.measuring_du)
        # The longer ending decides: "满意程度" measures though "程度" alone does not.
        non_rate = _ends_with(core, vocabulary.non_rate_du)
        if du and not (non_rate and len(non_rate) >= len(du)):
            rate_word = du
    is_rate = rate_word is not None
    unbounded = any(core.endswith(w) for w in vocabulary.unbounded_rates)
    count = (
        not is_rate
        and _ends_with(core, vocabulary.count_endings) is not None
        and _ends_with(core, vocabulary.non_count_endings) is None
    )
    names_measure = is_rate or count or _ends_with(core, vocabulary.measure_heads) is not None
    # "年度" ends in 度 and 数 may end "指数": only the count list decides counts.
    return NameFacts(
        is_rate=is_rate,
        is_bounded_rate=is_rate and not unbounded,
        is_count=count,
        is_satisfaction=any(w in core for w in vocabulary.satisfaction_words),
        is_timeliness=any(w in core for w in vocabulary.timeliness_words),
        is_quality=any(w in core for w in vocabulary.quality_words),
        rate_word=rate_word,
        names_measure=names_measure,
        measures_satisfaction=_ends_with(core, vocabulary.satisfaction_measures) is not None,
    )


@lru_cache(maxsize=4096)
def normalize_label(label: str) -> str:
    """A category label with decorations, spaces and the trailing 指标 removed."""
    text = _DECORATION_RE.sub("", label)
    text = _SPACE_RE.sub("", text)
    if text.endswith("指标") and len(text) > 2:
        text = text[:-2]
    return text


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in LEVEL1_ALIASES.items():
        for alias in aliases:
            table[alias] = canonical
    return table


_LEVEL1 = _alias_table()
_LEVEL2: dict[str, list[tuple[str, str]]] = {}
for _canonical, (_parent, _aliases) in LEVEL2_ALIASES.items():
    for _alias in _aliases:
        _LEVEL2.setdefault(_alias, []).append((_canonical, _parent))


@lru_cache(maxsize=4096)
def level1_kind(label: str) -> str | None:
    """The canonical 一级 (产出, 效益, 满意度, 成本) a label means, or None."""
    return _LEVEL1.get(normalize_label(label))


@lru_cache(maxsize=4096)
def level2_kind(label: str, parent: str | None) -> tuple[str | None, str | None]:
    """(canonical 二级, the 一级 it belongs under) for a label, preferring ``parent``.

    "成本" is both a 二级 under 产出 (older layout) and a 一级 of its own, and
    "满意度" appears at both levels, so the parent decides between readings.
    """
    candidates = _LEVEL2.get(normalize_label(label), [])
    for canonical, home in candidates:
        if home == parent:
            return canonical, home
    if candidates:
        return candidates[0]
    return None, None
