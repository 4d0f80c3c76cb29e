"""The rule catalogue: every rule and vocabulary extension the loaded plugins,
installed packs and named rule files contributed, and the errors met while
loading them. An immutable record, built once by :mod:`targetlint.plugins`
(and extended, as a new record, with a configuration's rule files by
:func:`targetlint.declarative.with_rule_files`); below both, so neither
imports the other for it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from targetlint.rule import Rule


@dataclass(frozen=True)
class PluginError:
    plugin: str
    error: str


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Catalogue:
    """The rules (by code and by kebab name), the vocabulary extensions and
    the pack-shipped rule files of one run, and the errors met building them.
    Nothing registers into it: adding rules makes a new catalogue."""

    rules: Mapping[str, type[Rule]] = field(default_factory=_frozen)  # code → rule class
    by_name: Mapping[str, type[Rule]] = field(default_factory=_frozen)  # kebab name → rule class
    vocabulary: Mapping[str, tuple[str, ...]] = field(default_factory=_frozen)
    rule_files: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    errors: tuple[PluginError, ...] = ()

    def __post_init__(self) -> None:
        for name in ("rules", "by_name", "vocabulary"):
            value = getattr(self, name)
            if not isinstance(value, MappingProxyType):
                object.__setattr__(self, name, _frozen(value))

    def lookup(self, code_or_name: str) -> type[Rule] | None:
        return self.rules.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def code_of(self, code_or_name: str) -> str | None:
        """The code a code or rule name stands for (suppression comments), or None."""
        rule = self.lookup(code_or_name)
        return rule.code if rule is not None else None

    def sorted_rules(self) -> list[type[Rule]]:
        return [self.rules[code] for code in sorted(self.rules, key=_code_order)]

    def adding(self, rules: Iterable[type[Rule]], errors: Iterable[PluginError] = ()) -> Catalogue:
        """A new catalogue with ``rules`` (already checked not to clash) and ``errors`` added."""
        added = list(rules)
        return Catalogue(
            {**self.rules, **{r.code: r for r in added}},
            {**self.by_name, **{r.name: r for r in added}},
            self.vocabulary,
            self.rule_files,
            self.plugins,
            self.errors + tuple(errors),
        )

    def merged(self, other: Catalogue) -> Catalogue:
        """This catalogue with the rules only ``other`` holds (another
        configuration's rule files): what a run's report describes."""
        extra = [r for code, r in other.rules.items() if code not in self.rules and r.name not in self.by_name]
        return self.adding(extra) if extra else self


def _code_order(code: str) -> tuple:
    digits = "".join(ch for ch in code if ch.isdigit())
    prefix = code.rstrip("0123456789")
    return (len(prefix), prefix, int(digits) if digits else 0)
