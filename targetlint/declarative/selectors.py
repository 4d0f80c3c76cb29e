"""Evaluating the selector language against the model.

Selectors are compiled once per rule into plain predicates, so a check over
a large batch does no dictionary walking and no regex compilation per
indicator. Every predicate reads the model (canonical categories, the parsed
value, name facts); none of them reads raw YAML text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from targetlint import user_regex
from targetlint.declarative import schema as S
from targetlint.names import level1_kind, normalize_label
from targetlint.vocabulary import LEVEL2_ALIASES

Predicate = Callable[[Any], bool]


def _always(_: Any) -> bool:
    return True


def _all(predicates: list[Predicate]) -> Predicate:
    if not predicates:
        return _always
    if len(predicates) == 1:
        return predicates[0]
    return lambda item: all(p(item) for p in predicates)


# --- text and numbers ----------------------------------------------------------


def text(matcher) -> Callable[[str | None], bool]:
    if isinstance(matcher, str):
        wanted = matcher.strip()
        return lambda v: v is not None and str(v).strip() == wanted
    if isinstance(matcher, list):
        options = {m.strip() for m in matcher}
        return lambda v: v is not None and str(v).strip() in options
    tests: list[Callable[[str], bool]] = []
    if matcher.equals is not None:
        options = {m.strip() for m in matcher.equals}
        tests.append(lambda v: v.strip() in options)
    if matcher.contains is not None:
        words = tuple(matcher.contains)
        tests.append(lambda v: any(w in v for w in words))
    if matcher.startswith is not None:
        heads = tuple(matcher.startswith)
        tests.append(lambda v: v.strip().startswith(heads))
    if matcher.endswith is not None:
        tails = tuple(matcher.endswith)
        tests.append(lambda v: v.strip().endswith(tails))
    if matcher.regex is not None:
        pattern = re.compile(matcher.regex)
        written = (matcher.regex,)
        # A user's pattern runs under user_regex's limits: a slow one is named, not its rule.
        tests.append(lambda v: user_regex.search(pattern, v, written))
    present = matcher.present

    def test(value: str | None) -> bool:
        empty = value is None or str(value).strip() == ""
        if present is not None and present == empty:
            return False
        if empty:
            return present is False and not tests
        value = str(value)
        return all(t(value) for t in tests)

    return test


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def number(matcher) -> Callable[[float | None], bool]:
    if isinstance(matcher, (int, float)):
        wanted = float(matcher)
        return lambda v: v is not None and close(float(v), wanted)
    m = matcher
    tests: list[Callable[[float], bool]] = []
    if m.eq is not None:
        tests.append(lambda v: close(v, m.eq))
    if m.ne is not None:
        tests.append(lambda v: not close(v, m.ne))
    if m.min is not None:
        tests.append(lambda v: v >= m.min or close(v, m.min))
    if m.max is not None:
        tests.append(lambda v: v <= m.max or close(v, m.max))
    if m.gt is not None:
        tests.append(lambda v: v > m.gt and not close(v, m.gt))
    if m.lt is not None:
        tests.append(lambda v: v < m.lt and not close(v, m.lt))

    def test(value) -> bool:
        if m.present is not None and m.present == (value is None):
            return False
        if value is None:
            return m.present is False and not tests
        value = float(value)
        return all(t(value) for t in tests)

    return test


# --- categories -----------------------------------------------------------------


def level(matcher, depth: int) -> Callable[[Any], bool]:
    """A predicate on a Level1 / Level2 record (None never matches)."""
    if isinstance(matcher, S.LabelOps):
        label_test = text(matcher.label)
        return lambda record: (
            record is not None and (label_test(record.label) or label_test(normalize_label(record.label)))
        )
    items = [matcher] if isinstance(matcher, str) else list(matcher)
    kinds: set[str] = set()
    labels: set[str] = set()
    for item in items:
        label = normalize_label(item)
        labels.add(label)
        if depth == 1:
            kind = level1_kind(item)
            if kind:
                kinds.add(kind)
        else:
            kinds.update(canonical for canonical, (_, aliases) in LEVEL2_ALIASES.items() if label in aliases)
    return lambda record: record is not None and (record.kind in kinds or normalize_label(record.label) in labels)


def level_labels(matcher) -> str:
    """How a level matcher reads in a message: "经济成本", "经济成本/社会成本"."""
    if matcher is None:
        return ""
    if isinstance(matcher, S.LabelOps):
        inner = matcher.label
        return inner if isinstance(inner, str) else "/".join(inner) if isinstance(inner, list) else ""
    return matcher if isinstance(matcher, str) else "/".join(matcher)


# --- indicators -------------------------------------------------------------------

_FACTS = {
    "rate": lambda f: f.is_rate,
    "bounded-rate": lambda f: f.is_bounded_rate,
    "count": lambda f: f.is_count,
    "satisfaction": lambda f: f.is_satisfaction,
    "timeliness": lambda f: f.is_timeliness,
    "quality": lambda f: f.is_quality,
}


# Predicates built in a loop: each factory binds the loop's current values.
def _attribute_test(attr: str, test: Callable[[Any], bool]) -> Predicate:
    return lambda v: test(getattr(v, attr))


def _header_test(field_name: str, test: Callable[[Any], bool]) -> Predicate:
    return lambda d: test(header_value(d, field_name))


def _funds_test(field_name: str, test: Callable[[Any], bool]) -> Predicate:
    return lambda d: test(getattr(d.funds, field_name, None) if d.funds is not None else None)


def value(selector: S.ValueSelector) -> Predicate:
    """A predicate on a parsed IndicatorValue (None never matches)."""
    tests: list[Predicate] = []
    if selector.raw is not None:
        raw = text(selector.raw)
        tests.append(lambda v: raw(v.raw))
    if selector.kind is not None:
        kinds = set(selector.kind)
        tests.append(lambda v: str(v.kind) in kinds)
    for attr, matcher in (("number", selector.number), ("amount", selector.amount), ("upper", selector.upper)):
        if matcher is not None:
            test = number(matcher)
            tests.append(_attribute_test(attr, test))
    if selector.unit is not None:
        unit = text(selector.unit)
        tests.append(lambda v: unit(v.unit))
    if selector.unit_class is not None:
        classes = set(selector.unit_class)
        tests.append(lambda v: (str(v.unit_class) if v.unit_class is not None else "none") in classes)
    if selector.operator is not None:
        operators = {S.OPERATORS[o] for o in selector.operator}
        tests.append(lambda v: (str(v.operator) if v.operator is not None else "none") in operators)
    if selector.approximate is not None:
        wanted = selector.approximate
        tests.append(lambda v: v.approximate == wanted)
    combined = _all(tests)
    return lambda v: v is not None and combined(v)


def indicator(selector: S.IndicatorSelector | None) -> Predicate:
    """A predicate on an Indicator."""
    if selector is None:
        return _always
    tests: list[Predicate] = []
    if selector.level1 is not None:
        test1 = level(selector.level1, 1)
        tests.append(lambda i: test1(i.level1))
    if selector.level2 is not None:
        test2 = level(selector.level2, 2)
        tests.append(lambda i: test2(i.level2))
    if selector.name is not None:
        name = text(selector.name)
        tests.append(lambda i: name(i.name))
    if selector.value is not None:
        parsed = value(selector.value)
        tests.append(lambda i: parsed(i.parsed))
    if selector.is_ is not None:
        facts = [_FACTS[f] for f in selector.is_]
        tests.append(lambda i: any(f(i.facts) for f in facts))
    if selector.kind is not None:
        kind = text(selector.kind)
        tests.append(lambda i: kind(i.kind))
    if selector.note is not None:
        note = text(selector.note)
        tests.append(lambda i: note(i.note))
    if selector.any_ is not None:
        options = [indicator(s) for s in selector.any_]
        tests.append(lambda i: any(o(i) for o in options))
    if selector.not_ is not None:
        negated = indicator(selector.not_)
        tests.append(lambda i: not negated(i))
    return _all(tests)


# --- declarations -------------------------------------------------------------------


def header_value(declaration, field_name: str):
    value = getattr(declaration, field_name, None)
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else value


def header_tests(selector: S.HeaderSelector | None) -> list[tuple[str, Callable[[Any], bool]]]:
    """(field name, predicate on the field's value) for each field the selector names."""
    if selector is None:
        return []
    out = []
    for field_name in type(selector).model_fields:
        matcher = getattr(selector, field_name)
        if matcher is None:
            continue
        test = number(matcher) if field_name == "year" else text(matcher)
        out.append((field_name, test))
    return out


def funds_tests(selector: S.FundsSelector | None) -> list[tuple[str, Callable[[Any], bool]]]:
    if selector is None:
        return []
    return [
        (name, number(getattr(selector, name)))
        for name in type(selector).model_fields
        if getattr(selector, name) is not None
    ]


def categories(selector: S.CategorySelector) -> Callable[[Any], list]:
    """The written categories (Level2 records, or Level1 when only level1 is
    asked) a category selector matches in a declaration."""
    test1 = level(selector.level1, 1) if selector.level1 is not None else None
    test2 = level(selector.level2, 2) if selector.level2 is not None else None

    def found(declaration) -> list:
        out = []
        for level1 in declaration.level1s:
            if test1 is not None and not test1(level1):
                continue
            if test2 is None:
                out.append(level1)
                continue
            out.extend(level2 for level2 in level1.categories if test2(level2))
        return out

    return found


def condition(spec: S.Condition | None) -> Predicate:
    """A predicate on a Declaration."""
    if spec is None:
        return _always
    tests: list[Predicate] = []
    for field_name, test in header_tests(spec.header):
        tests.append(_header_test(field_name, test))
    for field_name, test in funds_tests(spec.funds):
        tests.append(_funds_test(field_name, test))
    if spec.category is not None:
        found = categories(spec.category)
        tests.append(lambda d: bool(found(d)))
    if spec.indicator is not None:
        match = indicator(spec.indicator)
        tests.append(lambda d: any(match(i) for i in d.indicators()))
    if spec.any_ is not None:
        options = [condition(c) for c in spec.any_]
        tests.append(lambda d: any(o(d) for o in options))
    if spec.not_ is not None:
        negated = condition(spec.not_)
        tests.append(lambda d: not negated(d))
    return _all(tests)
