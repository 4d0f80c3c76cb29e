"""A stable JSON report; the schema is documented in docs/json-format.md."""

from __future__ import annotations

from collections.abc import Callable

from targetlint import escape
from targetlint.reporters import ReportContext, Spool, render_spooled

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


class Report:
    """The JSON report written as the run goes: findings are added file by
    file and spooled to disk, and :meth:`finish` writes the document (its
    summary first) once the run is over."""

    def __init__(self, context: ReportContext):
        self.lang = context.lang
        self.spool = Spool()
        self.by_severity = dict.fromkeys(("error", "warning", "info"), 0)

    def add(self, findings) -> None:
        for finding in findings:
            self.spool.add(finding_record(finding, self.lang))
            severity = str(finding.severity)
            self.by_severity[severity] = self.by_severity.get(severity, 0) + 1

    def finish(self, context: ReportContext, write: Callable[[str], None]) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "targetlint", "version": context.tool_version},
            "column_unit": "unicodeCodePoints",
            "summary": {
                "files": context.files_checked,
                "declarations": context.declarations_checked,
                "skipped": context.files_skipped,
                "findings": self.spool.count,
                "by_severity": self.by_severity,
            },
            "findings": [],
            "errors": [{"message": escape.text(message)} for message in context.errors],
        }
        self.spool.write_into(document, ("findings",), write)


def render(findings, context: ReportContext) -> str:
    return render_spooled(Report, findings, context)
