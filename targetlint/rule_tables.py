"""Rule listings built from the registry: `targetlint rules` and the README table."""

from __future__ import annotations

import json

_FIX = {None: "", "safe": "safe", "unsafe": "unsafe"}


def _rows(registry, lang: str, enabled: set[str] | None):
    for rule in registry.sorted_rules():
        row = {
            "code": rule.code,
            "name": rule.name,
            "severity": str(rule.severity),
            "fixable": _FIX[rule.fixable and str(rule.fixable)],
            "summary": rule.summary(lang),
            "origin": rule.origin,
            "default": getattr(rule, "default_enabled", True),
        }
        if enabled is not None:
            row["enabled"] = rule.code in enabled
        yield row


def rules_table(registry, lang: str = "zh", output_format: str = "text", enabled: set[str] | None = None) -> str:
    """Every rule; with ``enabled`` (the codes the current configuration runs),
    the text and JSON listings say whether each is on. The Markdown table is
    documentation and stays configuration-free."""
    rows = list(_rows(registry, lang, enabled if output_format != "markdown" else None))
    if output_format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        lines = ["| code | name | severity | fixable | default | summary |", "| --- | --- | --- | --- | --- | --- |"]
        lines += [
            f"| {r['code']} | `{r['name']}` | {r['severity']} | {r['fixable'] or '—'} | "
            f"{'on' if r['default'] else 'off'} | {r['summary']} |"
            for r in rows
        ]
        return "\n".join(lines) + "\n"
    width = max((len(r["name"]) for r in rows), default=10)
    on = {True: "on", False: "off"}
    header = (
        f"{'code':<7} {'name':<{width}}  {'severity':<8} {'fixable':<7}"
        + (" enabled " if enabled is not None else "")
        + " summary\n"
    )
    return header + "".join(
        f"{r['code']:<7} {r['name']:<{width}}  {r['severity']:<8} {r['fixable'] or '-':<7}"
        + (f" {on[r['enabled']]:<7} " if "enabled" in r else "")
        + f" {r['summary']}\n"
        for r in rows
    )
