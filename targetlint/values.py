"""The indicator-value grammar: one parse of a 指标值 into its parts.

A value is parsed once, when the model is built; rules read the resulting
:class:`IndicatorValue` and never look at the raw string themselves.

CONTRACT (the rules depend on these names; extend, don't rename).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from targetlint.vocabulary import DATE_SERIAL_YEARS, DEFAULT_VOCABULARY, LATEX_SYMBOLS, Vocabulary


class Operator(StrEnum):
    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


class ValueKind(StrEnum):
    NUMBER = "number"  # a number, with or without operator and unit: "≥90%", "=7.00(人)", "200", "约400台"
    RANGE = "range"  # "2~3个", "20-30人", "1~2个"
    COMPOUND = "compound"  # several values in one cell: "2~3个/1~2个", "提高、扩大"
    DEADLINE = (
        "deadline"  # a date or period bound: "2023年12月31日前完成使用", "年底前", "延期不超过2个月", "2023.07-2024.01"
    )
    RELATIVE = "relative"  # a comparison with a stated baseline: "不高于前3年最高值", "较上年增长" (see ``baseline``)
    PLAN_REFERENCE = "plan-reference"  # defers to a plan: "按年度计划", "按规定处理", "符合人社部要求样本"
    QUALITATIVE = "qualitative"  # a word or short phrase: "健全", "提高", "合格", "完整"
    NARRATIVE = "narrative"  # a sentence rather than a value
    UNIT_ONLY = "unit-only"  # a unit, magnitude or sign with no number: "平方米", "万元", "≤%" (a template left blank)
    EMPTY = "empty"  # nothing written


class UnitClass(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    MONEY = "money"
    TIME = "time"
    MEASURE = "measure"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    raw: str  # the value exactly as written
    kind: ValueKind
    operator: Operator | None = (
        None  # canonical comparison; textual operators map here too (不少于 → ≥, 以上 → ≥, 不超过 → ≤)
    )
    operator_text: str | None = None  # the operator as written: ">=", "≧", "＞", "不少于", "以上"
    number: float | None = (
        None  # the number as written, Chinese numerals converted ("两次" → 2); None when there is none
    )
    upper: float | None = None  # upper bound of a RANGE
    multiplier: int = 1  # magnitude written before the unit: "2.6万个" → 10000
    unit: str | None = None  # the unit, magnitude removed, brackets removed: "%", "人", "人次", "个", "元", "元/人"
    unit_class: UnitClass | None = None
    approximate: bool = False  # 约, 左右, 余, 多, 上下, or a RANGE
    qualifiers: tuple[str, ...] = ()  # scope words around the number: "每月", "人均", "年内", "全年"
    subject: str | None = None  # words naming what is counted: "帮扶家庭" in "帮扶家庭不少于80户次"
    words: tuple[str, ...] = ()  # the words of a QUALITATIVE / RELATIVE / PLAN_REFERENCE value: ("提高", "扩大")
    # Whether the vocabulary's words cover all of a QUALITATIVE phrase: "及时完成" is
    # covered, "及时发布" is not (发布 is a verb the grammar does not know).
    covered: bool = True
    baseline: str | None = None  # the baseline of a RELATIVE value: "前3年最高值", "上年", "上届"
    from_yaml_number: bool = False  # the YAML scalar was a bare number (90, 1, 0.9), not a string
    bracketed_unit: bool = False  # the unit was written in brackets: "=100(%)", "=7.00(人)"
    markup: str | None = None  # "latex" or "html" when such residue was found: "$\\geq 80\\%$"
    parts: tuple[IndicatorValue, ...] = ()  # the pieces of a COMPOUND value
    date: str | None = None  # a DEADLINE's date, ISO and as precise as written: "2023-12-31", "2024-01", "2023"
    date_start: str | None = None  # the start of a DEADLINE period: "2023.07-2024.01" → "2023-07"
    # A bare run of digits that reads as two cells run together by a table
    # conversion: the same number twice ("9595"), or a share or score and the
    # full mark after it ("88100" → "88", "100"). Whether it is one is the
    # rules' judgement, with the indicator's name (a count may be 9595).
    joined: tuple[str, str] | None = None
    # A bare five-digit number that is a spreadsheet date serial of a year the
    # vocabulary allows (45291 → "2023-12-31"): a date cell whose format was
    # lost. A rule judges it with the indicator (a date or 时效 measure).
    serial_date: str | None = None
    # Two units of different classes written together ("28.8万元%": money and
    # a percent, a value cell and a unit column run together): no unit holds.
    unit_conflict: bool = False

    @property
    def amount(self) -> float | None:
        """The number with its magnitude applied ("2.6万个" → 26000)."""
        return None if self.number is None else self.number * self.multiplier

    @property
    def percent(self) -> float | None:
        """The number as a percentage of a whole ("95%" → 95, "950‰" → 95);
        None for any other unit, 百分点 included: a point is a difference
        between two rates, not a share."""
        scale = _PER_HUNDRED.get(self.unit) if self.unit else None
        return None if scale is None or self.number is None else self.number * scale

    @property
    def percent_upper(self) -> float | None:
        """The upper bound of a percentage RANGE, as :attr:`percent`."""
        scale = _PER_HUNDRED.get(self.unit) if self.unit else None
        return None if scale is None or self.upper is None else self.upper * scale

    @property
    def is_count(self) -> bool:
        """A plain number of things: "3个", "14", not a rate, range or word."""
        return (
            self.kind == ValueKind.NUMBER
            and self.amount is not None
            and self.unit_class in (UnitClass.COUNT, None)
            and self.percent is None
        )

    @property
    def is_numeric(self) -> bool:
        return self.kind in (ValueKind.NUMBER, ValueKind.RANGE) and self.number is not None


# Percent and per-mille signs, in the form the grammar leaves them (full-width
# "％" is folded to "%"): the share of a whole each stands for, in percent.
_PER_HUNDRED = {"%": 1.0, "‰": 0.1, "百分比": 1.0}

# ---------------------------------------------------------------------------
# The grammar. Every word it knows comes from the Vocabulary; this module only
# knows shapes: where a scope word, an operator, a number, a magnitude, a unit
# and an approximation may stand relative to each other, and what a date,
# a baseline comparison and a plan reference look like.

# A letter, Chinese or Latin, and a Chinese character, as category tests:
# [^\W\d_] is any letter, and a lookahead leaves out the Latin ones. Spelt
# as code point ranges (\u3400-\u4dbf\u4e00-\u9fff…) each such class cost
# the regex compiler a walk over ~28,000 code points, and the grammar holds
# a dozen of them: most of its compile time (issue 13). Letters of other
# scripts (kana, Hangul, Cyrillic) count as Chinese here; a declaration's
# value holds none that a rule reads.
_LETTER = r"[^\W\d_]"
_HAN_CHAR = rf"(?:(?![A-Za-z]){_LETTER})"

# A QUALITATIVE value is a word or a short phrase; a NARRATIVE is a clause.
# The line: clause punctuation makes a narrative; otherwise a value of at most
# _PHRASE_MAX characters (scope words such as 全年 removed) is a phrase, and a
# longer one is a phrase only when vocabulary words cover all of it. Six holds
# a four-character set phrase plus a two-character adverb or verb
# ("顺利建成上线", "及时协调完成"); a predicate with its own subject or object
# ("做好各项筹办工作", "人社服务质量得到提升") is longer.
_PHRASE_MAX = 6
# Words naming what is counted ("帮扶家庭", "发放宣传材料") are short; a longer
# lead-in is a sentence that happens to end in a number.
_SUBJECT_MAX = 8
# A noun after the unit ("2000册宣传材料") is the subject, if short.
_TRAIL_MAX = 6
# What follows a deadline: a short remark ("2023年完成", "年底前完成使用"), or,
# after an explicit bound (前, 之前, 以内 …), the task due by then, which may
# be as long as a sentence ("2023年12月底前完成全部设备的采购与安装调试工作")
# without ceasing to be a checkable date.
_DEADLINE_REST_MAX = 8
_DEADLINE_TASK_MAX = 40
# Text after a number that is no known unit is still a unit if this short
# ("9大行业", "3幅"); longer text is a clause.
_UNKNOWN_UNIT_MAX = 4

# Full-width digits, letters and brackets mean their ASCII forms. Comparison
# signs stay as written (operator_text shows them; the vocabulary spells
# them), and the full-width comma stays so "1,000" remains one number while
# "2次，300人" is two values.
_WIDTH: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
for _ch in "＜＝＞，":
    del _WIDTH[ord(_ch)]
_WIDTH.update({ord("～"): "~", ord("〜"): "~", ord("\u3000"): " "})

# Spaces carry no meaning in a value ("≥ 90 %"), except between two Latin words.
_SPACE = re.compile(r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])")
# Separators left at either end; a trailing full stop too, but not a leading
# "." (".5").
_EDGE_PUNCT = "。；;，,、 "
_HTML = re.compile(r"</?[A-Za-z][^<>]*>|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")
_LATEX = re.compile(r"\$|\\(?:[A-Za-z]+|[%,;:! {}])")
# A brace only groups; anything else not in the map (spacing commands) reads as nothing.
_LATEX_COMMANDS = {**LATEX_SYMBOLS, "{": "", "}": ""}
_SIGNS = frozenset("≥≤<>=")


def _clean(raw: str) -> tuple[str, str | None, dict[str, str]]:
    """Strip markup residue and normalise width and spacing.

    Returns the text, which markup was found, and the written form of any
    operator that markup spelled ("\\geq", "&ge;"), so operator_text can
    still show what the author wrote.
    """
    text, markup = raw, None
    written: dict[str, str] = {}
    if "<" in text or "&" in text:

        def html_sub(m: re.Match[str]) -> str:
            s = m.group()
            if s[0] == "<":
                return " "
            out = html.unescape(s)
            if out in _SIGNS:
                written.setdefault(out, s)
            return out

        text, n = _HTML.subn(html_sub, text)
        if n:
            markup = "html"
    if "$" in text or "\\" in text:

        def latex_sub(m: re.Match[str]) -> str:
            s = m.group()
            if s == "$":
                return ""
            out = _LATEX_COMMANDS.get(s[1:], "")
            if out in _SIGNS:
                written.setdefault(out, s)
            return out

        text, n = _LATEX.subn(latex_sub, text)
        if n:
            text = text.replace("{", "").replace("}", "")
            markup = markup or "latex"
    text = text.translate(_WIDTH)
    if " " in text or not text.isprintable():
        text = _SPACE.sub("", text)
    # A trailing "…" marks a copy cut off there ("88100…"), not the value.
    text = text.strip(_EDGE_PUNCT).rstrip(".…")
    return text, markup, written


def word_alternation(words) -> str:
    """A regex for any of ``words`` that prefers the longest ("不超过" over "超过",
    "个工作日" over "个"), built as a trie so a miss costs a character test
    rather than one test per word."""
    trie: dict = {}
    for w in set(words):
        if w:
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
    return "(?:" + _trie(trie) + ")" if trie else "(?!)"


def _trie(node: dict) -> str:
    alts = [re.escape(ch) + _trie(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _norm(words) -> list[str]:
    return [w.translate(_WIDTH) for w in words]


_NUMBER_GROUPS = (
    "subj",
    "qual",
    "op",
    "apre",
    "sign",
    "n1",
    "bare",
    "m1",
    "u1",
    "rsep",
    "n2",
    "mag_b",
    "ain_b",
    "bunit",
    "unit",
    "mag_k",
    "ain_k",
    "unit_k",
    "mag_u",
    "ain_u",
    "uunit",
    "mag_n",
    "ain_n",
    "per_n",
    "post",
    "trail",
)


class _Pattern:
    """A grammar regex, compiled the first time it is used.

    Compiling the whole grammar costs about 40 ms, most of what a one-file
    pre-commit run spends on its own work, and the deadline, baseline and
    plan branches only matter to the values that reach them."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, grammar, owner=None):
        if grammar is None:
            return self
        # Stored on the instance, which shadows this descriptor from then on.
        compiled = grammar.__dict__[self.name] = re.compile(grammar.sources[self.name])
        return compiled


