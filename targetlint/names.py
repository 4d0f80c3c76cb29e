"""What an indicator's name and category labels say, judged once per name.

Rules ask "is this a rate?" or "is this 时效?" through the facts computed
here, so the vocabulary that decides it stays in :mod:`targetlint.vocabulary`
and no rule carries its own word list.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from targetlint.values import word_alternation
from targetlint.vocabulary import (
    LABEL_DECORATIONS,
    LEVEL1_ALIASES,
    LEVEL2_ALIASES,
    OLDER_TEMPLATE_PLACEMENTS,
    UNPRINTED_LEVEL_LABELS,
    Level1Kind,
    Level2Kind,
    Vocabulary,
)

_DECORATION_RE = re.compile("|".join(LABEL_DECORATIONS))
_SPACE_RE = re.compile(r"\s+")
# A name ends where its parenthetical explanation starts: "培训及时性（按照工作计划…）".
_TRAILING_NOTE_RE = re.compile(r"[（(][^）)]*[）)]\s*$")


class NameStatement(StrEnum):
    """Why a name is a statement rather than a measure (TL218)."""

    CLAUSE = "clause"  # a clause break inside: "…，提升纪律意识"
    GOAL = "goal"  # led by a goal verb: "提升…服务水平", "保障…正常运转"
    REFERENCE = "reference"  # defers to a rule or plan: "依照…规定执行"
    TASK = "task"  # an output verb and a task noun: "开展…审计工作"
    ACTION = "action"  # a manner word and a verb, nothing counted: "按时兑付"
    TARGET = "target"  # the target itself written into the name: "走访农户300户"


@dataclass(frozen=True, slots=True)
class NameFacts:
    """Kinds of measure an indicator name announces."""

    is_rate: bool = False  # 率, 比例, 占比, measuring …度
    is_bounded_rate: bool = False  # a rate that cannot exceed 100%
    is_count: bool = False  # …数, 人次, 场次
    is_amount: bool = False  # an amount of money: …金额, …经费, …成本
    is_satisfaction: bool = False
    is_timeliness: bool = False
    is_quality: bool = False
    rate_word: str | None = None  # the ending that made it a rate: "达标率", "满意度"
    names_measure: bool = True  # the name ends in what is measured (率, 性, 情况, 数 …), not in a bare noun
    measures_satisfaction: bool = False  # satisfaction is the measure itself ("…满意度"), not just mentioned
    # What the name measures, for the structure rules that judge where it is filed.
    measures_timeliness: bool = False  # 及时率, 按期, 完成时间, "及时拨付率"; not "办理时限压缩率"
    is_satisfaction_proxy: bool = False  # 认可度, 好评率, 投诉 …: accepted under 满意度
    is_effect: bool = False  # ends in 影响, 效果, 成效 …
    is_quality_rate: bool = False  # 合格率, 准确率, 达标率 … of an output, not "人次达标率"
    is_headcount: bool = False  # counts people, attendances or sessions: 人数, 人次, 次数, 场次
    is_defect: bool = False  # about adverse events: 事故, 差错, 投诉 …
    # A rate of something that should not happen (事故发生率, 投诉率, 逾期发放率),
    # not of the events dealt with (投诉处理率): lower is better.
    is_adverse_rate: bool = False
    mentions_money: bool = False  # 预算, 资金, 经费, 成本, 费用 …
    states_change: bool = False  # names a change against a baseline: 压缩, 缩短, 提升 …
    statement: NameStatement | None = None  # the name is a statement, not a measure; why
    bracket_unit: str | None = None  # a unit in the name's trailing brackets: "开展修复工程(个)" → "个"
    is_distinction: bool = False  # counts awards or honours won: a quality measure ("获奖项数")
    about_time: bool = False  # the name speaks of time at all: 及时, 时间, 周期, 进度, a date …


def _ends_with(text: str, endings: tuple[str, ...]) -> str | None:
    for ending in sorted(endings, key=len, reverse=True):
        if text.endswith(ending):
            return ending
    return None


@lru_cache(maxsize=8192)
def name_facts(name: str, vocabulary: Vocabulary) -> NameFacts:
    core = _TRAILING_NOTE_RE.sub("", name.strip()) or name.strip()
    note = _TRAILING_NOTE_RE.search(name.strip())
    # "项目开展率(%)": the form's unit column written into the name.
    bracket = note.group().strip()[1:-1].strip() if note else None
    bracket_unit = bracket if bracket and _unit_re(vocabulary).fullmatch(bracket) else None
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
    change = any(w in core for w in vocabulary.direction_words)
    # "审批时限压缩率" reports an improvement, an effect; only the delivery's
    # own punctuality is a 时效 measure.
    timely = not change and (
        any(w in core for w in vocabulary.timeliness_measures)
        or (any(w in core for w in vocabulary.timeliness_adverbs) and (is_rate or core.endswith("性")))
    )
    quality_ending = _ends_with(core, vocabulary.quality_rate_endings)
    # "培训人数达标率" is a headcount against its plan, not the quality of anything.
    quality_rate = (
        quality_ending is not None
        and _ends_with(core[: -len(quality_ending)], vocabulary.headcount_endings + _VOLUME_ENDINGS) is None
    )
    amount = not is_rate and _ends_with(core, vocabulary.amount_endings) is not None
    return NameFacts(
        is_rate=is_rate,
        is_bounded_rate=is_rate and not unbounded,
        is_count=count,
        is_amount=amount,
        is_satisfaction=any(w in core for w in vocabulary.satisfaction_words),
        is_timeliness=any(w in core for w in vocabulary.timeliness_words),
        is_quality=any(w in core for w in vocabulary.quality_words),
        rate_word=rate_word,
        names_measure=names_measure,
        measures_satisfaction=_ends_with(core, vocabulary.satisfaction_measures) is not None,
        measures_timeliness=timely,
        is_satisfaction_proxy=any(w in core for w in vocabulary.satisfaction_proxies),
        is_effect=_ends_with(core, vocabulary.effect_heads) is not None,
        is_quality_rate=quality_rate,
        is_headcount=not is_rate and _ends_with(core, vocabulary.headcount_endings) is not None,
        is_defect=any(w in core for w in vocabulary.defect_words),
        is_adverse_rate=is_rate
        and any(w in core for w in (*vocabulary.defect_words, *vocabulary.delay_words))
        and not any(w in core for w in vocabulary.remedy_words),
        mentions_money=any(w in core for w in vocabulary.money_nouns),
        states_change=change,
        statement=_statement(core, is_rate, count or amount, names_measure, vocabulary),
        bracket_unit=bracket_unit,
        is_distinction=any(w in core for w in vocabulary.distinction_words),
        about_time=timely
        or any(w in name for w in vocabulary.time_name_words + vocabulary.timeliness_words)
        or _DATE_RE.search(name) is not None,
    )


# A date or a month in a name: "截至2026年12月底…", "6月底前".
_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月")


# A unit's department prefix: "团-", "机关纪委-". A Chinese character is a
# letter that is not Latin: a category test, which compiles at once, where the
# range \u4e00-\u9fff made the regex compiler walk 21,000 code points.
_UNIT_PREFIX_RE = re.compile(r"^(?:(?![A-Za-z])[^\W\d_]){1,6}[-－—]")


def _statement(
    core: str, is_rate: bool, counted: bool, names_measure: bool, vocabulary: Vocabulary
) -> NameStatement | None:
    body = _UNIT_PREFIX_RE.sub("", core, count=1)
    breaks = [i for i, ch in enumerate(body) if ch in vocabulary.name_clause_breaks and not _digit_comma(body, i)]
    if breaks:
        last = name_facts(body[breaks[-1] + 1 :], vocabulary) if body[breaks[-1] + 1 :] else None
        # "发挥…作用，开展课题调研数量": the last clause still names a count.
        if last is None or not (last.is_rate or last.is_count or last.is_amount) or last.statement:
            return NameStatement.CLAUSE
    if not is_rate and _target_re(vocabulary).search(body):
        return NameStatement.TARGET
    if is_rate or counted:
        return None  # a rate, a count or an amount says what is measured
    goal_object = body.endswith(vocabulary.name_goal_objects)
    if body.startswith(vocabulary.name_goal_verbs) and (not names_measure or goal_object):
        return NameStatement.GOAL
    if any(w in body for w in vocabulary.name_reference_words):
        return NameStatement.REFERENCE
    if body.startswith(vocabulary.manner_words) and not names_measure:
        return NameStatement.ACTION
    if body.startswith(vocabulary.goal_count_verbs) and body.endswith(vocabulary.name_task_endings):
        return NameStatement.TASK
    return None


def _digit_comma(text: str, i: int) -> bool:
    return text[i] in ",，" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


@lru_cache(maxsize=16)
def _unit_re(vocabulary: Vocabulary) -> re.Pattern[str]:
    units = vocabulary.count_units + vocabulary.measure_units + vocabulary.money_units + vocabulary.time_units
    return re.compile(word_alternation(units + vocabulary.percent_units + ("％",)))


@lru_cache(maxsize=16)
def _target_re(vocabulary: Vocabulary) -> re.Pattern[str]:
    # A number and a unit of what is delivered ("300户", "2公里"); ordinals
    # ("第3期"), parts of codes and numbers ("C25") and periods ("前3年")
    # are no target.
    units = word_alternation(vocabulary.count_units + vocabulary.measure_units + vocabulary.money_units)
    return re.compile(rf"(?<![第\dA-Za-z.])\d+(?:\.\d+)?{units}")


# Stems that make a following 达标率 a quantity against plan: "数量达标率".
_VOLUME_ENDINGS = ("数量", "总量", "规模")


_KEY_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def indicator_key(name: str) -> str:
    """What makes two 三级指标 names the same indicator: the text with its
    spaces removed and full-width forms folded ("培训 人数（次）" = "培训人数(次)")."""
    return _KEY_SPACE_RE.sub("", unicodedata.normalize("NFKC", name))


@lru_cache(maxsize=4096)
def normalize_label(label: str) -> str:
    """A category label with decorations, spaces and the trailing 指标 removed."""
    text = _DECORATION_RE.sub("", label)
    text = _SPACE_RE.sub("", text)
    if text.endswith("指标") and len(text) > 2:
        text = text[:-2]
    return text


def _alias_table() -> dict[str, Level1Kind]:
    table: dict[str, Level1Kind] = {}
    for canonical, aliases in LEVEL1_ALIASES.items():
        for alias in aliases:
            table[alias] = canonical
    return table


_LEVEL1 = _alias_table()
_LEVEL2: dict[str, list[tuple[Level2Kind, Level1Kind]]] = {}
for _canonical, (_parent, _aliases) in LEVEL2_ALIASES.items():
    for _alias in _aliases:
        _LEVEL2.setdefault(_alias, []).append((_canonical, _parent))


@lru_cache(maxsize=4096)
def level1_kind(label: str) -> Level1Kind | None:
    """The canonical 一级 (产出, 效益, 满意度, 成本) a label means, or None."""
    return _LEVEL1.get(normalize_label(label))


@lru_cache(maxsize=4096)
def level2_kind(label: str, parent: str | None) -> tuple[Level2Kind | None, Level1Kind | None]:
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


# The canonical 一级 in the order of the form, and the 二级 each admits.
LEVEL1_KINDS: tuple[Level1Kind, ...] = tuple(LEVEL1_ALIASES)


def level2_kinds(level1: str) -> tuple[Level2Kind, ...]:
    """The canonical 二级 that belong under the canonical 一级 ``level1``."""
    return tuple(canonical for canonical, (parent, _) in LEVEL2_ALIASES.items() if parent == level1)


def older_template_placement(level1: str | None, level2: str | None) -> bool:
    """Whether a 二级 of kind ``level2`` under a 一级 of kind ``level1`` is a
    layout older official templates printed (satisfaction under 效益)."""
    return (level1, level2) in OLDER_TEMPLATE_PLACEMENTS


class UnprintedLevels(StrEnum):
    """Which levels above 三级 a table prints none of."""

    NONE_PRINTED = "none-printed"  # a flat list of indicators: no 一级, no 二级
    NO_LEVEL2 = "no-level2"  # 一级 printed, every 三级 straight under one


def unprinted_levels(level1_labels: list[str], level2_labels: list[str]) -> UnprintedLevels | None:
    """The layout of a table that leaves whole levels unprinted (the labels of
    every 一级 and every 二级 it has, in order); None when it prints both, or
    prints some of a level (a blank label among printed ones is a gap, not a
    layout)."""
    if not level1_labels:
        return None
    if not any(level_printed(label) for label in level1_labels):
        return UnprintedLevels.NONE_PRINTED
    if level2_labels and not any(level_printed(label) for label in level2_labels):
        return UnprintedLevels.NO_LEVEL2
    return None


def level_printed(label: str) -> bool:
    """Whether a level's label is printed: not blank, nor a marker for a
    level the table lacks ("未分级")."""
    return bool(label.strip()) and label.strip() not in UNPRINTED_LEVEL_LABELS
