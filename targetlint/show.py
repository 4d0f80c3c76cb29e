"""``check --show-settings PATH`` and ``--show-files``: what a run would do,
without doing it (ruff's flags of the same names)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass

from targetlint.i18n import Message


def settings_text(planner, path: str, lang: str) -> str:
    """The effective settings for ``path``: the configuration file that
    governs it, its profile and rule files, fail-on, per-file ignores, and
    every rule that runs on it with its severity and options."""
    config = planner.config_for(path)
    plan = planner.plan(path)
    settings = config.settings
    profile = planner.overrides.profile or settings.profile or "default"
    fail_on = str(plan.fail_on)

    def row(zh: str, english: str, value: str) -> str:
        return Message(f"{zh}：{value}\n", f"{english}: {value}\n").text(lang)

    none = Message("无", "none").text(lang)
    source = config.path or Message(f"{none}（使用默认设置）", f"{none} (defaults)").text(lang)
    out = row("设置", "settings for", path)
    out += row("配置文件", "configuration file", source)
    out += row("策略配置", "profile", profile)
    out += row("规则文件", "rule files", ", ".join(settings.rule_files) or none)
    out += row("导致失败的最低级别", "fail-on", fail_on)
    out += row("本文件忽略的规则", "ignored for this file", ", ".join(sorted(plan.ignored)) or none)
    rules = [rule for rule in plan.engine.rules if rule.code not in plan.ignored]
    out += Message(f"启用的规则（{len(rules)} 条）：\n", f"enabled rules ({len(rules)}):\n").text(lang)
    width = max((len(rule.name) for rule in rules), default=0)
    for rule in rules:
        severity = plan.engine.severities.get(rule.code, rule.severity)
        options = _options(getattr(rule, "options", None))
        out += f"  {rule.code:<7} {rule.name:<{width}}  {severity}" + (f"  {options}" if options else "") + "\n"
    return out


def _options(options) -> str:
    if options is None:
        return ""
    if is_dataclass(options):
        values = {f.name: getattr(options, f.name) for f in fields(options)}
    else:
        values = dict(vars(options))
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, default=_plain, sort_keys=True)


def _plain(value):
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)
