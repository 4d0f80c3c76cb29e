"""Turning validated rule specs into :class:`targetlint.rule.Rule` subclasses.

Each YAML rule becomes a class with the spec's code, name, severity and a
docstring built from its description and its own YAML, so it is listed,
selected, ignored, suppressed and documented exactly like a built-in rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from targetlint.declarative import schema as S
from targetlint.declarative import selectors as sel
from targetlint.rule import Finding, Rule, Severity
from targetlint.span import Span


class _Blank(dict):
    # A placeholder with nothing to show (an indicator without a unit) prints as empty.
    def __missing__(self, key):
        return ""


def _format(template: str, values: dict[str, Any]) -> str:
    return template.format_map(_Blank({k: "" if v is None else _show(v) for k, v in values.items()}))


def _show(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _texts(message) -> tuple[str, str]:
    if isinstance(message, str):
        return message, message
    return message.zh, message.en or message.zh


class DeclarativeRule(Rule):
    """Base of every rule compiled from a YAML rule file."""

    spec: ClassVar[Any]
    rule_file: ClassVar[str] = ""
    # Rules from a configuration or profile run only where that configuration
    # selects them; rules from installed packs run by default, like any plugin.
    default_enabled: ClassVar[bool] = True
    _node: ClassVar[Any]  # the rule's YAML node, set by compile_rule_file for error positions

    def __init__(self, options=None, vocabulary=None):
        kwargs = {} if vocabulary is None else {"vocabulary": vocabulary}
        super().__init__(options, **kwargs)
        spec = self.spec
        self._when = sel.condition(spec.when)
        self._zh, self._en = _texts(spec.message)
        self._prepare(spec)

    def _prepare(self, spec) -> None:
        pass

    @classmethod
    def cache_key(cls) -> str:
        # The spec as read, anchors resolved: an edit anywhere in the rule
        # file that changes this rule changes its key.
        return cls.spec.model_dump_json()

    def check(self, declaration, source) -> Iterator[Finding]:
        if not self._when(declaration):
            return
        yield from self._check(declaration)

    def _check(self, declaration) -> Iterator[Finding]:
        raise NotImplementedError

    # -- reporting -------------------------------------------------------
    def _indicator_values(self, declaration, indicator, **extra) -> dict[str, Any]:
        parsed = indicator.parsed
        values = {
            "name": indicator.name,
            "value": indicator.value,
            "level1": indicator.level1.label if indicator.level1 else "",
            "level2": indicator.level2.label if indicator.level2 else "",
            "number": parsed.number if parsed is not None else None,
            "unit": parsed.unit if parsed is not None else None,
            "operator": (parsed.operator_text or str(parsed.operator))
            if parsed is not None and parsed.operator is not None
            else None,
            "project": declaration.name,
            "year": declaration.year,
            "code": self.code,
        }
        values.update(extra)
        return values

    def _declaration_values(self, declaration, **extra) -> dict[str, Any]:
        values = {
            "project": declaration.name,
            "year": declaration.year,
            "category": declaration.category,
            "code": self.code,
        }
        values.update(extra)
        return values

    def _finding(self, span: Span, values: dict[str, Any], *, indicator=None, subject: str | None = None) -> Finding:
        return self.report(
            span, _format(self._zh, values), _format(self._en, values), indicator=indicator, subject=subject
        )


class ForbidCheck(DeclarativeRule):
    def _prepare(self, spec) -> None:
        self._match = sel.indicator(spec.where) if spec.where is not None else None
        self._fields = sel.header_tests(spec.fields)

    def _check(self, declaration):
        if self._match is not None:
            for indicator in declaration.indicators():
                if self._match(indicator):
                    span = indicator.span(self.spec.at) if self.spec.at != "key" else indicator.span()
                    yield self._finding(span, self._indicator_values(declaration, indicator), indicator=indicator)
        for field_name, test in self._fields:
            value = sel.header_value(declaration, field_name)
            if test(value):
                label = S.HEADER_LABELS[field_name]
                span = declaration.spans.get(field_name) or declaration.span()
                values = self._declaration_values(declaration, field=label, value=value)
                yield self._finding(span, values, subject=f"{label}: {value}")


class UnitCheck(DeclarativeRule):
    def _prepare(self, spec) -> None:
        self._match = sel.indicator(spec.where)
        self._units = set(spec.units or ())
        self._classes = set(spec.unit_class or ())
        shown = list(spec.units or ()) + list(spec.unit_class or ())
        self._expected = "/".join(shown)

    def _check(self, declaration):
        for indicator in declaration.indicators():
            parsed = indicator.parsed
            # Only a value with a number has a unit to judge; "按计划" is another rule's business.
            if parsed is None or parsed.number is None or not self._match(indicator):
                continue
            if parsed.unit is None:
                if self.spec.allow_missing:
                    continue
            elif parsed.unit in self._units or (
                parsed.unit_class is not None and str(parsed.unit_class) in self._classes
            ):
                continue
            yield self._finding(
                indicator.span("value"),
                self._indicator_values(declaration, indicator, expected=self._expected),
                indicator=indicator,
            )


class RangeCheck(DeclarativeRule):
    def _prepare(self, spec) -> None:
        self._match = sel.indicator(spec.where)

    def _outside(self, number: float | None) -> bool:
        if number is None:
            return False
        low, high = self.spec.min, self.spec.max
        return (low is not None and number < low and not sel.close(number, low)) or (
            high is not None and number > high and not sel.close(number, high)
        )

    def _check(self, declaration):
        for indicator in declaration.indicators():
            parsed = indicator.parsed
            if parsed is None or parsed.number is None or not self._match(indicator):
                continue
            scale = parsed.multiplier if self.spec.of == "amount" else 1
            numbers = [parsed.number * scale] + ([parsed.upper * scale] if parsed.upper is not None else [])
            if any(self._outside(n) for n in numbers):
                values = self._indicator_values(declaration, indicator, min=self.spec.min, max=self.spec.max)
                yield self._finding(indicator.span("value"), values, indicator=indicator)


class _Requirement:
    """What a require / then clause asks of a declaration, and where to point
    when it is not met: the most specific category that is written (the
    经济成本 key when it lacks a money-unit indicator, the 绩效指标 key when
    成本指标 is missing altogether), else a header field, else the document."""

    def __init__(
        self,
        *,
        condition: S.Condition | None = None,
        category: S.CategorySelector | None = None,
        where: S.IndicatorSelector | None = None,
        fields: list[str] | None = None,
        minimum: int = 1,
    ):
        self.minimum = minimum
        self.test = sel.condition(condition) if condition is not None else None
        self.category = sel.categories(category) if category is not None else None
        self.where = sel.indicator(where) if where is not None else None
        self.fields = [S.HEADER_KEYS.get(f, "funds") for f in fields or ()]
        scope = (
            category
            or where
            or (condition.category if condition is not None and condition.category else None)
            or (condition.indicator if condition is not None else None)
        )
        self.level1 = getattr(scope, "level1", None)
        self.level2 = getattr(scope, "level2", None)
        self.anchor1 = sel.level(self.level1, 1) if self.level1 is not None else None
        self.anchor2 = sel.level(self.level2, 2) if self.level2 is not None else None
        self.header_fields = [name for name, _ in sel.header_tests(condition.header)] if condition is not None else []
        self.about_indicators = (
            category is not None
            or where is not None
            or (
                condition is not None
                and any(
                    x is not None for x in (condition.category, condition.indicator, condition.any_, condition.not_)
                )
            )
        )

    def unmet(self, declaration) -> list[str] | None:
        """None when met; otherwise the missing header fields (possibly empty)."""
        if self.test is not None:
            return None if self.test(declaration) else []
        if self.category is not None:
            return None if self.category(declaration) else []
        if self.where is not None:
            count = sum(1 for i in declaration.indicators() if self.where(i))
            return None if count >= self.minimum else []
        missing = [f for f in self.fields if _blank(declaration, f)]
        return missing or None

    def anchor(self, declaration, fallback_fields: Sequence[str] = ()) -> Span:
        if self.anchor1 is not None or self.anchor2 is not None:
            for level1 in declaration.level1s:
                if self.anchor1 is not None and not self.anchor1(level1):
                    continue
                if self.anchor2 is not None:
                    for level2 in level1.categories:
                        if self.anchor2(level2):
                            return level2.span()
                return level1.span()
        if self.about_indicators and "indicators" in declaration.spans:
            return declaration.spans["indicators"]
        for field_name in list(self.header_fields) + list(fallback_fields):
            if field_name in declaration.spans:
                return declaration.spans[field_name]
        return declaration.span()


def _blank(declaration, field_name: str) -> bool:
    if field_name == "funds":
        return declaration.funds is None
    value = getattr(declaration, field_name, None)
    return value is None or (isinstance(value, str) and not value.strip())


class RequireCheck(DeclarativeRule):
    def _prepare(self, spec) -> None:
        self._need = _Requirement(category=spec.category, where=spec.where, fields=spec.fields, minimum=spec.min)

    def _check(self, declaration):
        missing = self._need.unmet(declaration)
        if missing is None:
            return
        labels = [S.HEADER_LABELS.get(f, "项目资金") for f in missing]
        values = self._declaration_values(
            declaration,
            level1=sel.level_labels(self._need.level1),
            level2=sel.level_labels(self._need.level2),
            missing="、".join(labels),
            min=self.spec.min,
        )
        subject = "、".join(labels) or "/".join(filter(None, (values["level1"], values["level2"]))) or self.code
        yield self._finding(self._need.anchor(declaration), values, subject=subject)


class ConditionalCheck(DeclarativeRule):
    def _prepare(self, spec) -> None:
        self._if = sel.condition(spec.if_)
        self._then = _Requirement(condition=spec.then)
        self._if_fields = [name for name, _ in sel.header_tests(spec.if_.header)]

    def _check(self, declaration):
        if not self._if(declaration) or self._then.unmet(declaration) is None:
            return
        values = self._declaration_values(
            declaration,
            level1=sel.level_labels(self._then.level1),
            level2=sel.level_labels(self._then.level2),
            missing="",
            min="",
        )
        subject = "/".join(filter(None, (values["level1"], values["level2"]))) or self.code
        yield self._finding(self._then.anchor(declaration, self._if_fields), values, subject=subject)


_CLASSES = {
    "forbid": ForbidCheck,
    "unit": UnitCheck,
    "range": RangeCheck,
    "require": RequireCheck,
    "conditional": ConditionalCheck,
}


def build_rule(spec, *, rule_file: str, source: str = "", default_enabled: bool = True) -> type[DeclarativeRule]:
    """A Rule subclass for one validated spec."""
    base = _CLASSES[spec.check]
    attrs = {
        "code": spec.code,
        "name": spec.name,
        "severity": Severity(spec.severity),
        "spec": spec,
        "rule_file": rule_file,
        "default_enabled": default_enabled,
        "__doc__": _docstring(spec, rule_file, source),
        "__module__": __name__,
    }
    return type(f"{spec.code}_{spec.name.replace('-', '_')}", (base,), attrs)


_CHECK_NAMES = {
    "forbid": ("禁止", "forbid"),
    "unit": ("单位", "unit"),
    "range": ("取值范围", "range"),
    "require": ("必须存在", "require"),
    "conditional": ("条件要求", "conditional"),
}


def _docstring(spec, rule_file: str, source: str) -> str:
    message_zh, message_en = _texts(spec.message)
    if spec.description is None:
        described_zh, described_en = message_zh, message_en
    else:
        described_zh, described_en = _texts(spec.description)
    check_zh, check_en = _CHECK_NAMES[spec.check]
    block = f"```yaml\n{source}\n```" if source else ""
    zh = f"{described_zh.strip()}\n\n**声明式规则**（{check_zh}检查，定义于 {rule_file}）：\n{block}"
    en = f"{described_en.strip()}\n\n**Declarative rule** ({check_en} check, defined in {rule_file}):\n{block}"
    # Rule.doc() splits the two languages on a line holding only ---.
    return f"{zh}\n---\n{en}"
