"""The registry: every rule and vocabulary extension the loaded plugins
contributed, and the errors met while loading them. A plain record, below
both the plugin loader and the declarative engine that fill it."""

from __future__ import annotations

from dataclasses import dataclass, field

from targetlint.rule import Rule


@dataclass(frozen=True)
class PluginError:
    plugin: str
    error: str


@dataclass
class Registry:
    """The rules and vocabulary extensions every loaded plugin contributed."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)  # code → rule class
    by_name: dict[str, type[Rule]] = field(default_factory=dict)  # kebab name → rule class
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    rule_files: list[str] = field(default_factory=list)
    rule_file_origins: dict[str, str] = field(default_factory=dict)  # rule file → the plugin that shipped it
    errors: list[PluginError] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)

    def lookup(self, code_or_name: str) -> type[Rule] | None:
        return self.rules.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def sorted_rules(self) -> list[type[Rule]]:
        return [self.rules[code] for code in sorted(self.rules, key=_code_order)]


def _code_order(code: str) -> tuple:
    digits = "".join(ch for ch in code if ch.isdigit())
    prefix = code.rstrip("0123456789")
    return (len(prefix), prefix, int(digits) if digits else 0)
