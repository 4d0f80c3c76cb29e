"""Rule listings built from the registry: `targetlint rules` and the README table."""

from __future__ import annotations

import json

_FIX = {None: "", "safe": "safe", "unsafe": "unsafe"}


def _rows(registry, lang: str):
    for rule in registry.sorted_rules():
        yield {
            "code": rule.code,
            "name": rule.name,
            "severity": str(rule.severity),
            "fixable": _FIX[rule.fixable and str(rule.fixable)],
            "summary": rule.summary(lang),
            "origin": rule.origin,
        }


def rules_table(registry, lang: str = "zh", output_format: str = "text") -> str:
    rows = list(_rows(registry, lang))
    if output_format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if output_format == "markdown":
        lines = ["| code | name | severity | fixable | summary |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {r['code']} | `{r['name']}` | {r['severity']} | {r['fixable'] or '—'} | {r['summary']} |" for r in rows]
        return "\n".join(lines) + "\n"
    width = max((len(r["name"]) for r in rows), default=10)
    return "".join(f"{r['code']:<7} {r['name']:<{width}}  {r['severity']:<7} {r['fixable'] or '-':<6}  {r['summary']}\n" for r in rows)