class _Grammar:
    """The value grammar for one Vocabulary (cached per vocabulary)."""

    has_number = _Pattern()
    number_re = _Pattern()
    qual_re = _Pattern()
    lead_qual_re = _Pattern()
    post_re = _Pattern()
    eq_re = _Pattern()
    deadline_re = _Pattern()
    has_deadline = _Pattern()
    plan_re = _Pattern()
    has_baseline = _Pattern()
    relative_op_re = _Pattern()
    relative_dir_re = _Pattern()
    relative_free_re = _Pattern()
    split_re = _Pattern()
    label_re = _Pattern()
    word_re = _Pattern()
    meaningful = _Pattern()
    note_re = _Pattern()
    clause_punct = _Pattern()
    unit_only_re = _Pattern()
    approx_in_text = _Pattern()

    def __init__(self, v: Vocabulary) -> None:
        self.sources: dict[str, str] = {}  # regex name → pattern text, compiled by _Pattern
        self.unit_class: dict[str, UnitClass] = {}
        self._resolved: dict[str, tuple[int, str]] = {}
        # Later lists win where a spelling is in two: a percent or money unit
        # says more than a count.
        for cls, words in (
            (UnitClass.MEASURE, v.measure_units),
            (UnitClass.COUNT, v.count_units),
            (UnitClass.TIME, v.time_units),
            (UnitClass.MONEY, v.money_units),
            (UnitClass.PERCENT, v.percent_units),
        ):
            for w in _norm(words):
                self.unit_class[w] = cls
        self.magnitudes = {w.translate(_WIDTH): int(n) for w, n in v.magnitudes}
        self.numerals = {w: int(n) for w, n in v.chinese_numerals}
        self.prefix_ops: dict[str, Operator] = {}
        for op, words in (
            (Operator.GE, v.ge_operators + v.attainment_operators),
            (Operator.GT, v.gt_operators),
            (Operator.LE, v.le_operators),
            (Operator.LT, v.lt_operators),
            (Operator.EQ, v.eq_operators),
        ):
            for w in _norm(words):
                self.prefix_ops[w] = op
        self.suffix_ops = dict.fromkeys(_norm(v.ge_suffixes), Operator.GE)
        self.suffix_ops.update(dict.fromkeys(_norm(v.le_suffixes), Operator.LE))
        self.approx_suffixes = frozenset(_norm(v.approximate_suffixes))
        self.deadline_markers = frozenset(_norm(v.deadline_markers))
        self.delay_words = frozenset(_norm(v.delay_words))
        self.words = frozenset(
            _norm(v.acceptable_qualitative + v.vague_words + v.direction_words + v.grade_words + v.manner_words)
        )

        unit = word_alternation(self.unit_class)
        mag = word_alternation(self.magnitudes)
        ops = word_alternation(self.prefix_ops)
        # Before a phrase, only an inequality compares with a standard: "达到良好"
        # and "=合格" name a grade.
        compare_ops = word_alternation(
            set(self.prefix_ops) - set(_norm(v.attainment_operators)) - set(_norm(v.eq_operators))
        )
        apre = word_alternation(_norm(v.approximate_prefixes))
        asuf = word_alternation(self.approx_suffixes)
        post = word_alternation(list(self.suffix_ops) + list(self.approx_suffixes))
        rsep = word_alternation(_norm(v.range_separators))
        # One scope word, as one trie and atomic: "每月" is both a qualifier
        # and 每 + a unit, and as two alternatives under a repeat, 26 of
        # them took 2^26 steps to reject ("每月每月…1人x"). Committing to the
        # longest word at each step keeps any repeat of them linear.
        qual_words = set(_norm(v.value_qualifiers)) | {p + u for p in _norm(v.per_prefixes) for u in self.unit_class}
        qual = f"(?>{word_alternation(qual_words)})"
        digit_words = "".join(re.escape(w) for w, n in self.numerals.items() if n < 10)
        ten_words = "".join(re.escape(w) for w, n in self.numerals.items() if n == 10)
        all_numerals = "".join(re.escape(w) for w in self.numerals)
        cn = f"[{digit_words}{ten_words}][{all_numerals}]*" if self.numerals else "(?!)"
        num = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?!\d)|\.\d+|{cn})"
        subj = f"(?:{_LETTER}|·){{1,{_SUBJECT_MAX}}}?"
        han = _HAN_CHAR
        full_unit = rf"{unit}(?:{unit})?(?:/(?:{unit}|{_LETTER}{{1,3}})){{0,2}}"
        # A magnitude at the end ("300万", "620万/月") is no unknown unit: 万 is a
        # multiplier, and the value names no unit at all.
        unknown = (
            rf"(?:(?!{post}|{rsep}|{unit}|{mag}(?!{_LETTER})){_LETTER})"
            rf"(?:(?!{post}|{rsep}){_LETTER}){{0,{_UNKNOWN_UNIT_MAX - 1}}}"
        )

        self.sources["has_number"] = rf"\d|{mag}" + (rf"|[{digit_words}{ten_words}]" if self.numerals else "")
        self.sources["number_re"] = (
            rf"(?P<subj>{subj})??(?P<qual>{qual}+)?(?P<op>{ops})?(?P<apre>{apre})?"
            rf"(?:(?P<sign>[-+])?(?P<n1>{num})|(?P<bare>{mag}))"
            rf"(?:(?P<m1>{mag})?(?P<u1>{unit})?(?P<rsep>{rsep})(?P<n2>{num}))?"
            rf"(?:(?P<mag_b>{mag})?(?P<ain_b>{asuf})?\((?P<bunit>[^()]{{1,8}})\)"
            rf"|(?P<unit>{full_unit})"
            rf"|(?P<mag_k>{mag})?(?P<ain_k>{asuf})?(?P<unit_k>{full_unit})"
            rf"|(?P<mag_u>{mag})?(?P<ain_u>{asuf})?(?P<uunit>{unknown})"
            rf"|(?P<mag_n>{mag})?(?P<ain_n>{asuf})?(?P<per_n>/(?:{unit}|{_LETTER}{{1,3}}))?)"
            rf"(?P<post>{post}{{0,2}})(?P<trail>{han}{{1,{_TRAIL_MAX}}})?"
        )
        self.sources["qual_re"] = qual
        self.sources["lead_qual_re"] = f"{qual}+"
        self.sources["post_re"] = post
        self.sources["eq_re"] = word_alternation(_norm(v.eq_operators))

        def date(i: int) -> str:
            year = r"(?:19|20)\d{2}"
            day = r"\d{1,2}(?:日|号)"
            return (
                rf"(?:(?P<ya{i}>{year})年度?(?:(?P<ma{i}>\d{{1,2}})(?:月份?(?:(?P<da{i}>{day}))?|(?={rsep})))?"
                rf"|(?P<yb{i}>{year})[-./](?P<mb{i}>\d{{1,2}})(?:[-./](?P<db{i}>\d{{1,2}}))?(?!\d)"
                rf"|(?P<mc{i}>\d{{1,2}})月份?(?:(?P<dc{i}>{day}))?)"
            )

        self.sources["deadline_re"] = (
            rf"(?P<lead>{word_alternation(_norm(v.deadline_leads))})?"
            rf"(?:(?P<d1>{date(1)})(?:(?P<rsep>{rsep})(?P<d2>{date(2)}))?(?P<dtail>{word_alternation(_norm(v.date_tails))})?"
            rf"|(?P<per>{word_alternation(_norm(v.per_prefixes))})?(?P<period>{word_alternation(_norm(v.deadline_periods))}))"
            rf"(?P<marker>{word_alternation(self.deadline_markers)})?(?P<rest>{han}{{0,{_DEADLINE_TASK_MAX}}})"
            # "6月底前完成80%": the share of the work due by then.
            rf"(?:(?P<share_op>{ops})?(?P<share>{num})(?P<share_unit>{word_alternation(_norm(v.percent_units))}))?"
        )
        # Cheap test before the full deadline grammar: a year, a month or a named period.
        self.sources["has_deadline"] = rf"(?:19|20)\d\d|\d月|{word_alternation(_norm(v.deadline_periods))}"

        plan_ref = (
            f"(?:{word_alternation(_norm(v.plan_references))}"
            f"|{word_alternation(_norm(v.plan_reference_leads))}(?P<gap>[^\\d,，;；。]{{0,10}}?)"
            f"{word_alternation(_norm(v.plan_reference_heads))})"
        )
        self.sources["plan_re"] = rf"(?P<subj>{subj})??(?P<ref>{plan_ref})(?P<tail>{han}{{0,6}})"

        # A baseline word that holds a number ("前3年") stands for the same
        # phrase with any number ("前5年", "前两年").
        plain, templated = [], []
        for w in _norm(v.baseline_words):
            if re.search(rf"\d|[{digit_words}{ten_words}]", w):
                parts = re.split(rf"\d+|[{digit_words}{ten_words}]+", w)
                templated.append(num.join(re.escape(p) for p in parts))
            else:
                plain.append(w)
        base = "(?:" + "|".join([*templated, word_alternation(plain), r"(?:19|20)\d{2}年度?"]) + ")"
        markers = word_alternation(_norm(v.relative_markers))
        directions = word_alternation(_norm(v.direction_words + v.vague_words))
        self.sources["has_baseline"] = base
        # "不高于前3年最高值": an operator, then the baseline.
        self.sources["relative_op_re"] = (
            rf"(?P<subj>{subj})??(?P<op>{ops})(?P<base>{base}[^\d]{{0,12}}?)(?P<post>{post})?"
        )
        # "较上年增长", "同比增长5%", "与上年相比持平": a baseline, a direction, maybe a number.
        self.sources["relative_dir_re"] = (
            rf"(?P<subj>{subj})??(?P<marker>{markers})?(?P<base>{base}{han}{{0,6}}?)(?P<close>{markers})?"
            rf"(?P<dir>{directions}+)?(?P<rest>(?:{ops}|{apre}|[-+.\d{digit_words}{ten_words}]).*)?"
        )
        # "不高于市场价的中等水平": a comparison whose standard is a phrase, not a number.
        self.sources["relative_free_re"] = rf"(?P<subj>{subj})??(?P<op>{compare_ops})(?P<base>[^\d]+?)(?P<post>{post})?"

        self.sources["split_re"] = rf"[，;、。|]|,(?!\d{{3}}(?!\d))|/(?=\d|[{digit_words}{ten_words}]|{ops}|{apre})"
        self.sources["label_re"] = rf"(?P<label>{_LETTER}{{1,{_SUBJECT_MAX}}})[:：](?P<value>.+)"
        self.sources["word_re"] = word_alternation(w for w in self.words if len(w) > 1)
        self.sources["meaningful"] = r"[^\W_]|%"
        self.sources["note_re"] = r"(?P<body>.+?)\((?P<note>[^()]+)\)"
        self.sources["clause_punct"] = r"[。！？!?:：;；，,]"
        # What a blank template cell keeps: its signs, magnitude and unit, and
        # placeholder marks (≤**万元); word operators (达到) are words.
        signs = word_alternation(w for w in self.prefix_ops if not any(c.isalpha() for c in w))
        self.sources["unit_only_re"] = rf"(?:{signs}|{unit}|{mag}|[*＊xX×()（）?？/])+"
        # An approximation inside a sentence: "约300名学员参加…", "参加培训200人左右的…".
        self.sources["approx_in_text"] = rf"{apre}(?:\d|[{digit_words}{ten_words}])|\d(?:{mag})?(?:{unit})?(?:{asuf})"

    # --- pieces -------------------------------------------------------------

    def to_number(self, s: str) -> float:
        if s[0] not in self.numerals:
            return float(s.replace(",", ""))
        total = current = 0
        for ch in s:
            n = self.numerals[ch]
            if n >= 10:
                total += (current or 1) * n
                current = 0
            else:
                current = current * 10 + n
        return float(total + current)

    def classify(self, unit: str) -> UnitClass:
        head = unit.split("/", 1)[0]
        cls = self.unit_class.get(head)
        if cls is None:
            # Two units of one class written together ("个班次", "台套") count
            # as the last; of two classes ("万元%": money and a percent) the
            # unit contradicts itself and is no known unit.
            for i in range(len(head) - 1, 0, -1):
                first, last = self.unit_class.get(head[:i]), self.unit_class.get(head[i:])
                if first is not None and last is not None:
                    return last if first is last else UnitClass.OTHER
            return UnitClass.OTHER
        return cls

    def conflicting(self, unit: str) -> bool:
        """Whether ``unit`` is two known units of different classes ("万元%")."""
        head = self.resolve_unit(unit)[1].split("/", 1)[0]
        if head in self.unit_class:
            return False
        for i in range(len(head) - 1, 0, -1):
            first, last = self.unit_class.get(head[:i]), self.unit_class.get(head[i:])
            if first is not None and last is not None:
                return first is not last
        return False

    def known_unit(self, unit: str) -> bool:
        return self.classify(unit) is not UnitClass.OTHER

    def resolve_unit(self, unit: str) -> tuple[int, str]:
        """Split a magnitude off a unit when what remains is a unit itself:
        "万元" → (10000, "元"), "万元/公里" → (10000, "元/公里"); "千克" stays."""
        resolved = self._resolved.get(unit)
        if resolved is None:
            resolved = (1, unit)
            for mag, factor in self.magnitudes.items():
                if unit.startswith(mag) and len(unit) > len(mag) and self.known_unit(unit[len(mag) :]):
                    resolved = (factor, unit[len(mag) :])
                    break
            if len(self._resolved) < 4096:  # units are few; bound it against junk input
                self._resolved[unit] = resolved
        return resolved

    # --- the kinds ----------------------------------------------------------

    def number(self, text: str, *, allow_subject: bool = True) -> dict[str, Any] | None:
        m = self.number_re.fullmatch(text)
        if m is None:
            return None
        # Unpacked by position: this runs for most values, and groupdict()
        # would build a 25-entry dict each time (the order is checked in __init__).
        (
            subj,
            qual,
            op,
            apre,
            sign,
            n1,
            bare,
            m1,
            u1,
            _rsep,
            n2,
            mag_b,
            ain_b,
            bunit,
            unit_w,
            mag_k,
            ain_k,
            unit_k,
            mag_u,
            ain_u,
            uunit,
            mag_n,
            ain_n,
            per_n,
            post,
            trail,
        ) = m.groups()
        if subj and not allow_subject:
            return None
        mult, unit, bracketed, known = 1, None, False, False
        mag = None
        if n1 is None:
            # A magnitude alone is a number only when approximated: "近千人", "约万元".
            if not apre or n2 is not None:
                return None
            n1, mag = "1", bare
        chinese = n1[0] in self.numerals
        if bunit is not None:
            mult, unit = self.resolve_unit(bunit)
            bracketed, known, mag, approx_in = True, self.known_unit(unit), mag or mag_b, ain_b
        elif unit_w is not None:
            (mult, unit), known, approx_in = self.resolve_unit(unit_w), True, None
        elif unit_k is not None:
            unit, known, mag, approx_in = unit_k, True, mag or mag_k, ain_k
        elif uunit is not None:
            unit, mag, approx_in = uunit, mag or mag_u, ain_u
        else:
            # "≤15.5/人次": a per-unit amount whose head unit is missing; the
            # unit is kept as written ("/人次"), so rules see no head.
            mag, approx_in, unit = mag or mag_n, ain_n, per_n
        if mag:
            mult *= self.magnitudes[mag]
        # A Chinese numeral is a number only before a unit the vocabulary
        # knows ("两次", "十二次") or alone; otherwise it is part of a word
        # ("一网通办", "统一", "一次性").
        if chinese and not (known and not trail) and (unit or subj or trail or qual):
            return None
        if trail and not known:
            return None
        number = self.to_number(n1)
        if sign == "-":
            number = -number
        upper = None
        if n2 is not None:
            if u1 is not None and self.resolve_unit(u1)[1] != unit:
                return None
            upper = self.to_number(n2)
            if m1:
                number = number * self.magnitudes[m1] / mult
        operator = operator_text = None
        if op:
            operator, operator_text = self.prefix_ops[op], op
        approximate = bool(apre or approx_in or upper is not None)
        if post:
            for word in self.post_re.findall(post):
                if word in self.approx_suffixes:
                    approximate = True
                elif operator is None:
                    operator, operator_text = self.suffix_ops[word], word
        unit_class = self.classify(unit) if unit else None
        kind = ValueKind.RANGE if upper is not None else ValueKind.NUMBER
        if subj in self.delay_words and unit_class is UnitClass.TIME:
            kind = ValueKind.DEADLINE
        return dict(
            kind=kind,
            operator=operator,
            operator_text=operator_text,
            number=number,
            upper=upper,
            multiplier=mult,
            unit=unit,
            unit_class=unit_class,
            approximate=approximate,
            qualifiers=tuple(self.qual_re.findall(qual)) if qual else (),
            subject=((subj + trail if subj else trail) if trail else subj) or None,
            bracketed_unit=bracketed,
            unit_conflict=bool(unit) and self.conflicting(unit),
        )

    def deadline(self, text: str) -> dict[str, Any] | None:
        if not self.has_deadline.search(text):
            return None
        m = self.deadline_re.fullmatch(text)
        if m is None:
            return None
        g = m.groupdict()
        if g["yb1"] and not g["marker"] and g["rest"]:
            return None  # "2020.05万元" is money, not May 2020
        if g["rest"] and len(g["rest"]) > _DEADLINE_REST_MAX and not g["marker"]:
            return None  # a sentence that starts with a year is no deadline: "2023年全市就业形势…"
        dates: list[tuple[str | None, str | None, str | None]] = []  # year, month, day as written
        for i in (1, 2):
            y = g[f"ya{i}"] or g[f"yb{i}"]
            mo = g[f"ma{i}"] or g[f"mb{i}"] or g[f"mc{i}"]
            d = g[f"da{i}"] or g[f"db{i}"] or g[f"dc{i}"]
            if not (y or mo):
                continue
            if g[f"yb{i}"] and text[m.start(f"mb{i}") - 1] == "." and len(mo) < 2:
                return None  # "2020.5" is a decimal; a dotted month is written "2020.05"
            if y is None and dates:
                y = dates[0][0]  # "2023年1-6月": the second bound shares the year
            if (mo and not 1 <= int(mo) <= 12) or (d and not 1 <= int(d.rstrip("日号")) <= 31):
                return None
            dates.append((y, mo, d and d.rstrip("日号")))
        # ISO 8601 writes a date without its year as "--MM-DD".
        iso = [
            ("" if y else "--") + "-".join(p if len(p) == 4 else p.zfill(2) for p in (y, mo, d) if p)
            for y, mo, d in dates
        ]
        operator = operator_text = None
        if g["marker"]:
            operator, operator_text = Operator.LE, g["marker"]
        elif g["lead"] in self.deadline_markers or (g["lead"] and g["lead"].startswith("截")):
            operator, operator_text = Operator.LE, g["lead"]
        elif g["period"] and any(g["period"].endswith(k) for k in self.deadline_markers):
            operator, operator_text = Operator.LE, g["period"]  # "年内" is itself a bound
        words = tuple(w for w in (g["period"], g["dtail"], g["rest"]) if w)
        found: dict[str, Any] = dict(
            kind=ValueKind.DEADLINE,
            operator=operator,
            operator_text=operator_text,
            words=words,
            date=iso[-1] if iso else None,
            date_start=iso[0] if len(iso) > 1 else None,
        )
        if g["share"] is not None:
            if operator is None:
                return None  # "2023年完成80%" names a year, not a bound: no deadline
            # The share due by the deadline is the value's number; the
            # operator stays the deadline's (the date is the bound).
            found.update(number=self.to_number(g["share"]), unit=g["share_unit"], unit_class=UnitClass.PERCENT)
        return found

    def plan_reference(self, text: str) -> dict[str, Any] | None:
        m = self.plan_re.fullmatch(text)
        if m is None:
            return None
        if m["gap"] and self.unit_class.get(m["gap"]) is UnitClass.TIME:
            return None  # "按月安排", "按周开展": a frequency, not a plan the target defers to
        return dict(kind=ValueKind.PLAN_REFERENCE, words=(m["ref"],), subject=m["subj"])

    def relative(self, text: str) -> dict[str, Any] | None:
        if not self.has_baseline.search(text):
            return None
        m = self.relative_op_re.fullmatch(text)
        if m is not None:
            return dict(
                kind=ValueKind.RELATIVE,
                operator=self.prefix_ops[m["op"]],
                operator_text=m["op"],
                baseline=m["base"],
                subject=m["subj"],
            )
        m = self.relative_dir_re.fullmatch(text)
        if m is None or not (m["marker"] or m["close"] or m["dir"] or m["rest"]):
            return None
        fields: dict[str, Any] = {}
        if m["rest"]:
            fields = self.number(m["rest"], allow_subject=False) or {}
            if not fields or fields["kind"] is not ValueKind.NUMBER:
                return None
        words = tuple(self.word_re.findall(m["dir"])) if m["dir"] else ()
        fields.update(kind=ValueKind.RELATIVE, baseline=m["base"], words=words, subject=m["subj"])
        return fields

    def relative_free(self, text: str) -> dict[str, Any] | None:
        m = self.relative_free_re.fullmatch(text)
        if m is None:
            return None
        return dict(
            kind=ValueKind.RELATIVE,
            operator=self.prefix_ops[m["op"]],
            operator_text=m["op"],
            baseline=m["base"],
            subject=m["subj"],
        )

    def phrase(self, text: str) -> dict[str, Any]:
        core, qualifiers = text, ()
        lead = self.lead_qual_re.match(text)
        if lead and lead.end() < len(text):
            core, qualifiers = text[lead.end() :], tuple(self.qual_re.findall(lead.group()))
        eq = self.eq_re.match(core)
        if eq and core[eq.end() :] in self.words:
            # "=是", "=优": an equals sign before a word names it, as in "=合格".
            core = core[eq.end() :]
        if core in self.words:
            found: tuple[str, ...] = (core,)
        else:
            found = tuple(dict.fromkeys(self.word_re.findall(core)))
        covered = sum(map(len, found)) >= len(core)
        if not self.clause_punct.search(core) and (len(core) <= _PHRASE_MAX or covered):
            return dict(kind=ValueKind.QUALITATIVE, words=found or (core,), qualifiers=qualifiers, covered=covered)
        return dict(
            kind=ValueKind.NARRATIVE,
            words=tuple(dict.fromkeys(self.word_re.findall(text))),
            approximate=self.approx_in_text.search(text) is not None,
        )

    def single(self, text: str) -> dict[str, Any]:
        if not self.meaningful.search(text):
            return dict(kind=ValueKind.EMPTY)
        if self.unit_only_re.fullmatch(text) and not any(c.isdigit() for c in text):
            return dict(kind=ValueKind.UNIT_ONLY)
        found = self.deadline(text) or self.plan_reference(text) or self.relative(text)
        if found is None and self.has_number.search(text):
            found = self.number(text)
        if found is None and not any(c.isdigit() for c in text):
            found = self.relative_free(text)
        if found is None:
            label = self.label_re.fullmatch(text)
            if label:
                # "完成时间：2023年12月": a label, then the value.
                inner = self.single(label["value"])
                if inner["kind"] not in (ValueKind.NARRATIVE, ValueKind.EMPTY):
                    inner.setdefault("subject", None)
                    inner["subject"] = inner["subject"] or label["label"]
                    return inner
            found = self.phrase(text)
            note = self.note_re.fullmatch(text) if found["kind"] is ValueKind.NARRATIVE else None
            if note:
                # "2次（含线上）": a value with a remark in brackets after it.
                inner = self.single(note["body"])
                if inner["kind"] is not ValueKind.NARRATIVE:
                    inner["words"] = (*inner.get("words", ()), note["note"])
                    return inner
        return found


