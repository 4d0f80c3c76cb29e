"""A stable JSON report; the schema is documented in docs/json-format.md."""

from __future__ import annotations

import json

from targetlint import escape
from targetlint.reporters import ReportContext

SCHEMA_VERSION = 1


def finding_record(finding, lang: str) -> dict:
    record = {
        "file": escape.path(finding.path),
        "line": finding.span.line,
        "column": finding.span.column,
        "end_line": finding.span.end_line,
        "end_column": finding.span.end_column,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message(lang),
        "declaration": finding.declaration,
        "indicator_path": list(finding.indicator_path),
        "value": finding.value,
        "suggestion": finding.suggestion.text(lang) if finding.suggestion is not None else None,
        "sheet": finding.sheet,
        "cell": finding.cell,
        "fix": None,
    }
    if finding.fix is not None:
        record["fix"] = {
            "safety": str(finding.fix.safety),
            "replacement": finding.fix.replacement,
            "line": finding.fix.span.line,
            "column": finding.fix.span.column,
            "end_line": finding.fix.span.end_line,
            "end_column": finding.fix.span.end_column,
        }
    return record


def render(findings, context: ReportContext) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "targetlint", "version": context.tool_version},
        "column_unit": "unicodeCodePoints",
        "summary": {
            "files": context.files_checked,
            "declarations": context.declarations_checked,
            "skipped": context.files_skipped,
            "findings": len(findings),
            "by_severity": {s: sum(1 for f in findings if str(f.severity) == s) for s in ("error", "warning", "info")},
        },
        "findings": [finding_record(f, context.lang) for f in findings],
        "errors": [{"message": escape.text(message)} for message in context.errors],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
