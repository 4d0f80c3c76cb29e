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
    from targetlint.registry import Catalogue


def __getattr__(name: str):
    # The plugin module lives in this package and is imported on every run;
    # the loader (pydantic models, ruamel) only when a rule file exists.
    if name in ("LoadedFile", "RuleFileError", "load_rule_file"):
        from targetlint.declarative import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["LoadedFile", "RuleFileError", "compile_rule_file", "load_rule_file", "with_rule_files"]


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


def with_rule_files(
    catalogue: Catalogue,
    paths: Iterable[str],
    origin: str = "declarative",
    *,
    default_enabled: bool = True,
    compiled: dict[str, tuple[list, list]] | None = None,
) -> tuple[Catalogue, list[str], list[RuleFileError]]:
    """``catalogue`` with the rules of the rule files ``paths`` added, as a
    new catalogue (``catalogue`` is left as it is); the codes the files
    define (including those ``catalogue`` already holds from the same file)
    and the errors. ``compiled`` remembers compiled files across calls, so a
    file several configurations name is compiled once."""
    from targetlint.registry import PluginError

    codes: list[str] = []
    errors: list = []
    added: list = []
    plugin_errors: list[PluginError] = []
    for path in dict.fromkeys(os.path.abspath(p) for p in paths):
        known = [r.code for r in catalogue.rules.values() if getattr(r, "rule_file", None) == path]
        if known:
            codes.extend(known)
            continue
        if compiled is not None and path in compiled:
            rules, file_errors = compiled[path]
            rules, file_errors = list(rules), list(file_errors)
        else:
            rules, file_errors = compile_rule_file(path, default_enabled=default_enabled)
            if compiled is not None:
                compiled[path] = (list(rules), list(file_errors))
        where = origin
        taken = {**catalogue.rules, **{r.code: r for r in added}}
        names = {**catalogue.by_name, **{r.name: r for r in added}}
        for rule in rules:
            other = taken.get(rule.code) or names.get(rule.name)
            if other is not None:
                clash = "code" if rule.code in taken else "name"
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
            if not rule.origin:
                rule.origin = origin
            taken[rule.code] = names[rule.name] = rule
            added.append(rule)
            codes.append(rule.code)
        plugin_errors.extend(PluginError(where, str(error)) for error in file_errors)
        errors.extend(file_errors)
    return catalogue.adding(added, plugin_errors), codes, errors
