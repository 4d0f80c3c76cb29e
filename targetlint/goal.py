"""What a 年度总体目标 says, analysed once per goal.

The loader stores a :class:`GoalFacts` on every declaration that has a goal;
the goal rules (TL303 generic-goal, TL403 stale-reference, TL404
goal-indicator-mismatch) read these facts and never look at the text
themselves. Three things are extracted:

- **targets**: number + unit phrases ("培训人次达到150人", "完成两场保密工作宣传",
  "满意度达到90%及以上"), each parsed by the indicator-value grammar
  (:func:`targetlint.values.parse_value`) so a goal and an indicator are
  compared in the same terms. Years ("2023年", "2018-2022年"), ordinals
  ("第24期"), list numbering ("1.", "(2)") and numbers without a unit are not
  targets.
- **plans**: plan periods the goal cites ("2018-2022年干部教育培训规划",
  "“十三五”规划"), with their first and last year.
- **outputs**: words naming a concrete deliverable (报告, 会议, 设备 …) from the
  vocabulary, so a goal without any number can still be told from a generic
  one ("本部门农民工工作年度工作任务顺利完成。").

Offsets are character offsets into the goal as loaded, so a rule can point at
the fragment with :func:`targetlint.text.offset_span`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from targetlint.values import IndicatorValue, Operator, UnitClass, ValueKind, parse_value, word_alternation
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary


@dataclass(frozen=True, slots=True)
class GoalTarget:
    """A measurable target stated in the goal."""

    fragment: str  # the number phrase as written: "达到150人", "两场", "90%及以上"
    start: int  # offsets of ``fragment`` in the goal
    end: int
    subject: str  # the clause's words before the phrase, spaces removed: "培训人次"
    object: str  # the clause's words after it: "设备的更新、清理及运维"
    clause: str  # subject, phrase and object as written, for messages
    value: IndicatorValue  # the phrase parsed by the value grammar
    # "全部合格" read as 100%: compared only with a related indicator's number,
    # never reported as a number without an indicator.
    implied: bool = False
    # A measure that specifies a thing rather than an amount of work: a
    # dimension ("宽3米", "占地300平方米"), or a measure of one item the same
    # sentence counts ("新建厕所1个,长4.5米"). No indicator is expected for it.
    specification: bool = False

    @property
    def unit_class(self) -> UnitClass | None:
        return self.value.unit_class


@dataclass(frozen=True, slots=True)
class PlanCitation:
    """A plan the goal cites together with its period."""

    text: str  # "2018-2022年干部教育培训规划"
    start: int
    end: int
    first_year: int
    last_year: int


@dataclass(frozen=True, slots=True)
class GoalFacts:
    targets: tuple[GoalTarget, ...] = ()
    plans: tuple[PlanCitation, ...] = ()
    outputs: tuple[str, ...] = ()  # deliverable words named: ("报告", "会议")

    @property
    def measurable(self) -> bool:
        return bool(self.targets)

    @property
    def generic(self) -> bool:
        """Neither a target nor a concrete output: nothing a reviewer could check."""
        return not self.targets and not self.outputs


# A clause ends at these; a space does not end one, because a folded YAML
# line break lands inside words ("“三 支一扶”"). Tag brackets end a clause so
# HTML residue never joins two.
_CLAUSE_END = "，,；;。:：！？!?<>（）()\n"
# A sentence ends at these: the measures after "新建厕所1个," up to the next
# one describe that toilet.
_SENTENCE_END = "；;。！？!?\n"
# The longest verb of output is a few characters; this is far more.
_LOOK_BEHIND = 32
_SUBJECT_MAX = 24
_OBJECT_MAX = 16
_YEAR = r"(?:19|20)\d{2}"


class _GoalGrammar:
    """The goal patterns compiled for one vocabulary (cached per vocabulary)."""

    def __init__(self, v: Vocabulary) -> None:
        units = v.count_units + v.money_units + v.time_units + v.percent_units + v.measure_units
        ops = word_alternation(
            v.ge_operators + v.gt_operators + v.le_operators + v.lt_operators + v.eq_operators + v.attainment_operators
        )
        apre = word_alternation(v.approximate_prefixes)
        asuf = word_alternation(v.approximate_suffixes)
        post = word_alternation(v.ge_suffixes + v.le_suffixes + v.approximate_suffixes)
        rsep = word_alternation(v.range_separators)
        mag = word_alternation(w for w, _ in v.magnitudes)
        self.chinese = frozenset(w for w, _ in v.chinese_numerals)
        numerals = "".join(re.escape(w) for w in self.chinese)
        # A number never starts inside another (such a match was dropped
        # anyway, below): without the lookbehinds every position of a long
        # run of digits or numerals was tried to the run's end, which made
        # a 5 KB goal take seconds.
        num = rf"(?:(?<![0-9A-Za-z.])\d+(?:,\d{{3}})*(?:\.\d+)?|(?<![{numerals}])[{numerals}]+)"
        # The unit is required: a number without one is a list number, a code
        # or a year, never a target a reader could check.
        self.quantity = re.compile(
            rf"(?P<op>{ops})?(?P<apre>{apre})?(?P<num>{num})(?:{rsep}{num})?(?P<mag>{mag})?(?:{asuf})?"
            rf"(?P<unit>{word_alternation(units)})(?P<post>(?:{post}){{0,2}})"
        )
        self.one = frozenset(w for w, n in v.chinese_numerals if n == 1)
        self.verbs = tuple(sorted(set(v.goal_count_verbs), key=len, reverse=True))
        self.outputs = re.compile(word_alternation(v.goal_output_words))
        plan = word_alternation(v.goal_plan_words)
        gap = rf"[^{re.escape(_CLAUSE_END)}]{{0,24}}?"
        self.period = re.compile(rf"(?P<y1>{_YEAR})\s*年?度?\s*{rsep}\s*(?P<y2>{_YEAR}|\d{{2}})\s*年度?{gap}{plan}")
        digits = "".join(re.escape(w) for w, n in v.chinese_numerals if 1 <= n <= 9)
        self.digit_value = {w: n for w, n in v.chinese_numerals if 1 <= n <= 9}
        self.all_verdict = re.compile(
            rf"(?P<all>{word_alternation(v.goal_all_words)})(?P<verdict>{word_alternation(v.goal_all_verdicts)})"
        )
        # One item counted: "一座", "1个", "一处" (not "11个", "十一个").
        self.single = re.compile(
            rf"(?:(?<![0-9.])1|(?<![{numerals}])[{''.join(re.escape(w) for w in self.one)}])"
            rf"{word_alternation(v.count_units)}"
        )
        self.specification_words = tuple(v.goal_specification_words)
        self.five_year = re.compile(rf"[“\"‘']?十(?P<n>[{digits}])五[”\"’']?(?:时期|期间)?{gap}{plan}")


_grammar = lru_cache(maxsize=16)(_GoalGrammar)


def analyse_goal(goal: str | None, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> GoalFacts | None:
    """The facts of one goal; None when there is no goal. Cached: batches
    repeat goals, and the facts depend on nothing but the text."""
    if not goal or not isinstance(goal, str):
        return None
    return _analyse(goal, vocabulary)


@lru_cache(maxsize=4096)
def _analyse(goal: str, vocabulary: Vocabulary) -> GoalFacts:
    g = _grammar(vocabulary)
    return GoalFacts(
        targets=tuple(_targets(goal, g, vocabulary)) + tuple(_implied(goal, g, vocabulary)),
        plans=tuple(_plans(goal, g)),
        outputs=tuple(dict.fromkeys(g.outputs.findall(goal))),
    )


def _targets(goal: str, g: _GoalGrammar, vocabulary: Vocabulary):
    found: list[tuple[re.Match[str], IndicatorValue]] = []
    text_starts = len(goal) - len(goal.lstrip())
    for m in g.quantity.finditer(goal):
        start, end = m.span()
        number = m["num"]
        # What precedes the number, as far as any test below looks: copying
        # the whole prefix per number made a long goal quadratic.
        before = goal[max(0, start - _LOOK_BEHIND) : start]
        at_clause_start = start <= text_starts or (bool(before.rstrip()) and before.rstrip()[-1] in _CLAUSE_END)
        if before.endswith("第") or (
            start and ((goal[start - 1].isascii() and goal[start - 1].isalnum()) or goal[start - 1] == ".")
        ):
            continue  # an ordinal, or part of a code or a decimal
        if re.fullmatch(_YEAR, number.replace(",", "")) and m["unit"].startswith("年"):
            continue  # a year, or a period of years
        # A Chinese numeral is a count only after a verb of output or at a
        # clause start; elsewhere it is part of a word (统一, 三支一扶).
        if number[0] in g.chinese and not m["op"] and not (before.rstrip().endswith(g.verbs) or at_clause_start):
            continue
        if goal[end : end + 1] == "性":
            continue  # "一次性" is an adjective, not one time
        if number in g.one and not g.outputs.match(goal, end) and not g.outputs.match(goal, end + 1):
            # "一" before a classifier is often the indefinite article
            # ("举办一次富有新意的大赛"); it counts only before a deliverable
            # ("完成一篇调研报告").
            continue
        value = parse_value(m.group(), vocabulary=vocabulary)
        if value.is_numeric and value.unit_class not in (None, UnitClass.OTHER):
            found.append((m, value))
    singles = [m.start() for m in g.single.finditer(goal)]
    # A clause is bounded by punctuation and by its neighbouring targets:
    # in "知晓率达到90%及以上、运行保障率达到100%" the second target's
    # subject starts after the first one.
    for i, (m, value) in enumerate(found):
        start, end = m.span()
        floor = found[i - 1][0].end() if i else 0
        ceiling = found[i + 1][0].start() if i + 1 < len(found) else len(goal)
        clause_start = start
        while (
            clause_start > floor and goal[clause_start - 1] not in _CLAUSE_END and start - clause_start < _SUBJECT_MAX
        ):
            clause_start -= 1
        while clause_start < start and (goal[clause_start].isspace() or goal[clause_start] in "、"):
            clause_start += 1
        clause_end = end
        # The object stops at a list comma too: what follows it is the next
        # item's subject ("…90%及以上、运行保障率达到100%").
        while clause_end < ceiling and goal[clause_end] not in _CLAUSE_END + "、" and clause_end - end < _OBJECT_MAX:
            clause_end += 1
        subject = "".join(goal[clause_start:start].split())
        specification = False
        if value.unit_class is UnitClass.MEASURE and not m["op"]:
            sentence_start = max((goal.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
            specification = subject.endswith(g.specification_words) or any(sentence_start <= s < start for s in singles)
        yield GoalTarget(
            fragment=m.group(),
            start=start,
            end=end,
            subject=subject,
            object="".join(goal[end:clause_end].split()).strip("、"),
            clause=goal[clause_start:clause_end].strip().rstrip("、"),
            value=value,
            specification=specification,
        )


def _implied(goal: str, g: _GoalGrammar, vocabulary: Vocabulary):
    """ "…全部合格": all of them, a share of 100%."""
    hundred = parse_value("100%", vocabulary=vocabulary)
    for m in g.all_verdict.finditer(goal):
        start = m.start()
        clause_start = start
        while (
            clause_start > 0
            and goal[clause_start - 1] not in _CLAUSE_END + "、"
            and start - clause_start < _SUBJECT_MAX
        ):
            clause_start -= 1
        yield GoalTarget(
            fragment=m.group(),
            start=start,
            end=m.end(),
            subject="".join(goal[clause_start:start].split()),
            object=m["verdict"],
            clause=goal[clause_start : m.end()].strip(),
            value=hundred,
            implied=True,
        )


def _plans(goal: str, g: _GoalGrammar):
    for m in g.period.finditer(goal):
        first, last = int(m["y1"]), m["y2"]
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last_year >= first:
            yield PlanCitation(m.group(), m.start(), m.end(), first, last_year)
    for m in g.five_year.finditer(goal):
        n = 10 + g.digit_value[m["n"]]
        # The plans run in five-year steps from the third (1966-1970).
        first = 1966 + 5 * (n - 3)
        yield PlanCitation(m.group(), m.start(), m.end(), first, first + 4)


# ---------------------------------------------------------------------------
# Comparing a goal target with an indicator value: shared by TL404 so that
# "carries" and "contradicts" mean one thing.


def bounds(value: IndicatorValue) -> tuple[float, float] | None:
    """The interval a numeric value allows, magnitudes applied: "≥90%" →
    (90, inf), "约400台" → (400, 400), "2~3个" → (2, 3)."""
    if not value.is_numeric or value.amount is None:
        return None
    n = value.amount
    if value.kind is ValueKind.RANGE and value.upper is not None:
        return (n, value.upper * value.multiplier)
    if value.operator in (Operator.GE, Operator.GT):
        return (n, float("inf"))
    if value.operator in (Operator.LE, Operator.LT):
        return (float("-inf"), n)
    return (n, n)


def numeric_parts(value: IndicatorValue | None) -> tuple[IndicatorValue, ...]:
    """The numeric pieces of a value: itself, or the parts of a COMPOUND."""
    if value is None:
        return ()
    if value.kind is ValueKind.COMPOUND:
        return tuple(p for p in value.parts if p.is_numeric)
    return (value,) if value.is_numeric else ()


def agrees(goal: IndicatorValue, indicator: IndicatorValue, tolerance: float = 0.0) -> bool:
    """Whether ``indicator`` carries ``goal``: the same number (within a
    relative ``tolerance``), or a bound that implies the goal's ("≥95%" meets
    "达到90%及以上")."""
    gb, ib = bounds(goal), bounds(indicator)
    if gb is None or ib is None:
        return False
    return same_number(goal, indicator, tolerance) or (gb[0] <= ib[0] and ib[1] <= gb[1])


@lru_cache(maxsize=16)
def _unit_spelling(vocabulary: Vocabulary) -> dict[str, str]:
    return {w: spellings[0] for spellings in vocabulary.measure_unit_spellings for w in spellings}


def compatible(
    goal: IndicatorValue, indicator: IndicatorValue, rate_named: bool, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> bool:
    """Whether two values measure in the same terms: percent with percent,
    a count with a count, a measure with the same measure. A number without a
    unit is a percentage on a rate-named indicator ("满意度 90") and a count
    elsewhere ("召开养老保险工作会议 2")."""
    if indicator.unit is None:
        return (goal.unit_class is UnitClass.PERCENT) == rate_named and goal.unit_class is not UnitClass.MONEY
    if goal.unit_class is UnitClass.MEASURE:
        spelling = _unit_spelling(vocabulary)
        return spelling.get(indicator.unit, indicator.unit) == spelling.get(goal.unit or "", goal.unit)
    return indicator.unit_class is goal.unit_class


def same_number(goal: IndicatorValue, indicator: IndicatorValue, tolerance: float = 0.0) -> bool:
    a, b = goal.amount, indicator.amount
    return a is not None and b is not None and abs(a - b) <= tolerance * max(abs(a), abs(b))


def _bigrams(text: str) -> frozenset[str]:
    chars = [c for c in text if c.isalnum()]
    return frozenset(a + b for a, b in pairwise(chars))


# Keyed by text: each indicator name and each goal clause is compared with
# every clause and name of its declaration, and its bigrams never change.
@lru_cache(maxsize=8192)
def _text_bigrams(text: str) -> frozenset[str]:
    return _bigrams(text)


def relatedness(target: GoalTarget, name: str) -> tuple[int, float]:
    """How many two-character sequences the target's clause shares with an
    indicator name, and what share of the name's they are: "人才调查数据的
    认可度达到100%" and "人才调查数据认可度" share seven of eight."""
    own = _text_bigrams(name)
    shared = len(_text_bigrams(target.subject + target.object) & own)
    return shared, (shared / len(own) if own else 0.0)
