"""Declarative rules: rule packs written in YAML, without Python.

A rule file holds ``rules:``, each with a user-range code (``TLX001``,
``SHX001``), a kebab-case name, a severity, a message with placeholders and a
check of one of five types (``forbid``, ``require``, ``unit``, ``range``,
``conditional``) aimed at the model through a small selector language; see
``docs/declarative-rules.md``.

Rule files reach a run three ways: shipped by installed packs (the
``targetlint.rulefiles`` entry-point group, or a plugin's
``targetlint_rule_files`` hook), listed in the configuration
(``rule-files:``), or bundled in a profile. This package is imported only
when at least one rule file exists, so a plain run pays nothing for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targetlint.declarative.compile import DeclarativeRule
    from targetlint.declarative.loader import LoadedFile, RuleFileError, load_rule_file
    from targetlint.registry import Registry


def __getattr__(name: str):
    # The plugin module lives in this package and is imported on every run;
    # the loader (pydantic models, ruamel) only when a rule file exists.
    if name in ("LoadedFile", "RuleFileError", "load_rule_file"):
        from targetlint.declarative import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["LoadedFile", "RuleFileError", "compile_rule_file", "load_rule_file", "register_rule_files"]


def compile_rule_file(
    path: str, *, default_enabled: bool = True
) -> tuple[list[type[DeclarativeRule]], list[RuleFileError]]:
    """The Rule classes a rule file defines, and its errors (a rule with an
    error is left out; the others still load)."""
    from targetlint.declarative.compile import build_rule
    from targetlint.declarative.loader import load_rule_file

    loaded = load_rule_file(path)
    rules: list[type[DeclarativeRule]] = []
    errors = list(loaded.errors)
    seen: dict[str, int] = {}
    for item in loaded.specs:
        spec = item.spec
        line = item.node.start_mark.line + 1
        if spec.code in seen or any(r.name == spec.name for r in rules):
            clash = "code" if spec.code in seen else "name"
            value = spec.code if clash == "code" else spec.name
            errors.append(
                _error_at(
                    path,
                    item.node,
                    clash,
                    f"规则{'代码' if clash == 'code' else '名称'} {value} 在本文件中重复（第 "
                    f"{seen.get(spec.code, line)} 行已定义）",
                    f"duplicate rule {clash} {value} in this file",
                )
            )
            continue
        seen[spec.code] = line
        rule = build_rule(spec, rule_file=path, source=item.source, default_enabled=default_enabled)
        rule._node = item.node
        rules.append(rule)
    errors.sort(key=lambda e: (e.line, e.column))
    return rules, errors


def _error_at(path: str, node, key: str, zh: str, en: str) -> RuleFileError:
    from targetlint.declarative.loader import RuleFileError

    target = node
    for key_node, value_node in getattr(node, "value", ()):
        if getattr(key_node, "value", None) == key:
            target = value_node
    return RuleFileError(path, target.start_mark.line + 1, target.start_mark.column + 1, zh, en)


def register_rule_files(
    registry: Registry, paths: Iterable[str], origin: str = "declarative", *, default_enabled: bool = True
) -> tuple[list[str], list[RuleFileError]]:
    """Compile ``paths`` into ``registry``: returns the codes the files define
    (including those registered by an earlier call for the same file) and the
    errors, which are also recorded in ``registry.errors`` so the CLI reports
    them and exits 2."""
    from targetlint.registry import PluginError

    codes: list[str] = []
    errors: list = []
    for path in dict.fromkeys(os.path.abspath(p) for p in paths):
        known = [r.code for r in registry.rules.values() if getattr(r, "rule_file", None) == path]
        if known:
            codes.extend(known)
            continue
        rules, file_errors = compile_rule_file(path, default_enabled=default_enabled)
        where = origin
        for rule in rules:
            other = registry.rules.get(rule.code) or registry.by_name.get(rule.name)
            if other is not None:
                clash = "code" if rule.code in registry.rules else "name"
                where = getattr(other, "rule_file", "") or other.origin
                value = rule.code if clash == "code" else rule.name
                file_errors.append(
                    _error_at(
                        path,
                        rule._node,
                        clash,
                        f"规则{'代码' if clash == 'code' else '名称'} {value} 已由 {where} 定义",
                        f"rule {clash} {value} is already defined by {where}",
                    )
                )
                continue
            rule.origin = where
            registry.rules[rule.code] = rule
            registry.by_name[rule.name] = rule
            codes.append(rule.code)
        for error in file_errors:
            registry.errors.append(PluginError(where, str(error)))
        errors.extend(file_errors)
    return codes, errors