_grammar = lru_cache(maxsize=16)(_Grammar)


# Longer than this, a 指标值 is prose (the longest in the seed and corpus
# batches has 96 characters): it is a NARRATIVE without going through the
# grammar, so no value costs more than a short one, whatever it holds.
MAX_VALUE_CHARS = 300


def parse_value(
    raw: str, *, from_yaml_number: bool = False, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> IndicatorValue:
    """Parse one 指标值. Pure and cached: equal inputs give the same object."""
    # Positional arguments make one cache key however the caller spelled them.
    return _parse(raw, from_yaml_number, vocabulary)


@lru_cache(maxsize=1 << 16)
def _parse(raw: str, from_yaml_number: bool, vocabulary: Vocabulary) -> IndicatorValue:
    if not isinstance(raw, str):
        from_yaml_number = from_yaml_number or (isinstance(raw, (int, float)) and not isinstance(raw, bool))
        raw = "" if raw is None else str(raw)
    if from_yaml_number:
        try:
            number = float(raw.strip().replace("_", ""))
        except ValueError:
            pass
        else:
            if number == number and abs(number) != float("inf"):
                digits = raw.strip()
                readings = _artefact_readings(digits, vocabulary) if digits.isdigit() and digits.isascii() else {}
                return IndicatorValue(raw=raw, kind=ValueKind.NUMBER, number=number, from_yaml_number=True, **readings)
    g = _grammar(vocabulary)
    text, markup, written = _clean(raw)
    pieces = [p for p in g.split_re.split(text) if g.meaningful.search(p)] if text else []
    if len(text) > MAX_VALUE_CHARS:
        fields: dict[str, Any] = dict(kind=ValueKind.NARRATIVE, words=tuple(dict.fromkeys(g.word_re.findall(text))))
    elif len(pieces) > 1:
        fields = _combine(tuple(_parse(p, False, vocabulary) for p in pieces))
        if fields["kind"] is ValueKind.NARRATIVE:
            fields["words"] = tuple(dict.fromkeys(g.word_re.findall(text)))
    elif pieces:
        fields = g.single(pieces[0])
    else:
        fields = dict(kind=ValueKind.EMPTY)
    if written and fields.get("operator_text") in written:
        fields["operator_text"] = written[fields["operator_text"]]
    if fields["kind"] is ValueKind.NUMBER and text.isdigit() and text.isascii():
        fields.update(_artefact_readings(text, vocabulary))
    return IndicatorValue(raw=raw, from_yaml_number=from_yaml_number, markup=markup, **fields)


# Day 0 of spreadsheet date serials (Excel's 1900 system, as LibreOffice and
# WPS write it).
_SERIAL_EPOCH = datetime.date(1899, 12, 30)
_SERIAL_RANGE = (
    (datetime.date(DATE_SERIAL_YEARS[0], 1, 1) - _SERIAL_EPOCH).days,
    (datetime.date(DATE_SERIAL_YEARS[1], 12, 31) - _SERIAL_EPOCH).days,
)


def _artefact_readings(digits: str, vocabulary: Vocabulary) -> dict[str, Any]:
    """How a bare run of digits may read as a format artefact: two cells run
    together, or a spreadsheet date serial (see IndicatorValue)."""
    found: dict[str, Any] = {}
    half = len(digits) // 2
    if len(digits) >= 4 and len(digits) % 2 == 0 and digits[:half] == digits[half:] and len(set(digits)) > 1:
        found["joined"] = (digits[:half], digits[half:])
    else:
        for mark in vocabulary.joined_cell_marks:
            head = digits[: -len(mark)]
            if digits.endswith(mark) and len(head) >= 2 and head[0] != "0" and int(head) <= int(mark):
                found["joined"] = (head, mark)
                break
    if len(digits) == 5 and _SERIAL_RANGE[0] <= int(digits) <= _SERIAL_RANGE[1]:
        found["serial_date"] = (_SERIAL_EPOCH + datetime.timedelta(days=int(digits))).isoformat()
    return found


def _combine(parts: tuple[IndicatorValue, ...]) -> dict[str, Any]:
    """Several values in one cell: a list of words is still one QUALITATIVE
    value ("提高、扩大"); a clause among them makes the cell a NARRATIVE;
    anything else is a COMPOUND of its parts ("2~3个/1~2个")."""
    kinds = {p.kind for p in parts}
    words = tuple(dict.fromkeys(w for p in parts for w in p.words))
    if ValueKind.NARRATIVE in kinds:
        return dict(kind=ValueKind.NARRATIVE, words=words, approximate=any(p.approximate for p in parts))
    if kinds == {ValueKind.QUALITATIVE}:
        qualifiers = tuple(dict.fromkeys(q for p in parts for q in p.qualifiers))
        covered = all(p.covered for p in parts)
        return dict(kind=ValueKind.QUALITATIVE, words=words, qualifiers=qualifiers, covered=covered)
    return dict(kind=ValueKind.COMPOUND, words=words, parts=parts)
